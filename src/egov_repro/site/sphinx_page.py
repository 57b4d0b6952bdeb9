"""Sphinx: what every page carries besides its text. The footer names the package and
data versions and the commit it was built from, "last updated" is that commit's date,
each page has a meta description, the package's stylesheet is added, and the theme gets
one search box and a default colour mode."""

from __future__ import annotations

from pathlib import Path

from egov_repro import __version__
from egov_repro.book.stamp import build_stamp
from egov_repro.errors import DataError
from egov_repro.site.pages import description
from egov_repro.site.pdf import source_date
from egov_repro.site.sphinx_editions import language
from egov_repro.words import editions, i18n


def _footer(app, config) -> None:
    stamp = build_stamp(Path(app.srcdir))
    lang = editions.check_lang(config.language or editions.DEFAULT)
    words, commit = editions.STAMP[lang], editions.stamp_commit(stamp["commit"], lang)
    options = dict(config.html_theme_options or {})
    options["extra_footer"] = (
        f'<p class="egov-stamp">egov-repro <code>{__version__}</code> &middot; '
        f"{words['data']} <code>{stamp['data_version']}</code>"
        f" &middot; {words['commit']} <code>{commit}</code></p>" + options.get("extra_footer", "")
    )
    config.html_theme_options = options


def _one_search_box(app, config) -> None:
    """One search box per screen: the sidebar's on a desk, the article header's button on a
    phone; the theme's top bar would add a second ("navbar_persistent")."""
    options = dict(config.html_theme_options or {})
    options.setdefault("navbar_persistent", [])
    config.html_theme_options = options


def _default_mode(app, config) -> None:
    """A stored mode is what the theme looks for; without a default it logs an error
    ("Got invalid theme mode") on a reader's first visit."""
    config.html_context = {"default_mode": "light", **(config.html_context or {})}


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
    config.html_static_path = [*config.html_static_path, str(Path(__file__).parents[1] / "static")]


def _meta_description(app, pagename, templatename, context, doctree) -> None:
    from html import escape

    text = description(doctree) if doctree is not None else ""
    if not text:  # generated pages (index, search): the edition's own summary
        text = f"{app.config.project}: {editions.SUMMARIES[language(app)]}."
    context["metatags"] = context.get("metatags", "") + (
        f'\n<meta name="description" content="{escape(text)}" />'
    )


def _footer_date(app, pagename, templatename, context, doctree) -> None:
    """ "Last updated" is the date of the commit the page was built from, as on the PDF's
    cover, written the edition's way by Babel ("6 Desember 2026")."""
    if context.get("last_updated") is None:
        return
    if not hasattr(app, "egov_date"):
        try:
            app.egov_date = source_date(Path(app.srcdir))
        except DataError:
            app.egov_date = None
    if app.egov_date is not None:
        context["last_updated"] = i18n.format_date(app.egov_date, language(app))


def setup(app):
    app.connect("html-page-context", _footer_date)
    app.connect("html-page-context", _meta_description)
    app.connect("config-inited", _static_files)
    app.add_css_file("egov-repro.css")
    app.connect("config-inited", _footer, priority=900)
    app.connect("config-inited", _default_mode)
    app.connect("config-inited", _one_search_box)
    app.connect("html-page-context", _unique_scripts)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
