"""The reproduction audit: each statement of the paper, checked against the data.

``audit()`` returns one record per statement. The paper's side comes from
``egov_repro.paper`` (what the paper prints); the data side, the verdict and every
number in the explanation are computed here, from the data, each time it runs.

One verdict scale serves every record (``VERDICT_RULES``). A number that is right in
another unit or for another year than the one stated is *partly* right, whichever
number it is; a statement about a list or a period is judged by how much of it holds.
Records with ``source == "follow-up"`` ask the paper's question of newer data; they
are not statements of the paper, carry no verdict (``verdict`` is None) and are never
counted in its tally: they give the value in the paper's edition (``baseline``) beside
the newest one, and whether it changed.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pandas as pd

from egov_repro import analysis, paper
from egov_repro.datasets import (
    editions_in,
    load_egdi,
    load_pegi_2016,
    primary_pegi_2016,
)
from egov_repro.labels import check_lang
from egov_repro.names import display_names
from egov_repro.regions import SOUTHEAST_ASIA, paper_chart_omissions, region_members
from egov_repro.text import (
    in_words,
    join_and,
    number,
    ordinal,
    pick,
    rank_phrase,
    rounded,
    signed,
    whole,
)

VERDICTS = ("confirmed", "partly", "differs", "unverifiable")
VERDICT_RULES = {
    "confirmed": "every part of the statement holds in the data, in the unit and for the "
    "year or period it names",
    "partly": "part of it holds: the number is right but its unit or year is not, or it "
    "holds for only part of the list or period it names",
    "differs": "the data contradict it",
    "unverifiable": "the package has no primary data that could check it",
}
VERDICT_RULES_ID = {
    "confirmed": "setiap bagian pernyataan itu sesuai dengan data, dalam satuan dan untuk tahun "
    "atau periode yang disebutkannya",
    "partly": "sebagian berlaku: angkanya benar tetapi satuan atau tahunnya tidak, atau "
    "pernyataan itu hanya berlaku untuk sebagian daftar atau periode yang disebutkannya",
    "differs": "data menunjukkan hal yang berlawanan",
    "unverifiable": "paket data tidak memuat data primer yang dapat mengujinya",
}
# How each verdict is named in each edition (the keys stay English everywhere).
VERDICT_NAMES = {
    "en": {v: v for v in VERDICTS},
    "id": {
        "confirmed": "terkonfirmasi",
        "partly": "sebagian benar",
        "differs": "bertentangan dengan data",
        "unverifiable": "tidak dapat diverifikasi",
    },
}


def verdict_rules(lang: str = "en") -> dict[str, str]:
    """The verdict scale in ``lang``."""
    return VERDICT_RULES if check_lang(lang) == "en" else VERDICT_RULES_ID


MARKERS = {"confirmed": "✓", "partly": "◐", "differs": "✗", "unverifiable": "?"}
# A follow-up has no verdict: its card says whether the value changed since the paper.
FOLLOW_UP_MARKER = "↻"


def follow_up_label(record: dict, lang: str = "en") -> str:
    """'changed since 2022' / 'unchanged since 2022' (no verdict on the paper)."""
    year = record["baseline"]["year"]
    if check_lang(lang) == "en":
        return f"{'changed' if record['changed'] else 'unchanged'} since {year}"
    return f"{'berubah' if record['changed'] else 'tidak berubah'} sejak {year}"


SOURCES = ("paper", "follow-up")
FIELDS = (
    "id",
    "source",
    "claim",
    "where",
    "paper_words",
    "credited",
    "cited_source",
    "paper_says",
    "data_says",
    "paper_value",
    "data_value",
    "verdict",
    "explanation",
    "related",
    "baseline",
    "changed",
)


# --- the verdict rules ---------------------------------------------------------


def verdict_of_parts(holding: int, total: int) -> str:
    """A statement with ``total`` parts (places, ranks, steps) of which ``holding`` hold."""
    if total and holding == total:
        return "confirmed"
    return "partly" if holding else "differs"


def verdict_of_units(in_stated_unit: bool, in_other_unit: bool) -> str:
    """A number checked in the unit (or year) the paper names and in the one that fits."""
    if in_stated_unit:
        return "confirmed"
    return "partly" if in_other_unit else "differs"


def _same(a: float, b: float, decimals: int = 4) -> bool:
    return rounded(a, decimals) == rounded(b, decimals)


def _entry(source, id, claim, where, passage, values, related=(), baseline=None) -> dict:
    paper_says, data_says, paper_value, data_value, verdict, explanation = values
    assert source in SOURCES and (verdict in VERDICTS) == (source == "paper")
    return {
        "id": id,
        "source": source,
        "claim": claim,
        "where": where,
        "paper_words": passage.words,
        "credited": passage.credited,
        "cited_source": passage.cited_source,
        "paper_says": paper_says,
        "data_says": data_says,
        "paper_value": paper_value,
        "data_value": data_value,
        "verdict": verdict,
        "explanation": explanation,
        "related": list(related),
        "baseline": baseline,
        "changed": None if baseline is None else baseline["value"] != data_value,
    }


# The paper's places, in Indonesian: each English phrase of ``paper.PASSAGES``' "where".
WHERE_ID = {
    "Abstract": "Abstrak",
    "first subsection": "subbagian pertama",
    "subsection": "subbagian",
    "second paragraph after Figures 4-6": "paragraf kedua sesudah Gambar 4-6",
    "after Figures 4-6, first of six problem areas": "sesudah Gambar 4-6, bidang masalah "
    "pertama dari enam",
    "paragraph after Figure": "paragraf sesudah Gambar",
    "third paragraph": "paragraf ketiga",
    "paragraph before Figure": "paragraf sebelum Gambar",
    "seventh recommendation": "rekomendasi ketujuh",
}


def where_in(where: str, lang: str = "en") -> str:
    """Where a passage stands in the paper, in ``lang`` (the paper's headings stay as
    the paper prints them)."""
    if check_lang(lang) == "id":
        for english, indonesian in WHERE_ID.items():
            where = where.replace(english, indonesian)
        # Indonesian quotes a heading in double quotation marks ("Hasil dan Pembahasan").
        where = where.replace("'", '"')
    return where


def _record(ctx, id, claim, *values, related=()) -> dict:
    """A statement of the paper: where it stands, its key words and the source it
    credits come from ``paper.PASSAGES``; the values (paper says, data say, paper value,
    data value, verdict, explanation) are computed by the caller. ``related``: the ids
    of the records its explanation refers to (the page links their cards)."""
    passage = paper.PASSAGES[id]
    where = where_in(passage.where, ctx.lang)
    return _entry("paper", id, claim, where, passage, values, related)


def _follow_up(ctx, id, claim, follows: str, cited_source: str, then, now, explanation):
    """Our question, asked of newer data, of the paper statement ``follows``: no verdict
    on the paper, the value in the paper's edition (``then``: says, value) beside the
    latest edition's (``now``), and what changed."""
    stated = paper.PASSAGES[follows]
    where = where_in(stated.where, ctx.lang)  # where the statement it asks again stands
    passage = paper.Passage(where, stated.words, cited_source)
    values = (None, now[0], None, now[1], None, explanation)
    baseline = {"year": ctx.year, "says": then[0], "value": then[1]}
    return _entry("follow-up", id, claim, where, passage, values, [follows], baseline)


