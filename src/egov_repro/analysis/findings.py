"""What each chapter says about its figure, as sentences computed from the same data.

The chapters glue these into their prose, so every parameter value (another edition,
region, country or data folder) gives sentences that are true of the figure beside
them, including when the focus country is not in the region.

Each finding is two steps: its facts (numbers, years, ISO3 codes, which case holds),
computed once and in no language, and their wording in one language, rendered from
the message catalogue ``words/messages/findings.toml``. Called with ``lang`` a finding
gives that language's dict of preformatted Markdown strings (the same keys in both
languages); ``notebook.glue_both`` computes the facts once and renders both.
"""

from __future__ import annotations

import functools

import pandas as pd

from egov_repro.analysis import claims, measures, paper
from egov_repro.analysis.regions import SOUTHEAST_ASIA, paper_chart_omissions, region_members
from egov_repro.data import datasets
from egov_repro.data.datasets import load_egdi
from egov_repro.plots.figures import (
    paper_figures,
    rebuilt_from,
    region_name,
    region_phrase,
    southeast_asia_ranking,
)
from egov_repro.words import report, sentences
from egov_repro.words.catalogue import in_words, say
from egov_repro.words.languages import check_language
from egov_repro.words.names import display_names
from egov_repro.words.text import join_and, number, rank_after_word, signed, whole

# The provinces on Java (Figure 2's "on Java" count), by ISO 3166-2 code.
JAVA = ("ID-JK", "ID-JB", "ID-JT", "ID-JI", "ID-YO", "ID-BT")


def finding(facts):
    """Make ``render(facts, lang)`` a finding: ``finding(*args, lang=...)`` computes
    ``facts(*args)`` and renders it in ``lang``; ``.facts`` and ``.render`` let
    ``glue_both`` compute the facts once for both languages."""

    def wrap(render):
        @functools.wraps(facts)
        def call(*args, lang: str = "en", **kwargs):
            return render(facts(*args, **kwargs), check_language(lang))

        call.facts, call.render = facts, render
        return call

    return wrap


# --- chapter 02: where the focus country stands -----------------------------------------


def _ranking_facts(survey_year: int, region: str, focus: str = paper.FOCUS, data_dir=None) -> dict:
    table = southeast_asia_ranking(survey_year, region, "en", data_dir)
    first, last = table.iloc[0], table.iloc[-1]
    row = table[table["iso3"] == focus]
    facts = {
        "year": survey_year, "region": region, "focus": focus, "data_dir": data_dir,
        "n": len(table),
        "place": int(row["regional_rank"].iloc[0]) if len(row) else None,
        "egdi": float(row["egdi"].iloc[0]) if len(row) else None,
        "rank": int(row["egdi_rank"].iloc[0]) if len(row) else None,
        "top": first["iso3"], "top_egdi": first["egdi"], "top_rank": int(first["egdi_rank"]),
        "bottom": last["iso3"], "bottom_egdi": last["egdi"],
        "bottom_rank": int(last["egdi_rank"]),
        "lead": first["egdi"] - table["egdi"].iloc[1] if len(table) > 1 else 0.0,
        "omission": None,
    }  # fmt: skip
    if survey_year == paper.SURVEY_YEAR:
        left_out = table[table["iso3"].isin(paper_chart_omissions(data_dir))]
        omission = {"bars": int(table["in_paper_chart"].sum()), "left_out": []}
        for _, r in left_out.iterrows():
            place = int(r["regional_rank"])
            below = facts["place"] is not None and place == facts["place"] + 1
            omission["left_out"].append(
                {"iso3": r["iso3"], "place": place, "rank": int(r["egdi_rank"]), "below": below}
            )
        if len(left_out) == 1:
            after = int((table["regional_rank"] > left_out["regional_rank"].iloc[0]).sum())
            omission["after"] = after
        facts["omission"] = omission
    return facts


