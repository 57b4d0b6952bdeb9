"""Never a stale executed notebook: the key that decides when the execution cache must go.

jupyter-cache keys an executed notebook on its code cells only, so a change to the data,
to ``src/`` or to the locked dependencies would otherwise be served from the cache, and
so would a chapter whose code is unchanged but which runs another chapter (chapter 07
re-runs 02 and 04 through papermill). ``invalidate`` closes those holes; the project's
Sphinx extension calls it on every build path (``make book``, ``egov-repro book``, a
plain ``jupyter-book build .``), and ``egov-repro book`` calls it before it fills the
cache on both cores.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from egov_repro.book.contents import cache_settings, dependencies, notebooks
from egov_repro.data import atomic, paths

STAMP = "egov-repro-key.json"
# Set for the Indonesian edition's build, which runs beside the English one and only
# reads the cache that the English build (and the pre-execution) manage.
SECOND_EDITION = "EGOV_REPRO_SECOND_EDITION"
EXECUTED = "egov-repro-executed"  # digest of the notebooks last pre-executed into this cache
LOCK_FILE = "requirements.lock"


def digest(files: list[tuple[str, Path]]) -> str:
    """SHA-256 over (name, file) pairs, in name order; missing files count as absent."""
    hashed = hashlib.sha256()
    for name, path in sorted(files):
        if path.is_file() and "__pycache__" not in path.parts:
            hashed.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return hashed.hexdigest()


def fingerprint(root: Path) -> str:
    """SHA-256 over what every chapter's outputs depend on besides its own code cells:
    the data package, the egov_repro package and the locked dependencies. The whole
    package, not its code alone: a sentence a chapter glues comes from a message
    catalogue (``words/messages/*.toml``), the interface from the .po files, so an edited
    wording must re-run the chapters and re-write the pages as an edited function does."""
    package = paths.package_dir()
    files = [(f"data/{p.relative_to(root / 'data')}", p) for p in (root / "data").rglob("*")]
    files += [(f"egov_repro/{p.relative_to(package)}", p) for p in package.rglob("*")]
    files.append((LOCK_FILE, root / LOCK_FILE))
    return digest(files)


def dependency_digests(root: Path) -> dict[str, str]:
    """For each notebook that runs other chapters, a digest of those chapters."""
    found = {}
    for notebook in notebooks(root):
        deps = dependencies(notebook)
        if deps:
            found[notebook.name] = digest([(p.name, p) for p in deps])
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
