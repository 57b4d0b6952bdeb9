"""Sphinx: a chapter's parameters cell, shown as bare code in the middle of the page (and
of the PDF), gets a line before it saying what it is, with a link to the chapter's
"Parameters" section, which explains each one and how to change it."""

from __future__ import annotations

from sphinx.util import logging

from egov_repro.site.sphinx_editions import language
from egov_repro.words import catalogue

logger = logging.getLogger(__name__)
CELL_CLASS = "tag_parameters"
LABEL_CLASS = "egov-parameters-label"
_SLOT = "\ue000"  # where the section's link goes in the message


def _section_id(doctree, heading: str) -> str | None:
    from docutils import nodes

    for section in doctree.findall(nodes.section):
        if section.children and section[0].astext() == heading and section["ids"]:
            return section["ids"][0]
    return None


def label(doctree, lang: str) -> int:
    """Put the label before every parameters cell of ``doctree``; how many it labelled.
    A page with such a cell but no section titled as the catalogue's heading is an
    error: the label would promise an explanation the page does not have."""
    from docutils import nodes

    cells = [node for node in doctree.findall(nodes.container) if CELL_CLASS in node["classes"]]
    if not cells:
        return 0
    heading = catalogue.say("interface.parameters.heading", lang)
    target = _section_id(doctree, heading)
    if target is None:
        raise LookupError(f"a parameters cell but no section titled {heading!r}")
    before, _, after = catalogue.say("interface.parameters.label", lang, section=_SLOT).partition(
        _SLOT
    )
    for cell in cells:
        line = nodes.paragraph(classes=[LABEL_CLASS])
        line += nodes.Text(before)
        line += nodes.reference("", heading, internal=True, refid=target)
        line += nodes.Text(after)
        cell.parent.insert(cell.parent.index(cell), line)
    return len(cells)


def _label_parameters(app, doctree, docname) -> None:
    try:
        label(doctree, language(app))
    except LookupError as error:
        logger.warning(f"{docname}: {error}", location=docname)


def setup(app):
    app.connect("doctree-resolved", _label_parameters)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