@finding(_ranking_facts)
def ranking(facts: dict, lang: str) -> dict:
    """Chapter 02: where the focus country stands, who leads and closes the region, and
    what the paper's chart leaves out (for the paper's edition)."""
    names = display_names(lang, facts["data_dir"])
    where = region_phrase(facts["region"], lang)
    out = {"n_countries": whole(facts["n"], lang), "year": str(facts["year"]), "region_name": where}
    case = "findings.ranking.absent." if facts["place"] is None else "findings.ranking.focus."
    case += (
        "world" if facts["region"] == "world" else "region"
    )  # the world's countries, or a region's
    out["focus_sentence"] = say(case, lang, **facts, name=names[facts["focus"]], where=where)
    ends = {"top": names[facts["top"]], "bottom": names[facts["bottom"]]}
    out["leader_sentence"] = say("findings.ranking.leader", lang, **{**facts, **ends})
    out["omission_sentence"] = _omission(facts, names, lang)
    return out


_LEFT_OUT = {False: "findings.ranking.left_out", True: "findings.ranking.left_out_below"}


def _omission(facts: dict, names: dict, lang: str) -> str:
    omission = facts["omission"]
    if omission is None:
        return say(
            "findings.ranking.other_edition", lang, paper_year=paper.SURVEY_YEAR, year=facts["year"]
        )
    if not omission["left_out"]:
        return say("findings.ranking.none_left_out", lang, bars=omission["bars"])
    focus = names[facts["focus"]]
    described = [
        say(_LEFT_OUT[c["below"]], lang, **c, name=names[c["iso3"]], focus=focus)
        for c in omission["left_out"]
    ]
    if "after" in omission:
        only = names[omission["left_out"][0]["iso3"]]
        moved = say("findings.ranking.moved_one", lang, after=omission["after"], name=only)
    else:
        moved = say("findings.ranking.moved_many", lang)
    facts = {**omission, "n": facts["n"], "left_out": described, "moved": moved}
    return say("findings.ranking.omission", lang, **facts)


# --- chapter 04: the long series -------------------------------------------------------


def _trend_facts(
    table: pd.DataFrame, survey_year: int, region: str, focus: str = paper.FOCUS, data_dir=None
) -> dict:
    t = table.dropna(subset=["egdi"]).set_index("year")
    median = t.filter(like="median_egdi").iloc[:, 0]
    ranks = t["egdi_rank"].astype(int)
    best, worst = int(ranks.idxmin()), int(ranks.idxmax())
    components = t[measures.COMPONENTS].astype(float)
    tii = components["tii"].dropna()
    facts = {
        "focus": focus, "data_dir": data_dir, "region": region, "year": survey_year,
        "first": int(t.index.min()), "last": int(t.index.max()), "n_editions": len(t),
        "egdi_first": t["egdi"].iloc[0], "egdi_last": t["egdi"].iloc[-1],
        "best_year": best, "best_rank": int(ranks[best]),
        "worst_year": worst, "worst_rank": int(ranks[worst]),
        "below": [int(y) for y in t.index[t["egdi"] < median]],
        "most_stable": (components.max() - components.min()).idxmin().upper(),
        "tii_first": tii.iloc[0], "tii_last": tii.iloc[-1],
        "tii_year_first": int(tii.index[0]), "tii_year_last": int(tii.index[-1]),
        "median_rule": _median_rule_facts(data_dir),
        "marked": None,
    }  # fmt: skip
    if survey_year in t.index:
        weakest = components.loc[survey_year].idxmin()
        facts["marked"] = {
            "egdi": t.at[survey_year, "egdi"],
            "rank": int(t.at[survey_year, "egdi_rank"]),
            "weakest": weakest.upper(),
            "value": components.at[survey_year, weakest],
        }
    return facts


