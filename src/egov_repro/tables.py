"""Tables for people: what the chapters show instead of a raw DataFrame.

No index column, headers in words, numbers in their natural format (ranks and years as
whole numbers, indices with four decimals), no column that repeats one value on every
row, nothing cut short; on a narrow screen the table scrolls sideways inside its box
with the first column fixed (see static/egov-repro.css).
"""

from __future__ import annotations

import re
from html import escape

import pandas as pd

from egov_repro.labels import LABELS, label
from egov_repro.names import display_names

HEADERS = {
    "regional_rank": "Place in region",
    "iso3": "ISO3",
    "country": "Country",
    "label": "Country",
    "egdi": "EGDI",
    "egdi_rank": "World rank",
    "epi": "E-Participation (EPI)",
    "osi": "Online services (OSI)",
    "hci": "Human capital (HCI)",
    "tii": "Telecom infrastructure (TII)",
    "in_paper_chart": "In the paper's chart",
    "year": "Edition",
    "countries": "Countries listed",
    "surveyed": "Surveyed",
    "countries_surveyed": "Countries surveyed",
    "zeros_as_missing": "Zeros stored as missing",
    "flagged_anomalies": "Flagged anomalies",
    "source_file": "UN export",
    "sha256": "SHA-256 (first 12)",
    "paper_order": "Paper's order",
    "province": "Province",
    "province_code": "Code",
    "score": "Score",
    "measure": "Measure",
    "before": "Before",
    "after": "After",
    "change": "Change",
    "component": "Component",
    "value": "Value",
}
WHOLE = {
    "regional_rank",
    "egdi_rank",
    "year",
    "countries",
    "surveyed",
    "countries_surveyed",
    "zeros_as_missing",
    "flagged_anomalies",
    "paper_order",
}
FOUR_DECIMALS = {"egdi", "epi", "osi", "hci", "tii", "value", "before", "after"}
MEASURE_NAMES = {
    "egdi": "EGDI",
    "epi": "EPI",
    "osi": "OSI",
    "hci": "HCI",
    "tii": "TII",
    "egdi_rank": "World rank",
}


# An index of one edition, as in a wide table: "osi_2022" -> "OSI 2022".
INDEX_YEAR = re.compile(r"^(egdi|epi|osi|hci|tii)_(\d{4})$")


def _region_header(slug: str) -> str:
    name = label(f"region:{slug}", "en")
    return name[0].upper() + name[1:]


def _header(column: str) -> str:
    if column in HEADERS:
        return HEADERS[column]
    if column.startswith("median_egdi_"):
        return "Median EGDI, " + _region_header(
            column.removeprefix("median_egdi_").replace("_", "-")
        )
    if match := INDEX_YEAR.match(column):
        return f"{match[1].upper()} {match[2]}"
    if f"region:{column}" in LABELS:
        return _region_header(column)
    return column.replace("_", " ").capitalize()


def _cell(column: str, value, row: pd.Series) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if column in WHOLE:
        return f"{int(value)}"
    rank_row = row.get("measure") == "egdi_rank"
    if column == "change" and rank_row:
        places = int(value)
        if places == 0:
            return "0 (unchanged)"
        better = "better" if places < 0 else "worse"
        return f"{places:+d} ({abs(places)} places {better})"
    if column == "change":
        return f"{float(value):+.4f}"
    if column in ("before", "after") and rank_row:
        return f"{int(value)}"
    if column in FOUR_DECIMALS or column.startswith("median_") or INDEX_YEAR.match(column):
        return f"{float(value):.4f}"
    if column == "score":
        return f"{float(value):.2f}"
    if column == "measure":
        return MEASURE_NAMES.get(value, str(value))
    if column == "component":
        return str(value).upper()
    return str(value)


class PeopleTable:
    """A DataFrame as a reader sees it; ``_repr_html_`` for the book, text otherwise."""

    def __init__(self, frame: pd.DataFrame, label: str):
        self.frame, self.label = frame, label

    def rows(self) -> list[list[str]]:
        return [
            [_cell(c, row[c], row) for c in self.frame.columns] for _, row in self.frame.iterrows()
        ]

    def headers(self) -> list[str]:
        return [_header(c) for c in self.frame.columns]

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in self.headers())
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>" for row in self.rows()
        )
        return (
            f'<div class="egov-table" role="region" tabindex="0" '
            f'aria-label="{escape(self.label)}"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>"
        )

    def __repr__(self) -> str:
        rows = [self.headers(), *self.rows()]
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        return "\n".join(
            "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in rows
        )


def for_people(
    frame: pd.DataFrame,
    label: str,
    *,
    drop: list[str] = (),
    keep_constant: list[str] = (),
    data_dir=None,
) -> PeopleTable:
    """``frame`` for reading: the index dropped, countries under the one name the book
    uses for them everywhere (``display_names``), columns in ``drop`` left out, and any
    column holding one value on every row left out (unless named in ``keep_constant``)."""
    frame = frame.reset_index(drop=True)
    if {"iso3", "country"} <= set(frame.columns):
        frame = frame.assign(country=frame["iso3"].map(display_names("en", data_dir)))
    frame = frame.drop(columns=list(drop), errors="ignore")
    if len(frame) > 1:
        constant = [
            c
            for c in frame.columns
            if c not in keep_constant and frame[c].astype("string").nunique(dropna=False) == 1
        ]
        frame = frame.drop(columns=constant)
    return PeopleTable(frame, label)


def components_wide(long: pd.DataFrame) -> pd.DataFrame:
    """The components table (one row per country and component and edition) as one row
    per country, one column per index and edition (``osi_2022``), ordered by country."""
    wide = long.pivot_table(
        index=["iso3", "country"], columns=["component", "year"], values="value", sort=True
    )
    wide.columns = [f"{component}_{year}" for component, year in wide.columns]
    return wide.reset_index().sort_values("country", kind="stable", ignore_index=True)
