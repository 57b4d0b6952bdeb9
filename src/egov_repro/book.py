"""Build the book fast, never from a stale cache, and stop cleanly when told to.

jupyter-cache keys an executed notebook on its code cells only, so a change to the data,
to ``src/`` or to the locked dependencies would otherwise be served from the cache, and
so would a chapter whose code is unchanged but which runs another chapter (chapter 07
re-runs 02 and 04 through papermill). ``invalidate`` closes those holes; the project's
Sphinx extension calls it on every build path (``make book``, ``egov-repro book``, a
plain ``jupyter-book build .``), and ``egov-repro book`` calls it before it fills the
cache on both cores.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from egov_repro import atomic, editions, paths

# What a copy of the book needs to build (the tests and the benchmark copy these).
BOOK_FILES = [
    "_config.yml", "_toc.yml", "intro.ipynb", "cite.md", "references.md", "references.bib",
    "glossary.md", "readme.md", "README.md",
    "CITATION.cff", "requirements.lock", "data", "figures", "chapters", "images",
]  # fmt: skip
STAMP = "egov-repro-key.json"
EXECUTED = "egov-repro-executed"  # digest of the notebooks last pre-executed into this cache
LOCK_FILE = "requirements.lock"
# Set for the Indonesian edition's build, which runs beside the English one and only
# reads the cache that the English build (and the pre-execution) manage.
SECOND_EDITION = "EGOV_REPRO_SECOND_EDITION"


# --- what the book is and how it is configured --------------------------------------


def toc_files(root: Path) -> list[str]:
    """Every document of the book in reading order, as listed in ``_toc.yml``."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", [{"chapters": toc.get("chapters", [])}]):
        files += [entry["file"] for entry in part.get("chapters", [])]
    return files


def notebooks(root: Path) -> list[Path]:
    """The book's notebooks, in reading order (from _toc.yml; Markdown pages left out)."""
    paths = [root / f"{name}.ipynb" for name in toc_files(root)]
    return [path for path in paths if path.is_file()]


def cache_settings(root: Path) -> tuple[Path, int]:
    """The execution cache folder and cell timeout, as ``_config.yml`` sets them."""
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    execute = config.get("execute", {})
    cache = Path(execute.get("cache") or "_build/.jupyter_cache")
    return (cache if cache.is_absolute() else root / cache), int(execute.get("timeout", 30))


def dependencies(notebook: Path) -> list[Path]:
    """Other chapters a notebook executes, from its metadata ``egov_repro.runs``."""
    meta = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
    return [notebook.parent / name for name in meta.get("egov_repro", {}).get("runs", [])]


# --- the cache key -------------------------------------------------------------------


def _digest(files: list[tuple[str, Path]]) -> str:
    digest = hashlib.sha256()
    for name, path in sorted(files):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def fingerprint(root: Path) -> str:
    """SHA-256 over what every chapter's outputs depend on besides its own code cells:
    the data package, the egov_repro code and the locked dependencies."""
    package = Path(__file__).resolve().parent
    files = [(f"data/{p.relative_to(root / 'data')}", p) for p in (root / "data").rglob("*")]
    files += [
        (f"egov_repro/{p.relative_to(package)}", p)
        for p in package.rglob("*")
        if p.suffix in (".py", ".css")
    ]
    files.append((LOCK_FILE, root / LOCK_FILE))
    return _digest(files)


def dependency_digests(root: Path) -> dict[str, str]:
    """For each notebook that runs other chapters, a digest of those chapters."""
    found = {}
    for notebook in notebooks(root):
        deps = dependencies(notebook)
        if deps:
            found[notebook.name] = _digest([(p.name, p) for p in deps])
    return found


