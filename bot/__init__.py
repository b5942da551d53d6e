"""Plain-Python core of the Stark-im-Amt assistant (no Rasa imports here)."""
