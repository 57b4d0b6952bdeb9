"""What each chapter says about its figure, as sentences computed from the same data.

The chapters glue these into their prose, so every parameter value (another edition,
region, country or data folder) gives sentences that are true of the figure beside
them, including when the focus country is not in the region.
"""

from __future__ import annotations

import pandas as pd

from egov_repro import analysis, claims, paper
from egov_repro.datasets import load_egdi
from egov_repro.figures import (
    REBUILT_FROM,
    paper_figures,
    region_name,
    region_phrase,
    southeast_asia_ranking,
)
from egov_repro.names import display_names
from egov_repro.regions import SOUTHEAST_ASIA, paper_chart_omissions, region_members
from egov_repro.text import join_and, ordinal


def ranking(survey_year: int, region: str, focus: str = paper.FOCUS, data_dir=None) -> dict:
    """Chapter 02: where the focus country stands, who leads and closes the region, and
    what the paper's chart leaves out (for the paper's edition)."""
    table = southeast_asia_ranking(survey_year, region, "en", data_dir)
    names = display_names("en", data_dir)
    where = region_phrase(region)
    out = {"n_countries": len(table), "year": survey_year, "region_name": where}
    row = table[table["iso3"] == focus]
    if row.empty:
        out["focus_sentence"] = (
            f"{names[focus]} is not among the {len(table)} countries of {where} in "
            f"{survey_year}, so the chart highlights no country."
        )
    else:
        r = row.iloc[0]
        out["focus_sentence"] = (
            f"Of the {len(table)} countries of {where}, {names[focus]} is number "
            f"{int(r['regional_rank'])}, with an EGDI of {r['egdi']:.4f} and world rank "
            f"{int(r['egdi_rank'])}."
        )
    first, last = table.iloc[0], table.iloc[-1]
    lead = first["egdi"] - table["egdi"].iloc[1] if len(table) > 1 else 0.0
    out["leader_sentence"] = (
        f"{names[first['iso3']]} leads (EGDI {first['egdi']:.4f}, world rank "
        f"{int(first['egdi_rank'])}, {lead:.4f} ahead of the next country) and "
        f"{names[last['iso3']]} closes the list ({last['egdi']:.4f}, world rank "
        f"{int(last['egdi_rank'])})."
    )
    out["omission_sentence"] = _omission(table, survey_year, focus, names, data_dir)
    return out


def _omission(table: pd.DataFrame, survey_year: int, focus: str, names: dict, data_dir) -> str:
    if survey_year != paper.SURVEY_YEAR:
        return (
            f"The paper's chart is of {paper.SURVEY_YEAR}; for {survey_year} there is no "
            "chart of the paper to compare with."
        )
    left_out = table[table["iso3"].isin(paper_chart_omissions(data_dir))]
    in_chart = int(table["in_paper_chart"].sum())
    if left_out.empty:
        return f"No country of this region is missing from the paper's chart ({in_chart} bars)."
    focus_row = table[table["iso3"] == focus]
    described = []
    for _, r in left_out.iterrows():
        text = (
            f"{names[r['iso3']]}, which stands at place {int(r['regional_rank'])} "
            f"(world rank {int(r['egdi_rank'])})"
        )
        if (
            not focus_row.empty
            and int(r["regional_rank"]) == int(focus_row["regional_rank"].iloc[0]) + 1
        ):
            text += f", directly below {names[focus]}"
        described.append(text)
    return (
        f"The paper's chart has {in_chart} bars where this region has {len(table)}: it leaves "
        f"out {join_and(described)}. The gap comes from the databoks chart the paper reproduces. "
        "Every country ranked below a missing one is placed one step too high in the paper."
    )


