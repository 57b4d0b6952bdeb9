"""Light pages for phones: what the Sphinx extension does to the built HTML.

The theme's 1.4 MB FontAwesome script is replaced by inline SVGs of the few icons the
pages use (taken from that same script), every external script is deferred,
sphinx-design's files are dropped where unused, the page's stylesheets are bundled
into one file without the rules no page uses (egov_repro.site.cssprune), and each page gets
a description for search results.
"""

from __future__ import annotations

import re
from pathlib import Path

from egov_repro.site import cssprune

ICON_PACKS = {"fab": 'd("fab",', "far": 'd("far",', "fas": 'd("fas",'}
PREFIXES = {
    "fa-brands": "fab",
    "fab": "fab",
    "fa-regular": "far",
    "far": "far",
    "fa-solid": "fas",
    "fas": "fas",
}
ICON = re.compile(
    r'(?<=[,{])"?([a-z0-9-]+)"?:\[(\d+),(\d+),\[([^\]]*)\],"[0-9a-f]+",'
    r'("(?:[^"\\]|\\.)*")\]'
)
# An icon: an empty <i> or <span> with FontAwesome classes (the theme writes both; a
# <span> left to the icon font would make every page download its 150 kB).
ICON_TAG = re.compile(r'<(i|span) class="((?:[^"]*\s)?fa-[^"]*)"([^>]*)></\1>')
ICON_TITLE = re.compile(r'\s*\btitle="([^"]*)"')
# Upstream markup the W3C checker rejects: MyST-NB puts <p> labels in the <summary> of a
# hidden cell (only phrasing content is allowed there); the theme's search field carries
# Safari's non-standard `autocorrect`.
SUMMARY = re.compile(r"<summary\b[^>]*>.*?</summary>", re.S)
SUMMARY_P = re.compile(r"<p\b([^>]*)>(.*?)</p>", re.S)
AUTOCORRECT = re.compile(r'(<input\b[^>]*?)\s+autocorrect="[^"]*"')
# An external script without defer/async holds up the first paint on a slow phone.
SYNC_SCRIPT = re.compile(r'<script (?![^>]*\b(?:defer|async)\b)([^>]*\bsrc="[^"]+"[^>]*)></script>')
UNUSED_DESIGN = re.compile(
    r"\s*<(?:link|script)[^>]*(?:sphinx-design\.min\.css|design-tabs\.js)[^>]*>"
    r"(?:</script>)?"
)
STYLESHEET = re.compile(r'[ \t]*<link\b[^>]*\brel="stylesheet"[^>]*>\n?')
CSS_IMPORT = re.compile(r'@import\s+(?:url\()?"([^"]+)"\)?\s*;')
CSS_URL = re.compile(r'url\(\s*([\'"]?)(?!data:|https?:|/|#)([^)\'"]+)\1\s*\)')
BUNDLE = "_static/egov-repro-bundle.css"
# The bundle's first line names its sources (relative to _static/), in order.
BUNDLE_HEAD = "/* egov-repro: the rules pages can use, from "
SCRIPT_PRELOAD = re.compile(r'[ \t]*<link rel="preload" as="script" href="[^"]*" />\n?')
FONTAWESOME_TAG = re.compile(r'\s*<script defer src="[^"]*fontawesome\.js[^"]*"></script>')
# The theme loads Sphinx's search scripts and the whole index on every page, for a
# search-as-you-type box that is off (its default, and ours): 68 kB a phone parses for
# nothing. The search page keeps them; it is where the search field sends its query.
SEARCH_SCRIPTS = re.compile(
    r'\s*<script (?:defer )?src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js'
    r'|searchindex\.js)[^"]*"></script>'
)


def icon_table(script: Path) -> dict[tuple[str, str], tuple[int, int, str]]:
    """(pack, name) -> (width, height, path) for every icon defined in fontawesome.js;
    the packs are defined one after the other: brands, regular, solid."""
    import json

    text = script.read_text(encoding="utf-8")
    ends = sorted((text.find(marker), pack) for pack, marker in ICON_PACKS.items())
    table = {}
    for match in ICON.finditer(text):
        pack = next((p for end, p in ends if match.start() < end), None)
        if pack is None:
            continue
        names = [match.group(1)] + [a.strip('"') for a in match.group(4).split(",") if a]
        for name in names:
            table.setdefault(
                (pack, name), (int(match.group(2)), int(match.group(3)), json.loads(match.group(5)))
            )
    return table


