"""Custom Rasa NLU graph components. Only the Rasa server imports these; actions never do."""
