"""The book's two editions from one source: English at the site's root, Indonesian (the
paper's language) under ``id/``, with the same page paths.

Every passage holds both languages side by side: prose in ``only`` blocks tagged
``lang_en`` / ``lang_id``, headings and other short text as ``English | Indonesia``
(the ``tr`` role, the table of contents' part captions), and code-cell outputs as two
``<div class="egov-lang" lang="..">`` wrappers. The notebooks run once; each edition's
Sphinx build keeps its own language. The Sphinx side lives in ``egov_repro.site.sphinx_editions``,
the rewriting of the built HTML in ``egov_repro.site.edition_html``.
"""

from __future__ import annotations

import posixpath

from egov_repro.words.catalogue import say, say_all
from egov_repro.words.languages import DEFAULT, LANGUAGES, NAMES, check_language  # noqa: F401 (DEFAULT, NAMES: re-exported for the editions)

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
# in the project's catalogues instead (egov_repro/locale, egov_repro.words.i18n).
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
# The footer's stamp (egov_repro.site.sphinx_page), per edition.
STAMP_PARTS = ("data", "commit", "dirty")
STAMP = {lang: {k: say("interface.stamp." + k, lang) for k in STAMP_PARTS} for lang in LANGS}


def stamp_commit(commit: str, lang: str) -> str:
    """A build stamp's commit (``egov_repro.book.stamp``, which says "with uncommitted
    changes" in English) as the ``lang`` edition's footer and PDF cover show it."""
    return commit.replace(STAMP["en"]["dirty"], STAMP[check_lang(lang)]["dirty"])


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
