"""The project's Sphinx extension, so that every way of building the book behaves alike:

- before anything is read, stale executed notebooks are dropped (egov_repro.book.invalidate)
  and every page is re-read when the data, code or locked dependencies changed;
- kernels log errors only;
- every page's footer names the package and data versions and the commit it was built from;
- every page's download menu links the whole book as a PDF (egov_repro.pdf makes it);
- the figures/ folder is published with the site, so each page links its own files;
- pages stay light on a phone (egov_repro.pages does the work): icons inlined, scripts
  deferred, one stylesheet, a meta description per page; the theme gets a default
  colour mode.
"""

from __future__ import annotations

import os
from pathlib import Path

from egov_repro import __version__, atomic, bibstyle, editions, explore, i18n, pdflinks
from egov_repro.book import (
    SECOND_EDITION,
    fingerprint,
    invalidate,
    quiet_kernels,
    sweep_leftovers,
)
from egov_repro.cssprune import used_names
from egov_repro.errors import DataError
from egov_repro.pages import bundle_styles, description, icon_table, lighten, mend, redirect_page
from egov_repro.pdf import source_date
from egov_repro.stamp import build_stamp
from egov_repro.words.catalogue import say


def _footer(app, config) -> None:
    stamp = build_stamp(Path(app.srcdir))
    words = editions.STAMP[editions.check_lang(config.language or editions.DEFAULT)]
    commit = stamp["commit"].replace(editions.STAMP["en"]["dirty"], words["dirty"])
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
    config.html_static_path = [*config.html_static_path, str(Path(__file__).parent / "static")]


def _invalidate(app, config) -> None:
    root = Path(app.srcdir)
    if os.environ.get(SECOND_EDITION):
        # Built beside the English edition, which owns the cache: read it, never clear it.
        app.egov_key, app.egov_stale = fingerprint(root), set()
        return
    quiet_kernels(root)
    sweep_leftovers(root)  # what an interrupted build's killed kernels left
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


def _own_pages(outdir: Path) -> list[Path]:
    """This build's pages: not the theme's templates, the sources or the figures, and not
    the other edition's folder, which its own build, running at the same time, writes
    (reading a page there half-written, or rewriting it after that build has added its
    language switch, would leave it broken)."""
    pages = []
    for page in sorted(outdir.rglob("*.html")):
        top = page.relative_to(outdir).parts[0]
        if top not in ("_static", "_sources", "figures", "pdf", *editions.LANGS):
            pages.append(page)
    return pages


def _slim_pages(app, exception) -> None:
    outdir = Path(app.outdir)
    script = outdir / "_static" / "scripts" / "fontawesome.js"
    if exception is not None or app.builder.format != "html" or not script.is_file():
        return
    every = {page: page.read_text(encoding="utf-8") for page in _own_pages(outdir)}
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


def _book_pdf_link(app, pagename, templatename, context, doctree) -> None:
    """Every page's download menu offers the whole book as a PDF (``egov-repro pdf``
    puts it at ``pdf/egov-repro-<lang>.pdf`` in the site; the Pages workflow publishes it)."""
    lang = "id" if (app.config.language or "en").startswith("id") else "en"
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            group["buttons"].append(
                {
                    "type": "link",
                    "url": context["pathto"](f"pdf/egov-repro-{lang}.pdf", 1),
                    "text": say("interface.pdf_button.text", lang),
                    "tooltip": say("interface.pdf_button.tooltip", lang),
                    "icon": "fas fa-book",
                    "label": "download-book-pdf-button",
                }
            )


def _pdf_links(app, exception) -> None:
    """The PDF links stay dormant until `egov-repro pdf` has put the PDF into the site
    (``egov_repro.pdflinks``): a site built by `make book` alone has no dead link."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    pdflinks.apply(outdir, _language(app), _own_pages(outdir))


def _meta_description(app, pagename, templatename, context, doctree) -> None:
    from html import escape

    text = description(doctree) if doctree is not None else ""
    if not text:  # generated pages (index, search): the edition's own summary
        text = f"{app.config.project}: {editions.SUMMARIES[_language(app)]}."
    context["metatags"] = context.get("metatags", "") + (
        f'\n<meta name="description" content="{escape(text)}" />'
    )


# --- the two editions (egov_repro.editions) ------------------------------------------


def _language(app) -> str:
    return editions.check_lang(app.config.language or editions.DEFAULT)


def _edition_config(app, config) -> None:
    """Select the edition's language: its ``only`` tag and its part captions."""
    lang = editions.check_lang(config.language or editions.DEFAULT)
    app.tags.add(editions.tag(lang))
    site_map = getattr(config, "external_site_map", None)
    for document in (site_map or {}).values():
        for tree in document.subtrees:
            if tree.caption and editions.SEPARATOR in tree.caption:
                tree.caption = editions.pick(tree.caption, lang, "_toc.yml caption")


