"""The figure catalogue: data -> table -> figure, for the chapters and the CLI alike.

Each ``figure*`` function checks its parameters (an invalid one raises ValueError
listing the valid values), builds exactly the table it plots, draws it, names it, and
writes the caption and alt text a reader sees. The default parameters give the
paper's figure and its fixed id; any other choice gives an id that names the
parameters, so it never overwrites the paper's. "Latest" always means the newest
edition in the data, never a year typed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pandas as pd

from egov_repro.analysis import measures, paper
from egov_repro.analysis.regions import (
    SOUTHEAST_ASIA,
    check_region,
    members_by_edition,
    paper_chart_omissions,
    region_members,
)
from egov_repro.data import paths
from egov_repro.data.countries import suggest
from egov_repro.data.datasets import editions_in, load_egdi, load_pegi_2016, primary_pegi_2016
from egov_repro.plots import plotting
from egov_repro.words.catalogue import say
from egov_repro.words.labels import label
from egov_repro.words.languages import LANGUAGES, PAPER_LANGUAGE
from egov_repro.words.languages import check_language as check_lang
from egov_repro.words.names import display_names
from egov_repro.words.text import join_and

DEFAULT_REGION = SOUTHEAST_ASIA
# Above this many countries a chart shows the top, the bottom and the focus country's
# neighbours, not every bar (the world has 193).
MAX_ROWS = 20
TOP, BOTTOM, AROUND = 8, 4, 2


@dataclass
class Figure:
    id: str
    table: pd.DataFrame  # exactly what is plotted (saved as <id>.csv)
    fig: object
    chapter: str
    caption: str = ""
    alt: str = ""
    data_dir: Path | None = field(default=None, repr=False)

    def save(self, out_dir=None) -> dict[str, Path]:
        """Write PNG, SVG and CSV into ``out_dir``, by default the figures/ folder beside
        the data the figure was made from (never this project's, for other data)."""
        target = out_dir or paths.figures_dir(Path(self.data_dir) if self.data_dir else None)
        return plotting.save_figure(self.fig, self.table, self.id, target)


def _suffix(*parts: str | None) -> str:
    return "".join(f"-{p}" for p in parts if p)


def _lang_suffix(lang: str) -> str | None:
    return None if lang == "id" else lang


def _focus_suffix(focus: str) -> str | None:
    return None if focus == paper.FOCUS else focus.lower()


def check_iso3(iso3: str, data_dir=None) -> str:
    """The ISO3 code upper-cased if it is in the data, else ValueError with close matches."""
    names = display_names(None, data_dir)
    code = str(iso3).strip().upper()
    if code not in names:
        close = suggest(str(iso3), names)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise ValueError(
            f"Unknown ISO3 country code {iso3!r}: no such country in the UN "
            f"E-Government Survey data.{hint}"
        )
    return code


def region_name(region: str, lang: str = "en") -> str:
    return label(f"region:{region}", lang)


def region_phrase(region: str, lang: str = "en") -> str:
    """The region as prose names it: 'countries of the world', 'of ASEAN'."""
    if region == "world":
        return say("figures.region_phrase.world", lang)
    return region_name(region, lang)


def readable_rows(ranking: pd.DataFrame, focus: str) -> pd.DataFrame:
    """All rows of a small ranking; of a large one, the top, the bottom and the focus
    country with its neighbours, so that a chart stays legible."""
    if len(ranking) <= MAX_ROWS:
        return ranking
    keep = set(range(TOP)) | set(range(len(ranking) - BOTTOM, len(ranking)))
    hit = ranking.index[ranking["iso3"] == focus]
    if len(hit):
        at = int(hit[0])
        keep |= set(range(max(at - AROUND, 0), min(at + AROUND + 1, len(ranking))))
    return ranking.loc[sorted(keep)]


def _place_text(table: pd.DataFrame, focus: str, names: dict, region: str, lang: str = "en") -> str:
    row = table[table["iso3"] == focus]
    if row.empty:
        return say("figures.place.absent", lang, name=names.get(focus, focus), region=region)
    row = row.iloc[0]
    return say(
        "figures.place.present",
        lang,
        name=names[focus],
        place=int(row["regional_rank"]),
        egdi=row["egdi"],
        rank=int(row["egdi_rank"]),
    )


# --- Figure 1 ---------------------------------------------------------------------


def southeast_asia_ranking(
    survey_year: int = paper.SURVEY_YEAR,
    region: str = DEFAULT_REGION,
    lang: str = "id",
    data_dir=None,
) -> pd.DataFrame:
    """The table behind Figure 1: a region's countries by EGDI, with world rank and
    whether the paper's chart shows them."""
    check_lang(lang)
    check_region(region, data_dir)
    egdi = load_egdi(data_dir)
    measures.check_year(egdi, survey_year)
    members = region_members(region, survey_year, data_dir)
    table = measures.rank_within_region(egdi, members, survey_year)
    names = display_names(lang, data_dir)
    in_paper = set(region_members(paper.FIGURE1_REGION, data_dir=data_dir))
    table.insert(3, "label", table["iso3"].map(names))
    table["in_paper_chart"] = table["iso3"].isin(in_paper)
    return table[
        ["regional_rank", "iso3", "country", "label", "egdi", "egdi_rank", "in_paper_chart"]
    ]


def figure1(
    survey_year: int = paper.SURVEY_YEAR,
    region: str = DEFAULT_REGION,
    lang: str = "id",
    focus: str = paper.FOCUS,
    data_dir=None,
) -> Figure:
    """Figure 1: a region's countries ranked by EGDI in one edition."""
    focus = check_iso3(focus, data_dir)
    full = southeast_asia_ranking(survey_year, region, lang, data_dir)
    table = readable_rows(full, focus)
    # The paper's omission only means something for the paper's own edition.
    omitted = set()
    if survey_year == paper.SURVEY_YEAR:
        omitted = set(table["iso3"]) & set(paper_chart_omissions(data_dir))
    fig = plotting.plot_ranking(
        table,
        title=label("fig1_title", lang, region=region_name(region, lang), year=survey_year),
        source=label("source_un", lang, years=survey_year),
        axis_label=label("fig1_axis", lang),
        highlight=focus,
        omitted=omitted,
        omitted_label=label("not_in_paper", lang),
        gap_label=lambda n: label("not_shown", lang, n=n),
        no_data=label("no_data", lang),
        lang=lang,
    )
    figure_id = f"fig1-{region}-egdi-{survey_year}" + _suffix(
        _focus_suffix(focus), _lang_suffix(lang)
    )
    names = display_names(lang, data_dir)
    where = region_phrase(region, lang)
    facts = {"where": where, "year": survey_year, "name": names[focus], "n": len(table)}
    parts = [say("figures.fig1.caption", lang, **facts)]
    if omitted:
        left_out = [names[c] for c in sorted(omitted)]
        parts.append(say("figures.fig1.missing", lang, left_out=left_out, count=len(left_out)))
    if len(table) < len(full):
        parts.append(
            say("figures.fig1.shown", lang, top=TOP, bottom=BOTTOM, n_shown=len(table),
                n=len(full), name=names[focus])
        )  # fmt: skip
    caption = " ".join(parts)
    alt = (
        say("figures.fig1.alt", lang, **facts) + " " + _place_text(full, focus, names, where, lang)
    )
    return Figure(
        figure_id, table, fig, "chapters/02-southeast-asia-ranking.ipynb", caption, alt, data_dir
    )


# --- Figure 2 ---------------------------------------------------------------------


def figure2(lang: str = "id", data_dir=None) -> Figure:
    """Figure 2: the ten provinces of the paper's Figure 2 (2016), as the paper prints
    them."""
    check_lang(lang)
    table = load_pegi_2016(data_dir)
    # The provinces under the names the paper prints, the official ones beside them.
    table.insert(2, "official_name", table["province"])
    table["province"] = [
        paper.PROVINCE_NAMES.get(code, name)
        for code, name in zip(table["province_code"], table["official_name"], strict=True)
    ]
    fig = plotting.plot_provinces(
        table,
        title=label("fig2_title", lang),
        axis_label=label("fig2_axis", lang),
        source=label("source_pegi", lang),
        lang=lang,
    )
    figure_id = "fig2-top10-provinces-pegi-2016" + _suffix(_lang_suffix(lang))
    caption = say("figures.fig2.caption", lang, n=len(table))
    first, last = table.iloc[0], table.iloc[-1]
    alt = say(
        "figures.fig2.alt",
        lang,
        n=len(table),
        first=first["province"],
        first_score=first["score"],
        last=last["province"],
        last_score=last["score"],
    )
    return Figure(figure_id, table, fig, "chapters/03-top-provinces.ipynb", caption, alt, data_dir)


# --- Figure 3 and the country profile -----------------------------------------------


def trend_labels(lang: str, data_dir=None) -> dict[str, str]:
    keys = [
        "egdi_long", "osi", "hci", "tii", "world_rank", "index_value", "survey_year",
        "osi_short", "hci_short", "tii_short",
    ]  # fmt: skip
    labels = {k: label(k, lang) for k in keys}
    labels["egdi"] = labels.pop("egdi_long")
    labels.update({f"name:{k}": v for k, v in display_names(lang, data_dir).items()})
    return labels


def _median_key(region: str) -> str:
    return region.replace("-", "_")


def country_trend_table(iso3: str, regions: list[str], data_dir=None) -> pd.DataFrame:
    """A country's every edition, with the EGDI median of each region named (columns
    ``median_egdi_<region>``), over the region's members *in that edition*."""
    egdi = load_egdi(data_dir)
    medians = {_median_key(r): members_by_edition(r, data_dir) for r in regions}
    return measures.country_trend(egdi, iso3, medians)


def _trend_figure(
    iso3: str,
    regions: list[str],
    lang: str,
    mark_year: int | None,
    figure_id: str,
    chapter: str,
    data_dir=None,
) -> Figure:
    table = country_trend_table(iso3, regions, data_dir)
    years = table["year"].astype(int)
    names = display_names(lang, data_dir)
    median_labels = {
        f"median_egdi_{_median_key(r)}": label("median", lang, region=region_name(r, lang))
        for r in regions
    }
    fig = plotting.plot_trend(
        table,
        title=label("fig3_title", lang, country=names[iso3], first=years.min(), last=years.max()),
        labels=trend_labels(lang, data_dir),
        median_labels=median_labels,
        source=label("source_un", lang, years=f"{years.min()}–{years.max()}"),
        mark_year=mark_year,
        lang=lang,
    )
    name = names[iso3]
    regions_named = [
        say("figures.trend.median_of", lang, region=region_phrase(r, lang)) for r in regions
    ]
    medians = say("figures.trend.medians", lang, regions=regions_named, count=len(regions))
    caption = say(
        "figures.trend.caption",
        lang,
        name=name,
        first=years.min(),
        last=years.max(),
        medians=medians,
    )
    if mark_year:
        caption += " " + say("figures.trend.marked", lang, year=mark_year)
    surveyed = table.dropna(subset=["egdi"])
    ends = surveyed.iloc[[0, -1]]
    alt = say(
        "figures.trend.alt",
        lang,
        name=name,
        egdi_first=ends["egdi"].iloc[0],
        egdi_last=ends["egdi"].iloc[1],
        first=int(ends["year"].iloc[0]),
        last=int(ends["year"].iloc[1]),
        rank_first=int(ends["egdi_rank"].iloc[0]),
        rank_last=int(ends["egdi_rank"].iloc[1]),
    )
    return Figure(figure_id, table, fig, chapter, caption, alt, data_dir)


def figure3(
    survey_year: int = paper.SURVEY_YEAR,
    region: str = DEFAULT_REGION,
    lang: str = "id",
    focus: str = paper.FOCUS,
    data_dir=None,
) -> Figure:
    """Figure 3: a country's (Indonesia's) EGDI, components and world rank in every
    edition, with the region's median; ``survey_year`` is the edition the figure marks."""
    check_lang(lang)
    check_region(region, data_dir)
    focus = check_iso3(focus, data_dir)
    measures.check_year(load_egdi(data_dir), survey_year)
    stem = (
        "fig3-indonesia-egdi-trend" if focus == paper.FOCUS else f"fig3-{focus.lower()}-egdi-trend"
    )
    figure_id = stem + _suffix(
        None if region == DEFAULT_REGION else region,
        None if survey_year == paper.SURVEY_YEAR else str(survey_year),
        _lang_suffix(lang),
    )
    return _trend_figure(
        focus, [region], lang, survey_year, figure_id, "chapters/04-indonesia-trend.ipynb", data_dir
    )


def profile_figure(iso3: str = paper.FOCUS, lang: str = "id", data_dir=None) -> Figure:
    """Country profile: any country's editions against the Southeast Asian and world medians."""
    check_lang(lang)
    code = check_iso3(iso3, data_dir)
    figure_id = f"profile-{code.lower()}" + _suffix(_lang_suffix(lang))
    return _trend_figure(
        code,
        [DEFAULT_REGION, "world"],
        lang,
        None,
        figure_id,
        "chapters/10-country-profile.ipynb",
        data_dir,
    )


# --- the components ------------------------------------------------------------------


def default_years(data_dir=None) -> tuple[int, int]:
    """The paper's edition and the latest one (the earlier two editions if they coincide)."""
    years = editions_in(load_egdi(data_dir))
    latest = years[-1]
    first = paper.SURVEY_YEAR if latest > paper.SURVEY_YEAR else years[-2]
    return first, latest


def components_figure(
    years: tuple[int, int] | None = None,
    region: str = DEFAULT_REGION,
    lang: str = "id",
    focus: str = paper.FOCUS,
    data_dir=None,
) -> Figure:
    """OSI, HCI and TII of every member of a region (the top, bottom and the focus
    country's neighbours of a large one) in two editions."""
    check_lang(lang)
    check_region(region, data_dir)
    focus = check_iso3(focus, data_dir)
    egdi = load_egdi(data_dir)
    years = tuple(years) if years else default_years(data_dir)
    for year in years:
        measures.check_year(egdi, year)
    if len(set(years)) != 2:
        raise ValueError(f"Two different survey editions are needed, got {years}.")
    later = max(years)
    ranking = measures.rank_within_region(egdi, region_members(region, later, data_dir), later)
    shown = readable_rows(ranking, focus)
    order = shown["iso3"].tolist()
    long = measures.components_long(egdi, order, list(years))
    title_years = join_and([str(y) for y in years], lang)  # "2022 and 2024", not "&"
    fig = plotting.plot_components(
        long,
        order=order,
        labels=trend_labels(lang, data_dir),
        title=label("components_title", lang, region=region_name(region, lang), years=title_years),
        source=label("source_un", lang, years=", ".join(map(str, years))),
        highlight=focus,
        lang=lang,
    )
    figure_id = f"components-{region}-{years[0]}-{years[1]}" + _suffix(
        _focus_suffix(focus), _lang_suffix(lang)
    )
    names = display_names(lang, data_dir)
    first, second = years
    caption = say(
        "figures.components.caption", lang, where=region_phrase(region, lang), first=first,
        second=second, later=later, name=names[focus],
    )  # fmt: skip
    if len(shown) < len(ranking):
        caption += " " + say(
            "figures.components.shown", lang, n_shown=len(shown), n=len(ranking), top=TOP,
            bottom=BOTTOM, name=names[focus],
        )  # fmt: skip
    alt = say("figures.components.alt", lang, n=len(shown), first=first, second=second)
    return Figure(figure_id, long, fig, "chapters/08-components.ipynb", caption, alt, data_dir)


def all_figures(data_dir=None) -> list:
    """The book's figures at their default parameters (what `egov-repro figures` writes)."""
    makers = (figure1, figure2, figure3, components_figure)
    return [partial(make, data_dir=data_dir) for make in makers]


def _render(index: int, out_dir, data_dir) -> tuple[str, dict[str, Path]]:
    """Make and save the ``index``-th default figure."""
    import matplotlib.pyplot as plt

    figure = all_figures(data_dir)[index]()
    written = figure.save(out_dir)
    plt.close(figure.fig)
    return figure.id, written


def _render_in_worker(index: int, out_dir, data_dir) -> tuple[str, dict[str, Path]] | None:
    """``_render`` in a worker process: a Ctrl-C there stops it quietly (the atomic
    writes remove its temporary files) and the parent reports the interrupt."""
    try:
        return _render(index, out_dir, data_dir)
    except KeyboardInterrupt:
        return None


def render_all(
    out_dir=None, data_dir=None, workers: int | None = None
) -> list[tuple[str, dict[str, Path]]]:
    """Make and save every default figure: (id, files written) in catalogue order.

    Most of the time goes to matplotlib drawing each figure twice (PNG and SVG), and
    the figures are independent: with more than one core, they are drawn in worker
    processes forked after the imports, so none imports anything again. Without fork
    (Windows), or in a process running other threads (which a fork could deadlock),
    they are drawn one after the other (as with ``workers=1``); the files are the same
    either way."""
    import os
    import threading

    count = len(all_figures(data_dir))
    if workers is None:
        affinity = getattr(os, "sched_getaffinity", None)
        workers = len(affinity(0)) if affinity else os.cpu_count() or 1
    workers = min(count, workers)
    if workers < 2 or not hasattr(os, "fork") or threading.active_count() > 1:
        return [_render(i, out_dir, data_dir) for i in range(count)]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    load_egdi(data_dir)  # validated once, here, and inherited by every worker
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        done = list(
            pool.map(_render_in_worker, range(count), [out_dir] * count, [data_dir] * count)
        )
    if None in done:
        raise KeyboardInterrupt
    return done


# --- the paper's figures, and what this book could rebuild of each ------------------

# Where each of the paper's figures is rebuilt from: "un-data", "primary-pegi",
# "paper-text" (each named by the catalogue, figures.rebuilt_from.<key>) or "not-rebuilt".
REBUILT_FROM = ("un-data", "primary-pegi", "paper-text", "not-rebuilt")


def rebuilt_from(source: str, lang: str = "en") -> str:
    """What a figure is rebuilt from, as a sentence names it."""
    return say("figures.rebuilt_from." + source, lang)


@dataclass(frozen=True)
class PaperFigure:
    numbers: tuple[int, ...]  # the paper's figure numbers
    key: str  # its subject's message: figures.paper_figure.<key>
    chapter: str  # the chapter that rebuilds it, or explains why it is not rebuilt
    rebuilt_from: str  # one of REBUILT_FROM
    # Drawn with more than the paper's chart shows (every edition, the components, a
    # median, the rank): the paper's chart extended, not rebuilt.
    extended: bool = False

    def subject(self, lang: str = "en") -> str:
        """What the paper's figure shows, in ``lang``."""
        return say("figures.paper_figure." + self.key, lang, year=paper.SURVEY_YEAR)


def paper_figures(data_dir=None) -> list[PaperFigure]:
    """Each figure of the paper, with the data this book rebuilds it from: the UN data,
    the paper's own text (Figure 2, unless a primary PeGI table is added), or nothing
    (Figures 4–6 are screenshots of web portals)."""
    provinces = "primary-pegi" if primary_pegi_2016(data_dir) is not None else "paper-text"
    return [
        PaperFigure((1,), "fig1", "02-southeast-asia-ranking", "un-data"),
        PaperFigure((2,), "fig2", "03-top-provinces", provinces),
        PaperFigure((3,), "fig3", "04-indonesia-trend", "un-data", extended=True),
        PaperFigure((4, 5, 6), "fig4-6", "05-portals", "not-rebuilt"),
    ]


# --- the list of exhibits (the README's "List of exhibits") ---------------------------


@dataclass(frozen=True)
class Exhibit:
    """A figure or table of the book: the notebook that makes it and, for a figure, the
    maker and parameters it calls (the notebook's defaults), whose id names its files.
    ``key`` names its title (figures.exhibit.<key>), ``facts`` fill it."""

    key: str
    notebook: str
    make: object = None  # a figure maker taking ``lang``, or None for a table or text alone
    facts: dict = field(default_factory=dict)

    def title(self, lang: str = "en") -> str:
        return say("figures.exhibit." + self.key, lang, **self.facts)


def book_exhibits(data_dir=None) -> list[Exhibit]:
    """Every figure and table the book shows, in the book's order, at the parameters the
    book is built with."""
    latest = editions_in(load_egdi(data_dir))[-1]
    chapter = "chapters/{}.ipynb".format
    changes = {"base": paper.SURVEY_YEAR, "year": latest}
    return [
        Exhibit("intro_figure1", "intro.ipynb", figure1),
        Exhibit("coverage", chapter("01-data")),
        Exhibit("figure1", chapter("02-southeast-asia-ranking"), figure1),
        Exhibit("figure2", chapter("03-top-provinces"), figure2),
        Exhibit("figure3", chapter("04-indonesia-trend"), figure3),
        Exhibit("portals", "chapters/05-portals.md"),
        Exhibit("report", chapter("06-reproduction-report")),
        Exhibit("latest_figure1", chapter("07-latest-edition"), partial(figure1, latest),
                {"year": latest}),
        Exhibit("latest_figure3", chapter("07-latest-edition"), partial(figure3, latest),
                {"year": latest}),
        Exhibit("latest_changes", chapter("07-latest-edition"), facts=changes),
        Exhibit("components", chapter("08-components"), components_figure),
        Exhibit("sensitivity", chapter("09-sensitivity")),
        Exhibit("profile", chapter("10-country-profile"), profile_figure),
    ]  # fmt: skip


def exhibit_ids(exhibit: Exhibit, data_dir=None) -> list[str]:
    """The ids of the figure an exhibit shows, Indonesian then English (each written as
    figures/<id>.png, .svg and .csv); none for a table or text alone."""
    if exhibit.make is None:
        return []
    import matplotlib.pyplot as plt

    ids = []
    # The paper's language first: its figure carries the plain id, the other the suffix.
    for lang in sorted(LANGUAGES, key=lambda code: code != PAPER_LANGUAGE):
        figure = exhibit.make(lang=lang, data_dir=data_dir)
        plt.close(figure.fig)
        ids.append(figure.id)
    return ids


FIGURE_FILES = ("png", "svg", "csv")


def listed_exhibits(data_dir=None) -> list[tuple[Exhibit, list[str]]]:
    """Each exhibit with its figure ids, drawn once (a few seconds for the whole book)."""
    return [(exhibit, exhibit_ids(exhibit, data_dir)) for exhibit in book_exhibits(data_dir)]


def exhibits_table(data_dir=None, lang: str = "en", listed=None) -> str:
    """The list of exhibits as a Markdown table: each of the paper's figures and each
    figure and table of the book -> the notebook that makes it -> the files it writes
    (``figures/<id>.{png,svg,csv}``, Indonesian and English)."""
    rows = [say("figures.exhibits.header", lang), "|---|---|---|---|"]
    paper_of = {p.chapter: p for p in paper_figures(data_dir)}
    formats = "{" + ",".join(FIGURE_FILES) + "}"
    for exhibit, ids in listed or listed_exhibits(data_dir):
        source = paper_of.get(Path(exhibit.notebook).stem)
        rebuilds = "–"
        if source:
            numbers = "–".join(dict.fromkeys([str(source.numbers[0]), str(source.numbers[-1])]))
            count = len(source.numbers)
            rebuilds = say("figures.exhibits.rebuilds", lang, numbers=numbers, count=count)
            if source.rebuilt_from == "not-rebuilt":
                rebuilds += say("figures.exhibits.not_rebuilt", lang)
        files = "<br>".join(f"`figures/{i}.{formats}`" for i in ids)
        files = files or say("figures.exhibits.no_files", lang)
        rows.append(f"| {exhibit.title(lang)} | {rebuilds} | `{exhibit.notebook}` | {files} |")
    return "\n".join(rows) + "\n"


def exhibit_files(data_dir=None, listed=None) -> list[str]:
    """Every file the list of exhibits names, as paths inside the project."""
    listed = listed or listed_exhibits(data_dir)
    return sorted({f"figures/{i}.{ext}" for _, ids in listed for i in ids for ext in FIGURE_FILES})
