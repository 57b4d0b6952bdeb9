"""The book as a PDF (egov-repro pdf): printed from the session's built book, each edition
has every chapter and section as a bookmark and in the contents with its page, the
computed values in its text, every font embedded, no text outside the page's printable
box, vector figures and clickable links; two prints of one commit are byte-identical.
Both editions are printed: English, and Indonesian from the site's id/ folder.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from hashlib import sha256
from html import unescape
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from egov_repro import __version__
from egov_repro.book.contents import toc_files
from egov_repro.data import datasets
from egov_repro.errors import DataError
from egov_repro.site import pdf
from egov_repro.words import bibstyle, catalogue

from conftest import PRINT_EPOCH, ROOT, project_env, run_cli

MARGIN = 18 / 25.4 * 72  # the left and right page margins of pdf.PRINT_CSS, in points


@pytest.fixture(scope="module")
def prints(book_prints):
    return book_prints


@pytest.fixture(scope="module")
def printed(prints):
    project, files = prints
    return project, *files["en"]


@pytest.fixture(scope="module")
def printed_id(prints):
    project, files = prints
    return project, *files["id"]


def pdf_text(path: Path, first: int | None = None, last: int | None = None, layout=False) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), *pages, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(text.split())


def bookmarks(reader: PdfReader, outline=None) -> list[tuple[str, int]]:
    found = []
    for item in reader.outline if outline is None else outline:
        if isinstance(item, list):
            found += bookmarks(reader, item)
        else:
            found.append((" ".join(item.title.split()), reader.get_destination_page_number(item)))
    return found


def page_headings(html: Path, doc: str) -> list[str]:
    """The chapter title (h1) and section titles (h2) of a built page."""
    page = (html / f"{doc}.html").read_text(encoding="utf-8")
    article = re.search(r'<article class="bd-article".*?</article>', page, re.S).group(0)
    headings = re.findall(r"<h[12]>(.*?)</h[12]>", article, re.S)
    text = [re.sub(r'<a class="headerlink".*?</a>|<[^>]+>', "", h, flags=re.S) for h in headings]
    return [" ".join(unescape(h).split()) for h in text]


@pytest.mark.slow
@pytest.mark.browser  # Chromium prints the book
def test_two_prints_of_one_commit_are_byte_identical(printed):
    _, first, second = printed
    # Digests, not bytes: pytest's diff of two 3-MB byte strings takes minutes.
    assert sha256(first.read_bytes()).hexdigest() == sha256(second.read_bytes()).hexdigest()
    reader = PdfReader(first)
    assert reader.metadata["/CreationDate"] == "D:20251201000000Z"
    assert reader.metadata["/ModDate"] == "D:20251201000000Z"


@pytest.mark.slow
@pytest.mark.browser  # Chromium prints the book
def test_every_chapter_and_section_is_a_bookmark_and_in_the_contents_with_its_page(printed):
    project, path, _ = printed
    reader = PdfReader(path)
    marks = dict(bookmarks(reader))
    contents = pdf_text(path, 2, 3, layout=True)
    html = project / "_build" / "html"
    for doc in toc_files(project):
        headings = page_headings(html, doc)
        assert headings, doc
        for title in headings:
            assert title in marks, (doc, title)
            # The printed page number (the cover is page 1) follows the title in the contents.
            assert re.search(re.escape(title) + rf" {marks[title] + 1}\b", contents), (doc, title)
    for part in ("The paper's figures, rebuilt", "Checking the paper", "Beyond the paper"):
        assert part in marks, part


@pytest.mark.slow
@pytest.mark.browser  # Chromium prints the book
def test_the_text_holds_the_computed_values(printed):
    _, path, _ = printed
    text = pdf_text(path)
    assert "Indonesia is number 5, with an EGDI of 0.7160 and world rank 77" in text
    assert "0,7160" not in text  # the English edition formats numbers in English


@pytest.mark.slow
@pytest.mark.browser  # Chromium prints the book
def test_the_cover_names_the_versions_the_date_the_doi_and_how_to_cite(printed):
    project, path, _ = printed
    cover = pdf_text(path, 1, 1)
    assert f"Package version egov-repro {__version__}" in cover
    assert f"Data package version {datasets.data_version(project / 'data')}" in cover
    assert "Built on 1 December 2025" in cover
    assert "doi:10.54144/govsci.v4i1.45" in cover
    assert f"(version {__version__}) [software]" in cover
    assert "https://github.com/egov-repro/egov-repro" in cover


@pytest.mark.slow
@pytest.mark.browser  # Chromium prints the book
def test_every_font_is_embedded(printed):
    _, path, _ = printed
    table = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = table.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        # name, type ..., encoding, then emb sub uni and the object number
        emb = row.split()[-5]
        assert emb == "yes", row


@pytest.mark.slow
@pytest.mark.browser  # Chromium prints the book
def test_no_text_lies_outside_the_printable_box(printed):
    _, path, _ = printed
    layout = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = re.split(r"<page ", layout)[1:]
    assert len(pages) == len(PdfReader(path).pages)
    for number, page in enumerate(pages, start=1):
        width, height = (
            float(v) for v in re.match(r'width="([\d.]+)" height="([\d.]+)"', page).groups()
        )
        for x0, y0, x1, y1, word in re.findall(
            r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)',
            page,
        ):
            box = float(x0), float(y0), float(x1), float(y1)
            inside = (
                box[0] >= MARGIN - 2
                and box[2] <= width - MARGIN + 2
                and box[1] >= 0
                and box[3] <= height
            )
            assert inside, f"page {number}: {unescape(word)!r} at {box} (page {width}x{height})"


@pytest.mark.slow
@pytest.mark.browser  # Chromium prints the book
def test_figures_are_vectors_and_links_are_clickable(printed):
    _, path, _ = printed
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True)
    assert images.stdout.splitlines()[2:] == []  # not one raster image: SVG stays vector
    reader = PdfReader(path)
    uris, internal = set(), 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if action.get("/URI"):
                uris.add(action["/URI"])
            elif annotation.get_object().get("/Dest") or action.get("/D"):
                internal += 1
    assert "https://doi.org/10.54144/govsci.v4i1.45" in uris
    assert internal > 100  # the contents and the cross-references between chapters
    # Files the pages link (the figure's table) point at the published site.
    assert any(u.endswith("figures/fig1-southeast-asia-egdi-2022-en.csv") for u in uris)


@pytest.mark.slow
@pytest.mark.browser  # Chromium prints the book
def test_the_site_links_the_pdf_from_every_page_and_shows_both_versions(printed):
    project, path, _ = printed
    html = project / "_build" / "html"
    site_pdf = (html / "pdf" / "egov-repro-en.pdf").read_bytes()
    assert sha256(site_pdf).hexdigest() == sha256(path.read_bytes()).hexdigest()
    data_version = datasets.data_version(project / "data")
    for doc in toc_files(project):
        page = (html / f"{doc}.html").read_text(encoding="utf-8")
        depth = doc.count("/")
        assert f'href="{"../" * depth}pdf/egov-repro-en.pdf"' in page, doc
        assert f"egov-repro <code>{__version__}</code>" in page, doc
        assert f"Data package version <code>{data_version}</code>" in page, doc
        # The Indonesian edition links its own PDF, now that the print put it there.
        page_id = (html / "id" / f"{doc}.html").read_text(encoding="utf-8")
        assert f'href="{"../" * depth}pdf/egov-repro-id.pdf"' in page_id, doc
        assert "data-egov-pdf" not in page + page_id, doc


def test_editions_add_indonesian_once_its_site_is_built(tmp_path):
    assert pdf.editions(tmp_path) == [("en", tmp_path)]
    (tmp_path / "id").mkdir()
    (tmp_path / "id" / "intro.html").write_text("<html></html>")
    assert pdf.editions(tmp_path) == [("en", tmp_path), ("id", tmp_path / "id")]
    assert pdf.format_date(dt.datetime(2025, 12, 1, tzinfo=dt.UTC), "id") == "1 Desember 2025"


def test_the_build_date_is_the_last_commit_unless_source_date_epoch_says(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with pytest.raises(DataError, match="SOURCE_DATE_EPOCH"):
        pdf.source_date(tmp_path)
    env = {
        **project_env(),
        "GIT_AUTHOR_DATE": "2024-02-29T12:00:00Z",
        "GIT_COMMITTER_DATE": "2024-02-29T12:00:00Z",
    }
    for args in (
        ["init", "-q"],
        [
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            "x",
        ],
    ):
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True)
    assert pdf.source_date(tmp_path) == dt.datetime(2024, 2, 29, 12, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PRINT_EPOCH)
    assert pdf.source_date(tmp_path) == dt.datetime(2025, 12, 1, tzinfo=dt.UTC)


def test_pdf_without_a_built_book_says_what_to_do(tmp_path):
    result = run_cli(tmp_path, "pdf", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "no built book here; run `make book` first" in result.stderr


def test_version_prints_the_package_and_data_versions_that_citation_cff_shows(tmp_path):
    result = run_cli(ROOT, "--version")
    assert result.returncode == 0, result.stderr
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    expected = f"egov-repro {citation['version']} (data package {datasets.data_version()})"
    assert result.stdout.strip() == expected
    assert citation["version"] == __version__


# --- the Indonesian edition's PDF ----------------------------------------------------


@pytest.mark.slow
@pytest.mark.browser  # Chromium prints the book
def test_the_indonesian_pdf_is_byte_identical_embeds_its_fonts_and_fits_its_pages(printed_id):
    test_two_prints_of_one_commit_are_byte_identical(printed_id)
    test_every_font_is_embedded(printed_id)
    test_no_text_lies_outside_the_printable_box(printed_id)


@pytest.mark.slow
@pytest.mark.browser  # Chromium prints the book
def test_the_indonesian_pdf_has_its_chapters_as_bookmarks_and_indonesian_numbers(printed_id):
    project, path, _ = printed_id
    reader = PdfReader(path)
    marks = dict(bookmarks(reader))
    html = project / "_build" / "html" / "id"
    for doc in toc_files(project):
        for title in page_headings(html, doc):
            assert title in marks, (doc, title)
    text = pdf_text(path)
    assert "EGDI 0,7160 dan peringkat ke-77 dunia" in text
    cover = pdf_text(path, 1, 1)
    assert "Dibuat pada 1 Desember 2025" in cover or "1 Desember 2025" in cover
    assert "doi:10.54144/govsci.v4i1.45" in cover
    # The package cited with the title the Indonesian references give it, and no English
    # word left in the stamp ("commit", "with uncommitted changes").
    title = bibstyle.entry_title(project / "references.bib", "egovrepro", "id")
    assert title.startswith("egov-repro: reproduksi yang dapat dijalankan ulang")
    assert title in cover.replace("\u2011", "-")
    assert "dari revisi" in cover and "commit" not in cover


@pytest.mark.slow
@pytest.mark.browser  # Chromium prints the book
def test_the_printed_explorer_speaks_of_paper_not_of_the_screen(prints):
    """On paper there is no address bar, download link or script: the explorer's page
    prints its print note and table, not the sentences about the screen the site shows."""
    project, files = prints
    screen_only = {
        "en": ["so a comparison can be shared", "Download these rows", "runs no scripts"],
        "id": ["Alamat halaman menyimpan", "Unduh baris-baris", "tanpa skrip"],
    }
    html = project / "_build" / "html"
    for lang, phrases in screen_only.items():
        page = html / ("id" if lang == "id" else "") / "chapters" / "11-explore.html"
        site = " ".join(page.read_text(encoding="utf-8").split())
        printed = pdf_text(files[lang][0])
        assert catalogue.say("explore.word.print", lang, url="").split(".")[0] in printed
        for phrase in phrases:
            assert phrase in site, (lang, phrase)
            assert phrase not in printed, (lang, phrase)


def test_structure_element_ids_from_chromiums_dom_are_renumbered_alike():
    """Chromium names tagged-PDF elements after DOM node numbers that vary by print."""
    first = b"/ID (node00000459) /ID (node00000460) /K (node00000459)"
    second = b"/ID (node00000458) /ID (node00000459) /K (node00000458)"
    assert pdf.stable_node_ids(first) == pdf.stable_node_ids(second)
    assert pdf.stable_node_ids(first) == b"/ID (node00000000) /ID (node00000001) /K (node00000000)"


def test_a_pdf_link_sleeps_and_wakes_byte_for_byte():
    """Without the PDF a page's links to it are placeholders (the menu item hidden);
    once printed, the same text again."""
    from egov_repro.site import pdflinks

    page = (
        '<li><a href="../pdf/egov-repro-en.pdf" target="_blank"\n   class="btn">x</a></li>'
        '<p><a href="pdf/egov-repro-id.pdf">egov-repro-id.pdf</a></p>'
    )
    asleep = pdflinks.dormant(page)
    assert not re.search(r"\s(href|target)=", asleep)
    assert asleep.startswith('<li hidden><span data-egov-pdf="../pdf/egov-repro-en.pdf"')
    assert "<a " not in asleep  # no anchor without an address (Lighthouse's crawlable-anchors)
    assert pdflinks.live(asleep) == page and pdflinks.dormant(asleep) == asleep
