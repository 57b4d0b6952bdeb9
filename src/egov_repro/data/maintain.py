"""Change the data package: add a UN survey edition, record an intended change to a data
file, rebuild data/egdi.csv from the raw UN exports. Each change writes its files
atomically, updates hashes and editions in datapackage.json, bumps the data version and
adds a changelog line; reading and validating is ``egov_repro.data.datasets``.
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pandas as pd

from egov_repro.data import atomic, paths
from egov_repro.data.csvio import format_table
from egov_repro.data.datasets import (
    EGDI,
    load_egdi,
    load_resource,
    read_descriptor,
    read_table,
    resource,
    sha256,
)
from egov_repro.data.sources import NORMALIZED_COLUMNS, read_un_export
from egov_repro.errors import DataError

UN_SOURCES_DIR = "raw/un-egov-survey"


def write_descriptor(descriptor: dict, data_dir: Path) -> None:
    text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    atomic.write_text(Path(data_dir) / paths.DESCRIPTOR, text)


def _set_file_stats(res: dict, path: Path) -> None:
    res["hash"] = "sha256:" + sha256(path)
    res["bytes"] = path.stat().st_size


UN_TERMS = "https://www.un.org/en/about-us/terms-of-use"


def un_export_name(year: int) -> str:
    return f"EGOV_DATA_{year}.csv"


def _source_entry(path: Path, year: int) -> dict:
    """Provenance of one UN export: who published it, where the copy in data/raw is,
    and its SHA-256 (checked by ``validate``)."""
    return {
        "title": f"United Nations E-Government Survey {year}: country data",
        "path": "https://publicadministration.un.org/egovkb/en-us/Data-Center",
        "publisher": "United Nations, Department of Economic and Social Affairs (UN DESA)",
        "edition": year,
        "file": f"{UN_SOURCES_DIR}/{un_export_name(year)}",
        "sha256": sha256(path),
        "license": "United Nations terms of use (download and copy for personal, "
        "non-commercial use; no right to redistribute): " + UN_TERMS,
    }


def _anomalies(data_dir: Path) -> pd.DataFrame:
    return load_resource("published-anomalies", data_dir)


def _combine(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frame = pd.concat(frames, ignore_index=True)
    frame = frame.sort_values(["year", "iso3"], kind="stable").reset_index(drop=True)
    return frame[NORMALIZED_COLUMNS]


def _update_egdi_metadata(
    descriptor: dict, data_dir: Path, frame: pd.DataFrame, sources: list[dict]
) -> None:
    res = resource(descriptor, EGDI)
    _set_file_stats(res, data_dir / res["path"])
    year = next(f for f in res["schema"]["fields"] if f["name"] == "year")
    year["constraints"]["enum"] = sorted(int(y) for y in frame["year"].unique())
    by_edition = {s["edition"]: s for s in descriptor.get("sources", []) if "edition" in s}
    others = [s for s in descriptor.get("sources", []) if "edition" not in s]
    for entry in sources:
        kept = by_edition.get(entry["edition"], {})
        if kept.get("sha256") == entry["sha256"]:
            # the same bytes: keep what is recorded about where they came from
            entry = {**entry, **{k: v for k, v in kept.items() if k not in entry}}
        by_edition[entry["edition"]] = entry
    descriptor["sources"] = [by_edition[y] for y in sorted(by_edition)] + others


def _year_of_export(path: Path) -> int:
    stem = path.stem.rsplit("_", 1)[-1]
    if not stem.isdigit():
        raise DataError(
            path,
            "cannot tell the edition from the file name",
            expected="a name EGOV_DATA_<year>.csv",
        )
    return int(stem)


def rebuild(data_dir: Path, source_dir: Path | None = None) -> pd.DataFrame:
    """Rebuild data/egdi.csv and its metadata from the UN exports (by default the copies
    in data/raw/un-egov-survey). The edition is the year in each file's name, which is
    how ``data add --year`` stores an export registered under another year."""
    data_dir = Path(data_dir)
    source_dir = Path(source_dir) if source_dir else data_dir / UN_SOURCES_DIR
    files = sorted(Path(source_dir).glob("EGOV_DATA_*.csv"))
    if not files:
        raise DataError(source_dir, "no UN exports found", expected="files EGOV_DATA_<year>.csv")
    years = [_year_of_export(p) for p in files]
    anomalies = _anomalies(data_dir)
    pairs = list(zip(files, years, strict=True))
    frame = _combine([read_un_export(p, year=y, anomalies=anomalies) for p, y in pairs])
    descriptor = read_descriptor(data_dir)
    res = resource(descriptor, EGDI)
    if source_dir.resolve() != (data_dir / UN_SOURCES_DIR).resolve():
        for path, year in zip(files, years, strict=True):
            atomic.write_bytes(data_dir / UN_SOURCES_DIR / un_export_name(year), path.read_bytes())
    atomic.write_bytes(data_dir / res["path"], format_table(frame))
    _update_egdi_metadata(descriptor, data_dir, frame, [_source_entry(p, y) for p, y in pairs])
    write_descriptor(descriptor, data_dir)
    return frame


def _bump_minor(version: str) -> str:
    major, minor, *_ = ([*version.split("."), "0", "0"])[:3]
    return f"{major}.{int(minor) + 1}.0"


def _changelog(data_dir: Path, version: str, line: str) -> None:
    """Add a dated entry under the changelog's title, newest first."""
    path = Path(data_dir) / "CHANGELOG.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Data changelog\n"
    title, _, rest = text.partition("\n")
    entry = f"## {version} ({_dt.date.today().isoformat()})\n\n- {line}\n"
    atomic.write_text(path, f"{title}\n\n{entry}" + (f"\n{rest.lstrip()}" if rest.strip() else ""))