@finding(_trend_facts)
def trend(facts: dict, lang: str) -> dict:
    """Chapter 04: the long series of one country (the table behind Figure 3), and the
    rule for which countries a median counts."""
    name = display_names(lang, facts["data_dir"])[facts["focus"]]
    below = [str(y) for y in facts["below"]]
    out = {
        "country": name,
        "first": str(facts["first"]), "last": str(facts["last"]),
        "n_editions": whole(facts["n_editions"], lang),
        "egdi_first": number(facts["egdi_first"], 4, lang),
        "egdi_last": number(facts["egdi_last"], 4, lang),
        "best_year": str(facts["best_year"]),
        "best_rank": rank_after_word(facts["best_rank"], lang),
        "worst_year": str(facts["worst_year"]),
        "worst_rank": rank_after_word(facts["worst_rank"], lang),
        "below_median": join_and(below, lang) if below else say("findings.trend.no_edition", lang),
        "region_name": region_name(facts["region"], lang),
        "most_stable": facts["most_stable"],
        "marked": str(facts["year"]),
        "median_rule": _median_rule(facts["median_rule"], lang),
    }  # fmt: skip
    return {**out, **sentences.trend(facts, name, lang)}


# --- chapter 08: the components ----------------------------------------------------------


def _components_facts(
    long: pd.DataFrame, years: tuple[int, int], focus: str = paper.FOCUS, data_dir=None
) -> dict:
    y1, y2 = years
    tii = long[long["component"] == "tii"].pivot(index="iso3", columns="year", values="value")
    facts = {
        "years": (y1, y2), "focus": focus, "data_dir": data_dir,
        "n": long["iso3"].nunique(),
        "median_change": measures.median_change(long, y1, y2),
        "n_tii_up": int((tii[y2] > tii[y1]).sum()),
        "parts": None,
    }  # fmt: skip
    if focus in set(long["iso3"]):
        egdi = load_egdi(data_dir)
        facts["parts"] = []
        for year in years:
            weakest, value = measures.weakest_component(egdi, focus, year)
            facts["parts"].append({
                "year": year, "weakest": weakest.upper(), "value": value,
                "place": int(tii[year].rank(ascending=False, method="min")[focus]),
                "shown": int(tii[year].notna().sum()), "tii": tii.at[focus, year],
            })  # fmt: skip
        facts["still"] = measures.weakest_component(egdi, focus, y2)[0] == paper.WEAKEST_COMPONENT
        one, two = facts["parts"]  # the TII's place: told with the count once, then "still"
        moved = (one["place"], one["shown"]) != (two["place"], two["shown"])
        one["told"], two["told"] = "place_first", ("place_other" if moved else "place_same")
    return facts


@finding(_components_facts)
def components(facts: dict, lang: str) -> dict:
    """Chapter 08: the focus country's weakest component in both editions and its TII
    place among the countries shown; the region's median changes."""
    name = display_names(lang, facts["data_dir"])[facts["focus"]]
    y1, y2 = facts["years"]
    out = {"y1": str(y1), "y2": str(y2), "n": in_words(facts["n"], lang), "country": name}
    out.update({k: signed(v, 4, lang) for k, v in facts["median_change"].items()})
    out["n_tii_up"] = in_words(facts["n_tii_up"], lang)
    if facts["parts"] is None:
        out["focus_sentence"] = say("findings.components.absent", lang, name=name)
        return out
    # The weakest is the TII itself: its value once; its place with the count once.
    weakest = {True: "findings.components.weakest_tii", False: "findings.components.weakest_other"}
    parts = [
        say(weakest[p["weakest"] == "TII"], lang, **p, name=name,
            where=say("findings.components." + p["told"], lang, **p))
        for p in facts["parts"]
    ]  # fmt: skip
    closing = "findings.components.still" if facts["still"] else "findings.components.no_longer"
    out["focus_sentence"] = say(
        "findings.components.focus", lang, first=parts[0], second=parts[1],
        closing=say(closing, lang, name=name, year=y2),
    )  # fmt: skip
    return out


# --- chapter 07: the newer edition ----------------------------------------------------------


