"""What the book says about the paper, its sources and its data: each audited statement
carries the paper's own key words and location, sources are the ones the paper names,
the landing page's account is generated, and tables and files are written for people."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pybtex.database import parse_file

from egov_repro.analysis import claims, findings, paper
from egov_repro.plots import figures
from egov_repro.words import bibstyle, tables
from egov_repro.words.names import display_names

from conftest import IN_CI, ROOT

PAPER_TEXT = ROOT.parent / "shared" / "paper" / "fahlevy-saleh-nurmiyati-2023.txt"


@pytest.fixture(scope="module")
def printed():
    """The audit's records in English, as the report prints them."""
    return {r["id"]: r for r in claims.audit()}


def test_the_rise_is_judged_as_the_rank_change_the_paper_states(printed):
    rise = printed["rise"]
    assert "EGDI point" not in rise["claim"] + rise["explanation"] + rise["paper_says"]
    assert "11 places" in rise["claim"] and "«11 poin»" in rise["claim"]
    assert "11 poin" in rise["paper_words"]
    assert rise["paper_value"] == {"rank_places": 11, "from_year": 2021}
    assert rise["data_value"] == {"rank_places": 11, "from_year": 2020}
    # The number holds, the year does not: the same year as the record it refers to.
    assert rise["verdict"] == printed["earlier-rank-year"]["verdict"] == "partly"
    assert rise["related"] == ["earlier-rank-year"]
    assert "statement on Indonesia's rank before 2022" in rise["explanation"]


def test_the_papers_two_years_for_rank_88_are_named_and_linked(printed):
    """The paper gives rank 88 'in 2021' after Figure 1 and 'in 2020' before Figure 3: both
    cards say so and link each other; the 2020 paragraph's origin is credited."""
    earlier, move = printed["earlier-rank-year"], printed["rank-2020-to-2022"]
    assert earlier["related"] == ["rank-2020-to-2022"] and move["related"] == ["earlier-rank-year"]
    assert "contradicts itself" in earlier["explanation"]
    assert "gives 2020 for rank 88, where its first subsection gave 2021" in move["explanation"]
    assert move["cited_source"] == "aptika2022" and "“11 peringkat”" in move["explanation"]
    bib = parse_file(ROOT / "references.bib").entries["aptika2022"]
    assert (
        "signifikan-hasil-survei-e-government-indonesia-naik-11-peringkat"
        in (bib.fields["howpublished"])
    )


def test_the_credit_as_the_paper_gives_it_is_apart_from_our_identification(printed):
    for key in ("sea-place", "top-four-order", "places-6-to-10"):
        assert printed[key]["credited"] == "fig1-caption", key
    from egov_repro.words.report import credited_name

    assert credited_name("fig1-caption").endswith("«databoks.katadata.co.id (2022)»")
    assert credited_name("fig1-caption", "id").endswith("“databoks.katadata.co.id (2022)”")
    assert printed["rank-keeps-rising"]["credited"] == "fig3-caption"
    for key in ("provinces-top10-2016", "provinces-unit-2016"):
        assert printed[key]["credited"] == "fig2-caption"
        assert "PeGI" not in printed[key]["claim"] + printed[key]["paper_says"]
    # The paper never names PeGI: our identification says it is our inference.
    from egov_repro.words.report import cited_name

    assert "our inference" in cited_name("databoks2016")
    assert "dugaan kami" in cited_name("databoks2016", "id")


def test_the_provinces_are_named_as_the_paper_prints_them(printed):
    said = printed["provinces-top10-2016"]["paper_says"]
    assert "Bangka Belitung, Daerah Istimewa Yogyakarta" in said
    assert "Kepulauan" not in said and "DI Yogyakarta" not in said


def test_the_un_numbers_name_the_un_as_the_papers_source(printed):
    for key in ("egdi-value", "world-rank", "earlier-rank-year", "rise"):
        assert printed[key]["cited_source"] == "un2022", key
        assert printed[key]["credited"] == "un-reports", key
    assert printed["egdi-value"]["paper_words"].startswith("PBB melaporkan")
    for key in ("sea-place", "top-four-order", "places-6-to-10"):
        assert printed[key]["cited_source"] == "databoks2022", key


def test_the_papers_rating_of_the_portals_is_a_record(printed):
    portals = printed["portals-rated-very-good"]
    assert portals["source"] == "paper" and portals["verdict"] == "unverifiable"
    assert portals["cited_source"] is None
    assert "sangat baik" in portals["paper_words"]
    assert "Figures 4–6" in portals["where"]
    for place in ("DKI Jakarta", "Surabaya", "Bandung"):
        assert place in portals["claim"]