def trend(
    table: pd.DataFrame, survey_year: int, region: str, focus: str = paper.FOCUS, data_dir=None
) -> dict:
    """Chapter 04: the long series of one country (the table behind Figure 3)."""
    names = display_names("en", data_dir)
    t = table.dropna(subset=["egdi"]).set_index("year")
    median = t.filter(like="median_egdi").iloc[:, 0]
    ranks = t["egdi_rank"].astype(int)
    best, worst = int(ranks.idxmin()), int(ranks.idxmax())
    below = [str(y) for y in t.index[t["egdi"] < median]]
    components = t[analysis.COMPONENTS].astype(float)
    marked = t.loc[survey_year] if survey_year in t.index else None
    out = {
        "country": names[focus],
        "first": int(t.index.min()), "last": int(t.index.max()), "n_editions": len(t),
        "egdi_first": float(t["egdi"].iloc[0]), "egdi_last": float(t["egdi"].iloc[-1]),
        "best_year": best, "best_rank": int(ranks[best]),
        "worst_year": worst, "worst_rank": int(ranks[worst]),
        "below_median": (join_and(below) if below else "no edition"),
        "region_name": region_name(region),
        "most_stable": (components.max() - components.min()).idxmin().upper(),
        "marked": survey_year,
    }  # fmt: skip
    if marked is None:
        out["marked_sentence"] = f"{names[focus]} has no EGDI in {survey_year}."
        return out
    weakest = components.loc[survey_year].idxmin()
    out["marked_sentence"] = (
        f"In {survey_year}, the marked edition, the EGDI was {marked['egdi']:.4f} and the "
        f"world rank {int(marked['egdi_rank'])}; the weakest component was "
        f"{weakest.upper()} ({components.at[survey_year, weakest]:.4f})."
    )
    tii = components["tii"].dropna()
    out["tii_sentence"] = (
        f"The telecommunication infrastructure index (TII) went from {tii.iloc[0]:.4f} in "
        f"{int(tii.index[0])} to {tii.iloc[-1]:.4f} in {int(tii.index[-1])}."
    )
    return out


def components(
    long: pd.DataFrame, years: tuple[int, int], focus: str = paper.FOCUS, data_dir=None
) -> dict:
    """Chapter 08: the focus country's weakest component in both editions and its TII
    place among the countries shown; the region's median changes."""
    names = display_names("en", data_dir)
    y1, y2 = years
    out = {"y1": y1, "y2": y2, "n": long["iso3"].nunique(), "country": names[focus]}
    out.update(analysis.median_change(long, y1, y2))
    tii = long[long["component"] == "tii"].pivot(index="iso3", columns="year", values="value")
    out["n_tii_up"] = int((tii[y2] > tii[y1]).sum())
    if focus not in set(long["iso3"]):
        out["focus_sentence"] = f"{names[focus]} is not among the countries shown."
        return out
    egdi = load_egdi(data_dir)
    parts = []
    for year in years:
        weakest, value = analysis.weakest_component(egdi, focus, year)
        place = int(tii[year].rank(ascending=False, method="min")[focus])
        parts.append(
            f"in {year} {names[focus]}'s weakest component was {weakest.upper()} "
            f"({value:.4f}) and its TII ({tii.at[focus, year]:.4f}) was number {place} of "
            f"{int(tii[year].notna().sum())} here"
        )
    still, _ = analysis.weakest_component(egdi, focus, y2)
    verdict = "still" if still == paper.WEAKEST_COMPONENT else "no longer"
    out["focus_sentence"] = (
        parts[0][0].upper() + parts[0][1:] + "; " + parts[1] + ". Infrastructure is "
        f"{verdict} the weakest part of {names[focus]}'s EGDI in {y2}."
    )
    return out


