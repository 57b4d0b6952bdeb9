"""The printed page, both editions (egov-repro pdf): no table value split inside its cell,
no heading left alone at a page's foot, "ke-77" never broken at its hyphen, every table
with a caption, and the Indonesian PDF's cover and metadata in Indonesian."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader

from egov_repro import editions, pdf
from egov_repro.bookfiles import toc_files

from conftest import IN_CI, copy_built, project_env

pytestmark = [pytest.mark.browser, pytest.mark.slow]
POPPLER = all(shutil.which(tool) for tool in ("pdftotext",))
EPOCH = "1764547200"  # 2025-12-01 00:00 UTC


@pytest.fixture(scope="module")
def printed(built_book, tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """lang -> (its PDF, its built site), printed once from a copy of the session's book."""
    reason = "" if POPPLER else "poppler-utils (pdftotext) missing"
    if not reason and pdf.missing_printer():
        reason = "no Chromium: " + pdf.missing_printer()
    if reason:
        if IN_CI:
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    project = copy_built(built_book, tmp_path_factory.mktemp("print") / "project")
    out = tmp_path_factory.mktemp("pdf")
    result = subprocess.run(
        [sys.executable, "-m", "egov_repro", "pdf", "--out", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**project_env(), "SOURCE_DATE_EPOCH": EPOCH},
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    html = project / "_build" / "html"
    return {
        "en": (out / "egov-repro-en.pdf", html),
        "id": (out / "egov-repro-id.pdf", html / "id"),
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
