"""The one place where the book formats numbers and small phrases for a reader, in
English ("en") or Indonesian ("id"): 0.7160 / 0,7160; 2,316 / 2.316; 77th / ke-77.

Every generated sentence, table cell, card and figure label goes through these
functions, so that a number reads the same way everywhere in one edition.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from html import escape

LANGS = ("en", "id")


def _check(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"Unknown language {lang!r}. Valid languages: {', '.join(LANGS)}.")
    return lang


def _localise(formatted: str, lang: str) -> str:
    """English separators (1,234.5) to Indonesian ones (1.234,5)."""
    if _check(lang) == "en":
        return formatted
    return formatted.translate(str.maketrans({",": ".", ".": ","}))


def rounded(value, decimals: int = 4) -> Decimal:
    """``value`` rounded as the UN and a reader round: half away from zero, on its decimal
    value (0.39775 -> 0.3978), not on the binary float nearest to it (which a plain
    ``round`` or format rounds down, or half to even). A computed value such as a
    median is first read to ten decimals, which removes the float's own noise."""
    exact = Decimal(repr(round(float(value), 10)))
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(value, decimals: int = 4, lang: str = "en") -> str:
    """0.7160 / 0,7160; 2,316.5 / 2.316,5 (thousands grouped, ``decimals`` places,
    rounded half away from zero: ``rounded``)."""
    return _localise(f"{rounded(value, decimals):,.{decimals}f}", lang)


MINUS = "\u2212"  # the minus sign, not the hyphen: "−0,0145" (and a hyphen never breaks it)


def signed(value, decimals: int = 4, lang: str = "en") -> str:
    """+0.2248 / +0,2248; −0.0100 / −0,0100 (rounded as ``number``, with the minus sign,
    U+2212)."""
    return _localise(f"{rounded(value, decimals):+,.{decimals}f}", lang).replace("-", MINUS)


def whole(n, lang: str = "en") -> str:
    """A count: 2,316 / 2.316. Years are not counts: write them with ``str``."""
    return _localise(f"{int(n):,d}", lang)


NUMBER_WORDS = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    "id": (
        "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
        "sembilan", "sepuluh",
    ),
}  # fmt: skip


def in_words(n: int, lang: str = "en") -> str:
    """A small count in words (three / tiga), as prose writes it and as a sentence must
    begin; from 11 on, digits (``whole``)."""
    n = int(n)
    return NUMBER_WORDS[_check(lang)][n] if 0 <= n <= 10 else whole(n, lang)


def percent(value, decimals: int = 2, lang: str = "en") -> str:
    """``value`` already in percent: 71.60 percent / 71,60 persen."""
    return f"{number(value, decimals, lang)} {'percent' if lang == 'en' else 'persen'}"


def ordinal(n: int, lang: str = "en") -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st / ke-1, ke-2, ke-11."""
    if _check(lang) == "id":
        return f"ke-{int(n)}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rank_phrase(n: int, lang: str = "en") -> str:
    """world rank 77 / peringkat ke-77 dunia (as the Indonesian press and government
    write it)."""
    return f"world rank {int(n)}" if _check(lang) == "en" else f"peringkat ke-{int(n)} dunia"


def join_and(items, lang: str = "en") -> str:
    """'a', 'a and b', 'a, b and c' / 'a', 'a dan b', 'a, b, dan c'."""
    items = [str(i) for i in items]
    word = " and " if _check(lang) == "en" else " dan "
    if len(items) <= 2:
        return word.join(items)
    last = word if lang == "en" else "," + word
    return ", ".join(items[:-1]) + last + items[-1]


def pick(lang: str, en: str, id: str) -> str:
    """The sentence of ``lang`` from its two versions, written side by side."""
    return en if _check(lang) == "en" else id


def shown(lang: str | None = None) -> tuple[str, ...]:
    """The languages an output shows: both (None, what the book asks for, each edition
    keeping its own) or the one a notebook's ``lang`` parameter names."""
    return LANGS if lang is None else (_check(lang),)


def bilingual(render: Callable[[str], str], langs: tuple[str, ...] = LANGS) -> str:
    """One HTML output holding both editions: each language's ``render(lang)`` wrapped in
    ``<div class="egov-lang" lang="…">``; the build keeps the edition's own wrapper.
    ``langs``: fewer languages (a notebook run for one language, ``shown``)."""
    return "".join(
        f'<div class="egov-lang" lang="{escape(lang)}">{render(lang)}</div>' for lang in langs
    )
