"""Lighthouse scores of the built book, served the way GitHub Pages serves it.

Serves _build/html on localhost with gzip and GitHub Pages' cache header
(Cache-Control: max-age=600), runs Lighthouse 12 (mobile and desktop presets) on the
landing page, chapters 02, 04, 06, 07, 10, 11 and the citation page, and prints one row
per page and preset. Needs Node.js, `npm ci --prefix benchmarks` (Lighthouse 12.2.3,
pinned in benchmarks/package-lock.json) and Chromium (CHROME_PATH, default
/usr/bin/chromium). Build the book first (make book).

    .venv/bin/python benchmarks/lighthouse.py [--lighthouse PATH] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from egov_repro.site.pdf import SANDBOX_FLAGS
from egov_repro.site.serve import serve

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    "intro.html",
    "chapters/02-southeast-asia-ranking.html",
    "chapters/04-indonesia-trend.html",
    "chapters/06-reproduction-report.html",
    "chapters/07-latest-edition.html",
    "chapters/10-country-profile.html",
    "chapters/11-explore.html",  # the one page that loads a charting library (issue 29)
    "cite.html",
]
# The Indonesian edition (issue 17): the same goals; its pages are built from the same
# templates, so the landing page, a figure chapter and the report stand for the rest.
ID_PAGES = [
    "id/intro.html",
    "id/chapters/02-southeast-asia-ranking.html",
    "id/chapters/06-reproduction-report.html",
    "id/chapters/11-explore.html",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Installed by `npm ci --prefix benchmarks` (benchmarks/package.json pins 12.2.3).
LIGHTHOUSE = Path(__file__).resolve().parent / "node_modules" / ".bin" / "lighthouse"
BATCH = Path(__file__).resolve().parent / "lighthouse_batch.mjs"
CHROME_FLAGS = " ".join(["--headless=new", *SANDBOX_FLAGS]) + (
    " --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def lighthouse(binary: str, url: str, preset: str, categories=CATEGORIES) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        command = [
            binary,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(categories)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        if preset == "desktop":
            command.append("--preset=desktop")
        subprocess.run(command, check=True, env=_env(), capture_output=True)
        return scores_of(json.loads(out.read_text()), categories)


def lighthouse_many(jobs: list[tuple[str, str]], categories=CATEGORIES) -> list[dict]:
    """``lighthouse`` for each (url, preset), run in one Node process and one Chromium
    (lighthouse_batch.mjs): a third of a single run's time is their start-up."""
    with tempfile.TemporaryDirectory() as tmp:
        spec, out = Path(tmp) / "jobs.json", Path(tmp) / "reports.json"
        spec.write_text(
            json.dumps({
                "categories": list(categories),
                "chromeFlags": CHROME_FLAGS,
                "jobs": [{"url": url, "preset": preset} for url, preset in jobs],
            })
        )  # fmt: skip
        done = subprocess.run(
            ["node", str(BATCH), str(spec), str(out)], env=_env(), capture_output=True, text=True
        )
        if done.returncode != 0:
            raise RuntimeError(f"lighthouse_batch.mjs failed: {done.stderr[-2000:]}")
        return [scores_of(report, categories) for report in json.loads(out.read_text())]


def _env() -> dict[str, str]:
    return {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}


def scores_of(report: dict, categories=CATEGORIES) -> dict:
    """The category scores (0-100) of a Lighthouse result, its largest paint and page
    weight when performance was measured, and the binary audits that failed."""
    scores = {c: round(report["categories"][c]["score"] * 100) for c in categories}
    audits = report["audits"]
    if "performance" in categories:
        scores["lcp_s"] = round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2)
        scores["bytes_kb"] = round(audits["total-byte-weight"]["numericValue"] / 1024)
    scores["failed"] = sorted(
        key
        for key, audit in audits.items()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") == "binary"
    )
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", default=str(LIGHTHOUSE))
    parser.add_argument("--site", default=str(ROOT / "_build" / "html"))
    parser.add_argument("--json", help="also write every score to this file")
    parser.add_argument(
        "--pages", nargs="*", default=PAGES + ID_PAGES, help="pages (default: ten, both editions)"
    )
    parser.add_argument("--presets", nargs="*", default=["mobile", "desktop"])
    args = parser.parse_args()
    server, base = serve(Path(args.site))  # like GitHub Pages: gzip, ten-minute cache
    rows = []
    try:
        for page in args.pages:
            for preset in args.presets:
                scores = lighthouse(args.lighthouse, base + page, preset)
                rows.append({"page": page, "preset": preset, **scores})
                print(
                    f"{page:45} {preset:8} "
                    + " ".join(f"{c[:4]}={scores[c]:3d}" for c in CATEGORIES)
                    + f" lcp={scores['lcp_s']}s {scores['bytes_kb']} KB"
                    + (f" failed: {', '.join(scores['failed'])}" if scores["failed"] else ""),
                    flush=True,
                )
    finally:
        server.shutdown()
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n")
    worst = {c: min(r[c] for r in rows) for c in CATEGORIES}
    print("lowest: " + ", ".join(f"{c} {v}" for c, v in worst.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
