"""A rebuild with nothing to do: what the last complete build read and wrote, so that
``egov-repro book`` can say the site is current without starting Sphinx."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from egov_repro.book.contents import BOOK_FILES
from egov_repro.data import atomic, paths

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
    package = paths.package_dir()
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
