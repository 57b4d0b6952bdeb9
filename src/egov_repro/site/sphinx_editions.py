"""Sphinx: one edition of the book per language (egov_repro.words.editions). The edition's
``only`` tag, title, author line and interface strings; the ``{tr}`` role; code-cell
outputs cut to the edition's language; and on every page a link to the same page of
the other edition, with hreflang alternates."""

from __future__ import annotations

from pathlib import Path

from egov_repro.site import edition_html
from egov_repro.words import bibstyle, editions, i18n


def language(app) -> str:
    """The edition this Sphinx build makes."""
    return editions.check_lang(app.config.language or editions.DEFAULT)


def own_pages(outdir: Path) -> list[Path]:
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
    project's gettext catalogues in front of Sphinx's and the themes' (egov_repro.words.i18n),
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


def _tr_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{tr}`English | Indonesia```: the half in the edition's language."""
    from docutils import nodes

    env = inliner.document.settings.env
    try:
        chosen = editions.pick(text, language(env.app), f"{env.docname}, line {lineno}")
    except ValueError as error:
        message = inliner.reporter.error(str(error), line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return [nodes.Text(chosen)], []


def _one_language(app, doctree, docname) -> None:
    """Code-cell outputs carry both languages; keep the edition's."""
    from docutils import nodes

    lang = language(app)
    for node in list(doctree.findall(nodes.raw)):
        text = node.astext()
        if "egov-lang" in text:
            kept = edition_html.keep_language(text, lang)
            node.replace_self(nodes.raw("", kept, **node.attributes))


def _other_edition_dropped_first():
    """Sphinx keeps or drops ``only`` blocks after it resolves cross-references, so a
    ``{term}`` in an English-only passage had to name a term the Indonesian glossary has
    too. Dropping the other edition's blocks first lets each edition's glossary use its
    own headings ("schema" / "skema")."""
    from sphinx.transforms.post_transforms import ReferencesResolver, SphinxPostTransform
    from sphinx.util.nodes import process_only_nodes

    class OtherEditionDroppedFirst(SphinxPostTransform):
        default_priority = ReferencesResolver.default_priority - 1

        def run(self, **kwargs) -> None:
            process_only_nodes(self.document, self.app.builder.tags)

    return OtherEditionDroppedFirst


def _edition_links(app, exception) -> None:
    """Every page: a visible link to the same page of the other edition, in the header's
    buttons, and hreflang alternates for both editions in its head."""
    if exception is not None or app.builder.format != "html":
        return
    lang, outdir = language(app), Path(app.outdir)
    base = editions.site_base(app.config.html_baseurl, lang)
    for page in own_pages(outdir):
        pagename = page.relative_to(outdir).with_suffix("").as_posix()
        html = page.read_text(encoding="utf-8")
        marker = '<div class="article-header-buttons">'
        if marker not in html or "egov-lang-switch" in html:
            continue
        html = html.replace(marker, marker + edition_html.switch_html(pagename, lang), 1)
        html = edition_html.localise_interface(html, lang)
        if base:
            html = html.replace(
                "</head>", edition_html.alternates_html(base, pagename) + "\n</head>", 1
            )
        page.write_text(html, encoding="utf-8")


def _sections_of_one_language(app, docname, source) -> None:
    """Passages holding sections (the included README) cannot sit in an ``only`` block,
    whose sections escape it: ``<!-- only en -->`` ... ``<!-- /only -->`` keeps them in
    that edition's source only."""
    import re

    lang = language(app)
    source[0] = re.sub(
        r"^<!-- only (en|id) -->\n(.*?)^<!-- /only -->\n",
        lambda match: match.group(2) if match.group(1) == lang else "",
        source[0],
        flags=re.S | re.M,
    )


def _edition_glue_role():
    """``{glued}`key```: the edition's own value of a key that ``glue_both`` glued in both
    languages (``key`` in English, ``key_id`` in Indonesian), as markdown, so that a
    passage made only of glued values is written once rather than in two ``only``
    blocks."""
    from myst_nb.ext.glue.roles import PasteMarkdownRole

    class EditionGlue(PasteMarkdownRole):
        def run(self):
            lang = language(self.document.settings.env.app)
            if lang != editions.DEFAULT:
                self.text = f"{self.text}_{lang}"
            return super().run()

    return EditionGlue()


def setup(app):
    app.add_role("tr", _tr_role)
    app.add_role("glued", _edition_glue_role())
    app.add_post_transform(_other_edition_dropped_first())
    app.connect("source-read", _sections_of_one_language)
    # After sphinx-external-toc has read _toc.yml (priority 900).
    app.connect("config-inited", _edition_config, priority=950)
    app.connect("config-inited", _edition_interface, priority=960)
    app.connect("doctree-resolved", _one_language)
    app.connect("build-finished", _edition_links, priority=950)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
