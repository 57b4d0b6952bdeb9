"""Measure what a reader waits for, on this machine, as the median of several runs.

  cold build     egov-repro book on a copy of the project with no _build/ (executes
                 every notebook)
  no-op rebuild  the same command again, nothing changed
  floor          jupyter-book build of an empty one-page book (what Sphinx and Jupyter
                 Book cost before any chapter), measured in the same run
  figures        egov-repro figures --out <tmp>
  test suite     make test's pytest run (everything, both cores)
  setup          make env on a copy with no .venv (package cache as it is: warm)

Usage: python benchmarks/run.py [--runs N] [--suite-runs N] [--skip suite,setup]
Prints a Markdown table (for the README) and writes benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from egov_repro.book import BOOK_FILES

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ENV_FILES = [
    "Makefile",
    "pyproject.toml",
    "requirements.txt",
    "requirements.lock",
    "README.md",
    "src",
]


def copy(names: list[str], target: Path) -> Path:
    target.mkdir(parents=True)
    for name in names:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source,
                target / name,
                ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"),
            )
        else:
            shutil.copy2(source, target / name)
    return target


def timed(command: list[str], cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(
            f"benchmark command failed: {' '.join(command)}\n"
            f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        )
    return elapsed


def empty_book(target: Path) -> Path:
    target.mkdir(parents=True)
    (target / "_config.yml").write_text("title: Empty\nonly_build_toc_files: true\n")
    (target / "_toc.yml").write_text("format: jb-book\nroot: index\n")
    (target / "index.md").write_text("# Empty\n\nOne page.\n")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--suite-runs", type=int, default=3)
    parser.add_argument("--skip", default="", help="comma-separated: suite, setup")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    env = {k: v for k, v in os.environ.items() if k != "EGOV_REPRO_FIGURES_DIR"}
    chapters = 1 + len(list((ROOT / "chapters").glob("*.ipynb")))
    times: dict[str, list[float]] = {k: [] for k in ("floor", "cold", "noop", "figures")}
    with tempfile.TemporaryDirectory(prefix="egov-bench-") as tmp:
        tmp = Path(tmp)
        for run in range(args.runs):
            floor = empty_book(tmp / f"empty{run}")
            times["floor"].append(timed([str(BIN / "jupyter-book"), "build", "."], floor, env))
            project = copy(BOOK_FILES, tmp / f"book{run}")
            book = [str(BIN / "egov-repro"), "book", "--root", str(project)]
            times["cold"].append(timed(book, project, env))
            times["noop"].append(timed(book, project, env))
            times["figures"].append(
                timed(
                    [str(BIN / "egov-repro"), "figures", "--out", str(tmp / f"figures{run}")],
                    ROOT,
                    env,
                )
            )
        if "suite" not in skip:
            times["suite"] = [
                timed([sys.executable, "-m", "pytest", "-q"], ROOT, env)
                for _ in range(args.suite_runs)
            ]
        if "setup" not in skip:
            times["setup"] = []
            for run in range(args.runs):
                fresh = copy(ENV_FILES, tmp / f"env{run}")
                times["setup"].append(timed(["make", "env"], fresh, env))
    median = {k: statistics.median(v) for k, v in times.items()}
    report = {
        "date": dt.date.today().isoformat(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.platform(),
        "chapters_executed": chapters,
        "runs": {k: len(v) for k, v in times.items()},
        "median_seconds": median,
        "all_seconds": times,
        "noop_over_floor": median["noop"] / median["floor"],
        "cold_per_chapter_above_floor": (median["cold"] - median["floor"]) / chapters,
    }
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(report, indent=2) + "\n")
    labels = {
        "cold": "cold full build (clean tree)",
        "noop": "no-op rebuild",
        "floor": "floor: empty one-page Jupyter Book",
        "figures": "egov-repro figures",
        "suite": "whole test suite (make test's pytest)",
        "setup": "fresh environment setup (make env, warm package cache)",
    }
    print(
        f"Machine: {report['cores']} cores, Python {report['python']}, "
        f"{report['machine']}; {report['date']}.\n"
    )
    print("| what | median (s) | runs |\n|---|---:|---:|")
    for key, label in labels.items():
        if key in median:
            print(f"| {label} | {median[key]:.1f} | {len(times[key])} |")
    print(
        f"\nNo-op rebuild = {report['noop_over_floor']:.2f} x the floor; cold build costs "
        f"{report['cold_per_chapter_above_floor']:.2f} s per executed notebook above the "
        f"floor ({chapters} notebooks)."
    )


if __name__ == "__main__":
    main()
