"""Shared fixtures. Tests never write into the working tree: figures go to a session
temporary folder, data changes are made on copies, and a final check proves that
data/, figures/ and the chapters are byte-for-byte as they were."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from html import unescape
from pathlib import Path

import pytest

from egov_repro.book.contents import BOOK_FILES

ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").lower() == "true"


# How the two xdist workers share the suite. A file's tests stay on one worker (its module
# fixtures, such as a build or a papermill grid, are made once; a notebook's nbval cells
# share a kernel), except the files in SPREAD, whose tests are independent and are
# handed out one by one, last, to fill whichever worker is free. The longest files go
# first, so that both workers finish together; test_book.py first, as it makes the
# session's build that four other files read. (xdist's own `loadgroup` cannot express
# this with pytest 9: its group suffix on node ids no longer takes effect.)
LONGEST_FIRST = [
    "test_book.py", "test_notebook_grid.py", "test_rebuild.py", "test_new_edition.py",
    "test_site_audit.py", "test_pdf.py",
]  # fmt: skip
SPREAD = {"test_figures.py", "test_notebooks.py"}
# Files that share a session fixture too costly to make twice run on one worker, as one
# unit: the PDF files read the same two prints (``book_prints``).
TOGETHER = {"test_pdf_layout.py": "test_pdf.py", "test_indonesian_conventions.py": "test_pdf.py"}


@pytest.hookimpl(optionalhook=True)  # a run without xdist (-p no:xdist) has no such hook
def pytest_xdist_make_scheduler(config, log):
    """Used whenever tests are sent to workers (`make test` passes -n 2), whatever --dist
    says. It overrides LoadScopeScheduling._split_scope, which is private: xdist offers
    no public way to choose the unit of work (pytest-dev/pytest-xdist#18, open since
    2016, and loadgroup's node-id suffix has stopped working on pytest 9:
    pytest-dev/pytest-xdist#1386). pyproject.toml pins pytest-xdist for that reason."""
    from xdist.scheduler import LoadScopeScheduling

    class ByFileSpreadingSome(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            file = Path(nodeid.split("::", 1)[0])
            if file.name in TOGETHER:
                return str(file.with_name(TOGETHER[file.name]))
            return nodeid if file.name in SPREAD else str(file)

    # The order is LONGEST_FIRST's (pytest_collection_modifyitems): xdist must not sort
    # the files by their number of tests instead (what --no-loadscope-reorder says).
    config.option.loadscopereorder = False
    return ByFileSpreadingSome(config, log)


def pytest_collection_modifyitems(config, items):
    def rank(item) -> int:
        name = item.path.name
        if name in LONGEST_FIRST:
            return LONGEST_FIRST.index(name)
        return len(LONGEST_FIRST) + (name in SPREAD)

    items.sort(key=rank)  # stable: reading order within a file
    for item in items:  # nbval's notebooks: each cell runs in a kernel
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.slow)


def _tree_digest() -> dict[str, str]:
    files = [
        p
        for d in ("data", "figures", "chapters")
        for p in (ROOT / d).rglob("*")
        if p.is_file() and ".ipynb_checkpoints" not in p.parts
    ]
    return {
        str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files)
    }


@pytest.fixture(scope="session", autouse=True)
def working_tree_untouched(tmp_path_factory):
    """Send figures to a temporary folder; after the session, the tree must be unchanged."""
    figures = tmp_path_factory.mktemp("figures")
    old = os.environ.get("EGOV_REPRO_FIGURES_DIR")
    os.environ["EGOV_REPRO_FIGURES_DIR"] = str(figures)
    before = _tree_digest()
    yield figures
    if old is None:
        os.environ.pop("EGOV_REPRO_FIGURES_DIR", None)
    else:
        os.environ["EGOV_REPRO_FIGURES_DIR"] = old
    after = _tree_digest()
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    assert not changed, f"the test suite changed files in the working tree: {changed}"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of data/ to corrupt or extend."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def next_edition() -> int:
    """A survey year after every edition in the data: tests that add an edition must not
    collide with one a maintainer has added since."""
    from egov_repro.data.datasets import editions

    return editions(ROOT / "data")[-1] + 2