def test_every_paper_record_has_its_passage(printed):
    stated = [r for r in printed.values() if r["source"] == "paper"]
    assert {r["id"] for r in stated} == set(paper.PASSAGES)
    for r in stated:
        words = r["paper_words"].replace("…", " ").split()
        assert 1 <= len(words) <= 6, (r["id"], words)
        assert "Hasil dan Pembahasan" in r["where"] or r["where"].startswith("Abstract"), r["id"]
        assert re.search(r"(before|after) Figures? \d", r["where"]), r["id"]


def test_the_key_words_are_the_papers_own():
    """Each quotation is verbatim in the paper's text. The project does not carry the
    paper (it quotes at most six of its words at a time), so this check needs the text
    beside the clone, in ../shared/paper, as this project's CI has it. A clone with
    nothing beside it cannot check the quotations and says so; a shared/ folder
    without the paper's text is a broken setup, and fails under CI."""
    if not PAPER_TEXT.exists():
        if IN_CI and PAPER_TEXT.parents[1].is_dir():
            pytest.fail(f"{PAPER_TEXT} is missing from the shared/ folder beside the clone")
        pytest.skip(f"the paper's text is not beside this clone ({PAPER_TEXT})")
    text = re.sub(r"\s+", " ", PAPER_TEXT.read_text(encoding="utf-8"))
    for key, passage in paper.PASSAGES.items():
        for part in passage.words.split("…"):
            assert part.strip() in text, (key, part)
    for key, credit in paper.CREDITS.items():
        for part in credit.values():
            assert part in text, (key, part)
    for _, words, key in paper.NOT_AUDITED:
        assert words in text, key
    for iso3, words in paper.OUR_READINGS.items():
        assert f" {words}," in text, iso3


def test_our_reading_of_the_papers_country_names_is_marked_as_ours(printed):
    """The paper writes «Amerika»: the card quotes it and marks the United States as our
    reading, where it says what the paper says and in the context list of world ranks."""
    named = printed["success-and-failure-countries"]
    assert "America («Amerika»; the United States on our reading)" in named["paper_says"]
    assert "United States (our reading of «Amerika») 10th" in named["data_says"]
    indonesian = {r["id"]: r for r in claims.audit(lang="id")}["success-and-failure-countries"]
    assert "“Amerika” (menurut pembacaan kami, Amerika Serikat)" in indonesian["paper_says"]
    assert "Amerika Serikat (pembacaan kami atas “Amerika”) ke-10" in indonesian["data_says"]


def test_the_aptika_address_is_credited_only_where_the_paper_puts_it(printed):
    """The address closes the paragraph after Figure 3; that it also covers the paragraph
    before it (the rank 88-to-77 card) is our reading, and the card, the telecom card's
    identification and the reference note say so."""
    move = printed["rank-2020-to-2022"]["explanation"]
    assert (
        "The paragraph gives no source besides naming the UN, and the caption of Figure 3" in move
    )
    assert "that it also covers this paragraph is our reading" in move
    # the card's "source, as the paper gives it" is the UN alone; the address is ours
    from egov_repro.words.report import credited_name

    credit = credited_name(printed["rank-2020-to-2022"]["credited"])
    assert credit == "the UN, named in the text: «Persatuan Bangsa-Bangsa (PBB) telah merilis»"
    assert "the paper, after its Figure 1, writes «11 poin»" in move
    bib = parse_file(ROOT / "references.bib").entries["aptika2022"].fields
    assert (
        "That the address also covers the paragraph before Figure 3 is our reading" in (bib["note"])
    )
    assert "adalah pembacaan kami" in bib["note_id"]


def test_the_recommendations_stand_in_the_results_section():
    where = {key: place for place, _, key in paper.NOT_AUDITED}
    assert where["four-stages"] == (
        "'Hasil dan Pembahasan', subsection 'Rekomendasi pemanfaatan E-Government di "
        "Indonesia', seventh recommendation"
    )


def test_the_cards_show_the_papers_words_and_source():
    from egov_repro.words import report

    records = claims.audit()
    html = report.cards_html(claims.paper_claims(records))
    assert html.count("The paper&#x27;s words") == len(claims.paper_claims(records))
    # The paper's words: «…» in English, “…” in Indonesian.
    assert "«peningkatan 11 poin dari tahun 2021»" in html
    both = report.cards_html({"en": records, "id": claims.audit(lang="id")})
    assert "“peningkatan 11 poin dari tahun 2021”" in both.split('lang="id"', 1)[1]
    tally = report.tally_md(records)
    assert tally.count("statements of the paper") == 1
    summary = report.summary_html({"en": records, "id": claims.audit(lang="id")})
    assert summary.count("statements of the paper") == 1


