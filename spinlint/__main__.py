"""The entry point: ``spinlint`` and ``python -m spinlint``.

Ctrl-C can land while the command line is still being imported (a loaded machine takes a second or more); the
CLI's own handler is not installed yet, so the interrupt is caught here and ends the run with one line, exit 130.
"""

import sys


def run() -> None:
    try:
        from spinlint.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("spinlint: interrupted\n")
        sys.exit(130)
    main()


if __name__ == "__main__":
    run()
