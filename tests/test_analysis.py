"""Rankings, medians and changes on small frames and on the real data."""

from __future__ import annotations

import pandas as pd
import pytest

from egov_repro import load_egdi, region_members, region_names
from egov_repro.analysis import measures
from egov_repro.analysis.regions import members_by_edition
from egov_repro.plots.figures import country_trend_table


def frame(rows):
    return pd.DataFrame(
        rows, columns=["year", "iso3", "country", "egdi_rank", "egdi", "epi", "osi", "hci", "tii"]
    ).astype({"egdi_rank": "Int64"})


def test_regional_rank_comes_from_published_ranks_and_ties_share():
    egdi = frame(
        [
            (2030, "AAA", "A", 5, 0.90, 0, 0.9, 0.9, 0.9),
            (2030, "BBB", "B", 5, 0.90, 0, 0.9, 0.9, 0.9),
            (2030, "CCC", "C", 9, 0.90, 0, 0.9, 0.9, 0.9),  # same rounded value
            (2030, "DDD", "D", None, None, None, None, None, None),
        ]
    )
    table = measures.rank_within_region(egdi, ["AAA", "BBB", "CCC", "DDD"], 2030)
    assert table[["iso3", "regional_rank"]].values.tolist() == [["AAA", 1], ["BBB", 1], ["CCC", 3]]


def test_median_skips_missing_values():
    egdi = frame(
        [
            (2030, "AAA", "A", 1, 0.9, 0, 0.9, 0.9, 0.9),
            (2030, "BBB", "B", 2, None, 0, 0.1, 0.9, 0.9),
            (2030, "CCC", "C", 3, 0.3, 0, 0.1, 0.9, 0.9),
        ]
    )
    assert measures.region_median(egdi, None).to_dict() == {2030: pytest.approx(0.6)}


def test_unknown_year_lists_the_editions():
    with pytest.raises(ValueError, match="Valid survey years: 2003, 2004, 2005, 2008"):
        measures.check_year(load_egdi(), 2021)


def test_southeast_asia_2022_and_2024():
    egdi = load_egdi()
    members = region_members("southeast-asia")
    r22 = measures.rank_within_region(egdi, members, 2022)
    r24 = measures.rank_within_region(egdi, members, 2024)
    assert r22["iso3"].tolist() == [
        "SGP",
        "MYS",
        "THA",
        "BRN",
        "IDN",
        "VNM",
        "PHL",
        "KHM",
        "MMR",
        "TLS",
        "LAO",
    ]
    assert measures.place_of(r22, "IDN") == 5 and measures.place_of(r24, "IDN") == 4


def test_component_changes_2022_to_2024():
    changes = measures.component_changes(load_egdi(), "IDN", 2022, 2024).set_index("measure")
    assert changes.index[0] == "tii"
    assert changes.at["tii", "change"] == pytest.approx(0.86448 - 0.6397)
    assert changes.at["egdi_rank", "change"] == -13


def test_weakest_component():
    egdi = load_egdi()
    assert measures.weakest_component(egdi, "IDN", 2022) == ("tii", pytest.approx(0.6397))
    assert measures.weakest_component(egdi, "IDN", 2024) == ("hci", pytest.approx(0.72934))


def test_regions_are_data():
    assert region_members("southeast-asia") == [
        "BRN",
        "IDN",
        "KHM",
        "LAO",
        "MMR",
        "MYS",
        "PHL",
        "SGP",
        "THA",
        "TLS",
        "VNM",
    ]
    assert region_members("asean-10") == [c for c in region_members("southeast-asia") if c != "TLS"]
    assert "VNM" not in region_members("paper-figure-1")
    assert region_members("asean", 2024) == region_members("asean-10")
    assert "TLS" in region_members("asean", 2025)
    assert len(region_members("world", 2022)) == 193
    assert len(region_members("world", 2003)) == 191
    assert set(region_names()) >= {"world", "asean", "southeast-asia", "asean-10"}
    with pytest.raises(ValueError, match="Valid regions: asean, asean-10"):
        region_members("atlantis")


def test_ranking_sensitivity_2022():
    egdi = load_egdi()
    names = ["asean-10", "southeast-asia", "paper-figure-1"]
    table = measures.ranking_sensitivity(egdi, {n: region_members(n) for n in names}, 2022)
    places = table.set_index("iso3")
    assert places.loc["IDN", names].tolist() == [5, 5, 5]
    assert places.loc["PHL", names].tolist() == [7, 7, 6]
    assert pd.isna(places.at["TLS", "asean-10"]) and pd.isna(places.at["VNM", "paper-figure-1"])


def test_asean_membership_follows_the_edition():
    """Timor-Leste joined ASEAN in 2025: in no edition's ASEAN before that."""
    by_edition = members_by_edition("asean")
    assert all("TLS" not in members for year, members in by_edition.items() if year < 2025)
    assert by_edition[2003] == by_edition[2024] == region_members("asean-10")
    latest = max(by_edition)
    assert region_members("asean") == region_members("asean", latest) == by_edition[latest]
    assert "TLS" in region_members("asean", 2026)


def test_trend_median_uses_each_editions_members():
    egdi = load_egdi()
    by_edition = members_by_edition("asean")
    median = measures.region_median(egdi, by_edition)
    rows = egdi[(egdi["year"] == 2022) & egdi["iso3"].isin(region_members("asean-10"))]
    assert median[2022] == pytest.approx(rows["egdi"].median())
    table = country_trend_table("IDN", ["asean"])
    assert table.set_index("year").at[2022, "median_egdi_asean"] == pytest.approx(median[2022])
