"""The importer: the UN export layout and each of its quirks."""

from __future__ import annotations

import pandas as pd
import pytest

from egov_repro.data.sources import UN_COLUMNS, read_un_export, write_un_export
from egov_repro.errors import DataError

HEADER = ",".join(UN_COLUMNS)


def export(tmp_path, rows, header=HEADER, name="EGOV_DATA_2030.csv", newline="\n"):
    path = tmp_path / name
    path.write_bytes((newline.join([header, *rows]) + newline).encode("utf-8"))
    return path


def test_names_are_stripped_and_mapped(tmp_path):
    frame = read_un_export(
        export(
            tmp_path,
            [
                '2030,"Indonesia ",77,0.7160,0.7,0.7,0.7,0.6',
                '2030,"Viet Nam ",86,0.6787,0.6,0.6,0.6,0.6',
                "2030,Georgia (Country),60,0.7,0.6,0.6,0.8,0.7",
            ],
        )
    )
    assert frame[["iso3", "country"]].values.tolist() == [
        ["GEO", "Georgia (Country)"],
        ["IDN", "Indonesia"],
        ["VNM", "Viet Nam"],
    ]
    assert frame.loc[frame["iso3"] == "IDN", "egdi"].item() == pytest.approx(0.716)


def test_crlf_line_endings_are_accepted(tmp_path):
    frame = read_un_export(
        export(tmp_path, ["2030,Indonesia,77,0.7160,0.7,0.7,0.7,0.6"], newline="\r\n")
    )
    assert frame["egdi_rank"].tolist() == [77]


def test_not_surveyed_row_becomes_missing_not_zero(tmp_path):
    frame = read_un_export(
        export(
            tmp_path, ["2030,South Sudan,,0,0,0,0,0", "2030,Indonesia,77,0.7160,0.7,0.7,0.7,0.6"]
        )
    )
    row = frame.set_index("iso3").loc["SSD"]
    assert pd.isna(row["egdi_rank"]) and row[["egdi", "epi", "osi", "hci", "tii"]].isna().all()
    assert row["flags"] == "not_surveyed"


def test_zero_egdi_hci_tii_mean_no_data_but_zero_osi_stays(tmp_path):
    frame = read_un_export(export(tmp_path, ["2030,Somalia,190,0,0,0,0,0.01"]))
    row = frame.iloc[0]
    assert pd.isna(row["egdi"]) and pd.isna(row["hci"])
    assert row["osi"] == 0 and row["epi"] == 0 and row["tii"] == pytest.approx(0.01)
    assert row["flags"] == "egdi_zero_as_missing;hci_zero_as_missing"


def test_published_anomaly_is_kept_and_flagged(tmp_path):
    anomalies = pd.DataFrame({"year": [2030], "iso3": ["TUV"], "column": ["hci"]})
    frame = read_un_export(
        export(tmp_path, ["2030,Tuvalu,174,0.2,0.1,0.1,1.03,0.01"]), anomalies=anomalies
    )
    assert frame["hci"].item() == pytest.approx(1.03)
    assert frame["flags"].item() == "hci_above_one"


def test_unlisted_value_above_one_is_an_error(tmp_path):
    with pytest.raises(DataError, match=r"line 2, column 'Human Capital Index'.*\[0, 1\]"):
        read_un_export(export(tmp_path, ["2030,Tuvalu,174,0.2,0.1,0.1,1.03,0.01"]))


def test_published_tied_ranks_are_kept(tmp_path):
    frame = read_un_export(
        export(
            tmp_path,
            ["2030,Iceland,5,0.9410,0.9,0.9,0.9,0.9", "2030,Sweden,5,0.9410,0.9,0.9,0.9,0.9"],
        )
    )
    assert frame["egdi_rank"].tolist() == [5, 5]


def test_year_override(tmp_path):
    frame = read_un_export(
        export(tmp_path, ["2030,Indonesia,77,0.7160,0.7,0.7,0.7,0.6"]), year=2031
    )
    assert frame["year"].tolist() == [2031]


@pytest.mark.parametrize(
    "rows, header, message",
    [
        (
            ["2030,Atlantis,1,0.5,0.5,0.5,0.5,0.5"],
            HEADER,
            r"line 2, column 'Country Name': unknown country name.*'Atlantis'",
        ),
        (
            ["2030,Indonesia,77,abc,0.7,0.7,0.7,0.6"],
            HEADER,
            r"line 2, column 'E-Government Index': value is not a number.*'abc'",
        ),
        (
            ["2030,Indonesia,77,0.7"],
            HEADER,
            r"line 2: row has 4 fields; expected 8 fields.*truncated",
        ),
        (
            ["2030,Indonesia,77,0.7,0.7,0.7,0.7"],
            HEADER.rsplit(",", 1)[0],
            r"line 1: missing column\(s\) 'Telecommunication Infrastructure Index'",
        ),
        (
            ["2030,Indonesia,77,0.7,0.7,0.7,0.7,0.6", "2030,Indonesia ,77,0.7,0.7,0.7,0.7,0.6"],
            HEADER,
            r"line 3, column 'Country Name': country appears twice \(also on line 2\)",
        ),
        (
            ["2030,Indonesia,0,0.7,0.7,0.7,0.7,0.6"],
            HEADER,
            r"column 'E-Government Rank': rank is not a positive whole number",
        ),
        (
            ["2030,Indonesia,77,-0.1,0.7,0.7,0.7,0.6"],
            HEADER,
            r"column 'E-Government Index': index outside its range",
        ),
    ],
)
def test_bad_export_is_rejected_with_file_line_and_column(tmp_path, rows, header, message):
    path = export(tmp_path, rows, header=header)
    with pytest.raises(DataError, match=message) as info:
        read_un_export(path)
    assert str(path) in str(info.value)


def test_empty_export_is_rejected(tmp_path):
    path = tmp_path / "EGOV_DATA_2030.csv"
    path.write_bytes(b"")
    with pytest.raises(DataError, match="the file is empty"):
        read_un_export(path)


def test_write_un_export_round_trips(tmp_path):
    original = read_un_export(
        export(
            tmp_path,
            [
                '2030,"Indonesia ",77,0.7160,0.7159,0.7644,0.7438,0.6397',
                "2030,South Sudan,,0,0,0,0,0",
                "2030,Somalia,190,0,0,0.1,0,0.01",
            ],
        )
    )
    out = tmp_path / "again.csv"
    write_un_export(original, out)
    again = read_un_export(out)
    pd.testing.assert_frame_equal(original, again)
