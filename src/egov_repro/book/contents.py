"""What the book is made of: its files, its notebooks in reading order, and the
execution settings ``_config.yml`` gives them (read by the cache key, the executor and
the build)."""

from __future__ import annotations

import json
from pathlib import Path

# What a copy of the book needs to build (the tests and the benchmark copy these).
BOOK_FILES = [
    "_config.yml", "_toc.yml", "intro.ipynb", "cite.md", "references.md", "references.bib",
    "glossary.md", "readme.md", "README.md",
    "CITATION.cff", "requirements.lock", "data", "figures", "chapters", "images",
]  # fmt: skip


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