def _update_facts(
    baseline_year: int, survey_year: int, fig1_values: dict, focus: str = paper.FOCUS,
    data_dir=None,
) -> dict:  # fmt: skip
    egdi = load_egdi(data_dir)
    changes = measures.component_changes(egdi, focus, baseline_year, survey_year)
    members = region_members(SOUTHEAST_ASIA, data_dir=data_dir)
    before = measures.rank_within_region(egdi, members, baseline_year)
    after = measures.rank_within_region(egdi, members, survey_year)
    place_before, place_after = (measures.place_of(before, focus), measures.place_of(after, focus))
    was_ahead = set(before.loc[before["regional_rank"] < place_before, "iso3"])
    now_behind = after[(after["regional_rank"] > place_after) & after["iso3"].isin(was_ahead)]
    top = changes[changes["measure"].isin(measures.COMPONENTS)].iloc[0]
    weakest, value = measures.weakest_component(egdi, focus, survey_year)
    by = changes.set_index("measure")
    return {
        "year": survey_year, "base": baseline_year, "focus": focus, "data_dir": data_dir,
        "place": place_after, "place_before": place_before,
        "rank": int(by.at["egdi_rank", "after"]), "rank_before": int(by.at["egdi_rank", "before"]),
        "egdi": by.at["egdi", "after"], "egdi_before": by.at["egdi", "before"],
        "passed": list(now_behind["iso3"]),
        "top_move": top["measure"].upper(), "top_move_by": top["change"],
        "weakest": weakest.upper(), "weakest_value": value,
        "fig1_values": fig1_values,
    }  # fmt: skip


@finding(_update_facts)
def update(facts: dict, lang: str) -> dict:
    """Chapter 07: what changed for the focus country between the paper's edition and a
    newer one; ``fig1_values`` are the values glued by chapter 02's run for that edition
    (``focus_sentence`` and, glued by ``glue_both``, ``focus_sentence_id``)."""
    names = display_names(lang, facts["data_dir"])
    glued = facts["fig1_values"]
    sentence = glued["focus_sentence"]
    if lang != "en":
        sentence = glued.get(f"focus_sentence_{lang}", sentence)
    return {
        "year": str(facts["year"]), "base": str(facts["base"]), "country": names[facts["focus"]],
        "place": str(facts["place"]), "place_before": str(facts["place_before"]),
        "rank": str(facts["rank"]), "rank_before": str(facts["rank_before"]),
        "egdi": number(facts["egdi"], 4, lang),
        "egdi_before": number(facts["egdi_before"], 4, lang),
        "passed": join_and([names[c] for c in facts["passed"]], lang)
        or say("findings.update.no_country", lang),
        "top_move": facts["top_move"], "top_move_by": signed(facts["top_move_by"], 4, lang),
        "weakest": facts["weakest"], "weakest_value": number(facts["weakest_value"], 4, lang),
        "chapter02_sentence": str(sentence),
        **sentences.update(facts, names, lang),
    }  # fmt: skip


# --- chapter 09: the definitions of the region --------------------------------------------


def _sensitivity_facts(
    table: pd.DataFrame, definitions: list[str], year: int, focus: str = paper.FOCUS,
    data_dir=None,
) -> dict:  # fmt: skip
    rows = table.set_index("iso3")
    changed = rows[definitions].nunique(axis=1, dropna=True) > 1
    facts = {
        "year": year, "focus": focus, "data_dir": data_dir,
        "changed": list(changed[changed].index), "places": None,
    }  # fmt: skip
    if focus in rows.index:
        places = rows.loc[focus, definitions]
        facts["places"] = {r: (int(p) if pd.notna(p) else None) for r, p in places.items()}
        facts["same"] = places.nunique(dropna=False) == 1
    return facts


