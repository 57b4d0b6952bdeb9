"""Valid HTML: what the page post-processing (egov_repro.site.pages) mends in the markup of
the theme and of MyST-NB. The W3C Nu checker itself runs over the whole built site in
tests/test_book.py (test_every_page_of_the_site_is_valid_html), on that file's build."""

from __future__ import annotations

import re

from egov_repro.site.pages import inline_icons, mend, redirect_page

ICONS = {("fas", "sun"): (512, 512, "M1 2"), ("fab", "github"): (496, 512, "M3 4")}

HIDDEN_INPUT = """<details class="admonition hide above-input">
<summary aria-label="Toggle hidden content">
<p class="collapsed admonition-title">Show code cell source</p>
<p class="expanded admonition-title">Hide code cell source</p>
</summary>
<div class="cell_input docutils container"><p>code</p></div>
</details>"""

SEARCH = """<input type="search"
         class="form-control"
         name="q"
         autocomplete="off"
         autocorrect="off"
         autocapitalize="off"
         spellcheck="false"/>"""


def test_a_titled_icon_is_named_by_an_svg_title_child():
    html = '<i class="fa-solid fa-sun fa-lg" data-mode="light" title="Light"></i>'
    svg = inline_icons(html, ICONS)
    assert svg.startswith('<svg class="svg-inline--fa fa-solid fa-sun fa-lg" data-mode="light" ')
    assert "title=" not in svg and "aria-hidden" not in svg
    assert '<title>Light</title><path fill="currentColor" d="M1 2"/></svg>' in svg


def test_an_untitled_icon_is_hidden_from_screen_readers_and_has_no_name():
    svg = inline_icons('<i class="fa-brands fa-github"></i>', ICONS)
    assert 'aria-hidden="true"' in svg and "<title>" not in svg and "title=" not in svg
    assert 'viewBox="0 0 496 512"' in svg


def test_a_span_icon_is_drawn_too_so_no_page_needs_the_icon_font():
    html = '<button><span class="fa-solid fa-sun"></span></button><span class="x">a</span>'
    drawn = inline_icons(html, ICONS)
    assert drawn.startswith('<button><svg class="svg-inline--fa fa-solid fa-sun"')
    assert drawn.endswith('</svg></button><span class="x">a</span>')


def test_the_labels_of_a_hidden_cell_become_spans_and_nothing_else_changes():
    mended = mend(HIDDEN_INPUT)
    assert re.findall(r"<summary[^>]*>(.*?)</summary>", mended, re.S) == [
        '\n<span class="collapsed admonition-title">Show code cell source</span>'
        '\n<span class="expanded admonition-title">Hide code cell source</span>\n'
    ]
    # A <p> outside the summary is left alone.
    assert '<div class="cell_input docutils container"><p>code</p></div>' in mended


def test_the_search_field_loses_only_its_nonstandard_autocorrect():
    mended = mend(SEARCH)
    assert "autocorrect" not in mended
    assert mended == SEARCH.replace('\n         autocorrect="off"', "")


def test_the_index_redirect_becomes_a_valid_page():
    stub = '<meta http-equiv="Refresh" content="0; url=intro.html" />\n'
    page = redirect_page(stub, "E-government in Indonesia, reproduced", "en")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />')
    assert "<title>E-government in Indonesia, reproduced</title>" in page
    assert '<meta http-equiv="Refresh" content="0; url=intro.html" />' in page
    assert '<a href="intro.html">E-government in Indonesia, reproduced</a>' in page
    # Only the stub is rewritten: a real page (or an already mended one) stays as it is.
    assert redirect_page(page, "x") is None
    assert redirect_page("<!DOCTYPE html><html><body>hi</body></html>", "x") is None


def test_the_redirect_title_is_escaped():
    stub = '<meta http-equiv="Refresh" content="0; url=intro.html" />'
    assert "<title>R&amp;D &lt;book&gt;</title>" in redirect_page(stub, "R&D <book>", "id")
    assert '<html lang="id">' in redirect_page(stub, "x", "id")
