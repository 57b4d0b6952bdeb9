"""Citation labels that tell works apart: "author year", with a, b, ... added when two
works share both (the UN published the 2024 survey and its 2024 data centre). The
bibliography shows the same label as the citation in the text, so a reader can match
them. Registered with pybtex and sphinxcontrib-bibtex by ``egov_repro.site.sphinxext``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from string import ascii_lowercase

from pybtex.database import Entry, Person
from pybtex.plugin import find_plugin
from pybtex.plugin import register_plugin as register_pybtex
from pybtex.richtext import String, Text
from pybtex.style import template
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.formatting.unsrt import date as unsrt_date
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import FieldIsMissing, join, node, sentence
from sphinxcontrib.bibtex.plugin import register_plugin as register_sphinx
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.label import LabelReferenceStyle

from egov_repro.words.catalogue import say
from egov_repro.words.languages import LANGUAGES

FORMATTING_STYLE = "egov"
REFERENCE_STYLE = "egov_label"
# The words a reference is written with, per edition ("and" / "dan", "et al." / "dkk.",
# "n.d." / "t.t.") and the template words of pybtex's plain style in the Indonesian
# edition: words/messages/bibliography.toml.
WORD_KEYS = ("and", "others", "no_date")
TEMPLATE_KEYS = ("in", "editor", "editors", "pages")
WORDS = {
    lang: {key: say("bibliography.word." + key, lang) for key in WORD_KEYS} for lang in LANGUAGES
}
TEMPLATE_WORDS_ID = {
    say("bibliography.template." + key, "en"): say("bibliography.template." + key, "id")
    for key in TEMPLATE_KEYS
}


def reference_words(lang: str) -> None:
    """Render every word of the references in ``lang`` (for the editor's sheet, which
    records them; the tables above are made once, at import)."""
    for key in WORD_KEYS:
        say("bibliography.word." + key, lang)
    for key in TEMPLATE_KEYS:
        say("bibliography.template." + key, lang)


# An edition's formatting style: the Indonesian one is registered as "egov_id".
EDITION_STYLES = {("egov", "id"): "egov_id"}


def edition_style(name: str, lang: str) -> str:
    """The style ``name`` for the edition ``lang`` (the same style where it has none)."""
    return EDITION_STYLES.get((name, lang), name)


def _who(entry, lang: str = "en") -> str:
    """The short author: a ``shortauthor`` field (biblatex's, e.g. "UN DESA"), else the
    last names of one or two authors, else the first author "et al." / "dkk."."""
    if "shortauthor" in entry.fields:
        return entry.fields["shortauthor"]
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [" ".join(p.last_names).strip("{}") for p in people]
    if not names:
        return entry.fields.get("title", entry.key)
    if len(names) > 2 or (len(names) == 2 and names[1] == "others"):
        return f"{names[0]} {WORDS[lang]['others']}"
    return f" {WORDS[lang]['and']} ".join(names)


def _year(entry, lang: str) -> str:
    year = entry.fields.get("year", WORDS["en"]["no_date"])
    return WORDS[lang]["no_date"] if year == WORDS["en"]["no_date"] else year


def base_label(entry, lang: str = "en") -> str:
    return f"{_who(entry, lang)} {_year(entry, lang)}"


class AuthorYearLabels(BaseLabelStyle):
    def __init__(self, lang: str = "en"):
        super().__init__()
        self.lang = lang

    def format_labels(self, sorted_entries):
        if self.lang == "id":
            sorted_entries = [_indonesian_entry(e) for e in sorted_entries]
        bases = [base_label(e, self.lang) for e in sorted_entries]
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

    def get_article_template(self, e):
        """pybtex's plain article drops the volume and issue of an entry without pages;
        here they stand alone: "Journal of Government Science 4(1), 2023"."""
        if "pages" in e.fields:
            return super().get_article_template(e)
        issue = template.optional["(", template.field("number"), ")"]
        volume = template.optional[template.join[template.field("volume"), issue]]
        return toplevel[
            self.format_names("author"),
            self.format_title(e, "title"),
            sentence[template.tag("em")[template.field("journal")], volume, unsrt_date],
            sentence[template.optional_field("note")],
            self.format_web_refs(e),
        ]

    def format_url(self, e):
        shown = e.fields.get("url", "").split("://", 1)[-1].rstrip("/")
        url = template.field("url", raw=True)
        return template.words["URL:", template.href(url)[shown]]


@node
def _names_id(children, context, role):
    """The people of ``role`` the Indonesian way: "A dan B", "A, B, dan C", and "A, B,
    dkk." where the list ends in BibTeX's "others"."""
    entry = context["entry"]
    try:
        persons = entry.persons[role]
    except KeyError as missing:
        raise FieldIsMissing(role, entry) from missing
    style = context["style"]
    others = bool(persons) and str(persons[-1]) == "others"
    people = persons[:-1] if others else persons
    named = [style.format_name(p, style.abbreviate_names) for p in people]
    if others:
        return join(sep=", ")[[*named, Text(WORDS["id"]["others"])]].format_data(context)
    words = WORDS["id"]["and"]
    return join(sep=", ", sep2=f" {words} ", last_sep=f", {words} ")[named].format_data(context)


def _indonesian_entry(entry):
    """A copy of ``entry`` for the Indonesian edition: a field ``X_id`` (``note_id``,
    ``title_id``, ``author_id``) in place of ``X``, and "t.t." for "n.d."."""
    fields, persons = dict(entry.fields), dict(entry.persons)
    for name in [name for name in fields if name.lower().endswith("_id")]:
        value = fields.pop(name)
        if name[:-3].lower() in ("author", "editor"):
            persons[name[:-3]] = [Person(part) for part in value.split(" and ")]
        else:
            fields[name[:-3]] = value
    if fields.get("year") == WORDS["en"]["no_date"]:
        fields["year"] = WORDS["id"]["no_date"]
    copy = Entry(entry.type, fields=fields, persons=persons)
    copy.key = entry.key
    return copy


def entry_title(bibfile, key: str, lang: str) -> str:
    """An entry's title as the ``lang`` edition's references show it (``title_id`` in
    Indonesian when the entry has one), without BibTeX's braces: the PDF's cover cites
    the package with the same title as the Indonesian cite page."""
    from pybtex.database import parse_file

    entry = parse_file(str(bibfile), bib_format="bibtex").entries[key]
    if lang != "en":
        entry = _indonesian_entry(entry)
    return " ".join(entry.fields["title"].replace("{", "").replace("}", "").split())


def _translate_words(text):
    """pybtex's template words ("In", "pages") in Indonesian, wherever they stand alone."""
    if isinstance(text, String):
        word = text.value.strip()
        if word in TEMPLATE_WORDS_ID:
            return String(text.value.replace(word, TEMPLATE_WORDS_ID[word]))
        return text
    if hasattr(text, "parts"):
        text.parts = [_translate_words(part) for part in text.parts]
    return text


class IndonesianAuthorYearStyle(AuthorYearStyle):
    """The same references in Indonesian: "dan", "dkk.", "t.t.", "Dalam", and the
    entries' Indonesian fields (``note_id``, ``title_id``)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.label_style = AuthorYearLabels("id")
        self.format_labels = self.label_style.format_labels

    def format_names(self, role, as_sentence=True):
        formatted = _names_id(role)
        return sentence[formatted] if as_sentence else formatted

    def format_entry(self, label, entry, bib_data=None):
        formatted = super().format_entry(label, _indonesian_entry(entry), bib_data)
        formatted.text = _translate_words(formatted.text)
        return formatted


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
    register_pybtex(
        "pybtex.style.formatting",
        edition_style(FORMATTING_STYLE, "id"),
        IndonesianAuthorYearStyle,
        force=True,
    )
    register_sphinx(
        "sphinxcontrib.bibtex.style.referencing",
        REFERENCE_STYLE,
        ParenthesizedLabelStyle,
        force=True,
    )
