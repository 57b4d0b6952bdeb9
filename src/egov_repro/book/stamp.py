"""What a build of the book is made from: the data package's version and the commit
(the site's footer and the PDF's cover show both)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path


def build_stamp(root: Path) -> dict[str, str]:
    """The data version and the short commit, marked when the checkout has uncommitted
    changes (or said to be unknown outside a git checkout)."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit, dirty = "unknown (not a git checkout)", ""
    descriptor = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    return {
        "data_version": descriptor["version"],
        "commit": commit + (" with uncommitted changes" if dirty else ""),
    }
