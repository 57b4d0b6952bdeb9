"""Atomic file writes: a reader sees the old file or the new one, never half of one.

A write goes to a temporary sibling ``.<name>.<random>.tmp``, which is moved into place
when complete and removed when the write fails or is interrupted: by an exception,
Ctrl-C (KeyboardInterrupt), or SIGTERM/SIGHUP, which would otherwise end the process
on the spot (that is how a build stops its kernels). Only SIGKILL leaves one behind;
``sweep`` removes such leftovers at the start of the next build.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

# Signals whose default action ends the process without running any cleanup.
FATAL_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)
# What tempfile.mkstemp makes of prefix ".<name>." and suffix ".tmp" (8 random characters).
TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


class Terminated(BaseException):
    """A fatal signal arrived during an atomic write; raised to clean up, then re-sent."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextmanager
def _fatal_signals_raise():
    """While inside, a fatal signal whose action is the default raises ``Terminated``
    instead; on the way out through it the signal is sent again, so the process still
    ends as it would have. Only the main thread can handle signals; elsewhere: no-op."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def raise_terminated(signum, _frame):
        raise Terminated(signum)

    installed = {}
    for signum in FATAL_SIGNALS:
        if signal.getsignal(signum) is signal.SIG_DFL:
            installed[signum] = signal.signal(signum, raise_terminated)
    try:
        yield
    except Terminated as stop:
        if stop.signum not in installed:
            raise
        for signum, previous in installed.items():
            signal.signal(signum, previous)
        installed.clear()
        os.kill(os.getpid(), stop.signum)
        raise  # not reached when the default action ends the process
    finally:
        for signum, previous in installed.items():
            signal.signal(signum, previous)


@contextmanager
def atomic_path(path):
    """Yield a temporary path beside ``path``; move it into place only on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _fatal_signals_raise():
        tmp = None
        try:
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            tmp = Path(name)
            os.close(fd)
            yield tmp
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            if tmp is not None:
                tmp.unlink(missing_ok=True)
            raise


def write_bytes(path, data: bytes) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def write_text(path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def sweep(folder) -> list[Path]:
    """Remove the temporary files that writes in ``folder`` left behind when their
    process was killed outright (SIGKILL); return what was removed. Run it when no
    write can be under way, as at the start of a build."""
    removed = []
    folder = Path(folder)
    if not folder.is_dir():
        return removed
    for entry in sorted(folder.iterdir()):
        if TEMPORARY.match(entry.name) and entry.is_file():
            with contextlib.suppress(FileNotFoundError):
                entry.unlink()
                removed.append(entry)
    return removed