# --- the audit --------------------------------------------------------------------


def audit(data_dir: Path | None = None, lang: str = "en") -> list[dict]:
    """Every statement of the paper (and the follow-ups) with its verdict; the text
    fields in ``lang`` ("en" or "id"), the ids, keys, values and verdicts the same in both."""
    egdi = load_egdi(data_dir)
    ctx = _Context(egdi, data_dir, check_lang(lang))
    return [
        _sea_place(ctx),
        _region_leader(ctx),
        _top_four(ctx),
        _egdi_value(ctx),
        _world_rank(ctx),
        _earlier_rank_year(ctx),
        _rise(ctx),
        _places_6_to_10(ctx),
        _laos(ctx),
        *_provinces(ctx),
        _rank_move(ctx),
        _rank_keeps_rising(ctx),
        _weakest_component(ctx),
        _portals_rated(ctx),
        _successes_and_failures(ctx),
        _sea_place_latest(ctx),
        _weakest_component_latest(ctx),
    ]


class _Context:
    """What several checks share: the table, names, the paper's edition and region, and
    the language the text is written in."""

    def __init__(self, egdi: pd.DataFrame, data_dir, lang: str = "en"):
        self.egdi = egdi
        self.data_dir = data_dir
        self.lang = lang
        self.names = display_names(lang, data_dir)
        self.year = paper.SURVEY_YEAR
        self.editions = editions_in(egdi)
        self.latest = self.editions[-1]
        self.sea_members = region_members(SOUTHEAST_ASIA, data_dir=data_dir)
        self.sea = self.ranking(self.year)
        self.idn = egdi[egdi["iso3"] == paper.FOCUS].set_index("year")

    def t(self, en: str, id: str) -> str:
        """The sentence in this audit's language, from its two versions side by side."""
        return pick(self.lang, en, id)

    def num(self, value, decimals: int = 4) -> str:
        return number(value, decimals, self.lang)

    def ord(self, n: int) -> str:
        return ordinal(n, self.lang)

    def join(self, items) -> str:
        return join_and(items, self.lang)

    def world_rank(self, n: int) -> str:
        return rank_phrase(n, self.lang)

    def ranking(self, year: int) -> pd.DataFrame:
        return analysis.rank_within_region(self.egdi, self.sea_members, year)

    def places(self, year: int | None = None) -> dict[str, int]:
        table = self.sea if year is None else self.ranking(year)
        return dict(zip(table["iso3"], table["regional_rank"].astype(int), strict=True))

    def rank(self, year: int, iso3: str = paper.FOCUS) -> int | None:
        rows = self.egdi[(self.egdi["year"] == year) & (self.egdi["iso3"] == iso3)]
        if rows.empty or pd.isna(rows["egdi_rank"].iloc[0]):
            return None
        return int(rows["egdi_rank"].iloc[0])

    def value(self, year: int, iso3: str = paper.FOCUS, column: str = "egdi") -> float:
        rows = self.egdi[(self.egdi["year"] == year) & (self.egdi["iso3"] == iso3)]
        return float(rows[column].iloc[0])

    def previous(self, year: int) -> int:
        return max(y for y in self.editions if y < year)


def _share(holding: int, total: int, lang: str) -> str:
    """How many of a list's parts hold, in words, to open a sentence: "All four of the",
    "None of the five", "Three of the four" / "Keempat", "Tidak satu pun dari kelima",
    "Tiga dari empat"."""
    n = in_words(total, lang)
    if lang == "en":
        if holding == total:
            return f"All {n} of the"
        return (
            f"None of the {n}" if holding == 0 else f"{in_words(holding).capitalize()} of the {n}"
        )
    if holding == total:
        return f"Ke{n}" if 1 < total <= 10 else f"Semua {n}"
    if holding == 0:
        return f"Tidak satu pun dari ke{n}" if 1 < total <= 10 else f"Tidak satu pun dari {n}"
    return f"{in_words(holding, 'id').capitalize()} dari {n}"


def _decimal(value: float, lang: str) -> str:
    """A number as typed (0.4, 4), with the decimal separator of ``lang``."""
    text = f"{value:g}"
    return text if lang == "en" else text.replace(".", ",")


def _sea_place(ctx) -> dict:
    place = ctx.places()[paper.FOCUS]
    in_chart = analysis.rank_within_region(
        ctx.egdi, region_members(paper.FIGURE1_REGION, data_dir=ctx.data_dir), ctx.year
    )
    chart_place = analysis.place_of(in_chart, paper.FOCUS)
    return _record(
        ctx,
        "sea-place",
        ctx.t(
            f"Indonesia is 5th among Southeast Asian countries on the EGDI ({ctx.year}).",
            f"Menurut EGDI, Indonesia berada di urutan ke-5 di antara negara-negara Asia "
            f"Tenggara ({ctx.year}).",
        ),
        ctx.ord(paper.SEA_PLACE),
        ctx.ord(place),
        paper.SEA_PLACE,
        place,
        "confirmed" if place == paper.SEA_PLACE else "differs",
        ctx.t(
            f"Of the {len(ctx.sea)} Southeast Asian countries surveyed in {ctx.year}, "
            f"Indonesia's published world rank ({ctx.rank(ctx.year)}) is the "
            f"{ordinal(place)} best. Among the ten countries of the paper's chart it is also "
            f"{ordinal(chart_place)}.",
            f"Di antara {len(ctx.sea)} negara Asia Tenggara yang disurvei pada {ctx.year}, "
            f"Indonesia berada di urutan ke-{place} menurut peringkat dunia yang dipublikasikan "
            f"({ctx.rank(ctx.year)}). Di antara sepuluh negara dalam grafik makalah, "
            f"Indonesia juga berada di urutan ke-{chart_place}.",
        ),
    )


def _top_four(ctx) -> dict:
    places = ctx.places()
    ahead = ctx.sea.loc[ctx.sea["regional_rank"] < places[paper.FOCUS], "iso3"].tolist()
    holding = sum(places.get(c) == i for i, c in enumerate(paper.TOP_FOUR, start=1))
    order = ", ".join(
        f"{ctx.names[c]} ({ctx.ord(places[c])}, {ctx.world_rank(ctx.rank(ctx.year, c))})"
        for c in ctx.sea["iso3"]
        if c in set(ahead) | set(paper.TOP_FOUR)
    )
    four, focus = ctx.join([ctx.names[c] for c in paper.TOP_FOUR]), ctx.names[paper.FOCUS]
    n = len(paper.TOP_FOUR)
    return _record(
        ctx,
        "top-four-order",
        ctx.t(
            f"{four}, in that order, are ahead of {focus} ({ctx.year}).",
            f"{four}, berturut-turut, berada di atas {focus} ({ctx.year}).",
        ),
        ", ".join(ctx.names[c] for c in paper.TOP_FOUR),
        ", ".join(ctx.names[c] for c in ahead),
        paper.TOP_FOUR,
        ahead,
        verdict_of_parts(holding, n),
        ctx.t(
            f"{_share(holding, n, 'en')} places the paper gives match the published world "
            "ranks. "
            f"The order in the data is: {order}.",
            f"{_share(holding, n, 'id')} urutan yang diberikan makalah sesuai dengan peringkat "
            "dunia "
            f"yang dipublikasikan. Urutan menurut data: {order}.",
        ),
    )