@finding(_sensitivity_facts)
def sensitivity(facts: dict, lang: str) -> dict:
    """Chapter 09: the focus country's place under each definition of the region."""
    names = display_names(lang, facts["data_dir"])
    out = {
        "year": str(facts["year"]),
        "n_changed": in_words(len(facts["changed"]), lang),
        "changed": join_and([names[c] for c in facts["changed"]], lang)
        or say("findings.sensitivity.no_country", lang),
    }
    if facts["places"] is None:
        out["focus_places"] = say("findings.sensitivity.in_none", lang, name=names[facts["focus"]])
        return out
    rs = [region_name(r, lang) for r in facts["places"]]
    if facts["same"]:  # one place: said once, not once per definition
        place = next(iter(facts["places"].values()))
        out["focus_places"] = say("findings.sensitivity.place_all", lang, place=place, regions=rs)
        return out
    places = [
        say("findings.sensitivity.place_in", lang, place=p, region=region)
        if p is not None
        else say("findings.sensitivity.not_in", lang, region=region)
        for region, p in zip(rs, facts["places"].values(), strict=True)
    ]
    out["focus_places"] = say("findings.sensitivity.places_differ", lang, places=places)
    return out


# --- chapter 10 and chapter 03 -----------------------------------------------------------------


def _profile_facts(table: pd.DataFrame, data_dir=None) -> dict:
    t = table.dropna(subset=["egdi"]).set_index("year")
    return {
        "country": t["country"].iloc[0], "data_dir": data_dir,
        "iso3": t["iso3"].iloc[0] if "iso3" in t.columns else None,
        "first": int(t.index.min()), "last": int(t.index.max()),
        "egdi_first": t["egdi"].iloc[0], "egdi_last": t["egdi"].iloc[-1],
        "rank_first": int(t["egdi_rank"].iloc[0]), "rank_last": int(t["egdi_rank"].iloc[-1]),
        "above_world": int((t["egdi"] > t["median_egdi_world"]).sum()), "n": len(t),
        "median_rule": _median_rule_facts(data_dir),
    }  # fmt: skip


@finding(_profile_facts)
def profile(facts: dict, lang: str) -> dict:
    """Chapter 10: one country's series against the world median, and the rule for which
    countries a median counts."""
    country = facts["country"]
    if lang != "en" and facts["iso3"] is not None:
        country = display_names(lang, facts["data_dir"]).get(facts["iso3"], country)
    return {
        "country": str(country),
        "first": str(facts["first"]), "last": str(facts["last"]),
        "egdi_first": number(facts["egdi_first"], 4, lang),
        "egdi_last": number(facts["egdi_last"], 4, lang),
        "rank_first": rank_after_word(facts["rank_first"], lang),
        "rank_last": rank_after_word(facts["rank_last"], lang),
        "above_world": in_words(facts["above_world"], lang), "n": in_words(facts["n"], lang),
        "median_rule": _median_rule(facts["median_rule"], lang),
    }  # fmt: skip


def _provinces_facts(table: pd.DataFrame) -> dict:
    scores = table["score"]
    ties = table[table.duplicated("score", keep=False)]
    return {
        "top": str(table["province"].iloc[0]), "top_score": scores.iloc[0],
        "last": str(table["province"].iloc[-1]), "last_score": scores.iloc[-1],
        "spread": scores.iloc[0] - scores.iloc[-1], "n": len(table),
        "ties": list(ties["province"]),
        "tie_score": ties["score"].iloc[0] if len(ties) else None,
        "java": int(table["province_code"].isin(JAVA).sum()),
        "low": scores.min(), "high": scores.max(),
    }  # fmt: skip


@finding(_provinces_facts)
def provinces(facts: dict, lang: str) -> dict:
    """Chapter 03: the ten provinces as the paper prints them (the table behind Figure 2)."""
    return {
        "top": facts["top"], "top_score": number(facts["top_score"], 2, lang),
        "last": facts["last"], "last_score": number(facts["last_score"], 2, lang),
        "spread": number(facts["spread"], 2, lang),
        "n": in_words(facts["n"], lang),  # small counts in running prose are words
        "ties": join_and(facts["ties"], lang) or say("findings.provinces.no_ties", lang),
        "tie_score": "–" if facts["tie_score"] is None else number(facts["tie_score"], 2, lang),
        "java": in_words(facts["java"], lang).capitalize(),  # it opens a sentence
        "low": number(facts["low"], 2, lang), "high": number(facts["high"], 2, lang),
    }  # fmt: skip


