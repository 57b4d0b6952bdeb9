"""Build the book: both editions from one execution, never from a stale cache, stopped
cleanly when told to (``egov-repro book`` and ``refresh-notebooks``).

The steps live beside this module: what the book is (bookfiles), when the cache must
go (cachekey), executing notebooks (executor), child steps and interrupts (processes)
and the no-op check (buildrecord); this module orders them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from egov_repro.book.buildrecord import BUILT, build_inputs, record_build, up_to_date
from egov_repro.book.cachekey import (
    EXECUTED,
    SECOND_EDITION,
    digest,
    invalidate,
    sweep_leftovers,
)
from egov_repro.book.contents import cache_settings, notebooks
from egov_repro.book.executor import execute_notebooks, pre_execute, quiet_kernels, store_run
from egov_repro.book.processes import run_step, run_together, stoppable
from egov_repro.data import atomic
from egov_repro.words import editions


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
    # A kernel that had not ended within end_tree's grace was killed mid-write (on a busy
    # machine a few seconds are not enough): its temporary files are removed on the way
    # out, when no step is left to write, rather than only at the next build.
    return stoppable(
        "book",
        "the build",
        lambda: _build(root, extra_args, languages),
        after=lambda: sweep_leftovers(root),
    )


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
    current = digest([(p.name, p) for p in notebooks(root)])
    if state["stale"] or not done.is_file() or done.read_text() != current:
        log = root / "_build" / "egov-repro-pre-execute.log"
        command = [python, "-m", "egov_repro.book.build", "pre-execute", str(root)]
        if run_step(command, root, log) == 0:
            done.write_text(current)  # the cache now holds a run of every notebook
        else:
            print("egov-repro book: parallel pre-execution failed; jupyter-book will retry")
    jupyter_book = str(Path(python).parent / "jupyter-book")
    english = [jupyter_book, "build", str(root), "-W", "-n", "--keep-going"]
    others = [
        [python, "-m", "egov_repro.book.build", "build-edition", str(root), lang]
        for lang in editions.LANGS
        if lang != editions.DEFAULT and (not languages or lang in languages)
    ]
    code = run_together([[*english, *(extra_args or [])], *others], root)
    if code == 0:
        record_build(root, inputs, asked)
    return code


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
        store_run(cache, str(path), nb, seconds)
    return chosen


def refresh(root: Path | None = None, only: list[str] | None = None) -> int:
    """``egov-repro refresh-notebooks``: ``refresh_outputs`` as a child step, so that
    Ctrl-C or SIGTERM ends it and its kernels, as a build is ended (each notebook file
    is then as it was or refreshed, never half-written), with one line, returning 128 +
    the signal number."""
    root = Path(root or Path.cwd()).resolve()
    step = [sys.executable, "-m", "egov_repro.book.build", "refresh", str(root), *(only or [])]
    return stoppable(
        "refresh-notebooks",
        "the run",
        lambda: run_step(step, root),
        after=lambda: sweep_leftovers(root),
    )


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