def _region_leader(ctx) -> dict:
    leader = paper.REGION_LEADER
    led = [y for y in ctx.editions if y <= ctx.year and ctx.places(y).get(leader) == 1]
    shown = [y for y in ctx.editions if y <= ctx.year]
    leads_now = ctx.year in led
    verdict = verdict_of_parts(len(led), len(shown)) if leads_now else "differs"
    lead = ctx.value(ctx.year, leader) - ctx.sea["egdi"].iloc[1]
    name, span = ctx.names[leader], f"{shown[0]}-{shown[-1]}"
    value, gap = ctx.num(ctx.value(ctx.year, leader)), ctx.num(lead)
    runner_up = ctx.names[ctx.sea["iso3"].iloc[1]]
    return _record(
        ctx,
        "region-leader",
        ctx.t(
            f"Singapore still leads Southeast Asia on the EGDI ({ctx.year}).",
            f"Menurut EGDI, {name} tetap berada di urutan pertama di Asia Tenggara ({ctx.year}).",
        ),
        ctx.t(
            f"{name}, first in {ctx.year} as before",
            f"{name}, pertama pada {ctx.year} seperti sebelumnya",
        ),
        ctx.t(
            f"{name} first in {len(led)} of {len(shown)} editions ({span})",
            f"{name} pertama dalam {len(led)} dari {len(shown)} edisi ({span})",
        ),
        leader,
        {"first_in": led, "editions": shown},
        verdict,
        ctx.t(
            f"{name} has the best published world rank in the region in {len(led)} of the "
            f"{len(shown)} editions from {shown[0]} to {shown[-1]}. In {ctx.year} its EGDI "
            f"({value}) is {gap} above the next country's ({runner_up}).",
            f"{name} memiliki peringkat dunia terbaik di kawasan ini dalam {len(led)} dari "
            f"{len(shown)} edisi, dari {shown[0]} hingga {shown[-1]}. Pada {ctx.year} EGDI-nya "
            f"({value}) lebih tinggi {gap} daripada EGDI negara berikutnya ({runner_up}).",
        ),
    )


def _egdi_value(ctx) -> dict:
    value = ctx.value(ctx.year)
    return _record(
        ctx,
        "egdi-value",
        ctx.t(
            f"Indonesia's EGDI in {ctx.year} is 0.7160 on a 0-1 scale.",
            f"EGDI Indonesia pada {ctx.year} adalah {ctx.num(paper.EGDI_2022)} pada skala 0-1.",
        ),
        ctx.num(paper.EGDI_2022),
        ctx.num(value),
        paper.EGDI_2022,
        value,
        "confirmed" if _same(value, paper.EGDI_2022) else "differs",
        ctx.t(
            f"The UN table for {ctx.year} gives Indonesia an EGDI of {ctx.num(value)}.",
            f"Tabel PBB untuk {ctx.year} mencatat EGDI Indonesia sebesar {ctx.num(value)}.",
        ),
    )


def _world_rank(ctx) -> dict:
    rank = ctx.rank(ctx.year)
    surveyed = len(analysis.edition(ctx.egdi, ctx.year))
    return _record(
        ctx,
        "world-rank",
        ctx.t(
            f"Indonesia ranks 77th in the world in {ctx.year}.",
            f"Indonesia berada di {rank_phrase(paper.RANK_2022, 'id')} pada {ctx.year}.",
        ),
        str(paper.RANK_2022),
        ctx.t(f"{rank} of {surveyed}", f"{rank} dari {surveyed}"),
        paper.RANK_2022,
        rank,
        "confirmed" if rank == paper.RANK_2022 else "differs",
        ctx.t(
            f"Indonesia's published world rank in {ctx.year} is {rank} of {surveyed} countries.",
            f"Peringkat dunia Indonesia yang dipublikasikan untuk {ctx.year} adalah ke-{rank} "
            f"dari {surveyed} negara.",
        ),
    )


def _earlier_rank_year(ctx) -> dict:
    stated_year, stated_rank = paper.EARLIER_RANK_YEAR, paper.EARLIER_RANK
    previous = ctx.previous(ctx.year)
    previous_rank = ctx.rank(previous)
    in_stated_year = stated_year in ctx.editions and ctx.rank(stated_year) == stated_rank
    verdict = verdict_of_units(in_stated_year, previous_rank == stated_rank)
    before = max([y for y in ctx.editions if y < stated_year], default=previous)
    after = min([y for y in ctx.editions if y > stated_year], default=ctx.year)
    edition_note = (
        ""
        if stated_year in ctx.editions
        else ctx.t(
            f"There is no {stated_year} edition: the editions on either side of it are "
            f"{before} and {after}. ",
            f"Tidak ada edisi {stated_year}: edisi sebelum dan sesudahnya adalah {before} dan "
            f"{after}. ",
        )
    )
    return _record(
        ctx,
        "earlier-rank-year",
        ctx.t(
            f"Indonesia's world rank before {ctx.year} was 88, in {stated_year}.",
            f"Sebelum {ctx.year}, peringkat dunia Indonesia adalah ke-{stated_rank}, yaitu "
            f"pada {stated_year}.",
        ),
        ctx.t(
            f"rank {stated_rank} in {stated_year}", f"peringkat {stated_rank} pada {stated_year}"
        ),
        ctx.t(f"rank {previous_rank} in {previous}", f"peringkat {previous_rank} pada {previous}"),
        {"rank": stated_rank, "year": stated_year},
        {"rank": previous_rank, "year": previous},
        verdict,
        edition_note
        + ctx.t(
            f"In the edition before {ctx.year}, the {previous} survey, Indonesia's published "
            f"world rank was {previous_rank}. The paper contradicts itself here: in its next "
            f"subsection, before Figure 3, it gives rank {paper.RANK_MOVE[1]} for "
            f"{paper.RANK_MOVE[0]} (see the statement on the move from rank "
            f"{paper.RANK_MOVE[1]} to {paper.RANK_MOVE[3]}).",
            f"Pada edisi sebelum {ctx.year}, yaitu survei {previous}, peringkat dunia Indonesia "
            f"yang dipublikasikan adalah ke-{previous_rank}. Makalah bertentangan dengan "
            f"dirinya sendiri di sini: pada subbagian berikutnya, sebelum Gambar 3, makalah "
            f"menyebut peringkat {paper.RANK_MOVE[1]} untuk tahun {paper.RANK_MOVE[0]} (lihat "
            f"pernyataan tentang pergeseran dari peringkat {paper.RANK_MOVE[1]} ke "
            f"{paper.RANK_MOVE[3]}).",
        ),
        related=["rank-2020-to-2022"],
    )