def test_the_landing_account_comes_from_the_catalogue_and_the_audit(data_copy):
    records = claims.audit()
    said = findings.landing(records)
    assert "Figure 2 of the paper" in said["figures_sentence"]
    assert "the numbers printed in the paper's own text" in said["figures_sentence"]
    assert "Figures 4–6 of the paper" in said["figures_sentence"]
    assert "not rebuilt" in said["figures_sentence"]
    assert "12 of 16 can be checked" in said["scope_sentence"]
    # A primary PeGI table in the data changes what the page says about Figure 2.
    catalogue = {f.numbers: f.rebuilt_from for f in figures.paper_figures()}
    assert catalogue == {
        (1,): "un-data",
        (2,): "paper-text",
        (3,): "un-data",
        (4, 5, 6): "not-rebuilt",
    }


def test_landing_prose_states_what_was_rebuilt_or_checked_only_through_glue():
    """No paragraph or list item of the landing page says what was rebuilt or checked in
    typed words: such statements come from findings.landing() and the audit."""
    notebook = json.loads((ROOT / "intro.ipynb").read_text(encoding="utf-8"))
    prose = "\n".join(
        "".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown"
    )
    prose = re.sub(r"```.*?```", "", prose, flags=re.S)
    blocks = re.split(r"\n\s*\n|\n(?=- )", prose)
    claims_made = re.compile(r"\b(rebuil\w*|redraw\w*|checked|checks|verified)\b", re.I)
    for block in blocks:
        if block.lstrip().startswith("#") or not claims_made.search(block):
            continue
        assert "{glue:" in block, block


def test_change_table_prints_ranks_as_whole_numbers_and_says_which_way():
    from egov_repro import load_egdi
    from egov_repro.analysis import measures

    changes = measures.component_changes(load_egdi(), "IDN", 2022, 2024)
    rows = {r[0]: r for r in tables.for_people(changes, "changes").rows()}
    assert rows["World rank"][1:] == ["77", "64", "\u221213 (13 places better)"]
    # The columns are the two editions compared, in both languages (issue 26).
    table = tables.for_people(changes, "changes")
    assert table.headers("en") == ["Measure", "2022", "2024", "Change"]
    assert table.headers("id") == ["Ukuran", "2022", "2024", "Perubahan"]


def test_no_table_header_is_a_slug_or_a_title_cased_acronym():
    headers = [
        tables._header(c)
        for c in (
            "hci_2022",
            "osi_2024",
            "asean-10",
            "southeast-asia",
            "paper-figure-1",
            "asean",
            "median_egdi_southeast_asia",
            "median_egdi_world",
        )
    ]
    assert headers[:2] == ["HCI 2022", "OSI 2024"]
    for header in headers:
        assert not re.fullmatch(r"[A-Za-z][a-z0-9]*(-[a-z0-9]+)+", header), header
        assert not re.search(r"\b(Hci|Osi|Tii|Egdi|Epi|Asean|Iso3)\b", header), header


def test_components_table_has_one_format_per_column():
    wide = tables.components_wide(figures.components_figure((2022, 2024)).table)
    table = tables.for_people(wide, "components", drop=["iso3"])
    assert table.headers()[0] == "Country"
    for row in table.rows():
        assert all(re.fullmatch(r"\d\.\d{4}", cell) for cell in row[1:]), row


def test_tables_show_the_books_name_for_each_country():
    from egov_repro import load_egdi, region_members
    from egov_repro.analysis import measures

    definitions = ["asean-10", "southeast-asia", "paper-figure-1", "asean"]
    ranking = measures.ranking_sensitivity(
        load_egdi(), {n: region_members(n, 2022) for n in definitions}, 2022
    )
    shown = [row[0] for row in tables.for_people(ranking, "x", drop=["iso3"]).rows()]
    names = display_names("en")
    assert "Laos" in shown and "Brunei Darussalam" in shown
    assert "Lao People's Democratic Republic" not in shown
    assert set(shown) == {names[c] for c in ranking["iso3"]}


def test_citation_labels_are_unique_and_tell_the_two_2024_works_apart():
    bibliography = parse_file(str(ROOT / "references.bib"))
    style = bibstyle.AuthorYearStyle()
    entries = style.sort(list(bibliography.entries.values()))
    labels = dict(zip((e.key for e in entries), style.format_labels(entries), strict=True))
    assert len(set(labels.values())) == len(labels), labels
    assert {labels["undata"], labels["un2024"]} == {"UN DESA 2024a", "UN DESA 2024b"}
    assert labels["fahlevy2023"] == "Fahlevy et al. 2023"


def test_a_reference_without_a_found_source_says_so():
    bibliography = parse_file(str(ROOT / "references.bib"))
    chart_2016 = bibliography.entries["databoks2016"].fields
    assert "title unknown" in chart_2016["title"] and "Not found" in chart_2016["note"]
    chart_2022 = bibliography.entries["databoks2022"].fields
    assert "sistem-e-government-indonesia-peringkat-ke-5" in chart_2022["howpublished"]


