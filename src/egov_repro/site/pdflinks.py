"""A page links the book's PDF only when the PDF is there.

`make book` builds the site; `egov-repro pdf` (`make pdf`) prints it and puts
``pdf/egov-repro-<lang>.pdf`` into the edition's site. Until then every page's download
menu item and the landing page's link would be dead, so the build leaves them dormant:
the item hidden, the anchor a ``span`` (a placeholder: no link, and no anchor that a
crawler would count as a broken one). Once the PDF is written, the same function makes
them live. Both directions are plain text substitutions, so a page goes back and forth
byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

from egov_repro.data.atomic import write_text

URL = r"(?:\.\./)*pdf/egov-repro-(?:en|id)\.pdf"
# A live link, its menu item if it has one, and everything up to its end tag (a link
# holds no other link). A dormant one is no anchor at all, but a span whose end carries
# a marker (its content may hold spans of its own): an anchor without an address is
# still counted as an uncrawlable link by search engines and Lighthouse.
LIVE = re.compile(rf'(<li>)?<a href="({URL})"( target="_blank")?(.*?)</a>', re.S)
DORMANT = re.compile(
    rf'(<li hidden>)?<span data-egov-pdf="({URL})"( data-egov-pdf-target="_blank")?'
    r"(.*?)</span><!--/egov-pdf-->",
    re.S,
)


def pdf_name(lang: str) -> str:
    return f"egov-repro-{lang}.pdf"


def dormant(html: str) -> str:
    """Every link to the book's PDF made a placeholder (its menu item hidden)."""

    def sleep(match: re.Match) -> str:
        item = "<li hidden>" if match.group(1) else ""
        target = ' data-egov-pdf-target="_blank"' if match.group(3) else ""
        inner = match.group(4)
        return f'{item}<span data-egov-pdf="{match.group(2)}"{target}{inner}</span><!--/egov-pdf-->'

    return LIVE.sub(sleep, html)


def live(html: str) -> str:
    """Every placeholder of ``dormant`` made a link to the book's PDF again."""

    def wake(match: re.Match) -> str:
        item = "<li>" if match.group(1) else ""
        target = ' target="_blank"' if match.group(3) else ""
        return f'{item}<a href="{match.group(2)}"{target}{match.group(4)}</a>'

    return DORMANT.sub(wake, html)


def apply(site: Path, lang: str, pages: list[Path]) -> list[Path]:
    """Make ``pages`` of the edition built in ``site`` link its PDF if, and only if,
    ``site/pdf/egov-repro-<lang>.pdf`` exists; returns the pages rewritten."""
    there = (site / "pdf" / pdf_name(lang)).is_file()
    changed = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        new = live(html) if there else dormant(html)
        if new != html:
            write_text(page, new)
            changed.append(page)
    return changed


def edition_pages(site: Path) -> list[Path]:
    """An edition's pages: every HTML file of its site but the theme's, the sources', the
    figures' and the other edition's folder."""
    skip = {"_static", "_sources", "figures", "pdf", "id"}
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] not in skip]
