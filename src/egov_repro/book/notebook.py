"""Helpers for the chapters: put computed values into the prose with MyST-NB's glue,
show the figure a chapter's own run made, and show tables formatted for people."""

from __future__ import annotations

import json
import numbers
import re
from html import escape
from pathlib import Path

from egov_repro.data import paths
from egov_repro.words.catalogue import say
from egov_repro.words.languages import LANGUAGES
from egov_repro.words.text import bilingual, shown

# The link to the figure in the other language, as each edition names it.
LINK_TO = {"en": "notebook.link_to_english", "id": "notebook.link_to_indonesian"}


def glue_values(**values) -> None:
    """Glue each value without displaying it: numbers as plain Python numbers (for
    ``{glue:text}`key:.4f```), text as Markdown (for ``{glue:md}`key```)."""
    from IPython.display import Markdown
    from myst_nb import glue

    for key, value in values.items():
        if isinstance(value, bool):
            value = Markdown("yes" if value else "no")
        elif isinstance(value, numbers.Integral):
            value = int(value)
        elif isinstance(value, numbers.Real):
            value = float(value)
        else:
            value = Markdown(str(value))
        glue(key, value, display=False)


def glue_both(fn, *args, **kwargs) -> dict:
    """Glue ``fn(..., lang="en")`` under its keys and ``fn(..., lang="id")`` under the same
    keys with ``_id`` appended, from one execution; returns both dicts' glued values. A
    finding (``findings.finding``) computes its facts once and renders them twice."""
    if hasattr(fn, "facts"):
        facts = fn.facts(*args, **kwargs)
        english, indonesian = fn.render(facts, "en"), fn.render(facts, "id")
    else:
        english = fn(*args, lang="en", **kwargs)
        indonesian = fn(*args, lang="id", **kwargs)
    if set(english) != set(indonesian):
        raise ValueError(f"{fn.__name__} gives different keys in English and Indonesian.")
    both = {**english, **{f"{key}_id": value for key, value in indonesian.items()}}
    glue_values(**both)
    return both


# Beside every CSV a reader can download: the files are for programs, so they keep one
# form in both editions, which a spreadsheet set to the decimal comma must be told.
CSV_NOTE = {lang: say("notebook.csv_note", lang) for lang in LANGUAGES}


class FigureBlock:
    """A saved figure as the page shows it, in both editions: the SVG (tap to open it in
    full), its caption, and links to the table behind it, the PNG and the figure in the
    other language. The English edition shows the English figure, the Indonesian edition
    the Indonesian one, whichever order ``show`` got them in."""

    def __init__(self, figure, alternate=None, prefix: str = "../", lang: str | None = None):
        self.figure, self.alternate, self.prefix = figure, alternate, prefix
        self.langs = shown(lang)  # both (the book), or the one language a run asked for
        self.by_lang = {_figure_lang(figure): figure}
        if alternate is not None:
            self.by_lang.setdefault(_figure_lang(alternate), alternate)

    def href(self, figure_id: str, ext: str) -> str:
        return f"{self.prefix}figures/{figure_id}.{ext}"

    def render(self, lang: str) -> str:
        """The block in ``lang``: its own figure if there is one, else the one given."""
        f = self.by_lang.get(lang, self.figure)
        other = next((g for g in self.by_lang.values() if g is not f), None)
        width, height = (round(v * 100) for v in f.fig.get_size_inches())
        svg = self.href(f.id, "svg")
        table = say("notebook.chart_data", lang)
        links = [
            f'<a href="{self.href(f.id, "csv")}">{escape(f.id)}.csv</a> ({table})',
            f'<a href="{svg}">SVG</a>',
            f'<a href="{self.href(f.id, "png")}">PNG</a>',
        ]
        if other is not None:
            other_lang = _figure_lang(other)
            links.append(
                f'<a href="{self.href(other.id, "svg")}" hreflang="{other_lang}">'
                f"{escape(say(LINK_TO[other_lang], lang))}</a>"
            )
        chapter = f.chapter.removeprefix("chapters/").removesuffix(".ipynb")
        title_link = (
            f'<a href="{self.prefix}chapters/{chapter}.html">'
            f"{escape(chapter_title(f.chapter, lang))}</a>"
        )
        # The catalogue's words hold no markup; the links are HTML.
        files = say("notebook.files", lang, links=" · ".join(links), chapter=title_link)
        title = escape(say("notebook.open_full", lang))
        return (
            f'<figure class="egov-figure" id="figure-{escape(f.id)}">'
            f'<a href="{svg}" title="{title}">'
            f'<img src="{svg}" alt="{escape(f.alt)}" width="{width}" height="{height}" '
            'decoding="async"></a>'
            f"<figcaption><p>{escape(f.caption)}</p>"
            f'<p class="egov-figure-links">{files}</p>'
            f'<p class="egov-csv-note">{escape(CSV_NOTE[lang])}</p></figcaption></figure>'
        )

    def _repr_html_(self) -> str:
        return bilingual(self.render, self.langs)

    def __repr__(self) -> str:
        f = self.by_lang.get(self.langs[0], self.figure)
        return say("notebook.figure", self.langs[0], id=f.id, caption=f.caption)


# A chapter's title, as its first heading gives it in both languages: # {tr}`English | Indonesia`
_TITLE = re.compile(r"^# \{tr\}`([^|`]+)\|([^`]+)`", re.M)


def chapter_title(chapter: str, lang: str = "en", data_dir=None) -> str:
    """The title of ``chapter`` ("chapters/02-....ipynb") in ``lang``, read from its first
    heading; the notebook's name if the chapter is not in this checkout."""
    name = Path(chapter).stem
    checkout = Path(__file__).resolve().parents[3]  # this package's own book first
    path = next(
        (p for p in (checkout / chapter, paths.project_root(data_dir) / chapter) if p.is_file()),
        None,
    )
    if path is None:
        return name
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        found = _TITLE.search("".join(cell["source"])) if cell["cell_type"] == "markdown" else None
        if found:
            return (found.group(1) if lang == "en" else found.group(2)).strip()
    return name


def _figure_lang(figure) -> str:
    """A figure's language from its id: English ids end in -en, Indonesian ones do not."""
    return "en" if figure.id.endswith("-en") else "id"


def show(figure, alternate=None, prefix: str = "../", lang: str | None = None) -> FigureBlock:
    """Save a figure (PNG, SVG, CSV), and its other-language version if given, close
    them, and return what the page displays: this run's own files, never a default;
    in both languages (``lang`` None, the book) or in ``lang`` alone."""
    import matplotlib.pyplot as plt

    for item in (figure, alternate):
        if item is not None:
            item.save()
            plt.close(item.fig)
    return FigureBlock(figure, alternate, prefix, lang)
