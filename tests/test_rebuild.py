"""Rebuilds: nothing runs when nothing changed, a data change reaches the pages and the
figures (with `egov-repro book` and with a plain `jupyter-book build .`), an edited
chapter re-runs the chapters that run it, and Ctrl-C stops a build cleanly. Each works
on a copy of the session's build (conftest.built_book), never on the build itself."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from egov_repro.analysis import claims
from egov_repro.book.cachekey import invalidate
from egov_repro.data import datasets, maintain
from egov_repro.words import report as report_prose

from conftest import (
    ROOT,
    NewFiles,
    build,
    build_log,
    copy_built,
    project_env,
    text_of,
    wait_until,
)

# Each test rebuilds a copy of the session's build.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def book(built_book, tmp_path_factory):
    """A copy of the session's built book, which the tests below change in turn."""
    project = copy_built(built_book, tmp_path_factory.mktemp("book") / "project")
    return project, subprocess.CompletedProcess([], 0, build_log(built_book), "")


def set_egdi(project: Path, old: str, new: str) -> None:
    csv = project / "data" / "egdi.csv"
    csv.write_text(
        csv.read_text().replace(f"2022,IDN,Indonesia,77,{old},", f"2022,IDN,Indonesia,77,{new},")
    )
    maintain.register("egdi.csv", project / "data")


def shown_egdi(project: Path) -> str:
    page = text_of(project / "_build" / "html" / "chapters" / "02-southeast-asia-ranking.html")
    return re.search(r"Indonesia is number 5, with an EGDI of (\S+) and world rank 77", page)[1]


def test_noop_rebuild_executes_nothing_and_a_data_change_reaches_html_and_figures(book):
    project, _ = book
    again = build(project)
    assert again.returncode == 0
    assert "Executing notebook" not in again.stderr + again.stdout
    assert "executed" not in again.stdout
    assert "nothing changed since the last build" in again.stdout  # Sphinx not even started

    set_egdi(project, "0.716", "0.7171")
    changed = build(project)
    assert changed.returncode == 0, changed.stdout[-3000:]
    assert shown_egdi(project) == "0.7171"
    table = pd.read_csv(project / "figures" / "fig1-southeast-asia-egdi-2022.csv").set_index("iso3")
    assert table.at["IDN", "egdi"] == pytest.approx(0.7171)
    report = text_of(project / "_build" / "html" / "chapters" / "06-reproduction-report.html")
    tally = re.sub(r"\*\*", "", report_prose.tally_md(claims.audit(project / "data")))
    assert tally in report and "6 confirmed" in tally


# A book of two pages: the landing page and chapter 02, which shows Indonesia's EGDI.
TWO_PAGES = """\
format: jb-book
root: intro
parts:
  - caption: "The paper's figures, rebuilt | Gambar-gambar makalah, dibangun ulang"
    chapters:
      - file: chapters/02-southeast-asia-ranking
"""


def test_a_plain_jupyter_book_build_does_not_serve_runs_made_with_other_data(built_book, tmp_path):
    """The invalidation lives in the Sphinx extension: `jupyter-book build .` gets it too.
    A copy of the session's build, cut to two pages (the plain build runs its notebooks
    one by one in new kernels; two instead of eleven), with a changed data value: the
    cached runs of those pages were made with the old value and must not be shown."""
    project = copy_built(built_book, tmp_path / "project")
    (project / "_toc.yml").write_text(TWO_PAGES)
    set_egdi(project, "0.716", "0.7171")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "jupyter-book"), "build", "."],
        cwd=project,
        capture_output=True,
        text=True,
        env=project_env(),
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.count("Executing notebook") == 2, result.stdout[-3000:]
    assert shown_egdi(project) == "0.7171"
    table = pd.read_csv(project / "figures" / "fig1-southeast-asia-egdi-2022.csv").set_index("iso3")
    assert table.at["IDN", "egdi"] == pytest.approx(0.7171)


def test_editing_a_chapter_reruns_the_chapters_that_run_it(book):
    project, _ = book
    chapter = project / "chapters" / "02-southeast-asia-ranking.ipynb"
    text = chapter.read_text()
    edited = text.replace("{tr}`What it shows", "{tr}`What the chart shows")
    assert edited != text
    chapter.write_text(edited)
    assert invalidate(project)["stale"] == ["07-latest-edition.ipynb"]
    again = build(project)
    assert again.returncode == 0
    assert "executed 1 notebooks" in again.stdout