def update(
    baseline_year: int, survey_year: int, fig1_values: dict, focus: str = paper.FOCUS, data_dir=None
) -> dict:
    """Chapter 07: what changed for the focus country between the paper's edition and a
    newer one; ``fig1_values`` are the values glued by chapter 02's run for that edition."""
    names = display_names("en", data_dir)
    egdi = load_egdi(data_dir)
    changes = analysis.component_changes(egdi, focus, baseline_year, survey_year)
    members = region_members(SOUTHEAST_ASIA, data_dir=data_dir)
    before = analysis.rank_within_region(egdi, members, baseline_year)
    after = analysis.rank_within_region(egdi, members, survey_year)
    place_before, place_after = (analysis.place_of(before, focus), analysis.place_of(after, focus))
    was_ahead = set(before.loc[before["regional_rank"] < place_before, "iso3"])
    now_behind = after[(after["regional_rank"] > place_after) & after["iso3"].isin(was_ahead)]
    moves = changes[changes["measure"].isin(analysis.COMPONENTS)]
    top = moves.iloc[0]
    weakest, value = analysis.weakest_component(egdi, focus, survey_year)
    by = changes.set_index("measure")
    return {
        "year": survey_year, "base": baseline_year, "country": names[focus],
        "place": place_after, "place_before": place_before,
        "rank": int(by.at["egdi_rank", "after"]), "rank_before": int(by.at["egdi_rank", "before"]),
        "egdi": float(by.at["egdi", "after"]), "egdi_before": float(by.at["egdi", "before"]),
        "passed": join_and([names[c] for c in now_behind["iso3"]]) or "no country",
        "top_move": top["measure"].upper(), "top_move_by": float(top["change"]),
        "weakest": weakest.upper(), "weakest_value": value,
        "chapter02_sentence": fig1_values["focus_sentence"],
    }  # fmt: skip


def sensitivity(
    table: pd.DataFrame, definitions: list[str], year: int, focus: str = paper.FOCUS, data_dir=None
) -> dict:
    """Chapter 09: the focus country's place under each definition of the region."""
    names = display_names("en", data_dir)
    rows = table.set_index("iso3")
    changed = rows[definitions].nunique(axis=1, dropna=True) > 1
    out = {
        "year": year,
        "n_changed": int(changed.sum()),
        "changed": join_and([names[c] for c in changed[changed].index]) or "no country",
    }
    if focus not in rows.index:
        out["focus_places"] = f"{names[focus]} is in none of these regions"
        out["focus_same"] = "No definition includes it, so it has no place to compare."
        return out
    places = rows.loc[focus, definitions]
    out["focus_places"] = join_and(
        [
            f"{ordinal(int(p))} in {region_name(name)}"
            if pd.notna(p)
            else f"not in {region_name(name)}"
            for name, p in places.items()
        ]
    )
    out["focus_same"] = (
        "Its place is the same under every definition."
        if places.nunique(dropna=False) == 1
        else "Its place depends on the definition."
    )
    return out


def profile(table: pd.DataFrame) -> dict:
    """Chapter 10: one country's series against the world median."""
    t = table.dropna(subset=["egdi"]).set_index("year")
    above = int((t["egdi"] > t["median_egdi_world"]).sum())
    return {
        "country": t["country"].iloc[0], "first": int(t.index.min()), "last": int(t.index.max()),
        "egdi_first": float(t["egdi"].iloc[0]), "egdi_last": float(t["egdi"].iloc[-1]),
        "rank_first": int(t["egdi_rank"].iloc[0]), "rank_last": int(t["egdi_rank"].iloc[-1]),
        "above_world": above, "n": len(t),
    }  # fmt: skip


def _figure_numbers(numbers: list[int]) -> str:
    """[1, 3] -> 'Figures 1 and 3'; [4, 5, 6] -> 'Figures 4-6'; [2] -> 'Figure 2'."""
    if len(numbers) == 1:
        return f"Figure {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 2:
        return f"Figures {numbers[0]}-{numbers[-1]}"
    return "Figures " + join_and([str(n) for n in numbers])


