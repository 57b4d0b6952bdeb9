"""The generated text of the Indonesian edition (issue 17): one formatting helper, the
audit, the findings, the HTML outputs and the CLI in both languages."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from egov_repro import load_egdi, region_members
from egov_repro.analysis import claims, findings, measures, paper
from egov_repro.book.notebook import FigureBlock
from egov_repro.data import datasets
from egov_repro.plots import figures
from egov_repro.words import catalogue, report, tables, text
from egov_repro.words.labels import LABEL_KEYS, TERMS, label

ENGLISH_VERDICT_WORDS = re.compile(
    r"\b(confirmed|partly|differs|unverifiable|contradicted|checkable)\b", re.I
)


# --- the one formatting helper ------------------------------------------------------


@pytest.mark.parametrize(
    "call, en, id",
    [
        (lambda lang: text.number(0.716, 4, lang), "0.7160", "0,7160"),
        (lambda lang: text.number(2316.5, 1, lang), "2,316.5", "2.316,5"),
        (lambda lang: text.whole(2316, lang), "2,316", "2.316"),
        (lambda lang: text.whole(77, lang), "77", "77"),
        (lambda lang: text.signed(0.22484, 4, lang), "+0.2248", "+0,2248"),
        (lambda lang: text.signed(-0.01, 4, lang), "\u22120.0100", "\u22120,0100"),
        (lambda lang: catalogue.percent(37.64, 2, lang), "37.64 percent", "37,64 persen"),
        (lambda lang: catalogue.in_words(4, lang), "four", "empat"),
        (lambda lang: catalogue.in_words(11, lang), "eleven", "sebelas"),
        (lambda lang: catalogue.in_words(13, lang), "13", "13"),
        (lambda lang: text.ordinal(77, lang), "77th", "ke-77"),
        (lambda lang: text.ordinal(1, lang), "1st", "pertama"),
        (lambda lang: text.ordinal(2, lang), "2nd", "ke-2"),
        (lambda lang: text.ordinal(12, lang), "12th", "ke-12"),
        (lambda lang: text.ordinal(23, lang), "23rd", "ke-23"),
        # CLDR's lists (Babel): the serial comma in both languages.
        (lambda lang: text.join_and(["a", "b", "c"], lang), "a, b, and c", "a, b, dan c"),
        (lambda lang: text.number(0.39775, 4, lang), "0.3978", "0,3978"),
        (lambda lang: text.number(1234567.891, 2, lang), "1,234,567.89", "1.234.567,89"),
        (lambda lang: text.signed(-0.00001, 4, lang), "\u22120.0000", "\u22120,0000"),
        (lambda lang: text.join_and(["a", "b"], lang), "a and b", "a dan b"),
        (lambda lang: text.join_and(["a"], lang), "a", "a"),
        (lambda lang: text.join_and([], lang), "", ""),
    ],
)
def test_numbers_and_phrases_in_both_languages(call, en, id):
    assert call("en") == en
    assert call("id") == id


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="Valid languages: en, id"):
        text.number(1.0, 2, "fr")


def test_bilingual_wraps_each_language_once():
    html = text.bilingual(lambda lang: f"<p>{lang}</p>")
    assert html == (
        '<div class="egov-lang" lang="en"><p>en</p></div>'
        '<div class="egov-lang" lang="id"><p>id</p></div>'
    )


def test_the_vocabulary_gives_each_index_one_indonesian_name_beside_the_uns():
    assert TERMS["egdi"] == {
        "en": "E-Government Development Index (EGDI)",
        "id": "Indeks Pengembangan E-Government (EGDI)",
    }
    assert TERMS["osi"]["id"] == "Indeks Layanan Daring (OSI)"
    assert TERMS["hci"]["id"] == "Indeks Sumber Daya Manusia (HCI)"
    assert TERMS["verdict:partly"]["id"] == "sebagian benar"
    # The figure labels use the vocabulary, not an older translation.
    for key in ("egdi", "osi", "hci", "tii"):
        assert label(key if key != "egdi" else "egdi_long", "id") == TERMS[key]["id"]
    assert not any(
        "Pembangunan" in label(key, "id", region="r", year=1, country="c", first=1, last=2,
                               years="y", n=1)
        or "Modal Manusia" in label(key, "id", region="r", year=1, country="c", first=1,
                                    last=2, years="y", n=1)
        for key in LABEL_KEYS
    )  # fmt: skip


# --- the audit ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def audits():
    return claims.audit(lang="en"), claims.audit(lang="id")


def test_the_indonesian_audit_has_the_same_ids_verdicts_and_values(audits):
    english, indonesian = audits
    assert [r["id"] for r in english] == [r["id"] for r in indonesian]
    for en, id in zip(english, indonesian, strict=True):
        for key in ("source", "verdict", "paper_value", "data_value", "paper_words"):
            assert en[key] == id[key], (en["id"], key)
        assert set(en) == set(id) == set(claims.FIELDS)
    assert claims.counts(indonesian) == {
        "confirmed": 7,
        "partly": 4,
        "differs": 1,
        "unverifiable": 4,
    }


def test_the_indonesian_audit_is_written_in_indonesian(audits):
    english, indonesian = audits
    by_id = {r["id"]: r for r in indonesian}
    assert by_id["egdi-value"]["data_says"] == "0,7160"
    assert by_id["sea-place"]["data_says"] == "ke-5"
    assert by_id["world-rank"]["claim"] == "Indonesia berada di peringkat ke-77 dunia pada 2022."
    assert "Gambar 1" in by_id["sea-place"]["where"] and "Abstrak" in by_id["sea-place"]["where"]
    for r in indonesian:
        for key in ("claim", "where", "paper_says", "data_says", "explanation"):
            value = str(r[key])
            assert not ENGLISH_VERDICT_WORDS.search(value), (r["id"], key, value)
            assert not re.search(r"\b(the|of|and|in)\b", value), (r["id"], key, value)
            assert not re.search(r"\d\.\d{2}", value), (r["id"], key, value)  # no decimal point
    # Not a copy: every text field differs from the English one where it holds words.
    for en, id in zip(english, indonesian, strict=True):
        assert en["claim"] != id["claim"] and en["explanation"] != id["explanation"]


def test_the_audit_summary_line_in_indonesian(audits):
    _, indonesian = audits
    assert claims.summary_line(indonesian, "id") == (
        "dari 16 pernyataan makalah yang diaudit, 7 terkonfirmasi, 4 sebagian benar (dua di "
        "antaranya karena satu kekeliruan yang sama, tahun 2021), 1 bertentangan dengan data, "
        "dan 4 tidak dapat diverifikasi"
    )


# --- the findings ---------------------------------------------------------------------


def _findings_calls():
    egdi = load_egdi()
    definitions = ["asean-10", "southeast-asia", "paper-figure-1", "asean"]
    sensitivity = measures.ranking_sensitivity(
        egdi, {name: region_members(name, 2022) for name in definitions}, 2022
    )
    trend_table = figures.figure3(lang="en").table
    components = figures.components_figure(lang="en").table
    # What chapters 07 and 08 show: the paper's edition against the newest in the data
    # (not a year written here, so that an added edition is what these calls read).
    latest = datasets.latest_edition()
    chapter02 = findings.ranking(latest, "southeast-asia")
    chapter02.update(
        {f"{k}_id": v for k, v in findings.ranking(latest, "southeast-asia", lang="id").items()}
    )
    return {
        "intro": (findings.intro, ()),
        "dataset": (findings.dataset, ()),
        "ranking": (findings.ranking, (2022, "southeast-asia")),
        "ranking-world": (findings.ranking, (latest, "world")),
        "provinces": (findings.provinces, (figures.figure2(lang="en").table,)),
        "trend": (findings.trend, (trend_table, 2022, "southeast-asia")),
        "audit_values": (findings.audit_values, ()),
        "update": (findings.update, (2022, latest, chapter02)),
        "components": (findings.components, (components, figures.default_years())),
        "sensitivity": (findings.sensitivity, (sensitivity, definitions, 2022)),
        "profile": (findings.profile, (figures.profile_figure("IDN", "en").table,)),
    }


NUMBER = re.compile(r"(?:(?<!\w)[+-])?\d+(?:[.,]\d+)*")  # "ke-5" is 5, "+0,2248" signed


def _numbers(value: str, lang: str) -> list[str]:
    """The numbers of a sentence, written the English way."""
    if lang == "id":
        value = value.translate(str.maketrans({".": ",", ",": "."}))
        # text.ordinal(1, "id") is "pertama" ("urutan pertama"), the English "1st"/"1"
        value = re.sub(r"\b(?:urutan|peringkat) pertama\b", lambda m: m[0][:-7] + "1", value)
        value = "1" if value == "pertama" else value  # a rank glued on its own
    return [n.rstrip(".,") for n in NUMBER.findall(value)]


@pytest.fixture(scope="module")
def findings_both():
    return {
        name: (fn(*args, lang="en"), fn(*args, lang="id"))
        for name, (fn, args) in _findings_calls().items()
    }


def test_every_findings_function_gives_the_same_keys_and_numbers_in_both_languages(
    findings_both,
):
    for name, (english, indonesian) in findings_both.items():
        assert set(english) == set(indonesian), name
        for key in english:
            assert isinstance(english[key], str) and isinstance(indonesian[key], str), (name, key)
            if key == "version":
                assert english[key] == indonesian[key]
                continue
            en_numbers = sorted(_numbers(english[key], "en"))
            id_numbers = sorted(_numbers(indonesian[key], "id"))
            assert en_numbers == id_numbers, (name, key, english[key], indonesian[key])


def test_findings_keep_the_english_digits_and_write_indonesian_numbers(findings_both):
    trend_en, trend_id = findings_both["trend"]
    assert (trend_en["egdi_first"], trend_id["egdi_first"]) == ("0.4224", "0,4224")
    ranking_en, ranking_id = findings_both["ranking"]
    assert ranking_en["focus_sentence"] == (
        "Of the 11 countries of Southeast Asia, Indonesia is number 5, with an EGDI of "
        "0.7160 and world rank 77."
    )
    assert ranking_id["focus_sentence"] == (
        "Indonesia berada di urutan ke-5 dari 11 negara Asia Tenggara, dengan EGDI 0,7160 "
        "dan peringkat ke-77 dunia."
    )
    dataset_en, dataset_id = findings_both["dataset"]
    egdi = load_egdi()  # 2,316 rows (12 editions of 193 countries) until one is added
    rows = f"{len(egdi):,}"
    assert (dataset_en["n_rows"], dataset_id["n_rows"]) == (rows, rows.replace(",", "."))
    provinces_en, provinces_id = findings_both["provinces"]
    assert (provinces_en["top_score"], provinces_id["top_score"]) == ("3.39", "3,39")
    assert provinces_id["ties"] == "Sumatera Utara dan Bali"
    # Chapter 07: Indonesia's largest component change from 2022 to the newest edition
    # (+0.2248, OSI, and 4th in the region for 2024), read from the table here.
    update_en, update_id = findings_both["update"]
    latest = datasets.latest_edition()
    idn = egdi[egdi["iso3"] == "IDN"].set_index("year")
    change = (idn.loc[latest, ["osi", "hci", "tii"]] - idn.loc[2022, ["osi", "hci", "tii"]]).astype(
        float
    )
    top = f"{change[change.abs().idxmax()]:+.4f}"
    assert (update_en["top_move_by"], update_id["top_move_by"]) == (top, top.replace(".", ","))
    region = egdi[(egdi["year"] == latest) & egdi["iso3"].isin(region_members("southeast-asia"))]
    place = 1 + int((region["egdi_rank"] < idn.at[latest, "egdi_rank"]).sum())
    assert update_id["chapter02_sentence"].startswith(f"Indonesia berada di urutan ke-{place}")
    audit_en, audit_id = findings_both["audit_values"]
    assert (audit_en["places_verdict"], audit_id["places_verdict"]) == (
        "differs",
        "bertentangan dengan data",
    )


@pytest.mark.parametrize("lang", ["en", "id"])
def test_for_the_world_the_focus_sentence_gives_the_rank_once(lang):
    # In a region the place and the world rank differ (5 and 77 for Indonesia, 2022); in
    # the world they are one number, said once: Viet Nam is 71st of 193 in 2024.
    sentence = findings.ranking(2024, "world", "VNM", lang=lang)["focus_sentence"]
    expected = {
        "en": "Among the 193 countries of the world, Viet Nam has rank 71, with an EGDI of 0.7709.",
        "id": "Di antara 193 negara di dunia, Vietnam berada di peringkat ke-71, "
        "dengan EGDI 0,7709.",
    }
    assert sentence == expected[lang]


def test_indonesian_findings_carry_no_english_sentence(findings_both):
    english_words = re.compile(r"\b(the|of|and|is|in|with|from)\b")
    for name, (_, indonesian) in findings_both.items():
        for key, value in indonesian.items():
            assert not english_words.search(value), (name, key, value)


# --- HTML outputs -------------------------------------------------------------------------


def _wrappers(html: str) -> list[str]:
    return re.findall(r'<div class="egov-lang" lang="(\w+)">', html)


def test_a_figure_block_shows_each_editions_own_figure_with_the_other_linked():
    english, indonesian = figures.figure1(lang="en"), figures.figure1(lang="id")
    for first, second in ((english, indonesian), (indonesian, english)):
        html = FigureBlock(first, second)._repr_html_()
        assert _wrappers(html) == ["en", "id"]
        en_part, id_part = html.split('<div class="egov-lang" lang="id">')
        assert f'src="../figures/{english.id}.svg"' in en_part
        assert f'href="../figures/{indonesian.id}.svg" hreflang="id"' in en_part
        assert f'src="../figures/{indonesian.id}.svg"' in id_part
        assert f'href="../figures/{english.id}.svg" hreflang="en"' in id_part
        assert english.caption in en_part.replace("&#x27;", "'")
        assert "Gambar" not in en_part and "Berkas:" in id_part and "Files:" in en_part
        assert "Negara-negara Asia Tenggara menurut EGDI" in id_part
        assert 'alt="Diagram batang horizontal EGDI 11 negara Asia Tenggara' in id_part


def test_a_people_table_carries_both_languages():
    table = tables.for_people(
        figures.figure1(lang="en").table,
        ("The ranking behind Figure 1", "Peringkat di balik Gambar 1"),
        drop=["country"],
    )
    html = table._repr_html_()
    assert _wrappers(html) == ["en", "id"]
    en_part, id_part = html.split('<div class="egov-lang" lang="id">')
    assert 'aria-label="The ranking behind Figure 1"' in en_part
    assert 'aria-label="Peringkat di balik Gambar 1"' in id_part
    assert "<td>0.7160</td>" in en_part and "<td>0,7160</td>" in id_part
    assert "Place in region" in en_part and "Urutan di kawasan" in id_part
    assert "<td>Viet Nam</td>" in en_part and "<td>Vietnam</td>" in id_part
    assert "<td>yes</td>" in en_part and "<td>ya</td>" in id_part
    assert table.headers()[0] == "Place in region"  # the text form stays English
    assert "Urutan" not in repr(table)
    # A plain label still works for English-only callers.
    assert 'aria-label="x"' in tables.for_people(figures.figure2("en").table, "x")._repr_html_()


def test_cards_and_summary_carry_both_languages(audits):
    english, indonesian = audits
    by_lang = {"en": english, "id": indonesian}
    for html in (report.cards_html(by_lang), report.summary_html(by_lang)):
        assert _wrappers(html) == ["en", "id"]
    cards = report.cards_html(by_lang)
    en_part, id_part = cards.split('<div class="egov-lang" lang="id">')
    assert en_part.count("<article") == id_part.count("<article") == len(english)
    assert "The data say" in en_part and "Menurut data" in id_part
    assert "</span> sebagian benar</p>" in id_part and "</span> partly</p>" in en_part
    assert not ENGLISH_VERDICT_WORDS.search(re.sub(r'class="[^"]*"', "", id_part))
    assert _wrappers(report.verdict_scale_html()) == ["en", "id"]
    # The English cards alone are what they were.
    assert report.cards_html(english) == en_part.removeprefix(
        '<div class="egov-lang" lang="en">'
    ).removesuffix("</div>")


# --- the command line ------------------------------------------------------------------


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "egov_repro", *args], capture_output=True, text=True, check=False
    )


def test_claims_json_prints_the_facts_whatever_the_language(audits):
    """`claims --json` prints the facts, which have no language: the same with --lang id."""
    result = _cli("claims", "--json", "--lang", "id")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed == json.loads(json.dumps(claims.statements()))
    _, indonesian = audits
    assert [r["id"] for r in printed] == [r["id"] for r in indonesian]
    assert printed[0]["id"] == "sea-place" and printed[0]["facts"]["place"] == 5
    assert indonesian[0]["data_says"] == "ke-5"


def test_claims_listing_in_indonesian_ends_with_the_indonesian_summary(audits):
    result = _cli("claims", "--lang", "id")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(claims.summary_line(audits[1], "id"))
    assert "SEBAGIAN BENAR" in result.stdout


@pytest.mark.slow
def test_profile_in_indonesian_prints_the_indonesian_caption(tmp_path):
    result = _cli("profile", "IDN", "--lang", "id", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "profile-idn.svg").exists()
    assert "Indonesia dalam setiap edisi Survei E-Government PBB" in result.stdout
    assert "median Asia Tenggara dan dunia" in result.stdout


def test_the_indonesian_figure_prints_decimal_commas():
    figure = figures.figure1(lang="id")
    texts = [t.get_text() for t in figure.fig.findobj(lambda a: hasattr(a, "get_text"))]
    assert "0,7160 (77)" in texts and "0.7160 (77)" not in texts
    assert paper.FOCUS == "IDN"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_landing_names_the_weakest_component_then_and_now(lang):
    """The landing's list glues the bare component names (TII in 2022, HCI in 2024),
    not a card's sentence."""
    from egov_repro.analysis import findings

    values = findings.intro(lang=lang)
    assert (values["weakest_then"], values["weakest_now"]) == ("TII", "HCI")


