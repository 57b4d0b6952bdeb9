"""The README's add-an-edition workflow, done on a copy of the project with a synthetic
export for a new year: `data add`, `validate`, `refresh-notebooks`, the book build and
the audit all pass, the new edition appears wherever the book speaks of the latest, and
the suite's own checks of the latest edition pass on the extended data (nothing else
needs editing, as the README promises)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from egov_repro.data import datasets

from conftest import BUILT_BOOK, ROOT, copy_project, next_edition, project_env, run_cli

# Adds an edition, refreshes the notebooks and builds the book.
pytestmark = pytest.mark.slow

NEW_YEAR = next_edition()
SHIFT = 0.01


def synthetic_export(target: Path) -> Path:
    """The 2024 export as if published for NEW_YEAR: same countries and ranks, every
    index value raised by SHIFT (a published 0 stays 0, capped at 1)."""
    source = ROOT / "data" / "raw" / "un-egov-survey" / "EGOV_DATA_2024.csv"
    rows = list(csv.reader(io.StringIO(source.read_text(encoding="utf-8"))))
    header, body = rows[0], rows[1:]
    for row in body:
        row[0] = str(NEW_YEAR)
        for i in range(3, len(row)):
            value = float(row[i])
            row[i] = f"{min(value + SHIFT, 1.0):.5f}" if value > 0 else row[i]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *body])
    path = target / f"EGOV_DATA_{NEW_YEAR}.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("edition") / "project")
    export = synthetic_export(tmp_path_factory.mktemp("export"))
    steps = {}
    for name, args in [
        ("add", ["data", "add", str(export)]),
        ("validate", ["validate"]),
        ("refresh", ["refresh-notebooks"]),
        ("book", ["book"]),
        ("claims", ["claims", "--json"]),
    ]:
        steps[name] = result = run_cli(project, *args)
        assert result.returncode == 0, f"{name}: {result.stdout[-3000:]}{result.stderr[-3000:]}"
    return project, steps


def page_text(project: Path, page: str) -> str:
    import re
    from html import unescape

    html = (project / "_build" / "html" / page).read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_the_edition_is_added_with_its_raw_export(extended):
    project, steps = extended
    assert f"added edition {NEW_YEAR} (193 countries)" in steps["add"].stdout
    assert f"-{NEW_YEAR})" in steps["validate"].stdout
    assert (project / "data" / "raw" / "un-egov-survey" / f"EGOV_DATA_{NEW_YEAR}.csv").is_file()


def test_the_list_of_exhibits_and_the_committed_figures_move_to_the_new_year(extended):
    """Figures of the latest edition carry its year: `data add` rewrites the README's
    list and removes the files the book no longer shows (the build made their successors)."""
    project, steps = extended
    previous = datasets.latest_edition()  # this checkout's newest edition, before the add
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert f"figures/components-southeast-asia-2022-{NEW_YEAR}.{{png,svg,csv}}" in readme
    assert f"-2022-{previous}." not in readme and f"egdi-{previous}." not in readme
    old = project / "figures" / f"components-southeast-asia-2022-{previous}-en.svg"
    assert not old.exists() and (ROOT / old.relative_to(project)).is_file()
    assert f"components-southeast-asia-2022-{previous}-en.svg" in steps["add"].stdout
    assert "updated the list of exhibits" in steps["add"].stdout


def test_the_latest_edition_chapter_and_figures_move_to_the_new_year(extended):
    project, _ = extended
    text = page_text(project, "chapters/07-latest-edition.html")
    assert f"The newest edition in the data is {NEW_YEAR}" in text
    assert "Indonesia is number 4, with an EGDI of 0.8091 and world rank 64" in text
    figures = project / "figures"
    ids = [
        f"fig1-southeast-asia-egdi-{NEW_YEAR}-en",
        f"fig3-indonesia-egdi-trend-{NEW_YEAR}-en",
        f"components-southeast-asia-2022-{NEW_YEAR}-en",
    ]
    for figure_id in ids:
        assert (figures / f"{figure_id}.csv").is_file(), figure_id
        assert (project / "_build" / "html" / "figures" / f"{figure_id}.svg").is_file()
    landing = page_text(project, "intro.html")
    assert f"In the newest survey in the data, {NEW_YEAR}" in landing


def test_the_audit_follows_the_new_edition(extended):
    _, steps = extended
    records = {r["id"]: r for r in json.loads(steps["claims"].stdout)}
    assert records["sea-place-latest"]["facts"]["latest"] == NEW_YEAR
    assert records["weakest-component-latest"]["data_value"] == "HCI"
    assert records["sea-place"]["verdict"] == "confirmed"  # the paper's 2022 is untouched


def test_the_build_after_the_refresh_executes_nothing_again(extended):
    """refresh-notebooks puts its runs into the book's cache: the build only renders."""
    _, steps = extended
    assert "re-executed" in steps["refresh"].stdout
    built = steps["book"].stdout + steps["book"].stderr
    assert "executed" not in built and "Executing notebook" not in built, built[-2000:]
    assert "cleared the cache" not in steps["book"].stdout


