"""Measure what a reader and a maintainer wait for, as ratios of two timings taken in the
same run (so that a busy or a slow machine moves both), each the median over the runs.

  cold vs plain     egov-repro book on a fresh copy of the project (no _build/), against
                    a plain `jupyter-book build .` of another fresh copy
  cold per notebook (cold egov-repro book - floor) / executed notebooks, in seconds;
                    floor = a Jupyter Book build of an empty one-page book
  no-op vs floor    egov-repro book again, nothing changed, against the floor
  figures           egov-repro figures --out <tmp>, against
                    python -c "import pandas, matplotlib.pyplot, seaborn"
  test suite        CI=true pytest (make test's run), seconds; pytest's ten slowest tests
  Lighthouse        mobile performance and largest contentful paint of the built site
  setup             make env on a copy with no .venv (package cache as it is: warm)

Usage: python benchmarks/run.py [--runs N] [--skip suite,lighthouse,setup]
Prints a Markdown table (for the README's performance section) with each target and
whether it is met, and writes every timing to benchmarks/results/latest.json.

To add a measurement: a function that takes the Context and returns seconds (or a ratio)
in MEASURES, and a row in ROWS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from egov_repro.book.contents import BOOK_FILES, notebooks

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ENV_FILES = ["Makefile", "pyproject.toml", "requirements.txt", "requirements.lock", "README.md"]
ENV_FILES += ["requirements-uv.lock"]  # uv itself, installed by its hashes
IMPORTS = "import pandas, matplotlib.pyplot, seaborn"


@dataclass
class Context:
    tmp: Path
    env: dict
    run: int
    times: dict[str, list[float]] = field(default_factory=dict)
    built: Path | None = None  # the last project egov-repro book built (for Lighthouse)
    slowest: list[str] = field(default_factory=list)  # pytest's ten slowest tests

    def record(self, key: str, seconds: float) -> float:
        self.times.setdefault(key, []).append(seconds)
        return seconds


def copy(names: list[str], target: Path) -> Path:
    target.mkdir(parents=True)
    for name in names:
        source = ROOT / name
        if not source.exists():
            continue
        if source.is_dir():
            shutil.copytree(
                source,
                target / name,
                ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"),
            )
        else:
            shutil.copy2(source, target / name)
    return target


def timed(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, str]:
    """Seconds a command takes, and its output; a failing command stops the benchmark."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(
            f"benchmark command failed: {' '.join(command)}\n"
            f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        )
    return elapsed, result.stdout


def empty_book(target: Path) -> Path:
    target.mkdir(parents=True)
    (target / "_config.yml").write_text("title: Empty\nonly_build_toc_files: true\n")
    (target / "_toc.yml").write_text("format: jb-book\nroot: index\n")
    (target / "index.md").write_text("# Empty\n\nOne page.\n")
    return target


# --- measurements: each records its timings and returns nothing ----------------------


def measure_builds(ctx: Context) -> None:
    """floor, plain cold build, egov-repro cold build, no-op rebuild: one after the other."""
    floor = empty_book(ctx.tmp / f"empty{ctx.run}")
    ctx.record("floor", timed([str(BIN / "jupyter-book"), "build", "."], floor, ctx.env)[0])
    plain = copy(BOOK_FILES, ctx.tmp / f"plain{ctx.run}")
    ctx.record("plain", timed([str(BIN / "jupyter-book"), "build", "."], plain, ctx.env)[0])
    project = copy(BOOK_FILES, ctx.tmp / f"book{ctx.run}")
    book = [str(BIN / "egov-repro"), "book", "--root", str(project)]
    ctx.record("cold", timed(book, project, ctx.env)[0])
    ctx.record("noop", timed(book, project, ctx.env)[0])
    ctx.built = project
    # The same cold build, English edition only: what the second edition costs.
    english = copy(BOOK_FILES, ctx.tmp / f"english{ctx.run}")
    alone = [str(BIN / "egov-repro"), "book", "--root", str(english), "--edition", "en"]
    ctx.record("english", timed(alone, english, ctx.env)[0])


def measure_pdf(ctx: Context) -> None:
    """`egov-repro pdf` (both editions) on the book the builds measurement just built."""
    if ctx.built is None:
        return
    out = ctx.tmp / f"pdf{ctx.run}"
    pdf = [str(BIN / "egov-repro"), "pdf", "--root", str(ctx.built), "--out", str(out)]
    # The copy is no git checkout: date the PDF by this repository's last commit.
    date = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    env = {**ctx.env, "SOURCE_DATE_EPOCH": date or "0"}
    ctx.record("pdf", timed(pdf, ctx.built, env)[0])


def measure_figures(ctx: Context) -> None:
    ctx.record("imports", timed([sys.executable, "-c", IMPORTS], ROOT, ctx.env)[0])
    figures = [str(BIN / "egov-repro"), "figures", "--out", str(ctx.tmp / f"figures{ctx.run}")]
    ctx.record("figures", timed(figures, ROOT, ctx.env)[0])


def measure_suite(ctx: Context) -> None:
    env = {**ctx.env, "CI": "true"}
    seconds, output = timed(
        [sys.executable, "-m", "pytest", "-n", "2", "-q", "--durations=10"], ROOT, env
    )
    ctx.record("suite", seconds)
    block = output.split("slowest 10 durations", 1)[-1].split("\n=", 1)[0]
    ctx.slowest = [line for line in block.splitlines() if re.match(r"\s*\d+\.\d+s ", line)]


