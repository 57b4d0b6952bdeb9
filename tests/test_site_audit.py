"""Lighthouse on the built site, served like GitHub Pages (gzip, cache header): every
audited page scores 100 for accessibility, best practices and SEO. Performance is a
timing and is measured by benchmarks/lighthouse.py, not asserted here; that the batch
(one Lighthouse process for every page) scores a page as a run of its own is a check of
Lighthouse, in benchmarks/tools.py."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

from egov_repro.site.serve import serve

from conftest import IN_CI, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import lighthouse

# Lighthouse in headless Chromium on the session's build.
pytestmark = [pytest.mark.slow, pytest.mark.browser]

CATEGORIES = ["accessibility", "best-practices", "seo"]
CHROMIUM = os.environ.get("CHROME_PATH") or shutil.which("chromium")


@pytest.fixture(scope="module")
def site(request):
    if not (lighthouse.LIGHTHOUSE.exists() and CHROMIUM and shutil.which("node")):
        reason = "Lighthouse needs node, `npm ci --prefix benchmarks` and chromium"
        if IN_CI:
            pytest.fail(f"CI=true but {reason}: .ci/run installs them")
        pytest.skip(reason)
    project = request.getfixturevalue("built_book")  # the session's one build, read only
    server, base = serve(project / "_build" / "html")
    yield base
    server.shutdown()


JOBS = [(page, "mobile") for page in lighthouse.PAGES + lighthouse.ID_PAGES] + [
    ("intro.html", "desktop"),
    ("id/intro.html", "desktop"),
]


@pytest.fixture(scope="module")
def audits(site) -> dict:
    """Every page's scores, from one Lighthouse process and one Chromium."""
    os.environ.setdefault("CHROME_PATH", CHROMIUM)
    found = lighthouse.lighthouse_many([(site + page, preset) for page, preset in JOBS], CATEGORIES)
    return dict(zip(JOBS, found, strict=True))


@pytest.mark.parametrize("page, preset", JOBS)
def test_lighthouse_accessibility_best_practices_and_seo_are_100(audits, page, preset):
    scores = audits[(page, preset)]
    assert {c: scores[c] for c in CATEGORIES} == dict.fromkeys(CATEGORIES, 100), scores["failed"]
