"""The reproduction audit: each statement of the paper, checked against the data.

``audit()`` returns one record per statement. The paper's side comes from
``egov_repro.paper`` (what the paper prints); the data side, the verdict and every
number in the explanation are computed here, from the data, each time it runs.

One verdict scale serves every record (``VERDICT_RULES``). A number that is right in
another unit or for another year than the one stated is *partly* right, whichever
number it is; a statement about a list or a period is judged by how much of it holds.
Records with ``source == "follow-up"`` ask the paper's question of newer data; they
are not statements of the paper and are never counted in its tally.
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
from egov_repro.names import display_names
from egov_repro.regions import SOUTHEAST_ASIA, paper_chart_omissions, region_members
from egov_repro.text import join_and, ordinal

VERDICTS = ("confirmed", "partly", "differs", "unverifiable")
VERDICT_RULES = {
    "confirmed": "every part of the statement holds in the data, in the unit and for the "
    "year or period it names",
    "partly": "part of it holds: the number is right but its unit or year is not, or it "
    "holds for only part of the list or period it names",
    "differs": "the data contradict it",
    "unverifiable": "the package has no primary data that could check it",
}
MARKERS = {"confirmed": "✓", "partly": "◐", "differs": "✗", "unverifiable": "?"}
SOURCES = ("paper", "follow-up")
FIELDS = (
    "id",
    "source",
    "claim",
    "where",
    "paper_words",
    "cited_source",
    "paper_says",
    "data_says",
    "paper_value",
    "data_value",
    "verdict",
    "explanation",
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
    return round(float(a), decimals) == round(float(b), decimals)


def _entry(source, id, claim, passage, values) -> dict:
    paper_says, data_says, paper_value, data_value, verdict, explanation = values
    assert verdict in VERDICTS and source in SOURCES
    return {
        "id": id,
        "source": source,
        "claim": claim,
        "where": passage.where,
        "paper_words": passage.words,
        "cited_source": passage.cited_source,
        "paper_says": paper_says,
        "data_says": data_says,
        "paper_value": paper_value,
        "data_value": data_value,
        "verdict": verdict,
        "explanation": explanation,
    }


def _record(id, claim, *values) -> dict:
    """A statement of the paper: where it stands, its key words and the source it
    credits come from ``paper.PASSAGES``; the values (paper says, data say, paper value,
    data value, verdict, explanation) are computed by the caller."""
    return _entry("paper", id, claim, paper.PASSAGES[id], values)


def _follow_up(id, claim, follows: str, cited_source: str, *values) -> dict:
    """Our question, asked of newer data, of the paper statement ``follows``."""
    stated = paper.PASSAGES[follows]
    passage = paper.Passage(
        f"Follow-up of the statement '{follows}' ({stated.where})", stated.words, cited_source
    )
    return _entry("follow-up", id, claim, passage, values)


# --- the audit --------------------------------------------------------------------


def audit(data_dir: Path | None = None) -> list[dict]:
    """Every statement of the paper (and the follow-ups) with its verdict."""
    egdi = load_egdi(data_dir)
    ctx = _Context(egdi, data_dir)
    return [
        _sea_place(ctx),
        _top_four(ctx),
        _region_leader(ctx),
        _egdi_value(ctx),
        _world_rank(ctx),
        _earlier_rank_year(ctx),
        _rise(ctx),
        _places_6_to_10(ctx),
        _laos(ctx),
        *_provinces(data_dir),
        _rank_move(ctx),
        _rank_keeps_rising(ctx),
        _weakest_component(ctx),
        _portals_rated(ctx),
        _successes_and_failures(ctx),
        _sea_place_latest(ctx),
        _weakest_component_latest(ctx),
    ]


class _Context:
    """What several checks share: the table, names, the paper's edition and region."""

    def __init__(self, egdi: pd.DataFrame, data_dir):
        self.egdi = egdi
        self.data_dir = data_dir
        self.names = display_names("en", data_dir)
        self.year = paper.SURVEY_YEAR
        self.editions = editions_in(egdi)
        self.latest = self.editions[-1]
        self.sea_members = region_members(SOUTHEAST_ASIA, data_dir=data_dir)
        self.sea = self.ranking(self.year)
        self.idn = egdi[egdi["iso3"] == paper.FOCUS].set_index("year")

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