def _rise(ctx) -> dict:
    """The paper counts the rank's rise from 88 to 77 as "11 poin" from 2021 to 2022: the
    number is a count of world-rank places; its start year is the one judged in
    ``earlier-rank-year``."""
    stated_year = paper.EARLIER_RANK_YEAR
    previous = ctx.previous(ctx.year)
    places = ctx.rank(previous) - ctx.rank(ctx.year)
    in_stated_year = stated_year in ctx.editions and (
        ctx.rank(stated_year) - ctx.rank(ctx.year) == paper.RISE
    )
    verdict = verdict_of_units(in_stated_year, places == paper.RISE)
    if in_stated_year:
        period = ctx.t(
            f"The rise is measured from the {stated_year} edition, as stated.",
            f"Kenaikan itu diukur dari edisi {stated_year}, sesuai pernyataan makalah.",
        )
    else:
        period = ctx.t(
            f"The period is not: the rise runs from the {previous} edition, the one before "
            f"{ctx.year}, and {stated_year} has no edition. That year is judged in the "
            f"statement on Indonesia's rank before {ctx.year}; it is judged again here because "
            "the paper states the period again with the size of the rise.",
            f"Periodenya tidak benar: kenaikan itu dihitung dari edisi {previous}, edisi "
            f"sebelum {ctx.year}, dan tidak ada edisi {stated_year}. Tahun itu dinilai dalam "
            f"pernyataan tentang peringkat Indonesia sebelum {ctx.year}; di sini tahun itu "
            "dinilai lagi karena makalah menyebut periode itu sekali lagi bersama besarnya "
            "kenaikan.",
        )
    size = (
        ctx.t("holds", "benar")
        if places == paper.RISE
        else ctx.t(f"does not hold (the rise is {places})", f"tidak benar (kenaikannya {places})")
    )
    was, now = ctx.rank(previous), ctx.rank(ctx.year)
    return _record(
        ctx,
        "rise",
        ctx.t(
            f"Indonesia's world rank rose by {paper.RISE} places («{paper.RISE} poin») from "
            f"{stated_year} to {ctx.year}.",
            f"Peringkat dunia Indonesia naik {paper.RISE} tingkat («{paper.RISE} poin») dari "
            f"{stated_year} ke {ctx.year}.",
        ),
        ctx.t(
            f"+{paper.RISE} places, {stated_year} to {ctx.year}",
            f"+{paper.RISE} tingkat, {stated_year} ke {ctx.year}",
        ),
        ctx.t(
            f"+{places} places, {previous} to {ctx.year} (world rank {was} to {now})",
            f"+{places} tingkat, {previous} ke {ctx.year} (peringkat dunia {was} menjadi {now})",
        ),
        {"rank_places": paper.RISE, "from_year": stated_year},
        {"rank_places": places, "from_year": previous},
        verdict,
        ctx.t(
            f"The paper's {paper.RISE} «poin» count places of the world rank, from "
            f"{paper.EARLIER_RANK} to {paper.RANK_2022}. In the data Indonesia's rank went from "
            f"{was} in {previous} to {now} in {ctx.year}, so the size of the rise {size}. "
            f"{period}",
            f"Angka {paper.RISE} «poin» dalam makalah adalah selisih peringkat dunia, dari "
            f"{paper.EARLIER_RANK} ke {paper.RANK_2022}. Menurut data, peringkat Indonesia "
            f"berubah dari {was} pada {previous} menjadi {now} pada {ctx.year}, sehingga "
            f"besarnya kenaikan {size}. {period}",
        ),
        related=["earlier-rank-year"],
    )


def _places_6_to_10(ctx) -> dict:
    places = ctx.places()
    stated = dict(zip(paper.PLACES_6_TO_10, range(6, 6 + len(paper.PLACES_6_TO_10)), strict=True))
    found = {c: places.get(c) for c in stated}
    holding = sum(found[c] == p for c, p in stated.items())
    left_out = [c for c in ctx.sea["iso3"] if c in paper_chart_omissions(ctx.data_dir)]
    omission = ""
    if left_out:
        missing = ctx.join(
            [
                f"{ctx.names[c]} ({ctx.ord(places[c])}, {ctx.world_rank(ctx.rank(ctx.year, c))})"
                for c in left_out
            ]
        )
        if len(left_out) == 1:
            only = left_out[0]
            after = in_words(sum(p > places[only] for p in places.values()), ctx.lang)
            moved = ctx.t(
                f"Each of the {after} countries after {ctx.names[only]} is placed one step "
                "too high. ",
                f"Masing-masing dari {after} negara sesudah {ctx.names[only]} ditempatkan satu "
                "urutan terlalu tinggi. ",
            )
        else:
            moved = ctx.t(
                "Each country ranked below one that is left out is placed too high. ",
                "Setiap negara yang peringkatnya di bawah negara yang terlewat ditempatkan "
                "terlalu tinggi. ",
            )
        omission = (
            ctx.t(
                f"The paper's chart leaves out {missing}. The omission comes from the databoks "
                "(2022) chart that the paper reproduces, which lists ten countries. ",
                f"Grafik makalah tidak memuat {missing}. Ketiadaan negara itu berasal dari grafik "
                "databoks (2022) yang direproduksi makalah, yang hanya memuat sepuluh negara. ",
            )
            + moved
        )
    listed = ctx.join([ctx.names[c] for c in paper.PLACES_6_TO_10])
    in_data = ctx.join([f"{ctx.names[c]} {ctx.ord(p)}" for c, p in found.items()])
    return _record(
        ctx,
        "places-6-to-10",
        ctx.t(
            f"Places 6 to 10 in Southeast Asia are {listed}, in that order.",
            f"Urutan ke-6 sampai ke-10 di Asia Tenggara ditempati oleh {listed}, berturut-turut.",
        ),
        ", ".join(f"{ctx.names[c]} {p}" for c, p in stated.items()),
        ", ".join(f"{ctx.names[c]} {p}" for c, p in found.items()),
        stated,
        found,
        verdict_of_parts(holding, len(stated)),
        omission
        + ctx.t(
            f"{_share(holding, len(stated), 'en')} places are right; in the data the "
            f"{in_words(len(stated))} are {in_data}.",
            f"{_share(holding, len(stated), 'id')} urutan itu benar; menurut data, kelimanya "
            "adalah "
            f"{in_data}.",
        ),
    )


def _laos(ctx) -> dict:
    value = ctx.value(ctx.year, paper.LAOS)
    percent = value * 100
    verdict = verdict_of_units(percent < paper.LAOS_BELOW, value < paper.LAOS_BELOW)
    name, below = ctx.names[paper.LAOS], _decimal(paper.LAOS_BELOW, ctx.lang)
    unit = ctx.t(paper.LAOS_BELOW_UNIT, "persen")
    egdi, share = ctx.num(value), ctx.num(percent, 2)
    return _record(
        ctx,
        "laos-below-0.4",
        ctx.t(
            f"{name} scores below 0.4 percent ({ctx.year}).",
            f"Skor {name} kurang dari {below} persen ({ctx.year}).",
        ),
        ctx.t(f"below {below} {unit}", f"di bawah {below} {unit}"),
        ctx.t(
            f"EGDI {egdi} ({share} percent of the maximum)",
            f"EGDI {egdi} ({share} persen dari nilai maksimum)",
        ),
        {"value": paper.LAOS_BELOW, "unit": paper.LAOS_BELOW_UNIT},
        {"value": value, "unit": "index (0-1)"},
        verdict,
        ctx.t(
            f"{name}'s EGDI is {egdi}. That is "
            + ("below" if value < paper.LAOS_BELOW else "not below")
            + f" {below} on the index's 0-1 scale, and {share} percent of the maximum, so it "
            "is " + ("" if percent < paper.LAOS_BELOW else "not ") + f"below {below} percent.",
            f"EGDI {name} adalah {egdi}. Nilai itu "
            + ("berada di bawah" if value < paper.LAOS_BELOW else "tidak berada di bawah")
            + f" {below} pada skala indeks 0-1 dan sama dengan {share} persen dari nilai "
            "maksimum, sehingga "
            + ("memang" if percent < paper.LAOS_BELOW else "tidak")
            + f" kurang dari {below} persen.",
        ),
    )