def invalidate(root: Path, cache_dir: Path | None = None) -> dict:
    """Clear what the cache must not serve, and record the key at once (not after a
    successful build, so an interrupted build cannot leave outputs of other data).

    The whole cache goes when the data, the code or the lock changed; a chapter's cached
    run goes when a chapter it executes changed. Returns the key, whether the cache was
    cleared, and the notebooks whose cached run was dropped.
    """
    root = Path(root).resolve()
    cache_dir = Path(cache_dir or cache_settings(root)[0])
    key, deps = fingerprint(root), dependency_digests(root)
    stamp = cache_dir / STAMP
    try:
        previous = json.loads(stamp.read_text())
    except (OSError, ValueError):
        previous = {}
    cleared, stale = False, []
    if previous.get("key") != key:
        shutil.rmtree(cache_dir, ignore_errors=True)
        cleared = True
    else:
        stale = [
            name for name, digest in deps.items() if previous.get("deps", {}).get(name) != digest
        ]
        if stale:
            _drop_cached(root, cache_dir, stale)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = stamp.with_suffix(".tmp")
    tmp.write_text(json.dumps({"key": key, "deps": deps}))
    os.replace(tmp, stamp)
    return {"key": key, "cleared": cleared, "stale": stale}


def _drop_cached(root: Path, cache_dir: Path, names: list[str]) -> None:
    import nbformat
    from jupyter_cache import get_cache

    cache = get_cache(str(cache_dir))
    for name in names:
        notebook = nbformat.read(root / "chapters" / name, as_version=4)
        try:
            record = cache.match_cache_notebook(notebook)
        except KeyError:
            continue
        cache.remove_cache(record.pk)


def sweep_leftovers(root: Path) -> list[Path]:
    """Remove temporary files of atomic writes that a killed process left in figures/ or
    data/ (an interrupted build's kernels), before they are hashed, built or committed."""
    data = Path(root) / "data"
    folders = [paths.figures_dir(data), data, *(p for p in data.rglob("*") if p.is_dir())]
    return [path for folder in folders for path in atomic.sweep(folder)]


# --- kernels -------------------------------------------------------------------------

# The kernels' own log belongs neither in a notebook's outputs nor in the build log: e.g.
# "Kernel is running over TCP without encryption" (a warning) at every start, or
# "KeyboardInterrupt caught in kernel" (logged as an error) when a kernel that a chapter
# started through papermill is shut down under load. Child kernels write to the calling
# kernel's stderr, so such a line would land in the chapter's stored outputs.
KERNEL_LOG_LEVEL = "CRITICAL"
QUIET_KERNEL = [f"--IPKernelApp.log_level={KERNEL_LOG_LEVEL}"]


def quiet_kernels(root: Path) -> None:
    """Point kernels started from this process at an IPython profile that logs errors only."""
    profile = Path(root) / "_build" / ".ipython" / "profile_default"
    profile.mkdir(parents=True, exist_ok=True)
    config = profile / "ipython_kernel_config.py"
    text = f"c.IPKernelApp.log_level = '{KERNEL_LOG_LEVEL}'\n"
    if not config.is_file() or config.read_text() != text:
        config.write_text(text)
    os.environ["IPYTHONDIR"] = str(profile.parent)


# --- building ------------------------------------------------------------------------


# Cells that make a kernel which already ran a notebook as good as a new one for the
# next: the notebook's own folder, no open figures, an empty namespace and a new session
# (execution counts from 1). Imported modules stay loaded: that is the time saved.
RESET = """\
import os, sys
os.chdir({folder!r})
if "matplotlib.pyplot" in sys.modules:
    sys.modules["matplotlib.pyplot"].close("all")
get_ipython().reset(new_session=True)
"""


