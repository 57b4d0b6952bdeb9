"""The project's Sphinx extension, so that every way of building the book behaves alike:

- before anything is read, stale executed notebooks are dropped (egov_repro.book.invalidate)
  and every page is re-read when the data, code or locked dependencies changed;
- kernels log errors only;
- every page's footer names the data version and the commit the book was built from;
- the figures/ folder is published with the site, so each page links its own files;
- pages stay light on a phone: each page gets a meta description, the theme a default
  colour mode, and the 1.4 MB FontAwesome script is replaced by inline SVGs of the few
  icons the pages use (taken from that same script at build time).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

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
ICON_TAG = re.compile(r'<i class="([^"]*)"([^>]*)></i>')
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
FONTAWESOME_TAG = re.compile(r'\s*<script defer src="[^"]*fontawesome\.js[^"]*"></script>')


def build_stamp(root: Path) -> dict[str, str]:
    import json

    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit, dirty = "unknown (not a git checkout)", ""
    descriptor = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    return {
        "data_version": descriptor["version"],
        "commit": commit + (" with uncommitted changes" if dirty else ""),
    }


def _footer(app, config) -> None:
    stamp = build_stamp(Path(app.srcdir))
    options = dict(config.html_theme_options or {})
    # A stored mode is what the theme looks for; without a default it logs an error
    # ("Got invalid theme mode") on a reader's first visit.
    config.html_context = {"default_mode": "light", **(config.html_context or {})}
    options["extra_footer"] = (
        f'<p class="egov-stamp">Data package version <code>{stamp["data_version"]}</code>'
        f" &middot; built from commit <code>{stamp['commit']}</code></p>"
        + options.get("extra_footer", "")
    )
    config.html_theme_options = options


def _unique_scripts(app, pagename, templatename, context, doctree) -> None:
    """Drop repeated <script> tags. sphinx-thebe adds its inline configuration once per
    build from an event that fires again when pages are re-read, and a second
    `const THEBE_JS_URL` declaration is a JavaScript error in every page's console."""
    seen, unique = set(), []
    for script in context.get("script_files", []):
        # An inline script is added once with filename None and once with "".
        key = (
            getattr(script, "filename", str(script)) or "",
            getattr(script, "attributes", {}).get("body"),
        )
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def _static_files(app, config) -> None:
    """The package's own CSS (report cards, figures), shipped inside the package."""
    config.html_static_path = [*config.html_static_path, str(Path(__file__).parent / "static")]


def _invalidate(app, config) -> None:
    from egov_repro.book import invalidate, quiet_kernels

    root = Path(app.srcdir)
    quiet_kernels(root)
    cache = Path(config.nb_execution_cache_path or root / "_build" / ".jupyter_cache")
    if not cache.is_absolute():
        cache = root / cache
    state = invalidate(root, cache)
    app.egov_key = state["key"]
    app.egov_stale = {f"chapters/{name.removesuffix('.ipynb')}" for name in state["stale"]}


def _outdated(app, env, added, changed, removed) -> list[str]:
    """Pages to re-read although their source did not change: all of them when the key
    changed since the stored environment was built, else chapters whose run is stale."""
    key = getattr(app, "egov_key", None)
    if getattr(env, "egov_key", None) != key:
        env.egov_key = key
        return sorted(env.found_docs)
    return sorted(app.egov_stale & set(env.found_docs))


def _publish_figures(app, exception) -> None:
    import shutil

    source = Path(app.srcdir) / "figures"
    if exception is None and app.builder.format == "html" and source.is_dir():
        shutil.copytree(source, Path(app.outdir) / "figures", dirs_exist_ok=True)


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
    """Replace <i class="fa-solid fa-x"> with the SVG fontawesome.js would have drawn."""

    def svg(match):
        classes, rest = match.group(1), match.group(2)
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
        return (
            f'<svg class="svg-inline--fa {" ".join(words)}"{rest} aria-hidden="true" '
            f'focusable="false" role="img" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {width} {height}"><path fill="currentColor" d="{path}"/></svg>'
        )

    return FONTAWESOME_TAG.sub("", ICON_TAG.sub(svg, html))


def lighten(html: str, table: dict) -> str:
    """Inline the icons, defer every external script (the theme's own already are, and
    the inline ones only set variables), and drop sphinx-design's files where no
    sphinx-design element is used."""
    html = SYNC_SCRIPT.sub(r"<script defer \1></script>", inline_icons(html, table))
    if 'class="sd-' not in html:
        html = UNUSED_DESIGN.sub("", html)
    return html


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


def bundle_styles(outdir: Path, pages: dict[Path, str]) -> dict[Path, str]:
    """Every page's stylesheets, concatenated in their order into one file: one request
    instead of ten (and no @import chain) before a phone can paint the page."""
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
    (outdir / BUNDLE).write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    for page in sets[common]:
        html = pages[page]
        first = STYLESHEET.search(html)
        href = os.path.relpath(outdir / BUNDLE, page.parent).replace(os.sep, "/")
        link = f'<link rel="stylesheet" href="{href}?v={digest}" />\n'
        pages[page] = html[: first.start()] + link + STYLESHEET.sub("", html[first.start() :])
    return pages


def _slim_pages(app, exception) -> None:
    outdir = Path(app.outdir)
    script = outdir / "_static" / "scripts" / "fontawesome.js"
    if exception is not None or app.builder.format != "html" or not script.is_file():
        return
    original = {
        page: page.read_text(encoding="utf-8")
        for page in outdir.rglob("*.html")
        if "_static" not in page.parts and "_sources" not in page.parts
    }
    # Only the pages this build wrote need it (a no-op build writes none).
    original = {page: html for page, html in original.items() if "fontawesome.js" in html}
    if not original:
        return
    table = icon_table(script)
    pages = bundle_styles(outdir, {page: lighten(html, table) for page, html in original.items()})
    for page, html in pages.items():
        if html != original[page]:
            page.write_text(html, encoding="utf-8")


def description(doctree, limit: int = 160) -> str:
    """The page's first paragraph, for search results: whole sentences when they fit in
    ``limit`` characters and say enough (60 or more), else words up to the limit."""
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
        ends = [m.end() for m in re.finditer(r"[.?!](?=\s|$)", words) if m.end() >= 60]
        return words[: ends[-1]] if ends else words + "…"
    return ""


def _meta_description(app, pagename, templatename, context, doctree) -> None:
    from html import escape

    text = description(doctree) if doctree is not None else ""
    if not text:  # generated pages (index, search): the package's own summary
        from importlib.metadata import metadata

        text = f"{app.config.project}: {metadata('egov-repro')['Summary']}."
    context["metatags"] = context.get("metatags", "") + (
        f'\n<meta name="description" content="{escape(text)}" />'
    )


def setup(app):
    app.connect("config-inited", _invalidate, priority=100)
    app.connect("env-get-outdated", _outdated)
    app.connect("build-finished", _publish_figures)
    # After the theme, which rewrites pygments.css in its own build-finished handler.
    app.connect("build-finished", _slim_pages, priority=900)
    app.connect("html-page-context", _meta_description)
    app.connect("config-inited", _static_files)
    app.add_css_file("egov-repro.css")
    app.connect("config-inited", _footer, priority=900)
    app.connect("html-page-context", _unique_scripts)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