def inline_icons(html: str, table: dict) -> str:
    """Replace <i class="fa-solid fa-x"> (or <span ...>) with the SVG fontawesome.js
    would have drawn."""

    def svg(match):
        classes, rest = match.group(2), match.group(3)
        words = classes.split()
        pack = next((PREFIXES[w] for w in words if w in PREFIXES), "fas")
        names = [
            w.removeprefix("fa-")
            for w in words
            if w.startswith("fa-") and w not in PREFIXES and w not in ("fa-lg", "fa-fw")
        ]
        icon = next((table[(pack, n)] for n in names if (pack, n) in table), None)
        if icon is None:
            return match.group(0)
        width, height, path = icon
        # `title` is no attribute of <svg>: a titled icon is named by a <title> child (as
        # fontawesome.js draws it), any other is decoration, hidden from screen readers.
        title = ICON_TITLE.search(rest)
        rest = ICON_TITLE.sub("", rest)
        name = f"<title>{title.group(1)}</title>" if title else ""
        hidden = "" if title else ' aria-hidden="true"'
        return (
            f'<svg class="svg-inline--fa {" ".join(words)}"{rest}{hidden} '
            f'focusable="false" role="img" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {width} {height}">{name}<path fill="currentColor" d="{path}"/></svg>'
        )

    return FONTAWESOME_TAG.sub("", ICON_TAG.sub(svg, html))


def mend(html: str) -> str:
    """Make the theme's and MyST-NB's markup valid HTML: labels in a <summary> become
    <span>s (egov-repro.css gives them the look of the <p>s), `autocorrect` goes."""
    html = SUMMARY.sub(lambda m: SUMMARY_P.sub(r"<span\1>\2</span>", m.group(0)), html)
    return AUTOCORRECT.sub(r"\1", html)


def redirect_page(stub: str, title: str, lang: str = "en") -> str | None:
    """The site's index.html as a valid page, from the one-line redirect stub
    sphinx-external-toc writes (no doctype, no <title>); None if ``stub`` is not one."""
    from html import escape

    match = re.fullmatch(r'\s*<meta http-equiv="Refresh" content="0; url=([^"]+)" />\s*', stub)
    if not match:
        return None
    url, title = escape(match.group(1)), escape(title)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8" />\n'
        f"<title>{title}</title>\n"
        f'<meta http-equiv="Refresh" content="0; url={url}" />\n'
        f'<link rel="canonical" href="{url}" />\n</head>\n'
        f'<body>\n<p><a href="{url}">{title}</a></p>\n</body>\n</html>\n'
    )


def lighten(html: str, table: dict, search_page: bool = False) -> str:
    """Inline the icons, defer every external script (the theme's own already are, and
    the inline ones only set variables) and stop preloading the theme's two (deferred,
    they only ran after the first paint, yet their preload took the bandwidth the
    stylesheet needed), drop sphinx-design's files where no sphinx-design element is
    used and the search scripts from every page but the search page, and fetch the
    first figure early."""
    html = SYNC_SCRIPT.sub(r"<script defer \1></script>", inline_icons(html, table))
    if not search_page:
        html = SEARCH_SCRIPTS.sub("", html)
    html = SCRIPT_PRELOAD.sub("", html)
    if 'class="sd-' not in html:
        html = UNUSED_DESIGN.sub("", html)
    return figures_first(html)


FIGURE_IMG = re.compile(r'<img src="([^"]*figures/[^"]+)"')


def figures_first(html: str) -> str:
    """A page's first figure is its largest paint: preload it from the head, so a phone
    fetches it beside the stylesheet instead of after layout; later figures load lazily
    (when scrolled near), leaving the bandwidth to the first."""
    found = FIGURE_IMG.findall(html)
    if not found or 'rel="preload" as="image"' in html:
        return html
    link = f'<link rel="preload" as="image" href="{found[0]}" />\n'
    at = STYLESHEET.search(html)
    at = at.start() if at and at.start() < html.find("</head>") else html.find("</head>")
    html = html[:at] + link + html[at:]
    first = FIGURE_IMG.search(html, html.find("</head>")).end()
    rest = FIGURE_IMG.sub(r'<img loading="lazy" src="\1"', html[first:])
    return html[:first] + rest


