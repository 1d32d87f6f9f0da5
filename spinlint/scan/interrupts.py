"""Ctrl-C during a parallel scan ends in the one line the CLI prints: nothing from workers or threads.

The terminal sends SIGINT to every process in the foreground group, so worker processes that are still
importing numpy would each print a KeyboardInterrupt traceback, and the pool's bookkeeping threads can
fail noisily while the main thread unwinds.  Workers are started with SIGINT blocked (a blocked signal
mask survives fork and exec), so only the parent reacts and shuts the pool down; once it has been
interrupted, or once the scan ends early for any other reason (a full disk), exceptions in background threads
are not printed.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from typing import Iterator


_QUIET_TRACKER = "ignore::UserWarning:joblib.externals.loky.backend.resource_tracker"


@contextmanager
def workers_ignore_ctrl_c() -> Iterator[None]:
    """Processes (and threads) started inside this block do not receive SIGINT; the caller still does
    once the block ends (a Ctrl-C that arrives inside it is held, not lost)."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: Ctrl-C reaches workers differently
        yield
        return
    # The standard library's resource tracker unblocks SIGINT after it starts its own process (3.11:
    # SIG_UNBLOCK, not a restore), and the pool starts it with the first worker: start it first.
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    # After a Ctrl-C, loky's own resource tracker finds the pool's temporary folder already removed and warns
    # about it on the shared stderr as it exits; the processes started here inherit a filter for that warning.
    warnings_before = os.environ.get("PYTHONWARNINGS")
    os.environ["PYTHONWARNINGS"] = ",".join(filter(None, (warnings_before, _QUIET_TRACKER)))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        if warnings_before is None:
            os.environ.pop("PYTHONWARNINGS", None)
        else:
            os.environ["PYTHONWARNINGS"] = warnings_before


@contextmanager
def quiet_threads_once_ending_early() -> Iterator[threading.Event]:
    """Once the scan ends early — a Ctrl-C, a full disk — background threads that fail as the pool is torn
    down say nothing: the user gets the CLI's one line, not loky's manager thread's traceback.

    Yields the event that marks the scan as ending early. An exception leaving the block sets it, but the
    pool is torn down before that (inside the block), so the caller sets it first, as it starts to end.
    """
    ending = threading.Event()
    previous_hook = threading.excepthook

    def excepthook(args):
        if not ending.is_set():
            previous_hook(args)

    # SIGINT ignored (nohup) or handled by someone else, or not the main thread: leave Ctrl-C alone.
    handles_ctrl_c = (threading.current_thread() is threading.main_thread()
                      and signal.getsignal(signal.SIGINT) is signal.default_int_handler)

    def on_ctrl_c(signum, frame):
        ending.set()
        raise KeyboardInterrupt

    if handles_ctrl_c:
        signal.signal(signal.SIGINT, on_ctrl_c)
    threading.excepthook = excepthook
    try:
        yield ending
    except BaseException:
        ending.set()
        raise
    finally:
        if handles_ctrl_c:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        if not ending.is_set():
            threading.excepthook = previous_hook  # once ending early, threads may still be failing
