"""Sphinx: pages that stay light on a phone (egov_repro.site.pages does the work: icons
inlined, scripts deferred, one stylesheet) and a site the W3C checker accepts."""

from __future__ import annotations

from pathlib import Path

from egov_repro.data import atomic
from egov_repro.site.cssprune import used_names
from egov_repro.site.pages import bundle_styles, icon_table, lighten, mend, redirect_page
from egov_repro.site.sphinx_editions import own_pages


def _slim_pages(app, exception) -> None:
    outdir = Path(app.outdir)
    script = outdir / "_static" / "scripts" / "fontawesome.js"
    if exception is not None or app.builder.format != "html" or not script.is_file():
        return
    every = {page: page.read_text(encoding="utf-8") for page in own_pages(outdir)}
    # Only the pages this build wrote need it (a no-op build writes none).
    original = {page: html for page, html in every.items() if "fontawesome.js" in html}
    if not original:
        return
    table = icon_table(script)
    # The search scripts stay on every page if the theme's search-as-you-type is on.
    options = getattr(app.config, "html_theme_options", None) or {}
    everywhere = bool(options.get("search_as_you_type"))
    pages = {
        page: lighten(mend(html), table, search_page=everywhere or page.name == "search.html")
        for page, html in original.items()
    }
    # The styles every page of this edition may need, the ones written before included.
    scripts = [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted((outdir / "_static").rglob("*.js"))
        if path != script
    ]
    used = used_names({**every, **pages}.values(), scripts)
    pages = bundle_styles(outdir, pages, used)
    for page, html in pages.items():
        if html != original[page]:
            page.write_text(html, encoding="utf-8")


def _valid_site(app, exception) -> None:
    """Besides the pages, what the W3C checker rejects: the index.html redirect stub
    (no doctype, no title) and the theme's Jinja macro files, which Sphinx copies into
    _static/ although they are templates, not pages, and no page uses them."""
    outdir = Path(app.outdir)
    if exception is not None or app.builder.format != "html":
        return
    index = outdir / "index.html"
    if index.is_file():
        title = app.config.html_title or app.config.project
        page = redirect_page(index.read_text(encoding="utf-8"), title, app.config.language or "en")
        if page:
            atomic.write_text(index, page)
    for template in (outdir / "_static").glob("*-macros.html"):
        template.unlink()


def setup(app):
    # After the theme, which rewrites pygments.css in its own build-finished handler.
    app.connect("build-finished", _slim_pages, priority=900)
    # After sphinx-external-toc, which writes the index.html redirect when it is missing.
    app.connect("build-finished", _valid_site, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
