"""The book's languages: the one list every module reads (editions, catalogues,
formatting, the command line), so that a language is added or named in one place."""

from __future__ import annotations

# The order is the editions' order: the first is the site's root edition.
LANGUAGES = ("en", "id")
DEFAULT = "en"
# The paper's language: a figure is drawn in it unless asked otherwise.
PAPER_LANGUAGE = "id"
# Each language as it names itself (the edition switch, the command line's help).
NAMES = {"en": "English", "id": "Bahasa Indonesia"}
# The Babel (Unicode CLDR) locale that formats each language's numbers, dates and lists.
LOCALES = {"en": "en", "id": "id"}


def check_language(lang: str) -> str:
    """``lang`` if the book has it; otherwise one error, the same everywhere."""
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}. Valid languages: {', '.join(LANGUAGES)}.")
    return lang
