"""The book's two editions from one source: English at the site's root, Indonesian (the
paper's language) under ``id/``, with the same page paths.

Every passage holds both languages side by side: prose in ``only`` blocks tagged
``lang_en`` / ``lang_id``, headings and other short text as ``English | Indonesia``
(the ``tr`` role, the table of contents' part captions), and code-cell outputs as two
``<div class="egov-lang" lang="..">`` wrappers. The notebooks run once; each edition's
Sphinx build keeps its own language. The Sphinx side lives in ``egov_repro.sphinxext``.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser

from egov_repro.words.catalogue import say, say_all
from egov_repro.words.languages import DEFAULT, LANGUAGES, NAMES, check_language

LANGS = LANGUAGES
# Where each edition's pages live in the built site, relative to its root.
SUBDIR = {"en": "", "id": "id"}
# The edition's words outside the pages live in words/messages/interface.toml.
# The Indonesian edition's own title (the site's name, the landing page's heading, the
# PDF's cover and metadata); the English one is _config.yml's.
TITLES = {"id": say("interface.title", "id")}
# Who the footer ("By ...") and the PDF's metadata name as the authors.
AUTHORS = say_all("interface.authors")
# How each edition describes itself where a page has no text of its own (search, index).
SUMMARIES = say_all("interface.summary")
SEPARATOR = " | "
# Interface strings that no gettext catalogue reaches: written into the templates or the
# code of sphinx-book-theme and MyST-NB (``{type}`` in MyST-NB's cell prompts is filled
# in English). Everything the themes and Sphinx look up through gettext is translated
# in the project's catalogues instead (egov_repro/locale, egov_repro.i18n).
THEME_STRINGS = (
    "search",
    "primary_sidebar",
    "secondary_sidebar",
    "binder_logo",
    "main",
    "page",
    "show_source",
    "hide_source",
    "show_outputs",
    "hide_outputs",
    "toggle_hidden",
)
INTERFACE = {
    "id": {
        say("interface.theme." + k, "en"): say("interface.theme." + k, "id") for k in THEME_STRINGS
    }
}
# The footer's stamp (egov_repro.sphinxext), per edition.
STAMP_PARTS = ("data", "commit", "dirty")
STAMP = {lang: {k: say("interface.stamp." + k, lang) for k in STAMP_PARTS} for lang in LANGS}


def interface_words(lang: str) -> None:
    """Render every word of the editions outside their pages (interface.toml: the tables
    above, made once at import, and the download menu's PDF entry) in ``lang``, for the
    editor's sheet, which records them."""
    say("interface.title", lang)
    say("interface.authors", lang)
    say("interface.summary", lang)
    for key in THEME_STRINGS:
        say("interface.theme." + key, lang)
    for key in STAMP_PARTS:
        say("interface.stamp." + key, lang)
    say("interface.pdf_button.text", lang)
    say("interface.pdf_button.tooltip", lang)


def title(lang: str, english: str) -> str:
    """The book's title in the edition ``lang`` (``english``: _config.yml's)."""
    return TITLES.get(check_lang(lang), english)


def check_lang(lang: str) -> str:
    """``lang`` if the book has it; the one error of ``languages.check_language``."""
    return check_language(lang)


def pick(text: str, lang: str, where: str = "") -> str:
    """The ``lang`` half of ``"English | Indonesia"``."""
    parts = text.split(SEPARATOR)
    if len(parts) != len(LANGS) or not all(p.strip() for p in parts):
        raise ValueError(
            f"{where or 'bilingual text'}: expected 'English{SEPARATOR}Indonesia', got {text!r}"
        )
    return parts[LANGS.index(check_lang(lang))].strip()


class _Blocks(HTMLParser):
    """Finds the character spans of top-level ``egov-lang`` wrappers and their language."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.spans: list[tuple[int, int, str]] = []
        self._depth = 0
        self._open: tuple[int, str] | None = None

    def feed_text(self, html: str) -> None:
        self._offsets = [0]
        for line in html.splitlines(keepends=True):
            self._offsets.append(self._offsets[-1] + len(line))
        self._html = html
        self.feed(html)
        self.close()

    def _position(self) -> int:
        line, column = self.getpos()
        return self._offsets[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag != "div":
            return
        attributes = dict(attrs)
        if self._open is None and "egov-lang" in (attributes.get("class") or "").split():
            self._open = (self._position(), attributes.get("lang", ""))
            self._depth = 0
        if self._open is not None:
            self._depth += 1

    def handle_endtag(self, tag):
        if tag != "div" or self._open is None:
            return
        self._depth -= 1
        if self._depth == 0:
            end = self._html.index(">", self._position()) + 1
            start, lang = self._open
            self.spans.append((start, end, lang))
            self._open = None


def keep_language(html: str, lang: str) -> str:
    """``html`` with every ``egov-lang`` wrapper of another language removed."""
    if "egov-lang" not in html:
        return html
    parser = _Blocks()
    parser.feed_text(html)
    for start, end, block_lang in reversed(parser.spans):
        if block_lang != lang:
            html = html[:start] + html[end:]
    return html


def other_page(pagename: str, lang: str, target: str) -> str:
    """The relative URL from page ``pagename`` of edition ``lang`` to the same page of
    edition ``target`` (``chapters/02-x`` in English -> ``../id/chapters/02-x.html``)."""
    here = posixpath.join(SUBDIR[lang], posixpath.dirname(pagename))
    there = posixpath.join(SUBDIR[target], pagename + ".html")
    return posixpath.relpath(there, here or ".")


def switch_html(pagename: str, lang: str) -> str:
    """The visible link from a page to the same page of the other edition."""
    other = next(code for code in LANGS if code != lang)
    href = other_page(pagename, lang, other)
    return (
        f'<a class="btn egov-lang-switch" href="{href}" hreflang="{other}" lang="{other}">'
        f"{NAMES[other]}</a>"
    )


def alternates_html(base: str, pagename: str) -> str:
    """``<link rel="alternate" hreflang>`` for every edition of a page (and x-default)."""
    links = [
        f'<link rel="alternate" hreflang="{code}" href="{page_url(base, pagename, code)}" />'
        for code in LANGS
    ]
    links.append(
        f'<link rel="alternate" hreflang="x-default" href="{page_url(base, pagename, DEFAULT)}" />'
    )
    return "\n".join(links)


def edition_base(site: str, lang: str) -> str:
    """An edition's own address under the site's (``.../id/`` for Indonesian)."""
    if not site or not SUBDIR[lang]:
        return site
    return site.rstrip("/") + "/" + SUBDIR[lang] + "/"


def site_base(edition: str, lang: str) -> str:
    """The site's address, from an edition's own."""
    if not edition or not SUBDIR[lang]:
        return edition
    return edition.rstrip("/").removesuffix("/" + SUBDIR[lang]) + "/"


def page_url(base: str, pagename: str, lang: str) -> str:
    """The absolute address of a page of one edition, for hreflang alternates."""
    return base.rstrip("/") + "/" + posixpath.join(SUBDIR[lang], pagename + ".html")


def tag(lang: str) -> str:
    """The Sphinx tag an ``only`` block names for ``lang``."""
    return f"lang_{check_lang(lang)}"


def localise_interface(html: str, lang: str) -> str:
    """The page's interface strings (``INTERFACE``) in the edition's language: as an
    element's whole text or as an attribute's value."""
    for english, local in INTERFACE.get(lang, {}).items():
        html = html.replace(f">{english}<", f">{local}<")
        html = html.replace(f'="{english}"', f'="{local}"')
        html = re.sub(rf">(\s*){re.escape(english)}(\s*)<", rf">\g<1>{local}\g<2><", html)
    return html
