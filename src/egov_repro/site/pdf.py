"""The book as one PDF per edition, printed from the built HTML (no second execution).

The pages of ``_build/html`` are put together in ``_toc.yml`` order into one print
document (a cover with the versions, the build date and how to cite; a table of contents;
every page's article without the site's chrome, hidden code left out), which Chromium
prints: the SVG figures stay vectors, text is selectable, fonts are embedded, links and
cross-references are clickable, and headings become PDF bookmarks. Chromium cannot put
page numbers into a table of contents, so the document is printed twice: the first print
tells on which page each chapter and section starts (its named destination), the second
prints those numbers. Dates come from ``SOURCE_DATE_EPOCH`` (else the last commit) and
the file identifier from the content, so two builds of one commit are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
from html import escape, unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from egov_repro import __version__
from egov_repro.analysis import paper
from egov_repro.book import buildrecord
from egov_repro.book.stamp import build_stamp
from egov_repro.data.atomic import write_bytes, write_text
from egov_repro.errors import DataError
from egov_repro.site import pdflinks
from egov_repro.site.unbroken import hyphens_kept, keep_hyphenated_words
from egov_repro.words import bibstyle, i18n
from egov_repro.words.catalogue import say
from egov_repro.words.editions import AUTHORS, SEPARATOR, pick, stamp_commit
from egov_repro.words.editions import title as edition_title

PDF_DIR = Path("_build") / "pdf"
# Words of the cover and contents (pdf.cover.<key> in the catalogue); the pages bring
# their own.
COVER_WORDS = (
    "subtitle",
    "version",
    "data_version",
    "built",
    "commit",
    "paper",
    "cite",
    "cite_also",
    "online",
    "contents",
    "licence",
    "software",
    "version_word",
)
# An article's title in quotation marks (PUEBI italicises books and journals, not articles).
PAPER_TITLE = "“Eksistensi birokrasi di era revolusi 4.0”"
PACKAGE_ENTRY = "egovrepro"  # the package's entry in references.bib, cited on the cover


def cover_words(lang: str) -> dict[str, str]:
    """The cover's and contents' words in ``lang``, by ``COVER_WORDS`` key."""
    words = {key: say("pdf.cover." + key, lang) for key in COVER_WORDS if key != "subtitle"}
    return {"subtitle": say("pdf.cover.subtitle", lang, paper_title=PAPER_TITLE), **words}


def metadata_subject(lang: str) -> str:
    """The PDF's Subject: what the book reproduces, with the paper's DOI."""
    return f"{say('pdf.metadata.subject', lang)}, doi:{paper.DOI}"


def metadata_title(lang: str, english_title: str, package: str, data: str) -> str:
    """The PDF's title: the edition's title, with the package's and the data's versions."""
    return say(
        "pdf.metadata.title",
        lang,
        title=edition_title(lang, english_title),
        version=package,
        data_version=data,
    )


# Chromium cannot start its sandbox as root (a container's shell, some CI runners), so
# only there does it run without one; any other user keeps the sandbox. Playwright turns
# the sandbox off unless asked not to: launch with ``chromium_sandbox=SANDBOX``.
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
SANDBOX = not AS_ROOT
SANDBOX_FLAGS = [] if SANDBOX else ["--no-sandbox"]
# Chromium's flags for printing (no GPU, no network of its own).
CHROMIUM_ARGS = [*SANDBOX_FLAGS, "--disable-gpu", "--disable-background-networking"]


# --- what is printed ----------------------------------------------------------------


def editions(html: Path) -> list[tuple[str, Path]]:
    """(language, built site) of each edition: English in ``html``; Indonesian in
    ``html/id`` once the Indonesian edition is built there."""
    found = [("en", html)]
    if (html / "id" / "intro.html").is_file():
        found.append(("id", html / "id"))
    return found


def source_date(root: Path) -> dt.datetime:
    """The build date: ``SOURCE_DATE_EPOCH`` when set, else the time of the last commit."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        try:
            epoch = subprocess.run(
                ["git", "log", "-1", "--format=%ct"],
                cwd=root,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            epoch = ""
    if not epoch.isdigit():
        raise DataError(
            root,
            "not a git checkout with a commit, and SOURCE_DATE_EPOCH is not set",
            expected="one of them, to date the PDF (e.g. SOURCE_DATE_EPOCH=$(date +%s))",
        )
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)


