"""The chapters with other parameters (papermill) and the notebook commands. nbval
itself runs over intro.ipynb and chapters/ (see pyproject.toml); that it notices a
changed number is a check of nbval, in benchmarks/tools.py."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import papermill
import pytest

from egov_repro.analysis import claims
from egov_repro.book.executor import QUIET_KERNEL
from egov_repro.book.rerun import glued
from egov_repro.data import datasets, maintain

from conftest import ROOT, NewFiles, copy_project, next_edition, project_env, run_cli, wait_until

# Runs chapters with papermill, or the notebook commands.
pytestmark = pytest.mark.slow

PEGI_2016_AS_PRINTED = [3.39, 3.07, 3.01, 2.95, 2.9, 2.66, 2.64, 2.63, 2.63, 2.62]


def run(chapter, tmp_path, root=ROOT, **parameters) -> dict:
    """Execute a chapter with papermill; return the values it glued."""
    out = tmp_path / f"{chapter}.out.ipynb"
    papermill.execute_notebook(
        str(root / "chapters" / f"{chapter}.ipynb"),
        str(out),
        parameters=parameters,
        cwd=str(root / "chapters"),
        progress_bar=False,
        kernel_name="python3",
        extra_arguments=QUIET_KERNEL,
    )
    return glued(out)


def figure_csv(figures_dir, figure_id):
    return pd.read_csv(figures_dir / f"{figure_id}.csv")


def test_figure1_for_2024_in_english(tmp_path, working_tree_untouched):
    values = run("02-southeast-asia-ranking", tmp_path, survey_year=2024, lang="en")
    table = figure_csv(working_tree_untouched, "fig1-southeast-asia-egdi-2024-en").set_index("iso3")
    assert (table.at["IDN", "regional_rank"], table.at["IDN", "egdi_rank"]) == (4, 64)
    assert table.at["IDN", "egdi"] == pytest.approx(0.79911)
    assert table.at["VNM", "label"] == "Viet Nam" and len(table) == 11
    assert (
        "Indonesia is number 4, with an EGDI of 0.7991 and world rank 64"
        in (values["focus_sentence"])
    )
    assert "no chart of the paper" in values["omission_sentence"]


def test_figure1_for_asean_10(tmp_path, working_tree_untouched):
    run("02-southeast-asia-ranking", tmp_path, region="asean-10")
    table = figure_csv(working_tree_untouched, "fig1-asean-10-egdi-2022-en")
    assert len(table) == 10 and "TLS" not in set(table["iso3"])


def test_invalid_parameter_stops_with_valid_values(tmp_path):
    """One run shows that the check's message reaches a notebook's reader; the messages
    of every parameter are test_figures.py's unit tests."""
    with pytest.raises(papermill.PapermillExecutionError) as info:
        run("02-southeast-asia-ranking", tmp_path, region="europe")
    assert "Valid regions: asean, asean-10, paper-figure-1, southeast-asia" in str(info.value)


def test_figure2_in_indonesian(tmp_path, working_tree_untouched):
    run("03-top-provinces", tmp_path, lang="id")
    table = figure_csv(working_tree_untouched, "fig2-top10-provinces-pegi-2016")
    assert table["score"].tolist() == PEGI_2016_AS_PRINTED
    assert table["province"].iloc[0] == "DKI Jakarta"


def shown_languages(notebook_path) -> tuple[set[str], str]:
    """The languages of a run's HTML outputs, and its plain-text outputs joined."""
    import json
    import re

    cells = json.loads(notebook_path.read_text(encoding="utf-8"))["cells"]
    outputs = [o for c in cells if c["cell_type"] == "code" for o in c.get("outputs", [])]
    html = "".join("".join(o.get("data", {}).get("text/html", "")) for o in outputs)
    plain = "".join("".join(o.get("data", {}).get("text/plain", "")) for o in outputs)
    return set(re.findall(r'class="egov-lang" lang="(\w+)"', html)), plain


@pytest.mark.parametrize(
    "lang, table_label, caption",
    [
        ("id", "Sepuluh provinsi menurut urutan makalah", "Daftar sepuluh provinsi"),
        ("en", "provinces in the paper&#x27;s order, with its values", "The ten provinces with"),
    ],
)
def test_lang_chooses_the_language_the_notebook_shows(tmp_path, lang, table_label, caption):
    """`papermill ... -p lang id` shows the Indonesian table and figure only, `-p lang en`
    the English ones; without it (the book) both are there."""
    run("03-top-provinces", tmp_path, lang=lang)
    langs, plain = shown_languages(tmp_path / "03-top-provinces.out.ipynb")
    assert langs == {lang}
    assert caption in plain
    other = "The ten provinces with" if lang == "id" else "Daftar sepuluh provinsi"
    assert other not in plain
    stored, _ = shown_languages(ROOT / "chapters" / "03-top-provinces.ipynb")
    assert stored == {"en", "id"}
    html = (tmp_path / "03-top-provinces.out.ipynb").read_text(encoding="utf-8")
    assert table_label in html


def test_figure3_marks_2024_in_english_against_world_median(tmp_path, working_tree_untouched):
    run("04-indonesia-trend", tmp_path, survey_year=2024, region="world", lang="en")
    table = figure_csv(working_tree_untouched, "fig3-indonesia-egdi-trend-world-2024-en")
    assert "median_egdi_world" in table.columns
    assert table.set_index("year").at[2024, "egdi_rank"] == 64


def test_latest_edition_chapter_against_2020(tmp_path):
    values = run("07-latest-edition", tmp_path, survey_year=2024, baseline_year=2020)
    assert (values["place"], values["rank"], values["rank_before"]) == ("4", "64", "88")
    assert values["place_before"] == "7" and values["weakest"] == "HCI"