def test_nbval_passes_on_the_refreshed_chapters(extended):
    project, _ = extended
    env = project_env()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "-p", "no:cacheprovider", "-q", "-p",
         "no:xdist", "--rootdir", str(project), "chapters/07-latest-edition.ipynb",
         "intro.ipynb"], cwd=project, capture_output=True, text=True, env=env)  # fmt: skip
    assert result.returncode == 0, result.stdout[-6000:]


# The suite's files whose checks read "the latest edition" (the findings, figures, audit
# and the built book): run again on the extended copy, where a test that names the
# newest year in the data instead of reading it fails. Left out, to keep this run short:
# the browser checks (they read the pages the others read) and the checks that read no
# "latest" but cost most of the time (every edition x region of the figure grid, every
# country's profile, the figure workers, figures of other data, the HTML validator, the
# CLI's profile, and the re-execution of every notebook, which
# test_nbval_passes_on_the_refreshed_chapters does for the chapters that change).
ON_THE_EXTENDED_DATA = [
    "test_i18n_text.py", "test_claims.py", "test_figures.py", "test_book.py",
    "test_editorial.py", "test_analysis.py",
    "test_replication.py::test_the_readmes_list_of_exhibits_is_the_generated_one",
    "test_replication.py::test_every_file_the_list_names_is_made_by_the_build_and_committed",
    "test_fetch.py::test_every_source_records_its_mirror_commit_blob_and_the_uns_address",
    "test_indonesian.py::test_the_indonesian_edition_uses_the_minus_sign_dashes_and_daring",
]  # fmt: skip
NOT_ON_THE_EXTENDED_DATA = [
    "grid_renders_legibly", "every_countrys_profile_renders", "drawn_in_parallel",
    "met_in_a_worker", "pre_executed_outputs_equal", "figures_of_other_data",
    "site_is_valid_html", "profile_in_indonesian",
]  # fmt: skip


def test_the_suites_checks_of_the_latest_edition_pass_on_the_extended_data(extended, tmp_path):
    project, steps = extended
    # The tests and their configuration inside the copy: ROOT is then the copy, and the
    # session's built book is the copy's build (conftest.BUILT_BOOK), not a new one.
    shutil.copytree(ROOT / "tests", project / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    # what the tests read beside the book (the bibliography test reads the test lock)
    for name in ("pyproject.toml", "LICENSE-CONTENT.md", "requirements-test.lock"):
        shutil.copy2(ROOT / name, project / name)
    (project.parent / "build.log").write_text(steps["book"].stdout + steps["book"].stderr)
    if (ROOT.parent / "shared").is_dir():  # the paper's text, beside the clone
        (project.parent / "shared").symlink_to(ROOT.parent / "shared")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:xdist", "-q", "-m", "not browser",
         "-k", " and ".join(f"not {name}" for name in NOT_ON_THE_EXTENDED_DATA),
         "--basetemp", str(tmp_path / "run"), *(f"tests/{name}" for name in ON_THE_EXTENDED_DATA)],
        cwd=project, capture_output=True, text=True,
        env={**project_env(), BUILT_BOOK: str(project)})  # fmt: skip
    assert result.returncode == 0, result.stdout[-8000:]