def _sea_place(ctx) -> dict:
    place = ctx.places()[paper.FOCUS]
    in_chart = analysis.rank_within_region(
        ctx.egdi, region_members(paper.FIGURE1_REGION, data_dir=ctx.data_dir), ctx.year
    )
    chart_place = analysis.place_of(in_chart, paper.FOCUS)
    return _record(
        "sea-place",
        f"Indonesia is 5th among Southeast Asian countries on the EGDI ({ctx.year}).",
        ordinal(paper.SEA_PLACE),
        ordinal(place),
        paper.SEA_PLACE,
        place,
        "confirmed" if place == paper.SEA_PLACE else "differs",
        f"Of the {len(ctx.sea)} Southeast Asian countries surveyed in {ctx.year}, Indonesia's "
        f"published world rank ({ctx.rank(ctx.year)}) is the {ordinal(place)} best. Among "
        f"the ten countries of the paper's chart it is also {ordinal(chart_place)}.",
    )


def _top_four(ctx) -> dict:
    places = ctx.places()
    ahead = ctx.sea.loc[ctx.sea["regional_rank"] < places[paper.FOCUS], "iso3"].tolist()
    holding = sum(places.get(c) == i for i, c in enumerate(paper.TOP_FOUR, start=1))
    order = ", ".join(
        f"{ctx.names[c]} ({ordinal(places[c])}, world rank {ctx.rank(ctx.year, c)})"
        for c in ctx.sea["iso3"]
        if c in set(ahead) | set(paper.TOP_FOUR)
    )
    return _record(
        "top-four-order",
        f"{join_and([ctx.names[c] for c in paper.TOP_FOUR])}, in that order, are ahead of "
        f"{ctx.names[paper.FOCUS]} ({ctx.year}).",
        ", ".join(ctx.names[c] for c in paper.TOP_FOUR),
        ", ".join(ctx.names[c] for c in ahead),
        paper.TOP_FOUR,
        ahead,
        verdict_of_parts(holding, len(paper.TOP_FOUR)),
        f"{holding} of the {len(paper.TOP_FOUR)} places the paper gives match the published "
        f"world ranks. The order in the data is: {order}.",
    )


def _region_leader(ctx) -> dict:
    leader = paper.REGION_LEADER
    led = [y for y in ctx.editions if y <= ctx.year and ctx.places(y).get(leader) == 1]
    shown = [y for y in ctx.editions if y <= ctx.year]
    leads_now = ctx.year in led
    verdict = verdict_of_parts(len(led), len(shown)) if leads_now else "differs"
    lead = ctx.value(ctx.year, leader) - ctx.sea["egdi"].iloc[1]
    return _record(
        "region-leader",
        f"Singapore still leads Southeast Asia on the EGDI ({ctx.year}).",
        f"{ctx.names[leader]}, first in {ctx.year} as before",
        f"{ctx.names[leader]} first in {len(led)} of {len(shown)} editions "
        f"({shown[0]}-{shown[-1]})",
        leader,
        {"first_in": led, "editions": shown},
        verdict,
        f"{ctx.names[leader]} has the best published world rank in the region in "
        f"{len(led)} of the {len(shown)} editions from {shown[0]} to {shown[-1]}. In "
        f"{ctx.year} its EGDI ({ctx.value(ctx.year, leader):.4f}) is {lead:.4f} above the "
        f"next country's ({ctx.names[ctx.sea['iso3'].iloc[1]]}).",
    )


def _egdi_value(ctx) -> dict:
    value = ctx.value(ctx.year)
    return _record(
        "egdi-value",
        f"Indonesia's EGDI in {ctx.year} is 0.7160 on a 0-1 scale.",
        f"{paper.EGDI_2022:.4f}",
        f"{value:.4f}",
        paper.EGDI_2022,
        value,
        "confirmed" if _same(value, paper.EGDI_2022) else "differs",
        f"The UN table for {ctx.year} gives Indonesia an EGDI of {value:.4f}.",
    )


