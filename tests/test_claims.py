"""Each claim of the paper as a test: its verdict and the values behind it, checked
against an independent computation on the raw table (not through egov_repro.analysis)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from egov_repro import claims, load_egdi

SEA = ["BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "TLS", "VNM"]


@pytest.fixture(scope="module")
def records():
    return {r["id"]: r for r in claims.audit()}


@pytest.fixture(scope="module")
def sea_2022():
    egdi = load_egdi()
    rows = egdi[(egdi["year"] == 2022) & egdi["iso3"].isin(SEA)]
    return rows.sort_values("egdi_rank")["iso3"].tolist()


def test_every_record_has_the_fields(records):
    assert len(records) >= 8
    for record in records.values():
        assert set(record) == set(claims.FIELDS)
        assert record["verdict"] in claims.VERDICTS
        assert record["claim"] and record["where"] and record["explanation"]


def test_indonesia_fifth(records, sea_2022):
    r = records["sea-place-2022"]
    assert (r["paper_value"], r["data_value"], r["verdict"]) == (
        5,
        sea_2022.index("IDN") + 1,
        "confirmed",
    )


def test_top_four_order(records, sea_2022):
    r = records["top-four-order-2022"]
    assert r["data_value"] == sea_2022[:4] == ["SGP", "MYS", "THA", "BRN"]
    assert r["verdict"] == "confirmed"


def test_egdi_and_world_rank_2022(records):
    assert records["egdi-2022"]["data_value"] == pytest.approx(0.716)
    assert records["egdi-2022"]["verdict"] == "confirmed"
    assert records["world-rank-2022"]["data_value"] == 77
    assert records["world-rank-2022"]["verdict"] == "confirmed"


def test_rank_88_is_from_2020_not_2021(records):
    r = records["earlier-rank-year"]
    assert r["data_value"] == {"rank": 88, "editions_with_that_rank": [2020]}
    assert r["verdict"] == "differs"
    assert 2021 not in load_egdi()["year"].unique()


def test_rise_of_11_is_rank_places(records):
    r = records["rise-11"]
    assert r["data_value"] == {"rank_places": 11, "egdi_change": pytest.approx(0.0548)}
    assert r["verdict"] == "confirmed" and "rank places" in r["explanation"]


def test_places_6_to_10_are_shifted_by_viet_nam(records, sea_2022):
    r = records["places-6-to-10"]
    assert r["data_value"] == {
        c: sea_2022.index(c) + 1 for c in ["PHL", "KHM", "MMR", "TLS", "LAO"]
    }
    assert r["data_value"] == {"PHL": 7, "KHM": 8, "MMR": 9, "TLS": 10, "LAO": 11}
    assert r["verdict"] == "differs" and "Viet Nam" in r["explanation"]


def test_laos_is_below_04_on_the_index_not_in_percent(records):
    r = records["laos-below-0.4"]
    assert r["data_value"]["value"] == pytest.approx(0.3764) and r["data_value"]["value"] < 0.4
    assert r["verdict"] == "differs" and "37.64 percent" in r["explanation"]


def test_provinces_are_unverifiable(records):
    assert records["provinces-top10-2016"]["verdict"] == "unverifiable"
    assert "exactly" in records["provinces-top10-2016"]["explanation"]
    unit = records["provinces-unit-2016"]
    assert unit["verdict"] == "unverifiable"
    assert unit["data_value"]["range"] == [2.62, 3.39]


def test_rank_88_to_77(records):
    r = records["rank-2020-to-2022"]
    assert r["data_value"] == [2020, 88, 2022, 77] and r["verdict"] == "confirmed"


def test_infrastructure_weakest_in_2022_but_not_2024(records):
    egdi = load_egdi().set_index(["year", "iso3"])
    low22 = egdi.loc[(2022, "IDN"), ["osi", "hci", "tii"]].astype(float).idxmin()
    low24 = egdi.loc[(2024, "IDN"), ["osi", "hci", "tii"]].astype(float).idxmin()
    assert (low22, low24) == ("tii", "hci")
    assert records["weakest-component-2022"]["verdict"] == "confirmed"
    assert records["weakest-component-2024"]["data_value"] == "HCI"
    assert records["weakest-component-2024"]["verdict"] == "differs"


def test_summary_counts(records):
    assert (
        claims.summary_line(list(records.values()))
        == "7 of 13 claims confirmed, 4 differ, 2 unverifiable"
    )


def test_cli_json_equals_audit():
    result = subprocess.run(
        [sys.executable, "-m", "egov_repro", "claims", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == json.loads(json.dumps(claims.audit()))


def test_cli_table():
    result = subprocess.run(
        [sys.executable, "-m", "egov_repro", "claims"], capture_output=True, text=True, check=True
    )
    assert "places-6-to-10" in result.stdout
    assert result.stdout.strip().endswith("7 of 13 claims confirmed, 4 differ, 2 unverifiable")
