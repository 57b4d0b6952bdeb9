"""Figures: their tables, ids, parameter checks, legibility, determinism, atomicity,
regression against the committed files, and the whole grid of parameters."""

from __future__ import annotations

import functools
import subprocess
import sys

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.testing.compare import compare_images

from egov_repro import load_egdi, region_names
from egov_repro.cli import main
from egov_repro.data import datasets, maintain
from egov_repro.plots import figures
from egov_repro.plots.plotting import HIGHLIGHT

from conftest import ROOT, text_problems

# Regenerated PNGs must match the committed ones within this RMS difference (0-255
# scale). They are byte-identical on one machine; the tolerance absorbs anti-aliasing
# differences of another FreeType build, while any change of content (a bar, a label)
# moves the RMS far above it.
PNG_TOLERANCE = 1.0
EDITIONS = datasets.editions_in(load_egdi())
# The default figures' names, for test ids, without drawing them at collection.
DEFAULT_NAMES = [make.func.__name__ for make in figures.all_figures()]
# A region a maintainer might add: Pacific island states, without Indonesia.
PACIFIC = ["FJI", "KIR", "PNG", "SLB", "TON", "TUV", "VUT", "WSM"]


@functools.cache
def default_ids() -> set[str]:
    ids = set()
    for make in figures.all_figures():
        figure = make()
        ids.add(figure.id)
        plt.close(figure.fig)
    return ids


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


# --- the paper's figures -------------------------------------------------------------


def test_figure1_table_lists_eleven_countries_with_un_values():
    table = figures.figure1().table.set_index("iso3")
    assert len(table) == 11
    assert table.at["IDN", "regional_rank"] == 5
    assert (table.at["IDN", "egdi"], table.at["IDN", "egdi_rank"]) == (0.716, 77)
    assert not table.at["VNM", "in_paper_chart"] and table["in_paper_chart"].sum() == 10


def test_committed_figure1_csv():
    csv = pd.read_csv(ROOT / "figures" / "fig1-southeast-asia-egdi-2022.csv")
    assert list(csv.columns) == [
        "regional_rank",
        "iso3",
        "country",
        "label",
        "egdi",
        "egdi_rank",
        "in_paper_chart",
    ]
    egdi = load_egdi().query("year == 2022").set_index("iso3")
    assert len(csv) == 11
    for row in csv.itertuples():
        assert (row.egdi, row.egdi_rank) == (
            egdi.at[row.iso3, "egdi"],
            egdi.at[row.iso3, "egdi_rank"],
        )
    assert csv.set_index("iso3").at["IDN", "regional_rank"] == 5


def test_committed_figure3_csv_has_indonesias_published_ranks():
    csv = pd.read_csv(ROOT / "figures" / "fig3-indonesia-egdi-trend.csv").set_index("year")
    published = {
        2003: 70,
        2008: 106,
        2010: 109,
        2012: 97,
        2014: 106,
        2016: 116,
        2018: 107,
        2020: 88,
        2022: 77,
        2024: 64,
    }
    assert {y: csv.at[y, "egdi_rank"] for y in published} == published


def test_ids_name_non_default_parameters():
    assert figures.figure1().id == "fig1-southeast-asia-egdi-2022"
    assert figures.figure1(2024).id == "fig1-southeast-asia-egdi-2024"
    assert figures.figure1(lang="en").id == "fig1-southeast-asia-egdi-2022-en"
    assert figures.figure1(region="asean-10").id == "fig1-asean-10-egdi-2022"
    assert figures.figure1(focus="VNM").id == "fig1-southeast-asia-egdi-2022-vnm"
    assert figures.figure2().id == "fig2-top10-provinces-pegi-2016"
    assert figures.figure2("en").id == "fig2-top10-provinces-pegi-2016-en"
    assert figures.figure3().id == "fig3-indonesia-egdi-trend"
    assert figures.figure3(2024, lang="en").id == "fig3-indonesia-egdi-trend-2024-en"
    assert figures.components_figure((2022, 2024)).id == "components-southeast-asia-2022-2024"


