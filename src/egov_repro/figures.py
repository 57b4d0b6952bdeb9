"""The figure catalogue: data -> table -> figure, for the chapters and the CLI alike.

Each ``figure*`` function checks its parameters (an invalid one raises ValueError
listing the valid values), builds exactly the table it plots, draws it, and names
it. The default parameters give the paper's figure and its fixed id; any other
choice gives an id that names the parameters, so it never overwrites the paper's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from egov_repro import analysis, paper, paths, plotting
from egov_repro.countries import display_names
from egov_repro.datasets import load_egdi, load_pegi_2016
from egov_repro.labels import check_lang, label
from egov_repro.regions import check_region, region_members

DEFAULT_REGION = "southeast-asia"


@dataclass
class Figure:
    id: str
    table: pd.DataFrame
    fig: object
    chapter: str

    def save(self, out_dir=None) -> dict[str, Path]:
        return plotting.save_figure(self.fig, self.table, self.id, out_dir or paths.figures_dir())


def _suffix(*parts: str | None) -> str:
    return "".join(f"-{p}" for p in parts if p)


def _lang_suffix(lang: str) -> str | None:
    return None if lang == "id" else lang


def country_labels(lang: str, data_dir=None) -> dict[str, str]:
    """Short display names by ISO3 in ``lang`` (see countries.display_names)."""
    return display_names(lang, data_dir)


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
    table = analysis.rank_within_region(
        egdi, region_members(region, survey_year, data_dir), survey_year
    )
    names = country_labels(lang, data_dir)
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
    data_dir=None,
) -> Figure:
    """Figure 1: a region's countries ranked by EGDI in one edition."""
    table = southeast_asia_ranking(survey_year, region, lang, data_dir)
    # The paper's omission only means something for the paper's own edition.
    omitted = (
        set(table.loc[~table["in_paper_chart"], "iso3"])
        if survey_year == paper.SURVEY_YEAR
        else set()
    )
    fig = plotting.plot_ranking(
        table,
        title=label("fig1_title", lang, region=label(f"region:{region}", lang), year=survey_year),
        source=label("source_un", lang, years=survey_year),
        rank_label=label("rank_short", lang),
        highlight=paper.FOCUS,
        omitted=omitted,
        omitted_label=label("not_in_paper", lang),
    )
    figure_id = f"fig1-{region}-egdi-{survey_year}" + _suffix(_lang_suffix(lang))
    return Figure(figure_id, table, fig, "chapters/02-southeast-asia-ranking.ipynb")


def figure2(lang: str = "id", data_dir=None) -> Figure:
    """Figure 2: the ten provinces of PeGI 2016, as the paper prints them."""
    check_lang(lang)
    table = load_pegi_2016(data_dir)
    fig = plotting.plot_provinces(
        table,
        title=label("fig2_title", lang),
        axis_label=label("fig2_axis", lang),
        source=label("source_pegi", lang),
    )
    figure_id = "fig2-top10-provinces-pegi-2016" + _suffix(_lang_suffix(lang))
    return Figure(figure_id, table, fig, "chapters/03-top-provinces.ipynb")


def trend_labels(lang: str, data_dir=None) -> dict[str, str]:
    keys = [
        "egdi_long",
        "osi",
        "hci",
        "tii",
        "world_rank",
        "index_value",
        "survey_year",
        "osi_short",
        "hci_short",
        "tii_short",
    ]
    labels = {k: label(k, lang) for k in keys}
    labels["egdi"] = labels.pop("egdi_long")
    labels.update({f"name:{k}": v for k, v in country_labels(lang, data_dir).items()})
    return labels


def _median_key(region: str) -> str:
    return region.replace("-", "_")


def country_trend_table(iso3: str, regions: list[str], data_dir=None) -> pd.DataFrame:
    """A country's every edition, with the EGDI median of each region named
    (columns ``median_egdi_<region>``)."""
    egdi = load_egdi(data_dir)
    medians = {
        _median_key(r): (None if r == "world" else region_members(r, data_dir=data_dir))
        for r in regions
    }
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
    names = country_labels(lang, data_dir)
    median_labels = {
        f"median_egdi_{_median_key(r)}": label("median", lang, region=label(f"region:{r}", lang))
        for r in regions
    }
    fig = plotting.plot_trend(
        table,
        title=label("fig3_title", lang, country=names[iso3], last=years.max()),
        labels=trend_labels(lang, data_dir),
        median_labels=median_labels,
        source=label("source_un", lang, years=f"{years.min()}-{years.max()}"),
        mark_year=mark_year,
    )
    return Figure(figure_id, table, fig, chapter)


def figure3(
    survey_year: int = paper.SURVEY_YEAR,
    region: str = DEFAULT_REGION,
    lang: str = "id",
    data_dir=None,
) -> Figure:
    """Figure 3: Indonesia's EGDI, components and world rank in every edition, with
    the region's median; ``survey_year`` is the edition the figure marks."""
    check_lang(lang)
    check_region(region, data_dir)
    analysis.check_year(load_egdi(data_dir), survey_year)
    figure_id = "fig3-indonesia-egdi-trend" + _suffix(
        None if region == DEFAULT_REGION else region,
        None if survey_year == paper.SURVEY_YEAR else str(survey_year),
        _lang_suffix(lang),
    )
    return _trend_figure(
        paper.FOCUS,
        [region],
        lang,
        survey_year,
        figure_id,
        "chapters/04-indonesia-trend.ipynb",
        data_dir,
    )


def check_iso3(iso3: str, data_dir=None) -> str:
    """The ISO3 code upper-cased if it is in the data, else ValueError with close matches."""
    from egov_repro.countries import suggest

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


def components_figure(
    years: tuple[int, int] = (2022, 2024),
    region: str = DEFAULT_REGION,
    lang: str = "id",
    data_dir=None,
) -> Figure:
    """OSI, HCI and TII of every member of a region in two editions."""
    check_lang(lang)
    check_region(region, data_dir)
    egdi = load_egdi(data_dir)
    for year in years:
        analysis.check_year(egdi, year)
    members = region_members(region, max(years), data_dir)
    long = analysis.components_long(egdi, members, list(years))
    order = analysis.rank_within_region(egdi, members, max(years))["iso3"].tolist()
    fig = plotting.plot_components(
        long,
        order=order,
        labels=trend_labels(lang, data_dir),
        title=label("components_title", lang, years=" & ".join(map(str, years))),
        source=label("source_un", lang, years=", ".join(map(str, years))),
    )
    figure_id = f"components-{region}-{years[0]}-{years[1]}" + _suffix(_lang_suffix(lang))
    return Figure(figure_id, long, fig, "chapters/08-components.ipynb")


def all_figures(data_dir=None) -> list:
    """The book's figures at their default parameters (what `egov-repro figures` writes)."""
    return [
        lambda: figure1(data_dir=data_dir),
        lambda: figure2(data_dir=data_dir),
        lambda: figure3(data_dir=data_dir),
        lambda: components_figure(data_dir=data_dir),
    ]