def _provinces(ctx) -> list[dict]:
    """Figure 2's numbers: our transcription of the paper's text is all there is, unless
    a primary PeGI 2016 table has been added to the data package."""
    printed = load_pegi_2016(ctx.data_dir)
    primary = primary_pegi_2016(ctx.data_dir)
    names = paper_province_names(printed)
    low, high = float(printed["score"].min()), float(printed["score"].max())
    if primary is None:
        compared = ctx.t(
            "No primary table of these scores is in the data package, so nothing "
            "independent of the paper was compared: data/raw/pegi-2016-top10.csv is "
            "our transcription of the paper's own text, which credits a databoks "
            "chart.",
            "Paket data tidak memuat tabel primer skor-skor ini, sehingga tidak ada pembanding "
            "yang independen dari makalah: data/raw/pegi-2016-top10.csv adalah transkripsi "
            "kami atas teks makalah itu sendiri, yang merujuk sebuah grafik databoks.",
        )
        rank_verdict = unit_verdict = "unverifiable"
        top_list, data_top, primary_max = (
            None,
            ctx.t("no primary table", "tidak ada tabel primer"),
            None,
        )
    else:
        top = primary.sort_values("score", ascending=False, kind="stable").head(len(printed))
        holding = sum(
            a == b for a, b in zip(top["province_code"], printed["province_code"], strict=True)
        )
        rank_verdict = verdict_of_parts(holding, len(printed))
        primary_max = float(primary["score"].max())
        unit_verdict = "confirmed" if primary.attrs["unit"] == paper.PROVINCES_UNIT else "differs"
        top_list = top["province"].tolist()
        data_top = ", ".join(top_list)
        compared = ctx.t(
            f"Compared with the primary table in the data package: {holding} of "
            f"the {len(printed)} places match.",
            f"Dibandingkan dengan tabel primer dalam paket data: {holding} dari "
            f"{len(printed)} urutan cocok.",
        )
    span = f"{ctx.num(low, 2)}-{ctx.num(high, 2)}"
    return [
        _record(
            ctx,
            "provinces-top10-2016",
            ctx.t(
                "The ten provinces with the best e-government scores in 2016 are "
                + join_and(names)
                + ", in that order.",
                "Sepuluh provinsi dengan skor e-government terbaik pada 2016 adalah "
                + join_and(names, "id")
                + ", berturut-turut.",
            ),
            ", ".join(names),
            data_top,
            names,
            top_list,
            rank_verdict,
            compared,
        ),
        _record(
            ctx,
            "provinces-unit-2016",
            ctx.t(
                "The provinces' values are percentages.",
                "Nilai provinsi-provinsi itu berupa persentase.",
            ),
            ctx.t(f"{span} {paper.PROVINCES_UNIT}", f"{span} persen"),
            ctx.t("unit not in the data", "satuannya tidak ada dalam data")
            if primary is None
            else ctx.t(
                f"{primary.attrs['unit']} (up to {_decimal(primary_max, 'en')})",
                f"{primary.attrs['unit']} (maksimum {_decimal(primary_max, 'id')})",
            ),
            {"unit": paper.PROVINCES_UNIT, "range": [low, high]},
            {"range": [low, high], "primary_maximum": primary_max},
            unit_verdict,
            ctx.t(
                f"The printed values run from {ctx.num(low, 2)} to {ctx.num(high, 2)}. As "
                "percentages they would be implausibly low for the best provinces; they fit "
                "the scale of Kominfo's e-government ranking (PeGI), which tops out at 4: our "
                "inference, since the paper never names PeGI. "
                + (
                    "Without a primary table the unit cannot be settled."
                    if primary is None
                    else "The primary table settles the scale."
                ),
                f"Nilai yang tercetak berkisar dari {ctx.num(low, 2)} hingga {ctx.num(high, 2)}. "
                "Sebagai persentase, nilai itu terlalu rendah untuk provinsi-provinsi terbaik; "
                "nilai itu cocok dengan skala pemeringkatan e-government Kominfo (PeGI), yang "
                "maksimumnya 4; ini dugaan kami, karena makalah tidak pernah menyebut PeGI. "
                + (
                    "Tanpa tabel primer, satuannya tidak dapat dipastikan."
                    if primary is None
                    else "Tabel primer memastikan skalanya."
                ),
            ),
        ),
    ]


def paper_province_names(table: pd.DataFrame) -> list[str]:
    """The provinces of the transcription by the names the paper prints (``paper.
    PROVINCE_NAMES``), where these differ from the official names it records."""
    return [
        paper.PROVINCE_NAMES.get(code, name)
        for code, name in zip(table["province_code"], table["province"], strict=True)
    ]


def _rank_move(ctx) -> dict:
    start, start_rank, end, end_rank = paper.RANK_MOVE
    found = {start: ctx.rank(start), end: ctx.rank(end)}
    holding = (found[start] == start_rank) + (found[end] == end_rank)
    to = ctx.t("to", "ke")
    return _record(
        ctx,
        "rank-2020-to-2022",
        ctx.t(
            f"In the UN survey Indonesia moved from rank {start_rank} ({start}) to rank "
            f"{end_rank} ({end}).",
            f"Dalam survei PBB, Indonesia bergeser dari peringkat {start_rank} ({start}) ke "
            f"peringkat {end_rank} ({end}).",
        ),
        f"{start_rank} ({start}) {to} {end_rank} ({end})",
        f"{found[start]} ({start}) {to} {found[end]} ({end})",
        list(paper.RANK_MOVE),
        [start, found[start], end, found[end]],
        verdict_of_parts(holding, 2),
        ctx.t(
            f"Published world ranks: {found[start]} in {start}, {found[end]} in {end}. Here "
            f"the paper gives {start} for rank {start_rank}, where its first subsection gave "
            f"{paper.EARLIER_RANK_YEAR} (see the statement on Indonesia's rank before {end}). "
            "This paragraph follows, almost word for word, a news item of Kominfo's "
            "Directorate General of Informatics Applications (Ditjen Aptika) of October "
            f"{end}, whose title counts the rise as {paper.RISE} places ('{paper.RISE} "
            f"peringkat', where the paper writes «{paper.RISE} poin»); the paper credits it "
            f"only by the site's address, after Figure 3. The year {paper.EARLIER_RANK_YEAR} "
            "is not in that item: it is the authors' own (our reading).",
            f"Peringkat dunia yang dipublikasikan: {found[start]} pada {start}, {found[end]} "
            f"pada {end}. Di sini makalah menyebut tahun {start} untuk peringkat {start_rank}, "
            f"padahal subbagian pertamanya menyebut {paper.EARLIER_RANK_YEAR} (lihat "
            f"pernyataan tentang peringkat Indonesia sebelum {end}). Paragraf ini hampir kata "
            "demi kata mengikuti berita Direktorat Jenderal Aplikasi Informatika (Ditjen "
            f"Aptika) Kominfo bulan Oktober {end}, yang judulnya menyebut kenaikan itu "
            f"“{paper.RISE} peringkat” (makalah menulis “{paper.RISE} poin”); makalah "
            "merujuknya hanya dengan alamat situsnya, sesudah Gambar 3. Tahun "
            f"{paper.EARLIER_RANK_YEAR} tidak ada dalam berita itu: tahun itu berasal dari "
            "penulis sendiri (menurut pembacaan kami).",
        ),
        related=["earlier-rank-year"],
    )


