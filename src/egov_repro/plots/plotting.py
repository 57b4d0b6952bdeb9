"""The house style and the figure writer.

One look for every figure (fonts, colours, Indonesia's highlight) and one way to
save it: PNG, SVG and the CSV of exactly what is plotted, written atomically and
byte-for-byte the same on every run (no dates or versions in the files, fixed
SVG hash salt).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

from egov_repro.data import atomic
from egov_repro.data.csvio import format_table
from egov_repro.words.text import number

HIGHLIGHT = "#c8102e"  # Indonesia: the red of its flag
BASE = "#8a97a6"  # every other country
OMITTED = "#f2c14e"  # a country the paper's chart leaves out
MEDIAN = "#3b4a5a"
COMPONENT_COLOURS = {"osi": "#2a7fb8", "hci": "#5aa469", "tii": "#e07b39"}

# Figures are drawn for a phone's column: WIDTH inches shown 342 CSS px wide (a 390-px
# screen) scale text by 342 / (72 * WIDTH), so MIN_FONT points stay above 9 CSS px.
WIDTH = 4.6
MIN_FONT = 9
PHONE_COLUMN_PX = 342
# seaborn's "ticks" style, written out: importing seaborn for it would cost every figure
# command and every chapter's kernel half a second. (Its colormap and sans-serif list are
# left out: no figure draws an image, and the font is named below.)
TICKS = {
    "axes.axisbelow": True,
    "axes.edgecolor": ".15",
    "axes.facecolor": "white",
    "axes.grid": False,
    "axes.labelcolor": ".15",
    "axes.spines.bottom": True,
    "axes.spines.left": True,
    "axes.spines.right": True,
    "axes.spines.top": True,
    "figure.facecolor": "white",
    "font.family": ["sans-serif"],
    "grid.color": ".8",
    "grid.linestyle": "-",
    "lines.solid_capstyle": "round",
    "patch.edgecolor": "w",
    "patch.force_edgecolor": True,
    "text.color": ".15",
    "xtick.bottom": True,
    "xtick.color": ".15",
    "xtick.direction": "out",
    "xtick.top": False,
    "ytick.color": ".15",
    "ytick.direction": "out",
    "ytick.left": True,
    "ytick.right": False,
}
STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 9.5,
    "xtick.labelsize": 9.5,
    "ytick.labelsize": 9.5,
    "legend.fontsize": MIN_FONT,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "svg.hashsalt": "egov-repro",
    "svg.fonttype": "path",
    "path.simplify": True,
}
PNG_METADATA = {"Software": None}
SVG_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}


def house_style():
    """A context manager applying the house style (seaborn's 'ticks' + ours)."""
    return plt.rc_context({**TICKS, **STYLE})


def css_px(points: float, width_in: float = WIDTH) -> float:
    """How many CSS px a font of ``points`` measures in a figure ``width_in`` inches wide,
    shown across a phone's column."""
    return points * PHONE_COLUMN_PX / (72 * width_in)


def text_width(text: str, points: float, weight: str = "normal") -> float:
    """How wide ``text`` is, in points, in the house font (measured, not estimated:
    an estimate cut the Indonesian titles, whose words are longer)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    font = FontProperties(family=plt.rcParams["font.family"], size=points, weight=weight)
    width, _, _ = TextToPath().get_text_width_height_descent(text, font, ismath=False)
    return width


def wrap(text: str, points: float, width_in: float = WIDTH, weight: str = "normal") -> str:
    """Break ``text`` into lines that fit the figure's width at ``points`` (a margin of
    4% of the width is left on each side), breaking only between words."""
    room = width_in * 72 * 0.92
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, points, weight) <= room:
            lines[-1] = candidate
        else:
            lines.append(word)
    return "\n".join(lines)


def figure_title(fig, text: str) -> None:
    fig.suptitle(wrap(text, 11, weight="bold"), x=0.02, ha="left", fontsize=11, fontweight="bold")


def source_note(fig, text: str) -> None:
    fig.text(
        0.02, 0.01, wrap(text, MIN_FONT), ha="left", va="bottom", fontsize=MIN_FONT, color="#555555"
    )


def tick_label(name: str) -> str:
    """A country name short enough for a tick label: long ones on two lines."""
    import textwrap

    return textwrap.fill(name, 18, max_lines=2, placeholder="…")


def _layout(fig, bottom: float) -> None:
    fig.tight_layout(rect=(0, bottom, 1, 1))


def save_figure(fig, table: pd.DataFrame, figure_id: str, out_dir) -> dict[str, Path]:
    """Write ``<id>.png``, ``<id>.svg`` and ``<id>.csv`` atomically; return their paths.

    Each file is first written beside its target and moved into place only when
    complete, so an interrupted run leaves the previous figure, never half of one.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = {ext: out_dir / f"{figure_id}.{ext}" for ext in ("png", "svg", "csv")}
    with (
        house_style(),
        atomic.atomic_path(targets["png"]) as png,
        atomic.atomic_path(targets["svg"]) as svg,
    ):
        # The SVG hash salt is read at save time: the house style must be active here.
        fig.savefig(png, format="png", metadata=PNG_METADATA)
        fig.savefig(svg, format="svg", metadata=SVG_METADATA)
        atomic.write_bytes(targets["csv"], format_table(table))
    return targets


