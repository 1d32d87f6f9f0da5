"""The one error the sources stage raises."""


class InputError(Exception):
    """A file that cannot be linted; the message is one line that names it."""
