"""The Indonesian edition reads as written in Indonesian: no English from the interface
(Sphinx's, the themes' and the extensions' strings, translated through gettext
catalogues in egov_repro/locale), the references in Indonesian (dan, dkk., t.t.), every
country under its Indonesian name (CLDR, through Babel), one Indonesian title, dates
written by Babel, a note beside every CSV, and the conventions the generator's code
applies (the minus sign, en-dash ranges, the term "daring")."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest

from egov_repro.book.notebook import CSV_NOTE
from egov_repro.data import datasets
from egov_repro.site import pdf, sphinx_page
from egov_repro.words import bibstyle, editions, i18n
from egov_repro.words.names import CLDR_CORRECTIONS, cldr_names, display_names

from conftest import ROOT, text_of

MONTHS_ID = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus"}
MONTHS_ID |= {"September", "Oktober", "November", "Desember"}
# English that reached Indonesian readers before (issue 26), as text or as an attribute.
ENGLISH = [
    "Link to this heading",
    "Link to this term",
    "Link to this definition",
    "Toggle hidden content",
    "Please activate JavaScript",
    "Project name not set",
    "egov-repro contributors",
    "Search Results",
    "Data package version",
    "built from commit",
    "Download source file",
    "Open issue",
    "Open an issue",
    "Search this book",
    "Show code cell",
    "English title:",
    "and others",
    "Licence CC",
    "Not found. The paper credits",
    "Source the paper gives",
    "n.d.",
]
# Indonesian that was wrong or inconsistent in the themes' own catalogues.
WRONG = [
    "Penyiapkan",
    "Unduh file sumber",
    "Buka masalah",
    "Tampilkan kode sel",
    "dibangun dari commit",
    "dari commit",  # an English word left bare: the Indonesian stamp says "revisi"
    ">sebelum<",
    ">berikut<",
]


def id_pages(project: Path) -> list[Path]:
    html = project / "_build" / "html" / "id"
    return sorted(
        p
        for p in html.rglob("*.html")
        if p.relative_to(html).parts[0] not in ("_static", "_sources", "figures", "pdf")
        and 'http-equiv="Refresh"' not in p.read_text(encoding="utf-8")
    )


def visible(html: str) -> str:
    """A page's text and the attribute values a reader or a screen reader meets, without
    scripts, styles and the pages' (English) source code."""
    html = re.sub(r"<(script|style|pre)\b.*?</\1>", " ", html, flags=re.S)
    names = "title|aria-label|alt|placeholder|content|data-tooltip"
    attributes = re.findall(rf'\b(?:{names})="([^"]*)"', html)
    return unescape(re.sub(r"<[^>]+>", " ", html) + "\n" + "\n".join(attributes))


def test_no_english_interface_string_on_an_indonesian_page(built_book):
    found = []
    for page in id_pages(built_book):
        text = visible(page.read_text(encoding="utf-8"))
        raw = page.read_text(encoding="utf-8")
        found += [(page.name, s) for s in ENGLISH if s in text]
        found += [(page.name, s) for s in WRONG if s in (raw if s.startswith(">") else text)]
    assert not found, found


