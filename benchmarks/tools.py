"""Checks of the tools the project relies on, not of the project: kept with the
benchmarks and run by hand when a tool is upgraded (`make lock`, a new Lighthouse in
benchmarks/package-lock.json), not by the test suite.

- nbval: a re-executed chapter whose output differs from the committed one fails (the
  suite's nbval run is only worth having if it does);
- Lighthouse: one Node process and one Chromium for every page (lighthouse_many, what
  tests/test_site_audit.py uses) scores a page as a run of its own does.

Build the book first (make book); Lighthouse needs `npm ci --prefix benchmarks`.

    .venv/bin/python benchmarks/tools.py [--skip nbval,lighthouse]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import lighthouse

from egov_repro.book.contents import BOOK_FILES
from egov_repro.data import maintain
from egov_repro.site.serve import serve

ROOT = Path(__file__).resolve().parents[1]


def check_nbval() -> None:
    """A valid, registered change of Indonesia's 2022 EGDI (0.716 -> 0.7) makes nbval
    fail on chapter 02, showing both values."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        project.mkdir()
        for name in BOOK_FILES:
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
        egdi_csv = project / "data" / "egdi.csv"
        text = egdi_csv.read_text()
        row = "2022,IDN,Indonesia,77,0.716,"
        assert row in text, f"{egdi_csv} no longer holds {row!r}"
        egdi_csv.write_text(text.replace(row, "2022,IDN,Indonesia,77,0.7,"))
        maintain.register("egdi.csv", project / "data")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "--nbval", "-p", "no:cacheprovider", "-q",
             "--rootdir", str(project), "chapters/02-southeast-asia-ranking.ipynb"],
            cwd=project, capture_output=True, text=True, env=env)  # fmt: skip
        out = result.stdout
        assert result.returncode == 1, out[-2000:]
        assert "0.7160" in out and "0.7000" in out and "Notebook cell execution failed" in out
    print("nbval: a changed data value fails the re-executed chapter: ok")


def check_lighthouse() -> None:
    """The landing page's accessibility, best-practices and SEO scores from the batch
    equal those of a separate Lighthouse run."""
    categories = ["accessibility", "best-practices", "seo"]
    os.environ.setdefault("CHROME_PATH", shutil.which("chromium") or "/usr/bin/chromium")
    server, base = serve(ROOT / "_build" / "html")
    try:
        url = base + "intro.html"
        [batch] = lighthouse.lighthouse_many([(url, "mobile")], categories)
        alone = lighthouse.lighthouse(str(lighthouse.LIGHTHOUSE), url, "mobile", categories)
    finally:
        server.shutdown()
    assert alone == batch, (alone, batch)
    print(f"lighthouse: one process scores intro.html as a run of its own ({alone}): ok")


CHECKS = {"nbval": check_nbval, "lighthouse": check_lighthouse}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", default="", help=f"comma-separated: {', '.join(CHECKS)}")
    skip = set(filter(None, parser.parse_args().skip.split(",")))
    for name, check in CHECKS.items():
        if name not in skip:
            check()


if __name__ == "__main__":
    main()