def add_edition(
    path, data_dir: Path | None = None, *, year: int | None = None, overwrite: bool = False
) -> dict:
    """Validate, normalize and add one UN export; update hash, editions, version, changelog."""
    data_dir = Path(data_dir or paths.data_dir())
    path = Path(path)
    new = read_un_export(path, year=year, anomalies=_anomalies(data_dir))
    new_year = int(new["year"].iloc[0])
    current = load_egdi(data_dir, with_flags=True)
    if new_year in set(current["year"]) and not overwrite:
        raise DataError(
            path,
            f"edition {new_year} is already in the dataset",
            column="Survey Year",
            expected="a new survey year",
            hint="Pass --overwrite to replace it, or --year to add it under another year.",
        )
    frame = _combine([current[current["year"] != new_year], new])
    descriptor = read_descriptor(data_dir)
    res = resource(descriptor, EGDI)
    # The export itself joins the immutable raw sources, so `data rebuild` can redo this.
    atomic.write_bytes(data_dir / UN_SOURCES_DIR / un_export_name(new_year), path.read_bytes())
    atomic.write_bytes(data_dir / res["path"], format_table(frame))
    _update_egdi_metadata(descriptor, data_dir, frame, [_source_entry(path, new_year)])
    old_version = descriptor["version"]
    descriptor["version"] = _bump_minor(old_version)
    write_descriptor(descriptor, data_dir)
    verb = "Replaced" if new_year in set(current["year"]) else "Added"
    _changelog(
        data_dir,
        descriptor["version"],
        f"{verb} UN E-Government Survey edition {new_year} from `{path.name}` "
        f"(sha256 {sha256(path)}; {len(new)} countries).",
    )
    return {
        "year": new_year,
        "rows": len(new),
        "version": descriptor["version"],
        "replaced": verb == "Replaced",
    }


def register(file: str, data_dir: Path | None = None) -> dict:
    """Accept an intended change to a data file: validate it, record its new hash."""
    data_dir = Path(data_dir or paths.data_dir())
    descriptor = read_descriptor(data_dir)
    rel = str(Path(file)).removeprefix("data/")
    matches = [r for r in descriptor["resources"] if r["path"] == rel]
    if not matches:
        raise DataError(
            file,
            "not a resource of the data package",
            expected="one of " + ", ".join(r["path"] for r in descriptor["resources"]),
        )
    res = matches[0]
    read_table(data_dir / res["path"], res["schema"])
    _set_file_stats(res, data_dir / res["path"])
    descriptor["version"] = _bump_minor(descriptor["version"])
    write_descriptor(descriptor, data_dir)
    _changelog(
        data_dir,
        descriptor["version"],
        f"Re-registered `{res['path']}` (sha256 {res['hash'].removeprefix('sha256:')}).",
    )
    return {"path": res["path"], "version": descriptor["version"]}