def test_a_chapter_table_is_named_in_both_languages_from_the_catalogue():
    assert tables.named("changes", base=2022, year=2024) == {
        "en": "Indonesia's indices and world rank, 2022 and 2024",
        "id": "Indeks dan peringkat dunia Indonesia, 2022 dan 2024",
    }
    with pytest.raises(ValueError, match=r"Unknown table name 'nope'\. Valid: coverage, figure1"):
        tables.named("nope")


def test_an_alphabetical_table_follows_each_editions_own_names():
    """Issue 26: chapter 08's table runs Brunei, Filipina, Indonesia, Kamboja in the
    Indonesian edition, not in the English names' order; a ranking keeps its order."""
    figure = figures.components_figure((2022, 2024), lang="en")
    wide = tables.for_people(tables.components_wide(figure.table), "t", drop=["iso3"])
    english = [row[0] for row in wide.rows("en")]
    indonesian = [row[0] for row in wide.rows("id")]
    assert english[:3] == ["Brunei Darussalam", "Cambodia", "Indonesia"]
    assert indonesian[:4] == ["Brunei Darussalam", "Filipina", "Indonesia", "Kamboja"]
    ranking = tables.for_people(figures.figure1(lang="en").table, "t")
    assert [r[2] for r in ranking.rows("id")][:2] == ["Singapura", "Malaysia"]


def test_a_rank_after_its_word_is_an_indonesian_ordinal_and_an_english_number():
    assert [text.rank_after_word(n, "en") for n in (1, 77)] == ["1", "77"]
    assert [text.rank_after_word(n, "id") for n in (1, 77)] == ["pertama", "ke-77"]
