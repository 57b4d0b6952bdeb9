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

from egov_repro import atomic
from egov_repro.datasets import format_table

HIGHLIGHT = "#c8102e"  # Indonesia: the red of its flag
BASE = "#8a97a6"  # every other country
OMITTED = "#f2c14e"  # a country the paper's chart leaves out
MEDIAN = "#3b4a5a"
COMPONENT_COLOURS = {"osi": "#2a7fb8", "hci": "#5aa469", "tii": "#e07b39"}

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
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
    import seaborn as sns

    params = dict(sns.axes_style("ticks"))
    params.update(STYLE)
    return plt.rc_context(params)


def source_note(fig, text: str) -> None:
    fig.text(0.01, 0.01, text, ha="left", va="bottom", fontsize=8, color="#555555")


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


def plot_ranking(
    table: pd.DataFrame,
    *,
    title: str,
    source: str,
    rank_label: str,
    highlight: str = "IDN",
    omitted: set[str] = frozenset(),
    omitted_label: str = "",
):
    """Horizontal bars of EGDI, best at the top, each labelled with value and world rank."""
    with house_style():
        fig, ax = plt.subplots(figsize=(7.5, 0.42 * len(table) + 1.6))
        y = range(len(table))[::-1]
        ax.barh(
            list(y),
            table["egdi"],
            color=_bar_colours(table["iso3"], highlight, omitted),
            height=0.7,
        )
        ax.set_yticks(list(y), table["label"])
        for yi, (_, row) in zip(y, table.iterrows(), strict=True):
            text = f"{row['egdi']:.4f}  ({rank_label} {int(row['egdi_rank'])})"
            weight = "bold" if row["iso3"] == highlight else "normal"
            ax.text(row["egdi"] + 0.01, yi, text, va="center", fontsize=8.5, fontweight=weight)
        for tick in ax.get_yticklabels():
            if tick.get_text() == table.loc[table["iso3"] == highlight, "label"].squeeze():
                tick.set_fontweight("bold")
                tick.set_color(HIGHLIGHT)
        if omitted and omitted_label:
            from matplotlib.patches import Patch

            names = ", ".join(table.loc[table["iso3"].isin(omitted), "label"])
            ax.legend(
                handles=[Patch(color=OMITTED, label=f"{names}: {omitted_label}")],
                loc="lower right",
                fontsize=8.5,
                frameon=False,
            )
        ax.set_xlim(0, 1.45)
        ax.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
        ax.set_xlabel("EGDI (0-1)")
        ax.set_title(title, loc="left")
        source_note(fig, source)
        fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def plot_provinces(table: pd.DataFrame, *, title: str, axis_label: str, source: str):
    """Horizontal bars of the ten provinces' scores, in the paper's order."""
    with house_style():
        fig, ax = plt.subplots(figsize=(7.5, 5.4))
        y = list(range(len(table)))[::-1]
        ax.barh(y, table["score"], color=BASE, height=0.7)
        ax.set_yticks(y, table["province"])
        for yi, value in zip(y, table["score"], strict=True):
            ax.text(value + 0.03, yi, f"{value:.2f}", va="center", fontsize=8.5)
        ax.set_xlim(0, 4)
        ax.set_xlabel(axis_label, fontsize=8.5)
        ax.set_title(title, loc="left")
        source_note(fig, source)
        fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def plot_trend(
    table: pd.DataFrame,
    *,
    title: str,
    labels: dict[str, str],
    source: str,
    median_labels: dict[str, str],
    mark_year: int | None = None,
):
    """Top: EGDI, its three components and group medians; bottom: the world rank."""
    years = table["year"].astype(int).tolist()
    with house_style():
        fig, (top, bottom) = plt.subplots(
            2, 1, figsize=(8, 7), sharex=True, gridspec_kw={"height_ratios": [2.2, 1]}
        )
        for component, colour in COMPONENT_COLOURS.items():
            top.plot(
                years,
                table[component],
                color=colour,
                lw=1.3,
                marker="o",
                ms=3,
                label=labels[component],
            )
        for (column, text), style in zip(median_labels.items(), ["--", ":"], strict=False):
            top.plot(years, table[column], color=MEDIAN, lw=1.3, ls=style, label=text)
        top.plot(
            years, table["egdi"], color=HIGHLIGHT, lw=2.6, marker="o", ms=5, label=labels["egdi"]
        )
        top.set_ylim(0, 1.05)
        top.set_ylabel(labels["index_value"])
        top.legend(loc="upper left", fontsize=8, frameon=False, ncol=2)
        top.set_title(title, loc="left")
        bottom.plot(
            years, table["egdi_rank"].astype(float), color=HIGHLIGHT, lw=1.8, marker="o", ms=4
        )
        for year, rank in zip(years, table["egdi_rank"], strict=True):
            if pd.notna(rank):
                bottom.annotate(
                    str(int(rank)),
                    (year, rank),
                    textcoords="offset points",
                    xytext=(0, 6),
                    ha="center",
                    fontsize=8,
                )
        bottom.invert_yaxis()
        bottom.set_ylabel(labels["world_rank"])
        bottom.set_xlabel(labels["survey_year"])
        bottom.set_xticks(years, [str(y) for y in years], rotation=45)
        if mark_year is not None and mark_year in years:
            row = table[table["year"] == mark_year].iloc[0]
            for ax in (top, bottom):
                ax.axvline(mark_year, color="#bbbbbb", lw=0.8, zorder=0)
            top.annotate(
                f"{mark_year}: {row['egdi']:.4f}",
                (mark_year, row["egdi"]),
                textcoords="offset points",
                xytext=(-8, 10),
                ha="right",
                fontsize=8.5,
                fontweight="bold",
                color=HIGHLIGHT,
            )
        source_note(fig, source)
        fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def plot_components(
    long: pd.DataFrame,
    *,
    order: list[str],
    labels: dict[str, str],
    title: str,
    source: str,
    highlight: str = "IDN",
):
    """Small multiples (OSI, HCI, TII): each country's value in two editions, joined."""
    years = sorted(long["year"].unique())
    markers = dict(zip(years, ["o", "D", "s"], strict=False))
    fills = dict(zip(years, ["white", None, None], strict=False))
    with house_style():
        fig, axes = plt.subplots(1, 3, figsize=(10, 0.38 * len(order) + 2), sharey=True)
        positions = {code: i for i, code in enumerate(order[::-1])}
        for ax, component in zip(axes, COMPONENT_COLOURS, strict=True):
            part = long[long["component"] == component]
            for code, rows in part.groupby("iso3", sort=True):
                colour = HIGHLIGHT if code == highlight else COMPONENT_COLOURS[component]
                y = positions[code]
                ax.plot(rows["value"], [y] * len(rows), color=colour, lw=1.2, alpha=0.7)
                for year, value in zip(rows["year"], rows["value"], strict=True):
                    ax.scatter(
                        [value],
                        [y],
                        marker=markers[year],
                        s=30,
                        zorder=3,
                        facecolor=fills[year] or colour,
                        edgecolor=colour,
                    )
            ax.set_title(labels[f"{component}_short"], fontsize=10, loc="left")
            ax.set_xlim(0, 1.02)
            ax.grid(axis="x", color="#eeeeee")
        axes[0].set_yticks(list(positions.values()), [labels[f"name:{c}"] for c in positions])
        for tick in axes[0].get_yticklabels():
            if tick.get_text() == labels[f"name:{highlight}"]:
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
        axes[-1].legend(handles=handles, loc="lower right", fontsize=8, frameon=False)
        fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
        source_note(fig, source)
        fig.tight_layout(rect=(0, 0.04, 1, 0.97))
    return fig