def _bar_colours(iso3: pd.Series, highlight: str, omitted: set[str]) -> list[str]:
    return [HIGHLIGHT if c == highlight else OMITTED if c in omitted else BASE for c in iso3]


def _positions(index: pd.Index) -> tuple[list[float], list[tuple[float, int]]]:
    """y positions (best at the top) with an empty slot where rows were left out, and
    (slot, how many left out) for each gap."""
    y, gaps, slot = [], [], 0.0
    previous = None
    for i in index:
        if previous is not None and i - previous > 1:
            gaps.append((slot, int(i - previous - 1)))
            slot += 1
        y.append(slot)
        slot += 1
        previous = i
    top = slot - 1
    return [top - v for v in y], [(top - g, n) for g, n in gaps]


def plot_ranking(
    table: pd.DataFrame,
    *,
    title: str,
    source: str,
    axis_label: str,
    highlight: str = "IDN",
    omitted: set[str] = frozenset(),
    omitted_label: str = "",
    gap_label=None,
    no_data: str = "no data",
    lang: str = "en",
):
    """Horizontal bars of EGDI, best at the top, each labelled with its value and (in
    brackets) the world rank; rows left out of a long ranking are marked by a gap."""
    y, gaps = _positions(table.index)
    with house_style():
        fig, ax = plt.subplots(figsize=(WIDTH, 0.3 * (len(y) + len(gaps)) + 1.9))
        ax.barh(
            y, table["egdi"], color=_bar_colours(table["iso3"], highlight, omitted), height=0.72
        )
        ax.set_yticks(y, [tick_label(n) for n in table["label"]])
        for yi, (_, row) in zip(y, table.iterrows(), strict=True):
            weight = "bold" if row["iso3"] == highlight else "normal"
            if pd.isna(row["egdi"]):  # a published 0, stored as "no data"
                ax.text(
                    0.015,
                    yi,
                    f"{no_data} ({int(row['egdi_rank'])})",
                    va="center",
                    fontsize=MIN_FONT,
                    style="italic",
                    color="#555555",
                )
                continue
            ax.text(
                row["egdi"] + 0.015,
                yi,
                f"{number(row['egdi'], 4, lang)} ({int(row['egdi_rank'])})",
                va="center",
                fontsize=MIN_FONT,
                fontweight=weight,
            )
        for slot, n in gaps:
            ax.text(
                0.02,
                slot,
                f"… {gap_label(n) if gap_label else n} …",
                va="center",
                fontsize=MIN_FONT,
                style="italic",
                color="#555555",
            )
        labels = {tick_label(n): c for n, c in zip(table["label"], table["iso3"], strict=True)}
        for tick in ax.get_yticklabels():
            if labels.get(tick.get_text()) == highlight:
                tick.set_fontweight("bold")
                tick.set_color(HIGHLIGHT)
        bottom = 0.07
        if omitted and omitted_label:
            from matplotlib.patches import Patch

            names = ", ".join(table.loc[table["iso3"].isin(omitted), "label"])
            fig.legend(
                handles=[
                    Patch(
                        color=OMITTED,
                        label=wrap(f"{names}: {omitted_label}", MIN_FONT, WIDTH * 0.85),
                    )
                ],
                loc="lower left",
                bbox_to_anchor=(0.02, 0.05),
                frameon=False,
            )
            bottom = 0.13
        ax.set_xlim(0, 1.4)
        ax.set_ylim(-0.6, max(y) + 0.6)
        ax.set_xticks(
            [0, 0.25, 0.5, 0.75, 1.0], ["0", *_decimals(["0.25", "0.5", "0.75"], lang), "1"]
        )
        ax.set_xlabel(axis_label)
        figure_title(fig, title)
        source_note(fig, source)
        _layout(fig, bottom)
    return fig


