"""The Indonesian edition follows Indonesian conventions (PUEBI / EYD V; issue 26), on the
built pages (their visible text) and in the Indonesian PDF (pdftotext): quotations in
“…”, ranges between numbers with an en dash, dates in CLDR's Indonesian long form, no
sentence opening with a digit, none of the English or calqued phrases the issue lists,
the same capitalisation after the colon in every chapter title, a caption on every table.

Each rule is a small function; each has a unit test that plants a violation and shows
the rule finds it, so that a rule that cannot fail is caught here first."""

from __future__ import annotations

import re
import subprocess
from html import unescape

import pytest
from babel.dates import format_date
from test_indonesian import id_pages

# --- the rules ---------------------------------------------------------------------------

MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTHS_ID = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
MONTHS_ID_SHORT = "Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Agt|Sep|Okt|Nov|Des"
# Abbreviations after which a number does not open a sentence ("Fahlevy dkk. 2023").
ABBREVIATIONS = ("dkk", "t.t", "No", "Vol", "hlm", "misal", "mis", "al", "v", "no", "vol")

# English, and calques of English, that the issue found on Indonesian pages.
PHRASES = [
    # prose and generated sentences
    "Indeks Layanan Online",
    "Layanan Online",
    "et al.",
    "putusan",
    "Putusan",
    "dibangun",
    "Dibangun",
    "berbagi peringkat",
    "Kekosongan ini",
    "tabel yang digambar",
    "Gambar-gambar makalah, dibangun ulang",
    "Melampaui makalah",
    "sebuah reproduksi",
    "disimpan sebagai data kosong",
    "tidak diikutkan",
    "peringkat dunia ke-",
    "setiap bagian pernyataan itu berlaku dalam data",
    "(resource ",
    "Unduh file",
    # interface
    "Copy to clipboard",
    "Copied!",
    "nteract contributors",
    "Toggle hidden content",
    "Link to this heading",
    "Please activate JavaScript",
    "Project name not set",
]


def quotation_problems(text: str) -> list[str]:
    """Quotations not in “…”: guillemets, straight double quotes around words, and
    single quotes around a title of several words."""
    found = re.findall(r"«[^»]*»?|»", text)
    found += re.findall(r'"[^"\n]{2,80}"', text)
    found += re.findall(r"(?<![\w’])'[^'\n]*\s[^'\n]*'(?![\w])", text)
    return found


def hyphen_ranges(text: str) -> list[str]:
    """Ranges between two numbers written with a hyphen ("4-6", "2012-2014"), not an en
    dash. Standard names (ISO 3166-1), dates (2026-12-07), versions and codes are not
    ranges."""
    text = re.sub(r"\b(?:ISO|ISSN|e-ISSN|p-ISSN):? \d+-\d+", " ", text)
    pattern = r"(?<![\w.,/:–-])\d{1,4}-\d{1,4}(?![\w/:–-]|[.,]\d)"
    return re.findall(pattern, text)


def date_problems(text: str) -> list[str]:
    """Dates not in CLDR's Indonesian long form ("6 Desember 2026"): English month names,
    abbreviated months ("06 Des, 2026"), a leading zero, ISO dates in running text."""
    found = re.findall(rf"\b(?:{MONTHS_EN})\s+\d{{1,2}},?\s+\d{{4}}\b", text)
    found += re.findall(rf"\b\d{{1,2}}\s+(?:{MONTHS_EN})\s+\d{{4}}\b", text)
    found += re.findall(rf"\b\d{{1,2}}\s+(?:{MONTHS_ID_SHORT})\b\.?,?\s+\d{{4}}\b", text)
    found += re.findall(rf"\b0\d\s+(?:{MONTHS_ID})\s+\d{{4}}\b", text)
    found += re.findall(r"(?<![\w/.-])\d{4}-\d{2}-\d{2}(?![\w/-])", text)
    return found


def digit_openings(text: str) -> list[str]:
    """Sentences that open with a digit ("0 dari 5 urutan itu benar"). A line of fewer
    than four words is a value in a field ("0,7160", "2,62–3,39 persen"), not a sentence."""
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        sentence = sentence.strip()
        if sentence[:1].isdigit() and len(sentence.split()) >= 4:
            found.append(sentence[:40])
    # A split after an abbreviation is no sentence end: "dkk. 2023" does not count.
    pattern = rf"\b(?:{'|'.join(map(re.escape, ABBREVIATIONS))})\.\s+(\d[^\s]*)"
    after_abbreviation = {m.group(1) for m in re.finditer(pattern, text)}
    return [s for s in found if s.split()[0] not in after_abbreviation]


