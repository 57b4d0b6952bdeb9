"""Atomic writes leave the old file or the new one, and no temporary file, however the
write ends: an error, Ctrl-C, SIGTERM or SIGHUP (how a build stops its kernels)."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from egov_repro.data import atomic

# The writer starts as a kernel does, with the signals' default action: a child inherits
# an ignored or blocked signal from whatever started it (here a pytest worker).
WRITER = """
import signal, sys, time
from pathlib import Path
from egov_repro.data import atomic

for signum in (signal.SIGTERM, signal.SIGHUP):
    signal.signal(signum, signal.SIG_DFL)
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGHUP})

with atomic.atomic_path(Path(sys.argv[1])) as png, atomic.atomic_path(Path(sys.argv[2])) as svg:
    png.write_text("half a png")
    svg.write_text("half an svg")
    print(png, svg, sep="\\n", flush=True)
    for _ in range(2400):  # 120 s, in slices: see WAITS_IN_SLICES
        time.sleep(0.05)
"""
# WAITS_IN_SLICES: CPython runs a Python signal handler between bytecodes, and inside
# time.sleep only when the sleep is interrupted. A signal that arrives after the print
# but before the sleep's system call starts (the writer preempted there, as on a loaded
# machine) is caught by C, does not interrupt the sleep, and waited for the full 120 s:
# the test then timed out (seen 5 times in 484 runs under 12 busy loops; faulthandler
# put the writer in time.sleep, the handler still installed, no signal pending). A short
# slice ends soon and the next bytecode runs the handler.


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_completed_write_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "fig.csv"
    target.write_text("old")
    before = signal.getsignal(signal.SIGTERM)
    atomic.write_text(target, "new")
    assert target.read_text() == "new"
    assert leftovers(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) == before  # left as it was


@pytest.mark.parametrize("error", [ValueError("bad row"), KeyboardInterrupt()])
def test_a_failed_or_interrupted_write_keeps_the_old_file_and_removes_its_temporary(
    tmp_path, error
):
    target = tmp_path / "fig.png"
    target.write_text("old")
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(type(error)), atomic.atomic_path(target) as tmp:
        tmp.write_text("half")
        assert leftovers(tmp_path) == [tmp.name]
        raise error
    assert target.read_text() == "old"
    assert leftovers(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) == before  # left as it was


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_write_ended_by_a_fatal_signal_removes_its_temporaries_and_the_process_still_dies(
    tmp_path, signum
):
    png, svg = tmp_path / "fig.png", tmp_path / "fig.svg"
    png.write_text("old png")
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(png), str(svg)], stdout=subprocess.PIPE, text=True
    )
    temporaries = [Path(process.stdout.readline().rstrip("\n")) for _ in range(2)]
    assert sorted(leftovers(tmp_path)) == sorted(p.name for p in temporaries)
    process.send_signal(signum)
    process.communicate(timeout=60)
    assert process.returncode == -signum  # ended by the signal, as without atomic writes
    assert leftovers(tmp_path) == []
    assert png.read_text() == "old png" and not svg.exists()


def test_a_signal_handler_of_the_program_is_left_in_charge(tmp_path):
    def handler(signum, frame):
        raise SystemExit(3)

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        with atomic.atomic_path(tmp_path / "fig.png"):
            assert signal.getsignal(signal.SIGTERM) is handler
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_writes_from_another_thread_work_and_touch_no_signal_handler(tmp_path):
    done, before = [], signal.getsignal(signal.SIGTERM)

    def write():
        atomic.write_text(tmp_path / "fig.csv", "from a thread")
        done.append(signal.getsignal(signal.SIGTERM))

    thread = threading.Thread(target=write)
    thread.start()
    thread.join()
    assert done == [before]
    assert (tmp_path / "fig.csv").read_text() == "from a thread"


def test_sweep_removes_only_the_temporaries_of_atomic_writes(tmp_path):
    keep = ["fig1.png", "fig1.svg", ".gitkeep", "notes.tmp", ".fig1.png.tmp"]
    stale = [".fig1-southeast-asia-egdi-2024-en.png.k2_x9qzr.tmp", ".fig1.svg.abcdefgh.tmp"]
    for name in keep + stale:
        (tmp_path / name).write_text("x")
    removed = atomic.sweep(tmp_path)
    assert sorted(p.name for p in removed) == sorted(stale)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(keep)
    assert atomic.sweep(tmp_path / "no such folder") == []
