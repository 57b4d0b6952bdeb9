"""Load and validate the project's data package (``data/datapackage.json``).

Every table is checked against its Frictionless table schema (types, required
values, ranges, patterns, allowed values, primary key) and its recorded SHA-256
before anyone computes with it. Errors name file, line, column and expectation.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from egov_repro.data import paths
from egov_repro.data.countries import names_to_iso3
from egov_repro.data.csvio import check_header, read_rows
from egov_repro.errors import DataError

EGDI = "egdi"
EGDI_COLUMNS = ["year", "iso3", "country", "egdi_rank", "egdi", "epi", "osi", "hci", "tii"]
# An index is 0-1 by design (``x-design-maximum``), but the UN published a few values
# above 1 (2003 HCI). The schema's own ``maximum`` is the documented published range,
# so the standard Frictionless validator accepts them; this package adds the stricter
# rule that a value above the design maximum needs the row flag named here.
DESIGN_MAXIMUM_KEY = "x-design-maximum"
ANOMALY_KEY = "x-exceed-design-maximum-if-flagged"


def sha256(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_descriptor(data_dir: Path | None = None) -> dict:
    data_dir = Path(data_dir or paths.data_dir())
    path = data_dir / paths.DESCRIPTOR
    if not path.is_file():
        raise DataError(
            path, "the data package descriptor is missing", expected="data/datapackage.json"
        )
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(
            path,
            f"not valid JSON ({exc.msg})",
            line=exc.lineno,
            expected="a Frictionless data package descriptor",
        ) from None


def resource(descriptor: dict, name: str) -> dict:
    for res in descriptor.get("resources", []):
        if res.get("name") == name:
            return res
    raise DataError(
        paths.DESCRIPTOR,
        f"no resource named '{name}'",
        expected="one of " + ", ".join(r.get("name", "?") for r in descriptor.get("resources", [])),
    )


def data_version(data_dir: Path | None = None) -> str:
    """The data package's version (bumped by every change to the data)."""
    return read_descriptor(data_dir)["version"]


def editions(data_dir: Path | None = None) -> list[int]:
    """Survey years in the dataset, from the schema's allowed values."""
    schema = resource(read_descriptor(data_dir), EGDI)["schema"]
    year = next(f for f in schema["fields"] if f["name"] == "year")
    return sorted(year["constraints"]["enum"])


# --- validation -------------------------------------------------------------


def _first_bad(mask: pd.Series) -> int | None:
    hits = mask.to_numpy().nonzero()[0]
    return int(hits[0]) if len(hits) else None


def _typed_column(values: pd.Series, field: dict, path, lines: list[int]) -> pd.Series:
    """Convert one column's text to the field's type, or name the first bad cell."""
    name, kind = field["name"], field.get("type", "string")
    constraints = field.get("constraints", {})
    empty = values == ""
    if constraints.get("required"):
        bad = _first_bad(empty)
        if bad is not None:
            raise DataError(
                path,
                "required value is missing",
                line=lines[bad],
                column=name,
                expected=f"a {kind}",
            )
    if kind in ("integer", "number"):
        numbers = pd.to_numeric(values.where(~empty), errors="coerce")
        bad = _first_bad(numbers.isna() & ~empty)
        if bad is not None:
            raise DataError(
                path,
                "value is not a number",
                line=lines[bad],
                column=name,
                expected="a whole number" if kind == "integer" else "a decimal number",
                found=values.iloc[bad],
            )
        if kind == "integer":
            bad = _first_bad(numbers.notna() & (numbers % 1 != 0))
            if bad is not None:
                raise DataError(
                    path,
                    "value is not a whole number",
                    line=lines[bad],
                    column=name,
                    expected="a whole number",
                    found=values.iloc[bad],
                )
            return numbers.astype("Int64")
        return numbers.astype("float64")
    if kind == "boolean":
        lowered = values.str.lower()
        bad = _first_bad(~lowered.isin(["true", "false", ""]))
        if bad is not None:
            raise DataError(
                path,
                "value is not a boolean",
                line=lines[bad],
                column=name,
                expected="true or false",
                found=values.iloc[bad],
            )
        return lowered.map({"true": True, "false": False}).astype("boolean")
    return values.astype("string").where(~empty, pd.NA)


