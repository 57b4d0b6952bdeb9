"""Shared fixtures. Tests never write into the working tree: figures go to a session
temporary folder, data changes are made on copies, and a final check proves that
data/, figures/ and the chapters are byte-for-byte as they were."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").lower() == "true"
PROJECT_FILES = [
    "_config.yml",
    "_toc.yml",
    "intro.ipynb",
    "cite.md",
    "references.md",
    "references.bib",
    "CITATION.cff",
]


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


def copy_project(target: Path) -> Path:
    """A copy of everything the book needs, to build or re-execute without touching ROOT."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("data", "figures", "chapters", "images"):
        shutil.copytree(
            ROOT / name, target / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, target / name)
    return target
