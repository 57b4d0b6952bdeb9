"""The name a reader sees for each country: taken from the data package (the UN's own
spelling) and, for charts, shortened or translated. Code <-> name mapping without data
lives in ``egov_repro.data.countries``.

Names in another language than English come from the Unicode CLDR (the territory names
Babel ships, kept up to date with every Babel release), for every country the data
name; the reviewed labels of data/raw/country-labels.csv and ``CLDR_CORRECTIONS`` are
laid over them where Indonesian usage writes a country otherwise than CLDR does.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from egov_repro.data.countries import alpha2_codes, short_names
from egov_repro.data.datasets import load_egdi, load_resource

# Where CLDR's name is not the one Indonesian texts (the government's, the press's) use:
# CLDR adds "(Burma)", keeps the French name of Côte d'Ivoire, writes "Wilayah Palestina"
# (the Palestinian territories) and "eSwatini", and tells the two Congos apart by their
# capitals ("Kongo - Kinshasa") where Indonesian names the states; Türkiye is the name
# the Indonesian foreign ministry has used since the UN adopted it in 2022 (CLDR: Turki).
CLDR_CORRECTIONS = {
    "id": {
        "COD": "Republik Demokratik Kongo",
        "COG": "Republik Kongo",
        "MMR": "Myanmar",
        "CIV": "Pantai Gading",
        "PSE": "Palestina",
        "SWZ": "Eswatini",
        "TUR": "Türkiye",
    }
}


@lru_cache(maxsize=4)
def cldr_names(lang: str, codes: tuple[str, ...]) -> dict[str, str]:
    """ISO3 -> CLDR's name of the country in ``lang`` (Babel), for the codes CLDR knows."""
    from babel import Locale

    territories = Locale.parse(lang).territories
    alpha2 = alpha2_codes(codes)
    return {code: territories[a2] for code, a2 in alpha2.items() if a2 in territories}


def display_names(lang: str | None = None, data_dir: Path | None = None) -> dict[str, str]:
    """ISO3 -> the name to show a reader: the UN's own spelling (latest edition), or, with
    ``lang``, the short label of data/raw/country-labels.csv where there is one, else (in
    a language other than English) CLDR's name, else a short English name."""
    egdi = load_egdi(data_dir)
    names = egdi.drop_duplicates("iso3", keep="last").set_index("iso3")["country"].to_dict()
    if lang is not None:
        codes = tuple(sorted(names))
        names.update(short_names(codes))
        if lang != "en":
            names.update(cldr_names(lang, codes))
            names.update({c: n for c, n in CLDR_CORRECTIONS.get(lang, {}).items() if c in names})
        labels = load_resource("country-labels", data_dir).set_index("iso3")
        names.update(labels[f"name_{lang}"].to_dict())
    return names