def _run_order(root: Path, jobs: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """Longest first, so that both cores finish together: the chapters that run other
    chapters (each run a kernel of its own), then the rest in reading order. ``jobs``
    are (path, notebook) pairs."""
    runs_others = {p.name for p in notebooks(root) if dependencies(p)}
    return sorted(jobs, key=lambda job: Path(job[0]).name not in runs_others)


def execute_notebooks(root: Path, jobs: list, timeout: int, workers: int = 2):
    """Execute (path, notebook) pairs on ``workers`` cores, longest first, one kernel per
    core; yield (path, notebook, seconds, traceback or None) as each ends."""
    import queue
    import threading

    shared = _run_order(root, jobs)  # each worker takes the next when it is free
    results: queue.Queue = queue.Queue()
    threads = [
        threading.Thread(target=_execute_all, args=(shared, timeout, results), daemon=True)
        for _ in range(min(workers, len(jobs)))
    ]
    for thread in threads:
        thread.start()
    try:
        for _ in jobs:
            yield results.get()
    finally:  # also when the caller stops early: no further notebook starts
        shared.clear()
        for thread in threads:
            thread.join()


def _execute_all(jobs: list, timeout: int, results) -> None:
    """Take notebooks from ``jobs`` until none is left and execute them in one kernel,
    reset between notebooks; put (uri, notebook, seconds, traceback or None) into
    ``results`` for each. A kernel whose notebook failed is shut down and the next
    notebook gets a new one, so that no failure can leak into another notebook."""
    import time
    import traceback

    import nbformat
    from nbclient import NotebookClient

    kernel = None  # the client that started this worker's kernel (and shuts it down)

    def client_for(nb, folder: str) -> NotebookClient:
        client = NotebookClient(
            nb,
            km=kernel.km if kernel else None,
            timeout=timeout,
            allow_errors=False,
            record_timing=False,
            resources={"metadata": {"path": folder}},
        )
        client.kc = kernel.kc if kernel else None
        return client

    try:
        while True:
            try:
                uri, nb = jobs.pop(0)
            except IndexError:
                return
            folder = str(Path(uri).parent)
            start, failure = time.perf_counter(), None
            client = None
            try:
                if kernel is not None:
                    reset = nbformat.v4.new_notebook()
                    reset.cells.append(nbformat.v4.new_code_cell(RESET.format(folder=folder)))
                    client_for(reset, folder).execute(cleanup_kc=False)
                client = client_for(nb, folder)
                client.execute(cleanup_kc=False)
                kernel = kernel or client
            except BaseException as error:  # reported; the notebook is left to jupyter-book
                failure = "".join(traceback.format_exception(error))
                _shutdown(kernel or client)
                kernel = None
            results.put((uri, nb, time.perf_counter() - start, failure))
    finally:
        _shutdown(kernel)


def _shutdown(client) -> None:
    """End the kernel a notebook client started, and its channels."""
    if client is not None and client.km is not None:
        with contextlib.suppress(Exception):
            client._cleanup_kernel()


def _store_run(cache, uri: str, nb, seconds: float) -> None:
    """Put an executed notebook into the book's cache, as jupyter-book would find it."""
    from jupyter_cache.base import CacheBundleIn

    bundle = CacheBundleIn(nb, uri, data={"execution_seconds": seconds})
    cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)


def pre_execute(root: Path, workers: int = 2) -> list[str]:
    """Execute the notebooks that have no cached run, on both cores at once.

    jupyter-book itself executes one notebook after the other, each in a new kernel;
    filling its cache first lets it find every notebook already executed. Each core
    keeps one kernel for all the notebooks it runs (reset in between: new namespace, new
    session), so the libraries are imported twice, not once per notebook. A notebook
    that fails here is simply left for jupyter-book, which re-runs it in a new kernel
    and reports the error in the build.
    """
    from jupyter_cache import get_cache
    from jupyter_cache.cache.db import NbProjectRecord

    cache_dir, timeout = cache_settings(root)
    cache = get_cache(str(cache_dir))
    uris = [str(path) for path in notebooks(root)]
    for uri in uris:
        cache.add_nb_to_project(uri)
    records = cache.list_unexecuted(filter_uris=uris)
    jobs = [(r.uri, cache.get_project_notebook(r.pk).nb) for r in records]
    done = []
    # The cache (SQLite) is written from this thread only.
    for uri, nb, seconds, failure in execute_notebooks(root, jobs, timeout, workers):
        if failure:
            NbProjectRecord.set_traceback(uri, failure, cache.db)
            continue
        _store_run(cache, uri, nb, seconds)
        done.append(uri)
    return done


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