# --- the landing page ------------------------------------------------------------------------


def _figure_numbers(numbers: list[int], lang: str = "en") -> str:
    """[1, 3] -> 'Figures 1 and 3'; [4, 5, 6] -> 'Figures 4–6'; [2] -> 'Figure 2'
    (Indonesian: 'Gambar 1 dan 3', 'Gambar 4–6', 'Gambar 2')."""
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        listed = f"{numbers[0]}–{numbers[-1]}"  # a range, with the en dash
    else:
        listed = join_and([str(n) for n in numbers], lang)
    return say("findings.figure_numbers", lang, numbers=listed, count=len(numbers))


def _landing_facts(records: list[dict], data_dir=None) -> dict:
    groups: dict[str, list] = {}
    for figure in paper_figures(data_dir):
        groups.setdefault(figure.rebuilt_from, []).append(figure)
    stated = claims.paper_claims(records)
    unverifiable = claims.counts(records)["unverifiable"]
    return {
        "groups": groups, "editions": datasets.editions(data_dir),
        "n": len(stated), "checked": len(stated) - unverifiable, "unverifiable": unverifiable,
    }  # fmt: skip


_REBUILT = {
    "not-rebuilt": "findings.landing.not_rebuilt",
    "paper-text": "findings.landing.paper_text",
}


@finding(_landing_facts)
def landing(facts: dict, lang: str) -> dict:
    """The landing page's account of what the book did with each of the paper's figures
    (from the figure catalogue) and with its statements (from the audit)."""
    groups, years = facts["groups"], facts["editions"]
    sentences = []
    for source, group in groups.items():
        extended = [f for f in group if f.extended]
        group = [f for f in group if not f.extended]
        if not group:
            continue
        numbers = [n for f in group for n in f.numbers]
        head = say(
            "findings.landing.head", lang, figures=_figure_numbers(numbers, lang),
            subjects="; ".join(f.subject(lang) for f in group),
        )  # fmt: skip
        key = _REBUILT.get(source, "findings.landing.rebuilt")
        named = rebuilt_from(source, lang) if source != "not-rebuilt" else ""
        sentences.append(
            (group[0].numbers[0], say(key, lang, head=head, source=named, count=len(numbers)))
        )
        for figure in extended:
            text = say(
                "findings.landing.extended", lang,
                figures=_figure_numbers(list(figure.numbers), lang),
                subject=figure.subject(lang), first=years[0], last=years[-1],
            )  # fmt: skip
            sentences.append((figure.numbers[0], text))
    rebuilt = {
        source: [n for f in group for n in f.numbers]
        for source, group in groups.items()
        if source != "not-rebuilt"
    }
    drawn = _figure_numbers(sorted(n for numbers in rebuilt.values() for n in numbers), lang)
    sources = join_and(
        [
            say("findings.landing.source", lang, figures=_figure_numbers(numbers, lang),
                source=rebuilt_from(s, lang))
            for s, numbers in rebuilt.items()
        ],
        lang,
    )  # fmt: skip
    not_rebuilt = [n for f in groups.get("not-rebuilt", []) for n in f.numbers]
    counts = {"n": facts["n"], "checked": facts["checked"]}
    if not_rebuilt:
        scope = say(
            "findings.landing.scope_not_rebuilt", lang, drawn=drawn, sources=sources,
            not_rebuilt=_figure_numbers(not_rebuilt, lang), **counts,
        )  # fmt: skip
    else:
        scope = say("findings.landing.scope", lang, drawn=drawn, sources=sources, **counts)
    return {
        "scope_sentence": scope,
        "figures_sentence": " ".join(text for _, text in sorted(sentences)),
        "checked_sentence": say(
            "findings.landing.checked", lang, unverifiable=facts["unverifiable"], **counts
        ),
    }


