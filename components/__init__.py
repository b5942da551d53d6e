"""Custom Rasa NLU graph components. Only the Rasa server imports these; actions never do.

Importing the package also installs a speed-up for Rasa's action-response validation
(components/speedups.py): the Rasa server imports it when it loads a model that uses our
components.
"""

from components.speedups import install as _install_speedups

_install_speedups()
