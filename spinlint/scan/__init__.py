"""The linter over many files: ``spinlint check`` over paths (``runner``), ``spinlint scan`` over an archive (``archive``)."""
