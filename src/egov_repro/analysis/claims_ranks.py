"""The audit's checks of the paper's statements on the EGDI, its ranks and places:
one function per statement, in the paper's order, each returning its facts
(``claims_context.statement``); ``claims_render`` words them."""

from __future__ import annotations

from itertools import pairwise

from egov_repro.analysis import measures, paper
from egov_repro.analysis.claims_context import (
    same,
    statement,
    verdict_of_parts,
    verdict_of_units,
)
from egov_repro.analysis.regions import paper_chart_omissions, region_members


def sea_place(ctx) -> dict:
    place = ctx.places()[paper.FOCUS]
    in_chart = measures.rank_within_region(
        ctx.egdi, region_members(paper.FIGURE1_REGION, data_dir=ctx.data_dir), ctx.year
    )
    facts = {
        "year": ctx.year,
        "stated": paper.SEA_PLACE,
        "place": place,
        "chart_place": measures.place_of(in_chart, paper.FOCUS),
        "n_sea": len(ctx.sea),
        "rank": ctx.rank(ctx.year),
    }
    verdict = "confirmed" if place == paper.SEA_PLACE else "differs"
    return statement("sea-place", paper.SEA_PLACE, place, verdict, facts)


def region_leader(ctx) -> dict:
    leader = paper.REGION_LEADER
    led = [y for y in ctx.editions if y <= ctx.year and ctx.places(y).get(leader) == 1]
    shown = [y for y in ctx.editions if y <= ctx.year]
    verdict = verdict_of_parts(len(led), len(shown)) if ctx.year in led else "differs"
    facts = {
        "year": ctx.year,
        "leader": leader,
        "led": len(led),
        "shown": len(shown),
        "first": shown[0],
        "last": shown[-1],
        "value": ctx.value(ctx.year, leader),
        "gap": ctx.value(ctx.year, leader) - ctx.sea["egdi"].iloc[1],
        "runner_up": ctx.sea["iso3"].iloc[1],
    }
    data = {"first_in": led, "editions": shown}
    return statement("region-leader", leader, data, verdict, facts)


def top_four(ctx) -> dict:
    places = ctx.places()
    ahead = ctx.sea.loc[ctx.sea["regional_rank"] < places[paper.FOCUS], "iso3"].tolist()
    holding = sum(places.get(c) == i for i, c in enumerate(paper.TOP_FOUR, start=1))
    facts = {
        "year": ctx.year,
        "stated": list(paper.TOP_FOUR),
        "ahead": ahead,
        "holding": holding,
        "total": len(paper.TOP_FOUR),
        "order": [
            {"iso3": c, "place": places[c], "rank": ctx.rank(ctx.year, c)}
            for c in ctx.sea["iso3"]
            if c in set(ahead) | set(paper.TOP_FOUR)
        ],
    }
    verdict = verdict_of_parts(holding, len(paper.TOP_FOUR))
    return statement("top-four-order", paper.TOP_FOUR, ahead, verdict, facts)


def egdi_value(ctx) -> dict:
    value = ctx.value(ctx.year)
    verdict = "confirmed" if same(value, paper.EGDI_2022) else "differs"
    facts = {"year": ctx.year, "stated": paper.EGDI_2022, "value": value}
    return statement("egdi-value", paper.EGDI_2022, value, verdict, facts)


def world_rank(ctx) -> dict:
    rank = ctx.rank(ctx.year)
    surveyed = len(measures.edition(ctx.egdi, ctx.year))
    facts = {"year": ctx.year, "stated": paper.RANK_2022, "rank": rank, "surveyed": surveyed}
    verdict = "confirmed" if rank == paper.RANK_2022 else "differs"
    return statement("world-rank", paper.RANK_2022, rank, verdict, facts)


def earlier_rank_year(ctx) -> dict:
    stated_year, stated_rank = paper.EARLIER_RANK_YEAR, paper.EARLIER_RANK
    previous = ctx.previous(ctx.year)
    previous_rank = ctx.rank(previous)
    in_stated_year = stated_year in ctx.editions and ctx.rank(stated_year) == stated_rank
    facts = {
        "year": ctx.year,
        "stated_year": stated_year,
        "stated_rank": stated_rank,
        "previous": previous,
        "previous_rank": previous_rank,
        "stated_year_is_an_edition": stated_year in ctx.editions,
        "before": max([y for y in ctx.editions if y < stated_year], default=previous),
        "after": min([y for y in ctx.editions if y > stated_year], default=ctx.year),
        "move": list(paper.RANK_MOVE),
    }
    return statement(
        "earlier-rank-year",
        {"rank": stated_rank, "year": stated_year},
        {"rank": previous_rank, "year": previous},
        verdict_of_units(in_stated_year, previous_rank == stated_rank),
        facts,
        related=["rank-2020-to-2022"],
    )