def _rank_keeps_rising(ctx) -> dict:
    shown = [y for y in ctx.editions if y <= ctx.year and ctx.rank(y) is not None]
    ranks = {y: ctx.rank(y) for y in shown}
    steps = list(pairwise(shown))
    better = [ranks[b] < ranks[a] for a, b in steps]
    since = shown[-1]
    for (a, _), ok in zip(reversed(steps), reversed(better), strict=True):
        if not ok:
            break
        since = a
    holding = sum(better)
    verdict = "differs" if not better[-1] else verdict_of_parts(holding, len(steps))
    to = ctx.t("to", "ke")
    worse = [
        f"{a}-{b} ({ranks[a]} {to} {ranks[b]})"
        for (a, b), ok in zip(steps, better, strict=True)
        if not ok
    ]
    path = " → ".join(str(ranks[y]) for y in shown if y >= since)
    return _record(
        ctx,
        "rank-keeps-rising",
        ctx.t(
            "Indonesia's world rank keeps rising (the paper's reading of its Figure 3, a UN "
            f"chart credited to the {ctx.year} survey).",
            "Peringkat dunia Indonesia terus membaik (pembacaan makalah atas Gambar 3, grafik "
            f"PBB yang dirujuk ke survei {ctx.year}).",
        ),
        ctx.t("the rank keeps improving", "peringkatnya terus membaik"),
        ctx.t(
            f"improving in every edition since {since}; worse in {len(worse)} of "
            f"{len(steps)} steps",
            f"membaik di setiap edisi sejak {since}; memburuk pada {len(worse)} dari "
            f"{len(steps)} pergantian edisi",
        ),
        "keeps rising",
        {"ranks": ranks, "improving_since": since},
        verdict,
        ctx.t(
            "The paper's Figure 3 names no span of years, so we read «terus naik» (keeps "
            f"rising) over every edition up to {ctx.year}. The rank improved at every edition "
            f"from {since} to "
            f"{ctx.year} ({path}). Over the whole series from {shown[0]} it improved in "
            f"{holding} of {len(steps)} steps"
            + (": it worsened in " + join_and(worse) + "." if worse else "."),
            "Gambar 3 makalah tidak menyebut rentang tahun, sehingga kami membaca «terus naik» "
            f"atas semua edisi hingga {ctx.year}. Peringkat itu membaik pada setiap edisi dari "
            f"{since} hingga {ctx.year} ({path}). Sepanjang seluruh deret sejak {shown[0]}, "
            f"peringkat membaik pada {holding} dari {len(steps)} pergantian edisi"
            + (": memburuk pada " + join_and(worse, "id") + "." if worse else "."),
        ),
    )


def _components_text(ctx, year: int) -> str:
    return ctx.join(
        [f"{c.upper()} {ctx.num(ctx.value(year, column=c))}" for c in analysis.COMPONENTS]
    )


def _weakest_component(ctx) -> dict:
    weakest, _ = analysis.weakest_component(ctx.egdi, paper.FOCUS, ctx.year)
    stated = paper.WEAKEST_COMPONENT
    parts = _components_text(ctx, ctx.year)
    return _record(
        ctx,
        "weakest-component",
        ctx.t(
            "Telecommunication infrastructure is the lowest point of Indonesia's assessment "
            f"(our reading: the {stated.upper()} component of the EGDI, {ctx.year}).",
            "Infrastruktur telekomunikasi adalah poin terendah dalam penilaian Indonesia "
            f"(pembacaan kami: komponen {stated.upper()} dalam EGDI, {ctx.year}).",
        ),
        ctx.t(
            "telecommunication infrastructure is the lowest point (no index or year named)",
            "infrastruktur telekomunikasi adalah poin terendah (tanpa menyebut indeks atau tahun)",
        ),
        ctx.t(
            f"the {weakest.upper()}, the lowest component of Indonesia's {ctx.year} EGDI",
            f"{weakest.upper()}, komponen terendah EGDI Indonesia {ctx.year}",
        ),
        stated.upper(),
        weakest.upper(),
        "confirmed" if weakest == stated else "differs",
        ctx.t(
            "The paper names neither an index nor a year: reading its telecommunication "
            f"infrastructure as the EGDI's {stated.upper()} component, in the {ctx.year} "
            f"edition it otherwise cites, is ours. Indonesia's {ctx.year} components: "
            f"{parts}. The lowest is the {weakest.upper()}.",
            "Makalah tidak menyebut indeks maupun tahun: membaca infrastruktur "
            f"telekomunikasi itu sebagai komponen {stated.upper()} dalam EGDI, pada edisi "
            f"{ctx.year} yang dikutip makalah di bagian lain, adalah pembacaan kami. Komponen "
            f"Indonesia pada {ctx.year}: {parts}. Yang terendah adalah {weakest.upper()}.",
        ),
    )


def _portals_rated(ctx) -> dict:
    """The paper rates the three portals of its Figures 4-6 very good. The rating has no
    scale, criteria or source, so no data could confirm or contradict it as stated: its
    verdict does not depend on the data."""
    portals = ctx.join(paper.PORTALS)
    return _record(
        ctx,
        "portals-rated-very-good",
        ctx.t(
            f"The official portals of {portals} are rated very good on the quality and "
            "availability of their information.",
            f"Portal resmi {portals} dinilai sangat baik dalam hal mutu dan ketersediaan "
            "informasinya.",
        ),
        ctx.t(
            "rated very good (no scale or criteria given)",
            "dinilai sangat baik (tanpa skala atau kriteria)",
        ),
        ctx.t(
            "no assessment of these portals in the data",
            "tidak ada penilaian atas portal-portal ini dalam data",
        ),
        "very good",
        None,
        "unverifiable",
        ctx.t(
            f"The paper gives no method, criteria or source for its rating of the portals of "
            f"{portals}, and the data package holds no assessment of them: the UN survey's "
            "Online Service Index scores each country's national portal, not these local "
            "portals. The screenshots of Figures 4-6 show the portals' pages but carry no "
            "scores.",
            f"Makalah tidak menyebutkan metode, kriteria, atau sumber penilaiannya atas portal "
            f"{portals}, dan paket data tidak memuat penilaian atas portal-portal itu: Indeks "
            "Layanan Online (OSI) dalam survei PBB menilai portal nasional setiap negara, "
            "bukan portal daerah seperti ini. Tangkapan layar pada Gambar 4-6 memperlihatkan "
            "halaman portal-portal itu, tetapi tidak memuat skor.",
        ),
    )