def sigterm_pending(pid: int) -> bool:
    """Whether SIGTERM waits to be delivered to a (stopped) process (Linux /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # the process is gone
        return True
    pending = re.findall(r"^(?:ShdPnd|SigPnd):\s*([0-9a-f]+)$", status, re.M)
    return any(int(mask, 16) & (1 << (signal.SIGTERM - 1)) for mask in pending)


def untracked(project: Path) -> list[str]:
    """What `git status` lists as untracked: files a build left behind. (Whether the
    figures match the committed ones is test_build_writes_the_same_figures_as_committed's.)"""
    status = git(project, "status", "--porcelain", "--untracked-files=all")
    return [line for line in status.splitlines() if line.startswith("??")]


def git(project: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_ctrl_c_while_chapter_07_writes_figures_stops_cleanly_and_leaves_no_file(
    built_book, tmp_path
):
    """Ctrl-C (SIGINT to the build's process group) while chapter 07 is writing a figure:
    the build stops within seconds with its kernels, the half-written figure's temporary
    file is removed, and after a rebuild `git status` is clean (a stale temporary that a
    killed process would leave is swept by the next build).

    It starts from a copy of the session's build in which chapter 02's prose was edited
    (and committed), so that chapter 07, which runs 02, is the one notebook to execute:
    the interrupt meets the same code as in a cold build, without running the others."""
    import psutil

    project = copy_built(built_book, tmp_path / "project")
    chapter = project / "chapters" / "02-southeast-asia-ranking.ipynb"
    edited = chapter.read_text().replace("{tr}`What it shows", "{tr}`What the chart shows")
    chapter.write_text(edited)
    assert invalidate(project)["stale"] == ["07-latest-edition.ipynb"]
    shutil.copy2(ROOT / ".gitignore", project / ".gitignore")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "the book as committed")
    latest = datasets.editions(project / "data")[-1]
    writing = re.compile(rf"^\.fig[13]-[a-z-]+-{latest}(-en)?\.(png|svg)\.\w{{8}}\.tmp$")

    process = subprocess.Popen(
        [sys.executable, "-m", "egov_repro", "book", "--root", str(project)],
        cwd=project,
        env=project_env(),
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a shell gives a command
    )
    # Wait until chapter 07 (or a chapter it runs) is writing a figure of the latest
    # edition, and freeze the build's processes there, so the interrupt lands mid-write.
    # The kernel reports each file created in figures/ (inotify), so no interval of
    # polling decides whether a write is seen; the ceilings below are only for a
    # build that hangs.
    caught, family = [], []
    with NewFiles(project / "figures", while_running=process.pid) as created:
        deadline = time.monotonic() + 300
        while not caught and time.monotonic() < deadline:
            names = created.wait(deadline - time.monotonic())
            if names is None:  # the build ended before a figure of the latest was caught
                break
            if not any(writing.match(name) for name in names):
                continue
            family = psutil.Process(process.pid).children(recursive=True)
            for proc in family:
                with contextlib.suppress(psutil.NoSuchProcess):
                    proc.suspend()
            caught = [e.name for e in os.scandir(project / "figures") if writing.match(e.name)]
            if not caught:  # the write ended meanwhile: wait for the next one
                for proc in family:
                    with contextlib.suppress(psutil.NoSuchProcess):
                        proc.resume()
    assert caught, "chapter 07 wrote no figure of the latest edition within five minutes"

    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    # The build answers by sending SIGTERM to its steps' processes, which stay pending
    # while they are frozen; then they are let go, to meet it mid-write. (The build
    # kills what has not ended 4 s later: they are let go as soon as it is pending.)
    assert wait_until(lambda: all(sigterm_pending(p.pid) for p in family), ceiling=120)
    for proc in family:
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.resume()
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 128 + signal.SIGINT
    assert err.strip().splitlines()[-1] == (
        "egov-repro book: interrupted by SIGINT; stopped the build and its kernels"
    )
    assert "Traceback" not in err
    # No process of the build outlives it (the kernels were ended, not orphaned).
    _gone, alive = psutil.wait_procs(family, timeout=120)
    assert not [p.pid for p in alive if p.status() != psutil.STATUS_ZOMBIE]
    # The writes were interrupted: their temporary files are gone, the figures unchanged.
    assert not [e.name for e in os.scandir(project / "figures") if e.name.endswith(".tmp")]
    assert untracked(project) == []

    # What a kernel killed outright (SIGKILL) would leave: the next build sweeps it.
    for folder, name in [("figures", caught[0]), ("data", ".egdi.csv.k2_x9qzr.tmp")]:
        (project / folder / name).write_text("half")
    again = build(project)
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
    assert "executed 1 notebooks" in again.stdout  # chapter 07 again, nothing else
    assert shown_egdi(project) == "0.7160"
    assert git(project, "status", "--porcelain", "--untracked-files=all") == ""
