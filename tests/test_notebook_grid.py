"""Every chapter that takes a region, run through papermill for every region: the
built-in ones and one a maintainer adds to data/raw/regions.csv without Indonesia."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import papermill
import pytest

from egov_repro import maintain, region_names
from egov_repro.book import QUIET_KERNEL
from egov_repro.rerun import glued

from conftest import copy_project

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

    def execute(job):
        chapter, parameters = job
        target = out / f"{chapter}-{parameters.get('region', 'all')}.ipynb"
        try:
            papermill.execute_notebook(
                str(project / "chapters" / f"{chapter}.ipynb"), str(target),
                parameters=parameters, cwd=str(project / "chapters"), progress_bar=False,
                kernel_name="python3", extra_arguments=QUIET_KERNEL)  # fmt: skip
        except papermill.PapermillExecutionError as exc:
            return job, exc
        return job, glued(target)

    # One at a time: papermill's `cwd` changes the process's folder while it starts a
    # kernel, and a second thread restoring its own folder meanwhile would start the
    # other kernel elsewhere, with the checkout's data instead of this copy's (the
    # occasional "Unknown region 'pacific'"). pytest-xdist already uses both cores.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return {(c, p.get("region", "all")): r for (c, p), r in pool.map(execute, jobs)}


@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.parametrize("region", REGIONS)
def test_chapter_runs_for_every_region(runs, chapter, region, working_tree_untouched):
    values = runs[(chapter, region)]
    assert not isinstance(values, Exception), f"{chapter} with region={region}: {values}"
    figures = working_tree_untouched
    if chapter == "02-southeast-asia-ranking":
        assert (figures / f"fig1-{region}-egdi-2022-en.csv").is_file()
        indonesia_absent = "Indonesia is not among" in values["focus_sentence"]
        assert indonesia_absent == (region == "pacific")
    if chapter == "08-components":
        assert ("Indonesia is not among" in values["focus_sentence"]) == (region == "pacific")


def test_sensitivity_with_every_region(runs):
    values = runs[("09-sensitivity", "all")]
    assert not isinstance(values, Exception), values
    assert "not in pacific" in values["focus_places"]
    assert "5th in ASEAN-10" in values["focus_places"] and "77th in world" in values["focus_places"]