@pytest.mark.parametrize("call, message", [
    (lambda: figures.figure1(2021), "Valid survey years: 2003, 2004"),
    (lambda: figures.figure1(region="europe"), "Valid regions: asean, asean-10"),
    (lambda: figures.figure1(lang="fr"), "Valid languages: en, id"),
    (lambda: figures.figure1(focus="XYZ"), "Unknown ISO3 country code 'XYZ'"),
    (lambda: figures.figure3(2019), "Valid survey years"),
    (lambda: figures.components_figure((2022, 2022)), "Two different survey editions"),
    (lambda: figures.profile_figure("XYZ"), "Unknown ISO3 country code 'XYZ'"),
])  # fmt: skip
def test_invalid_parameters_list_valid_values(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_world_ranking_is_readable_top_bottom_and_focus():
    table = figures.figure1(2022, "world", "en").table
    assert len(table) <= figures.MAX_ROWS
    assert table["egdi_rank"].iloc[0] == 1 and "IDN" in set(table["iso3"])
    assert table["iso3"].iloc[-1] == "SSD"


def highlighted_bars(figure) -> list[str]:
    """The countries whose bar is drawn in the focus colour, top to bottom."""
    from matplotlib.colors import same_color
    from matplotlib.patches import Rectangle

    ax = figure.fig.axes[0]
    bars = sorted(
        (p for p in ax.patches if isinstance(p, Rectangle) and p.get_width() > 0),
        key=lambda p: -p.get_y(),
    )
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert len(bars) == len(ticks) == len(figure.table), figure.id
    return [
        code
        for bar, code in zip(bars, figure.table["iso3"], strict=True)
        if same_color(bar.get_facecolor(), HIGHLIGHT)
    ]


def test_the_focus_country_and_only_it_is_highlighted(pacific_data):
    assert highlighted_bars(figures.figure1(2022, lang="en")) == ["IDN"]
    viet_nam = figures.figure1(2022, lang="en", focus="VNM")
    assert highlighted_bars(viet_nam) == ["VNM"]
    # In a region without Indonesia (the default focus), no bar is red.
    pacific = figures.figure1(2022, "pacific", "en", data_dir=pacific_data)
    assert "IDN" not in set(pacific.table["iso3"]) and len(pacific.table) > 1
    assert highlighted_bars(pacific) == []
    fiji = figures.figure1(2022, "pacific", "en", focus="FJI", data_dir=pacific_data)
    assert highlighted_bars(fiji) == ["FJI"]


@pytest.mark.slow
def test_figures_drawn_in_parallel_equal_those_drawn_one_by_one(tmp_path):
    """`egov-repro figures` draws the figures in forked workers, one per core; drawn
    one after the other, in this process, every file is byte for byte the same: the
    figures are deterministic and the workers change nothing."""
    command = [sys.executable, "-m", "egov_repro", "figures", "--out", str(tmp_path / "a")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    listed = [line.split(":")[0] for line in result.stdout.splitlines()]
    written = figures.render_all(tmp_path / "b", workers=1)
    assert listed == [figure_id for figure_id, _ in written]  # in catalogue order
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    assert names == sorted(f"{i}.{ext}" for i in listed for ext in ("csv", "png", "svg"))
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


@pytest.mark.slow
def test_bad_data_met_in_a_worker_is_reported_like_anywhere_else(tmp_path, data_copy):
    """Figure 2 reads the PeGI table inside a worker process: its error crosses back
    and is printed as the one-line message naming the file, with no traceback."""
    pegi = next((data_copy / "raw").glob("pegi*.csv"))
    data = pegi.read_bytes()
    last_zero = data.rindex(b"0")  # the last row's place in the paper's chart: 10 -> 11
    pegi.write_bytes(data[:last_zero] + b"1" + data[last_zero + 1 :])
    command = [sys.executable, "-m", "egov_repro", "figures", "--data-dir", str(data_copy)]
    command += ["--out", str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr.startswith("egov-repro figures: error: ")
    assert f"{pegi}, line 11, column 'paper_order'" in result.stderr
    assert "expected a value in [1, 10], found 11." in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("make", figures.all_figures(), ids=DEFAULT_NAMES)
def test_regenerated_figures_match_committed(tmp_path, make):
    figure = make()
    written = figure.save(tmp_path)
    committed = ROOT / "figures" / f"{figure.id}.png"
    assert compare_images(str(committed), str(written["png"]), tol=PNG_TOLERANCE) is None
    assert written["csv"].read_bytes() == (ROOT / "figures" / f"{figure.id}.csv").read_bytes()


def test_interrupted_save_leaves_previous_files(tmp_path, monkeypatch):
    figure = figures.figure2()
    figure.save(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(figure.fig, "savefig", broken)
    with pytest.raises(KeyboardInterrupt):
        figure.save(tmp_path)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after == before, "no partial or temporary file may be left behind"


@pytest.mark.slow
def test_figures_of_other_data_go_beside_that_data(tmp_path, data_copy, monkeypatch):
    """`egov-repro figures --data-dir OTHER` writes into OTHER/../figures, never ./figures."""
    monkeypatch.delenv("EGOV_REPRO_FIGURES_DIR")
    monkeypatch.chdir(ROOT)
    before = {p.name: p.stat().st_mtime_ns for p in (ROOT / "figures").iterdir()}
    assert main(["figures", "--data-dir", str(data_copy)]) == 0
    assert {p.name: p.stat().st_mtime_ns for p in (ROOT / "figures").iterdir()} == before
    assert (data_copy.parent / "figures" / "fig1-southeast-asia-egdi-2022.csv").is_file()


def test_svg_has_no_date_or_version(tmp_path):
    figure = figures.figure2()
    svg = figure.save(tmp_path)["svg"].read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


# --- the whole grid: every edition x region x language -----------------------------


@pytest.fixture(scope="module")
def pacific_data(tmp_path_factory):
    """A copy of the data with a region a maintainer added, which has no Indonesia."""
    import shutil

    data = tmp_path_factory.mktemp("pacific") / "data"
    shutil.copytree(ROOT / "data", data)
    regions = data / "raw" / "regions.csv"
    regions.write_text(regions.read_text() + "".join(f"pacific,{c},\n" for c in PACIFIC))
    maintain.register("raw/regions.csv", data)
    return data


GRID = [
    (year, region, lang)
    for year in EDITIONS
    for region in [*region_names(), "pacific"]
    for lang in ("id", "en")
]


def _grid_figures(year, region, lang, data):
    later = EDITIONS[-1] if year != EDITIONS[-1] else EDITIONS[-2]
    return [
        figures.figure1(year, region, lang, data_dir=data),
        figures.figure3(year, region, lang, data_dir=data),
        figures.components_figure((year, later), region, lang, data_dir=data),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("year, region, lang", GRID, ids=lambda v: str(v))
def test_grid_renders_legibly_under_its_own_id(year, region, lang, pacific_data):
    data = pacific_data if region == "pacific" else None
    made = _grid_figures(year, region, lang, data)
    default = (year, region, lang) == (2022, "southeast-asia", "id")
    for figure in made:
        assert text_problems(figure.fig) == [], figure.id
        assert not figure.table.empty and figure.caption and figure.alt
        if not default:
            assert figure.id not in default_ids(), figure.id
        plt.close(figure.fig)
    ranking = made[0].table
    if region == "pacific":
        assert set(ranking["iso3"]) <= set(PACIFIC) and "IDN" not in set(ranking["iso3"])
        # The alt text is in the figure's own language.
        assert ("not in the region" if lang == "en" else "tidak termasuk kawasan") in made[0].alt
    elif region in ("southeast-asia", "asean-10", "asean"):
        assert "IDN" in set(ranking["iso3"])


# --- both languages, in the artists and in the saved image ---------------------------

BOTH_LANGUAGES = {
    "figure1": lambda lang: figures.figure1(lang=lang),
    "figure2": lambda lang: figures.figure2(lang),
    "figure3": lambda lang: figures.figure3(lang=lang),
    "components": lambda lang: figures.components_figure(lang=lang),
    "profile": lambda lang: figures.profile_figure("IDN", lang),
}


def ink_at_the_edges(png) -> list[str]:
    """Sides of a saved image where something is drawn in the outermost pixels: a title
    or label running off the canvas shows there, whatever the artists report."""
    import matplotlib.image as mpimg
    import numpy as np

    image = mpimg.imread(png)[..., :3]
    background = image[0, 0]
    sides = {
        "top": image[:2],
        "bottom": image[-2:],
        "left": image[:, :2],
        "right": image[:, -2:],
    }
    return [side for side, pixels in sides.items() if np.abs(pixels - background).max() > 0.05]


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("name", list(BOTH_LANGUAGES))
def test_every_figure_is_legible_in_both_languages(name, lang, tmp_path):
    figure = BOTH_LANGUAGES[name](lang)
    assert text_problems(figure.fig) == [], (figure.id, text_problems(figure.fig))
    saved = figure.save(tmp_path)
    assert ink_at_the_edges(saved["png"]) == [], figure.id


def test_the_edge_check_sees_a_title_that_runs_off_the_canvas(tmp_path):
    figure = figures.figure2("id")
    figure.fig.suptitle("x" * 200, x=0.02, ha="left")
    figure.fig.savefig(tmp_path / "cut.png")
    assert "right" in ink_at_the_edges(tmp_path / "cut.png")
