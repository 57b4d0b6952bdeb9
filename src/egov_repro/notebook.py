"""Helpers for the chapters: put computed values into the prose with MyST-NB's glue,
show the figure a chapter's own run made, and show tables formatted for people."""

from __future__ import annotations

import numbers
from html import escape

LANG_NAMES = {"en": "English", "id": "Bahasa Indonesia (as in the paper)"}


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


class FigureBlock:
    """A saved figure as the page shows it: the SVG (tap to open it in full), its
    caption, and links to the table behind it, the PNG and the other language."""

    def __init__(self, figure, alternate=None, prefix: str = "../"):
        self.figure, self.alternate, self.prefix = figure, alternate, prefix

    def href(self, figure_id: str, ext: str) -> str:
        return f"{self.prefix}figures/{figure_id}.{ext}"

    def _repr_html_(self) -> str:
        f = self.figure
        width, height = (round(v * 100) for v in f.fig.get_size_inches())
        svg = self.href(f.id, "svg")
        links = [
            f'<a href="{self.href(f.id, "csv")}">{escape(f.id)}.csv</a> (the plotted table)',
            f'<a href="{svg}">SVG</a>',
            f'<a href="{self.href(f.id, "png")}">PNG</a>',
        ]
        if self.alternate is not None:
            lang = "id" if f.id.endswith("-en") else "en"
            links.append(
                f'<a href="{self.href(self.alternate.id, "svg")}" hreflang="{lang}">'
                f"{escape(LANG_NAMES[lang])}</a>"
            )
        chapter = f.chapter.removeprefix("chapters/").removesuffix(".ipynb")
        return (
            f'<figure class="egov-figure" id="figure-{escape(f.id)}">'
            f'<a href="{svg}" title="Open the figure in full size">'
            f'<img src="{svg}" alt="{escape(f.alt)}" width="{width}" height="{height}" '
            'decoding="async"></a>'
            f"<figcaption><p>{escape(f.caption)}</p>"
            f'<p class="egov-figure-links">Files: {" · ".join(links)}. Made by '
            f'<a href="{self.prefix}chapters/{chapter}.html">{escape(chapter)}</a> from the '
            "data package.</p></figcaption></figure>"
        )

    def __repr__(self) -> str:
        return f"Figure {self.figure.id}: {self.figure.caption}"


def show(figure, alternate=None, prefix: str = "../") -> FigureBlock:
    """Save a figure (PNG, SVG, CSV), and its other-language version if given, close
    them, and return what the page displays: this run's own files, never a default."""
    import matplotlib.pyplot as plt

    for item in (figure, alternate):
        if item is not None:
            item.save()
            plt.close(item.fig)
    return FigureBlock(figure, alternate, prefix)
