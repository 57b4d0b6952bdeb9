"""The editions' HTML: code-cell outputs cut to one language, the link to the other
edition, hreflang alternates, and interface strings no catalogue reaches."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from egov_repro.words.editions import DEFAULT, INTERFACE, LANGS, NAMES, other_page, page_url


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


def localise_interface(html: str, lang: str) -> str:
    """The page's interface strings (``INTERFACE``) in the edition's language: as an
    element's whole text or as an attribute's value."""
    for english, local in INTERFACE.get(lang, {}).items():
        html = html.replace(f">{english}<", f">{local}<")
        html = html.replace(f'="{english}"', f'="{local}"')
        html = re.sub(rf">(\s*){re.escape(english)}(\s*)<", rf">\g<1>{local}\g<2><", html)
    return html