def _edition_interface(app, config) -> None:
    """The edition's title, author line and interface strings in its language: the
    project's gettext catalogues in front of Sphinx's and the themes' (egov_repro.i18n),
    the search script's strings among the ``locale_dirs``, and the citation styles that
    write "dan", "dkk." and "t.t."."""
    lang = editions.check_lang(config.language or editions.DEFAULT)
    config.project = editions.title(lang, config.html_title or config.project)
    # Outside a git checkout (no commit date, see _footer_date): the build's date, the
    # same way ("6 Desember 2026"; Sphinx hands the pattern to Babel).
    if config.html_last_updated_fmt is not None:
        config.html_last_updated_fmt = i18n.SPHINX_DATE_FORMAT
    if lang == editions.DEFAULT:
        return
    config.html_title = editions.title(lang, config.html_title)
    config.author = editions.AUTHORS[lang]
    config.bibtex_default_style = bibstyle.edition_style(config.bibtex_default_style, lang)
    config.bibtex_reference_style = bibstyle.edition_style(config.bibtex_reference_style, lang)
    # After sphinx-copybutton's and sphinx-togglebutton's scripts (priority 500).
    app.add_js_file(f"egov-repro-{lang}.js", priority=900)
    folder = i18n.compile_all(Path(app.srcdir), lang)
    if folder is not None:
        config.locale_dirs = [*config.locale_dirs, str(folder)]
        i18n.install(app, lang)


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
        context["last_updated"] = i18n.format_date(app.egov_date, _language(app))


def _tr_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{tr}`English | Indonesia```: the half in the edition's language."""
    from docutils import nodes

    env = inliner.document.settings.env
    try:
        chosen = editions.pick(text, _language(env.app), f"{env.docname}, line {lineno}")
    except ValueError as error:
        message = inliner.reporter.error(str(error), line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return [nodes.Text(chosen)], []


def _one_language(app, doctree, docname) -> None:
    """Code-cell outputs carry both languages; keep the edition's."""
    from docutils import nodes

    lang = _language(app)
    for node in list(doctree.findall(nodes.raw)):
        text = node.astext()
        if "egov-lang" in text:
            node.replace_self(nodes.raw("", editions.keep_language(text, lang), **node.attributes))


def _edition_links(app, exception) -> None:
    """Every page: a visible link to the same page of the other edition, in the header's
    buttons, and hreflang alternates for both editions in its head."""
    if exception is not None or app.builder.format != "html":
        return
    lang, outdir = _language(app), Path(app.outdir)
    base = editions.site_base(app.config.html_baseurl, lang)
    for page in _own_pages(outdir):
        pagename = page.relative_to(outdir).with_suffix("").as_posix()
        html = page.read_text(encoding="utf-8")
        marker = '<div class="article-header-buttons">'
        if marker not in html or "egov-lang-switch" in html:
            continue
        html = html.replace(marker, marker + editions.switch_html(pagename, lang), 1)
        html = editions.localise_interface(html, lang)
        if base:
            html = html.replace(
                "</head>", editions.alternates_html(base, pagename) + "\n</head>", 1
            )
        page.write_text(html, encoding="utf-8")


def _sections_of_one_language(app, docname, source) -> None:
    """Passages holding sections (the included README) cannot sit in an ``only`` block,
    whose sections escape it: ``<!-- only en -->`` ... ``<!-- /only -->`` keeps them in
    that edition's source only."""
    import re

    lang = _language(app)
    source[0] = re.sub(
        r"^<!-- only (en|id) -->\n(.*?)^<!-- /only -->\n",
        lambda match: match.group(2) if match.group(1) == lang else "",
        source[0],
        flags=re.S | re.M,
    )


def setup(app):
    bibstyle.register()  # the citation styles _config.yml names
    app.add_role("tr", _tr_role)
    app.connect("source-read", _sections_of_one_language)
    # After sphinx-external-toc has read _toc.yml (priority 900).
    app.connect("config-inited", _edition_config, priority=950)
    app.connect("config-inited", _edition_interface, priority=960)
    app.connect("html-page-context", _footer_date)
    app.connect("doctree-resolved", _one_language)
    app.connect("build-finished", _edition_links, priority=950)
    app.connect("build-finished", _pdf_links, priority=960)
    app.connect("config-inited", _invalidate, priority=100)
    app.connect("env-get-outdated", _outdated)
    app.connect("build-finished", _publish_figures)
    # After the theme, which rewrites pygments.css in its own build-finished handler.
    app.connect("build-finished", _slim_pages, priority=900)
    # After sphinx-external-toc, which writes the index.html redirect when it is missing.
    app.connect("build-finished", _valid_site, priority=900)
    app.connect("html-page-context", _meta_description)
    # After the theme's header buttons (priority 501).
    app.connect("html-page-context", _book_pdf_link, priority=600)
    app.connect("config-inited", _static_files)
    app.add_css_file("egov-repro.css")
    app.connect("config-inited", _footer, priority=900)
    app.connect("config-inited", _default_mode)
    app.connect("config-inited", _one_search_box)
    app.connect("html-page-context", _unique_scripts)
    explore.setup(app)  # the explorer page (chapters/11-explore.md)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
