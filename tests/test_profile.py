"""The country profile: any country, from the CLI and the chapter's function."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from egov_repro import load_egdi, region_members
from egov_repro.cli import main
from egov_repro.plots import figures

from conftest import text_problems


@pytest.mark.parametrize("iso3", region_members("southeast-asia"))
def test_profile_for_each_southeast_asian_country_matches_the_dataset(tmp_path, capsys, iso3):
    assert main(["profile", iso3, "--out", str(tmp_path)]) == 0
    csv = pd.read_csv(tmp_path / f"profile-{iso3.lower()}.csv")
    rows = load_egdi().query("iso3 == @iso3").sort_values("year").reset_index(drop=True)
    assert csv["year"].tolist() == rows["year"].tolist()
    for column in ["egdi_rank", "egdi", "epi", "osi", "hci", "tii"]:
        pd.testing.assert_series_equal(
            csv[column].astype(float), rows[column].astype(float), check_names=False
        )
    assert {"median_egdi_southeast_asia", "median_egdi_world"} <= set(csv.columns)
    assert (tmp_path / f"profile-{iso3.lower()}.png").stat().st_size > 0


@pytest.mark.slow
@pytest.mark.parametrize("iso3", sorted(load_egdi()["iso3"].unique()))
def test_every_countrys_profile_renders_legibly(iso3):
    import matplotlib.pyplot as plt

    figure = figures.profile_figure(iso3, lang="en")
    rows = load_egdi().query("iso3 == @iso3").sort_values("year")
    assert figure.table["year"].tolist() == rows["year"].tolist()
    assert figure.table["egdi"].equals(rows["egdi"].reset_index(drop=True))
    assert text_problems(figure.fig) == [], iso3
    plt.close(figure.fig)


def test_profile_lower_case_code_and_english(tmp_path, capsys):
    assert main(["profile", "vnm", "--lang", "en", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "profile-vnm-en.svg").exists()


@pytest.mark.slow
def test_unknown_code_exits_non_zero_with_suggestions_and_no_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "egov_repro", "profile", "IDX", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Unknown ISO3 country code 'IDX'" in result.stderr
    assert "IDN (Indonesia)" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_profile_writes_outside_the_tracked_tree_by_default(tmp_path, data_copy):
    """Without --out the files go to _build/profiles beside the data (git ignores
    _build/), never into the book's figures/ folder."""
    assert main(["profile", "THA", "--data-dir", str(data_copy)]) == 0
    written = data_copy.parent / "_build" / "profiles" / "profile-tha.svg"
    assert written.is_file()
    assert not (data_copy.parent / "figures" / "profile-tha.svg").exists()
