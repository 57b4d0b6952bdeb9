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

from egov_repro import analysis, paper, paths, plotting
from egov_repro.countries import suggest
from egov_repro.datasets import editions_in, load_egdi, load_pegi_2016, primary_pegi_2016
from egov_repro.labels import check_lang, label
from egov_repro.names import display_names
from egov_repro.regions import (
    SOUTHEAST_ASIA,
    check_region,
    members_by_edition,
    paper_chart_omissions,
    region_members,
)
from egov_repro.text import join_and, number, pick

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
        return pick(lang, "the world", "dunia")
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
        name = names.get(focus, focus)
        return pick(
            lang,
            f"{name} is not in the region '{region}'.",
            f"{name} tidak termasuk kawasan '{region}'.",
        )
    row = row.iloc[0]
    place, egdi, rank = (
        int(row["regional_rank"]),
        number(row["egdi"], 4, lang),
        int(row["egdi_rank"]),
    )
    return pick(
        lang,
        f"{names[focus]} is number {place} with an EGDI of {egdi} (world rank {rank}).",
        f"{names[focus]} berada di urutan ke-{place} dengan EGDI {egdi} "
        f"(peringkat ke-{rank} dunia).",
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
    analysis.check_year(egdi, survey_year)
    members = region_members(region, survey_year, data_dir)
    table = analysis.rank_within_region(egdi, members, survey_year)
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
        rank_label=label("rank_short", lang),
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
    shown = ""
    if len(table) < len(full):
        shown = pick(
            lang,
            f" Shown: the top {TOP}, the bottom {BOTTOM} and the countries around "
            f"{names[focus]}, {len(table)} of {len(full)} countries.",
            f" Yang ditampilkan: {TOP} teratas, {BOTTOM} terbawah, dan negara-negara di sekitar "
            f"{names[focus]}, {len(table)} dari {len(full)} negara.",
        )
    missing = ""
    if omitted:
        left_out = join_and([names[c] for c in sorted(omitted)], lang)
        missing = pick(
            lang,
            f" {left_out} (yellow) is missing from the paper's chart, which follows "
            "databoks (2022).",
            f" {left_out} (kuning) tidak ada dalam grafik makalah, yang mengikuti databoks (2022).",
        )
    caption = pick(
        lang,
        f"Countries of {where} by EGDI in the UN E-Government Survey {survey_year}, with "
        f"each country's world rank; {names[focus]} in red.{missing}{shown}",
        f"Negara-negara {where} menurut EGDI dalam Survei E-Government PBB {survey_year}, "
        f"beserta peringkat dunia tiap negara; {names[focus]} berwarna merah.{missing}{shown}",
    )
    alt = pick(
        lang,
        f"Horizontal bar chart of the EGDI of {len(table)} countries of {where} in "
        f"{survey_year}, best at the top. ",
        f"Diagram batang horizontal EGDI {len(table)} negara {where} pada {survey_year}, "
        "yang terbaik di atas. ",
    ) + _place_text(full, focus, names, where, lang)
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
    caption = pick(
        lang,
        f"The {len(table)} provinces with the best e-government scores in 2016, as printed in "
        "the paper's text (after its Figure 2), which credits databoks (2016). Unit "
        "uncertain: the paper prints them with a per cent sign («presentase sebesar 3,39%»); "
        "the values fit the scale of Kominfo's PeGI "
        "scores (up to 4), which is our inference, since the paper never names PeGI; no "
        "primary table was found. Licence: CC BY-SA 4.0, as the paper.",
        f"Daftar {len(table)} provinsi dengan skor e-government terbaik pada 2016, sebagaimana "
        "tercetak dalam teks makalah (sesudah Gambar 2) yang merujuk databoks (2016). "
        "Satuannya belum pasti: makalah mencetaknya dengan tanda persen («presentase sebesar "
        "3,39%»), sedangkan nilainya sesuai dengan "
        "skala skor PeGI Kominfo (maksimum 4); ini dugaan kami, karena makalah tidak pernah "
        "menyebut PeGI. Tabel primernya tidak ditemukan. Lisensi: CC BY-SA 4.0, sama dengan "
        "makalah.",
    )
    first, last = table.iloc[0], table.iloc[-1]
    span = (
        f"{first['province']} ({number(first['score'], 2, lang)}) "
        + pick(lang, "to", "hingga")
        + f" {last['province']} ({number(last['score'], 2, lang)})."
    )
    alt = (
        pick(
            lang,
            f"Horizontal bar chart of {len(table)} Indonesian provinces' e-government scores in "
            "2016, from ",
            f"Diagram batang horizontal skor e-government {len(table)} provinsi Indonesia pada "
            "2016, dari ",
        )
        + span
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
    return analysis.country_trend(egdi, iso3, medians)


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
        source=label("source_un", lang, years=f"{years.min()}-{years.max()}"),
        mark_year=mark_year,
        lang=lang,
    )
    name, span = names[iso3], f"{years.min()}-{years.max()}"
    if lang == "en":
        which = join_and([f"of {region_phrase(r)}" for r in regions])
        medians = f"the EGDI median{'s' if len(regions) > 1 else ''} {which}"
        caption = (
            f"{name} in every UN E-Government Survey edition, {span}: EGDI (red), its three "
            f"components and {medians} (top); world rank (bottom, best at the top)."
            + (f" The marked edition is {mark_year}." if mark_year else "")
        )
    else:
        medians = join_and([region_name(r, lang) for r in regions], lang)
        caption = (
            f"{name} dalam setiap edisi Survei E-Government PBB, {span}: EGDI (merah) dan "
            f"ketiga komponennya, serta median {medians} (atas); peringkat dunia (bawah, yang "
            "terbaik di atas)." + (f" Edisi yang ditandai: {mark_year}." if mark_year else "")
        )
    surveyed = table.dropna(subset=["egdi"])
    e0, e1 = (number(surveyed["egdi"].iloc[i], 4, lang) for i in (0, -1))
    y0, y1 = (int(surveyed["year"].iloc[i]) for i in (0, -1))
    r0, r1 = (int(surveyed["egdi_rank"].iloc[i]) for i in (0, -1))
    alt = pick(
        lang,
        f"Two-panel line chart for {name}: EGDI from {e0} in {y0} to {e1} in {y1}, world "
        f"rank from {r0} to {r1}.",
        f"Diagram garis dua panel untuk {name}: EGDI dari {e0} pada {y0} menjadi {e1} pada "
        f"{y1}, peringkat dunia dari {r0} menjadi {r1}.",
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
    analysis.check_year(load_egdi(data_dir), survey_year)
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
        analysis.check_year(egdi, year)
    if len(set(years)) != 2:
        raise ValueError(f"Two different survey editions are needed, got {years}.")
    later = max(years)
    ranking = analysis.rank_within_region(egdi, region_members(region, later, data_dir), later)
    shown = readable_rows(ranking, focus)
    order = shown["iso3"].tolist()
    long = analysis.components_long(egdi, order, list(years))
    title_years = " & ".join(map(str, years))
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
    subset = ""
    if len(shown) < len(ranking):
        subset = pick(
            lang,
            f" Shown: {len(shown)} of the region's {len(ranking)} countries (the top {TOP}, "
            f"the bottom {BOTTOM} and those around {names[focus]}).",
            f" Yang ditampilkan: {len(shown)} dari {len(ranking)} negara kawasan ini ({TOP} "
            f"teratas, {BOTTOM} terbawah, dan negara-negara di sekitar {names[focus]}).",
        )
    caption = pick(
        lang,
        f"EGDI components of the countries of {region_phrase(region)}, {years[0]} (open "
        f"circles) and {years[1]} (filled diamonds); countries ordered by their {later} EGDI, "
        f"{names[focus]} in red.{subset}",
        f"Komponen EGDI negara-negara {region_phrase(region, lang)}, {years[0]} (lingkaran "
        f"kosong) dan {years[1]} (belah ketupat berisi); negara diurutkan menurut EGDI "
        f"{later}, {names[focus]} berwarna merah.{subset}",
    )
    alt = pick(
        lang,
        f"Three panels (OSI, HCI, TII), one row per country ({len(shown)} rows), each showing "
        f"the {years[0]} and {years[1]} values.",
        f"Tiga panel (OSI, HCI, TII), satu baris per negara ({len(shown)} baris), masing-masing "
        f"menunjukkan nilai {years[0]} dan {years[1]}.",
    )
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

REBUILT_FROM = {
    "un-data": "the UN E-Government Survey country data",
    "primary-pegi": "a primary PeGI 2016 table in the data package",
    "paper-text": "the numbers printed in the paper's own text",
    "not-rebuilt": None,
}
REBUILT_FROM_ID = {
    "un-data": "data negara Survei E-Government PBB",
    "primary-pegi": "tabel primer PeGI 2016 dalam paket data",
    "paper-text": "angka-angka yang tercetak dalam teks makalah itu sendiri",
    "not-rebuilt": None,
}


@dataclass(frozen=True)
class PaperFigure:
    numbers: tuple[int, ...]  # the paper's figure numbers
    subject: str
    chapter: str  # the chapter that rebuilds it, or explains why it is not rebuilt
    rebuilt_from: str  # a key of REBUILT_FROM
    subject_id: str = ""  # the subject in Indonesian
    # Drawn with more than the paper's chart shows (every edition, the components, a
    # median, the rank): the paper's chart extended, not rebuilt.
    extended: bool = False


def paper_figures(data_dir=None) -> list[PaperFigure]:
    """Each figure of the paper, with the data this book rebuilds it from: the UN data,
    the paper's own text (Figure 2, unless a primary PeGI table is added), or nothing
    (Figures 4-6 are screenshots of web portals)."""
    provinces = "primary-pegi" if primary_pegi_2016(data_dir) is not None else "paper-text"
    return [
        PaperFigure(
            (1,),
            "Southeast Asia ranked by EGDI, 2022",
            "02-southeast-asia-ranking",
            "un-data",
            "peringkat EGDI Asia Tenggara, 2022",
        ),
        PaperFigure(
            (2,),
            "the ten provinces with the best e-government scores, 2016",
            "03-top-provinces",
            provinces,
            "sepuluh provinsi dengan skor e-government terbaik, 2016",
        ),
        PaperFigure(
            (3,),
            f"a chart of Indonesia's EGDI credited to the UN E-Government Survey "
            f"{paper.SURVEY_YEAR}",
            "04-indonesia-trend",
            "un-data",
            f"grafik EGDI Indonesia yang dirujuk ke Survei E-Government PBB {paper.SURVEY_YEAR}",
            extended=True,
        ),
        PaperFigure(
            (4, 5, 6),
            "screenshots of the portals of DKI Jakarta, Surabaya and Bandung",
            "05-portals",
            "not-rebuilt",
            "tangkapan layar portal DKI Jakarta, Surabaya, dan Bandung",
        ),
    ]


# --- the list of exhibits (the README's "List of exhibits") ---------------------------


@dataclass(frozen=True)
class Exhibit:
    """A figure or table of the book: the notebook that makes it and, for a figure, the
    maker and parameters it calls (the notebook's defaults), whose id names its files."""

    title: str
    notebook: str
    make: object = None  # a figure maker taking ``lang``, or None for a table or text alone


def book_exhibits(data_dir=None) -> list[Exhibit]:
    """Every figure and table the book shows, in the book's order, at the parameters the
    book is built with."""
    latest = editions_in(load_egdi(data_dir))[-1]
    chapter = "chapters/{}.ipynb".format
    return [
        Exhibit("Figure: Southeast Asia ranked by EGDI, 2022", "intro.ipynb", figure1),
        Exhibit("Table: coverage of each edition and its source file", chapter("01-data")),
        Exhibit(
            "Figure and table: Southeast Asia ranked by EGDI, 2022",
            chapter("02-southeast-asia-ranking"),
            figure1,
        ),
        Exhibit(
            "Figure and table: the ten best provinces of 2016, as the paper prints them",
            chapter("03-top-provinces"),
            figure2,
        ),
        Exhibit(
            "Figure and table: Indonesia's EGDI, components and world rank in every edition",
            chapter("04-indonesia-trend"),
            figure3,
        ),
        Exhibit("Text: why the portal screenshots are not rebuilt", "chapters/05-portals.md"),
        Exhibit(
            "Tables: the verdict on each of the paper's statements, and the follow-ups",
            chapter("06-reproduction-report"),
        ),
        Exhibit(
            f"Figure and table: Southeast Asia ranked by EGDI, {latest}",
            chapter("07-latest-edition"),
            partial(figure1, latest),
        ),
        Exhibit(
            f"Figure: Indonesia's EGDI, components and world rank, marking {latest}",
            chapter("07-latest-edition"),
            partial(figure3, latest),
        ),
        Exhibit(
            f"Table: Indonesia's indices and world rank, {paper.SURVEY_YEAR} and {latest}",
            chapter("07-latest-edition"),
        ),
        Exhibit(
            "Figure and table: the components (OSI, HCI, TII) of the region in two editions",
            chapter("08-components"),
            components_figure,
        ),
        Exhibit(
            "Table: Indonesia's place under each definition of the region",
            chapter("09-sensitivity"),
        ),
        Exhibit(
            "Figure and table: a country's profile (Indonesia)",
            chapter("10-country-profile"),
            profile_figure,
        ),
    ]


def exhibit_ids(exhibit: Exhibit, data_dir=None) -> list[str]:
    """The ids of the figure an exhibit shows, Indonesian then English (each written as
    figures/<id>.png, .svg and .csv); none for a table or text alone."""
    if exhibit.make is None:
        return []
    import matplotlib.pyplot as plt

    ids = []
    for lang in ("id", "en"):
        figure = exhibit.make(lang=lang, data_dir=data_dir)
        plt.close(figure.fig)
        ids.append(figure.id)
    return ids


FIGURE_FILES = ("png", "svg", "csv")


def exhibits_table(data_dir=None) -> str:
    """The list of exhibits as a Markdown table: each of the paper's figures and each
    figure and table of the book -> the notebook that makes it -> the files it writes
    (``figures/<id>.{png,svg,csv}``, Indonesian and English)."""
    rows = [
        "| exhibit | rebuilds the paper's | notebook | files it writes |",
        "|---|---|---|---|",
    ]
    paper_of = {p.chapter: p for p in paper_figures(data_dir)}
    formats = "{" + ",".join(FIGURE_FILES) + "}"
    for exhibit in book_exhibits(data_dir):
        ids = exhibit_ids(exhibit, data_dir)
        source = paper_of.get(Path(exhibit.notebook).stem)
        rebuilds = "–"
        if source:
            numbers = [str(n) for n in source.numbers]
            rebuilds = ("Figures " if len(numbers) > 1 else "Figure ") + "–".join(
                dict.fromkeys([numbers[0], numbers[-1]])
            )
            if source.rebuilt_from == "not-rebuilt":
                rebuilds += " (not rebuilt: screenshots)"
        files = "<br>".join(f"`figures/{i}.{formats}`" for i in ids) or "none"
        rows.append(f"| {exhibit.title} | {rebuilds} | `{exhibit.notebook}` | {files} |")
    return "\n".join(rows) + "\n"


def exhibit_files(data_dir=None) -> list[str]:
    """Every file the list of exhibits names, as paths inside the project."""
    return sorted(
        {
            f"figures/{i}.{ext}"
            for exhibit in book_exhibits(data_dir)
            for i in exhibit_ids(exhibit, data_dir)
            for ext in FIGURE_FILES
        }
    )
