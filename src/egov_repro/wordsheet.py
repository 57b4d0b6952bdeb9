"""The editor's sheet (``egov-repro words``): every sentence the code generates for the
book, rendered with the book's own values and grouped by page, in one language, so one
person can read all the generated words of a language before a release.

The sheet makes the same calls the pages make (findings, the audit and its report,
figures' captions and alt texts, tables' headers, figure blocks, the PDF's cover, the
explorer, the bibliography) inside ``catalogue.recording()``: whatever message they
render is caught, wherever it lives. It runs no notebook and saves no file; the
messages it did not render are listed at the end, so nothing hides from the editor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from egov_repro import load_egdi, region_members
from egov_repro.analysis import claims, findings, measures, paper
from egov_repro.book.notebook import FigureBlock
from egov_repro.data import datasets, paths
from egov_repro.plots import figures
from egov_repro.site import explore, pdf
from egov_repro.words import bibstyle, catalogue, editions, report
from egov_repro.words.catalogue import say
from egov_repro.words.languages import NAMES, check_language
from egov_repro.words.tables import components_wide, for_people

# A table's label is the chapter's own words (its code cell), not generated: the sheet
# renders the tables for their headers only.
LABEL = "-"


@contextmanager
def _closing_figures() -> Iterator[list]:
    """Figures made for their captions are closed again (no window, no memory)."""
    made: list = []
    try:
        yield made
    finally:
        import matplotlib.pyplot as plt

        for figure in made:
            plt.close(figure.fig)


def _figure_words(make: Callable, lang: str, table_label=None, drop=()):
    """A figure's caption, alt text and page block, and the table shown beside it;
    returns the figure's table (what the chapter's findings read)."""

    with _closing_figures() as made:
        figure = make(lang)
        made.append(figure)
        FigureBlock(figure, lang=lang).render(lang)
        if table_label is not None:
            for_people(figure.table, table_label, drop=list(drop), lang=lang).html(lang)
    return figure.table


def _intro(lang: str) -> None:

    findings.intro(lang=lang)
    _figure_words(lambda code: figures.figure1(lang=code), lang)


def _data(lang: str) -> None:

    for_people(datasets.coverage(), LABEL, lang=lang).html(lang)
    findings.dataset(lang=lang)


def _ranking(lang: str) -> None:

    _figure_words(lambda code: figures.figure1(lang=code), lang, LABEL, drop=["country"])
    findings.ranking(paper.SURVEY_YEAR, "southeast-asia", paper.FOCUS, lang=lang)


def _provinces(lang: str) -> None:

    findings.provinces(_figure_words(figures.figure2, lang, LABEL), lang=lang)


def _trend(lang: str) -> None:

    table = _figure_words(lambda code: figures.figure3(lang=code), lang, LABEL, ["iso3", "country"])
    findings.trend(table, paper.SURVEY_YEAR, "southeast-asia", paper.FOCUS, lang=lang)


def _report(lang: str) -> None:

    records = claims.audits()
    report.verdict_scale_html()
    report.summary_html(records)
    report.cards_html({code: claims.paper_claims(r) for code, r in records.items()})
    report.cards_html({code: claims.follow_ups(r) for code, r in records.items()}, records)
    findings.audit_values(records, lang=lang)


def _latest(lang: str) -> None:

    year = datasets.latest_edition()
    baseline = paper.SURVEY_YEAR
    drop = ["country", "in_paper_chart"]
    _figure_words(lambda code: figures.figure1(year, lang=code), lang, LABEL, drop)
    changes = measures.component_changes(load_egdi(), paper.FOCUS, baseline, year)
    for_people(changes, LABEL, lang=lang).html(lang)
    # What chapter 02's run for that edition glues (the chapter runs the notebook).
    glued = {
        **findings.ranking(year, "southeast-asia", paper.FOCUS, lang="en"),
        **{
            f"{k}_id": v
            for k, v in findings.ranking(year, "southeast-asia", paper.FOCUS, lang="id").items()
        },
    }
    findings.update(baseline, year, glued, lang=lang)
    _figure_words(lambda code: figures.figure3(year, lang=code), lang)


def _components(lang: str) -> None:

    years = (paper.SURVEY_YEAR, datasets.latest_edition())
    with _closing_figures() as made:
        figure = figures.components_figure(years, lang=lang)
        made.append(figure)

        FigureBlock(figure, lang=lang).render(lang)
        for_people(components_wide(figure.table), LABEL, drop=["iso3"], lang=lang).html(lang)
        findings.components(figure.table, years, paper.FOCUS, lang=lang)


def _sensitivity(lang: str) -> None:

    definitions = ["asean-10", "southeast-asia", "paper-figure-1", "asean"]
    year = paper.SURVEY_YEAR
    table = measures.ranking_sensitivity(
        load_egdi(), {name: region_members(name, year) for name in definitions}, year
    )
    for_people(table, LABEL, drop=["iso3"], lang=lang).html(lang)
    findings.sensitivity(table, definitions, year, paper.FOCUS, lang=lang)


def _profile(lang: str) -> None:

    profile = lambda code: figures.profile_figure(paper.FOCUS, code)  # noqa: E731
    findings.profile(_figure_words(profile, lang, LABEL, ["iso3", "country"]), lang=lang)


def _explorer(lang: str) -> None:

    explore.interface_words(lang)


def _references(lang: str) -> None:

    bibstyle.reference_words(lang)


def _interface(lang: str) -> None:

    editions.interface_words(lang)
    pdf.cover_words(lang)
    root = paths.project_root()
    package, data = pdf.versions(root)
    pdf.metadata_title(lang, pdf.book_title(root), package, data)
    pdf.metadata_subject(lang)


# The book's pages in reading order, each with the calls its code makes; the key names
# the page's heading in the sheet (sheet.page.<key>).
PAGES: dict[str, Callable[[str], None]] = {
    "intro": _intro,
    "data": _data,
    "ranking": _ranking,
    "provinces": _provinces,
    "trend": _trend,
    "report": _report,
    "latest": _latest,
    "components": _components,
    "sensitivity": _sensitivity,
    "profile": _profile,
    "explorer": _explorer,
    "references": _references,
    "interface": _interface,
}


# Modules that render words when imported (their tables): imported before the
# recording, so that those words count for the page that uses them, not for the
# first page that happens to import them.


def sheet(lang: str) -> dict[str, list[tuple[str, str]]]:
    """(message key, text) of every message each page renders in ``lang``, in order,
    each once per page."""
    check_language(lang)
    pages: dict[str, list[tuple[str, str]]] = {}
    for page, calls in PAGES.items():
        with catalogue.recording() as log:
            calls(lang)
        seen, lines = set(), []
        for key, language, text in log:
            if language == lang and (key, text) not in seen:
                seen.add((key, text))
                lines.append((key, text))
        pages[page] = lines
    return pages


def unrendered(pages: dict[str, list[tuple[str, str]]]) -> list[str]:
    """The catalogue's messages the sheet did not render (sheet headings aside)."""
    rendered = {key for lines in pages.values() for key, _ in lines}
    return sorted(
        k for k in catalogue.messages() if k not in rendered and not k.startswith("sheet.")
    )


def render(lang: str) -> str:
    """The sheet of ``lang`` as plain text: a heading per page, one message a line."""
    pages = sheet(lang)
    out = [f"# {say('sheet.title', lang, language=NAMES[lang])}", ""]
    for page, lines in pages.items():
        out.append(f"## {say('sheet.page.' + page, lang)}")
        out += [f"[{key}] {text}" for key, text in lines] or [say("sheet.nothing", lang)]
        out.append("")
    missing = unrendered(pages)
    out.append(f"## {say('sheet.unrendered', lang, count=len(missing))}")
    out += missing or [say("sheet.nothing", lang)]
    return "\n".join(out) + "\n"
