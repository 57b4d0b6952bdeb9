"""Tables for people: what the chapters show instead of a raw DataFrame.

No index column, headers in words, numbers in their natural format (ranks and years as
whole numbers, indices with four decimals), no column that repeats one value on every
row, nothing cut short; on a narrow screen the table scrolls sideways inside its box
with the first column fixed (see static/egov-repro.css).
"""

from __future__ import annotations

import re
import unicodedata
from html import escape

import pandas as pd

from egov_repro.words.catalogue import say, say_all
from egov_repro.words.labels import has_label, label
from egov_repro.words.languages import LANGUAGES as LANGS
from egov_repro.words.languages import check_language
from egov_repro.words.names import display_names
from egov_repro.words.text import MINUS, bilingual, number, signed

# The columns whose header the catalogue (tables.toml, "header.<column>") names.
HEADERS = (
    "regional_rank", "iso3", "country", "egdi", "egdi_rank", "epi", "osi", "hci", "tii",
    "in_paper_chart", "year", "countries", "surveyed", "countries_surveyed",
    "zeros_as_missing", "flagged_anomalies", "source_file", "sha256", "paper_order",
    "province", "official_name", "province_code", "score", "measure", "before", "after",
    "change", "component", "value",
)  # fmt: skip
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


def _region_header(slug: str, lang: str = "en") -> str:
    name = label(f"region:{slug}", lang)
    return name[0].upper() + name[1:]


def _header(column: str, lang: str = "en", years: tuple | None = None) -> str:
    if column in ("before", "after") and years:  # the editions compared, not "Before"
        return str(years[0 if column == "before" else 1])
    if column == "label":
        column = "country"
    if column in HEADERS:
        return say("tables.header." + column, lang)
    if column.startswith("median_egdi_"):
        slug = column.removeprefix("median_egdi_").replace("_", "-")
        return say("tables.header.median_egdi", lang, region=label(f"region:{slug}", lang))
    if match := INDEX_YEAR.match(column):
        return f"{match[1].upper()} {match[2]}"
    if has_label(f"region:{column}"):
        return _region_header(column, lang)
    return column.replace("_", " ").capitalize()


def _cell(column: str, value, row: pd.Series, lang: str = "en") -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    if isinstance(value, bool):
        return say("tables.cell.yes" if value else "tables.cell.no", lang)
    if column in WHOLE:
        return f"{int(value)}"
    rank_row = row.get("measure") == "egdi_rank"
    if column == "change" and rank_row:
        places = int(value)
        if places == 0:
            return say("tables.cell.rank_unchanged", lang)
        key = "tables.cell.rank_better" if places < 0 else "tables.cell.rank_worse"
        change = f"{places:+d}".replace("-", MINUS)
        return say(key, lang, change=change, places=abs(places), count=abs(places))
    if column == "change":
        return signed(value, 4, lang)
    if column in ("before", "after") and rank_row:
        return f"{int(value)}"
    if column in FOUR_DECIMALS or column.startswith("median_") or INDEX_YEAR.match(column):
        return number(value, 4, lang)
    if column == "score":
        return number(value, 2, lang)
    if column == "measure":
        if value == "egdi_rank":
            return say("tables.cell.world_rank", lang)
        return MEASURE_NAMES.get(value, str(value))
    if column == "component":
        return str(value).upper()
    return str(value)


# The tables the chapters show, each named by the catalogue (tables.label.<name>).
TABLE_NAMES = (
    "coverage", "figure1", "figure2", "figure3", "latest_ranking", "changes", "components",
    "sensitivity", "profile",
)  # fmt: skip


def named(name: str, **facts) -> dict[str, str]:
    """A chapter table's name in both languages (what a screen reader announces for its
    box), from the catalogue: ``for_people(frame, named("coverage"))``."""
    if name not in TABLE_NAMES:
        raise ValueError(f"Unknown table name {name!r}. Valid: {', '.join(TABLE_NAMES)}.")
    return say_all("tables.label." + name, **facts)


def _labels(label) -> dict[str, str]:
    """A table's label in both languages, from {"en": ..., "id": ...}, (en, id) or one
    string (an English-only caller: the same words in both)."""
    if isinstance(label, dict):
        return {lang: label[lang] for lang in LANGS}
    if isinstance(label, tuple | list):
        return dict(zip(LANGS, label, strict=True))
    return dict.fromkeys(LANGS, str(label))


