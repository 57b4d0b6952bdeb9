"""The message catalogues: every sentence the code generates for a reader, in both
languages side by side, one TOML file per domain under ``words/messages/``.

A message is a table with one string per language, written with named placeholders
that say how a fact is formatted::

    [sea_place.claim]
    en = "Indonesia is {place:ordinal} among {n:whole} countries ({year})."
    id = "Indonesia berada di urutan {place:ordinal} dari {n:whole} negara ({year})."

``say("claims.sea_place.claim", "id", place=5, n=11, year=2022)`` renders it. The code
passes facts (numbers, years, names, lists); the catalogue decides the words and,
through the format after the colon, how each fact is written in that language (the
formats are ``FORMATS``; no format: the value as it is). A language's text may instead
be a table of CLDR plural forms (``one``, ``other``) chosen by the ``count`` value.
An optional ``note`` tells a translator what the message is for.

Why TOML side by side rather than one gettext catalogue per language: an editor sees
both languages of a sentence together, so they cannot drift apart unnoticed, and
Python reads TOML without another package. ``problems()`` finds a message missing in
a language or whose placeholders differ between languages; the tests also fail on a
message no code uses.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date

from egov_repro.words.languages import LANGUAGES, LOCALES, check_language
from egov_repro.words.text import join_and, number, ordinal, signed, whole

MESSAGES_DIR = Path(__file__).parent / "messages"
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")
DATE_PATTERN = "d MMMM y"  # 6 December 2026 / 6 Desember 2026


class MessageError(LookupError):
    """A message that is missing, malformed, or rendered without a value it needs."""


# The counts a sentence writes in words ("common.number.<word>").
NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
)  # fmt: skip


def in_words(n: int, lang: str = "en") -> str:
    """A small count in words (three / tiga), as prose writes it and as a sentence must
    begin (up to twelve, so that the region's eleven countries and the twelve editions
    read as words beside a smaller count in one sentence); from 13 on, digits
    (``text.whole``). Here, not in ``text``: the words are
    messages."""
    n = int(n)
    if not 0 <= n < len(NUMBER_WORDS):
        return whole(n, lang)
    return say("common.number." + NUMBER_WORDS[n], lang)


def percent(value, decimals: int = 2, lang: str = "en") -> str:
    """``value`` already in percent: 71.60 percent / 71,60 persen."""
    return say("common.percent", lang, value=number(value, decimals, lang))


def _date(value, lang: str) -> str:
    return format_date(value, DATE_PATTERN, locale=LOCALES[lang])


# "{x:name}" or "{x:name.N}" (N decimals). Each takes (value, lang, N or None).
FORMATS: dict[str, Callable[..., str]] = {
    "number": lambda v, lang, n: number(v, 4 if n is None else n, lang),
    "signed": lambda v, lang, n: signed(v, 4 if n is None else n, lang),
    "percent": lambda v, lang, n: percent(v, 2 if n is None else n, lang),
    "whole": lambda v, lang, n: whole(v, lang),
    "ordinal": lambda v, lang, n: ordinal(v, lang),
    "words": lambda v, lang, n: in_words(v, lang),
    "Words": lambda v, lang, n: _capitalised(in_words(v, lang)),
    "list": lambda v, lang, n: join_and(v, lang),
    "date": lambda v, lang, n: _date(v, lang),
    "Cap": lambda v, lang, n: _capitalised(str(v)),
}


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _split_spec(spec: str) -> tuple[str, int | None]:
    name, _, digits = spec.partition(".")
    return name, (int(digits) if digits.isdigit() else None)


class _Formatter(string.Formatter):
    def __init__(self, lang: str, key: str):
        self.lang, self.key = lang, key

    def get_value(self, name, args, kwargs):
        if name not in kwargs:
            raise MessageError(
                f"{_file_of(self.key)}: message {self.key!r} ({self.lang}) needs a value "
                f"for {{{name}}}; given: {', '.join(sorted(kwargs)) or 'none'}"
            )
        return kwargs[name]

    def format_field(self, value, format_spec):
        if not format_spec:
            return str(value)
        name, digits = _split_spec(format_spec)
        if name not in FORMATS:
            raise MessageError(
                f"{_file_of(self.key)}: message {self.key!r} ({self.lang}) uses the unknown "
                f"format {format_spec!r}; known: {', '.join(FORMATS)}"
            )
        return FORMATS[name](value, self.lang, digits)


def _file_of(key: str) -> str:
    return f"words/messages/{key.partition('.')[0]}.toml"


def _is_message(table: dict) -> bool:
    return any(lang in table for lang in LANGUAGES)


def _flatten(table: dict, prefix: str, out: dict) -> None:
    for name, value in table.items():
        key = f"{prefix}.{name}"
        if not isinstance(value, dict):
            raise MessageError(f"{_file_of(key)}: {key!r} is not a message table")
        if _is_message(value):
            out[key] = value
        else:
            _flatten(value, key, out)


def messages(folder: Path | None = None) -> dict[str, dict]:
    """Every message, by its key ``<domain>.<path>`` (the domain is the file's name);
    ``folder``: another catalogue folder (tests), else ``MESSAGES_DIR``."""
    return _load(folder or MESSAGES_DIR)


@cache
def _load(folder: Path) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise MessageError(f"words/messages/{path.name}: not valid TOML: {error}") from None
        _flatten(table, path.stem, found)
    return found


def _texts(message) -> list[str]:
    """The strings of one language's entry: the text, or each of its plural forms."""
    return list(message.values()) if isinstance(message, dict) else [message]


def placeholders(text: str) -> set[str]:
    """The names in a message's ``{placeholders}`` (format specs aside)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def problems(folder: Path | None = None) -> list[str]:
    """What is wrong with the catalogues, one line each: a language missing, a plural
    form CLDR does not know, a format not in ``FORMATS``, or placeholders that differ
    between the languages of one message."""
    found = []
    for key, message in messages(folder).items():
        where = f"{_file_of(key)}: {key}"
        extra = set(message) - {*LANGUAGES, "note"}
        if extra:
            found.append(f"{where}: unknown entries {sorted(extra)}")
        names = {}
        for lang in LANGUAGES:
            if lang not in message or not all(t.strip() for t in _texts(message[lang])):
                found.append(f"{where}: no {lang} text")
                continue
            if isinstance(message[lang], dict):
                wrong = set(message[lang]) - set(PLURAL_FORMS)
                if wrong or "other" not in message[lang]:
                    found.append(f"{where}: {lang} plural forms {sorted(message[lang])}")
            names[lang] = set()
            for text in _texts(message[lang]):
                names[lang] |= placeholders(text)
                for _, _, spec, _ in string.Formatter().parse(text):
                    if spec and _split_spec(spec)[0] not in FORMATS:
                        found.append(f"{where}: {lang} uses unknown format {spec!r}")
        if len({frozenset(n) for n in names.values()}) > 1:
            detail = "; ".join(f"{lang} {sorted(n)}" for lang, n in names.items())
            found.append(f"{where}: placeholders differ ({detail})")
    return found


_recorders: list[list] = []


@contextmanager
def recording() -> Iterator[list[tuple[str, str, str]]]:
    """Collect every message rendered inside the block as (key, lang, text): the
    editor's sheet (``egov-repro words``) is made this way from the book's own calls."""
    log: list[tuple[str, str, str]] = []
    _recorders.append(log)
    try:
        yield log
    finally:
        _recorders.remove(log)


def say(key: str, lang: str, /, **values) -> str:
    """The message ``key`` in ``lang``, its placeholders filled from ``values``."""
    check_language(lang)
    try:
        message = messages()[key]
    except KeyError:
        raise MessageError(f"{_file_of(key)}: no message {key!r}") from None
    text = message.get(lang)
    if text is None:
        raise MessageError(f"{_file_of(key)}: message {key!r} has no {lang} text")
    if isinstance(text, dict):
        if "count" not in values:
            raise MessageError(f"{_file_of(key)}: message {key!r} has plural forms: give count=")
        form = Locale.parse(LOCALES[lang]).plural_form(abs(values["count"]))
        text = text.get(form, text["other"])
    rendered = _Formatter(lang, key).vformat(text, (), values)
    for log in _recorders:
        log.append((key, lang, rendered))
    return rendered


def say_all(key: str, /, **values) -> dict[str, str]:
    """The message in every language, by language."""
    return {lang: say(key, lang, **values) for lang in LANGUAGES}