def landing(records: list[dict], data_dir=None) -> dict:
    """The landing page's account of what the book did with each of the paper's figures
    (from the figure catalogue) and with its statements (from the audit)."""
    groups: dict[str, list] = {}
    for figure in paper_figures(data_dir):
        groups.setdefault(figure.rebuilt_from, []).append(figure)
    sentences = []
    for source, group in groups.items():
        numbers = [n for f in group for n in f.numbers]
        subject = "; ".join(f.subject for f in group)
        head = f"{_figure_numbers(numbers)} of the paper ({subject})"
        plural = len(numbers) > 1
        if source == "not-rebuilt":
            sentences.append(
                f"{head} {'are' if plural else 'is'} not rebuilt: pictures of web pages hold "
                "no data to recompute."
            )
        elif source == "paper-text":
            sentences.append(
                f"{head} {'are' if plural else 'is'} redrawn from {REBUILT_FROM[source]}, "
                "the only source found: the chart shows what the paper prints and cannot "
                "check it."
            )
        else:
            sentences.append(
                f"{head} {'are' if plural else 'is'} rebuilt from {REBUILT_FROM[source]}."
            )
    stated = claims.paper_claims(records)
    unverifiable = claims.counts(records)["unverifiable"]
    rebuilt = {
        source: [n for f in group for n in f.numbers]
        for source, group in groups.items()
        if source != "not-rebuilt"
    }
    drawn = sorted(n for numbers in rebuilt.values() for n in numbers)
    sources = join_and(
        [f"{_figure_numbers(numbers)} from {REBUILT_FROM[s]}" for s, numbers in rebuilt.items()]
    )
    not_rebuilt = [n for f in groups.get("not-rebuilt", []) for n in f.numbers]
    scope = f"It redraws {_figure_numbers(drawn)} of the paper ({sources})"
    if not_rebuilt:
        scope += f", explains why {_figure_numbers(not_rebuilt)} cannot be rebuilt"
    scope += (
        f", and checks the paper's statements against the data: {len(stated) - unverifiable} "
        f"of {len(stated)} can be checked."
    )
    return {
        "scope_sentence": scope,
        "figures_sentence": " ".join(sentences),
        "checked_sentence": (
            f"Of the {len(stated)} statements of the paper that the audit lists, "
            f"{len(stated) - unverifiable} are checked against the data and {unverifiable} "
            "cannot be checked with the data the package holds; the report marks those "
            "unverifiable rather than confirmed."
        ),
    }


def median_rule(data_dir=None) -> str:
    """The one statement of which countries a median counts, used by every chapter that
    draws a median; the editions with zeros ranked at the bottom come from the flags."""
    egdi = load_egdi(data_dir, with_flags=True)
    flagged = egdi["flags"].fillna("").str.contains("egdi_zero_as_missing")
    years = sorted({int(y) for y in egdi.loc[flagged & egdi["egdi_rank"].notna(), "year"]})
    rule = (
        "A median counts the countries surveyed in an edition that have a value there: a "
        "country not yet surveyed has none, and a published 0 of the EGDI, HCI or TII is "
        "stored as missing (no data) and left out, never counted as 0."
    )
    if years:
        rule += (
            f" This leaves out countries that the UN ranked, tied at the bottom, with an EGDI "
            f"of 0, in {join_and([str(y) for y in years])}."
        )
    return rule


def rank_ties(year: int, data_dir=None) -> dict:
    """Chapter 01: shared ranks in ``year``, and pairs of countries with the same published
    EGDI but different ranks in any edition (why ranks are never recomputed)."""
    egdi = load_egdi(data_dir)
    names = display_names("en", data_dir)
    shared = egdi[egdi["year"] == year]["egdi_rank"].value_counts()
    pairs = []
    for (edition, _), group in egdi.dropna(subset=["egdi"]).groupby(["year", "egdi"]):
        if len(group) > 1 and group["egdi_rank"].nunique() > 1:
            pairs.append((int(edition), group.sort_values("egdi_rank")))
    by_edition: dict[int, int] = {}
    for edition, _ in pairs:
        by_edition[edition] = by_edition.get(edition, 0) + 1
    example = pairs[-1][1] if pairs else None
    return {
        "shared_ranks": int((shared > 1).sum()),
        "ties_year": year,
        "unequal_ranks": join_and(
            [f"{n} pair{'s' if n > 1 else ''} in {y}" for y, n in sorted(by_edition.items())]
        )
        or "no pair",
        "unequal_example": "no example"
        if example is None
        else join_and([f"{names[r.iso3]} (rank {int(r.egdi_rank)})" for r in example.itertuples()])
        + f", both at {float(example['egdi'].iloc[0]):.4f}",
    }