def _intro_facts(data_dir=None) -> dict:
    return {"data_dir": data_dir, "version": datasets.data_version(data_dir),
            "n_editions": len(datasets.editions(data_dir)),
            "latest_year": datasets.latest_edition(data_dir)}  # fmt: skip


@finding(_intro_facts)
def intro(facts: dict, lang: str) -> dict:
    """The landing page (intro.ipynb): the paper's headline values as the audit finds
    them, the newest edition, the omission from the paper's chart, the weakest component
    then and now, the audit in one line and the account of what the book does. (The
    audit's own sentences come from ``claims``, in ``lang``.)"""
    data_dir = facts["data_dir"]
    listed = claims.audit(data_dir, lang)
    records = {r["id"]: r for r in listed}
    omission = claims.figure1_omission(data_dir, lang)
    return {
        "summary": claims.summary_line(listed, lang),
        "version": facts["version"],
        "n_editions": whole(facts["n_editions"], lang),
        "place": str(records["sea-place"]["data_says"]),
        "rank": str(records["world-rank"]["data_value"]),
        "egdi": number(records["egdi-value"]["data_value"], 4, lang),
        "paper_year": str(paper.SURVEY_YEAR),
        "latest_year": str(facts["latest_year"]),
        "headline": report.headline_md([records[k] for k in report.TOPICS], lang),
        "latest_place": str(records["sea-place-latest"]["data_says"]),
        "weakest_then": str(records["weakest-component"]["data_value"]),
        "weakest_now": str(records["weakest-component-latest"]["data_says"]),
        **landing(listed, data_dir, lang=lang),
        **{f"omission_{k}": v for k, v in omission.items()},
    }


# --- chapter 01: the data package ------------------------------------------------------------


def _dataset_facts(ties_year: int = paper.SURVEY_YEAR, data_dir=None) -> dict:
    egdi = load_egdi(data_dir, with_flags=True)
    coverage = datasets.coverage(data_dir)
    flags = egdi["flags"].fillna("")
    return {
        "version": datasets.data_version(data_dir),
        "n_editions": len(coverage), "n_rows": len(egdi),
        "n_countries": egdi["iso3"].nunique(),
        "first": int(coverage["year"].min()), "last": int(coverage["year"].max()),
        "not_surveyed": int(flags.str.contains("not_surveyed").sum()),
        "zero_missing": int(flags.str.count("zero_as_missing").sum()),
        "above_one": int(flags.str.contains("above_one").sum()),
        # The schema's upper bound for the HCI: a tolerance for the published values.
        "hci_bound": _schema_maximum("hci", data_dir),
        "median_rule": _median_rule_facts(data_dir),
        "ties": _rank_ties_facts(ties_year, data_dir),
    }  # fmt: skip


@finding(_dataset_facts)
def dataset(facts: dict, lang: str) -> dict:
    """Chapter 01: the data package in numbers (version, editions, rows, countries, the
    flagged values), the median rule and the shared ranks of ``ties_year``."""
    return {
        "version": facts["version"], "first": str(facts["first"]), "last": str(facts["last"]),
        **{key: whole(facts[key], lang) for key in ("n_editions", "n_rows", "n_countries")},
        # Small counts in running prose are words.
        **{k: in_words(facts[k], lang) for k in ("not_surveyed", "zero_missing", "above_one")},
        "hci_bound": number(facts["hci_bound"], 1, lang),
        "median_rule": _median_rule(facts["median_rule"], lang),
        **rank_ties.render(facts["ties"], lang),
    }  # fmt: skip


def _schema_maximum(column: str, data_dir=None) -> float:
    egdi = datasets.resource(datasets.read_descriptor(data_dir), "egdi")
    field = next(f for f in egdi["schema"]["fields"] if f["name"] == column)
    return float(field["constraints"]["maximum"])