def _decimals(texts: list[str], lang: str) -> list[str]:
    """Tick texts with the decimal separator of ``lang`` (0.5 / 0,5)."""
    return texts if lang == "en" else [t.replace(".", ",") for t in texts]


def plot_provinces(
    table: pd.DataFrame, *, title: str, axis_label: str, source: str, lang: str = "en"
):
    """Horizontal bars of the ten provinces' scores, in the paper's order."""
    with house_style():
        fig, ax = plt.subplots(figsize=(WIDTH, 4.6))
        y = list(range(len(table)))[::-1]
        ax.barh(y, table["score"], color=BASE, height=0.72)
        ax.set_yticks(y, table["province"])
        for yi, value in zip(y, table["score"], strict=True):
            ax.text(value + 0.05, yi, number(value, 2, lang), va="center", fontsize=MIN_FONT)
        ax.set_xlim(0, 4)
        ax.set_xlabel(wrap(axis_label, 9.5, WIDTH * 0.6))
        figure_title(fig, title)
        source_note(fig, source)
        _layout(fig, 0.08)
    return fig


def plot_trend(
    table: pd.DataFrame,
    *,
    title: str,
    labels: dict[str, str],
    source: str,
    median_labels: dict[str, str],
    mark_year: int | None = None,
    lang: str = "en",
):
    """Top: EGDI, its three components and group medians; bottom: the world rank.
    The legend sits under the chart, where it cannot cover a line."""
    years = table["year"].astype(int).tolist()
    with house_style():
        fig, (top, bottom) = plt.subplots(
            2, 1, figsize=(WIDTH, 6.4), sharex=True, gridspec_kw={"height_ratios": [2.1, 1]}
        )
        for component, colour in COMPONENT_COLOURS.items():
            top.plot(
                years,
                table[component],
                color=colour,
                lw=1.3,
                marker="o",
                ms=3,
                label=labels[f"{component}_short"],
            )
        for (column, text), style in zip(median_labels.items(), ["--", ":"], strict=False):
            top.plot(years, table[column], color=MEDIAN, lw=1.3, ls=style, label=text)
        top.plot(years, table["egdi"], color=HIGHLIGHT, lw=2.6, marker="o", ms=5, label="EGDI")
        top.set_ylim(0, 1.05)
        if lang != "en":
            ticks = [0, 0.2, 0.4, 0.6, 0.8, 1.0]
            top.set_yticks(ticks, [number(t, 1, lang) for t in ticks])
        top.set_ylabel(labels["index_value"])
        bottom.plot(
            years, table["egdi_rank"].astype(float), color=HIGHLIGHT, lw=1.8, marker="o", ms=4
        )
        for year, rank in zip(years, table["egdi_rank"], strict=True):
            if pd.notna(rank):
                bottom.annotate(
                    str(int(rank)),
                    (year, rank),
                    textcoords="offset points",
                    xytext=(0, 5),
                    ha="center",
                    fontsize=MIN_FONT,
                )
        bottom.invert_yaxis()
        bottom.margins(y=0.25)
        bottom.set_ylabel(labels["world_rank"])
        bottom.set_xlabel(labels["survey_year"])
        bottom.set_xticks(years, year_labels(years), rotation=60)
        if mark_year is not None and mark_year in years:
            row = table[table["year"] == mark_year].iloc[0]
            for ax in (top, bottom):
                ax.axvline(mark_year, color="#bbbbbb", lw=0.8, zorder=0)
            top.annotate(
                f"{mark_year}: {number(row['egdi'], 4, lang)}",
                (mark_year, row["egdi"]),
                textcoords="offset points",
                xytext=(-6, 8),
                ha="right",
                fontsize=MIN_FONT,
                fontweight="bold",
                color=HIGHLIGHT,
            )
        handles, texts = top.get_legend_handles_labels()
        fig.legend(
            handles,
            [wrap(t, MIN_FONT, WIDTH / 2 - 0.7) for t in texts],
            loc="lower left",
            bbox_to_anchor=(0.0, 0.06),
            ncol=2,
            frameon=False,
        )
        figure_title(fig, title)
        source_note(fig, source)
        _layout(fig, 0.22)
    return fig