def test_the_interface_strings_come_from_the_projects_catalogues(built_book):
    """Through gettext, not a table applied to the built pages: the catalogues compile,
    and the pages and the search script show their words."""
    for domain in i18n.domains("id"):
        catalog = i18n.read_catalog("id", domain)
        assert all(message.string for message in catalog if message.id), domain
        assert i18n.compile_catalog("id", domain) == i18n.compile_catalog("id", domain)
    html = built_book / "_build" / "html" / "id"
    intro = (html / "intro.html").read_text(encoding="utf-8")
    assert 'title="Tautan ke judul ini"' in intro
    assert ">sebelumnya<" in (html / "chapters" / "01-data.html").read_text(encoding="utf-8")
    assert ">berikutnya<" in intro
    assert "Laporkan masalah" in intro and "Unduh berkas sumber" in intro
    script = (html / "_static" / "translations.js").read_text(encoding="utf-8")
    assert "Menyiapkan pencarian..." in script and '"Searching": "Mencari"' in script
    assert "Pencarian selesai: ${resultCount} halaman" in script
    assert "pencarian Anda" in script and "pencarian anda" not in script
    search = visible((html / "search.html").read_text(encoding="utf-8"))
    assert "Aktifkan JavaScript untuk menggunakan fitur pencarian." in search
    # The words of the copy and toggle buttons, which have no catalogue, load after them.
    chapter = (html / "chapters" / "02-southeast-asia-ranking.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script[^>]*src="[^"]*?([\w.-]+\.js)\?', chapter)
    assert scripts.index("egov-repro-id.js") > scripts.index("copybutton.js"), scripts
    assert scripts.index("egov-repro-id.js") > scripts.index("togglebutton.js"), scripts
    english = (built_book / "_build" / "html" / "intro.html").read_text(encoding="utf-8")
    assert 'title="Link to this heading"' in english and "egov-repro-id.js" not in english


def test_one_indonesian_title_in_title_case(built_book):
    title = editions.TITLES["id"]
    small = {"di", "ke", "dari", "dan", "yang", "untuk", "pada", "atas"}
    for word in re.split(r"[\s:]+", title):
        if word:
            assert word in small or word[0].isupper(), word
    assert "sebuah" not in title.lower()
    for page in id_pages(built_book):
        html = page.read_text(encoding="utf-8")
        assert re.search(rf"<title>[^<]*{re.escape(title)}</title>", html), page.name


def test_the_footer_date_is_the_pdf_covers_date_written_by_babel(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 1 December 2025
    date = pdf.source_date(ROOT)
    assert pdf.format_date(date, "id") == "1 Desember 2025"
    assert pdf.format_date(date, "en") == "1 December 2025"

    class App:
        srcdir = str(ROOT)

        class config:
            language = "id"

    context = {"last_updated": "06 Des, 2026"}
    sphinx_page._footer_date(App(), "intro", "page.html", context, None)
    assert context["last_updated"] == pdf.format_date(date, "id")
    assert i18n.format_date(dt.date(2026, 12, 6), "id") == "6 Desember 2026"


def test_the_built_footer_writes_its_date_the_indonesian_way(built_book):
    for page in id_pages(built_book):
        html = page.read_text(encoding="utf-8")
        found = re.search(r"Terakhir diperbarui pada ([^.<]*)\.", html)
        assert found, page.name
        day, month, _year = found.group(1).split()
        assert day.isdigit() and not day.startswith("0") and month in MONTHS_ID, found.group(1)
        assert "Oleh kontributor egov-repro" in " ".join(html.split()), page.name


def test_references_are_written_in_indonesian(built_book):
    text = text_of(built_book / "_build" / "html" / "id" / "references.html")
    assert "Muhammad Hairul Saleh, dan Niken Nurmiyati" in text
    assert "Thomas Kluyver, dkk." in text
    assert "Judul bahasa Inggris:" in text and "Lisensi CC BY-SA 4.0" in text
    assert "Ditjen Aptika t.t." in text and "(kini Komdigi)" not in text
    assert "Komunikasi dan Digital (Komdigi)" in text
    assert "Grafik sepuluh provinsi" in text and "Dalam Proceedings" in text
    for english in ("and others", " and Niken", "English title", "Licence", "n.d.", "In Proc"):
        assert english not in text, english
    english = text_of(built_book / "_build" / "html" / "references.html")
    assert "Thomas Kluyver, and others" in english and "Ditjen Aptika n.d." in english


def test_an_indonesian_label_says_dkk_and_tt():
    from pybtex.database import parse_file

    bibstyle.register()
    entries = parse_file(str(ROOT / "references.bib")).entries
    assert bibstyle.base_label(entries["fahlevy2023"], "id") == "Fahlevy dkk. 2023"
    assert bibstyle.base_label(entries["fahlevy2023"], "en") == "Fahlevy et al. 2023"
    assert bibstyle.base_label(entries["aptika"], "id") == "Ditjen Aptika t.t."
    assert bibstyle.edition_style("egov", "id") == "egov_id"
    assert bibstyle.edition_style("egov", "en") == "egov"


# --- country names -----------------------------------------------------------------


def test_every_country_has_its_cldr_name_in_indonesian():
    names, english = display_names("id"), display_names("en")
    assert names["ZAF"] == "Afrika Selatan" and names["PHL"] == "Filipina"
    assert names["GRC"] == "Yunani" and names["GBR"] == "Inggris Raya"
    assert names["MMR"] == "Myanmar" and names["CIV"] == "Pantai Gading"
    cldr = cldr_names("id", tuple(sorted(names)))
    assert set(cldr) == set(names), sorted(set(names) - set(cldr))  # CLDR names them all
    corrections = CLDR_CORRECTIONS["id"]
    for code, name in names.items():
        assert name in (cldr[code], corrections.get(code)) or code in _labels(), (code, name)
    assert english["ZAF"] == "South Africa"


def _labels() -> set[str]:
    import csv

    with (ROOT / "data" / "raw" / "country-labels.csv").open(encoding="utf-8") as handle:
        return {row["iso3"] for row in csv.DictReader(handle)}


def test_no_english_country_name_on_an_indonesian_page(built_book):
    names, english = display_names("id"), display_names("en")
    un = display_names(None)
    # Names that differ in Indonesian, longest first ("South Korea" before "Korea").
    foreign = sorted(
        {n for code in names for n in (english[code], un[code]) if n not in names.values()},
        key=len,
        reverse=True,
    )
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, foreign)) + r")(?![\w-])")
    found = []
    for page in id_pages(built_book):
        if page.name in ("references.html", "genindex.html", "search.html"):
            continue  # works' own titles (publishers, reports) keep their language
        # The paper's own words (quoted) keep its spelling.
        text = re.sub(r"«[^»]*»|“[^”]*”", " ", text_of(page))
        found += [(page.name, m) for m in pattern.findall(text)]
    # Chapter 01 names the UN export's own spellings, as the export writes them.
    spelled = {("01-data.html", "Türkiye"), ("01-data.html", "Georgia (Country)")}
    assert set(found) <= spelled, sorted(set(found) - spelled)
    assert "South Africa" in foreign


