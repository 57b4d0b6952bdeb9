"""The audit: each statement's verdict and values, checked against an independent
computation on the raw table; and each verdict flipped by a change to a copy of the data,
which proves that it is computed, not typed."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from egov_repro import load_egdi
from egov_repro.analysis import claims, measures
from egov_repro.data import datasets, maintain
from egov_repro.data.csvio import format_table
from egov_repro.words import report

SEA = ["BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "TLS", "VNM"]
LATEST = datasets.editions_in(load_egdi())[-1]


def rank_for_fifth_place(year: int) -> int:
    """A world rank that would make Indonesia 5th in Southeast Asia in ``year``."""
    egdi = load_egdi()
    others = egdi[(egdi["year"] == year) & egdi["iso3"].isin(SEA) & (egdi["iso3"] != "IDN")]
    return int(sorted(others["egdi_rank"].astype(int))[3]) + 1


@pytest.fixture(scope="module")
def records():
    return {r["id"]: r for r in claims.audit()}


@pytest.fixture(scope="module")
def sea_2022():
    egdi = load_egdi()
    rows = egdi[(egdi["year"] == 2022) & egdi["iso3"].isin(SEA)]
    return rows.sort_values("egdi_rank")["iso3"].tolist()


def test_every_record_is_complete_and_says_where_it_comes_from(records):
    for record in records.values():
        assert tuple(record) == claims.FIELDS
        assert record["source"] in claims.SOURCES
        stated = record["source"] == "paper"
        assert (record["verdict"] in claims.VERDICTS) == stated
        fields = ("claim", "where", "data_says", "explanation") + (("paper_says",) * stated)
        for field in fields:
            assert record[field] and "…" not in record[field] and "..." not in record[field]
        assert record["explanation"].endswith("."), record["id"]
    assert {r["id"] for r in records.values() if r["source"] == "follow-up"} == {
        "sea-place-latest",
        "weakest-component-latest",
    }


def test_indonesia_fifth_in_2022(records, sea_2022):
    r = records["sea-place"]
    assert (r["paper_value"], r["data_value"], r["verdict"]) == (
        5,
        sea_2022.index("IDN") + 1,
        "confirmed",
    )
    assert r["where"].startswith("Abstract")


def test_only_the_fifth_place_is_located_in_the_abstract(records):
    in_abstract = {
        r["id"] for r in claims.paper_claims(records.values()) if "Abstract" in r["where"]
    }
    assert in_abstract == {"sea-place"}


def test_top_four_order(records, sea_2022):
    r = records["top-four-order"]
    assert r["data_value"] == sea_2022[:4] == ["SGP", "MYS", "THA", "BRN"]
    assert r["verdict"] == "confirmed"


def test_singapore_leads_in_every_edition_shown(records):
    r = records["region-leader"]
    assert r["source"] == "paper" and r["verdict"] == "confirmed"
    assert (
        r["data_value"]["first_in"]
        == r["data_value"]["editions"]
        == [2003, 2004, 2005, 2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022]
    )


def test_egdi_and_world_rank_2022(records):
    assert records["egdi-value"]["data_value"] == pytest.approx(0.716)
    assert records["world-rank"]["data_value"] == 77
    assert {records["egdi-value"]["verdict"], records["world-rank"]["verdict"]} == {"confirmed"}


def test_rank_88_is_from_2020_not_2021(records):
    r = records["earlier-rank-year"]
    assert r["data_value"] == {"rank": 88, "year": 2020}
    assert r["verdict"] == "partly"
    assert 2021 not in load_egdi()["year"].unique()


def test_a_right_number_in_the_wrong_year_or_unit_is_partly_right(records):
    rise, laos = records["rise"], records["laos-below-0.4"]
    assert rise["data_value"] == {"rank_places": 11, "from_year": 2020}
    assert laos["data_value"]["value"] == pytest.approx(0.3764)
    assert rise["verdict"] == laos["verdict"] == "partly"
    assert "places of the world rank" in rise["explanation"]
    assert "37.64 percent" in laos["explanation"]


def test_places_6_to_10_are_shifted_by_viet_nam_from_databoks(records, sea_2022):
    r = records["places-6-to-10"]
    assert r["data_value"] == {
        c: sea_2022.index(c) + 1 for c in ["PHL", "KHM", "MMR", "TLS", "LAO"]
    }
    assert r["data_value"] == {"PHL": 7, "KHM": 8, "MMR": 9, "TLS": 10, "LAO": 11}
    assert r["verdict"] == "differs" and r["cited_source"] == "databoks2022"
    assert "Viet Nam (6th, world rank 86)" in r["explanation"]
    assert (
        "Databoks (2022) chart that the paper reproduces (our identification)" in r["explanation"]
    )


def test_provinces_are_unverifiable_and_say_what_was_compared(records):
    for key in ("provinces-top10-2016", "provinces-unit-2016"):
        assert records[key]["verdict"] == "unverifiable"
    assert (
        "nothing independent of the paper was compared"
        in (records["provinces-top10-2016"]["explanation"])
    )
    assert records["provinces-unit-2016"]["data_value"]["range"] == [2.62, 3.39]


def test_rank_88_to_77(records):
    r = records["rank-2020-to-2022"]
    assert r["data_value"] == [2020, 88, 2022, 77] and r["verdict"] == "confirmed"


def test_rank_keeps_rising_holds_only_since_2016(records):
    r = records["rank-keeps-rising"]
    assert r["source"] == "paper" and r["verdict"] == "partly"
    assert r["data_value"]["improving_since"] == 2016
    assert r["data_value"]["ranks"][2003] == 70 and r["data_value"]["ranks"][2010] == 109
    assert r["where"].endswith("paragraph after Figure 3")


def test_weakest_component_after_figure_3_with_its_source(records):
    r = records["weakest-component"]
    assert r["where"].endswith("paragraph after Figure 3") and r["cited_source"] == "aptika"
    egdi = load_egdi().set_index(["year", "iso3"])
    assert egdi.loc[(2022, "IDN"), ["osi", "hci", "tii"]].astype(float).idxmin() == "tii"
    assert r["verdict"] == "confirmed"


def test_latest_follow_ups_use_the_newest_edition(records):
    egdi = load_egdi()
    r = records["weakest-component-latest"]
    weakest = egdi[(egdi["year"] == LATEST) & (egdi["iso3"] == "IDN")][["osi", "hci", "tii"]]
    assert r["data_value"] == weakest.astype(float).iloc[0].idxmin().upper()
    assert f"({LATEST})" in r["claim"] and r["source"] == "follow-up"
    assert r["baseline"] == {"year": 2022, "says": "TII", "value": "TII"} and r["changed"]
    # In the 2024 edition, human capital (HCI), not infrastructure, is the lowest.
    assert measures.weakest_component(egdi, "IDN", 2024)[0] == "hci"


def test_success_and_failure_countries_palestine_not_surveyed(records):
    r = records["success-and-failure-countries"]
    assert r["data_value"]["not_surveyed"] == ["Palestine"]
    assert r["data_value"]["ranks"]["KOR"] == 3 and r["data_value"]["ranks"]["MOZ"] == 173
    # The EGDI measures readiness, not a programme's success: no data can check the list.
    assert r["verdict"] == "unverifiable"


def test_the_success_and_failure_explanation_gives_our_comparison_as_context(records):
    """The groups sit apart, but two named successes are below the world median of 2022:
    the explanation names them with their values, as our comparison, not a verdict."""
    egdi = load_egdi()
    y2022 = egdi[(egdi["year"] == 2022) & egdi["egdi_rank"].notna()]
    median = float(y2022["egdi"].median())
    r = records["success-and-failure-countries"]
    assert r["data_value"]["world_median_egdi"] == pytest.approx(median) == 0.6235
    assert r["data_value"]["successes_below_median"] == ["KEN", "IND"]
    assert r["data_value"]["groups_apart"] is True
    assert "the groups do not overlap" in r["explanation"]
    assert "our own comparison" in r["explanation"] and "are our choices" in r["explanation"]
    assert r["data_says"].startswith("no measure of success; for context (ours), 2022 world")
    assert (
        "Kenya (0.5589) and India (0.5883), called successes, sit below the 2022 world "
        "median EGDI (0.6235)"
    ) in r["explanation"]
    assert "Palestine is not in the UN survey" in r["explanation"]


def test_follow_ups_carry_no_verdict_on_the_paper(records):
    """`egov-repro claims --json`: a follow-up asks the paper's question of newer data;
    it shows the paper's edition beside the newest and whether the value changed."""
    result = subprocess.run(
        [sys.executable, "-m", "egov_repro", "claims", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    printed = {r["id"]: r for r in json.loads(result.stdout)}
    for key in ("sea-place-latest", "weakest-component-latest"):
        r = printed[key]
        assert r["source"] == "follow-up" and r["follows"] == key.removesuffix("-latest")
        assert r["verdict"] is None and r["paper_value"] is None
        assert r["baseline"]["year"] == 2022 and isinstance(r["changed"], bool)
        assert records[key]["paper_says"] is None and records[key]["credited"] is None
    place = printed["sea-place-latest"]
    assert (place["baseline"]["value"], place["data_value"], place["changed"]) == (5, 4, True)
    # Indonesia's row of the latest edition in the data (2024: rank 64, EGDI 0.79911).
    egdi = load_egdi()
    latest = egdi[(egdi["year"] == LATEST) & (egdi["iso3"] == "IDN")].iloc[0]
    assert place["facts"] == {"year": 2022, "latest": LATEST, "place": 4, "then": 5,
                              "rank": int(latest["egdi_rank"]), "n_sea": 11,
                              "value": float(latest["egdi"])}  # fmt: skip
    assert place["related"] == ["sea-place"]
    assert records["sea-place-latest"]["baseline"] == {"year": 2022, "says": "5th", "value": 5}


def test_tally_counts_paper_statements_only(records):
    rows = list(records.values())
    assert claims.counts(rows) == {"confirmed": 7, "partly": 4, "differs": 1, "unverifiable": 4}
    assert sum(claims.counts(rows).values()) == len(claims.paper_claims(rows)) == 16
    assert claims.summary_line(rows) == (
        "16 statements of the paper audited; 7 confirmed, 4 partly right (two of them for one "
        "slip, the year 2021), 1 differs, and 4 unverifiable"
    )


def test_report_cards_and_prose_come_from_the_records(records):
    rows = list(records.values())
    html = report.cards_html(rows)
    assert html.count('<article class="claim-card') == len(rows)
    assert "Laos" in html and "Lao People" not in html
    assert "…" not in re.sub(r"«[^»]*»|“[^”]*”", "", html)  # ellipses only in quotations
    prose = report.summary_html({"en": rows, "id": list(claims.audit(lang="id"))})
    assert "<strong>16 statements of the paper</strong>" in prose
    assert "<strong>16 pernyataan makalah</strong>" in prose
    assert prose.count('href="#claim-rank-keeps-rising"') == 2


# --- each verdict is computed: change the data, the verdict moves ---------------------


def edit(data_dir, changes: dict[tuple[int, str, str], object]) -> None:
    """Set cells of a copy's egdi.csv and register the change (a valid data fix)."""
    frame = datasets.load_egdi(data_dir, with_flags=True)
    for (year, iso3, column), value in changes.items():
        row = (frame["year"] == year) & (frame["iso3"] == iso3)
        assert row.sum() == 1
        frame.loc[row, column] = value
    (data_dir / "egdi.csv").write_bytes(format_table(frame))
    maintain.register("egdi.csv", data_dir)


FLIPS = {
    "sea place drops": ("sea-place", {(2022, "IDN", "egdi_rank"): 130}, "differs"),
    "two of the top four swap": ("top-four-order", {(2022, "THA", "egdi_rank"): 50}, "partly"),
    "Malaysia leads in 2022": ("region-leader", {(2022, "MYS", "egdi_rank"): 11}, "differs"),
    "Malaysia led in 2010": ("region-leader", {(2010, "MYS", "egdi_rank"): 5}, "partly"),
    "EGDI differs": ("egdi-value", {(2022, "IDN", "egdi"): 0.7}, "differs"),
    "world rank differs": ("world-rank", {(2022, "IDN", "egdi_rank"): 78}, "differs"),
    "rank 88 nowhere": ("earlier-rank-year", {(2020, "IDN", "egdi_rank"): 90}, "differs"),
    "rise of 12 places": ("rise", {(2020, "IDN", "egdi_rank"): 89}, "differs"),
    "Viet Nam last": ("places-6-to-10", {(2022, "VNM", "egdi_rank"): 190}, "confirmed"),
    "Laos below 0.4 percent": ("laos-below-0.4", {(2022, "LAO", "egdi"): 0.003}, "confirmed"),
    "Laos above 0.4": ("laos-below-0.4", {(2022, "LAO", "egdi"): 0.45}, "differs"),
    "rank 78 in 2022": ("rank-2020-to-2022", {(2022, "IDN", "egdi_rank"): 78}, "partly"),
    "rank fell in 2022": ("rank-keeps-rising", {(2022, "IDN", "egdi_rank"): 90}, "differs"),
    "rank always rose": (
        "rank-keeps-rising",
        {
            (2003, "IDN", "egdi_rank"): 180,
            (2004, "IDN", "egdi_rank"): 170,
            (2005, "IDN", "egdi_rank"): 160,
            (2008, "IDN", "egdi_rank"): 150,
            (2010, "IDN", "egdi_rank"): 140,
            (2012, "IDN", "egdi_rank"): 130,
            (2014, "IDN", "egdi_rank"): 120,
        },
        "confirmed",
    ),
    "TII not weakest": ("weakest-component", {(2022, "IDN", "tii"): 0.9}, "differs"),
    # A follow-up has no verdict: the data move whether its value changed since 2022.
    "TII still weakest": ("weakest-component-latest", {(LATEST, "IDN", "tii"): 0.3}, "unchanged"),
    "fifth again": (
        "sea-place-latest",
        {(LATEST, "IDN", "egdi_rank"): rank_for_fifth_place(LATEST)},
        "unchanged",
    ),
}


def outcome(record: dict) -> str:
    """A statement's verdict, or whether a follow-up's value changed since the paper."""
    if record["source"] == "follow-up":
        return "changed" if record["changed"] else "unchanged"
    return record["verdict"]


@pytest.mark.parametrize("case", list(FLIPS))
def test_a_data_change_flips_the_verdict(data_copy, records, case):
    claim, changes, expected = FLIPS[case]
    assert outcome(records[claim]) != expected
    edit(data_copy, changes)
    flipped = {r["id"]: r for r in claims.audit(data_copy)}
    assert outcome(flipped[claim]) == expected


def test_the_success_and_failure_context_follows_the_data_but_not_the_verdict(data_copy):
    """Uganda, a named failure, ranked 50th: the groups overlap in our comparison, and the
    verdict stays unverifiable, since the EGDI does not measure a programme's success."""
    edit(data_copy, {(2022, "UGA", "egdi_rank"): 50})
    r = {r["id"]: r for r in claims.audit(data_copy)}["success-and-failure-countries"]
    assert r["data_value"]["groups_apart"] is False and "the groups overlap" in r["explanation"]
    assert r["verdict"] == "unverifiable"


def test_a_primary_pegi_table_makes_the_provinces_checkable(data_copy, records):
    table = datasets.load_pegi_2016(data_copy)[["province", "province_code", "score"]]
    (data_copy / "raw" / "pegi-2016.csv").write_bytes(format_table(table))
    descriptor = datasets.read_descriptor(data_copy)
    res = json.loads(json.dumps(datasets.resource(descriptor, "pegi-2016-top10")))
    res.update(name="pegi-2016", path="raw/pegi-2016.csv")
    res["schema"]["fields"] = [f for f in res["schema"]["fields"] if f["name"] != "paper_order"]
    next(f for f in res["schema"]["fields"] if f["name"] == "score")["x-unit"] = "score"
    res["schema"].pop("primaryKey", None)
    descriptor["resources"].append(res)
    maintain.write_descriptor(descriptor, data_copy)
    maintain.register("raw/pegi-2016.csv", data_copy)
    checked = {r["id"]: r for r in claims.audit(data_copy)}
    assert checked["provinces-top10-2016"]["verdict"] == "confirmed"
    assert checked["provinces-unit-2016"]["verdict"] == "differs"


def test_cli_json_prints_the_facts_the_audit_words():
    """`claims --json` prints the facts, with no language: the records of either language
    carry the same values and verdicts, and their sentences are worded from these facts."""
    result = subprocess.run(
        [sys.executable, "-m", "egov_repro", "claims", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    printed = json.loads(result.stdout)
    assert printed == json.loads(json.dumps(claims.statements()))
    assert all(r["source"] in ("paper", "follow-up") for r in printed)
    assert "claim" not in printed[0] and "explanation" not in printed[0]
    by_id = {r["id"]: r for r in printed}
    assert by_id["rise"]["facts"]["places"] == 11 and by_id["rise"]["facts"]["previous"] == 2020
    assert by_id["places-6-to-10"]["facts"]["left_out"] == [{"iso3": "VNM", "place": 6, "rank": 86}]
    audits = claims.audits()
    for lang, records in audits.items():
        assert records == claims.audit(lang=lang)
        for fact, record in zip(printed, json.loads(json.dumps(records)), strict=True):
            for key in ("id", "source", "paper_value", "data_value", "verdict", "related"):
                assert fact[key] == record[key], (lang, fact["id"], key)


def test_the_generated_sentences_read_as_a_researcher_writes(records):
    """The native reader's findings on the audit's sentences (issue 26, B2-B3): "all eleven
    editions" (in words since reader 3), not "11 of 11"; verbs and ke- ordinals in
    "Menurut data" lines; the
    direction of a change said in words; one "dan" per list; Kominfo (kini Komdigi)."""
    by_id = {r["id"]: r for r in claims.audit(lang="id")}
    assert records["region-leader"]["data_says"] == (
        "Singapore first in all eleven editions, 2003–2022"
    )
    assert (
        "in all eleven editions, from 2003 to 2022. In 2022, its EGDI (0.9133)"
        in (records["region-leader"]["explanation"])
    )
    assert (
        "pada kesebelas edisi, dari 2003 hingga 2022. Pada 2022, EGDI-nya (0,9133)"
        in (by_id["region-leader"]["explanation"])
    )
    assert by_id["rise"]["paper_says"] == "naik 11 tingkat dari 2021 ke 2022"
    assert by_id["rise"]["data_says"] == (
        "naik 11 tingkat dari 2020 ke 2022 (dari peringkat ke-88 menjadi ke-77 dunia)"
    )
    assert records["rise"]["data_says"] == (
        "up 11 places from 2020 to 2022 (from world rank 88 to 77)"
    )
    assert by_id["rank-2020-to-2022"]["data_says"] == (
        "dari peringkat ke-88 (2020) ke peringkat ke-77 (2022)"
    )
    assert by_id["provinces-unit-2016"]["data_says"] == "data tidak memuat satuannya"
    assert by_id["earlier-rank-year"]["claim"] == (
        "Peringkat dunia Indonesia sebelum 2022 adalah ke-88, yaitu pada 2021."
    )
    assert by_id["success-and-failure-countries"]["claim"].count(" dan ") == 2
    assert (
        ", tetapi gagal di Mozambik dan Uganda." in by_id["success-and-failure-countries"]["claim"]
    )
    assert by_id["success-and-failure-countries"]["data_says"].endswith(
        "; Palestina tidak disurvei"
    )
    # The follow-ups' words, on whatever edition is the latest in the data.
    assert by_id["sea-place-latest"]["explanation"].endswith(
        f"Indonesia naik dari urutan ke-5 pada 2022 ke urutan ke-4 pada {LATEST}."
    )
    assert re.search(
        r"Yang terendah kini HCI \(pada 2022: TII\); TII naik 0,\d{4} sejak 2022\.$",
        by_id["weakest-component-latest"]["explanation"],
    )
    assert re.search(
        r"The lowest is now the HCI \(in 2022: the TII\); the TII has risen by 0\.\d{4} "
        r"since 2022\.$",
        records["weakest-component-latest"]["explanation"],
    )
    for key in ("provinces-unit-2016", "rank-2020-to-2022"):
        assert by_id[key]["explanation"].count("Kominfo (kini Komdigi)") == 1, key
        assert records[key]["explanation"].count("Kominfo (now Komdigi)") == 1, key
    assert (
        "Pemeringkatan E-Government Indonesia (PeGI) yang diselenggarakan Kominfo"
        in (by_id["provinces-unit-2016"]["explanation"])
    )


def test_the_indonesian_records_follow_the_indonesian_conventions():
    """Quotation marks “…”, en-dash ranges, Indeks Layanan Daring, Databoks capitalised,
    ke- ordinals, and no sentence opening with a digit (issue 26)."""
    by_id = {r["id"]: r for r in claims.audit(lang="id")}
    assert by_id["rise"]["claim"] == (
        "Peringkat dunia Indonesia naik 11 tingkat (“11 poin”) dari 2021 ke 2022."
    )
    assert by_id["sea-place"]["where"] == (
        "Abstrak; “Hasil dan Pembahasan”, subbagian pertama, paragraf sesudah Gambar 1"
    )
    assert by_id["portals-rated-very-good"]["where"].endswith("paragraf kedua sesudah Gambar 4–6")
    assert by_id["region-leader"]["data_says"] == (
        "Singapura pertama pada kesebelas edisi, 2003–2022"
    )
    assert by_id["provinces-unit-2016"]["paper_says"] == (
        "nilai 2,62–3,39 persen (semuanya kecuali satu dicetak dengan tanda persen)"
    )
    assert "Indeks Layanan Daring (OSI)" in by_id["portals-rated-very-good"]["explanation"]
    assert by_id["places-6-to-10"]["explanation"].startswith(
        "Grafik makalah tidak memuat Vietnam (urutan ke-6, peringkat ke-86 dunia). "
        "Ketiadaan negara itu berasal dari grafik Databoks (2022)"
    )
    assert (
        "membaik pada empat dari sepuluh pergantian edisi dan memburuk pada enam pergantian "
        "lainnya, yaitu 2003–2004 (dari 70 ke 85), 2004–2005 (dari 85 ke 96)"
        in (by_id["rank-keeps-rising"]["explanation"])
    )
    assert by_id["laos-below-0.4"]["explanation"] == (
        "EGDI Laos adalah 0,3764. Nilai itu berada di bawah 0,4 pada skala indeks 0–1 dan sama "
        "dengan 37,64 persen dari nilai maksimum, sehingga tidak kurang dari 0,4 persen."
    )
    assert claims.summary_line(list(by_id.values()), "id").startswith(
        "dari 16 pernyataan makalah yang diaudit, 7 terkonfirmasi, 4 sebagian benar"
    )
    assert claims.verdict_rules("id")["partly"].startswith("hanya sebagian yang sesuai dengan")
    assert ":" not in claims.verdict_rules("id")["partly"]  # "sebagian benar: …" has one colon
    for r in by_id.values():
        for key in ("claim", "where", "paper_says", "data_says", "explanation"):
            text = r[key] or ""
            assert "«" not in text and '"' not in text and "putusan" not in text, (r["id"], key)
            assert not re.search(r"\b\d{4}-\d{4}\b|Gambar \d-\d", text), (r["id"], key)
            assert not re.search(r"(^|\. )\d", text) or key in ("paper_says", "data_says"), (
                r["id"], key, text)  # fmt: skip


def test_cli_listing_ends_with_the_tally():
    result = subprocess.run(
        [sys.executable, "-m", "egov_repro", "claims"], capture_output=True, text=True, check=True
    )
    assert "places-6-to-10" in result.stdout
    assert result.stdout.strip().endswith(claims.summary_line(claims.audit()))
    assert "✓ CONFIRMED    sea-place (paper)\n  claim: Indonesia is 5th among" in result.stdout
    assert "  words: «peringkat ke 5 se Asia Tenggara»\n  paper: 5th\n  data:  5th" in (
        result.stdout
    )


def test_both_languages_come_from_one_computation_of_the_facts(monkeypatch):
    """audits() checks every statement once and words the same facts in each language."""
    computed = []
    statements = claims.statements
    monkeypatch.setattr(claims, "statements", lambda d=None: computed.append(d) or statements(d))
    by_lang = claims.audits()
    assert computed == [None] and list(by_lang) == ["en", "id"]
    en, id = ({r["id"]: r for r in by_lang[lang]} for lang in ("en", "id"))
    assert en["world-rank"]["claim"] == "Indonesia ranks 77th in the world in 2022."
    assert id["world-rank"]["claim"] == "Indonesia berada di peringkat ke-77 dunia pada 2022."
    assert en["world-rank"]["explanation"] == (
        "Indonesia's published world rank in 2022 is 77 of 193 countries."
    )
    assert id["world-rank"]["explanation"] == (
        "Peringkat dunia Indonesia yang dipublikasikan untuk 2022 adalah ke-77 dari 193 negara."
    )
    assert id["top-four-order"]["explanation"].startswith(
        "Keempat urutan yang diberikan makalah sesuai dengan peringkat dunia yang dipublikasikan."
    )
    assert en["top-four-order"]["explanation"].startswith(
        "All four of the places the paper gives match the published world ranks."
    )
