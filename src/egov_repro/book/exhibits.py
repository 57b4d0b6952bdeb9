"""The list of exhibits kept in step with the data.

The figures the book shows for the latest edition carry its year in their names
(``components-southeast-asia-2022-2024``), so a new edition renames some exhibits.
``egov-repro data add`` calls ``follow_the_data`` so that nothing else needs editing:
the README's table between its markers becomes the generated one, and the committed
figures that the book no longer shows are removed (the build makes the new ones).
"""

from __future__ import annotations

from pathlib import Path

from egov_repro.data import atomic, paths
from egov_repro.errors import DataError
from egov_repro.plots import figures

START, END = "<!-- exhibits:start -->\n", "<!-- exhibits:end -->"


def with_table(readme: str, table: str, where: Path) -> str:
    """``readme`` with the text between the exhibits markers replaced by ``table``."""
    if (
        readme.count(START) != 1
        or readme.count(END) != 1
        or readme.index(START) > readme.index(END)
    ):
        raise DataError(
            where,
            "the list of exhibits has no single pair of markers",
            expected=f"one '{START.strip()}' line, then one '{END}' line",
        )
    head, rest = readme.split(START)
    return head + START + table + END + rest.split(END, 1)[1]


def _readme(data_dir=None) -> Path | None:
    """The README of the project that holds ``data_dir``, if it carries the list."""
    readme = paths.project_root(data_dir) / "README.md"
    return readme if readme.is_file() and START in readme.read_text(encoding="utf-8") else None


def files_shown(data_dir=None) -> list[str] | None:
    """The figure files the list names now; None for a data folder outside a project
    with a README (nothing to keep in step, nothing drawn)."""
    return figures.exhibit_files(data_dir) if _readme(data_dir) else None


def follow_the_data(before: list[str] | None, data_dir=None) -> dict:
    """After the data changed: rewrite the README's list of exhibits and remove the
    figure files of ``before`` (``files_shown`` under the old data) that the list no
    longer names."""
    readme = _readme(data_dir)
    if before is None or readme is None:
        return {"readme": None, "removed": []}
    root = readme.parent
    listed = figures.listed_exhibits(data_dir)
    text = readme.read_text(encoding="utf-8")
    new = with_table(text, figures.exhibits_table(data_dir, listed=listed), readme)
    if new != text:
        atomic.write_text(readme, new)
    after = set(figures.exhibit_files(data_dir, listed=listed))
    removed = []
    for name in sorted(set(before) - after):
        if (root / name).is_file():
            (root / name).unlink()
            removed.append(name)
    return {"readme": readme if new != text else None, "removed": removed}