def _world_rank(ctx) -> dict:
    rank = ctx.rank(ctx.year)
    surveyed = len(analysis.edition(ctx.egdi, ctx.year))
    return _record(
        "world-rank",
        f"Indonesia ranks 77th in the world in {ctx.year}.",
        str(paper.RANK_2022),
        f"{rank} of {surveyed}",
        paper.RANK_2022,
        rank,
        "confirmed" if rank == paper.RANK_2022 else "differs",
        f"Indonesia's published world rank in {ctx.year} is {rank} of {surveyed} countries.",
    )


def _earlier_rank_year(ctx) -> dict:
    stated_year, stated_rank = paper.EARLIER_RANK_YEAR, paper.EARLIER_RANK
    previous = ctx.previous(ctx.year)
    previous_rank = ctx.rank(previous)
    in_stated_year = stated_year in ctx.editions and ctx.rank(stated_year) == stated_rank
    verdict = verdict_of_units(in_stated_year, previous_rank == stated_rank)
    edition_note = (
        ""
        if stated_year in ctx.editions
        else f"There is no {stated_year} edition: the editions on either side of it are "
        f"{max([y for y in ctx.editions if y < stated_year], default=previous)} and "
        f"{min([y for y in ctx.editions if y > stated_year], default=ctx.year)}. "
    )
    return _record(
        "earlier-rank-year",
        f"Indonesia's world rank before {ctx.year} was 88, in {stated_year}.",
        f"rank {stated_rank} in {stated_year}",
        f"rank {previous_rank} in {previous}",
        {"rank": stated_rank, "year": stated_year},
        {"rank": previous_rank, "year": previous},
        verdict,
        f"{edition_note}In the edition before {ctx.year}, the {previous} survey, Indonesia's "
        f"published world rank was {previous_rank}.",
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
        period = f"The rise is measured from the {stated_year} edition, as stated."
    else:
        period = (
            f"The period is not: the rise runs from the {previous} edition, the one before "
            f"{ctx.year}, and {stated_year} has no edition. That is the year judged in the "
            "record 'earlier-rank-year'; this record repeats it because the paper states the "
            "period again with the size of the rise."
        )
    size = "holds" if places == paper.RISE else f"does not hold (the rise is {places})"
    return _record(
        "rise",
        f"Indonesia's world rank rose by {paper.RISE} places ('{paper.RISE} poin') from "
        f"{stated_year} to {ctx.year}.",
        f"+{paper.RISE} places, {stated_year} to {ctx.year}",
        f"+{places} places, {previous} to {ctx.year} (world rank {ctx.rank(previous)} to "
        f"{ctx.rank(ctx.year)})",
        {"rank_places": paper.RISE, "from_year": stated_year},
        {"rank_places": places, "from_year": previous},
        verdict,
        f"The paper's {paper.RISE} 'poin' count world-rank places, from {paper.EARLIER_RANK} "
        f"to {paper.RANK_2022}. In the data Indonesia's rank went from {ctx.rank(previous)} "
        f"in {previous} to {ctx.rank(ctx.year)} in {ctx.year}, so the size of the rise "
        f"{size}. {period}",
    )


def _places_6_to_10(ctx) -> dict:
    places = ctx.places()
    stated = dict(zip(paper.PLACES_6_TO_10, range(6, 6 + len(paper.PLACES_6_TO_10)), strict=True))
    found = {c: places.get(c) for c in stated}
    holding = sum(found[c] == p for c, p in stated.items())
    left_out = [c for c in ctx.sea["iso3"] if c in paper_chart_omissions(ctx.data_dir)]
    omission = ""
    if left_out:
        omission = (
            "The paper's chart leaves out "
            + join_and(
                [
                    f"{ctx.names[c]} ({ordinal(places[c])}, world rank {ctx.rank(ctx.year, c)})"
                    for c in left_out
                ]
            )
            + ". The omission comes from the databoks (2022) chart that the paper reproduces, "
            "which lists ten countries. Every country ranked below an omitted one is "
            "placed too high. "
        )
    return _record(
        "places-6-to-10",
        f"Places 6 to 10 in Southeast Asia are "
        f"{join_and([ctx.names[c] for c in paper.PLACES_6_TO_10])}, in that order.",
        ", ".join(f"{ctx.names[c]} {p}" for c, p in stated.items()),
        ", ".join(f"{ctx.names[c]} {p}" for c, p in found.items()),
        stated,
        found,
        verdict_of_parts(holding, len(stated)),
        f"{omission}{holding} of the {len(stated)} places are right; in the data the five are "
        + join_and([f"{ctx.names[c]} {ordinal(p)}" for c, p in found.items()])
        + ".",
    )


def _laos(ctx) -> dict:
    value = ctx.value(ctx.year, paper.LAOS)
    percent = value * 100
    verdict = verdict_of_units(percent < paper.LAOS_BELOW, value < paper.LAOS_BELOW)
    name = ctx.names[paper.LAOS]
    return _record(
        "laos-below-0.4",
        f"{name} scores below 0.4 percent ({ctx.year}).",
        f"below {paper.LAOS_BELOW} {paper.LAOS_BELOW_UNIT}",
        f"EGDI {value:.4f} ({percent:.2f} percent of the maximum)",
        {"value": paper.LAOS_BELOW, "unit": paper.LAOS_BELOW_UNIT},
        {"value": value, "unit": "index (0-1)"},
        verdict,
        f"{name}'s EGDI is {value:.4f}. That is "
        + ("below" if value < paper.LAOS_BELOW else "not below")
        + f" {paper.LAOS_BELOW} on the index's 0-1 scale, and {percent:.2f} percent of the "
        "maximum, so it is "
        + ("" if percent < paper.LAOS_BELOW else "not ")
        + f"below {paper.LAOS_BELOW} percent.",
    )


def _provinces(data_dir) -> list[dict]:
    """Figure 2's numbers: our transcription of the paper's text is all there is, unless
    a primary PeGI 2016 table has been added to the data package."""
    printed = load_pegi_2016(data_dir)
    primary = primary_pegi_2016(data_dir)
    names = printed["province"].tolist()
    low, high = float(printed["score"].min()), float(printed["score"].max())
    if primary is None:
        compared = (
            "No primary PeGI 2016 table is in the data package, so nothing "
            "independent of the paper was compared: data/raw/pegi-2016-top10.csv is "
            "our transcription of the paper's own text, which credits a databoks "
            "chart."
        )
        rank_verdict = unit_verdict = "unverifiable"
        data_top, primary_max = "no primary table", None
    else:
        top = primary.sort_values("score", ascending=False, kind="stable").head(len(printed))
        holding = sum(
            a == b for a, b in zip(top["province_code"], printed["province_code"], strict=True)
        )
        rank_verdict = verdict_of_parts(holding, len(printed))
        primary_max = float(primary["score"].max())
        unit_verdict = "confirmed" if primary.attrs["unit"] == paper.PROVINCES_UNIT else "differs"
        data_top = ", ".join(top["province"])
        compared = (
            f"Compared with the primary table in the data package: {holding} of "
            f"the {len(printed)} places match."
        )
    return [
        _record(
            "provinces-top10-2016",
            "The ten provinces with the best e-government scores in 2016 are "
            + join_and(names)
            + ", in that order.",
            ", ".join(names),
            data_top,
            names,
            None if primary is None else data_top.split(", "),
            rank_verdict,
            compared,
        ),
        _record(
            "provinces-unit-2016",
            "The provinces' values are percentages.",
            f"{low:.2f}-{high:.2f} {paper.PROVINCES_UNIT}",
            "unit not in the data"
            if primary is None
            else f"{primary.attrs['unit']} (up to {primary_max:g})",
            {"unit": paper.PROVINCES_UNIT, "range": [low, high]},
            {"range": [low, high], "primary_maximum": primary_max},
            unit_verdict,
            f"The printed values run from {low:.2f} to {high:.2f}. As percentages they would "
            "be implausibly low for the best provinces; they fit the scale of Kominfo's PeGI "
            "scores, which tops out at 4. "
            + (
                "Without a primary table the unit cannot be settled."
                if primary is None
                else "The primary table settles the scale."
            ),
        ),
    ]


def _rank_move(ctx) -> dict:
    start, start_rank, end, end_rank = paper.RANK_MOVE
    found = {start: ctx.rank(start), end: ctx.rank(end)}
    holding = (found[start] == start_rank) + (found[end] == end_rank)
    return _record(
        "rank-2020-to-2022",
        f"In the UN survey Indonesia moved from rank {start_rank} ({start}) to rank "
        f"{end_rank} ({end}).",
        f"{start_rank} ({start}) to {end_rank} ({end})",
        f"{found[start]} ({start}) to {found[end]} ({end})",
        list(paper.RANK_MOVE),
        [start, found[start], end, found[end]],
        verdict_of_parts(holding, 2),
        f"Published world ranks: {found[start]} in {start}, {found[end]} in {end}.",
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
    worse = [
        f"{a}-{b} ({ranks[a]} to {ranks[b]})"
        for (a, b), ok in zip(steps, better, strict=True)
        if not ok
    ]
    return _record(
        "rank-keeps-rising",
        f"Indonesia's world rank keeps rising (reading the UN chart of {shown[0]}-{ctx.year}).",
        "the rank keeps improving",
        f"improving in every edition since {since}; worse in {len(worse)} of {len(steps)} steps",
        "keeps rising",
        {"ranks": ranks, "improving_since": since},
        verdict,
        f"The rank improved at every edition from {since} to {ctx.year} ("
        + " → ".join(str(ranks[y]) for y in shown if y >= since)
        + "). Over the whole "
        f"series from {shown[0]} it improved in {holding} of {len(steps)} steps"
        + (": it worsened in " + join_and(worse) + "." if worse else "."),
    )


def _components_text(ctx, year: int) -> str:
    return join_and([f"{c.upper()} {ctx.value(year, column=c):.4f}" for c in analysis.COMPONENTS])


def _weakest_component(ctx) -> dict:
    weakest, _ = analysis.weakest_component(ctx.egdi, paper.FOCUS, ctx.year)
    stated = paper.WEAKEST_COMPONENT
    return _record(
        "weakest-component",
        f"Telecommunication infrastructure (TII) is the weakest part of "
        f"Indonesia's EGDI ({ctx.year}).",
        stated.upper(),
        weakest.upper(),
        stated.upper(),
        weakest.upper(),
        "confirmed" if weakest == stated else "differs",
        f"Indonesia's {ctx.year} components: {_components_text(ctx, ctx.year)}. The lowest "
        f"is the {weakest.upper()}.",
    )


def _portals_rated(ctx) -> dict:
    """The paper rates the three portals of its Figures 4-6 very good. The rating has no
    scale, criteria or source, so no data could confirm or contradict it as stated: the
    one record whose verdict does not depend on the data."""
    portals = join_and(paper.PORTALS)
    return _record(
        "portals-rated-very-good",
        f"The official portals of {portals} are rated very good on the quality and "
        "availability of their information.",
        "rated very good (no scale or criteria given)",
        "no assessment of these portals in the data",
        "very good",
        None,
        "unverifiable",
        f"The paper gives no method, criteria or source for its rating of the portals of "
        f"{portals}, and the data package holds no assessment of them: the UN survey's "
        "Online Service Index scores each country's national portal, not these local "
        "portals. The screenshots of Figures 4-6 show the portals' pages but carry no scores.",
    )


def _successes_and_failures(ctx) -> dict:
    # The book's name for each country; the paper's own where the data have none.
    named = {c: ctx.names.get(c, name) for c, name in {**paper.SUCCESSES, **paper.FAILURES}.items()}
    ranks = {c: ctx.rank(ctx.year, c) for c in named}
    absent = [named[c] for c, r in ranks.items() if r is None]
    good = [r for c, r in ranks.items() if c in paper.SUCCESSES and r is not None]
    bad = [r for c, r in ranks.items() if c in paper.FAILURES and r is not None]
    separated = bool(good and bad) and max(good) < min(bad)
    verdict = "differs" if not separated else ("partly" if absent else "confirmed")
    listed = "; ".join(f"{named[c]} {r}" for c, r in ranks.items() if r is not None)
    return _record(
        "success-and-failure-countries",
        "E-government succeeded in "
        + join_and([named[c] for c in paper.SUCCESSES])
        + ", and failed in "
        + join_and([named[c] for c in paper.FAILURES])
        + ".",
        "successes: "
        + ", ".join(named[c] for c in paper.SUCCESSES)
        + "; failures: "
        + ", ".join(named[c] for c in paper.FAILURES),
        f"{ctx.year} world ranks: {listed}"
        + (f"; not surveyed: {join_and(absent)}" if absent else ""),
        {"successes": list(paper.SUCCESSES), "failures": list(paper.FAILURES)},
        {"ranks": ranks, "not_surveyed": absent},
        verdict,
        "The EGDI ranks a country's readiness for e-government, not the outcome of a "
        "programme, so it can check only whether the two groups sit apart. In "
        f"{ctx.year} the named successes hold world ranks {min(good)} to {max(good)} and the "
        f"failures {min(bad)} to {max(bad)}: the groups "
        + ("do not overlap" if separated else "overlap")
        + "."
        + (f" {join_and(absent)} cannot be checked: not in the UN survey." if absent else ""),
    )


def _sea_place_latest(ctx) -> dict:
    latest = ctx.latest
    place = ctx.places(latest)[paper.FOCUS]
    return _follow_up(
        "sea-place-latest",
        f"Follow-up: Indonesia is still 5th in Southeast Asia in the latest edition ({latest}).",
        "sea-place",
        f"un{latest}",
        ordinal(paper.SEA_PLACE),
        ordinal(place),
        paper.SEA_PLACE,
        place,
        "confirmed" if place == paper.SEA_PLACE else "differs",
        f"In {latest} Indonesia's world rank is {ctx.rank(latest)}, the {ordinal(place)} best "
        f"of the {len(ctx.ranking(latest))} Southeast Asian countries, with an EGDI of "
        f"{ctx.value(latest):.4f}.",
    )


def _weakest_component_latest(ctx) -> dict:
    latest = ctx.latest
    weakest, _ = analysis.weakest_component(ctx.egdi, paper.FOCUS, latest)
    stated = paper.WEAKEST_COMPONENT
    tii_change = ctx.value(latest, column="tii") - ctx.value(ctx.year, column="tii")
    return _follow_up(
        "weakest-component-latest",
        f"Follow-up: TII is still Indonesia's weakest component in the latest edition ({latest}).",
        "weakest-component",
        f"un{latest}",
        stated.upper(),
        weakest.upper(),
        stated.upper(),
        weakest.upper(),
        "confirmed" if weakest == stated else "differs",
        f"Indonesia's {latest} components: {_components_text(ctx, latest)}. The lowest is the "
        f"{weakest.upper()}; the TII changed by {tii_change:+.4f} since {ctx.year}.",
    )


def figure1_omission(data_dir: Path | None = None) -> dict:
    """Which Southeast Asian countries the paper's Figure 1 (after databoks 2022) leaves
    out, with their regional place and world rank in the paper's edition, and whether
    that moves the focus country's own place."""
    ctx = _Context(load_egdi(data_dir), data_dir)
    places = ctx.places()
    left_out = [c for c in ctx.sea["iso3"] if c in paper_chart_omissions(data_dir)]
    focus = ctx.names[paper.FOCUS]
    above = [c for c in left_out if places[c] < places[paper.FOCUS]]
    return {
        "year": ctx.year,
        "n_chart": len(region_members(paper.FIGURE1_REGION, data_dir=data_dir)),
        "focus_effect": (
            f"{focus}'s own place moves, because {join_and([ctx.names[c] for c in above])} "
            f"ranks above {focus}."
            if above
            else f"{focus}'s own place does not depend on it: every omitted country ranks "
            f"below {focus}."
        ),
        "left_out": join_and([ctx.names[c] for c in left_out]) or "no country",
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


def summary_line(records: list[dict]) -> str:
    c = counts(records)
    differ = "differs" if c["differs"] == 1 else "differ"
    return (
        f"{sum(c.values())} statements of the paper checked: {c['confirmed']} confirmed, "
        f"{c['partly']} partly right, {c['differs']} {differ}, "
        f"{c['unverifiable']} unverifiable"
    )


def format_table(records: list[dict]) -> str:
    """A plain-text listing for the terminal: one block per record, nothing cut."""
    blocks = []
    for r in records:
        blocks.append(
            f"{MARKERS[r['verdict']]} {r['verdict'].upper():<12} {r['id']} ({r['source']})\n"
            f"  claim: {r['claim']}\n  where: {r['where']}\n  words: «{r['paper_words']}»\n"
            f"  paper: {r['paper_says']}\n  data:  {r['data_says']}"
        )
    return "\n\n".join(blocks)
