"""Words that print must not break: a hyphenated word ("ke-77", "SHA-256",
"E-Government", a figure's id) at its hyphen, a reference and its number ("Gambar 1"),
a range at its dash, two acronyms, a command's option. Used on the print page."""

from __future__ import annotations

import re

# A word written with a hyphen ("ke-77", "SHA-256", "E-Government", a figure's id, a
# path) is never broken at its hyphen in print: a reader could not tell such a break from
# a hyphen the line-breaker added. A path or an address may still break after a slash.
HYPHENATED = re.compile(r"[^\s/()\[\],;:“”\"']*\w-\w[^\s/()\[\],;:“”\"']*")
NOWRAP_LONGEST = 40  # characters: a longer word may break (it would not fit a line)
# Nor is a reference split from its number ("Gambar 1", "Gambar 4–6", "Tahun 2009",
# "urutan ke-6"), a range at its dash, "UN DESA", or a command's option ("--json"): the
# reader would look for "Gambar" alone, or type "-- json".
KEPT_TOGETHER = (  # a word and its number; two acronyms; a range; an option
    r"\w+\s(?:\w\w-)?\d+(?:[.,]\d+)*[^\s/()\[\],;:“”\"']*"
    r"|[A-Z]{2,}\s[A-Z]{2,}[^\s/()\[\],;:“”\"']*|\d+–\d+|(?<![\w-])--[a-z][\w-]*"
)
UNBROKEN = re.compile(KEPT_TOGETHER + "|" + HYPHENATED.pattern)


def _unbroken_hyphens(soup, text) -> None:
    """Replace the text node ``text`` by pieces in which each hyphenated word of at most
    ``NOWRAP_LONGEST`` characters sits in a no-wrap span."""
    pieces, last, value = [], 0, str(text)
    for match in UNBROKEN.finditer(value):
        if len(match.group(0)) > NOWRAP_LONGEST:
            continue
        pieces.append(value[last : match.start()])
        span = soup.new_tag("span", attrs={"class": "egov-nowrap"})
        span.string = match.group(0)
        pieces.append(span)
        last = match.end()
    if not pieces:
        return
    pieces.append(value[last:])
    for piece in pieces:
        if piece:
            text.insert_before(piece)
    text.extract()


# Headings stay as they are (the contents and the bookmarks read their text). A link's
# text gets no span: spans inside a link made Chromium split its annotation into a
# varying number of rectangles, and two prints of one commit then differed. Its short
# hyphenated words take the non-breaking hyphen (U+2011) instead, unless the text is an
# address or a path, which a reader copies.
SKIPPED = ["script", "style", "h1", "h2", "h3", "h4", "h5", "h6"]
NON_BREAKING_HYPHEN = "\u2011"


def _link_text_unbroken(text) -> None:
    value = str(text)
    if "/" in text.find_parent("a").get_text() or "@" in value:
        return
    kept = HYPHENATED.sub(
        lambda m: (
            m.group(0).replace("-", NON_BREAKING_HYPHEN)
            if len(m.group(0)) <= NOWRAP_LONGEST
            else m.group(0)
        ),
        value,
    )
    if kept != value:
        text.replace_with(kept)


def keep_hyphenated_words(soup, root) -> None:
    for text in root.find_all(string=UNBROKEN):
        if text.parent is None or text.find_parent(SKIPPED) is not None:
            continue
        if text.find_parent("a") is not None:
            _link_text_unbroken(text)
        elif text.find_parent(class_="egov-nowrap") is None:
            _unbroken_hyphens(soup, text)


def hyphens_kept(fragment: str) -> str:
    """An HTML fragment (the cover) with its hyphenated words kept whole."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(fragment, "html.parser")
    keep_hyphenated_words(soup, soup)
    return str(soup)