def _run(command: list[str], root: Path, log: Path | None = None) -> int:
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
            _end_tree(process.pid)
            raise
    finally:
        if sink:
            sink.close()
    if log:  # reached only when the step ended by itself, not on an interrupt
        print(log.read_text(), end="")
    return code


def _run_together(commands: list[list[str]], root: Path) -> int:
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
                _end_tree(process.pid)
            raise
    finally:
        for sink in sinks:
            sink.close()
    for log in logs:
        print(log.read_text(), end="")
    return max(codes)


def build_edition(root: Path, lang: str) -> int:
    """One more edition of the book, from the cache the English build executed into:
    Sphinx with the edition's language (its ``only`` tag, its theme strings and
    ``<html lang>``), into ``_build/html/<lang>/``, warnings as errors."""
    import yaml
    from jupyter_book.sphinx import build_sphinx

    root = Path(root).resolve()
    os.environ[SECOND_EDITION] = lang
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    base = (config.get("html") or {}).get("baseurl") or ""
    return build_sphinx(
        root,
        root / "_build" / "html" / editions.SUBDIR[lang],
        noconfig=True,
        path_config=str(root / "_config.yml"),
        confoverrides={
            "external_toc_path": (root / "_toc.yml").as_posix(),
            "language": lang,
            "html_title": editions.TITLES[lang],
            # The edition's own address, for its canonical links.
            "html_baseurl": editions.edition_base(base, lang),
            "nitpicky": True,
            "latex_individualpages": False,
        },
        doctreedir=root / "_build" / f".doctrees-{lang}",
        warningiserror=True,
        keep_going=True,
    )


def _end_tree(pid: int, grace: float = 4.0) -> None:
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


# --- a rebuild with nothing to do -----------------------------------------------------

BUILT = "egov-repro-built.json"  # in _build/: what the last complete build read and wrote


def _files(folder: Path):
    if folder.is_file():
        yield folder
    elif folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not {"__pycache__", ".ipynb_checkpoints"} & set(path.parts):
                yield path


def build_inputs(root: Path, extra_args: list[str] | None = None) -> str:
    """SHA-256 over everything a build reads: the book's files (BOOK_FILES, the data and
    the lock included), the egov_repro package, the command's arguments, the Python
    environment and settings, and the git commit and status that the footer names."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for base, names in ((root, BOOK_FILES), (package, ["."])):
        for name in names:
            for path in _files(base / name):
                digest.update(f"{path.relative_to(base)}\0".encode() + path.read_bytes())
    git = []
    for command in (["rev-parse", "HEAD"], ["status", "--porcelain", "--untracked-files=no"]):
        try:
            found = subprocess.run(["git", *command], cwd=root, capture_output=True, text=True)
            git.append((found.returncode, found.stdout))
        except OSError:
            git.append("no git")
    settings = {k: v for k, v in os.environ.items() if k.startswith("EGOV_REPRO_")}
    facts = [sys.executable, extra_args or [], settings, git]
    digest.update(json.dumps(facts, sort_keys=True).encode())
    return digest.hexdigest()


def _outputs(root: Path) -> list:
    """The built site as it stands: every file's name, size and modification time."""
    html = root / "_build" / "html"
    return [
        [str(p.relative_to(html)), (s := p.stat()).st_size, s.st_mtime_ns] for p in _files(html)
    ]


def up_to_date(root: Path, inputs: str) -> bool:
    """True when the last complete build read exactly these inputs and its site has not
    been touched since: then Sphinx would only confirm that there is nothing to do."""
    try:
        built = json.loads((root / "_build" / BUILT).read_text())
    except (OSError, ValueError):
        return False
    return built.get("inputs") == inputs and built.get("outputs") == _outputs(root)


