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

LANGS = ("en", "id")
DEFAULT = "en"
# Where each edition's pages live in the built site, relative to its root.
SUBDIR = {"en": "", "id": "id"}
NAMES = {"en": "English", "id": "Bahasa Indonesia"}
# The Indonesian edition's own title; the English one is _config.yml's.
TITLES = {"id": "E-government di Indonesia: reproduksi terbuka"}
SEPARATOR = " | "
# Interface strings that the themes (sphinx-book-theme, pydata-sphinx-theme, MyST-NB) and
# the site footer bring in English even when Sphinx's language is Indonesian.
INTERFACE = {
    "id": {
        "Search this book...": "Cari di buku ini...",
        "Skip to main content": "Langsung ke konten utama",
        "Back to top": "Kembali ke atas",
        "Site navigation": "Navigasi situs",
        "On this page": "Di halaman ini",
        "Toggle primary sidebar": "Buka atau tutup bilah sisi utama",
        "Toggle secondary sidebar": "Buka atau tutup bilah sisi kedua",
        "Color mode": "Mode warna",
        "Light": "Terang",
        "Dark": "Gelap",
        "System Settings": "Ikuti pengaturan sistem",
        "Launch interactive content": "Jalankan konten interaktif",
        "Launch on Binder": "Jalankan di Binder",
        "Binder logo": "Logo Binder",
        "Source repositories": "Repositori sumber",
        "Repository": "Repositori",
        "Open issue": "Laporkan masalah",
        "Version warning": "Peringatan versi",
        "next page": "halaman berikutnya",
        "previous page": "halaman sebelumnya",
        "Main": "Utama",
        "Page": "Halaman",
        "Show code cell source": "Tampilkan kode sel",
        "Hide code cell source": "Sembunyikan kode sel",
        "Show code cell outputs": "Tampilkan keluaran sel",
        "Hide code cell outputs": "Sembunyikan keluaran sel",
        "Data package version": "Versi paket data",
        "built from commit": "dibangun dari commit",
        "with uncommitted changes": "dengan perubahan yang belum di-commit",
        "© Copyright": "© Hak cipta",
    }
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"Unknown edition language {lang!r}. Valid: {', '.join(LANGS)}.")
    return lang


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
    element's whole text, as an attribute's value, and the footer's phrases."""
    for english, local in INTERFACE.get(lang, {}).items():
        html = html.replace(f">{english}<", f">{local}<")
        html = html.replace(f'="{english}"', f'="{local}"')
        html = re.sub(rf">(\s*){re.escape(english)}(\s*)<", rf">\g<1>{local}\g<2><", html)
    for phrase in ("Data package version", "built from commit", "with uncommitted changes"):
        html = html.replace(phrase, INTERFACE.get(lang, {}).get(phrase, phrase))
    return html.replace("© Copyright", INTERFACE.get(lang, {}).get("© Copyright", "© Copyright"))