# --- the CSVs' note --------------------------------------------------------------------


def test_every_csv_download_has_the_note_in_its_language(built_book):
    html = built_book / "_build" / "html"
    counted = 0
    for lang, root in (("en", html), ("id", html / "id")):
        for page in root.rglob("*.html"):
            if page.relative_to(root).parts[0] in ("_static", "id", "figures", "pdf"):
                continue
            text = page.read_text(encoding="utf-8")
            downloads = re.findall(r'<p class="egov-figure-links">.*?\.csv</a>', text)
            notes = text.count(f'<p class="egov-csv-note">{CSV_NOTE[lang]}</p>')
            assert notes == len(downloads), (lang, page.name)
            counted += notes
    assert counted >= 16, counted  # eight figures with their CSV, in each edition
    assert "titik" in CSV_NOTE["id"] and "decimal point" in CSV_NOTE["en"]


# --- conventions -----------------------------------------------------------------------


def test_the_indonesian_edition_uses_the_minus_sign_dashes_and_daring(built_book):
    found = []
    for page in id_pages(built_book):
        if page.name in ("genindex.html", "search.html"):
            continue
        text = text_of(page)
        # A negative value with a hyphen for its minus ("-0,0145").
        found += [(page.name, m) for m in re.findall(r"(?<![\w.,-])-\d+,\d+", text)]
    assert not found, found
    # "daring" for online, where the generator names the index (its terms, its tables'
    # headers, the glossary); the chapters' prose is the authors' (issue 25).
    generated = [
        text_of(built_book / "_build" / "html" / "id" / "glossary.html"),
        *(
            " ".join(re.findall(r"<th\b[^>]*>(.*?)</th>", p.read_text(encoding="utf-8")))
            for p in id_pages(built_book)
        ),
    ]
    assert not [t for t in generated if re.search(r"[Ll]ayanan [Oo]nline", t)]
    assert "Layanan daring (OSI)" in " ".join(generated)
    assert "Indeks Layanan Daring (OSI; nama PBB: Online Service Index)" in generated[0]
    figures = ROOT / "figures"
    trend = (figures / "fig3-indonesia-egdi-trend.svg").read_text(encoding="utf-8")
    years = datasets.editions_in(datasets.load_egdi())
    assert f"{years[0]}–{years[-1]}" in trend  # the title's range (every edition), en dash
    assert "Nilai indeks (0–1)" in trend


@pytest.mark.parametrize("lang", ["en", "id"])
def test_signed_values_carry_the_minus_sign(lang):
    from egov_repro.words import text

    assert text.signed(-0.0145, 4, lang).startswith("\u2212")
    assert "-" not in text.signed(-0.0145, 4, lang)
