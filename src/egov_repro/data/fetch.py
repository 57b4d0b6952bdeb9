"""Get the UN exports from a source instead of from this repository.

The copies in ``data/raw/un-egov-survey`` are kept so that the data can be verified
offline; the United Nations terms of use give no right to redistribute them. ``fetch``
downloads each export again, from the public mirror recorded under ``sources`` in
``datapackage.json`` (at a fixed commit) or from any base address whose files carry the
same names (``--from``: another mirror, or a folder of exports saved from the UN Data
Center, as a ``file://`` address), and accepts a file only when its SHA-256 is the one
recorded there. Every file is downloaded and checked before any is written, so a refused
fetch changes nothing; each accepted file is written atomically.
"""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from pathlib import Path

from egov_repro.data import atomic, paths
from egov_repro.data.datasets import read_descriptor, sha256
from egov_repro.errors import DataError

TIMEOUT = 60  # seconds per file; an export is about 12 kB


def _sources(data_dir: Path, years: list[int] | None) -> list[dict]:
    entries = [s for s in read_descriptor(data_dir).get("sources", []) if "edition" in s]
    if years:
        known = {int(s["edition"]) for s in entries}
        unknown = sorted(set(years) - known)
        if unknown:
            raise DataError(
                data_dir / paths.DESCRIPTOR,
                f"no UN export recorded for edition {unknown[0]}",
                expected="one of " + ", ".join(str(y) for y in sorted(known)),
            )
        entries = [s for s in entries if int(s["edition"]) in set(years)]
    return sorted(entries, key=lambda s: int(s["edition"]))


def source_url(entry: dict, base_url: str | None) -> str:
    """Where one export is downloaded from: BASE_URL/<file name> when a base is given,
    else the mirror address recorded with it."""
    name = Path(entry["file"]).name
    if base_url:
        return base_url.rstrip("/") + "/" + name
    url = entry.get("mirror", {}).get("url")
    if not url:
        raise DataError(
            paths.DESCRIPTOR,
            f"no download address recorded for edition {entry['edition']}",
            expected="a sources entry with mirror.url, or --from BASE_URL",
        )
    return url


def _download(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        raise DataError(url, f"the download failed (HTTP {exc.code} {exc.reason})") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DataError(url, f"the download failed ({reason})") from None


def fetch(
    data_dir: Path | None = None,
    years: list[int] | None = None,
    base_url: str | None = None,
) -> list[tuple[int, Path, str]]:
    """Download the UN exports (all, or the editions in ``years``) into data/raw and
    return (edition, path, what happened) for each: "downloaded", "replaced" (the local
    copy differed) or "present" (already there with the recorded hash; not downloaded)."""
    data_dir = Path(data_dir or paths.data_dir())
    plan = []
    for entry in _sources(data_dir, years):
        target = data_dir / entry["file"]
        if target.is_file() and sha256(target) == entry["sha256"]:
            plan.append((entry, target, None, "present"))
            continue
        url = source_url(entry, base_url)
        data = _download(url)
        actual = hashlib.sha256(data).hexdigest()
        if actual != entry["sha256"]:
            raise DataError(
                url,
                f"refused {target.name}: its SHA-256 is not the one recorded",
                expected=entry["sha256"],
                found=actual,
            )
        plan.append((entry, target, data, "replaced" if target.exists() else "downloaded"))
    for _entry, target, data, _status in plan:
        if data is not None:
            atomic.write_bytes(target, data)
    return [(int(entry["edition"]), target, status) for entry, target, _d, status in plan]
