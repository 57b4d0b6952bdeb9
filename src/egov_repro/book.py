"""Build the book fast, and never from a stale cache.

jupyter-cache keys an executed notebook on its code cells only, so a change to the data
or to ``src/`` would otherwise be served from the cache. Here a fingerprint of both is
kept beside the cache; when it changes, the cache is cleared and every page re-read.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

FINGERPRINT = ".egov-fingerprint"


def fingerprint(root: Path, *, with_chapters: bool = False) -> str:
    """SHA-256 over what the chapters' outputs depend on besides their own code cells
    (the key jupyter-cache lacks): the book's data/ and the egov_repro code that runs
    them; optionally the notebooks themselves."""
    package = Path(__file__).resolve().parent
    files = [(f"data/{p.relative_to(root / 'data')}", p) for p in (root / "data").rglob("*")]
    files += [(f"egov_repro/{p.relative_to(package)}", p) for p in package.rglob("*.py")]
    if with_chapters:
        files += [(str(p.relative_to(root)), p) for p in notebooks(root)]
    digest = hashlib.sha256()
    for name, path in sorted(files):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def pre_execute(root: Path, cache_dir: Path) -> list[str]:
    """Execute the notebooks that have no cached run, on every core at once.

    jupyter-book itself executes one notebook after the other; filling its cache first
    lets it find every notebook already executed. A notebook that fails here is simply
    left for jupyter-book, which re-runs it and reports the error in the build.
    """
    import logging

    from jupyter_cache import get_cache
    from jupyter_cache.executors import load_executor

    cache = get_cache(str(cache_dir))
    uris = [str(path) for path in notebooks(root)]
    for uri in uris:
        cache.add_nb_to_project(uri)
    if not cache.list_unexecuted(filter_uris=uris):
        return []
    logger = logging.getLogger("egov_repro.book")
    result = load_executor("local-parallel", cache=cache, logger=logger).run_and_cache(
        filter_uris=uris, timeout=300
    )
    return result.succeeded


def build(root: Path | None = None, *, extra_args: list[str] | None = None) -> int:
    """Run ``jupyter-book build`` (warnings are errors), clearing stale caches first."""
    root = Path(root or Path.cwd()).resolve()
    build_dir = root / "_build"
    stamp = build_dir / FINGERPRINT
    inputs, everything = fingerprint(root), fingerprint(root, with_chapters=True)
    previous = stamp.read_text().split() if stamp.exists() else ["", ""]
    args = ["-W", "-n", "--keep-going"]
    if previous[0] != inputs:
        # Data or code changed: no cached output can be trusted, and every page must be
        # re-read even though its source file did not change.
        shutil.rmtree(build_dir / ".jupyter_cache", ignore_errors=True)
        args.append("--all")
    if previous[1:] != [everything]:
        executed = pre_execute(root, build_dir / ".jupyter_cache")
        if executed:
            print(f"egov-repro book: executed {len(executed)} notebooks on all cores")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    command = [str(jupyter_book), "build", str(root), *args, *(extra_args or [])]
    result = subprocess.run(command, cwd=root)
    if result.returncode == 0:
        build_dir.mkdir(exist_ok=True)
        stamp.write_text(f"{inputs} {everything}")
    return result.returncode


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


def refresh_outputs(root: Path | None = None, only: list[str] | None = None) -> list[Path]:
    """Re-execute notebooks in place so their stored outputs (the nbval reference)
    match the current data and code. For an intended change only: review the diff."""
    import nbformat
    from nbclient import NotebookClient

    root = Path(root or Path.cwd()).resolve()
    done = []
    for path in notebooks(root):
        if only and path.name not in only and path.stem not in only:
            continue
        nb = nbformat.read(path, as_version=4)
        NotebookClient(
            nb,
            timeout=300,
            kernel_name="python3",
            record_timing=False,
            resources={"metadata": {"path": str(path.parent)}},
        ).execute()
        nbformat.write(nb, path)
        done.append(path)
    return done
