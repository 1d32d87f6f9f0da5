"""Running the command line in-process, shared by the CLI behaviour tests (issues 15 and 16)."""

from __future__ import annotations

from click.testing import CliRunner

from spinlint.cli import main

SPIN = "Our AI-first platform will unlock value at scale. Mistakes were made during the rollout.\n"
PLAIN = "The invoice run finished at 09:00 on Tuesday. Maria fixed the printer queue.\n"


def invoke(*args, input=None, env=None):
    """The command line in-process, letting any exception through (so a traceback fails the test)."""
    return CliRunner().invoke(main, [*args], input=input, env=env, catch_exceptions=False)


def run(*args: str):
    """The command line in-process; a traceback is a failure, whatever the exit status."""
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"spinlint raised {result.exception!r}\n{result.output}") from result.exception
    assert "Traceback" not in result.output
    return result
