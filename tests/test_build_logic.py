"""The build's cache key: what must and must not invalidate executed notebooks."""

from __future__ import annotations

from egov_repro.book import fingerprint

from conftest import copy_project


def test_fingerprint_follows_data_and_chapters(tmp_path):
    project = copy_project(tmp_path / "p")
    data_only, everything = fingerprint(project), fingerprint(project, with_chapters=True)
    assert (fingerprint(project), fingerprint(project, with_chapters=True)) == (
        data_only,
        everything,
    )

    chapter = project / "chapters" / "09-sensitivity.ipynb"
    chapter.write_text(chapter.read_text().replace("UN survey edition", "UN edition"))
    assert fingerprint(project) == data_only
    assert fingerprint(project, with_chapters=True) != everything

    regions = project / "data" / "raw" / "regions.csv"
    regions.write_text(regions.read_text() + "test-region,IDN,1967\n")
    assert fingerprint(project) != data_only


def test_fingerprint_ignores_where_the_project_lives(tmp_path):
    assert fingerprint(copy_project(tmp_path / "a")) == fingerprint(copy_project(tmp_path / "b"))
