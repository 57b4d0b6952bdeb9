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

from egov_repro.labels import LABELS, check_lang, label
from egov_repro.names import display_names
from egov_repro.text import LANGS, MINUS, bilingual, number, pick, signed

HEADERS = {
    "regional_rank": ("Place in region", "Urutan di kawasan"),
    "iso3": ("ISO3", "ISO3"),
    "country": ("Country", "Negara"),
    "label": ("Country", "Negara"),
    "egdi": ("EGDI", "EGDI"),
    "egdi_rank": ("World rank", "Peringkat dunia"),
    "epi": ("E-Participation (EPI)", "E-Partisipasi (EPI)"),
    "osi": ("Online services (OSI)", "Layanan daring (OSI)"),
    "hci": ("Human capital (HCI)", "Sumber daya manusia (HCI)"),
    "tii": ("Telecom infrastructure (TII)", "Infrastruktur telekomunikasi (TII)"),
    "in_paper_chart": ("In the paper's chart", "Ada dalam grafik makalah"),
    "year": ("Edition", "Edisi"),
    "countries": ("Countries listed", "Negara yang tercantum"),
    "surveyed": ("Surveyed", "Disurvei"),
    "countries_surveyed": ("Countries surveyed", "Negara yang disurvei"),
    "zeros_as_missing": ("Zeros stored as missing", "Angka 0 dicatat sebagai data hilang"),
    "flagged_anomalies": ("Flagged anomalies", "Anomali yang ditandai"),
    "source_file": ("UN export", "Berkas ekspor PBB"),
    "sha256": ("SHA-256 (first 12)", "SHA-256 (12 karakter pertama)"),
    "paper_order": ("Paper's order", "Urutan dalam makalah"),
    "province": ("Province", "Provinsi"),
    "official_name": ("Official name", "Nama resmi"),
    "province_code": ("Code", "Kode"),
    "score": ("Score", "Skor"),
    "measure": ("Measure", "Ukuran"),
    "before": ("Before", "Sebelum"),
    "after": ("After", "Sesudah"),
    "change": ("Change", "Perubahan"),
    "component": ("Component", "Komponen"),
    "value": ("Value", "Nilai"),
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


def _region_header(slug: str, lang: str = "en") -> str:
    name = label(f"region:{slug}", lang)
    return name[0].upper() + name[1:]


def _header(column: str, lang: str = "en") -> str:
    if column in HEADERS:
        return HEADERS[column][0 if lang == "en" else 1]
    if column.startswith("median_egdi_"):
        slug = column.removeprefix("median_egdi_").replace("_", "-")
        if lang == "id":  # "Median EGDI dunia", as label("median") writes it
            return "Median EGDI " + label(f"region:{slug}", lang)
        return "Median EGDI, " + _region_header(slug, lang)
    if match := INDEX_YEAR.match(column):
        return f"{match[1].upper()} {match[2]}"
    if f"region:{column}" in LABELS:
        return _region_header(column, lang)
    return column.replace("_", " ").capitalize()


def _cell(column: str, value, row: pd.Series, lang: str = "en") -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    if isinstance(value, bool):
        return pick(lang, "yes", "ya") if value else pick(lang, "no", "tidak")
    if column in WHOLE:
        return f"{int(value)}"
    rank_row = row.get("measure") == "egdi_rank"
    if column == "change" and rank_row:
        places = int(value)
        if places == 0:
            return pick(lang, "0 (unchanged)", "0 (tetap)")
        if lang == "en":
            better = "better" if places < 0 else "worse"
            return f"{places:+d} ({abs(places)} places {better})".replace("-", MINUS)
        better = "lebih baik" if places < 0 else "lebih buruk"
        return f"{places:+d} ({abs(places)} tingkat {better})".replace("-", MINUS)
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
            return pick(lang, "World rank", "Peringkat dunia")
        return MEASURE_NAMES.get(value, str(value))
    if column == "component":
        return str(value).upper()
    return str(value)


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

    def __init__(self, frame, label, langs: tuple[str, ...] = LANGS):
        frames = frame if isinstance(frame, dict) else dict.fromkeys(LANGS, frame)
        self.frames, self.labels, self.langs = frames, _labels(label), langs
        self.frame, self.label = frames["en"], self.labels["en"]

    def rows(self, lang: str = "en") -> list[list[str]]:
        frame = self.frames[lang]
        return [[_cell(c, row[c], row, lang) for c in frame.columns] for _, row in frame.iterrows()]

    def headers(self, lang: str = "en") -> list[str]:
        return [_header(c, lang) for c in self.frames[lang].columns]

    def html(self, lang: str = "en") -> str:
        """The table in one language."""
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in self.headers(lang))
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>"
            for row in self.rows(lang)
        )
        return (
            f'<div class="egov-table" role="region" tabindex="0" '
            f'aria-label="{escape(self.labels[lang])}"><table><thead><tr>{head}</tr></thead>'
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
    langs = LANGS if lang is None else (check_lang(lang),)
    frame = frame.reset_index(drop=True)
    frames = {}
    for lang in LANGS:
        localised = frame
        if "iso3" in frame.columns:
            names = frame["iso3"].map(display_names(lang, data_dir))
            named = [c for c in ("country", "label") if c in frame.columns]
            localised = frame.assign(**{c: names for c in named})
        frames[lang] = localised.drop(columns=list(drop), errors="ignore")
    english = frames["en"]
    if len(english) > 1:
        constant = [
            c
            for c in english.columns
            if c not in keep_constant and english[c].astype("string").nunique(dropna=False) == 1
        ]
        frames = {lang: f.drop(columns=constant) for lang, f in frames.items()}
    return PeopleTable(frames, label, langs)


def components_wide(long: pd.DataFrame) -> pd.DataFrame:
    """The components table (one row per country and component and edition) as one row
    per country, one column per index and edition (``osi_2022``), ordered by country."""
    wide = long.pivot_table(
        index=["iso3", "country"], columns=["component", "year"], values="value", sort=True
    )
    wide.columns = [f"{component}_{year}" for component, year in wide.columns]
    return wide.reset_index().sort_values("country", kind="stable", ignore_index=True)
