"""Sphinx: the figures/ folder is published with the site, so each page links its own
files, and every page's download menu links the whole book as a PDF once
``egov-repro pdf`` has made it (egov_repro.site.pdflinks)."""

from __future__ import annotations

from pathlib import Path

from egov_repro.site import pdflinks
from egov_repro.site.sphinx_editions import language, own_pages
from egov_repro.words.catalogue import say


def _publish_figures(app, exception) -> None:
    import shutil

    source = Path(app.srcdir) / "figures"
    if exception is None and app.builder.format == "html" and source.is_dir():
        shutil.copytree(source, Path(app.outdir) / "figures", dirs_exist_ok=True)


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
    (``egov_repro.site.pdflinks``): a site built by `make book` alone has no dead link."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    pdflinks.apply(outdir, language(app), own_pages(outdir))


def setup(app):
    app.connect("build-finished", _pdf_links, priority=960)
    app.connect("build-finished", _publish_figures)
    # After the theme's header buttons (priority 501).
    app.connect("html-page-context", _book_pdf_link, priority=600)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