def project_env() -> dict[str, str]:
    """The environment for a subprocess that works on a project copy: its figures go to
    that copy (not the session's folder) and no pytest variable leaks into it."""
    return {
        k: v
        for k, v in os.environ.items()
        if k != "EGOV_REPRO_FIGURES_DIR" and not k.startswith("PYTEST_")
    }


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`egov-repro ARGS` run inside a project copy."""
    return subprocess.run(
        [sys.executable, "-m", "egov_repro", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=project_env(),
    )


def copy_project(target: Path) -> Path:
    """A copy of everything the book needs, to build or re-execute without touching ROOT."""
    target.mkdir(parents=True, exist_ok=True)
    for name in BOOK_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, target / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
            )
        else:
            shutil.copy2(ROOT / name, target / name)
    return target


def text_problems(fig) -> list[str]:
    from matplotlib.text import Text

    from egov_repro.plots.plotting import css_px

    """Text that lies outside the canvas, or would render below 9 CSS px when the figure
    is shown across a 390-px phone's column."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    canvas = fig.bbox
    problems = []
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        if box.width == 0:
            continue
        if (
            box.x0 < canvas.x0 - 1
            or box.y0 < canvas.y0 - 1
            or box.x1 > canvas.x1 + 1
            or box.y1 > canvas.y1 + 1
        ):
            problems.append(f"outside the canvas: {text.get_text()!r}")
        if css_px(text.get_fontsize(), fig.get_figwidth()) < 9 - 1e-9:
            problems.append(f"{text.get_fontsize()} pt is under 9 CSS px: {text.get_text()!r}")
    return problems


# A project already built with `egov-repro book` (its build's output in ../build.log),
# for a run that should read it instead of building one: tests/test_new_edition.py runs
# the suite's checks of the latest edition on its extended copy this way.
BUILT_BOOK = "EGOV_REPRO_TEST_BUILT_BOOK"


@pytest.fixture(scope="session")
def built_book(tmp_path_factory, request) -> Path:
    """One built copy of the project for the whole run, shared by the xdist workers (the
    first to ask builds it under a file lock): for tests that only read the built site.
    Tests that change the project work on a copy of it (``copy_built``)."""
    from filelock import FileLock

    if BUILT_BOOK in os.environ:  # tests/test_new_edition.py: its extended copy, built
        return Path(os.environ[BUILT_BOOK])
    base = tmp_path_factory.getbasetemp()
    # An xdist worker's temporary folder is one of its session's (-p no:xdist has none)
    shared = base.parent if hasattr(request.config, "workerinput") else base
    project = shared / "built-book" / "project"
    done = shared / "built-book" / "built"
    with FileLock(str(shared / "built-book.lock")):
        if not done.is_file():
            shutil.rmtree(project, ignore_errors=True)
            copy_project(project)
            result = run_cli(project, "book", "--root", str(project))
            assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
            (project.parent / "build.log").write_text(result.stdout + result.stderr)
            done.write_text("ok\n")
    return project


def build_log(built: Path) -> str:
    """What building ``built_book`` printed."""
    return (built.parent / "build.log").read_text()


def copy_built(built: Path, target: Path) -> Path:
    """A private copy of a built project, _build/ included (its executed cache, site and
    record of the build), for tests that change it: a copy instead of another build."""
    shutil.copytree(built, target, symlinks=True)
    return target


PRINT_EPOCH = "1764547200"  # 2025-12-01 00:00 UTC: the copy is not a git checkout


