"""Build steps as child processes that a Ctrl-C or SIGTERM ends cleanly: each step in its
own session, its whole process tree (kernels included) ended on an interrupt, and one
line said instead of a traceback."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
from pathlib import Path


class Interrupted(Exception):
    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _start(command: list[str], root: Path, sink) -> subprocess.Popen:
    """A build step in its own session (a signal meant for the build reaches only the
    build, which ends the step), its output streamed or sent to ``sink``."""
    return subprocess.Popen(
        command,
        cwd=root,
        start_new_session=True,
        stdout=sink,
        stderr=subprocess.STDOUT if sink else None,
    )


def run_step(command: list[str], root: Path, log: Path | None = None) -> int:
    """Run one build step in its own session, so that a signal meant for the build
    reaches only this process, which then ends the step and everything it started.
    With ``log``, the step's output goes there and is shown once it ends by itself, so
    an interrupt does not print the step's dying words."""
    sink = open(log, "w") if log else None  # noqa: SIM115 - closed below
    try:
        process = _start(command, root, sink)
        try:
            code = process.wait()
        except Interrupted:
            end_tree(process.pid)
            raise
    finally:
        if sink:
            sink.close()
    if log:  # reached only when the step ended by itself, not on an interrupt
        print(log.read_text(), end="")
    return code


def run_together(commands: list[list[str]], root: Path) -> int:
    """Run the editions' Sphinx builds side by side (they share one executed cache and
    only read it), each in its own session like ``_run``; the first command's output
    streams, the others' is shown when they end. Returns the worst exit status."""
    logs = [root / "_build" / f"egov-repro-edition-{i}.log" for i in range(1, len(commands))]
    sinks = [open(log, "w") for log in logs]  # noqa: SIM115 - closed below
    processes = []
    try:
        for command, sink in zip(commands, [None, *sinks], strict=True):
            processes.append(_start(command, root, sink))
        try:
            codes = [process.wait() for process in processes]
        except Interrupted:
            for process in processes:
                end_tree(process.pid)
            raise
    finally:
        for sink in sinks:
            sink.close()
    for log in logs:
        print(log.read_text(), end="")
    return max(codes)


def end_tree(pid: int, grace: float = 4.0) -> None:
    """Terminate a process and all its descendants (kernels included), then kill what
    is left after ``grace`` seconds."""
    import psutil

    try:
        parent = psutil.Process(pid)
        family = [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return
    for proc in family:
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.terminate()
    _, alive = psutil.wait_procs(family, timeout=grace)
    for proc in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.kill()
    psutil.wait_procs(alive, timeout=grace)


def stoppable(command: str, what: str, run, after=None) -> int:
    """Call ``run()`` with SIGINT and SIGTERM raising ``Interrupted`` (whose steps then
    end their process trees); on one, call ``after()`` (every step has ended by then:
    e.g. remove what a killed step left), print one line and return 128 + the signal
    number. The previous handlers are restored either way."""

    def interrupt(signum, _frame):
        raise Interrupted(signum)

    previous = {s: signal.signal(s, interrupt) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        return run()
    except Interrupted as stop:
        if after is not None:
            after()
        print(
            f"egov-repro {command}: interrupted by {stop}; stopped {what} and its kernels",
            file=sys.stderr,
        )
        return 128 + stop.signum
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