def _check_constraints(frame: pd.DataFrame, field: dict, path, lines: list[int]) -> None:
    name = field["name"]
    column = frame[name]
    constraints = field.get("constraints", {})
    present = column.notna()
    if "pattern" in constraints:
        regex = re.compile(constraints["pattern"])
        ok = column.fillna("").map(lambda v: bool(regex.fullmatch(v)))
        bad = _first_bad(present & ~ok)
        if bad is not None:
            raise DataError(
                path,
                "value does not match the pattern",
                line=lines[bad],
                column=name,
                expected=f"text matching {constraints['pattern']}",
                found=column.iloc[bad],
            )
    if "enum" in constraints:
        bad = _first_bad(present & ~column.isin(constraints["enum"]))
        if bad is not None:
            raise DataError(
                path,
                "value is not one of the allowed values",
                line=lines[bad],
                column=name,
                expected="one of " + ", ".join(map(str, constraints["enum"])),
                found=column.iloc[bad],
            )
    low, high = constraints.get("minimum"), constraints.get("maximum")
    if low is not None or high is not None:
        too_low = present & (column < low) if low is not None else present & False
        too_high = present & (column > high) if high is not None else present & False
        bad = _first_bad(too_low | too_high)
        if bad is not None:
            raise DataError(
                path,
                "value outside its allowed range",
                line=lines[bad],
                column=name,
                expected=f"a value in [{low}, {high}]",
                found=column.iloc[bad].item(),
            )
    design, flag = field.get(DESIGN_MAXIMUM_KEY), field.get(ANOMALY_KEY)
    if design is not None:
        above = present & (column > design)
        if flag and "flags" in frame:
            above &= ~frame["flags"].fillna("").str.split(";").map(lambda f: flag in f)
        bad = _first_bad(above)
        if bad is not None:
            expected = f"a value in [{low}, {design}]"
            if flag:
                expected += f" (or a published anomaly flagged '{flag}')"
            raise DataError(
                path,
                "value above the index's design maximum",
                line=lines[bad],
                column=name,
                expected=expected,
                found=column.iloc[bad].item(),
            )


def read_table(path, schema: dict) -> pd.DataFrame:
    """Read a CSV and check it against a Frictionless table schema."""
    header, rows = read_rows(path)
    fields = schema["fields"]
    check_header(path, header, [f["name"] for f in fields])
    lines = [line for line, _ in rows]
    text = pd.DataFrame([r for _, r in rows], columns=header, dtype="string").fillna("")
    frame = pd.DataFrame(
        {f["name"]: _typed_column(text[f["name"]], f, path, lines) for f in fields}
    )
    for field in fields:
        _check_constraints(frame, field, path, lines)
    key = schema.get("primaryKey")
    if key:
        key = [key] if isinstance(key, str) else key
        dup = frame.duplicated(subset=key, keep="first")
        bad = _first_bad(dup)
        if bad is not None:
            values = ", ".join(f"{k}={frame[k].iloc[bad]}" for k in key)
            first = lines[_first_bad(frame[key].eq(frame[key].iloc[bad]).all(axis=1))]
            raise DataError(
                path,
                f"duplicate row for ({values}), first seen on line {first}",
                line=lines[bad],
                column=", ".join(key),
                expected="each (" + ", ".join(key) + ") once",
            )
    return frame


def check_hash(path, res: dict) -> None:
    """A registered file whose bytes changed is an error that says how to re-register."""
    digest = sha256(path)
    expected = res.get("hash", "").removeprefix("sha256:")
    if digest != expected:
        size = Path(path).stat().st_size
        raise DataError(
            path,
            "the file's bytes changed since it was registered",
            expected=f"sha256 {expected} ({res.get('bytes')} bytes)",
            found=f"sha256 {digest} ({size} bytes)",
            hint=(
                "If the change is intended, re-register the file with "
                f"`egov-repro data register {res['path']}`; otherwise restore it with "
                f"`git checkout -- data/{res['path']}`."
            ),
        )