def measure_lighthouse(ctx: Context) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import lighthouse

    from egov_repro.site.serve import serve

    if ctx.built is None or not lighthouse.LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse needs a built book and `npm ci --prefix benchmarks`")
    server, base = serve(ctx.built / "_build" / "html")
    try:
        for page in lighthouse.PAGES:
            scores = lighthouse.lighthouse(
                str(lighthouse.LIGHTHOUSE), base + page, "mobile", ["performance"]
            )
            ctx.record(f"lighthouse:{page}", scores["performance"])
            ctx.record(f"lcp:{page}", scores["lcp_s"])
    finally:
        server.shutdown()


def measure_setup(ctx: Context) -> None:
    fresh = copy([*ENV_FILES, "src"], ctx.tmp / f"env{ctx.run}")
    ctx.record("setup", timed(["make", "env"], fresh, ctx.env)[0])


# name -> (function, runs it takes part in: "all" or "once")
MEASURES = {
    "builds": (measure_builds, "all"),
    "pdf": (measure_pdf, "all"),
    "figures": (measure_figures, "all"),
    "lighthouse": (measure_lighthouse, "once"),
    "suite": (measure_suite, "once"),
    "setup": (measure_setup, "all"),
}


def median_ratio(times: dict, top: str, bottom: str) -> float:
    """The median over runs of top/bottom, each pair taken in the same run."""
    return statistics.median(a / b for a, b in zip(times[top], times[bottom], strict=True))


def per_notebook(times: dict, count: int) -> float:
    pairs = zip(times["cold"], times["floor"], strict=True)
    return statistics.median((cold - floor) / count for cold, floor in pairs)


# (what, value from the timings, format, target as text, met?)
ROWS = [
    (
        "cold `egov-repro book`, against a plain `jupyter-book build .` of the same book",
        lambda t, n: median_ratio(t, "cold", "plain"),
        "{:.2f}x",
        "<= 0.5x",
        lambda v: v <= 0.5,
        ["cold", "plain"],
    ),
    (
        "cold build of both editions (`egov-repro book`), against the English edition "
        "alone (`--edition en`)",
        lambda t, n: median_ratio(t, "cold", "english"),
        "{:.2f}x",
        "<= 1.25x",
        lambda v: v <= 1.25,
        ["cold", "english"],
    ),
    (
        "`egov-repro pdf` (both editions), against the cold HTML build",
        lambda t, n: median_ratio(t, "pdf", "cold"),
        "{:.2f}x",
        "<= 2x",
        lambda v: v <= 2,
        ["pdf", "cold"],
    ),
    (
        "cold build, per executed notebook above the empty-book floor",
        per_notebook,
        "{:.2f} s",
        "<= 1.2 s",
        lambda v: v <= 1.2,
        ["cold", "floor"],
    ),
    (
        "no-op rebuild, against the empty one-page book's build",
        lambda t, n: median_ratio(t, "noop", "floor"),
        "{:.2f}x",
        "<= 1.2x",
        lambda v: v <= 1.2,
        ["noop", "floor"],
    ),
    (
        f'`egov-repro figures`, against `python -c "{IMPORTS}"`',
        lambda t, n: median_ratio(t, "figures", "imports"),
        "{:.2f}x",
        "<= 2x",
        lambda v: v <= 2,
        ["figures", "imports"],
    ),
    (
        "`CI=true` test suite (make test's pytest, 2 workers)",
        lambda t, n: statistics.median(t["suite"]),
        "{:.0f} s",
        "<= 180 s",
        lambda v: v <= 180,
        ["suite"],
    ),
    (
        "Lighthouse mobile performance, lowest of the audited pages",
        lambda t, n: min(v for k, vs in t.items() if k.startswith("lighthouse:") for v in vs),
        "{:.0f}",
        ">= 98",
        lambda v: v >= 98,
        ["lighthouse:intro.html"],
    ),
    (
        "Lighthouse mobile largest contentful paint, slowest page",
        lambda t, n: max(v for k, vs in t.items() if k.startswith("lcp:") for v in vs),
        "{:.1f} s",
        "<= 2.0 s",
        lambda v: v <= 2.0,
        ["lcp:intro.html"],
    ),
    (
        "fresh environment setup (make env, warm package cache)",
        lambda t, n: statistics.median(t["setup"]),
        "{:.0f} s",
        "<= 60 s",
        lambda v: v <= 60,
        ["setup"],
    ),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip", default="", help=f"comma-separated: {', '.join(MEASURES)}")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    env = {k: v for k, v in os.environ.items() if k != "EGOV_REPRO_FIGURES_DIR"}
    count = len(notebooks(ROOT))
    with tempfile.TemporaryDirectory(prefix="egov-bench-") as tmp:
        ctx = Context(Path(tmp), env, 0)
        for run in range(args.runs):
            ctx.run = run
            for name, (measure, when) in MEASURES.items():
                if name not in skip and (when == "all" or run == args.runs - 1):
                    measure(ctx)
        times, slowest = ctx.times, ctx.slowest
    rows = []
    for what, value, fmt, target, met, needs in ROWS:
        if all(key in times for key in needs):
            number = value(times, count)
            rows.append((what, fmt.format(number), target, "met" if met(number) else "not met"))
    report = {
        "date": dt.date.today().isoformat(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.platform(),
        "notebooks_executed": count,
        "runs": args.runs,
        "seconds": times,
        "rows": rows,
        "slowest_tests": slowest,
    }
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(report, indent=2) + "\n")
    print(
        f"Machine: {report['cores']} cores, Python {report['python']}, {report['machine']}; "
        f"{report['date']}; median of {args.runs} runs, {count} notebooks.\n"
    )
    print("| what | measured | target | |\n|---|---:|---:|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("\nSeconds (median):")
    for key, values in times.items():
        print(f"  {key}: {statistics.median(values):.2f} ({len(values)} runs)")
    if slowest:
        print("\nThe ten slowest tests (pytest --durations=10):")
        print("\n".join(slowest))


if __name__ == "__main__":
    main()