def rise(ctx) -> dict:
    """The paper counts the rank's rise from 88 to 77 as "11 poin" from 2021 to 2022: the
    number is a count of world-rank places; its start year is the one judged in
    ``earlier-rank-year``."""
    stated_year = paper.EARLIER_RANK_YEAR
    previous = ctx.previous(ctx.year)
    places = ctx.rank(previous) - ctx.rank(ctx.year)
    in_stated_year = stated_year in ctx.editions and (
        ctx.rank(stated_year) - ctx.rank(ctx.year) == paper.RISE
    )
    facts = {
        "year": ctx.year,
        "stated": paper.RISE,
        "stated_year": stated_year,
        "previous": previous,
        "places": places,
        "period_holds": in_stated_year,
        "size_holds": places == paper.RISE,
        "was": ctx.rank(previous),
        "now": ctx.rank(ctx.year),
        "earlier_rank": paper.EARLIER_RANK,
        "stated_rank": paper.RANK_2022,
    }
    return statement(
        "rise",
        {"rank_places": paper.RISE, "from_year": stated_year},
        {"rank_places": places, "from_year": previous},
        verdict_of_units(in_stated_year, places == paper.RISE),
        facts,
        related=["earlier-rank-year"],
    )


def places_6_to_10(ctx) -> dict:
    places = ctx.places()
    stated = dict(zip(paper.PLACES_6_TO_10, range(6, 6 + len(paper.PLACES_6_TO_10)), strict=True))
    found = {c: places.get(c) for c in stated}
    holding = sum(found[c] == p for c, p in stated.items())
    left_out = [c for c in ctx.sea["iso3"] if c in paper_chart_omissions(ctx.data_dir)]
    facts = {
        "stated": stated,
        "found": found,
        "holding": holding,
        "total": len(stated),
        "left_out": [
            {"iso3": c, "place": places[c], "rank": ctx.rank(ctx.year, c)} for c in left_out
        ],
        # How many countries rank after the one left out (when there is one).
        "after": sum(p > places[left_out[0]] for p in places.values()) if left_out else 0,
    }
    verdict = verdict_of_parts(holding, len(stated))
    return statement("places-6-to-10", stated, found, verdict, facts)


def laos(ctx) -> dict:
    value = ctx.value(ctx.year, paper.LAOS)
    percent = value * 100
    facts = {
        "year": ctx.year,
        "country": paper.LAOS,
        "below": paper.LAOS_BELOW,
        "unit": paper.LAOS_BELOW_UNIT,
        "value": value,
        "percent": percent,
        "index_below": value < paper.LAOS_BELOW,
        "percent_below": percent < paper.LAOS_BELOW,
    }
    return statement(
        "laos-below-0.4",
        {"value": paper.LAOS_BELOW, "unit": paper.LAOS_BELOW_UNIT},
        {"value": value, "unit": "index (0-1)"},
        verdict_of_units(percent < paper.LAOS_BELOW, value < paper.LAOS_BELOW),
        facts,
    )


def rank_move(ctx) -> dict:
    start, start_rank, end, end_rank = paper.RANK_MOVE
    found = {start: ctx.rank(start), end: ctx.rank(end)}
    holding = (found[start] == start_rank) + (found[end] == end_rank)
    facts = {
        "start": start,
        "start_rank": start_rank,
        "end": end,
        "end_rank": end_rank,
        "found_start": found[start],
        "found_end": found[end],
        "earlier_year": paper.EARLIER_RANK_YEAR,
        "rise": paper.RISE,
    }
    return statement(
        "rank-2020-to-2022",
        list(paper.RANK_MOVE),
        [start, found[start], end, found[end]],
        verdict_of_parts(holding, 2),
        facts,
        related=["earlier-rank-year"],
    )


def rank_keeps_rising(ctx) -> dict:
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
    facts = {
        "year": ctx.year,
        "first": shown[0],
        "since": since,
        "holding": holding,
        "steps": len(steps),
        "worse": [
            {"from": a, "to": b, "was": ranks[a], "now": ranks[b]}
            for (a, b), ok in zip(steps, better, strict=True)
            if not ok
        ],
        "path": [ranks[y] for y in shown if y >= since],
    }
    data = {"ranks": ranks, "improving_since": since}
    return statement("rank-keeps-rising", "keeps rising", data, verdict, facts)


def weakest_component(ctx) -> dict:
    weakest, _ = measures.weakest_component(ctx.egdi, paper.FOCUS, ctx.year)
    stated = paper.WEAKEST_COMPONENT
    facts = {
        "year": ctx.year,
        "stated": stated.upper(),
        "weakest": weakest.upper(),
        "components": ctx.components(ctx.year),
    }
    verdict = "confirmed" if weakest == stated else "differs"
    return statement("weakest-component", stated.upper(), weakest.upper(), verdict, facts)
