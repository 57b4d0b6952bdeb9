"""The committed data package: published values, coverage, metadata and rebuild."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from egov_repro import DataError, load_egdi, load_pegi_2016
from egov_repro.data import datasets, maintain

from conftest import ROOT

# SHA-256 of the UN exports as published with the project's brief (shared/data-sources).
SOURCE_SHA256 = {
    2003: "df7991cb21cc115b5ca2baa94d62058768d8e91dd3c5ea7d4b8ea8a415cff886",
    2004: "7c1a2e5928e6f8b800c85944c4d8d02c45659f2cc7b642e5b49f892d65b3409a",
    2005: "a93f9db6414af5c021852208dea567eb191fc12429d0de3a2f5bfed8532f16fe",
    2008: "c88570e731a42f165d691fa2323948924258416120fed5eaac6767f7f5d02003",
    2010: "f996e342806c5d36c7a54c7951e8bf8edcc4ecf6fc6323da88958ff34071ad08",
    2012: "0900b7e476befda83eb349a6c05109a46f0fdff3dd32b9d4eb2df6f06bcab98a",
    2014: "420c0bb5c8e5a8bc1efd6d1c149c6a265535e0ffc52745356a543f8de327c2ed",
    2016: "b74d87b00c42063d1ec83bead020705e02d226a5997df032cd09f9a4e9afc791",
    2018: "1615c13c1b2fde36a617e814b15d701a749c275c651a451cb9a243f8602109c5",
    2020: "0f37907ecbc7b6e11cc096a5b55b350308b3864ce822f7278a88cd63913d1d45",
    2022: "2c27f1bbe33d121a13b0664b89442b974f63ab77760633686597b808b78fc61b",
    2024: "1f5fd05dcf1fb484dc888a54b5c560c5d297865c756b96aa96b2d41069945a6e",
}


@pytest.fixture(scope="module")
def egdi():
    return load_egdi()


def test_columns_and_types(egdi):
    assert list(egdi.columns) == [
        "year",
        "iso3",
        "country",
        "egdi_rank",
        "egdi",
        "epi",
        "osi",
        "hci",
        "tii",
    ]
    assert str(egdi["egdi_rank"].dtype) == "Int64"


def test_every_named_edition_has_193_countries(egdi):
    assert set(SOURCE_SHA256) <= set(egdi["year"].unique())
    counts = egdi.groupby("year")["iso3"].nunique()
    assert all(counts[year] == 193 for year in SOURCE_SHA256)


@pytest.mark.parametrize(
    "year, rank, value",
    [
        (2003, 70, 0.42243),
        (2008, 106, 0.4107),
        (2020, 88, 0.6612),
        (2022, 77, 0.716),
        (2024, 64, 0.79911),
    ],
)
def test_indonesia_published_rank_and_egdi(egdi, year, rank, value):
    row = egdi[(egdi["year"] == year) & (egdi["iso3"] == "IDN")].iloc[0]
    assert (row["egdi_rank"], row["egdi"]) == (rank, pytest.approx(value, abs=1e-9))


@pytest.mark.parametrize(
    "year, rank", [(2010, 109), (2012, 97), (2014, 106), (2016, 116), (2018, 107)]
)
def test_indonesia_other_published_ranks(egdi, year, rank):
    assert egdi.query("year == @year and iso3 == 'IDN'")["egdi_rank"].item() == rank


def test_singapore_2022(egdi):
    row = egdi.query("year == 2022 and iso3 == 'SGP'").iloc[0]
    assert (row["egdi_rank"], row["egdi"]) == (12, pytest.approx(0.9133))


def test_ties_share_the_published_rank(egdi):
    fifth = egdi.query("year == 2022 and egdi_rank == 5")
    assert sorted(fifth["iso3"]) == ["ISL", "SWE"]
    # 2020: equal rounded EGDIs, different published ranks (never recomputed).
    pair = egdi.query("year == 2020 and iso3 in ['HRV', 'HUN']").set_index("iso3")
    assert pair.at["HRV", "egdi"] == pair.at["HUN", "egdi"] == pytest.approx(0.7745)
    assert (pair.at["HRV", "egdi_rank"], pair.at["HUN", "egdi_rank"]) == (51, 52)


def test_not_surveyed_are_missing_not_zero(egdi):
    rows = egdi[egdi["egdi_rank"].isna()]
    assert sorted(zip(rows["year"], rows["iso3"], strict=True)) == [
        (2003, "MNE"),
        (2003, "SSD"),
        (2004, "MNE"),
        (2004, "SSD"),
        (2005, "MNE"),
        (2005, "SSD"),
        (2008, "SSD"),
        (2010, "SSD"),
    ]
    assert rows[["egdi", "epi", "osi", "hci", "tii"]].isna().all().all()


def test_no_data_zeros_are_missing(egdi):
    surveyed = egdi[egdi["egdi_rank"].notna()]
    assert not (surveyed[["egdi", "hci", "tii"]] == 0).any().any()
    tls = egdi.query("year == 2003 and iso3 == 'TLS'").iloc[0]
    assert pd.isna(tls["hci"]) and pd.isna(tls["tii"]) and tls["egdi"] == pytest.approx(0.08733)


def test_published_anomalies_kept_and_flagged():
    flagged = load_egdi(with_flags=True)
    above = flagged[flagged["hci"] > 1]
    assert sorted(zip(above["iso3"], above["hci"], strict=True)) == [("FSM", 1.422), ("TUV", 1.03)]
    assert above["flags"].str.contains("hci_above_one").all()


def test_pegi_2016_transcription():
    pegi = load_pegi_2016()
    assert pegi["province"].tolist()[:3] == ["DKI Jakarta", "Jawa Barat", "Jawa Timur"]
    assert pegi["score"].tolist() == [3.39, 3.07, 3.01, 2.95, 2.9, 2.66, 2.64, 2.63, 2.63, 2.62]


def test_descriptor_records_sources_hashes_and_terms():
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text())
    assert descriptor["version"]
    editions = {s["edition"]: s for s in descriptor["sources"]}
    assert {y: editions[y]["sha256"] for y in SOURCE_SHA256} == SOURCE_SHA256
    assert all("UN DESA" in s["publisher"] for s in editions.values())
    for res in descriptor["resources"]:
        path = ROOT / "data" / res["path"]
        assert res["hash"] == "sha256:" + datasets.sha256(path)
        assert res["bytes"] == path.stat().st_size
        assert res["format"] == "csv" and res["encoding"] == "utf-8"
    egdi_res = datasets.resource(descriptor, "egdi")
    assert egdi_res["schema"]["primaryKey"] == ["year", "iso3"]
    assert "terms-of-use" in egdi_res["licenses"][0]["path"]


def test_raw_un_exports_are_in_the_repository_with_the_recorded_sha256():
    raw = ROOT / "data" / "raw" / "un-egov-survey"
    found = {int(p.stem[-4:]): datasets.sha256(p) for p in raw.glob("*.csv")}
    assert {year: found.get(year) for year in SOURCE_SHA256} == SOURCE_SHA256
    files = datasets.source_files()
    assert all(files[year].name == f"EGOV_DATA_{year}.csv" for year in SOURCE_SHA256)


@pytest.mark.slow
def test_frictionless_cli_reports_every_resource_valid():
    """The ecosystem's own validator agrees: the published anomalies fit the schema's
    documented range, so nothing is reported invalid."""
    frictionless = Path(sys.executable).parent / "frictionless"
    result = subprocess.run(
        [str(frictionless), "validate", "--json", "datapackage.json"],
        cwd=ROOT / "data",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(result.stdout)
    tasks = {task["name"]: task["valid"] for task in report["tasks"]}
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text())
    assert tasks == {res["name"]: True for res in descriptor["resources"]}
    assert report["valid"] is True


@pytest.mark.slow
def test_rebuild_from_the_raw_exports_is_byte_identical(data_copy):
    maintain.rebuild(data_copy)
    assert (data_copy / "egdi.csv").read_bytes() == (ROOT / "data" / "egdi.csv").read_bytes()
    assert json.loads((data_copy / "datapackage.json").read_text()) == json.loads(
        (ROOT / "data" / "datapackage.json").read_text()
    )


def test_a_changed_raw_export_is_reported_with_its_hash(data_copy):
    export = data_copy / "raw" / "un-egov-survey" / "EGOV_DATA_2022.csv"
    export.write_bytes(export.read_bytes().replace(b"0.7160", b"0.7161"))
    with pytest.raises(
        DataError,
        match=r"EGOV_DATA_2022\.csv: the UN export's bytes differ "
        r"from the recorded source; expected sha256 2c27f1bb",
    ):
        datasets.validate_package(data_copy)