def year_labels(years: list[int], gap: int = 2) -> list[str]:
    """Tick labels for survey years: a year closer than ``gap`` years to the last labelled
    one keeps its tick but no label, so that 2003, 2004 and 2005 do not run into each
    other when a phone shrinks the chart to its width (2003, 2005, 2008, ...)."""
    shown, last = [], None
    for year in years:
        if last is None or year - last >= gap:
            shown.append(str(year))
            last = year
        else:
            shown.append("")
    return shown


def plot_components(
    long: pd.DataFrame,
    *,
    order: list[str],
    labels: dict[str, str],
    title: str,
    source: str,
    highlight: str = "IDN",
    lang: str = "en",
):
    """Small multiples (OSI, HCI, TII): each country's value in two editions, joined."""
    years = sorted(long["year"].unique())
    markers = dict(zip(years, ["o", "D", "s"], strict=False))
    fills = dict(zip(years, ["white", None, None], strict=False))
    with house_style():
        fig, axes = plt.subplots(1, 3, figsize=(WIDTH, 0.27 * len(order) + 2.4), sharey=True)
        positions = {code: i for i, code in enumerate(order[::-1])}
        for ax, component in zip(axes, COMPONENT_COLOURS, strict=True):
            part = long[long["component"] == component]
            points = {year: ([], [], []) for year in years}  # x, y, colour per edition
            for code, rows in part.groupby("iso3", sort=True):
                colour = HIGHLIGHT if code == highlight else COMPONENT_COLOURS[component]
                y = positions[code]
                ax.plot(rows["value"], [y] * len(rows), color=colour, lw=1.2, alpha=0.7)
                for year, value in zip(rows["year"], rows["value"], strict=True):
                    for column, item in zip(points[year], (value, y, colour), strict=True):
                        column.append(item)
            # One marker collection per edition, not one per point: the same picture,
            # drawn in a fraction of the time.
            for year, (xs, ys, colours) in points.items():
                ax.scatter(
                    xs,
                    ys,
                    marker=markers[year],
                    s=22,
                    zorder=3,
                    facecolor=[fills[year] or c for c in colours],
                    edgecolor=colours,
                )
            ax.set_title(component.upper(), fontsize=10, loc="left")
            ax.set_xlim(0, 1.05)
            ax.set_xticks([0, 0.5, 1], ["0", *_decimals(["0.5"], lang), "1"])
            ax.grid(axis="x", color="#eeeeee")
        axes[0].set_yticks(
            list(positions.values()), [tick_label(labels[f"name:{c}"]) for c in positions]
        )
        for tick in axes[0].get_yticklabels():
            if tick.get_text() == tick_label(labels.get(f"name:{highlight}", "")):
                tick.set_color(HIGHLIGHT)
                tick.set_fontweight("bold")
        handles = [
            plt.Line2D(
                [],
                [],
                ls="",
                marker=markers[y],
                color="#444444",
                markerfacecolor=fills[y] or "#444444",
                label=str(y),
            )
            for y in years
        ]
        fig.legend(
            handles=handles, loc="lower right", bbox_to_anchor=(1.0, 0.05), ncol=2, frameon=False
        )
        figure_title(fig, title)
        source_note(fig, source)
        _layout(fig, 0.12)
    return fig