# --- chapter 06: the audit in numbers -----------------------------------------------------


def _audit_facts(records_by_lang: dict | None = None, data_dir=None) -> dict:
    return {"records_by_lang": records_by_lang or {}, "data_dir": data_dir}


@finding(_audit_facts)
def audit_values(facts: dict, lang: str) -> dict:
    """Chapter 06: how many statements the audit lists, the verdict on places 6 to 10
    (named in ``lang``) and the omission from the paper's Figure 1."""
    data_dir = facts["data_dir"]
    records = facts["records_by_lang"].get(lang) or claims.audit(data_dir, lang)
    by_id = {r["id"]: r for r in records}
    return {
        "n_paper": whole(len(claims.paper_claims(records)), lang),
        "places_verdict": claims.VERDICT_NAMES[lang][by_id["places-6-to-10"]["verdict"]],
        "not_audited": not_audited(lang),
        **claims.figure1_omission(data_dir, lang),
    }


def not_audited(lang: str = "en") -> str:
    """The statements of the paper the audit leaves out (``paper.NOT_AUDITED``), each
    with its key words and place, and why: no table of the package bears on them."""
    check_language(lang)
    items = [
        say(
            "findings.not_audited.item",
            lang,
            what=say("findings.not_audited.what." + key, lang),
            words=words,
            where=claims.where_in(where, lang),
        )
        for where, words, key in paper.NOT_AUDITED
    ]
    return say("findings.not_audited.sentence", lang, n=len(items), items="; ".join(items))


# --- the median rule, and shared ranks -------------------------------------------------------


def _median_rule_facts(data_dir=None) -> list[int]:
    """The editions in which the UN ranked countries with an EGDI of 0 (left out of a
    median)."""
    egdi = load_egdi(data_dir, with_flags=True)
    flagged = egdi["flags"].fillna("").str.contains("egdi_zero_as_missing")
    return sorted({int(y) for y in egdi.loc[flagged & egdi["egdi_rank"].notna(), "year"]})


def _median_rule(years: list[int], lang: str) -> str:
    rule = say("findings.median_rule.rule", lang)
    if years:
        rule += " " + say("findings.median_rule.zeros", lang, years=[str(y) for y in years])
    return rule


median_rule = finding(_median_rule_facts)(_median_rule)
median_rule.__doc__ = """The one statement of which countries a median counts, used by
every chapter that draws a median; the editions with zeros ranked at the bottom come
from the flags."""


def _rank_ties_facts(year: int, data_dir=None) -> dict:
    egdi = load_egdi(data_dir)
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
        "year": year, "data_dir": data_dir,
        "shared": int((shared > 1).sum()),
        "by_edition": sorted(by_edition.items()),
        "example": None if example is None else {
            "members": [(r.iso3, int(r.egdi_rank)) for r in example.itertuples()],
            "value": example["egdi"].iloc[0],
        },
    }  # fmt: skip


@finding(_rank_ties_facts)
def rank_ties(facts: dict, lang: str) -> dict:
    """Chapter 01: shared ranks in ``year``, and pairs of countries with the same published
    EGDI but different ranks in any edition (why ranks are never recomputed)."""
    names = display_names(lang, facts["data_dir"])
    unequal = join_and(
        [say("findings.ties.pairs", lang, count=n, year=y) for y, n in facts["by_edition"]],
        lang,
    ) or say("findings.ties.no_pair", lang)
    example = facts["example"]
    if example is None:
        described = say("findings.ties.no_example", lang)
    else:
        members = [
            say("findings.ties.member", lang, name=names[iso3], rank=rank)
            for iso3, rank in example["members"]
        ]
        described = say("findings.ties.example", lang, members=members, value=example["value"])
    return {
        "shared_ranks": in_words(facts["shared"], lang),
        "ties_year": str(facts["year"]),
        "unequal_ranks": unequal,
        "unequal_example": described,
    }
