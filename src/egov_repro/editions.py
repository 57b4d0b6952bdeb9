"""The book's two editions from one source: English at the site's root, Indonesian (the
paper's language) under ``id/``, with the same page paths.

Every passage holds both languages side by side: prose in ``only`` blocks tagged
``lang_en`` / ``lang_id``, headings and other short text as ``English | Indonesia``
(the ``tr`` role, the table of contents' part captions), and code-cell outputs as two
``<div class="egov-lang" lang="..">`` wrappers. The notebooks run once; each edition's
Sphinx build keeps its own language. The Sphinx side lives in ``egov_repro.sphinx_editions``,
the rewriting of the built HTML in ``egov_repro.edition_html``.
"""

from __future__ import annotations

import posixpath

LANGS = ("en", "id")
DEFAULT = "en"
# Where each edition's pages live in the built site, relative to its root.
SUBDIR = {"en": "", "id": "id"}
NAMES = {"en": "English", "id": "Bahasa Indonesia"}
# The Indonesian edition's own title (in title case, as PUEBI asks of a title: the site's
# name, the landing page's heading, the PDF's cover and metadata); the English one is
# _config.yml's.
TITLES = {"id": "E-Government di Indonesia: Reproduksi Terbuka"}
# Who the footer ("By ...") and the PDF's metadata name as the authors.
AUTHORS = {"en": "egov-repro contributors", "id": "kontributor egov-repro"}
# How each edition describes itself where a page has no text of its own (search, index).
SUMMARIES = {
    "en": "an executable reproduction of Fahlevy, Saleh and Nurmiyati (2023) from the "
    "UN E-Government Survey data",
    "id": "reproduksi yang dapat dijalankan ulang atas Fahlevy, Saleh dan Nurmiyati (2023) "
    "berdasarkan data Survei E-Government PBB",
}
SEPARATOR = " | "
# Interface strings that no gettext catalogue reaches: written into the templates or the
# code of sphinx-book-theme and MyST-NB (``{type}`` in MyST-NB's cell prompts is filled
# in English). Everything the themes and Sphinx look up through gettext is translated
# in the project's catalogues instead (egov_repro/locale, egov_repro.i18n).
INTERFACE = {
    "id": {
        "Search this book...": "Cari di buku ini...",
        "Toggle primary sidebar": "Buka atau tutup bilah sisi utama",
        "Toggle secondary sidebar": "Buka atau tutup bilah sisi kedua",
        "Binder logo": "Logo Binder",
        "Main": "Utama",
        "Page": "Halaman",
        "Show code cell source": "Tampilkan sumber sel kode",
        "Hide code cell source": "Sembunyikan sumber sel kode",
        "Show code cell outputs": "Tampilkan keluaran sel kode",
        "Hide code cell outputs": "Sembunyikan keluaran sel kode",
        "Toggle hidden content": "Tampilkan atau sembunyikan isi",
    }
}
# The footer's stamp (egov_repro.sphinxext), per edition.
STAMP = {
    "en": {
        "data": "Data package version",
        "commit": "built from commit",
        "dirty": "with uncommitted changes",
    },
    "id": {
        "data": "Versi paket data",
        "commit": "disusun dari commit",
        "dirty": "dengan perubahan yang belum di-commit",
    },
}


def title(lang: str, english: str) -> str:
    """The book's title in the edition ``lang`` (``english``: _config.yml's)."""
    return TITLES.get(check_lang(lang), english)


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


def other_page(pagename: str, lang: str, target: str) -> str:
    """The relative URL from page ``pagename`` of edition ``lang`` to the same page of
    edition ``target`` (``chapters/02-x`` in English -> ``../id/chapters/02-x.html``)."""
    here = posixpath.join(SUBDIR[lang], posixpath.dirname(pagename))
    there = posixpath.join(SUBDIR[target], pagename + ".html")
    return posixpath.relpath(there, here or ".")


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
