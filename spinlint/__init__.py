"""spinlint: a linter for corporate communication."""

__version__ = "0.1.0"