@pytest.mark.slow
def test_no_figure_csv_carries_float_noise(working_tree_untouched):
    written = [f.save(working_tree_untouched) for f in (g() for g in figures.all_figures())]
    written.append(figures.profile_figure("IDN", "en").save(working_tree_untouched))
    files = [paths["csv"] for paths in written] + sorted((ROOT / "figures").glob("*.csv"))
    for path in files:
        for number in re.findall(r"\d+\.\d+", Path(path).read_text(encoding="utf-8")):
            assert len(number.split(".")[1]) <= 6, (path.name, number)


def test_licences_agree_on_figure_2():
    for name in ("LICENSE-CONTENT.md", "cite.md", "README.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "fig2-top10-provinces-pegi-2016" in text and "CC BY-SA 4.0" in text, name
    assert "CC BY-SA 4.0" in figures.figure2("en").caption


def test_the_readme_and_the_glossary_are_pages_of_the_site():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert "file: readme" in toc and "file: glossary" in toc
    assert "README.md" in (ROOT / "readme.md").read_text(encoding="utf-8")
    glossary = (ROOT / "glossary.md").read_text(encoding="utf-8")
    for term in (
        "EGDI",
        "OSI",
        "HCI",
        "TII",
        "EPI",
        "PeGI",
        "SPBE",
        "Indeks SPBE",
        "Kominfo",
        "Databoks",
        "ITU",
    ):
        assert re.search(rf"^{re.escape(term)}$", glossary, re.M), term


@pytest.mark.parametrize(
    "value, shown",
    [(0.39775, "0.3978"), (0.45515, "0.4552"), (0.04545, "0.0455"), (0.72665, "0.7267")],
)
def test_values_are_rounded_half_away_from_zero_on_their_decimal_value(value, shown):
    """As the UN and a reader round (not the binary float's half to even); the same rule
    for a computed median, whose float lies a hair below the half."""
    from egov_repro.words.text import number, rounded, signed

    assert number(value) == shown and number(value, 4, "id") == shown.replace(".", ",")
    assert signed(-value) == "\u2212" + shown and str(rounded(value)) == shown  # minus sign
    low, high = float(shown) - 0.00005, float(shown) + 0.00005
    assert number((low + high) / 2) == shown  # a median of two published values


def test_the_bibliography_is_sorted_by_label_and_names_each_softwares_version():
    """A reader expects the list in the order of its labels, and the software with the
    version the lock pins and its address (not an address the theme shortens)."""
    style = bibstyle.AuthorYearStyle()
    formatted = list(style.format_bibliography(parse_file(ROOT / "references.bib")).entries)
    indonesian = bibstyle.IndonesianAuthorYearStyle()
    formatted_id = list(indonesian.format_bibliography(parse_file(ROOT / "references.bib")).entries)
    labels = [e.label for e in formatted]
    assert labels == sorted(labels, key=str.casefold)
    # nbval is a test tool: the test group's lock pins it, the book's lock the rest.
    for key, package, lockfile in [
        ("papermill", "papermill", "requirements.lock"),
        ("nbval", "nbval", "requirements-test.lock"),
        ("jupyterbook", "jupyter-book", "requirements.lock"),
        ("pandas", "pandas", "requirements.lock"),
        ("matplotlib", "matplotlib", "requirements.lock"),
        ("seaborn", "seaborn", "requirements.lock"),
    ]:
        lock = (ROOT / lockfile).read_text(encoding="utf-8")
        version = re.search(rf"^{package}==(\S+)", lock, re.M).group(1)
        text = next(e for e in formatted if e.key == key).text.render_as("text")
        assert f"{version}, as pinned in {lockfile}" in text, key
        text_id = next(e for e in formatted_id if e.key == key).text.render_as("text")
        assert f"{version}, sebagaimana ditetapkan dalam {lockfile}" in text_id, key
        assert f"pypi.org/project/{package}/{version}" in text, key
    for entry in formatted:
        assert "URL: https://github.com" not in entry.text.render_as("text"), entry.key


def test_a_meta_description_is_not_cut_inside_a_citation():
    """The report's first paragraph runs past the limit at "(Fahlevy et al.": the
    description ends at the sentence before the bracket, not at the citation's full stop."""
    from docutils import nodes

    from egov_repro.site.pages import description

    text = (
        "Question. Which of the paper's statements does the data bear out? Every number the "
        "paper gives for e-government indices (Fahlevy et al. 2023) is written down here."
    )
    doctree = nodes.document(None, None)
    doctree += nodes.paragraph(text=text)
    assert description(doctree) == (
        "Question. Which of the paper's statements does the data bear out?"
    )
