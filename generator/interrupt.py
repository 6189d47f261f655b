"""Ctrl-C, SIGTERM and SIGHUP stop a build cleanly: as one exception, never halfway through a swap.

Left to their defaults, SIGTERM and SIGHUP end the process on the spot, so no cleanup runs:
half-built folders stay behind and the forked offline build goes on alone.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class Stopped(BaseException):
    """A signal stopped the build.

    A BaseException, like KeyboardInterrupt, so that no `except Exception` in MkDocs or a
    plugin takes it for a failed step and carries on.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def name(self) -> str:
        """Return the signal's name, like SIGTERM."""
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        """Return the exit code a shell gives a process this signal ended (128 + number)."""
        return 128 + self.signum


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Raise `Stopped` on Ctrl-C, SIGTERM or SIGHUP inside the block; restore the handlers after."""
    previous = {number: signal.getsignal(number) for number in SIGNALS}

    def stop(signum: int, frame: FrameType | None) -> None:
        # Cleanup runs once, and a second signal must not cut it short.
        for number in SIGNALS:
            signal.signal(number, signal.SIG_IGN)
        raise Stopped(signum)

    for number in SIGNALS:
        signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextmanager
def held() -> Iterator[None]:
    """Hold the stop signals back until the block has run whole; they arrive after it."""
    before = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def end_with_parent(parent: int) -> None:
    """Make this forked process end when `parent` ends, and on any stop signal, at once.

    Call it first thing in the child, which was forked inside `held()`: the signals held
    back then arrive only now, with their default action.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches both; the parent ends us
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent ended before the line above
        os._exit(1)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)


def parent_is_alive(parent: int) -> bool:
    """Return whether `parent` is still this process's parent."""
    return os.getppid() == parent
