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


def fingerprint(root: Path) -> str:
    """SHA-256 over every file the chapters' outputs depend on besides the chapters."""
    digest = hashlib.sha256()
    files = sorted([*(root / "data").rglob("*"), *(root / "src" / "egov_repro").rglob("*.py")])
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def build(root: Path | None = None, *, extra_args: list[str] | None = None) -> int:
    """Run ``jupyter-book build`` (warnings are errors), clearing stale caches first."""
    root = Path(root or Path.cwd()).resolve()
    build_dir = root / "_build"
    stamp = build_dir / FINGERPRINT
    current = fingerprint(root)
    args = ["-W", "-n", "--keep-going"]
    if not stamp.exists() or stamp.read_text() != current:
        shutil.rmtree(build_dir / ".jupyter_cache", ignore_errors=True)
        args.append("--all")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    command = [str(jupyter_book), "build", str(root), *args, *(extra_args or [])]
    result = subprocess.run(command, cwd=root)
    if result.returncode == 0:
        build_dir.mkdir(exist_ok=True)
        stamp.write_text(current)
    return result.returncode


def notebooks(root: Path) -> list[Path]:
    """The book's notebooks, in reading order (landing page first)."""
    return [root / "intro.ipynb", *sorted((root / "chapters").glob("*.ipynb"))]


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
        NotebookClient(nb, timeout=300, kernel_name="python3", record_timing=False,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        nbformat.write(nb, path)
        done.append(path)
    return done
