"""Every chapter that takes a region, run with every region: the built-in ones and one a
maintainer adds to data/raw/regions.csv without Indonesia.

Parameters go in as papermill puts them (its own parameterize step: a cell after the
``parameters`` cell); the runs go through the book's executor, one kernel per core reset
between notebooks, which saves a kernel's start and imports per run. tests/
test_notebooks.py runs papermill end to end, kernel and all."""

from __future__ import annotations

import nbformat
import pytest
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook

from egov_repro import region_names
from egov_repro.book.contents import cache_settings
from egov_repro.book.executor import execute_notebooks
from egov_repro.book.rerun import glued
from egov_repro.data import maintain

from conftest import copy_project

# Runs every chapter for every region (papermill).
pytestmark = pytest.mark.slow

PACIFIC = ["FJI", "KIR", "PNG", "SLB", "TON", "TUV", "VUT", "WSM"]
REGIONS = [*region_names(), "pacific"]
CHAPTERS = ["02-southeast-asia-ranking", "04-indonesia-trend", "08-components"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """One project copy with the added region; every (chapter, region) run on two cores."""
    project = copy_project(tmp_path_factory.mktemp("grid") / "project")
    regions = project / "data" / "raw" / "regions.csv"
    regions.write_text(regions.read_text() + "".join(f"pacific,{c},\n" for c in PACIFIC))
    maintain.register("raw/regions.csv", project / "data")
    out = tmp_path_factory.mktemp("grid-out")
    jobs = [(chapter, {"region": region}) for chapter in CHAPTERS for region in REGIONS]
    jobs.append(("09-sensitivity", {"definitions": REGIONS}))
    chapters = project / "chapters"
    named = {}  # each run under a name of its own, in the chapters' folder (its cwd)
    for chapter, parameters in jobs:
        key = (chapter, parameters.get("region", "all"))
        nb = load_notebook_node(str(chapters / f"{chapter}.ipynb"))
        named[str(chapters / f"{key[0]}-{key[1]}.ipynb")] = (key, parameterize_notebook(
            nb, parameters, kernel_name="python3"))  # fmt: skip
    _, timeout = cache_settings(project)
    found = {}
    for uri, nb, _seconds, failure in execute_notebooks(
        project, [(uri, nb) for uri, (_key, nb) in named.items()], timeout
    ):
        key = named[uri][0]
        if failure:
            found[key] = failure
            continue
        target = out / f"{key[0]}-{key[1]}.ipynb"
        nbformat.write(nb, target)
        found[key] = glued(target)
    return found


@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.parametrize("region", REGIONS)
def test_chapter_runs_for_every_region(runs, chapter, region, working_tree_untouched):
    values = runs[(chapter, region)]
    assert isinstance(values, dict), f"{chapter} with region={region}: {values}"
    figures = working_tree_untouched
    if chapter == "02-southeast-asia-ranking":
        assert (figures / f"fig1-{region}-egdi-2022-en.csv").is_file()
        indonesia_absent = "Indonesia is not among" in values["focus_sentence"]
        assert indonesia_absent == (region == "pacific")
    if chapter == "08-components":
        assert ("Indonesia is not among" in values["focus_sentence"]) == (region == "pacific")


def test_sensitivity_with_every_region(runs):
    values = runs[("09-sensitivity", "all")]
    assert isinstance(values, dict), values
    assert "not in pacific" in values["focus_places"]
    assert "5th in ASEAN-10" in values["focus_places"] and "77th in world" in values["focus_places"]
