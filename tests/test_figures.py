"""Figures: their tables, ids, parameter checks, determinism, atomicity and regression."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.testing.compare import compare_images

from egov_repro import figures, load_egdi
from egov_repro.cli import main

from conftest import ROOT

# Regenerated PNGs must match the committed ones within this RMS difference (0-255
# scale). They are byte-identical on one machine; the tolerance absorbs anti-aliasing
# differences of another FreeType build, while any change of content (a bar, a label)
# moves the RMS far above it.
PNG_TOLERANCE = 1.0


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


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


def test_committed_figure3_csv_has_all_editions():
    csv = pd.read_csv(ROOT / "figures" / "fig3-indonesia-egdi-trend.csv")
    assert csv["year"].tolist() == [
        2003,
        2004,
        2005,
        2008,
        2010,
        2012,
        2014,
        2016,
        2018,
        2020,
        2022,
        2024,
    ]
    assert csv["egdi_rank"].tolist() == [70, 85, 96, 106, 109, 97, 106, 116, 107, 88, 77, 64]


def test_ids_name_non_default_parameters():
    assert figures.figure1().id == "fig1-southeast-asia-egdi-2022"
    assert figures.figure1(2024).id == "fig1-southeast-asia-egdi-2024"
    assert figures.figure1(lang="en").id == "fig1-southeast-asia-egdi-2022-en"
    assert figures.figure1(region="asean-10").id == "fig1-asean-10-egdi-2022"
    assert figures.figure2().id == "fig2-top10-provinces-pegi-2016"
    assert figures.figure2("en").id == "fig2-top10-provinces-pegi-2016-en"
    assert figures.figure3().id == "fig3-indonesia-egdi-trend"
    assert figures.figure3(2024, lang="en").id == "fig3-indonesia-egdi-trend-2024-en"


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: figures.figure1(2021), "Valid survey years: 2003, 2004"),
        (lambda: figures.figure1(region="europe"), "Valid regions: asean, asean-10"),
        (lambda: figures.figure1(lang="fr"), "Valid languages: id, en"),
        (lambda: figures.figure3(2019), "Valid survey years"),
        (lambda: figures.profile_figure("XYZ"), "Unknown ISO3 country code 'XYZ'"),
    ],
)
def test_invalid_parameters_list_valid_values(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_two_renders_are_byte_identical(tmp_path):
    for run in ("a", "b"):
        for make in figures.all_figures():
            figure = make()
            figure.save(tmp_path / run)
            plt.close(figure.fig)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(names) == 12
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


@pytest.mark.parametrize("make", figures.all_figures(), ids=lambda m: m().id)
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


def test_cli_figures_writes_every_figure(tmp_path, capsys):
    assert main(["figures", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{make().id}.{ext}" for make in figures.all_figures() for ext in ("csv", "png", "svg")
    )


def test_svg_has_no_date_or_version(tmp_path):
    figure = figures.figure2()
    svg = figure.save(tmp_path)["svg"].read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
