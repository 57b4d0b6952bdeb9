"""The audit's checks of the statements the EGDI table alone cannot settle: the
provinces of Figure 2 (our transcription, unless a primary PeGI table is added), the
portals the paper rates, and its countries of e-government success and failure. Each
returns its facts; ``claims_render`` words them."""

from __future__ import annotations

import pandas as pd

from egov_repro.analysis import measures, paper
from egov_repro.analysis.claims_context import statement, verdict_of_parts
from egov_repro.data.datasets import load_pegi_2016, primary_pegi_2016


def provinces(ctx) -> list[dict]:
    """Figure 2's numbers: our transcription of the paper's text is all there is, unless
    a primary PeGI 2016 table has been added to the data package."""
    printed = load_pegi_2016(ctx.data_dir)
    primary = primary_pegi_2016(ctx.data_dir)
    names = paper_province_names(printed)
    low, high = float(printed["score"].min()), float(printed["score"].max())
    facts = {
        "names": names,
        "low": low,
        "high": high,
        "unit": paper.PROVINCES_UNIT,
        "primary": primary is not None,
        "holding": None,
        "total": len(printed),
        "top": None,
        "primary_unit": None,
        "primary_max": None,
    }
    if primary is None:
        rank_verdict = unit_verdict = "unverifiable"
    else:
        top = primary.sort_values("score", ascending=False, kind="stable").head(len(printed))
        holding = sum(
            a == b for a, b in zip(top["province_code"], printed["province_code"], strict=True)
        )
        rank_verdict = verdict_of_parts(holding, len(printed))
        unit_verdict = "confirmed" if primary.attrs["unit"] == paper.PROVINCES_UNIT else "differs"
        facts.update(
            holding=holding,
            top=top["province"].tolist(),
            primary_unit=primary.attrs["unit"],
            primary_max=float(primary["score"].max()),
        )
    return [
        statement("provinces-top10-2016", names, facts["top"], rank_verdict, facts),
        statement(
            "provinces-unit-2016",
            {"unit": paper.PROVINCES_UNIT, "range": [low, high]},
            {"range": [low, high], "primary_maximum": facts["primary_max"]},
            unit_verdict,
            facts,
        ),
    ]


def paper_province_names(table: pd.DataFrame) -> list[str]:
    """The provinces of the transcription by the names the paper prints (``paper.
    PROVINCE_NAMES``), where these differ from the official names it records."""
    return [
        paper.PROVINCE_NAMES.get(code, name)
        for code, name in zip(table["province_code"], table["province"], strict=True)
    ]


def portals_rated(ctx) -> dict:
    """The paper rates the three portals of its Figures 4–6 very good. The rating has no
    scale, criteria or source, so no data could confirm or contradict it as stated: its
    verdict does not depend on the data."""
    facts = {"portals": list(paper.PORTALS)}
    return statement("portals-rated-very-good", "very good", None, "unverifiable", facts)


def successes_and_failures(ctx, english_names: dict[str, str]) -> dict:
    """The paper says where e-government succeeded and failed. The EGDI measures a
    country's readiness for e-government, not whether a programme succeeded, and the paper
    names no measure or year, so no data in the package can check it: unverifiable. As
    context, marked as our comparison, the explanation gives the named countries' places
    in the paper's edition: whether the two groups sit apart, and which named successes
    stand below the world median (or failures above it); the year and the median
    threshold are our choices."""
    stated = {**paper.SUCCESSES, **paper.FAILURES}
    ranks = {c: ctx.rank(ctx.year, c) for c in stated}
    absent = [c for c, r in ranks.items() if r is None]
    good = [r for c, r in ranks.items() if c in paper.SUCCESSES and r is not None]
    bad = [r for c, r in ranks.items() if c in paper.FAILURES and r is not None]
    separated = bool(good and bad) and max(good) < min(bad)
    median = float(measures.region_median(ctx.egdi, None).loc[ctx.year])
    values = {c: ctx.value(ctx.year, c) for c, r in ranks.items() if r is not None}
    low = [c for c in paper.SUCCESSES if c in values and values[c] < median]
    high = [c for c in paper.FAILURES if c in values and values[c] >= median]
    facts = {
        "year": ctx.year,
        "successes": list(paper.SUCCESSES),
        "failures": list(paper.FAILURES),
        "ranks": ranks,
        "values": values,
        "absent": absent,
        "good": [min(good), max(good)] if good else None,
        "bad": [min(bad), max(bad)] if bad else None,
        "median": median,
    }
    data = {
        "ranks": ranks,
        "not_surveyed": [english_names.get(c, stated[c]) for c in absent],
        "world_median_egdi": median,
        "groups_apart": separated,
        "successes_below_median": low,
        "failures_above_median": high,
    }
    stated_value = {"successes": list(paper.SUCCESSES), "failures": list(paper.FAILURES)}
    return statement("success-and-failure-countries", stated_value, data, "unverifiable", facts)
