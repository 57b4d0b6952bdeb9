"""The reproduction audit: each statement of the paper, checked against the data.

``statements()`` checks every statement once and returns its facts: values, verdict,
which parts hold, and the numbers and ISO3 codes its explanation needs, with no
language (``egov-repro claims --json`` prints them). ``audit()`` words those facts in
one language, ``audits()`` in every language from one computation: one record per
statement (``FIELDS``), its text from the message catalogue
``words/messages/claims.toml`` (``claims_render``). The paper's side comes from
``egov_repro.analysis.paper`` (what the paper prints); the data side, the verdict and every
number in the explanation are computed each time it runs.

One verdict scale serves every record (``VERDICTS``, ``verdict_rules``). A number that
is right in another unit or for another year than the one stated is *partly* right,
whichever number it is; a statement about a list or a period is judged by how much of
it holds. Records with ``source == "follow-up"`` ask the paper's question of newer
data; they are not statements of the paper, carry no verdict (``verdict`` is None) and
are never counted in its tally: they give the value in the paper's edition
(``baseline``) beside the newest one, and whether it changed.

Where the checks live: ``claims_ranks`` (the EGDI, its ranks and places),
``claims_sources`` (provinces, portals, successes and failures), the two follow-ups
here; ``claims_context`` holds what they share, ``claims_render`` the wording.
"""

from __future__ import annotations

from pathlib import Path

from egov_repro.analysis import claims_ranks, claims_sources, measures, paper
from egov_repro.analysis.claims_context import (
    FOLLOW_UP_MARKER,
    MARKERS,
    SOURCES,
    VERDICTS,
    Context,
    follow_up,
    verdict_of_parts,
    verdict_of_units,
)
from egov_repro.analysis.regions import paper_chart_omissions, region_members
from egov_repro.data.datasets import load_egdi
from egov_repro.words.catalogue import say
from egov_repro.words.claims_render import (
    FIELDS,
    VERDICT_NAMES,
    figure1_effect,
    follow_up_label,
    format_table,
    render,
    verdict_rules,
    where_in,
)
from egov_repro.words.languages import LANGUAGES, check_language
from egov_repro.words.names import display_names

__all__ = [
    "FIELDS",
    "FOLLOW_UP_MARKER",
    "MARKERS",
    "SOURCES",
    "VERDICTS",
    "VERDICT_NAMES",
    "audit",
    "audits",
    "counts",
    "figure1_omission",
    "follow_up_label",
    "follow_ups",
    "format_table",
    "paper_claims",
    "paper_province_names",
    "same_slip",
    "same_slip_note",
    "statements",
    "summary_line",
    "verdict_of_parts",
    "verdict_of_units",
    "verdict_rules",
    "where_in",
]

paper_province_names = claims_sources.paper_province_names


# --- the audit --------------------------------------------------------------------


def statements(data_dir: Path | None = None) -> list[dict]:
    """Every statement of the paper (and the follow-ups) as facts, in the paper's order:
    ids, values, verdicts and what the wording needs; no language."""
    ctx = Context(load_egdi(data_dir), data_dir)
    return [
        claims_ranks.sea_place(ctx),
        claims_ranks.region_leader(ctx),
        claims_ranks.top_four(ctx),
        claims_ranks.egdi_value(ctx),
        claims_ranks.world_rank(ctx),
        claims_ranks.earlier_rank_year(ctx),
        claims_ranks.rise(ctx),
        claims_ranks.places_6_to_10(ctx),
        claims_ranks.laos(ctx),
        *claims_sources.provinces(ctx),
        claims_ranks.rank_move(ctx),
        claims_ranks.rank_keeps_rising(ctx),
        claims_ranks.weakest_component(ctx),
        claims_sources.portals_rated(ctx),
        claims_sources.successes_and_failures(ctx, display_names("en", data_dir)),
        sea_place_latest(ctx),
        weakest_component_latest(ctx),
    ]


def audits(data_dir: Path | None = None) -> dict[str, list[dict]]:
    """The audit in every language, by language, from one computation of the facts."""
    facts = statements(data_dir)
    return {lang: render(facts, lang, data_dir) for lang in LANGUAGES}


def audit(data_dir: Path | None = None, lang: str = "en") -> list[dict]:
    """Every statement of the paper (and the follow-ups) with its verdict; the text
    fields in ``lang``, the ids, keys, values and verdicts the same in every language."""
    return render(statements(data_dir), check_language(lang), data_dir)


# --- the follow-ups: the paper's question asked of the latest edition ----------------


def sea_place_latest(ctx) -> dict:
    place, then = ctx.places(ctx.latest)[paper.FOCUS], ctx.places()[paper.FOCUS]
    facts = {
        "year": ctx.year,
        "latest": ctx.latest,
        "place": place,
        "then": then,
        "rank": ctx.rank(ctx.latest),
        "n_sea": len(ctx.ranking(ctx.latest)),
        "value": ctx.value(ctx.latest),
    }
    return follow_up(
        "sea-place-latest", "sea-place", f"un{ctx.latest}", ctx.year, then, place, facts
    )


def weakest_component_latest(ctx) -> dict:
    weakest, _ = measures.weakest_component(ctx.egdi, paper.FOCUS, ctx.latest)
    then, _ = measures.weakest_component(ctx.egdi, paper.FOCUS, ctx.year)
    facts = {
        "year": ctx.year,
        "latest": ctx.latest,
        "weakest": weakest.upper(),
        "then": then.upper(),
        "components": ctx.components(ctx.latest),
        "tii_change": ctx.value(ctx.latest, column="tii") - ctx.value(ctx.year, column="tii"),
    }
    return follow_up(
        "weakest-component-latest",
        "weakest-component",
        f"un{ctx.latest}",
        ctx.year,
        then.upper(),
        weakest.upper(),
        facts,
    )


def figure1_omission(data_dir: Path | None = None, lang: str = "en") -> dict:
    """Which Southeast Asian countries the paper's Figure 1 (after Databoks 2022) leaves
    out, with their regional place and world rank in the paper's edition, and whether
    that moves the focus country's own place; every value a preformatted string."""
    ctx = Context(load_egdi(data_dir), data_dir)
    places = ctx.places()
    left_out = [c for c in ctx.sea["iso3"] if c in paper_chart_omissions(data_dir)]
    above = [c for c in left_out if places[c] < places[paper.FOCUS]]
    n_chart = len(region_members(paper.FIGURE1_REGION, data_dir=data_dir))
    return figure1_effect(
        check_language(lang),
        data_dir,
        year=ctx.year,
        n_chart=n_chart,
        left_out=left_out,
        above=above,
        places=[places[c] for c in left_out],
        ranks=[ctx.rank(ctx.year, c) for c in left_out],
    )


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
    return say("claims.summary.same_slip", lang, n=len(shared), year=paper.EARLIER_RANK_YEAR)


def summary_line(records: list[dict], lang: str = "en") -> str:
    """The tally of the paper's statements by verdict, in ``lang``."""
    c = counts(records)
    return say(
        "claims.summary.line",
        check_language(lang),
        total=sum(c.values()),
        confirmed=c["confirmed"],
        partly=c["partly"],
        differs=say("claims.summary.differs", lang, count=c["differs"]),
        unverifiable=c["unverifiable"],
        same_slip=same_slip_note(records, lang),
    )
