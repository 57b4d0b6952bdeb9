"""Who belongs to which region, read from data/raw/regions.csv.

'world' is every country surveyed in an edition; 'asean' is ASEAN as of the
survey year (from each member's year of joining); every other region is a list
of ISO3 codes in the regions table, so a new region is a data change, not code.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from egov_repro.analysis import paper
from egov_repro.data.datasets import editions_in, latest_edition, load_egdi, load_resource
from egov_repro.errors import DataError

WORLD = "world"
ASEAN = "asean"
SOUTHEAST_ASIA = "southeast-asia"


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
    """ISO3 codes of a region's members (sorted). 'world' and 'asean' depend on the
    edition: ``year`` says which (default: the latest edition in the data), so that
    Timor-Leste (ASEAN member since 2025) is not counted in an edition before it joined."""
    check_region(name, data_dir)
    if name in (WORLD, ASEAN) and year is None:
        year = latest_edition(data_dir)
    if name == WORLD:
        egdi = load_egdi(data_dir)
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
        return sorted(since.loc[since["asean_since"] <= year, "iso3"])
    return sorted(table.loc[table["region"] == name, "iso3"])


def members_by_edition(name: str, data_dir: Path | None = None) -> dict[int, list[str]]:
    """A region's members in every edition (membership can change between editions)."""
    return {year: region_members(name, year, data_dir) for year in editions_in(load_egdi(data_dir))}


def paper_chart_omissions(data_dir: Path | None = None) -> list[str]:
    """Southeast Asian countries that the paper's Figure 1 (after databoks 2022) leaves out."""
    chart = set(region_members(paper.FIGURE1_REGION, data_dir=data_dir))
    return sorted(set(region_members(SOUTHEAST_ASIA, data_dir=data_dir)) - chart)
