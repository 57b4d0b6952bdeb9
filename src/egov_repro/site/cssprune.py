"""Drop the style rules no page can use, so a phone downloads and parses a fifth of the
theme's CSS before it can paint.

The theme ships Bootstrap, FontAwesome's class list and its own rules: about 500 kB
(80 kB compressed), nine tenths of which no page of this book ever matches. A rule is
kept when every class and id its selector needs appears in the site: in a page's
``class``/``id`` attributes, in a page's inline script, or anywhere in the site's own
scripts (which add classes such as ``show`` or ``active`` at run time). What cannot be
judged that way is kept: at-rules other than ``@media``/``@supports``/``@layer``/
``@container`` (fonts, keyframes, pages), selectors with escapes or ``:is()``,
``:where()``, ``:has()``, and Bootstrap's ``bs-`` classes, which its scripts assemble
from parts. Classes inside ``:not()`` and attribute selectors are not required: they
narrow a match, they never make one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NESTED = ("@media", "@supports", "@layer", "@container")
ASSEMBLED = ("bs-",)  # class prefixes scripts build from parts
NAME = re.compile(r"[A-Za-z_][\w-]*")
ATTRIBUTE = re.compile(r'\b(?:class|id)="([^"]*)"')
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S)
CLASS_OR_ID = re.compile(r"[.#](-?[_a-zA-Z][\w-]*)")
ATTRIBUTE_SELECTOR = re.compile(r"\[[^\]]*\]")
UNJUDGED = re.compile(r"\\|:(?:is|where|has)\(")


def used_names(pages: Iterable[str], scripts: Iterable[str]) -> set[str]:
    """Every class and id the pages carry, and every word of their scripts."""
    names: set[str] = set()
    for html in pages:
        for value in ATTRIBUTE.findall(html):
            names.update(value.split())
        for script in INLINE_SCRIPT.findall(html):
            names.update(NAME.findall(script))
    for script in scripts:
        names.update(NAME.findall(script))
    return names


def statements(css: str) -> list[tuple[str, str | None]]:
    """Top-level statements as (prelude, block body), body None for ``@import ...;``;
    strings and comments are skipped over, so braces inside them do not count."""
    found, depth, start, opened, i, n = [], 0, 0, 0, 0, len(css)
    while i < n:
        char = css[i]
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        if char in "\"'":
            i += 1
            while i < n and css[i] != char:
                i += 2 if css[i] == "\\" else 1
        elif char == "{":
            if depth == 0:
                opened = i
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                found.append((css[start:opened].strip(), css[opened + 1 : i]))
                start = i + 1
        elif char == ";" and depth == 0:
            found.append((css[start:i].strip(), None))
            start = i + 1
        i += 1
    return found


def _top_level(text: str, separator: str = ",") -> list[str]:
    parts, depth, current = [], 0, []
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts]


def _without_not(selector: str) -> str:
    while (at := selector.find(":not(")) >= 0:
        depth, end = 1, at + len(":not(")
        while end < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[end], 0)
            end += 1
        selector = selector[:at] + selector[end:]
    return selector


def can_match(selector: str, used: set[str]) -> bool:
    """False only when the selector needs a class or id that no page can have."""
    if UNJUDGED.search(selector):
        return True
    needs = CLASS_OR_ID.findall(ATTRIBUTE_SELECTOR.sub("", _without_not(selector)))
    return all(name in used or name.startswith(ASSEMBLED) for name in needs)


COMMENT = re.compile(r"/\*.*?\*/", re.S)


def prune(css: str, used: set[str]) -> str:
    """``css`` without the rules and selectors no page can use. Licence comments
    (``/*! ... */``) are kept even where the rule after them goes."""
    kept = []
    for prelude, body in statements(css):
        notices = "".join(c for c in COMMENT.findall(prelude) if c.startswith("/*!"))
        head = COMMENT.sub("", prelude).strip()
        if body is None:
            rule = f"{head};"
        elif head.startswith(NESTED):
            inner = prune(body, used)
            rule = f"{head}{{{inner}}}" if inner.strip() else ""
        elif head.startswith("@"):
            rule = f"{head}{{{body}}}"
        else:
            selectors = [s for s in _top_level(head) if can_match(s, used)]
            rule = f"{','.join(selectors)}{{{body}}}" if selectors else ""
        if notices or rule:
            kept.append(notices + rule)
    return "\n".join(kept)
