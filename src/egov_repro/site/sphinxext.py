"""The project's Sphinx extension, the one ``_config.yml`` names, so that every way of
building the book (``make book``, ``egov-repro book``, a plain ``jupyter-book build .``)
behaves alike. It sets up one extension per concern:

- ``sphinx_editions``: the edition's language, the ``{tr}`` role, the edition links;
- ``sphinx_parameters``: a label before each chapter's parameters cell;
- ``sphinx_cache``: stale executed notebooks dropped, pages re-read when data, code or
  locked dependencies changed;
- ``sphinx_page``: the footer's stamp and date, meta descriptions, theme options;
- ``sphinx_pdf``: the figures/ folder published, the book's PDF linked;
- ``sphinx_slim``: light pages for phones, a valid site;

and the citation styles and the explorer page.
"""

from __future__ import annotations

from egov_repro.site import explore
from egov_repro.words import bibstyle

EXTENSIONS = [
    "egov_repro.site.sphinx_editions",
    "egov_repro.site.sphinx_parameters",
    "egov_repro.site.sphinx_cache",
    "egov_repro.site.sphinx_pdf",
    "egov_repro.site.sphinx_slim",
    "egov_repro.site.sphinx_page",
]


def setup(app):
    bibstyle.register()  # the citation styles _config.yml names
    for extension in EXTENSIONS:
        app.setup_extension(extension)
    explore.setup(app)  # the explorer page (chapters/11-explore.md)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
