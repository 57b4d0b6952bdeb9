"""The one place where the book formats numbers and small phrases for a reader, in
English ("en") or Indonesian ("id"): 0.7160 / 0,7160; 2,316 / 2.316; 77th / ke-77.

Separators, grouping, lists and dates come from the Unicode CLDR through Babel, for
the locale ``words.languages.LOCALES`` gives each language. Our own code only does
what CLDR does not: rounding half away from zero on the decimal value (``rounded``),
the minus sign U+2212, ordinals ("77th" / "ke-77": CLDR has ordinal plural rules, not
the words) and small counts in words at the start of a sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from html import escape

from babel.lists import format_list
from babel.numbers import format_decimal

from egov_repro.words.languages import LANGUAGES, LOCALES, check_language


def rounded(value, decimals: int = 4) -> Decimal:
    """``value`` rounded as the UN and a reader round: half away from zero, on its decimal
    value (0.39775 -> 0.3978), not on the binary float nearest to it (which a plain
    ``round`` or format rounds down, or half to even). A computed value such as a
    median is first read to ten decimals, which removes the float's own noise."""
    exact = Decimal(repr(round(float(value), 10)))
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def number(value, decimals: int = 4, lang: str = "en") -> str:
    """0.7160 / 0,7160; 2,316.5 / 2.316,5 (CLDR's separators and grouping, ``decimals``
    places, rounded half away from zero first: ``rounded``, so CLDR never rounds)."""
    locale = LOCALES[check_language(lang)]
    return format_decimal(rounded(value, decimals), _pattern(decimals), locale=locale)


MINUS = "\u2212"  # the minus sign, not the hyphen: "−0,0145" (and a hyphen never breaks it)


def signed(value, decimals: int = 4, lang: str = "en") -> str:
    """+0.2248 / +0,2248; −0.0100 / −0,0100 (rounded as ``number``, with the minus sign,
    U+2212)."""
    exact = rounded(value, decimals)
    sign = MINUS if exact.is_signed() else "+"  # −0.0000 as before: the sign of what was rounded
    return sign + number(abs(exact), decimals, lang)


def whole(n, lang: str = "en") -> str:
    """A count: 2,316 / 2.316. Years are not counts: write them with ``str``."""
    return format_decimal(int(n), "#,##0", locale=LOCALES[check_language(lang)])


def ordinal(n: int, lang: str = "en") -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st / pertama, ke-2, ke-11 (an Indonesian writer says
    "urutan pertama", not "urutan ke-1")."""
    if check_language(lang) == "id":
        return "pertama" if int(n) == 1 else f"ke-{int(n)}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rank_after_word(n: int, lang: str = "en") -> str:
    """A world rank a sentence puts after "rank" / "peringkat": 116 in English, "ke-116"
    or "pertama" in Indonesian (so that no chapter types a "ke-" of its own)."""
    return str(int(n)) if check_language(lang) == "en" else ordinal(n, lang)


def join_and(items, lang: str = "en") -> str:
    """CLDR's list: 'a', 'a and b', 'a, b, and c' / 'a', 'a dan b', 'a, b, dan c'."""
    items = [str(i) for i in items]
    return format_list(items, locale=LOCALES[check_language(lang)]) if items else ""


def shown(lang: str | None = None) -> tuple[str, ...]:
    """The languages an output shows: both (None, what the book asks for, each edition
    keeping its own) or the one a notebook's ``lang`` parameter names."""
    return LANGUAGES if lang is None else (check_language(lang),)


def bilingual(render: Callable[[str], str], langs: tuple[str, ...] = LANGUAGES) -> str:
    """One HTML output holding both editions: each language's ``render(lang)`` wrapped in
    ``<div class="egov-lang" lang="…">``; the build keeps the edition's own wrapper.
    ``langs``: fewer languages (a notebook run for one language, ``shown``)."""
    return "".join(
        f'<div class="egov-lang" lang="{escape(lang)}">{render(lang)}</div>' for lang in langs
    )
