"""The chapters with other parameters (papermill), and proof that nbval would notice a
changed number. nbval itself runs over intro.ipynb and chapters/ (see pyproject.toml)."""

from __future__ import annotations

import os
import subprocess
import sys

import nbformat
import pandas as pd
import papermill
import pytest

from egov_repro import datasets
from egov_repro.rerun import QUIET_KERNEL

from conftest import ROOT, copy_project


def run(chapter, tmp_path, **parameters):
    out = tmp_path / f"{chapter}.out.ipynb"
    papermill.execute_notebook(
        str(ROOT / "chapters" / f"{chapter}.ipynb"),
        str(out),
        parameters=parameters,
        cwd=str(ROOT / "chapters"),
        progress_bar=False,
        kernel_name="python3",
        extra_arguments=QUIET_KERNEL,
    )
    return nbformat.read(out, as_version=4)


def glued(nb) -> dict:
    """Values a notebook glued, from their text/plain or text/markdown output."""
    values = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            scrapbook = output.get("metadata", {}).get("scrapbook", {})
            if "name" in scrapbook:
                data = {
                    k.removeprefix(scrapbook["mime_prefix"]): v for k, v in output["data"].items()
                }
                values[scrapbook["name"]] = data.get("text/markdown", data.get("text/plain"))
    return values


def figure_csv(figures_dir, figure_id):
    return pd.read_csv(figures_dir / f"{figure_id}.csv")


def test_figure1_for_2024_in_english(tmp_path, working_tree_untouched):
    run("02-southeast-asia-ranking", tmp_path, survey_year=2024, lang="en")
    table = figure_csv(working_tree_untouched, "fig1-southeast-asia-egdi-2024-en").set_index("iso3")
    assert (table.at["IDN", "regional_rank"], table.at["IDN", "egdi_rank"]) == (4, 64)
    assert table.at["IDN", "egdi"] == pytest.approx(0.79911)
    assert table.at["VNM", "label"] == "Viet Nam" and len(table) == 11


def test_figure1_for_asean_10(tmp_path, working_tree_untouched):
    run("02-southeast-asia-ranking", tmp_path, region="asean-10")
    table = figure_csv(working_tree_untouched, "fig1-asean-10-egdi-2022")
    assert len(table) == 10 and "TLS" not in set(table["iso3"])


@pytest.mark.parametrize(
    "parameters, message",
    [
        (
            {"survey_year": 2021},
            "Valid survey years: 2003, 2004, 2005, 2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022, 2024",
        ),
        (
            {"region": "europe"},
            "Valid regions: asean, asean-10, paper-figure-1, southeast-asia, world",
        ),
        ({"lang": "fr"}, "Valid languages: id, en"),
    ],
)
def test_invalid_parameter_stops_with_valid_values(tmp_path, parameters, message):
    with pytest.raises(papermill.PapermillExecutionError) as info:
        run("02-southeast-asia-ranking", tmp_path, **parameters)
    assert message in str(info.value)


def test_figure2_in_english(tmp_path, working_tree_untouched):
    run("03-top-provinces", tmp_path, lang="en")
    table = figure_csv(working_tree_untouched, "fig2-top10-provinces-pegi-2016-en")
    assert table["score"].tolist() == datasets.load_pegi_2016()["score"].tolist()


def test_figure3_marks_2024_in_english_against_world_median(tmp_path, working_tree_untouched):
    run("04-indonesia-trend", tmp_path, survey_year=2024, region="world", lang="en")
    table = figure_csv(working_tree_untouched, "fig3-indonesia-egdi-trend-world-2024-en")
    assert len(table) == 12 and "median_egdi_world" in table.columns
    assert table.set_index("year").at[2024, "egdi_rank"] == 64


def test_update_chapter_against_2020(tmp_path):
    values = glued(run("07-update-2024", tmp_path, baseline_year=2020))
    assert (values["place"], values["rank"], values["rank_before"]) == ("4", "64", "88")
    assert values["place_before"] == "7"


def test_components_for_2020_and_2024(tmp_path, working_tree_untouched):
    run("08-components", tmp_path, first_year=2020, lang="en")
    table = figure_csv(working_tree_untouched, "components-southeast-asia-2020-2024-en")
    assert sorted(table["year"].unique()) == [2020, 2024] and len(table) == 11 * 3 * 2


def test_sensitivity_for_2024(tmp_path):
    values = glued(run("09-sensitivity", tmp_path, survey_year=2024))
    assert (
        values["idn_places"] == "4 under asean-10, 4 under southeast-asia, 4 under paper-figure-1"
    )


def test_profile_for_viet_nam(tmp_path, working_tree_untouched):
    run("10-country-profile", tmp_path, iso3="VNM", lang="en")
    table = figure_csv(working_tree_untouched, "profile-vnm-en")
    assert table["iso3"].unique().tolist() == ["VNM"] and len(table) == 12


def test_profile_unknown_code(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError, match="Unknown ISO3 country code 'XYZ'"):
        run("10-country-profile", tmp_path, iso3="XYZ")


def test_data_and_report_chapters_on_an_extended_data_copy(tmp_path, data_copy):
    egdi = datasets.load_egdi(data_copy, with_flags=True)
    from egov_repro.sources import write_un_export

    export = tmp_path / "EGOV_DATA_2024.csv"
    write_un_export(egdi[egdi["year"] == 2024], export)
    datasets.add_edition(export, data_copy, year=2026)
    values = glued(run("01-data", tmp_path, data_dir=str(data_copy)))
    assert (values["n_editions"], values["last"], values["version"]) == ("13", "2026", "1.1.0")
    values = glued(run("06-reproduction-report", tmp_path, data_dir=str(data_copy)))
    assert values["summary"] == "7 of 13 claims confirmed, 4 differ, 2 unverifiable"


def test_nbval_fails_when_a_data_value_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    egdi_csv = project / "data" / "egdi.csv"
    text = egdi_csv.read_text()
    assert "2022,IDN,Indonesia,77,0.716," in text
    egdi_csv.write_text(text.replace("2022,IDN,Indonesia,77,0.716,", "2022,IDN,Indonesia,77,0.7,"))
    datasets.register("egdi.csv", project / "data")  # a valid, registered change
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval",
            "-p",
            "no:cacheprovider",
            "-q",
            "--rootdir",
            str(project),
            "chapters/02-southeast-asia-ranking.ipynb",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1, result.stdout[-2000:]
    assert "0.7160" in result.stdout and "0.7000" in result.stdout
    assert " failed" in result.stdout and "Notebook cell execution failed" in result.stdout
