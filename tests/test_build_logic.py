"""The build's cache key: what must and must not invalidate executed notebooks."""

from __future__ import annotations

import json

from egov_repro.book.cachekey import STAMP, fingerprint, invalidate
from egov_repro.book.contents import cache_settings, dependencies

from conftest import copy_project


def test_fingerprint_follows_data_and_the_lock_not_the_chapters(tmp_path):
    project = copy_project(tmp_path / "p")
    key = fingerprint(project)
    assert fingerprint(project) == key

    chapter = project / "chapters" / "09-sensitivity.ipynb"
    chapter.write_text(chapter.read_text().replace("UN survey edition", "UN edition"))
    assert fingerprint(project) == key  # jupyter-cache itself keys on a chapter's code

    regions = project / "data" / "raw" / "regions.csv"
    regions.write_text(regions.read_text() + "test-region,IDN,1967\n")
    assert fingerprint(project) != key

    key = fingerprint(project)
    lock = project / "requirements.lock"
    lock.write_text(lock.read_text() + "\n# an upgrade\n")
    assert fingerprint(project) != key


def test_fingerprint_follows_the_packages_wording_not_only_its_code(tmp_path, monkeypatch):
    """A reworded message changes the sentences chapters glue and the pages' interface:
    the cache must not serve the old wording (it did while only .py and .css counted)."""
    import shutil

    from egov_repro.data import paths

    package = tmp_path / "egov_repro"
    shutil.copytree(paths.package_dir(), package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(paths, "package_dir", lambda: package)
    project = copy_project(tmp_path / "p")
    key = fingerprint(project)

    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "cli.cpython-311.pyc").write_bytes(b"compiled")
    assert fingerprint(project) == key  # bytecode is not the package's content

    for edited in ("words/messages/findings.toml", "locale/id/LC_MESSAGES/sphinx.po"):
        path = package / edited
        path.write_text(path.read_text(encoding="utf-8") + "\n# reworded\n", encoding="utf-8")
        assert fingerprint(project) != key, edited
        key = fingerprint(project)


def test_fingerprint_ignores_where_the_project_lives(tmp_path):
    assert fingerprint(copy_project(tmp_path / "a")) == fingerprint(copy_project(tmp_path / "b"))


def test_cache_settings_come_from_the_config(tmp_path):
    project = copy_project(tmp_path / "p")
    config = project / "_config.yml"
    config.write_text(config.read_text().replace("timeout: 300", "timeout: 123"))
    assert cache_settings(project) == (project / "_build" / ".jupyter_cache", 123)


def test_the_key_is_recorded_when_the_cache_is_cleared(tmp_path):
    """An interrupted build after a data change, then a revert: the revert clears again."""
    project = copy_project(tmp_path / "p")
    cache = project / "_build" / ".jupyter_cache"
    first = invalidate(project)
    assert first["cleared"] and json.loads((cache / STAMP).read_text())["key"] == first["key"]
    (cache / "executed-with-old-data").write_text("x")
    assert not invalidate(project)["cleared"]

    regions = project / "data" / "raw" / "regions.csv"
    original = regions.read_text()
    regions.write_text(original + "test-region,IDN,1967\n")
    assert invalidate(project)["cleared"]  # the build would now start, and be interrupted
    (cache / "executed-with-new-data").write_text("x")
    regions.write_text(original)
    assert invalidate(project)["cleared"]
    assert not (cache / "executed-with-new-data").exists()


def test_chapter_07_declares_the_chapters_it_runs(tmp_path):
    project = copy_project(tmp_path / "p")
    runs = dependencies(project / "chapters" / "07-latest-edition.ipynb")
    assert [p.name for p in runs] == ["02-southeast-asia-ranking.ipynb", "04-indonesia-trend.ipynb"]
    invalidate(project)
    chapter = project / "chapters" / "04-indonesia-trend.ipynb"
    chapter.write_text(chapter.read_text().replace("What it shows", "What the series shows"))
    assert invalidate(project)["stale"] == ["07-latest-edition.ipynb"]
    assert invalidate(project)["stale"] == []