def load_resource(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """Load one resource of the data package, validated against schema and hash."""
    data_dir = Path(data_dir or paths.data_dir())
    res = resource(read_descriptor(data_dir), name)
    path = data_dir / res["path"]
    if not path.is_file():
        raise DataError(
            path,
            "the data file is missing",
            expected=f"the resource '{name}' listed in datapackage.json",
        )
    stat = path.stat()
    return _load_cached(
        str(path), stat.st_mtime_ns, stat.st_size, json.dumps(res, sort_keys=True)
    ).copy()


@lru_cache(maxsize=16)
def _load_cached(path: str, _mtime: int, _size: int, res_json: str) -> pd.DataFrame:
    res = json.loads(res_json)
    frame = read_table(path, res["schema"])
    check_hash(path, res)
    return frame


def load_egdi(data_dir: Path | None = None, *, with_flags: bool = False) -> pd.DataFrame:
    """UN EGDI country data, one row per country and edition (published values).

    Countries not yet surveyed in an edition are rows with a missing rank and
    missing values; ``with_flags`` adds the ``flags`` column that says why a value
    is missing or out of range.
    """
    frame = load_resource(EGDI, data_dir)
    return frame if with_flags else frame[EGDI_COLUMNS]


def editions_in(egdi: pd.DataFrame) -> list[int]:
    """The survey years of a loaded EGDI table in which any country was surveyed."""
    return sorted(int(y) for y in egdi.loc[egdi["egdi_rank"].notna(), "year"].unique())


def latest_edition(data_dir: Path | None = None) -> int:
    """The newest survey edition in the data: what 'latest' means everywhere."""
    return editions_in(load_egdi(data_dir))[-1]


PRIMARY_PEGI = "pegi-2016"


def primary_pegi_2016(data_dir: Path | None = None) -> pd.DataFrame | None:
    """A primary PeGI 2016 table (resource ``pegi-2016``: province, province_code, score,
    with the score's unit in the field's ``x-unit``), or None: none has been found yet,
    and the audit says so. Adding one to the data package lets the audit check Figure 2."""
    descriptor = read_descriptor(data_dir)
    if not any(r.get("name") == PRIMARY_PEGI for r in descriptor.get("resources", [])):
        return None
    frame = load_resource(PRIMARY_PEGI, data_dir)
    score = next(
        f for f in resource(descriptor, PRIMARY_PEGI)["schema"]["fields"] if f["name"] == "score"
    )
    frame.attrs["unit"] = score.get("x-unit", "score")
    return frame


def load_pegi_2016(data_dir: Path | None = None) -> pd.DataFrame:
    """The ten provinces of the paper's Figure 2 (PeGI 2016), as the paper prints them."""
    return load_resource("pegi-2016-top10", data_dir)


def source_files(data_dir: Path | None = None) -> dict[int, Path]:
    """The UN exports kept in data/raw/un-egov-survey, by edition (from the descriptor)."""
    data_dir = Path(data_dir or paths.data_dir())
    return {
        int(s["edition"]): data_dir / s["file"]
        for s in read_descriptor(data_dir).get("sources", [])
        if "edition" in s
    }


def check_sources(data_dir: Path | None = None) -> None:
    """Every UN export the descriptor lists is present with its recorded SHA-256."""
    data_dir = Path(data_dir or paths.data_dir())
    for entry in read_descriptor(data_dir).get("sources", []):
        if "edition" not in entry:
            continue
        path = data_dir / entry["file"]
        if not path.is_file():
            raise DataError(
                path,
                "the UN export is missing",
                expected=f"the source file of edition {entry['edition']} "
                "listed in datapackage.json",
            )
        digest = sha256(path)
        if digest != entry["sha256"]:
            raise DataError(
                path,
                "the UN export's bytes differ from the recorded source",
                expected=f"sha256 {entry['sha256']}",
                found=f"sha256 {digest}",
                hint="data/raw is immutable: restore the file with "
                f"`git checkout -- data/{entry['file']}`.",
            )


def validate_package(data_dir: Path | None = None) -> dict:
    """Validate every resource (schema, hash) and the EGDI names; return a summary."""

    data_dir = Path(data_dir or paths.data_dir())
    descriptor = read_descriptor(data_dir)
    counts = {}
    for res in descriptor["resources"]:
        path = data_dir / res["path"]
        if not path.is_file():
            raise DataError(
                path,
                "the data file is missing",
                expected=f"the resource '{res['name']}' of datapackage.json",
            )
        frame = read_table(path, res["schema"])
        if res["name"] == EGDI:
            _check_names(
                frame, path, names_to_iso3(list(frame["country"]), paths.raw_dir(data_dir))
            )
        check_hash(path, res)
        counts[res["name"]] = len(frame)
    check_sources(data_dir)
    egdi = load_egdi(data_dir)
    return {
        "version": descriptor["version"],
        "resources": counts,
        "editions": sorted(egdi["year"].unique().tolist()),
        "countries": int(egdi["iso3"].nunique()),
    }


def _check_names(frame: pd.DataFrame, path, codes: list) -> None:
    rows = zip(frame["country"], frame["iso3"], codes, strict=True)
    for i, (name, iso3, code) in enumerate(rows):
        if code is None:
            raise DataError(
                path,
                "unknown country name",
                line=i + 2,
                column="country",
                expected="a country name that maps to an ISO 3166 alpha-3 code",
                found=name,
            )
        if code != iso3:
            raise DataError(
                path,
                f"country name maps to {code}, not to the row's iso3 {iso3}",
                line=i + 2,
                column="country",
                expected=f"the name of {iso3}",
                found=name,
            )


def coverage(data_dir: Path | None = None) -> pd.DataFrame:
    """Per edition: countries listed, surveyed, values stored as missing, and the
    source file with its SHA-256 (the data chapter's table)."""
    data_dir = Path(data_dir or paths.data_dir())
    egdi = load_egdi(data_dir, with_flags=True)
    flags = egdi["flags"].fillna("")
    sources = {s["edition"]: s for s in read_descriptor(data_dir)["sources"] if "edition" in s}
    table = (
        egdi.assign(
            surveyed=egdi["egdi_rank"].notna(),
            missing_values=egdi[["egdi", "hci", "tii"]]
            .isna()
            .sum(axis=1)
            .where(egdi["egdi_rank"].notna(), 0),
            anomalies=flags.str.contains("_above_one"),
        )
        .groupby("year")
        .agg(
            countries=("iso3", "size"),
            surveyed=("surveyed", "sum"),
            zeros_as_missing=("missing_values", "sum"),
            flagged_anomalies=("anomalies", "sum"),
        )
    )
    table["source_file"] = [sources.get(y, {}).get("file", "") for y in table.index]
    table["sha256"] = [sources.get(y, {}).get("sha256", "")[:12] for y in table.index]
    return table.reset_index()