def _successes_and_failures(ctx) -> dict:
    """The paper says where e-government succeeded and failed. The EGDI measures a
    country's readiness for e-government, not whether a programme succeeded, and the paper
    names no measure or year, so no data in the package can check it: unverifiable. As
    context, marked as our comparison, the explanation gives the named countries' places
    in the paper's edition: whether the two groups sit apart, and which named successes
    stand below the world median (or failures above it); the year and the median
    threshold are our choices."""
    # The book's name for each country; the paper's own where the data have none.
    stated = {**paper.SUCCESSES, **paper.FAILURES}
    named = {
        c: ctx.names.get(c) or paper.NOT_IN_THE_DATA.get(c, {}).get(ctx.lang, name)
        for c, name in stated.items()
    }
    english = display_names("en", ctx.data_dir)
    ranks = {c: ctx.rank(ctx.year, c) for c in named}
    absent = [named[c] for c, r in ranks.items() if r is None]
    absent_en = [english.get(c, stated[c]) for c, r in ranks.items() if r is None]
    good = [r for c, r in ranks.items() if c in paper.SUCCESSES and r is not None]
    bad = [r for c, r in ranks.items() if c in paper.FAILURES and r is not None]
    separated = bool(good and bad) and max(good) < min(bad)
    median = float(analysis.region_median(ctx.egdi, None).loc[ctx.year])
    values = {c: ctx.value(ctx.year, c) for c, r in ranks.items() if r is not None}
    low = [c for c in paper.SUCCESSES if c in values and values[c] < median]
    high = [c for c in paper.FAILURES if c in values and values[c] >= median]
    misplaced = low + high
    listed = "; ".join(f"{named[c]} {r}" for c, r in ranks.items() if r is not None)
    successes = [named[c] for c in paper.SUCCESSES]
    failures = [named[c] for c in paper.FAILURES]
    med = ctx.num(median)

    def described(codes) -> str:
        return ctx.join([f"{named[c]} ({ctx.num(values[c])})" for c in codes])

    if ctx.lang == "en":
        holds = (
            f"In {ctx.year} the named successes hold world ranks {min(good)} to {max(good)} and "
            f"the failures {min(bad)} to {max(bad)}: the groups "
            + ("do not overlap." if separated else "overlap.")
        )
        against = ""
        if low:
            against += (
                f" But {described(low)}, called successes, sit below the {ctx.year} world "
                f"median EGDI ({med})."
            )
        if high:
            against += f" {described(high)}, called failures, sit above it ({med})."
        if not misplaced:
            against = (
                f" Every named success is above the {ctx.year} world median EGDI ({med}) and "
                "every failure below it."
            )
        missing = f" {join_and(absent)} is not in the UN survey." if absent else ""
        explanation = (
            "The EGDI ranks a country's readiness for e-government, not the outcome of a "
            "programme, and the paper names no measure or year for its list: no data in the "
            "package can say where e-government succeeded or failed. What follows is our own "
            f"comparison, for context (the {ctx.year} edition and the world median are our "
            "choices). " + holds + against + missing
        )
    else:
        holds = (
            f"Pada {ctx.year}, negara-negara yang disebut berhasil berada di peringkat dunia "
            f"{min(good)} sampai {max(good)}, sedangkan yang disebut gagal di peringkat "
            f"{min(bad)} sampai {max(bad)}: kedua kelompok itu "
            + ("tidak tumpang tindih." if separated else "tumpang tindih.")
        )
        against = ""
        if low:
            against += (
                f" Namun, {described(low)}, yang disebut berhasil, berada di bawah median "
                f"EGDI dunia {ctx.year} ({med})."
            )
        if high:
            against += f" {described(high)}, yang disebut gagal, berada di atas median itu ({med})."
        if not misplaced:
            against = (
                f" Setiap negara yang disebut berhasil berada di atas median EGDI dunia "
                f"{ctx.year} ({med}), dan setiap negara yang disebut gagal di bawahnya."
            )
        missing = f" {join_and(absent, 'id')} tidak tercakup dalam survei PBB." if absent else ""
        explanation = (
            "EGDI memeringkat kesiapan suatu negara untuk e-government, bukan hasil suatu "
            "program, dan makalah tidak menyebut ukuran maupun tahun untuk daftarnya: tidak "
            "ada data dalam paket ini yang dapat menunjukkan di mana e-government berhasil atau "
            "gagal. Berikut perbandingan kami sendiri sebagai konteks (edisi "
            f"{ctx.year} dan median dunia adalah pilihan kami). " + holds + against + missing
        )
    return _record(
        ctx,
        "success-and-failure-countries",
        ctx.t(
            f"E-government succeeded in {join_and(successes)}, and failed in {join_and(failures)}.",
            f"E-government berhasil di {join_and(successes, 'id')}, dan gagal di "
            f"{join_and(failures, 'id')}.",
        ),
        ctx.t(
            f"successes: {', '.join(successes)}; failures: {', '.join(failures)}",
            f"berhasil: {', '.join(successes)}; gagal: {', '.join(failures)}",
        ),
        ctx.t(
            f"no measure of success; for context (ours), {ctx.year} world ranks: {listed}"
            + (f"; not surveyed: {join_and(absent)}" if absent else "")
            + f"; world median EGDI {med}",
            f"tidak ada ukuran keberhasilan; sebagai konteks (perbandingan kami), peringkat "
            f"dunia {ctx.year}: {listed}"
            + (f"; tidak disurvei: {join_and(absent, 'id')}" if absent else "")
            + f"; median EGDI dunia {med}",
        ),
        {"successes": list(paper.SUCCESSES), "failures": list(paper.FAILURES)},
        {
            "ranks": ranks,
            "not_surveyed": absent_en,
            "world_median_egdi": median,
            "groups_apart": separated,
            "successes_below_median": low,
            "failures_above_median": high,
        },
        "unverifiable",
        explanation,
    )


def _sea_place_latest(ctx) -> dict:
    latest = ctx.latest
    place, then = ctx.places(latest)[paper.FOCUS], ctx.places()[paper.FOCUS]
    rank, n, egdi = ctx.rank(latest), len(ctx.ranking(latest)), ctx.num(ctx.value(latest))
    if place == then:
        change = ctx.t(
            f"Indonesia's place is the same as in {ctx.year}.",
            f"Urutan Indonesia sama dengan pada {ctx.year}.",
        )
    else:
        change = ctx.t(
            f"Indonesia moved from {ordinal(then)} in {ctx.year} to {ordinal(place)}.",
            f"Indonesia bergeser dari urutan ke-{then} pada {ctx.year} ke urutan ke-{place}.",
        )
    return _follow_up(
        ctx,
        "sea-place-latest",
        ctx.t(
            f"Follow-up: Indonesia's place in Southeast Asia in the paper's edition "
            f"({ctx.year}) and in the latest ({latest}).",
            f"Lanjutan: urutan Indonesia di Asia Tenggara pada edisi makalah ({ctx.year}) "
            f"dan pada edisi terbaru ({latest}).",
        ),
        "sea-place",
        f"un{latest}",
        (ctx.ord(then), then),
        (ctx.ord(place), place),
        ctx.t(
            f"In {latest} Indonesia's world rank is {rank}, the {ordinal(place)} best of the "
            f"{n} Southeast Asian countries, with an EGDI of {egdi}. {change}",
            f"Pada {latest}, peringkat dunia Indonesia adalah ke-{rank}, urutan ke-{place} "
            f"di antara {n} negara Asia Tenggara, dengan EGDI {egdi}. {change}",
        ),
    )