def phrases_found(text: str, phrases=PHRASES) -> list[str]:
    """The phrases in ``text``, as words ("putusan", not the "putusan" in "keputusan")."""

    def pattern(phrase: str) -> str:
        start = r"(?<!\w)" if phrase[0].isalnum() else ""
        end = r"(?!\w)" if phrase[-1].isalnum() else ""
        return start + re.escape(phrase) + end

    return [p for p in phrases if re.search(pattern(p), text)]


def colon_capitalisation(titles: list[str]) -> set[str]:
    """How the word after the colon of each title starts: "upper" or "lower" (acronyms,
    names and numbers, which keep their own case, are left out). One book, one style."""
    styles = set()
    for title in titles:
        if ":" not in title:
            continue
        word = title.split(":", 1)[1].split()[0]
        if word.isupper() or word[0].isdigit() or word in PROPER:
            continue
        styles.add("upper" if word[0].isupper() else "lower")
    return styles


PROPER = {"Indonesia", "Asia", "Jakarta", "Surabaya", "Bandung", "Southeast"}


def tables_without_caption(html: str) -> list[str]:
    """Tables with no caption of their own (a <caption>) and none in the figure or
    container that holds them."""
    found = []
    for match in re.finditer(r"<table\b.*?</table>", html, re.S):
        table = match.group(0)
        if re.search(r"<caption\b[^>]*>\s*\S", table):
            continue
        found.append(" ".join(re.sub(r"<[^>]+>", " ", table).split())[:80])
    return found


# --- each rule finds a planted violation --------------------------------------------------


def test_the_quotation_rule_finds_guillemets_and_straight_quotes():
    assert quotation_problems("makalah menyebut «terus naik» di sana") == ["«terus naik»"]
    assert quotation_problems('artikel "Eksistensi birokrasi" terbit') == ['"Eksistensi birokrasi"']
    assert quotation_problems("judul 'Eksistensi birokrasi' itu") == ["'Eksistensi birokrasi'"]
    assert quotation_problems("makalah menyebut “terus naik” di sana") == []


def test_the_range_rule_finds_hyphens_between_numbers():
    assert hyphen_ranges("Gambar 4-6 dan tahun 2012-2014") == ["4-6", "2012-2014"]
    assert hyphen_ranges("berskala 0-1.") == ["0-1"]
    assert hyphen_ranges("Gambar 4–6, 2003–2024, ISO 3166-1, ASEAN-10, ke-77") == []
    assert hyphen_ranges("dibuat 2026-12-07, versi 0.11-2, ISSN 2722-2853") == []


def test_the_date_rule_finds_dates_not_in_cldrs_long_form():
    assert date_problems("Terakhir diperbarui pada 06 Des, 2026.") == ["06 Des, 2026"]
    assert date_problems("pada 6 December 2026") == ["6 December 2026"]
    assert date_problems("pada December 6, 2026") == ["December 6, 2026"]
    assert date_problems("pada 06 Desember 2026") == ["06 Desember 2026"]
    assert date_problems("diambil 2026-12-06 dari") == ["2026-12-06"]
    cldr = format_date(__import__("datetime").date(2026, 12, 6), "long", locale="id")
    assert cldr == "6 Desember 2026" and date_problems(f"pada {cldr}.") == []


def test_the_digit_rule_finds_sentences_opening_with_a_digit():
    assert digit_openings("Audit selesai. 0 dari 5 urutan itu benar.") == [
        "0 dari 5 urutan itu benar."
    ]
    assert digit_openings("4 dari 4 urutan benar") == ["4 dari 4 urutan benar"]
    assert digit_openings("Menurut Fahlevy dkk. 2023, nilainya 0,7160. Tidak satu pun.") == []
    assert digit_openings("Keempat urutan benar. Dua pertanyaan lanjutan.") == []
    assert digit_openings("0,7160\n2,62–3,39 persen\n77 dari 193") == []


def test_the_phrase_rule_finds_the_issues_phrases():
    assert phrases_found("Ringkasan putusan dan Indeks Layanan Online") == [
        "Indeks Layanan Online",
        "Layanan Online",
        "putusan",
    ]
    assert phrases_found("Ringkasan penilaian dan Indeks Layanan Daring") == []
    assert phrases_found("keputusan apa yang diambil; buku disusun") == []


