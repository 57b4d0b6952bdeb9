"""The printed page, both editions (egov-repro pdf): no table value split inside its cell,
no heading left alone at a page's foot, "ke-77" never broken at its hyphen, every table
with a caption, and the Indonesian PDF's cover and metadata in Indonesian."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader

from egov_repro.book.contents import toc_files
from egov_repro.site import pdf, unbroken
from egov_repro.words import editions

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def printed(book_prints) -> dict[str, tuple[Path, Path]]:
    """lang -> (its PDF, its built site): the session's first print (``book_prints``)."""
    project, files = book_prints
    html = project / "_build" / "html"
    return {
        "en": (files["en"][0], html),
        "id": (files["id"][0], html / "id"),
        "project": (project, html),
    }


def text(path: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


DECIMALS = re.compile(r"[\u2212+-]?\d+[.,]\d{3,}")


def table_values(site: Path, docs: list[str]) -> Counter:
    """How often each value with three or more decimals stands in a table cell of the
    printed pages."""
    found: Counter = Counter()
    for doc in docs:
        html = (site / f"{doc}.html").read_text(encoding="utf-8")
        for cell in re.findall(r"<td\b[^>]*>(.*?)</td>", html, re.S):
            value = unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            if DECIMALS.fullmatch(value):
                found[value] += 1
    return found


def split_values(values: Counter, raw: str) -> dict[str, int]:
    """Values that the PDF's text holds whole fewer times than the tables show them: a
    value broken inside its cell ("0,422" / "4") is no longer one word."""
    words = Counter(raw.split())
    return {value: n - words[value] for value, n in values.items() if words[value] < n}


def test_split_values_are_found_where_they_are():
    values = Counter({"0,4224": 1, "0,7160": 2})
    assert split_values(values, "EGDI 0,422\n4 0,7160 0,7160") == {"0,4224": 1}
    assert split_values(values, "0,4224 x 0,7160\n0,7160") == {}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_table_value_is_split_across_lines(printed, lang):
    path, site = printed[lang]
    project, _ = printed["project"]
    values = table_values(site, toc_files(project))
    assert sum(values.values()) > 100, values
    raw = text(path, "-raw")
    assert not split_values(values, raw), split_values(values, raw)
    assert not re.findall(r"\bke-\n", raw), "a 'ke-' ordinal broken at its hyphen"


def hyphenated_words(site: Path, docs: list[str]) -> set[str]:
    """The hyphenated words short enough to stay whole ("SHA-256", "ke-77",
    "E-Partisipasi", figure ids) in the printed pages' text."""
    found = set()
    for doc in docs:
        html = (site / f"{doc}.html").read_text(encoding="utf-8")
        article = re.search(r'<article class="bd-article".*?</article>', html, re.S).group(0)
        visible = unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", article)))
        found |= {
            w for w in unbroken.HYPHENATED.findall(visible) if len(w) <= unbroken.NOWRAP_LONGEST
        }
    return found


def broken_at_hyphen(words: set[str], raw: str) -> list[str]:
    """The words of ``words`` that the PDF's text breaks at one of their hyphens (a
    hyphenated run too long for a line, as in a long address, may break)."""
    found = []
    for left, right in re.findall(r"(\S*\w-)\n(\w\S*)", raw):
        if "/" in left:  # an address or a path may break after a segment (unbroken.SKIPPED)
            continue
        run = unbroken.HYPHENATED.search(left.rsplit("/", 1)[-1] + right.split("/", 1)[0])
        if run is None or len(run.group(0)) > unbroken.NOWRAP_LONGEST:
            continue
        pieces = {left[i:] + right[:j] for i in range(len(left)) for j in range(1, len(right) + 1)}
        found.extend(sorted(pieces & words, key=len)[-1:])
    return found


def test_a_word_broken_at_its_hyphen_is_found():
    words = {"SHA-256", "E-Partisipasi", "ke-77"}
    raw = (
        "Each SHA-\n256 of, E-\nPartisipasi (EPI), peringkat ke-\n77. Parti-\nsipasi "
        "https://x.id/sistem-e-\ngovernment-indonesia-peringkat-ke-5-di-asia-tenggara"
    )
    assert broken_at_hyphen(words, raw) == ["SHA-256", "E-Partisipasi", "ke-77"]
    assert broken_at_hyphen(words, "Each SHA-256\nof E-Partisipasi") == []


def test_a_links_short_hyphenated_words_take_the_non_breaking_hyphen_but_not_an_address():
    from bs4 import BeautifulSoup

    html = (
        '<p>See <a href="#a">sepuluh provinsi dengan prestasi e-government terbaik</a>, '
        '<a href="https://x.id/sistem-e-government">x.id/sistem-e-government</a> and '
        "SHA-256.</p>"
    )
    soup = BeautifulSoup(html, "html.parser")
    unbroken.keep_hyphenated_words(soup, soup)
    first, address = soup.find_all("a")
    assert first.get_text() == "sepuluh provinsi dengan prestasi e\u2011government terbaik"
    assert not first.find("span")  # no span inside a link (its annotation would split)
    assert address.get_text() == "x.id/sistem-e-government"  # an address is copied: as is
    assert soup.find("span", class_="egov-nowrap").get_text() == "SHA-256."


@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_hyphenated_word_is_broken_at_its_hyphen(printed, lang):
    path, site = printed[lang]
    project, _ = printed["project"]
    words = hyphenated_words(site, toc_files(project))
    assert {"SHA-256", "E-Government"} <= words, sorted(words)[:20]
    broken = broken_at_hyphen(words, text(path, "-raw"))
    assert not broken, broken


def headings(site: Path, doc: str) -> list[str]:
    html = (site / f"{doc}.html").read_text(encoding="utf-8")
    article = re.search(r'<article class="bd-article".*?</article>', html, re.S).group(0)
    found = re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", article, re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in found]


def last_lines(path: Path) -> list[str]:
    """The last line of text on each page above its page number (pdftotext -bbox-layout)."""
    xhtml = text(path, "-bbox-layout")
    found = []
    for page in re.findall(r"<page\b.*?</page>", xhtml, re.S):
        lines = []
        for line in re.findall(r"<line\b.*?</line>", page, re.S):
            words = re.findall(r"<word[^>]*>(.*?)</word>", line)
            lines.append(" ".join(unescape(w) for w in words))
        lines = [line for line in lines if not re.fullmatch(r"\d+", line)]  # page number
        if lines:
            found.append(lines[-1])
    return found


@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_heading_is_left_alone_at_a_pages_foot(printed, lang):
    path, site = printed[lang]
    project, _ = printed["project"]
    titles = {t for doc in toc_files(project) for t in headings(site, doc) if len(t) > 2}
    titles |= {caption for caption, _ in pdf._parts(project, lang) if caption}  # contents
    stranded = [
        line
        for line in last_lines(path)
        if line in titles or re.fullmatch(r"\[[^\]]+\]", line)  # or a reference's key
    ]
    assert not stranded, stranded


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_data_table_has_a_caption_in_print(printed, lang):
    path, site = printed[lang]
    raw = " ".join(text(path).split())
    for label in re.findall(
        r'class="egov-table"[^>]*aria-label="([^"]+)"|aria-label="([^"]+)"[^>]*class="egov-table"',
        (site / "chapters" / "02-southeast-asia-ranking.html").read_text(encoding="utf-8"),
    ):
        caption = " ".join(unescape(next(x for x in label if x)).split())
        assert caption in raw, caption


def test_the_indonesian_pdf_has_an_indonesian_cover_and_title(printed):
    path, _ = printed["id"]
    title = editions.TITLES["id"]
    cover = " ".join(text(path, "-f", "1", "-l", "1").split())
    assert cover.startswith(title), cover[:120]
    assert "(versi 0." in cover or "(versi " in cover
    assert "1 Desember 2025" in cover and "Disusun pada" in cover
    for english in ("(version", "Data UN E-Government Survey", "reproduced", "Built on"):
        assert english not in cover, english
    meta = PdfReader(path).metadata
    assert meta["/Title"].startswith(title + " (egov-repro ")
    assert meta["/Author"] == editions.AUTHORS["id"]
    assert meta["/Subject"].startswith("Reproduksi ")
    english = PdfReader(printed["en"][0]).metadata
    assert english["/Author"] == "egov-repro contributors"
