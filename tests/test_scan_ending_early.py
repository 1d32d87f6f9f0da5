"""A scan that ends early (a full disk, Ctrl-C) prints one line: threads that fail while the worker pool is torn
down stay quiet. loky's manager thread can raise KeyError as a closed generator cancels its pending items; before
this, that reached the user's terminal as a traceback after the one-line error."""

from __future__ import annotations

import threading

import pytest

from spinlint.scan.interrupts import quiet_threads_once_ending_early


def _fail_in_a_thread() -> None:
    def work():
        raise KeyError(7)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()


@pytest.fixture
def printed(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(repr(args.exc_value)))
    return seen


def test_a_thread_failing_after_the_scan_starts_ending_is_quiet(printed):
    with pytest.raises(OSError):
        with quiet_threads_once_ending_early() as ending:
            ending.set()
            _fail_in_a_thread()
            raise OSError(28, "No space left on device")
    _fail_in_a_thread()  # still tearing down after the block: still quiet
    assert printed == []


def test_an_exception_leaving_the_block_marks_the_scan_as_ending(printed):
    with pytest.raises(OSError):
        with quiet_threads_once_ending_early():
            raise OSError(28, "No space left on device")
    _fail_in_a_thread()
    assert printed == []


def test_a_thread_failing_in_a_scan_that_runs_on_is_still_reported(printed):
    with quiet_threads_once_ending_early():
        _fail_in_a_thread()
    _fail_in_a_thread()
    assert printed == ["KeyError(7)", "KeyError(7)"]
