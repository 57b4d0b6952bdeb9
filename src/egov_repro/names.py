"""The name a reader sees for each country: taken from the data package (the UN's own
spelling) and, for charts, shortened or translated. Code <-> name mapping without data
lives in ``egov_repro.countries``."""

from __future__ import annotations

from pathlib import Path

from egov_repro.countries import short_names
from egov_repro.datasets import load_egdi, load_resource


def display_names(lang: str | None = None, data_dir: Path | None = None) -> dict[str, str]:
    """ISO3 -> the name to show a reader: the UN's own spelling (latest edition), or, with
    ``lang``, the short label of data/raw/country-labels.csv where there is one."""
    egdi = load_egdi(data_dir)
    names = egdi.drop_duplicates("iso3", keep="last").set_index("iso3")["country"].to_dict()
    if lang is not None:
        names.update(short_names(tuple(sorted(names))))
        labels = load_resource("country-labels", data_dir).set_index("iso3")
        names.update(labels[f"name_{lang}"].to_dict())
    return names
