"""`egov-repro validate`, `data add` and `data register` on private copies of data/."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from egov_repro import load_egdi
from egov_repro.cli import main
from egov_repro.data.sources import write_un_export

from conftest import ROOT, next_edition


def bumped() -> str:
    """The data version after one change: the minor number of the committed one, plus 1."""
    major, minor, _ = load_version().split(".")
    return f"{major}.{int(minor) + 1}.0"


def load_version() -> str:
    from egov_repro.data.datasets import data_version

    return data_version(ROOT / "data")


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def edit_egdi(data_dir, transform):
    path = data_dir / "egdi.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(transform(lines)), encoding="utf-8")
    return path


def line_of(lines, year, iso3):
    return next(i for i, line in enumerate(lines) if line.startswith(f"{year},{iso3},"))


def test_valid_package_prints_one_line_summary(capsys):
    code, out, err = run(capsys, "validate", "--data-dir", str(ROOT / "data"))
    assert code == 0 and err == ""
    assert out.count("\n") == 1
    assert re.search(r"\d+ editions \(2003-\d{4}\), 193 countries", out)


def set_cell(year, iso3, column, value):
    columns = ["year", "iso3", "country", "egdi_rank", "egdi", "epi", "osi", "hci", "tii", "flags"]

    def transform(lines):
        i = line_of(lines, year, iso3)
        cells = lines[i].split(",")
        cells[columns.index(column)] = value
        lines[i] = ",".join(cells)
        return lines

    return transform


def drop_column(lines):
    return [",".join(line.split(",")[:-1]) if line else line for line in lines]


def duplicate_row(lines):
    i = line_of(lines, 2022, "IDN")
    return [*lines[: i + 1], lines[i], *lines[i + 1 :]]


def truncate(lines):
    text = "\n".join(lines)
    return [text[: len(text) // 2]]


def empty(lines):
    return [""]


CASES = {
    "missing column": (drop_column, r"egdi\.csv, line 1: missing column\(s\) 'flags'"),
    "duplicated (year, country)": (
        duplicate_row,
        r"egdi\.csv, line \d+, column 'year, iso3': duplicate row for "
        r"\(year=2022, iso3=IDN\), first seen on line \d+",
    ),
    "non-numeric value": (
        set_cell(2022, "IDN", "egdi", "0.71x"),
        r"egdi\.csv, line \d+, column 'egdi': value is not a number.*'0\.71x'",
    ),
    "index out of range": (
        set_cell(2022, "IDN", "tii", "1.5"),
        r"egdi\.csv, line \d+, column 'tii': value outside its allowed "
        r"range; expected a value in \[0, 1\].*found 1\.5",
    ),
    "HCI above 1 without the anomaly flag": (
        set_cell(2022, "IDN", "hci", "1.2"),
        r"egdi\.csv, line \d+, column 'hci': value above the index's design maximum; "
        r"expected a value in \[0, 1\] \(or a published anomaly flagged 'hci_above_one'\)",
    ),
    "unknown country name": (
        set_cell(2022, "IDN", "country", "Atlantis"),
        r"egdi\.csv, line \d+, column 'country': unknown country name.*'Atlantis'",
    ),
    "truncated file": (
        truncate,
        r"egdi\.csv, line \d+: row has \d+ fields; expected 10 "
        r"fields as in the header.*truncated",
    ),
    "empty file": (empty, r"egdi\.csv: the file is empty"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_validate_rejects_bad_data(capsys, data_copy, case):
    transform, message = CASES[case]
    edit_egdi(data_copy, transform)
    code, out, err = run(capsys, "validate", "--data-dir", str(data_copy))
    assert code == 1 and out == ""
    assert err.startswith("egov-repro validate: error: ")
    assert err.count("\n") == 1, "one paragraph"
    assert __import__("re").search(message, err), err


def test_validate_rejects_changed_bytes_and_says_how_to_reregister(capsys, data_copy):
    # A change that is still valid data: only the recorded hash can catch it.
    edit_egdi(data_copy, set_cell(2022, "IDN", "egdi", "0.7161"))
    code, _, err = run(capsys, "validate", "--data-dir", str(data_copy))
    assert code == 1
    assert "egdi.csv: the file's bytes changed since it was registered" in err
    assert "egov-repro data register egdi.csv" in err


def test_register_accepts_an_intended_change(capsys, data_copy):
    edit_egdi(data_copy, set_cell(2022, "IDN", "egdi", "0.7161"))
    code, out, _ = run(capsys, "data", "register", "egdi.csv", "--data-dir", str(data_copy))
    assert code == 0 and f"data version is now {bumped()}" in out
    assert run(capsys, "validate", "--data-dir", str(data_copy))[0] == 0
    assert "Re-registered `egdi.csv`" in (data_copy / "CHANGELOG.md").read_text()


def test_console_script_prints_no_traceback(data_copy):
    edit_egdi(data_copy, empty)
    result = subprocess.run(
        [sys.executable, "-m", "egov_repro", "validate", "--data-dir", str(data_copy)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "the file is empty" in result.stderr


@pytest.mark.slow
def test_data_add_round_trips_an_edition_under_a_new_year(capsys, data_copy, tmp_path):
    year = next_edition()
    original = load_egdi(data_copy, with_flags=True)
    export = tmp_path / "EGOV_DATA_2024.csv"
    write_un_export(original[original["year"] == 2024], export)
    code, out, _ = run(
        capsys, "data", "add", str(export), "--year", str(year), "--data-dir", str(data_copy)
    )
    assert code == 0 and f"added edition {year} (193 countries)" in out
    extended = load_egdi(data_copy, with_flags=True)
    before = original[original["year"] == 2024].drop(columns="year").reset_index(drop=True)
    after = extended[extended["year"] == year].drop(columns="year").reset_index(drop=True)
    pd.testing.assert_frame_equal(before, after)
    pd.testing.assert_frame_equal(
        extended[extended["year"] != year].reset_index(drop=True), original.reset_index(drop=True)
    )
    descriptor = json.loads((data_copy / "datapackage.json").read_text())
    assert descriptor["version"] == bumped()
    assert descriptor["sources"][-1]["edition"] == year
    year_field = descriptor["resources"][0]["schema"]["fields"][0]
    assert year_field["constraints"]["enum"][-1] == year
    assert (
        f"Added UN E-Government Survey edition {year}" in (data_copy / "CHANGELOG.md").read_text()
    )
    assert run(capsys, "validate", "--data-dir", str(data_copy))[0] == 0
    # The export joins the raw sources, so the extended table can be rebuilt from them.
    kept = data_copy / "raw" / "un-egov-survey" / f"EGOV_DATA_{year}.csv"
    assert kept.read_bytes() == export.read_bytes()
    table = (data_copy / "egdi.csv").read_bytes()
    assert run(capsys, "data", "rebuild", "--data-dir", str(data_copy))[0] == 0
    assert (data_copy / "egdi.csv").read_bytes() == table


def test_data_add_refuses_to_overwrite_unless_told(capsys, data_copy, tmp_path):
    original = load_egdi(data_copy, with_flags=True)
    export = tmp_path / "EGOV_DATA_2022.csv"
    write_un_export(original[original["year"] == 2022], export)
    code, _, err = run(capsys, "data", "add", str(export), "--data-dir", str(data_copy))
    assert code == 1 and "edition 2022 is already in the dataset" in err and "--overwrite" in err
    code, out, _ = run(
        capsys, "data", "add", str(export), "--overwrite", "--data-dir", str(data_copy)
    )
    assert code == 0 and "replaced edition 2022" in out
    pd.testing.assert_frame_equal(load_egdi(data_copy, with_flags=True), original)


def test_data_add_rejects_a_bad_export_and_leaves_data_unchanged(capsys, data_copy, tmp_path):
    export = tmp_path / f"EGOV_DATA_{next_edition()}.csv"
    export.write_text(f"Survey Year,Country Name\n{next_edition()},Indonesia\n")
    before = (data_copy / "egdi.csv").read_bytes()
    code, _, err = run(capsys, "data", "add", str(export), "--data-dir", str(data_copy))
    assert code == 1 and "missing column(s) 'E-Government Rank'" in err
    assert (data_copy / "egdi.csv").read_bytes() == before