@pytest.fixture(scope="session")
def book_prints(built_book, tmp_path_factory):
    """Two prints of the session's book, both editions (`egov-repro pdf`), from a copy of
    its build (a print writes into the site's pdf/ folder): (project, {lang: [first,
    second]}). The second print only proves that prints are byte-identical. Made once:
    tests/test_pdf.py and tests/test_pdf_layout.py run on one worker (``TOGETHER``)."""
    from egov_repro.site import pdf

    missing = [tool for tool in ("pdffonts", "pdftotext", "pdfimages") if not shutil.which(tool)]
    reason = f"poppler-utils ({', '.join(missing)}) missing" if missing else ""
    if not reason and pdf.missing_printer():
        reason = "no Chromium: " + pdf.missing_printer()
    if reason:
        if IN_CI:
            pytest.fail(f"CI=true but {reason}: .ci/run installs it")
        pytest.skip(reason)
    project = copy_built(built_book, tmp_path_factory.mktemp("pdf") / "project")
    files: dict[str, list[Path]] = {"en": [], "id": []}
    for name in ("first", "second"):
        out = tmp_path_factory.mktemp(name)
        env = {**project_env(), "SOURCE_DATE_EPOCH": PRINT_EPOCH}
        result = subprocess.run(
            [sys.executable, "-m", "egov_repro", "pdf", "--out", str(out)],
            cwd=project,
            capture_output=True,
            text=True,
            env=env,
        )
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        assert result.stdout.split("\n")[:-1] == [
            f"wrote {out / f'egov-repro-{lang}.pdf'}" for lang in files
        ]
        for lang, found in files.items():
            found.append(out / f"egov-repro-{lang}.pdf")
    return project, files


def build(project: Path) -> subprocess.CompletedProcess:
    """`egov-repro book` for a project copy."""
    return run_cli(project, "book", "--root", str(project))


def text_of(html_file: Path) -> str:
    """The readable text of a built page's article."""
    html = html_file.read_text(encoding="utf-8")
    article = re.search(r"<article class=\"bd-article\".*</article>", html, re.S).group(0)
    text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", article)))
    return re.sub(r"\(\s+", "(", re.sub(r"\s+([,.;:)])", r"\1", text))


def wait_until(condition, ceiling: float) -> bool:
    """Whether ``condition()`` became true within ``ceiling`` seconds. For a state that
    no event announces (a signal pending on a stopped process, read from /proc)."""
    deadline = time.monotonic() + ceiling
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


class NewFiles:
    """The names of files created in (or moved into) a folder, as Linux's inotify
    reports them, while a process runs: a wait for a file to appear that the kernel
    wakes, not a polling interval."""

    IN_CREATE, IN_MOVED_TO = 0x100, 0x80

    def __init__(self, folder: Path, while_running: int):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        self.fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        mask = self.IN_CREATE | self.IN_MOVED_TO
        if self.fd < 0 or libc.inotify_add_watch(self.fd, os.fsencode(folder), mask) < 0:
            raise OSError(ctypes.get_errno(), f"inotify on {folder}")
        self.ended = os.pidfd_open(while_running)  # readable once the process has ended

    def wait(self, timeout: float) -> list[str] | None:
        """The names created since the last call, waiting for one at most ``timeout``
        seconds ([] then); None once the process has ended."""
        import select
        import struct

        ready, _, _ = select.select([self.fd, self.ended], [], [], max(timeout, 0))
        if self.fd not in ready:
            return None if ready else []
        data, names, offset = os.read(self.fd, 1 << 16), [], 0
        while offset < len(data):
            _wd, _mask, _cookie, size = struct.unpack_from("iIII", data, offset)
            offset += 16
            names.append(data[offset : offset + size].rstrip(b"\0").decode())
            offset += size
        return names

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        os.close(self.fd)
        os.close(self.ended)


# Headless Chromium for the browser tests: Debian's package here (.ci/run installs it),
# Playwright's own build on a runner without one; the sandbox kept unless we are root.
CHROMIUM = (
    os.environ.get("CHROME_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
)
CHROMIUM_FLAGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextlib.contextmanager
def chromium_browser():
    """A launched Chromium; without one, the test is skipped with the reason (failed
    under CI=true, where nothing may be skipped for a missing tool)."""
    from playwright.sync_api import Error, sync_playwright

    from egov_repro.site.pdf import SANDBOX, SANDBOX_FLAGS

    with sync_playwright() as playwright:
        options = {
            "headless": True,
            "args": [*SANDBOX_FLAGS, *CHROMIUM_FLAGS],
            "chromium_sandbox": SANDBOX,
        }
        if CHROMIUM:
            options["executable_path"] = CHROMIUM
        try:
            browser = playwright.chromium.launch(**options)
        except Error as exc:
            reason = f"no usable Chromium (apt-get install chromium): {exc}"
            if IN_CI:
                pytest.fail(f"CI=true but {reason}")
            pytest.skip(reason)
        yield browser
        browser.close()