def _weakest_component_latest(ctx) -> dict:
    latest = ctx.latest
    weakest, _ = analysis.weakest_component(ctx.egdi, paper.FOCUS, latest)
    then, _ = analysis.weakest_component(ctx.egdi, paper.FOCUS, ctx.year)
    tii_change = signed(
        ctx.value(latest, column="tii") - ctx.value(ctx.year, column="tii"), 4, ctx.lang
    )
    parts = _components_text(ctx, latest)
    return _follow_up(
        ctx,
        "weakest-component-latest",
        ctx.t(
            f"Follow-up: Indonesia's weakest component in the paper's edition ({ctx.year}) "
            f"and in the latest ({latest}).",
            f"Lanjutan: komponen terlemah Indonesia pada edisi makalah ({ctx.year}) dan pada "
            f"edisi terbaru ({latest}).",
        ),
        "weakest-component",
        f"un{latest}",
        (then.upper(), then.upper()),
        (weakest.upper(), weakest.upper()),
        ctx.t(
            f"Indonesia's {latest} components: {parts}. The lowest is the {weakest.upper()} "
            f"(in {ctx.year}: the {then.upper()}); the TII changed by {tii_change} since "
            f"{ctx.year}.",
            f"Komponen Indonesia pada {latest}: {parts}. Yang terendah adalah "
            f"{weakest.upper()} (pada {ctx.year}: {then.upper()}); TII berubah sebesar "
            f"{tii_change} sejak {ctx.year}.",
        ),
    )


def figure1_omission(data_dir: Path | None = None, lang: str = "en") -> dict:
    """Which Southeast Asian countries the paper's Figure 1 (after databoks 2022) leaves
    out, with their regional place and world rank in the paper's edition, and whether
    that moves the focus country's own place; every value a preformatted string."""
    ctx = _Context(load_egdi(data_dir), data_dir, check_lang(lang))
    places = ctx.places()
    left_out = [c for c in ctx.sea["iso3"] if c in paper_chart_omissions(data_dir)]
    focus = ctx.names[paper.FOCUS]
    above = ctx.join([ctx.names[c] for c in left_out if places[c] < places[paper.FOCUS]])
    if above:
        effect = ctx.t(
            f"{focus}'s own place moves, because {above} ranks above {focus}.",
            f"Urutan {focus} sendiri ikut bergeser, karena {above} berada di atas {focus}.",
        )
    elif len(left_out) == 1:
        only = ctx.names[left_out[0]]
        effect = ctx.t(
            f"{focus}'s own place does not depend on it: {only}, the only country left out, "
            f"ranks below {focus}.",
            f"Urutan {focus} sendiri tidak terpengaruh: {only}, satu-satunya negara yang "
            f"terlewat, berada di bawah {focus}.",
        )
    else:
        effect = ctx.t(
            f"{focus}'s own place does not depend on it: every country left out ranks below "
            f"{focus}.",
            f"Urutan {focus} sendiri tidak terpengaruh: setiap negara yang terlewat berada di "
            f"bawah {focus}.",
        )
    return {
        "year": str(ctx.year),
        "n_chart": whole(len(region_members(paper.FIGURE1_REGION, data_dir=data_dir)), lang),
        "focus_effect": effect,
        "left_out": ctx.join([ctx.names[c] for c in left_out])
        or ctx.t("no country", "tidak ada negara"),
        "left_out_place": ", ".join(str(places[c]) for c in left_out) or "-",
        "left_out_rank": ", ".join(str(ctx.rank(ctx.year, c)) for c in left_out) or "-",
    }


# --- summaries ----------------------------------------------------------------------


def paper_claims(records: list[dict]) -> list[dict]:
    return [r for r in records if r["source"] == "paper"]


def follow_ups(records: list[dict]) -> list[dict]:
    return [r for r in records if r["source"] == "follow-up"]


def counts(records: list[dict]) -> dict[str, int]:
    """How many of the *paper's* statements got each verdict (follow-ups not counted)."""
    claims = paper_claims(records)
    return {v: sum(r["verdict"] == v for r in claims) for v in VERDICTS}


def same_slip(records: list[dict]) -> list[str]:
    """The partly-right statements that are partly right for one and the same slip: the
    paper's year for rank 88 (``paper.EARLIER_RANK_YEAR``), judged in the statement on
    the earlier rank and again where the rise is dated from it (the second's ``related``
    names the first)."""
    partly = [r for r in paper_claims(records) if r["verdict"] == "partly"]
    ids = {r["id"] for r in partly}
    return sorted({k for r in partly for j in r["related"] if j in ids for k in (r["id"], j)})


def same_slip_note(records: list[dict], lang: str = "en") -> str:
    """' (two of them for one slip, the year 2021)', or '' when no two share a slip."""
    shared = same_slip(records)
    if len(shared) < 2:
        return ""
    n, year = in_words(len(shared), lang), paper.EARLIER_RANK_YEAR
    return pick(
        lang,
        f" ({n} of them for one slip, the year {year})",
        f" ({n} di antaranya karena satu kekeliruan yang sama, tahun {year})",
    )


def summary_line(records: list[dict], lang: str = "en") -> str:
    c = counts(records)
    note = same_slip_note(records, lang)
    if check_lang(lang) == "id":
        names = VERDICT_NAMES["id"]
        return f"{sum(c.values())} pernyataan makalah diperiksa: " + ", ".join(
            f"{c[v]} {names[v]}" + (note if v == "partly" else "") for v in VERDICTS
        )
    differ = "differs" if c["differs"] == 1 else "differ"
    return (
        f"{sum(c.values())} statements of the paper checked: {c['confirmed']} confirmed, "
        f"{c['partly']} partly right{note}, {c['differs']} {differ}, "
        f"{c['unverifiable']} unverifiable"
    )


def format_table(records: list[dict], lang: str = "en") -> str:
    """A plain-text listing for the terminal: one block per record, nothing cut; the
    labels are the record's (English) field names, the verdict in ``lang``."""
    blocks = []
    for r in records:
        if r["source"] == "follow-up":
            then = r["baseline"]
            blocks.append(
                f"{FOLLOW_UP_MARKER} {follow_up_label(r, lang).upper():<12} {r['id']} "
                f"({r['source']})\n  claim: {r['claim']}\n  where: {r['where']}\n"
                f"  {then['year']}:  {then['says']}\n  now:   {r['data_says']}"
            )
            continue
        verdict = r["verdict"] if lang == "en" else VERDICT_NAMES[lang][r["verdict"]]
        blocks.append(
            f"{MARKERS[r['verdict']]} {verdict.upper():<12} {r['id']} ({r['source']})\n"
            f"  claim: {r['claim']}\n  where: {r['where']}\n  words: «{r['paper_words']}»\n"
            f"  paper: {r['paper_says']}\n  data:  {r['data_says']}"
        )
    return "\n\n".join(blocks)