def test_the_colon_rule_finds_two_styles():
    assert colon_capitalisation(["Gambar 1: Peringkat EGDI", "Gambar 2: sepuluh provinsi"]) == {
        "upper",
        "lower",
    }
    assert colon_capitalisation(["Gambar 1: peringkat EGDI", "Gambar 3, diperluas: EGDI"]) == {
        "lower"
    }


def test_the_caption_rule_finds_a_table_without_one():
    assert tables_without_caption("<table><tr><td>1</td></tr></table>") == ["1"]
    assert tables_without_caption("<table><caption>Tabel 1</caption><tr></tr></table>") == []


# --- over the built Indonesian edition ------------------------------------------------------


def prose_of(html: str) -> str:
    """A page's visible text, block by block (one block a line), without code, scripts,
    styles, the bibliography's entries (works' titles keep their language) and URLs."""
    html = re.sub(r"<(script|style|pre|code|kbd)\b.*?</\1>|<!--.*?-->", " ", html, flags=re.S)
    html = re.sub(r'<div class="citation.*?</div>', " ", html, flags=re.S)
    html = re.sub(r'<(div|dl) class="[^"]*\bbibliography\b.*?</\1>', " ", html, flags=re.S)
    html = re.sub(r"</(p|li|dd|dt|td|th|h\d|figcaption|caption|div|title)>", "\n", html)
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    text = re.sub(
        r"\S+://\S+|\b[\w.-]+\.(?:go\.id|co\.id|org|com|csv|svg|png|pdf|json)\b", " ", text
    )
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def sentences_of(html: str) -> str:
    """The running prose of a page, one paragraph, list item, definition or caption a
    line: where sentences are (table cells and headings hold values and titles)."""
    article = re.search(r"<article\b.*</article>", html, re.S)
    html = article.group(0) if article else ""
    blocks = re.findall(r"<(p|li|dd|figcaption)\b[^>]*>(.*?)</\1>", html, re.S)
    return "\n".join(prose_of(block).replace("\n", " ") for _tag, block in blocks)


@pytest.fixture(scope="module")
def id_sentences(built_book) -> dict[str, str]:
    return {
        page.relative_to(built_book / "_build" / "html" / "id").as_posix(): sentences_of(
            page.read_text(encoding="utf-8")
        )
        for page in id_pages(built_book)
        if page.name not in ("genindex.html", "search.html", "references.html")
    }


@pytest.fixture(scope="module")
def id_prose(built_book) -> dict[str, str]:
    return {
        page.relative_to(built_book / "_build" / "html" / "id").as_posix(): prose_of(
            page.read_text(encoding="utf-8")
        )
        for page in id_pages(built_book)
        if page.name not in ("genindex.html", "search.html")
    }


def _found(pages: dict[str, str], rule) -> list[tuple[str, str]]:
    return [(name, hit) for name, text in pages.items() for hit in rule(text)]


def test_indonesian_pages_quote_with_curly_double_quotes(id_prose):
    assert not _found(id_prose, quotation_problems)


def test_indonesian_pages_write_ranges_with_an_en_dash(id_prose):
    assert not _found(id_prose, hyphen_ranges)


def test_indonesian_pages_write_dates_in_cldrs_long_form(id_prose):
    assert not _found(id_prose, date_problems)


def test_no_sentence_on_an_indonesian_page_opens_with_a_digit(id_sentences):
    assert not _found(id_sentences, digit_openings)


def test_no_english_or_calqued_phrase_from_the_issue_on_an_indonesian_page(id_prose):
    assert not _found(id_prose, phrases_found)