def site_as_recorded(root: Path) -> bool:
    """True when the site is exactly as the last complete build recorded it."""
    try:
        built = json.loads((root / "_build" / BUILT).read_text())
    except (OSError, ValueError):
        return False
    return built.get("outputs") == _outputs(root)


def record_site(root: Path) -> None:
    """Record the site as it stands now as the last build's (after `egov-repro pdf` has
    added the PDFs and their links to a site that was as the build left it)."""
    built = json.loads((root / "_build" / BUILT).read_text())
    built["outputs"] = _outputs(root)
    atomic.write_bytes(root / "_build" / BUILT, json.dumps(built).encode())


def record_build(root: Path, inputs: str, extra_args: list[str] | None = None) -> bool:
    """After a complete build: record what it read and wrote, unless an input changed
    while it ran (then the next build must run again)."""
    if build_inputs(root, extra_args) != inputs:
        return False
    record = json.dumps({"inputs": inputs, "outputs": _outputs(root)})
    atomic.write_bytes(root / "_build" / BUILT, record.encode())
    return True


def build(
    root: Path | None = None,
    *,
    extra_args: list[str] | None = None,
    languages: list[str] | None = None,
) -> int:
    """Run ``jupyter-book build`` for the English edition and ``build_edition`` for the
    others (``languages`` to build fewer), side by side and warnings as errors, after
    clearing stale caches and executing uncached notebooks in parallel. SIGINT or SIGTERM
    stops the build, its kernels included, prints one line and returns 128 + the signal
    number."""
    root = Path(root or Path.cwd()).resolve()
    return _stoppable("book", "the build", lambda: _build(root, extra_args, languages))


def _build(root: Path, extra_args: list[str] | None, languages: list[str] | None) -> int:
    """What ``build`` does, under its signal handling."""
    quiet_kernels(root)
    sweep_leftovers(root)
    asked = [*(extra_args or []), *(f"language={lang}" for lang in languages or [])]
    inputs = build_inputs(root, asked)
    if up_to_date(root, inputs):
        print("egov-repro book: nothing changed since the last build; _build/html is current")
        return 0
    (root / "_build" / BUILT).unlink(missing_ok=True)
    state = invalidate(root)
    if state["cleared"]:
        print("egov-repro book: data, code or dependencies changed; cleared the cache")
    python = sys.executable
    cache_dir = cache_settings(root)[0]
    done = cache_dir / EXECUTED
    current = _digest([(p.name, p) for p in notebooks(root)])
    if state["stale"] or not done.is_file() or done.read_text() != current:
        log = root / "_build" / "egov-repro-pre-execute.log"
        command = [python, "-m", "egov_repro.book", "pre-execute", str(root)]
        if _run(command, root, log) == 0:
            done.write_text(current)  # the cache now holds a run of every notebook
        else:
            print("egov-repro book: parallel pre-execution failed; jupyter-book will retry")
    jupyter_book = str(Path(python).parent / "jupyter-book")
    english = [jupyter_book, "build", str(root), "-W", "-n", "--keep-going"]
    others = [
        [python, "-m", "egov_repro.book", "build-edition", str(root), lang]
        for lang in editions.LANGS
        if lang != editions.DEFAULT and (not languages or lang in languages)
    ]
    code = _run_together([[*english, *(extra_args or [])], *others], root)
    if code == 0:
        record_build(root, inputs, asked)
    return code


