"""Rankings, trends and medians: plain functions on the EGDI table.

Ranks are always derived from the *published* world ranks (a country's place in
a region is one plus the number of members with a better published rank), never
from the rounded index values.
"""

from __future__ import annotations

import pandas as pd

COMPONENTS = ["osi", "hci", "tii"]
INDEX_COLUMNS = ["egdi", "epi", "osi", "hci", "tii"]


def check_year(egdi: pd.DataFrame, year: int) -> int:
    """The year if it is an edition in the data, else a ValueError listing the editions."""
    years = sorted(int(y) for y in egdi["year"].unique())
    if year not in years:
        raise ValueError(
            f"No UN E-Government Survey edition in {year!r}. "
            f"Valid survey years: {', '.join(map(str, years))}."
        )
    return year


def edition(egdi: pd.DataFrame, year: int) -> pd.DataFrame:
    """The countries surveyed in one edition (rows with a published rank)."""
    check_year(egdi, year)
    return egdi[(egdi["year"] == year) & egdi["egdi_rank"].notna()]


def rank_within_region(egdi: pd.DataFrame, members: list[str], year: int) -> pd.DataFrame:
    """A region's surveyed members in one edition, best first, with their regional rank.

    Ties in the published world rank share a regional rank; the order within a
    tie is by country name, so the table is the same on every run.
    """
    rows = edition(egdi, year)
    rows = rows[rows["iso3"].isin(members)].copy()
    world = rows["egdi_rank"].astype(int)
    rows["regional_rank"] = world.map(lambda r: int((world < r).sum()) + 1)
    rows = rows.sort_values(["egdi_rank", "country"], kind="stable")
    columns = ["regional_rank", "iso3", "country", "egdi", "egdi_rank", "epi", "osi", "hci", "tii"]
    return rows[columns].reset_index(drop=True)


def place_of(ranking: pd.DataFrame, iso3: str) -> int:
    """A country's regional rank in a table made by rank_within_region."""
    hit = ranking.loc[ranking["iso3"] == iso3, "regional_rank"]
    if hit.empty:
        raise ValueError(f"{iso3} is not in this ranking")
    return int(hit.iloc[0])


def region_median(
    egdi: pd.DataFrame, members: list[str] | dict[int, list[str]] | None, column: str = "egdi"
) -> pd.Series:
    """Median of ``column`` per edition over surveyed members, missing values skipped.
    ``members``: one list for every edition, a list per edition, or None for everyone."""
    rows = egdi[egdi["egdi_rank"].notna()]
    if isinstance(members, dict):
        keep = [
            iso3 in set(members.get(int(year), ()))
            for year, iso3 in zip(rows["year"], rows["iso3"], strict=True)
        ]
        rows = rows[keep]
    elif members is not None:
        rows = rows[rows["iso3"].isin(members)]
    return rows.groupby("year")[column].median()


def country_trend(
    egdi: pd.DataFrame,
    iso3: str,
    medians: dict[str, list[str] | dict[int, list[str]] | None] | None = None,
) -> pd.DataFrame:
    """One country's EGDI, components and world rank in every edition, with the
    EGDI median of each named group (``{"southeast_asia": [...], "world": None}``)."""
    rows = egdi[egdi["iso3"] == iso3].sort_values("year")
    if rows.empty:
        raise ValueError(f"No country with ISO3 code {iso3!r} in the data")
    surveyed = egdi[egdi["egdi_rank"].notna()].groupby("year")["iso3"].count()
    table = rows[["year", "iso3", "country", "egdi_rank", *INDEX_COLUMNS]].copy()
    table["countries_surveyed"] = table["year"].map(surveyed).astype("Int64")
    for name, members in (medians or {}).items():
        table[f"median_egdi_{name}"] = table["year"].map(region_median(egdi, members))
    return table.reset_index(drop=True)


def component_changes(egdi: pd.DataFrame, iso3: str, start: int, end: int) -> pd.DataFrame:
    """Change of each index and of the world rank between two editions, largest move first."""
    check_year(egdi, start)
    check_year(egdi, end)
    rows = egdi[egdi["iso3"] == iso3].set_index("year")
    records = []
    for column in INDEX_COLUMNS:
        before, after = rows.at[start, column], rows.at[end, column]
        records.append(
            {
                "measure": column,
                "before": before,
                "after": after,
                "change": round(after - before, 5),
            }
        )
    table = pd.DataFrame.from_records(records)
    table = table.reindex(table["change"].abs().sort_values(ascending=False, kind="stable").index)
    rank = {
        "measure": "egdi_rank",
        "before": int(rows.at[start, "egdi_rank"]),
        "after": int(rows.at[end, "egdi_rank"]),
    }
    rank["change"] = rank["after"] - rank["before"]
    changes = pd.concat([table, pd.DataFrame([rank])], ignore_index=True)
    changes.attrs["years"] = (start, end)  # what "before" and "after" are (a table's headers)
    return changes


def weakest_component(egdi: pd.DataFrame, iso3: str, year: int) -> tuple[str, float]:
    """The lowest of a country's three EGDI components (OSI, HCI, TII) in one edition."""
    row = edition(egdi, year)
    row = row[row["iso3"] == iso3]
    if row.empty:
        raise ValueError(f"{iso3} was not surveyed in {year}")
    values = row.iloc[0][COMPONENTS].astype(float)
    name = values.idxmin()
    return name, float(values[name])


def components_long(egdi: pd.DataFrame, members: list[str], years: list[int]) -> pd.DataFrame:
    """OSI, HCI and TII of each member in each year, one row per value (for dot plots)."""
    rows = egdi[egdi["iso3"].isin(members) & egdi["year"].isin(years)]
    long = rows.melt(
        id_vars=["year", "iso3", "country", "egdi_rank"],
        value_vars=COMPONENTS,
        var_name="component",
        value_name="value",
    )
    return long.sort_values(["component", "iso3", "year"], kind="stable").reset_index(drop=True)


def ranking_sensitivity(
    egdi: pd.DataFrame, definitions: dict[str, list[str]], year: int
) -> pd.DataFrame:
    """Each country's regional place under several definitions of the region, side by side
    (missing where a definition leaves the country out)."""
    places = {
        name: rank_within_region(egdi, members, year).set_index("iso3")["regional_rank"]
        for name, members in definitions.items()
    }
    table = pd.DataFrame(places).astype("Int64")
    rows = edition(egdi, year).set_index("iso3").loc[table.index, ["country", "egdi", "egdi_rank"]]
    table = rows.join(table).sort_values(["egdi_rank", "country"], kind="stable")
    return table.reset_index()


def median_change(long: pd.DataFrame, start: int, end: int) -> dict[str, float]:
    """Median change of each component across countries between two editions
    (``long`` as made by components_long); keys ``median_change_<component>``."""
    wide = long.pivot_table(index=["iso3", "component"], columns="year", values="value")
    change = (wide[end] - wide[start]).groupby(level="component").median()
    return {f"median_change_{c}": float(change[c]) for c in COMPONENTS}