class PeopleTable:
    """A DataFrame as a reader sees it; ``_repr_html_`` for the book (both editions),
    English text otherwise. ``frames`` holds one frame per language (country names
    differ) or one frame for both."""

    def __init__(self, frame, label, langs: tuple[str, ...] = LANGS, years=None):
        frames = frame if isinstance(frame, dict) else dict.fromkeys(LANGS, frame)
        self.frames, self.labels, self.langs = frames, _labels(label), langs
        self.frame, self.label = frames["en"], self.labels["en"]
        # The two editions a before/after table compares (their years head the columns).
        self.years = years or self.frame.attrs.get("years")

    def rows(self, lang: str = "en") -> list[list[str]]:
        frame = self.frames[lang]
        return [[_cell(c, row[c], row, lang) for c in frame.columns] for _, row in frame.iterrows()]

    def headers(self, lang: str = "en") -> list[str]:
        return [_header(c, lang, self.years) for c in self.frames[lang].columns]

    def html(self, lang: str = "en") -> str:
        """The table in one language."""
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in self.headers(lang))
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>"
            for row in self.rows(lang)
        )
        return (
            f'<div class="egov-table" role="region" tabindex="0" '
            f'aria-label="{escape(self.labels[lang])}"><table>'
            f"<caption>{escape(self.labels[lang])}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table></div>"
        )

    def _repr_html_(self) -> str:
        return bilingual(self.html, self.langs)

    def __repr__(self) -> str:
        lang = self.langs[0]
        rows = [self.headers(lang), *self.rows(lang)]
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        return "\n".join(
            "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in rows
        )


def for_people(
    frame: pd.DataFrame,
    label,
    *,
    drop: list[str] = (),
    keep_constant: list[str] = (),
    data_dir=None,
    lang: str | None = None,
) -> PeopleTable:
    """``frame`` for reading: the index dropped, countries under the one name the book
    uses for them everywhere (``display_names``, per language), columns in ``drop`` left
    out, and any column holding one value on every row left out (unless named in
    ``keep_constant``). ``label`` names the table: {"en": ..., "id": ...} or (en, id).
    ``lang``: the one language to show ("en" or "id"), or None for both (the book)."""
    langs = LANGS if lang is None else (check_language(lang),)
    years = frame.attrs.get("years")
    frame = frame.reset_index(drop=True)
    frames = {}
    for lang in LANGS:
        localised = frame
        if "iso3" in frame.columns:
            names = frame["iso3"].map(display_names(lang, data_dir))
            named = [c for c in ("country", "label") if c in frame.columns]
            localised = frame.assign(**{c: names for c in named})
            if named and _alphabetical(frame[named[0]]):  # sorted by name: by its own names
                order = localised[named[0]].map(_sort_key).sort_values(kind="stable").index
                localised = localised.loc[order].reset_index(drop=True)
        frames[lang] = localised.drop(columns=list(drop), errors="ignore")
    english = frames["en"]
    if len(english) > 1:
        constant = [
            c
            for c in english.columns
            if c not in keep_constant and english[c].astype("string").nunique(dropna=False) == 1
        ]
        frames = {lang: f.drop(columns=constant) for lang, f in frames.items()}
    return PeopleTable(frames, label, langs, years)


def _sort_key(name) -> str:
    """A name as an alphabetical list orders it: accents and case aside."""
    decomposed = unicodedata.normalize("NFKD", str(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _alphabetical(names: pd.Series) -> bool:
    """Whether a table lists its rows in the alphabetical order of these names (then
    each edition lists them in the order of its own names)."""
    keys = names.map(_sort_key)
    return len(keys) > 2 and keys.is_monotonic_increasing and keys.is_unique


def components_wide(long: pd.DataFrame) -> pd.DataFrame:
    """The components table (one row per country and component and edition) as one row
    per country, one column per index and edition (``osi_2022``), ordered by country."""
    wide = long.pivot_table(
        index=["iso3", "country"], columns=["component", "year"], values="value", sort=True
    )
    wide.columns = [f"{component}_{year}" for component, year in wide.columns]
    return wide.reset_index().sort_values("country", kind="stable", ignore_index=True)
