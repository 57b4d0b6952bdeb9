"""The editor's sheet (``egov-repro words``): every sentence the code generates for the
book, with the book's own values, by page, in one language at a time."""

from __future__ import annotations

import re

import pytest

from egov_repro import cli, wordsheet
from egov_repro.words import catalogue

# English function words that an Indonesian sentence never holds.
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "is",
        "are",
        "was",
        "were",
        "which",
        "that",
        "with",
        "from",
        "this",
        "these",
        "those",
        "by",
        "its",
        "their",
        "what",
        "why",
        "where",
        "not",
        "in",
        "on",
        "at",
    ]
)


@pytest.fixture(scope="module")
def sheets() -> dict[str, str]:
    return {lang: wordsheet.render(lang) for lang in ("en", "id")}


def _sentences(sheet: str) -> list[str]:
    """The rendered texts of a sheet (after the ``[key]`` of each line)."""
    return [m.group(1) for m in re.finditer(r"^\[[^\]]+\] (.+)$", sheet, re.M)]


def test_the_indonesian_sheet_holds_the_report_with_the_books_values(sheets):
    sheet = sheets["id"]
    assert sheet.startswith("# Semua kalimat yang ditulis kode untuk buku ini: Bahasa Indonesia")
    assert "## Bab 6: laporan reproduksi" in sheet and "## Halaman depan" in sheet
    assert "Audit ini mencantumkan **16 pernyataan makalah**: 7 terkonfirmasi" in sheet
    assert "Dua pertanyaan lanjutan" in sheet
    assert "[report.card.quoted] “naik menjadi peringkat ke 77”" in sheet
    assert "[pdf.cover.built] Disusun pada" in sheet
    assert "[bibliography.word.others] dkk." in sheet
    assert "[explore.word.hint] Ketik sebagian nama atau kode ISO" in sheet


def test_the_indonesian_sheet_holds_the_findings_with_the_books_values(sheets):
    sheet = sheets["id"]
    ranking = sheet.split("## Bab 2:")[1].split("## Bab 3:")[0]
    assert "0,7160" in ranking and "ke-77" in ranking
    assert "ke-5" in sheet.split("## Halaman depan")[1].split("## Bab 1:")[0]


def test_the_english_sheet_holds_the_english_sentences(sheets):
    sheet = sheets["en"]
    assert sheet.startswith("# Every sentence the code writes for the book: English")
    assert "## Chapter 6: the reproduction report" in sheet
    assert "The audit lists **16 statements of the paper**: 7 confirmed" in sheet
    assert "[bibliography.word.others] et al." in sheet
    assert "Audit ini" not in sheet


def test_no_english_sentence_on_the_indonesian_sheet(sheets):
    english = [
        text
        for text in _sentences(sheets["id"])
        if not text.startswith("“")  # the paper's own words
        and len(set(re.findall(r"[a-z]+", text.lower())) & ENGLISH_WORDS) >= 2
    ]
    assert english == []


def test_each_page_renders_what_it_shows_and_the_rest_is_listed(sheets):
    pages = wordsheet.sheet("id")
    assert list(pages) == list(wordsheet.PAGES)
    report = dict(pages["report"])
    assert report["report.tally.follow_ups"].startswith("Dua pertanyaan lanjutan")
    missing = wordsheet.unrendered(pages)
    rendered = {key for lines in pages.values() for key, _ in lines}
    assert not set(missing) & rendered
    headings = {k for k in catalogue.messages() if k.startswith("sheet.")}
    assert set(missing) | rendered | headings == set(catalogue.messages())
    assert "## Tidak ada dalam lembar ini: " in sheets["id"]


def test_the_command_prints_one_language_and_rejects_another(capsys):
    assert cli.main(["words", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "The audit lists **16 statements of the paper**" in out
    assert "Audit ini" not in out
    with pytest.raises(SystemExit) as stop:
        cli.main(["words", "--lang", "fr"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'fr'" in err and "'en', 'id'" in err