def _css_text(path: Path, static: Path) -> str:
    """A stylesheet's text with its @imports inlined and its relative url()s rewritten
    to work from the bundle in _static/."""
    import os

    def relocate(match):
        target = (path.parent / match.group(2)).resolve()
        return f'url("{os.path.relpath(target, static).replace(os.sep, "/")}")'

    text = CSS_URL.sub(relocate, path.read_text(encoding="utf-8"))
    return CSS_IMPORT.sub(lambda m: _css_text((path.parent / m.group(1)).resolve(), static), text)


def _stylesheets(html: str) -> list[str]:
    hrefs = []
    for tag in STYLESHEET.findall(html):
        match = re.search(r'href="([^"?]+)', tag)
        hrefs.append(match.group(1) if match else "")
    return hrefs


def bundle_styles(
    outdir: Path, pages: dict[Path, str], used: set[str] | None = None
) -> dict[Path, str]:
    """Every page's stylesheets, concatenated in their order into one file: one request
    instead of ten (and no @import chain) before a phone can paint the page; without
    the rules that need a class or id outside ``used`` (egov_repro.site.cssprune), when
    given: the names every page of the site and its scripts use."""
    import hashlib
    import os

    static = outdir / "_static"
    sets = {}
    for page, html in pages.items():
        names = [os.path.normpath(page.parent / h) for h in _stylesheets(html)]
        if any(name.endswith(BUNDLE.split("/")[-1]) for name in names):
            continue  # written by an earlier build and already bundled
        sets.setdefault(tuple(names), []).append(page)
    if not sets:
        return pages
    common = max(sets, key=lambda k: len(sets[k]))
    if not common or not all(Path(n).is_file() for n in common):
        return pages
    text = "\n".join(_css_text(Path(n).resolve(), static.resolve()) for n in common)
    if used is not None:
        text = cssprune.prune(text, used)
    sources = [os.path.relpath(n, static).replace(os.sep, "/") for n in common]
    text = f"{BUNDLE_HEAD}{', '.join(sources)} */\n{text}"
    (outdir / BUNDLE).write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    for page in sets[common]:
        html = pages[page]
        first = STYLESHEET.search(html)
        href = os.path.relpath(outdir / BUNDLE, page.parent).replace(os.sep, "/")
        link = f'<link rel="stylesheet" href="{href}?v={digest}" />\n'
        pages[page] = html[: first.start()] + link + STYLESHEET.sub("", html[first.start() :])
    return pages


def description(doctree, limit: int = 160) -> str:
    """The page's first paragraph, for search results: whole sentences when they fit in
    ``limit`` characters and say enough (60 or more), else words up to the limit. A full
    stop inside brackets (a citation's "et al.") ends no sentence."""
    from docutils import nodes

    for paragraph in doctree.findall(nodes.paragraph):
        text = " ".join(paragraph.astext().split())
        if len(text) < 40:
            continue
        if len(text) <= limit:
            return text
        words = ""
        for word in text.split():
            if len(words) + len(word) + 1 > limit - 1:
                break
            words = f"{words} {word}".strip()
        ends = [
            m.end()
            for m in re.finditer(r"[.?!](?=\s|$)", words)
            if m.end() >= 60 and words.count("(", 0, m.end()) == words.count(")", 0, m.end())
        ]
        return words[: ends[-1]] if ends else words + "…"
    return ""


def unpruned_bundle(static: Path) -> str:
    """The bundle as it would be with every rule of its sources (its first line names
    them): what the pruned one is checked against."""
    head = (static / Path(BUNDLE).name).read_text(encoding="utf-8").split("\n", 1)[0]
    if not head.startswith(BUNDLE_HEAD):
        raise ValueError(f"{static / Path(BUNDLE).name}: no source list on its first line")
    sources = head.removeprefix(BUNDLE_HEAD).removesuffix(" */").split(", ")
    return "\n".join(_css_text((static / s).resolve(), static.resolve()) for s in sources)
