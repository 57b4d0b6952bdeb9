"""Pages that fit: every page of both editions in Chromium at a phone's width (390 CSS
px) is no wider than the screen; on a desk the landing page shows one search box and
the article header's buttons sit at one height; the Indonesian pages' copy and toggle
buttons speak Indonesian once their scripts ran."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import chromium_browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 900}
SKIP = ("_static", "_sources", "_downloads", "figures", "pdf")


@pytest.fixture(scope="module")
def chromium():
    with chromium_browser() as browser:
        yield browser


def every_page(html: Path) -> list[Path]:
    """Every page of both editions (the Indonesian one under id/), redirect stubs left out."""
    return sorted(
        page
        for page in html.rglob("*.html")
        if not set(page.relative_to(html).parts[:-1]) & set(SKIP)
        and page.relative_to(html).parts[0] not in SKIP
        and 'http-equiv="Refresh"' not in page.read_text(encoding="utf-8")
    )


def test_no_page_of_either_edition_is_wider_than_a_phone(built_book, chromium):
    html = built_book / "_build" / "html"
    pages = every_page(html)
    assert len(pages) >= 30 and any(p.parts[-2:] == ("id", "intro.html") for p in pages)
    tab = chromium.new_page(viewport=PHONE)
    too_wide = {}
    for page in pages:
        tab.goto(page.as_uri(), wait_until="load")
        width = tab.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[str(page.relative_to(html))] = width
    tab.close()
    assert not too_wide, too_wide


def test_the_header_row_fits_a_phone_with_the_language_switch_on_one_line(built_book, chromium):
    html = built_book / "_build" / "html"
    tab = chromium.new_page(viewport=PHONE)
    for page in (html / "intro.html", html / "id" / "intro.html"):
        tab.goto(page.as_uri(), wait_until="load")
        boxes = tab.evaluate(
            """() => [...document.querySelectorAll('.article-header-buttons > *')]
                .filter(e => e.getBoundingClientRect().width > 0)
                .map(e => { const r = e.getBoundingClientRect();
                            return [e.className, r.right, r.height]; })"""
        )
        assert boxes and all(right <= PHONE["width"] for _, right, _ in boxes), boxes
        switch = tab.locator(".egov-lang-switch").bounding_box()
        line = tab.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.egov-lang-switch')).lineHeight)"
        )
        assert switch["height"] < 2 * line, (page, switch)
    tab.close()


def test_the_desk_shows_one_search_box_and_header_icons_at_one_height(built_book, chromium):
    html = built_book / "_build" / "html"
    tab = chromium.new_page(viewport=DESK)
    for page in (html / "intro.html", html / "id" / "intro.html"):
        tab.goto(page.as_uri(), wait_until="load")
        boxes = tab.evaluate(
            """() => [...document.querySelectorAll('.search-button-field, .search-button')]
                .filter(e => { const r = e.getBoundingClientRect();
                               return r.width > 0 && getComputedStyle(e).visibility !== 'hidden'; })
                .length"""
        )
        assert boxes == 1, (page, boxes)
        centres = tab.evaluate(
            """() => [...document.querySelectorAll(
                    '.article-header-buttons > .btn, .article-header-buttons > .dropdown > .btn')]
                .filter(e => e.getBoundingClientRect().width > 0)
                .map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; })"""
        )
        assert len(centres) >= 4 and max(centres) - min(centres) <= 1, (page, centres)
    tab.close()


def test_indonesian_copy_and_toggle_buttons_speak_indonesian(built_book, chromium):
    html = built_book / "_build" / "html" / "id"
    tab = chromium.new_page(viewport=DESK)
    tab.goto((html / "cite.html").as_uri(), wait_until="load")
    tab.wait_for_selector(".copybtn", state="attached")
    tooltips = tab.evaluate(
        "[...document.querySelectorAll('.copybtn')].map(b => b.getAttribute('data-tooltip'))"
    )
    assert tooltips and set(tooltips) == {"Salin"}, tooltips
    assert tab.evaluate("messages[locale].copy_success") == "Tersalin!"
    for page in html.rglob("chapters/*.html"):
        tab.goto(page.as_uri(), wait_until="load")
        english = tab.evaluate(
            """() => [...document.querySelectorAll('[aria-label], [title], [data-tooltip]')]
                .flatMap(e => ['aria-label', 'title', 'data-tooltip'].map(a => e.getAttribute(a)))
                .filter(v => ['Toggle hidden content', 'Copy', 'Copy to clipboard'].includes(v))"""
        )
        assert not english, (page.name, english)
    tab.close()
