"""Where the project's data and figures live.

Found from the environment variable EGOV_REPRO_DATA_DIR, else the nearest
``data/datapackage.json`` above the working directory (so a copy of the project
uses its own data), else the checkout this package was installed from.
"""

from __future__ import annotations

import os
from pathlib import Path

DESCRIPTOR = "datapackage.json"


def data_dir() -> Path:
    env = os.environ.get("EGOV_REPRO_DATA_DIR")
    if env:
        return Path(env).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / DESCRIPTOR).is_file():
            return folder / "data"
    return package_dir().parents[1] / "data"


def package_dir() -> Path:
    """The egov_repro package's own folder (its code, static files and catalogues),
    wherever in the package the caller sits."""
    return Path(__file__).resolve().parents[1]


def raw_dir(data: Path | None = None) -> Path:
    return (data or data_dir()) / "raw"


def project_root(data: Path | None = None) -> Path:
    return (data or data_dir()).parent


def profiles_dir(data: Path | None = None) -> Path:
    """Where `egov-repro profile` writes by default: under _build/, which git ignores."""
    return project_root(data) / "_build" / "profiles"


def figures_dir(data: Path | None = None) -> Path:
    env = os.environ.get("EGOV_REPRO_FIGURES_DIR")
    return Path(env).resolve() if env else project_root(data) / "figures"
