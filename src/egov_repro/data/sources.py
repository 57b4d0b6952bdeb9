"""The importer: UN E-Government Survey Data Center export -> normalized rows.

The UN Data Center exports one CSV per edition (``EGOV_DATA_<year>.csv``). This
module reads that layout, handles its quirks deliberately (see the data chapter)
and returns the project's normalized columns. It is the only code that knows the
UN's column names.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from egov_repro.data import countries
from egov_repro.data.csvio import check_header, read_rows
from egov_repro.errors import DataError

UN_COLUMNS = {
    "Survey Year": "year",
    "Country Name": "country",
    "E-Government Rank": "egdi_rank",
    "E-Government Index": "egdi",
    "E-Participation Index": "epi",
    "Online Service Index": "osi",
    "Human Capital Index": "hci",
    "Telecommunication Infrastructure Index": "tii",
}
INDICES = ["egdi", "epi", "osi", "hci", "tii"]
# A published 0 in these means "no data": a composite (EGDI), an education index
# (HCI) or an infrastructure index (TII) cannot truly be zero. OSI and EPI count
# services found online, where 0 is a real measurement, so their zeros stay.
ZERO_MEANS_MISSING = ["egdi", "hci", "tii"]
NORMALIZED_COLUMNS = ["year", "iso3", "country", "egdi_rank", *INDICES, "flags"]


def _parse_number(text: str, file, line: int, column: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise DataError(
            file,
            "value is not a number",
            line=line,
            column=column,
            expected="a decimal number such as 0.7160",
            found=text,
        ) from None
    if math.isnan(value) or math.isinf(value):
        raise DataError(
            file,
            "value is not a finite number",
            line=line,
            column=column,
            expected="a decimal number such as 0.7160",
            found=text,
        )
    return value


def read_un_export(
    path, *, year: int | None = None, anomalies: pd.DataFrame | None = None, names_to_iso3=None
) -> pd.DataFrame:
    """Read one UN export into normalized rows (one per country), or raise DataError.

    ``year`` overrides the file's Survey Year (used to register an edition under
    another year); ``anomalies`` lists published out-of-range values to keep
    (year, iso3, column); ``names_to_iso3`` maps stripped names to ISO3 codes.
    """
    path = Path(path)
    mapper = names_to_iso3 or countries.names_to_iso3
    header, rows = read_rows(path)
    check_header(path, header, list(UN_COLUMNS))
    col = {name: header.index(name) for name in UN_COLUMNS}

    names = [fields[col["Country Name"]].strip() for _, fields in rows]
    iso3_codes = mapper(names)
    known = set()
    if anomalies is not None:
        known = {(int(r.year), r.iso3, r.column) for r in anomalies.itertuples()}

    records, seen = [], {}
    for (line, fields), name, iso3 in zip(rows, names, iso3_codes, strict=True):
        if iso3 is None:
            raise DataError(
                path,
                "unknown country name",
                line=line,
                column="Country Name",
                expected="a country name that maps to an ISO 3166 alpha-3 code",
                found=name,
                hint="Add it to data/raw/country-name-overrides.csv "
                "if it is a new spelling of a known country.",
            )
        if iso3 in seen:
            raise DataError(
                path,
                f"country appears twice (also on line {seen[iso3]})",
                line=line,
                column="Country Name",
                expected="one row per country",
                found=name,
            )
        seen[iso3] = line
        file_year = fields[col["Survey Year"]].strip()
        if not file_year.isdigit():
            raise DataError(
                path,
                "survey year is not a year",
                line=line,
                column="Survey Year",
                expected="a four-digit year",
                found=file_year,
            )
        values = {
            k: _parse_number(fields[col[un]].strip(), path, line, un)
            for un, k in UN_COLUMNS.items()
            if k in INDICES
        }
        rank_text = fields[col["E-Government Rank"]].strip()
        flags = []
        if rank_text == "":
            if any(v != 0 for v in values.values()):
                raise DataError(
                    path,
                    "rank is empty but the indices are not all 0",
                    line=line,
                    column="E-Government Rank",
                    expected="a positive whole number",
                )
            # Not yet a UN member: published as an empty rank and zeros.
            rank = None
            values = {k: None for k in values}
            flags.append("not_surveyed")
        else:
            if not rank_text.isdigit() or int(rank_text) < 1:
                raise DataError(
                    path,
                    "rank is not a positive whole number",
                    line=line,
                    column="E-Government Rank",
                    expected="a positive whole number",
                    found=rank_text,
                )
            rank = int(rank_text)
        record_year = year if year is not None else int(file_year)
        for key in INDICES:
            value = values[key]
            if value is None:
                continue
            un_name = next(u for u, k in UN_COLUMNS.items() if k == key)
            if key in ZERO_MEANS_MISSING and value == 0:
                values[key] = None
                flags.append(f"{key}_zero_as_missing")
            elif value < 0 or (value > 1 and (int(file_year), iso3, key) not in known):
                raise DataError(
                    path,
                    "index outside its range",
                    line=line,
                    column=un_name,
                    expected="a value in [0, 1] (or a published anomaly listed "
                    "in data/raw/published-anomalies.csv)",
                    found=value,
                )
            elif value > 1:
                flags.append(f"{key}_above_one")
        records.append(
            {
                "year": record_year,
                "iso3": iso3,
                "country": name,
                "egdi_rank": rank,
                **values,
                "flags": ";".join(flags),
            }
        )

    years = {r["year"] for r in records}
    if len(years) != 1:
        raise DataError(
            path,
            "the file mixes survey years " + ", ".join(map(str, sorted(years))),
            column="Survey Year",
            expected="one edition per file",
        )
    frame = pd.DataFrame.from_records(records, columns=NORMALIZED_COLUMNS)
    frame["egdi_rank"] = frame["egdi_rank"].astype("Int64")
    return frame.sort_values(["year", "iso3"], kind="stable").reset_index(drop=True)


def write_un_export(frame: pd.DataFrame, path) -> None:
    """Write normalized rows back out in the UN export layout (for round trips)."""
    out = pd.DataFrame(
        {
            "Survey Year": frame["year"],
            "Country Name": frame["country"],
            "E-Government Rank": frame["egdi_rank"].astype("Int64").astype("string").fillna(""),
        }
    )
    for un, key in UN_COLUMNS.items():
        if key in INDICES:
            # Missing values go back to the UN's own 0 so the round trip is exact.
            out[un] = frame[key].fillna(0.0).map(lambda v: f"{v:.5f}")
    out.to_csv(path, index=False, lineterminator="\n")