def test_every_chapter_title_is_capitalised_the_same_after_its_colon(built_book):
    titles = []
    for page in id_pages(built_book):
        found = re.search(r"<h1\b[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
        if found and page.name != "index.html":
            titles.append(" ".join(unescape(re.sub(r"<[^>]+>", " ", found.group(1))).split()))
    titles = [t for t in titles if "Reproduksi Terbuka" not in t]  # the book's title case
    assert sum(":" in t for t in titles) >= 4, titles
    assert len(colon_capitalisation(titles)) == 1, titles


def test_every_table_on_an_indonesian_page_has_a_caption(built_book):
    found = []
    for page in id_pages(built_book):
        if page.name == "genindex.html":
            continue  # the index's layout tables hold no data
        html = page.read_text(encoding="utf-8")
        article = re.search(r"<article\b.*</article>", html, re.S)
        found += [
            (page.name, t) for t in tables_without_caption(article.group(0) if article else "")
        ]
    assert not found, found


def test_the_portals_table_has_its_caption_in_each_edition(built_book):
    html = built_book / "_build" / "html"
    english = (html / "chapters" / "05-portals.html").read_text(encoding="utf-8")
    indonesian = (html / "id" / "chapters" / "05-portals.html").read_text(encoding="utf-8")
    assert "The three portals of the paper’s Figures 4–6" in unescape(english).replace("'", "’")
    assert "Tiga portal dalam Gambar 4–6 makalah" in unescape(indonesian)


def test_the_glossary_tells_the_indices_and_ministries_apart(built_book):
    html = built_book / "_build" / "html"
    indonesian = " ".join(
        prose_of((html / "id" / "glossary.html").read_text(encoding="utf-8")).split()
    )
    english = " ".join(prose_of((html / "glossary.html").read_text(encoding="utf-8")).split())
    assert (
        "bukan Indeks Modal Manusia" in indonesian
        and "Indeks Pembangunan Manusia (IPM)" in indonesian
    )
    assert (
        "World Bank" in english
        and "Indeks Modal Manusia" in english
        and "Indeks Pembangunan Manusia" in english
    )
    assert "Indeks SPBE" in indonesian and "Indeks SPBE" in english
    assert "Komunikasi dan Digital (Komdigi)" in indonesian and "October 2024" in english


def test_no_code_cell_a_reader_sees_carries_a_comment(built_book):
    """Code cells are language-neutral: what a comment said is in the prose, in both."""
    for page in id_pages(built_book):
        html = page.read_text(encoding="utf-8")
        for cell in re.findall(r'<div class="cell_input.*?</div>\s*</div>', html, re.S):
            assert '<span class="c1">' not in cell, page.name


# --- over the Indonesian PDF ----------------------------------------------------------------


@pytest.fixture(scope="module")
def id_pdf_text(book_prints) -> str:
    """The Indonesian PDF's text, from the session's print (conftest.book_prints)."""
    _project, files = book_prints
    out = files["id"][0].parent
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(out / "egov-repro-id.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # The bibliography (works' titles in their own language) and code listings are left
    # out: from the heading "Daftar pustaka" on, and lines that are shell or Python.
    body = text.rsplit("\fDaftar pustaka", 1)[0]
    lines = [
        line
        for line in body.splitlines()
        if not re.match(
            r"\s*(?:\$|make |git |\.\./|\.venv/|cd |from |import |@\w+\{|[a-z_]*\s*=\s)", line
        )
    ]
    return "\n".join(lines)


def test_the_indonesian_pdf_follows_the_conventions(id_pdf_text):
    text = re.sub(
        r"\S+://\S+|\b[\w.-]+\.(?:go\.id|co\.id|org|com|csv|svg|png|pdf|json)\b", " ", id_pdf_text
    )
    # Code values in the prose ("southeast-asia", "IDN") lose their code face in the
    # PDF's text; a single quoted token is a value, not a quotation.
    text = re.sub(r'"[\w.-]{1,20}"', " ", text)
    problems = {
        "quotes": quotation_problems(text),
        "ranges": hyphen_ranges(text),
        "dates": date_problems(text),
        "phrases": phrases_found(text),
    }
    assert not any(problems.values()), problems


# --- the copy button, in a browser ------------------------------------------------------


@pytest.mark.browser
def test_the_copy_button_speaks_indonesian_before_and_after_a_copy(built_book):
    """sphinx-copybutton has no Indonesian messages and writes its icons' titles when its
    script loads; egov-repro-id.js gives it the words, and relabels the icon a copy swaps
    in. The English edition keeps the English words."""
    from conftest import chromium_browser

    html = built_book / "_build" / "html"
    with chromium_browser() as browser:
        tab = browser.new_page()
        tab.goto((html / "id" / "intro.html").as_uri(), wait_until="load")
        button = tab.locator(".copybtn").first
        assert button.get_attribute("data-tooltip") == "Salin"
        assert button.locator("title").text_content() == "Salin ke papan klip"
        button.click()
        tab.wait_for_timeout(300)
        words = tab.evaluate(
            "[...document.querySelectorAll('.copybtn title, .copybtn[data-tooltip]')]"
            ".map(e => e.textContent || e.getAttribute('data-tooltip')).join('|')"
        )
        assert "Copied" not in words and "Copy" not in words, words
        tab.goto((html / "intro.html").as_uri(), wait_until="load")
        assert tab.locator(".copybtn").first.get_attribute("data-tooltip") == "Copy"