def test_components_for_2020_and_2024(tmp_path, working_tree_untouched):
    run("08-components", tmp_path, first_year=2020, second_year=2024, lang="en")
    table = figure_csv(working_tree_untouched, "components-southeast-asia-2020-2024-en")
    assert sorted(table["year"].unique()) == [2020, 2024] and len(table) == 11 * 3 * 2


def test_sensitivity_for_2024(tmp_path):
    values = run("09-sensitivity", tmp_path, survey_year=2024)
    assert values["focus_places"] == (
        "4th under every definition: ASEAN-10, Southeast Asia, the paper's chart "
        "(ten countries), and ASEAN"  # CLDR's list: the serial comma
    )


def test_profile_for_viet_nam(tmp_path, working_tree_untouched):
    values = run("10-country-profile", tmp_path, iso3="VNM", lang="en")
    table = figure_csv(working_tree_untouched, "profile-vnm-en")
    assert table["iso3"].unique().tolist() == ["VNM"]
    assert table.set_index("year").at[2022, "egdi_rank"] == 86
    assert values["country"] == "Viet Nam"


def test_profile_unknown_code(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError, match="Unknown ISO3 country code 'XYZ'"):
        run("10-country-profile", tmp_path, iso3="XYZ")


def test_data_and_report_chapters_on_an_extended_data_copy(tmp_path, data_copy):
    egdi = datasets.load_egdi(data_copy, with_flags=True)
    from egov_repro.data.sources import write_un_export

    export = tmp_path / "EGOV_DATA_2024.csv"
    write_un_export(egdi[egdi["year"] == 2024], export)
    year = next_edition()
    maintain.add_edition(export, data_copy, year=year)
    values = run("01-data", tmp_path, data_dir=str(data_copy))
    assert values["last"] == str(year)
    assert values["version"] == datasets.data_version(data_copy)
    values = run("06-reproduction-report", tmp_path, data_dir=str(data_copy))
    audited = claims.audit(data_copy)
    assert values["n_paper"] == str(len(claims.paper_claims(audited)))
    assert values["n_paper_id"] == values["n_paper"]


def test_stored_outputs_hold_no_kernel_log_lines():
    """nbval compares stored outputs; a kernel's own log line (which appears only under
    some timings) must never be part of that reference."""
    import nbformat

    from egov_repro.book.contents import notebooks

    for path in notebooks(ROOT):
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                assert output.get("name") != "stderr", (path.name, output.get("text"))


def test_a_failing_refresh_names_the_notebook_and_writes_nothing(tmp_path):
    import nbformat

    project = copy_project(tmp_path / "project")
    chapter = project / "chapters" / "03-top-provinces.ipynb"
    nb = nbformat.read(chapter, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('a broken cell')"))
    nbformat.write(nb, chapter)
    before = {p: p.read_bytes() for p in (project / "chapters").glob("*.ipynb")}
    result = run_cli(project, "refresh-notebooks", "01-data", "03-top-provinces")
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first == (
        f"egov-repro refresh-notebooks: error: {chapter}: the notebook failed; no notebook was "
        "written"
    )
    assert "a broken cell" in result.stderr and "re-executed" not in result.stdout
    assert {p: p.read_bytes() for p in (project / "chapters").glob("*.ipynb")} == before


def test_refreshing_an_unknown_notebook_names_the_valid_ones(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run_cli(project, "refresh-notebooks", "02-ranking")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(
        "egov-repro refresh-notebooks: error: unknown notebook(s) 02-ranking; the book's are: "
        "intro, 01-data, 02-southeast-asia-ranking"
    )


def test_ctrl_c_stops_a_refresh_and_its_kernels_and_writes_no_notebook(tmp_path):
    """SIGINT to the command's process group (Ctrl-C in a terminal) while kernels run:
    one line, exit status 130, no kernel left, no notebook or temporary file written."""
    import os
    import signal
    import time

    import psutil

    project = copy_project(tmp_path / "project")
    before = {p: p.read_bytes() for p in (project / "chapters").glob("*.ipynb")}
    # The run writes each kernel's connection file as a temporary .json file (nbclient):
    # in a folder of its own here, so that its appearing is the event to wait for.
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "egov_repro", "refresh-notebooks"],
        cwd=project, env={**project_env(), "TMPDIR": str(temporary)}, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)  # fmt: skip
    # Interrupt once a kernel is started (the ceiling is for a run that never starts one).
    with NewFiles(temporary, while_running=process.pid) as created:
        deadline, kernels = time.monotonic() + 300, []
        while not kernels and time.monotonic() < deadline:
            names = created.wait(deadline - time.monotonic())
            assert names is not None, process.communicate()
            kernels = [n for n in names if n.endswith(".json")]
    assert kernels, "no kernel started within five minutes"

    def running_kernels() -> list[psutil.Process]:
        family = psutil.Process(process.pid).children(recursive=True)
        return [p for p in family if "ipykernel" in " ".join(p.cmdline())]

    assert wait_until(running_kernels, ceiling=120), "a connection file but no kernel"
    family = psutil.Process(process.pid).children(recursive=True)
    os.killpg(process.pid, signal.SIGINT)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 128 + signal.SIGINT, err
    assert err.strip().splitlines()[-1] == (
        "egov-repro refresh-notebooks: interrupted by SIGINT; stopped the run and its kernels"
    )
    _gone, alive = psutil.wait_procs(family, timeout=120)
    assert not [p for p in alive if p.status() != psutil.STATUS_ZOMBIE]
    assert {p: p.read_bytes() for p in (project / "chapters").glob("*.ipynb")} == before
    assert not [p for p in project.rglob("*.tmp")]
