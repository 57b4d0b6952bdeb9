"""Country names -> ISO 3166 alpha-3 codes, and codes -> short names, without any dataset.

country_converter does the mapping; a small checked table of overrides in
``data/raw/country-name-overrides.csv`` pins the UN's unusual spellings so that a
library update cannot silently move a country. A name neither knows is None,
which the importer turns into an error. The names a reader sees, which depend on the
data, are made in ``egov_repro.words.names``.
"""

from __future__ import annotations

import csv
import difflib
import logging
from functools import lru_cache
from pathlib import Path

from egov_repro.data.paths import raw_dir as default_raw_dir

OVERRIDES_FILE = "country-name-overrides.csv"


@lru_cache(maxsize=1)
def _converter():
    import country_converter as coco

    # coco logs each unmatched name as a warning; we report them ourselves.
    logging.getLogger("country_converter").setLevel(logging.ERROR)
    return coco.CountryConverter()


def load_overrides(raw_dir: Path | None = None) -> dict[str, str]:
    """The checked table of UN spellings -> ISO3 codes."""
    path = (raw_dir or default_raw_dir()) / OVERRIDES_FILE
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["un_name"]: row["iso3"] for row in csv.DictReader(handle)}


def names_to_iso3(names: list[str], raw_dir: Path | None = None) -> list[str | None]:
    """Map stripped country names to ISO3 codes; None where no code is found."""
    overrides = load_overrides(raw_dir)
    unknown = sorted({n for n in names if n not in overrides})
    found = {}
    if unknown:
        codes = _converter().convert(unknown, src="regex", to="ISO3", not_found=None)
        if isinstance(codes, str) or codes is None:
            codes = [codes]
        for name, code in zip(unknown, codes, strict=True):
            found[name] = code if isinstance(code, str) and len(code) == 3 else None
    return [overrides.get(n, found.get(n)) for n in names]


def suggest(code: str, choices: dict[str, str], n: int = 3) -> list[str]:
    """Close matches for a mistyped ISO3 code or country name, as 'IDN (Indonesia)'."""
    key = code.strip()
    by_code = difflib.get_close_matches(key.upper(), list(choices), n=n, cutoff=0.3)
    by_name = difflib.get_close_matches(
        key.lower(), [v.lower() for v in choices.values()], n=n, cutoff=0.6
    )
    lower_to_code = {v.lower(): k for k, v in choices.items()}
    codes = list(dict.fromkeys(by_code + [lower_to_code[m] for m in by_name]))
    return [f"{c} ({choices[c]})" for c in codes[:n]]


@lru_cache(maxsize=4)
def short_names(codes: tuple[str, ...]) -> dict[str, str]:
    """country_converter's short English names ("United Kingdom" for the UN's "United
    Kingdom of Great Britain and Northern Ireland"), for labels that must fit a chart.
    Read straight from its table file: building its converter (regexes for every
    country) takes a third of a second that `egov-repro figures` need not wait."""
    from country_converter.country_converter import COUNTRY_DATA_FILE

    names: dict[str, str] = {}
    with open(COUNTRY_DATA_FILE, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            names.setdefault(row["ISO3"], row["name_short"])
    return {c: names[c] for c in codes if names.get(c)}


@lru_cache(maxsize=4)
def alpha2_codes(codes: tuple[str, ...]) -> dict[str, str]:
    """ISO 3166 alpha-3 -> alpha-2 (country_converter's table), e.g. for CLDR's names.
    The table gives a few codes as a pattern of two ("^GB$|^UK$"): the first is ISO's."""
    import re

    from country_converter.country_converter import COUNTRY_DATA_FILE

    alpha2: dict[str, str] = {}
    with open(COUNTRY_DATA_FILE, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            found = re.findall(r"[A-Z]{2}", row["ISO2"])
            if found:
                alpha2.setdefault(row["ISO3"], found[0])
    return {c: alpha2[c] for c in codes if c in alpha2}