def versions(root: Path) -> tuple[str, str]:
    """(package version, data package version): what ``--version``, the cover, the site's
    footer and CITATION.cff show."""
    descriptor = root / "data" / "datapackage.json"
    try:
        data_version = json.loads(descriptor.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError) as exc:
        raise DataError(descriptor, f"unreadable ({exc})", expected="a 'version'") from exc
    return __version__, data_version


def format_date(date: dt.datetime, lang: str) -> str:
    """ "6 December 2026" / "6 Desember 2026", as the site's footer writes the same date."""
    return i18n.format_date(date, lang)


def site_url(root: Path) -> str:
    """The published site (GitHub Pages of the repository named in _config.yml)."""
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    repo = (config.get("repository") or {}).get("url", "")
    match = re.match(r"https://github\.com/([^/]+)/([^/]+?)/?$", repo)
    return f"https://{match.group(1)}.github.io/{match.group(2)}/" if match else ""


def _parts(root: Path, lang: str = "en") -> list[tuple[str | None, list[str]]]:
    """(part caption in ``lang``, documents) in reading order; the landing page has no
    part. Captions hold both languages ("English | Indonesia", see egov_repro.words.editions)."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    parts = [(None, [toc["root"]])]
    for part in toc.get("parts", [{"chapters": toc.get("chapters", [])}]):
        caption = part.get("caption")
        if caption and SEPARATOR in caption:
            caption = pick(caption, lang, "_toc.yml caption")
        parts.append((caption, [entry["file"] for entry in part.get("chapters", [])]))
    return parts


def _slug(doc: str) -> str:
    return re.sub(r"[^A-Za-z0-9-]+", "-", doc).strip("-")


# --- one print document -------------------------------------------------------------


def _article(page: Path, doc: str, docs: set[str], html: Path, online: str, level_shift: int):
    """The page's article, with ids made unique in the book, links between pages turned
    into links inside the PDF, files linked on the published site, and no site chrome."""
    from bs4 import BeautifulSoup

    if not page.is_file():
        raise DataError(
            page, f"the page of {doc!r} (in _toc.yml) is not built", hint="Run make book."
        )
    # The PDF's own links as the published site has them, whether or not printed yet.
    soup = BeautifulSoup(pdflinks.live(page.read_text(encoding="utf-8")), "html.parser")
    article = soup.find("article", class_="bd-article")
    if article is None:
        raise DataError(page, "not a Jupyter Book page", expected="<article class='bd-article'>")
    # The explorer's controls and chart (egov_repro.site.explore) do nothing on paper: its
    # page prints a paragraph with its address instead, and the default country's table;
    # what speaks of the screen (an address bar, a download, scripts) is left out too.
    chrome = (
        "a.headerlink, details.hide, script, style, .toggle-details, .egov-explore-live,"
        " .egov-screen-only"
    )
    for junk in article.select(chrome):
        junk.decompose()
    slug = _slug(doc)
    for tag in article.find_all(id=True):
        tag["id"] = f"{slug}--{tag['id']}"
    here = page.parent
    for link in article.find_all("a", href=True):
        href = link["href"]
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            continue
        if not parts.path:
            link["href"] = f"#{slug}--{parts.fragment}" if parts.fragment else f"#{slug}"
            continue
        target = (here / unquote(parts.path)).resolve()
        try:
            relative = target.relative_to(html.resolve()).as_posix()
        except ValueError:
            relative = parts.path
        target_doc = relative.removesuffix(".html")
        if relative.endswith(".html") and target_doc in docs:
            fragment = f"{_slug(target_doc)}--{parts.fragment}" if parts.fragment else ""
            link["href"] = f"#{fragment or _slug(target_doc)}"
        else:
            link["href"] = online + relative + (f"#{parts.fragment}" if parts.fragment else "")
    for image in article.find_all("img", src=True):
        source = urlsplit(image["src"])
        if not source.scheme:
            image["src"] = (here / unquote(source.path)).resolve().as_uri()
    for heading in article.find_all(re.compile(r"^h[1-6]$")):
        # A heading wrapped in the source would lose the space at its line break in the
        # PDF's bookmarks.
        for text in heading.find_all(string=True):
            text.replace_with(re.sub(r"\s+", " ", str(text)))
        # Chromium's bookmark drops the space where a long heading wraps; its
        # accessible name keeps it.
        heading["aria-label"] = " ".join(heading.get_text().split())
        if level_shift:
            heading.name = f"h{min(6, int(heading.name[1]) + level_shift)}"
    _print_layout(soup, article)
    body = article.find("section") or article
    return body


# A table this short moves to the next page whole rather than leave a row or two behind;
# so does a short code listing (a BibTeX entry).
SHORT_TABLE_ROWS = 25
SHORT_LISTING_LINES = 30


def _print_layout(soup, article) -> None:
    """What the printed page needs and CSS alone cannot give: each heading (and each
    term of a definition list) kept with the block that follows it (wrapped together,
    unbreakable), a short table or listing kept whole, the tables' accessible names
    shown as their captions, and hyphenated words ("ke-77", "SHA-256") never broken at
    their hyphen."""
    for table in article.select("div.egov-table[aria-label] > table"):
        if table.find("caption") is None:
            caption = soup.new_tag("caption")
            caption.string = table.parent["aria-label"]
            table.insert(0, caption)
    for table in article.find_all("table"):
        if len(table.find_all("tr")) <= SHORT_TABLE_ROWS:
            table["class"] = [*table.get("class", []), "egov-keep"]
    for listing in article.find_all("pre"):
        if listing.get_text().count("\n") < SHORT_LISTING_LINES:
            listing["class"] = [*listing.get("class", []), "egov-keep"]
    for heading in article.find_all(re.compile(r"^h[1-6]$")):
        following = heading.find_next_sibling()
        if following is None or following.name in ("section",) or following.find("section"):
            continue
        keep = soup.new_tag("div", attrs={"class": "egov-keep-with-next"})
        heading.insert_before(keep)
        keep.append(heading.extract())
        keep.append(following.extract())
    for term in article.find_all("dt"):
        if term.find_parent(class_="claim-card") is not None:  # a card is kept whole
            continue
        definition = term.find_next_sibling()
        if definition is None or definition.name != "dd":
            continue
        keep = soup.new_tag("div", attrs={"class": "egov-keep-with-next"})
        term.insert_before(keep)
        keep.append(term.extract())
        keep.append(definition.extract())
    keep_hyphenated_words(soup, article)


def _print_css(html: Path) -> str:
    own = (Path(__file__).parents[1] / "static" / "egov-repro.css").read_text(encoding="utf-8")
    pygments = html / "_static" / "pygments.css"
    code = pygments.read_text(encoding="utf-8") if pygments.is_file() else ""
    return own + code + PRINT_CSS


PRINT_CSS = """
@page { size: A4; margin: 20mm 18mm 20mm 18mm;
  @bottom-center { content: counter(page); font: 9pt "DejaVu Sans", sans-serif; color: #444; } }
@page :first { @bottom-center { content: none; } }
html { font: 10.5pt/1.45 "DejaVu Serif", serif; color: #111; }
body { margin: 0; }
h1, h2, h3, h4, h5, h6, .cover, .toc { font-family: "DejaVu Sans", sans-serif; }
h1, h2, h3, h4 { break-after: avoid; line-height: 1.25; text-wrap: balance; }
h1 { font-size: 20pt; margin: 0 0 12pt; }
h2 { font-size: 15pt; margin: 16pt 0 8pt; }
h3 { font-size: 12.5pt; margin: 14pt 0 6pt; }
h4, h5, h6 { font-size: 11pt; margin: 12pt 0 4pt; }
.part-title { font-size: 13pt; letter-spacing: 0.04em; color: #555; font-weight: 400;
  margin: 0 0 18pt; border-bottom: 1px solid #999; padding-bottom: 4pt; }
.page { break-before: page; }
p, li, dd, dt, figcaption, td, th { overflow-wrap: break-word; orphans: 3; widows: 3; }
a { color: #0b4f9c; text-decoration: none; }
code, pre, kbd { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f5f5f5; padding: 6pt;
  border-left: 2px solid #ccc; margin: 6pt 0; }
div.highlight { background: none; }
img { max-width: 100%; height: auto; }
figure, .egov-figure { break-inside: avoid; }
.egov-table, .egov-table:focus { overflow: visible; border: none; outline: none; }
table { border-collapse: collapse; max-width: 100%; font-size: 8pt; margin: 6pt 0; }
.egov-table table { width: auto; }
th, td { padding: 1.5pt 4pt; border-bottom: 0.5pt solid #bbb; vertical-align: top; }
.egov-table th, .egov-table td { white-space: normal; min-width: 0; }
/* A value is never split inside its cell ("0,422" / "4"): numbers stay on one line. */
.egov-table td:not(:first-child) { white-space: nowrap; }
td { overflow-wrap: break-word; }
table.egov-keep, pre.egov-keep { break-inside: avoid; }
.egov-keep-with-next { break-inside: avoid; }
.egov-nowrap { white-space: nowrap; }
/* A code cell's output (a printed table) keeps its columns: no wrapping, a smaller font. */
.cell_output pre { white-space: pre; overflow-wrap: normal; font-size: 7pt; }
th { overflow-wrap: break-word; hyphens: auto; }
.egov-table th:first-child, .egov-table td:first-child { position: static; box-shadow: none; }
caption { caption-side: top; text-align: left; font-weight: 600; margin-bottom: 3pt; }
tr { break-inside: avoid; }
.claim-cards { display: block; }
.claim-card { break-inside: avoid; margin: 0 0 8pt; }
.claim-card dl { grid-template-columns: 9rem 1fr; }
.cell_output .output { overflow: visible; }
.bibtex-citation, .citation { overflow-wrap: anywhere; }
/* A reference's key never stays alone at a page's foot. */
div.citation { break-inside: avoid; }
.svg-inline--fa { height: 1em; width: 1em; }
.cover { height: 245mm; display: flex; flex-direction: column; }
.cover-title { font-size: 26pt; font-weight: 700; line-height: 1.15; margin: 40mm 0 8pt; }
.cover-subtitle { font-size: 13pt; line-height: 1.35; margin: 0 0 24pt; color: #333; }
.cover dl { display: grid; grid-template-columns: 45mm 1fr; gap: 3pt 8pt; margin: 0 0 18pt; }
.cover dt { font-weight: 700; }
.cover dd { margin: 0; overflow-wrap: anywhere; }
.cover .cite { font-family: "DejaVu Serif", serif; font-size: 10pt; }
.cover .licence { margin-top: auto; font-size: 8.5pt; color: #444; }
.toc { break-before: page; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li { margin: 0; }
.toc .toc-part { break-after: avoid; font-weight: 700; font-size: 9.5pt; letter-spacing: 0.04em;
  margin: 10pt 0 2pt; color: #555; }
.toc .toc-entry { display: flex; align-items: baseline; gap: 4pt; }
.toc .toc-entry a { color: #111; }
.toc .toc-chapter { font-weight: 600; margin-top: 4pt; }
.toc .toc-section { padding-left: 14pt; font-size: 9.5pt; }
.toc .dots { flex: 1; border-bottom: 1px dotted #999; transform: translateY(-3pt); }
.toc .num { width: 2.2em; text-align: right; font-variant-numeric: tabular-nums; }
"""


def _headings(body, slug: str) -> tuple[str, str, list[tuple[str, str]]]:
    """(chapter title, its anchor, [(section title, anchor)]) of a page."""
    title_tag = body.find(re.compile(r"^h[1-6]$"))
    title = title_tag.get_text(" ", strip=True) if title_tag else slug
    sections = []
    for section in body.find_all("section", id=True, recursive=False):
        heading = section.find(re.compile(r"^h[1-6]$"))
        if heading is not None:
            sections.append((heading.get_text(" ", strip=True), section["id"]))
    return title, body.get("id") or slug, sections


def assemble(root: Path, html: Path, lang: str, pages: dict[str, int] | None = None) -> str:
    """The print document of one edition; ``pages`` maps anchors to page numbers for the
    table of contents (blank on the first print)."""
    import yaml

    words = cover_words(lang)
    package, data = versions(root)
    date = source_date(root)
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    citation = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    commit = stamp_commit(build_stamp(root)["commit"], lang)
    online = site_url(root)
    parts = _parts(root, lang)
    docs = {doc for _, members in parts for doc in members}
    pages = pages or {}

    def number(anchor: str) -> str:
        return str(pages.get(anchor, ""))

    contents, body = [], []
    for caption, members in parts:
        shift = 1 if caption else 0
        if caption:
            contents.append(f'<li class="toc-part">{escape(caption)}</li>')
        for index, doc in enumerate(members):
            section = _article(html / f"{doc}.html", doc, docs, html, online, shift)
            slug = _slug(doc)
            title, anchor, sections = _headings(section, slug)
            heading = ""
            if caption and index == 0:
                heading = f'<h1 class="part-title">{escape(caption)}</h1>'
            body.append(f'<div class="page" id="{slug}">{heading}{section}</div>')
            contents.append(
                f'<li class="toc-entry toc-chapter"><a href="#{anchor}">{escape(title)}</a>'
                f'<span class="dots"></span><span class="num">{number(anchor)}</span></li>'
            )
            for name, target in sections:
                contents.append(
                    f'<li class="toc-entry toc-section"><a href="#{target}">{escape(name)}</a>'
                    f'<span class="dots"></span><span class="num">{number(target)}</span></li>'
                )
    year = str(citation.get("date-released", date.year))[:4]
    repository = citation.get("repository-code", "")
    # CITATION.cff names the authors in English; an Indonesian citation names them in its own.
    author = citation["authors"][0].get("name", "")
    if lang != "en":  # it opens the citation: a capital, as a sentence's first word
        author = AUTHORS[lang][:1].upper() + AUTHORS[lang][1:]
    # The title as the edition's references give it (references.bib, ``title_id``).
    cited_title = bibstyle.entry_title(root / "references.bib", PACKAGE_ENTRY, lang)
    cite = (
        f"{escape(author)} ({year}). "
        f"<em>{escape(cited_title)}</em> "
        f"({words['version_word']} {escape(str(citation['version']))}) [{words['software']}]. "
        f'<a href="{escape(repository)}">{escape(repository)}</a>'
    )
    cover = f"""
<div class="cover">
<p class="cover-title">{escape(edition_title(lang, config["title"]))}</p>
<p class="cover-subtitle">{words["subtitle"]}</p>
<dl>
<dt>{words["version"]}</dt><dd>egov-repro {escape(package)}</dd>
<dt>{words["data_version"]}</dt><dd>{escape(data)}</dd>
<dt>{words["built"]}</dt><dd>{format_date(date, lang)}, {words["commit"]}
<code>{escape(commit)}</code></dd>
<dt>{words["paper"]}</dt><dd><a href="https://doi.org/{paper.DOI}">doi:{paper.DOI}</a></dd>
<dt>{words["online"]}</dt><dd><a href="{escape(online)}">{escape(online)}</a></dd>
</dl>
<p><strong>{words["cite"]}</strong></p>
<p class="cite">{cite}</p>
<p>{words["cite_also"]}</p>
<p class="licence">{words["licence"]}</p>
</div>"""
    toc = (
        f'<nav class="toc"><h1 id="contents">{words["contents"]}</h1>'
        f"<ol>{''.join(contents)}</ol></nav>"
    )
    title = escape(metadata_title(lang, config["title"], package, data))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_print_css(html)}</style></head>"
        f"<body>{hyphens_kept(cover)}{toc}{''.join(body)}</body></html>\n"
    )


# --- printing -----------------------------------------------------------------------


def chromium_path() -> str | None:
    """Debian's Chromium when installed (no browser download); else None, and
    Playwright's own Chromium is used if it has been installed."""
    return os.environ.get("CHROME_PATH") or shutil.which("chromium") or None


def missing_printer() -> str:
    """One line on how to get the PDF when no Chromium can print it; empty otherwise."""
    if chromium_path():
        return ""
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            if Path(playwright.chromium.executable_path).is_file():
                return ""
    except Exception:  # no Playwright, or its driver cannot start: no printer either way
        pass
    return (
        "For the PDF (make pdf), install Chromium: `sudo apt-get install chromium` or "
        "`make pdf-env && .venv/bin/python -m playwright install chromium`."
    )


def anchor_pages(pdf: bytes) -> dict[str, int]:
    """Named destination -> page number (1 = the cover), as Chromium wrote them."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    numbers = {}
    for name, destination in reader.named_destinations.items():
        try:
            numbers[str(name).removeprefix("/")] = (
                reader.get_destination_page_number(destination) + 1
            )
        except (KeyError, ValueError, AttributeError):
            continue
    return numbers


def _print(browser, document: Path) -> bytes:
    page = browser.new_page()
    try:
        page.goto(document.as_uri(), wait_until="load")
        return page.pdf(prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
    finally:
        page.close()


def _fix_outline(item, headings: dict[str, str]) -> None:
    """Chromium's bookmark titles lose the space where a heading wraps on the page: put
    back the heading's own text (matched with the spaces left out)."""
    from pypdf.generic import NameObject, TextStringObject

    while item is not None:
        item = item.get_object()
        title = str(item.get("/Title", ""))
        fixed = headings.get(re.sub(r"\s+", "", title))
        if fixed and fixed != title:
            item[NameObject("/Title")] = TextStringObject(fixed)
        _fix_outline(item.get("/First"), headings)
        item = item.get("/Next")


def stable_node_ids(pdf: bytes) -> bytes:
    """Chromium names the tagged PDF's structure elements after its DOM nodes, whose
    numbers vary from one print to the next; renumber them in order of appearance, with
    as many digits, so that the bytes (and every offset) are the same for one commit."""
    numbers: dict[bytes, bytes] = {}

    def renumber(match: re.Match) -> bytes:
        old = match.group(1)
        new = numbers.setdefault(old, str(len(numbers)).zfill(len(old)).encode())
        return b"(node" + new + b")"

    return re.sub(rb"\(node(\d+)\)", renumber, pdf)


def fix_metadata(
    pdf: bytes, title: str, lang: str, date: dt.datetime, headings: list[str] = ()
) -> bytes:
    """The same bytes for the same book: dates from the build date, no XMP packet (it
    holds the print time), and a file identifier derived from the content."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    stamp = date.strftime("D:%Y%m%d%H%M%SZ")
    writer.metadata = {
        "/Title": title,
        "/Author": AUTHORS[lang],
        "/Subject": metadata_subject(lang),
        "/Creator": "egov-repro pdf (Chromium)",
        "/Producer": "egov-repro",
        "/CreationDate": stamp,
        "/ModDate": stamp,
    }
    writer.root_object.pop(NameObject("/Metadata"), None)
    outlines = writer.root_object.get("/Outlines")
    if outlines is not None:
        _fix_outline(
            outlines.get_object().get("/First"), {re.sub(r"\s+", "", h): h for h in headings}
        )
    writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    writer._ID = ArrayObject([ByteStringObject(b"\0" * 16)] * 2)
    first = io.BytesIO()
    writer.write(first)
    digest = hashlib.md5(first.getvalue(), usedforsecurity=False).digest()
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    final = io.BytesIO()
    writer.write(final)
    return final.getvalue()


def build(root: Path | None = None, out: Path | None = None) -> list[Path]:
    """Print every built edition to ``out`` (default ``_build/pdf``) as
    ``egov-repro-<lang>.pdf``, and put a copy in the edition's site (``pdf/``), where
    every page's download menu links it."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise FileNotFoundError(
            "the PDF printer (Playwright) is not installed: `make pdf` installs it "
            "(requirements-pdf.lock), or `pip install 'egov-repro[pdf]'`"
        ) from None

    root = (root or Path.cwd()).resolve()
    html = root / "_build" / "html"
    if not (html / "intro.html").is_file():
        raise FileNotFoundError(f"{html}: no built book here; run `make book` first")
    out = (out or root / PDF_DIR).resolve()
    # A site as the last build left it stays "current" for the next `egov-repro book`
    # once the PDFs are in it and the pages link them.
    current = buildrecord.site_as_recorded(root)
    date = source_date(root)
    package, data = versions(root)
    written = []
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS, chromium_sandbox=SANDBOX
            )
        except PlaywrightError as exc:
            raise FileNotFoundError(
                "no Chromium to print with: install Debian's `chromium` (apt-get install "
                "chromium) or run `.venv/bin/python -m playwright install chromium`"
                f" ({str(exc).splitlines()[0]})"
            ) from exc
        try:
            for lang, site in editions(html):
                work = out / f".print-{lang}"
                work.mkdir(parents=True, exist_ok=True)
                document = work / "book.html"
                pages: dict[str, int] = {}
                for _ in range(4):  # numbers settle after one or two more prints
                    # Every figure must be drawn when Chromium prints, not when scrolled to.
                    page_html = assemble(root, site, lang, pages).replace(' loading="lazy"', "")
                    write_text(document, page_html)
                    pdf = _print(browser, document)
                    found = anchor_pages(pdf)
                    if pages and all(found.get(k) == v for k, v in pages.items()):
                        break
                    pages = found
                title = metadata_title(lang, book_title(root), package, data)
                target = out / f"egov-repro-{lang}.pdf"
                labels = re.findall(r'aria-label="([^"]*)"', document.read_text(encoding="utf-8"))
                headings = [unescape(label) for label in labels]
                final = fix_metadata(stable_node_ids(pdf), title, lang, date, headings)
                write_bytes(target, final)
                write_bytes(site / "pdf" / target.name, final)
                pdflinks.apply(site, lang, pdflinks.edition_pages(site))
                shutil.rmtree(work, ignore_errors=True)
                written.append(target)
        finally:
            browser.close()
    if current:
        buildrecord.record_site(root)
    return written


def book_title(root: Path) -> str:
    """The book's (English) title, as _config.yml gives it."""
    import yaml

    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))["title"]
