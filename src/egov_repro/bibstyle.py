"""Citation labels that tell works apart: "author year", with a, b, ... added when two
works share both (the UN published the 2024 survey and its 2024 data centre). The
bibliography shows the same label as the citation in the text, so a reader can match
them. Registered with pybtex and sphinxcontrib-bibtex by ``egov_repro.sphinxext``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from string import ascii_lowercase

from pybtex.plugin import find_plugin
from pybtex.plugin import register_plugin as register_pybtex
from pybtex.style import template
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle
from sphinxcontrib.bibtex.plugin import register_plugin as register_sphinx
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.label import LabelReferenceStyle

FORMATTING_STYLE = "egov"
REFERENCE_STYLE = "egov_label"


def _who(entry) -> str:
    """The short author: a ``shortauthor`` field (biblatex's, e.g. "UN DESA"), else the
    last names of one or two authors, else the first author "et al."."""
    if "shortauthor" in entry.fields:
        return entry.fields["shortauthor"]
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [" ".join(p.last_names).strip("{}") for p in people]
    if not names:
        return entry.fields.get("title", entry.key)
    if len(names) > 2:
        return f"{names[0]} et al."
    return " and ".join(names)


def base_label(entry) -> str:
    return f"{_who(entry)} {entry.fields.get('year', 'n.d.')}"


class AuthorYearLabels(BaseLabelStyle):
    def format_labels(self, sorted_entries):
        bases = [base_label(e) for e in sorted_entries]
        shared = Counter(bases)
        seen: Counter = Counter()
        for base in bases:
            if shared[base] == 1:
                yield base
                continue
            yield base + ascii_lowercase[seen[base]]
            seen[base] += 1


class LabelOrder(BaseSortingStyle):
    """The bibliography in the order of the labels a reader sees ("databoks 2016",
    "Ditjen Aptika 2022", "Fahlevy et al. 2023", "UN DESA 2003"), case ignored: pybtex's
    own order puts every organisation, whose name is braced, after every person."""

    def sorting_key(self, entry):
        title = entry.fields.get("title", "").strip("{}").casefold()
        return (_who(entry).strip("{}").casefold(), entry.fields.get("year", ""), title)


class AuthorYearStyle(PlainStyle):
    """pybtex's plain style with author-year labels, sorted by label, and each address
    shown without its scheme (the theme would shorten a GitHub address shown in full to
    "owner/name", which reads as a broken link)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.label_style = AuthorYearLabels()
        self.format_labels = self.label_style.format_labels
        self.sort_style = LabelOrder()
        self.sort = self.sort_style.sort

    def format_url(self, e):
        shown = e.fields.get("url", "").split("://", 1)[-1].rstrip("/")
        url = template.field("url", raw=True)
        return template.words["URL:", template.href(url)[shown]]


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")")


@dataclass
class ParenthesizedLabelStyle(LabelReferenceStyle):
    """Citations show the bibliography's label in round brackets: (UN DESA 2024a)."""

    bracket_parenthetical: BracketStyle = field(default_factory=_round)
    bracket_textual: BracketStyle = field(default_factory=_round)


# The plugins a build looks up by name. pybtex finds an installed plugin by scanning
# every installed package's entry points, on each lookup, and sphinxcontrib-bibtex looks
# up the plaintext backend once per citation: 41 scans, a second of each edition's
# build. Found once and registered as runtime plugins, they are looked up in a dict.
LOOKED_UP = [
    ("pybtex.backends", "plaintext"),
    ("pybtex.backends", "docutils"),
    ("pybtex.style.names", "plain"),
    ("pybtex.style.names", "last"),
    ("pybtex.style.labels", "number"),
    ("pybtex.style.sorting", "author_year_title"),
]


def register() -> None:
    for group, name in LOOKED_UP:
        register_pybtex(group, name, find_plugin(group, name), force=True)
    register_pybtex("pybtex.style.formatting", FORMATTING_STYLE, AuthorYearStyle, force=True)
    register_sphinx(
        "sphinxcontrib.bibtex.style.referencing",
        REFERENCE_STYLE,
        ParenthesizedLabelStyle,
        force=True,
    )
