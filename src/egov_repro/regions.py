"""Who belongs to which region, read from data/raw/regions.csv.

'world' is every country surveyed in an edition; 'asean' is ASEAN as of the
survey year (from each member's year of joining); every other region is a list
of ISO3 codes in the regions table, so a new region is a data change, not code.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from egov_repro.datasets import load_egdi, load_resource
from egov_repro.errors import DataError

WORLD = "world"
ASEAN = "asean"


def load_regions(data_dir: Path | None = None) -> pd.DataFrame:
    return load_resource("regions", data_dir)


def region_names(data_dir: Path | None = None) -> list[str]:
    """Every region a chapter or command accepts."""
    listed = load_regions(data_dir)["region"].unique().tolist()
    return sorted({*listed, WORLD, ASEAN})


def check_region(name: str, data_dir: Path | None = None) -> str:
    names = region_names(data_dir)
    if name not in names:
        raise ValueError(f"Unknown region {name!r}. Valid regions: {', '.join(names)}.")
    return name


def region_members(name: str, year: int | None = None, data_dir: Path | None = None) -> list[str]:
    """ISO3 codes of a region's members (sorted); 'world' and 'asean' need ``year``
    to say which edition or which date of membership (default: latest edition)."""
    check_region(name, data_dir)
    if name == WORLD:
        egdi = load_egdi(data_dir)
        year = int(egdi["year"].max()) if year is None else year
        surveyed = egdi[(egdi["year"] == year) & egdi["egdi_rank"].notna()]
        if surveyed.empty:
            raise DataError(
                "data/egdi.csv",
                f"no countries surveyed in {year}",
                column="year",
                expected="a survey year in the dataset",
            )
        return sorted(surveyed["iso3"])
    table = load_regions(data_dir)
    if name == ASEAN:
        since = table.dropna(subset=["asean_since"]).drop_duplicates("iso3")
        if year is not None:
            since = since[since["asean_since"] <= year]
        return sorted(since["iso3"])
    return sorted(table.loc[table["region"] == name, "iso3"])