def _stoppable(command: str, what: str, run) -> int:
    """Call ``run()`` with SIGINT and SIGTERM raising ``Interrupted`` (whose steps then
    end their process trees); on one, print one line and return 128 + the signal
    number. The previous handlers are restored either way."""

    def interrupt(signum, _frame):
        raise Interrupted(signum)

    previous = {s: signal.signal(s, interrupt) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        return run()
    except Interrupted as stop:
        print(
            f"egov-repro {command}: interrupted by {stop}; stopped {what} and its kernels",
            file=sys.stderr,
        )
        return 128 + stop.signum
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class RefreshError(RuntimeError):
    """A notebook failed while its stored outputs were being refreshed."""


def refresh_outputs(root: Path | None = None, only: list[str] | None = None) -> list[Path]:
    """Re-execute notebooks and store their outputs (the nbval reference) so that they
    match the current data and code. For an intended change only: review the diff.

    They run as ``egov-repro book`` runs them (both cores, one kernel per core, reset in
    between; nbval then re-runs each in a new kernel and compares), and every run also
    goes into the book's execution cache, so the build that usually follows executes
    nothing again. No notebook is written unless all of them ran: a failure raises
    ``RefreshError`` with each failed notebook's name and traceback. (The figures the
    notebooks that ran drew are written, as in any run; `git status` shows them.)
    ``refresh`` runs this as a child step, so that an interrupt ends it cleanly.
    """
    import nbformat
    from jupyter_cache import get_cache

    root = Path(root or Path.cwd()).resolve()
    cache_dir, timeout = cache_settings(root)
    known = notebooks(root)
    unknown = sorted(set(only or []) - {p.name for p in known} - {p.stem for p in known})
    if unknown:
        valid = ", ".join(p.stem for p in known)
        raise ValueError(f"unknown notebook(s) {', '.join(unknown)}; the book's are: {valid}")
    chosen = [path for path in known if not only or path.name in only or path.stem in only]
    quiet_kernels(root)
    jobs = [(str(path), nbformat.read(path, as_version=4)) for path in chosen]
    executed: dict[str, tuple] = {}
    failed: list[str] = []
    for uri, nb, seconds, failure in execute_notebooks(root, jobs, timeout):
        executed[uri] = (nb, seconds)
        if failure:
            failed.append(f"{uri}: the notebook failed; no notebook was written\n{failure}")
    if failed:  # raised once every kernel has ended, naming each notebook that failed
        raise RefreshError("\n".join(sorted(failed)))
    for path in chosen:
        text = nbformat.writes(executed[str(path)][0])
        atomic.write_text(path, text if text.endswith("\n") else text + "\n")
    # The notebooks' files changed (so a chapter that runs them looks stale) and maybe
    # the data did: let the cache drop what it must first, then record these runs.
    invalidate(root, cache_dir)
    cache = get_cache(str(cache_dir))
    for path in chosen:
        nb, seconds = executed[str(path)]
        cache.add_nb_to_project(str(path))
        _store_run(cache, str(path), nb, seconds)
    return chosen


def refresh(root: Path | None = None, only: list[str] | None = None) -> int:
    """``egov-repro refresh-notebooks``: ``refresh_outputs`` as a child step, so that
    Ctrl-C or SIGTERM ends it and its kernels, as a build is ended (each notebook file
    is then as it was or refreshed, never half-written), with one line, returning 128 +
    the signal number."""
    root = Path(root or Path.cwd()).resolve()
    step = [sys.executable, "-m", "egov_repro.book", "refresh", str(root), *(only or [])]
    return _stoppable("refresh-notebooks", "the run", lambda: _run(step, root))


if __name__ == "__main__":  # the steps build() and refresh() run as child processes
    if sys.argv[1:2] == ["refresh"]:
        try:
            for path in refresh_outputs(Path(sys.argv[2]), sys.argv[3:] or None):
                print(f"re-executed {path}", flush=True)
        except (RefreshError, ValueError) as error:
            print(f"egov-repro refresh-notebooks: error: {error}", file=sys.stderr)
            sys.exit(1)
        sys.exit(0)
    if sys.argv[1:2] == ["build-edition"]:
        result = build_edition(Path(sys.argv[2]), sys.argv[3])
        sys.exit(result if isinstance(result, int) else 1)
    if sys.argv[1:2] == ["pre-execute"]:  # kernels stay quiet: build() set IPYTHONDIR
        done = pre_execute(Path(sys.argv[2]))
        if done:
            print(f"egov-repro book: executed {len(done)} notebooks on both cores")
