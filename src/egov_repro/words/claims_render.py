"""The audit's words: each statement's facts (``claims.statements``) rendered in one
language from the message catalogue ``words/messages/claims.toml``.

A renderer per statement picks the messages its facts call for (which parts hold, what
is missing) and fills them; names come from ``names.display_names``, numbers, ordinals
and lists from the catalogue's formats. No sentence is written here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from egov_repro.analysis import paper
from egov_repro.analysis.claims_context import FOLLOW_UP_MARKER, MARKERS, VERDICTS
from egov_repro.words.catalogue import in_words, say
from egov_repro.words.languages import LANGUAGES, check_language
from egov_repro.words.names import display_names
from egov_repro.words.text import join_and, number, ordinal

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


class _VerdictNames(Mapping):
    """``VERDICT_NAMES[lang][verdict]``: how each verdict is named in each edition (the
    keys stay English everywhere), from the catalogue."""

    def __getitem__(self, lang: str) -> dict[str, str]:
        return {v: say("claims.verdict." + v, check_language(lang)) for v in VERDICTS}

    def __iter__(self):
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


VERDICT_NAMES = _VerdictNames()


def verdict_rules(lang: str = "en") -> dict[str, str]:
    """The verdict scale in ``lang``: what each verdict means."""
    return {v: say("claims.verdict_rule." + v, check_language(lang)) for v in VERDICTS}


def follow_up_label(record: dict, lang: str = "en") -> str:
    """'changed since 2022' / 'unchanged since 2022' (no verdict on the paper)."""
    state = "changed" if record["changed"] else "unchanged"
    return say("claims.follow_up." + state, lang, year=record["baseline"]["year"])


# Where a passage stands in the paper: the English phrases of ``paper.PASSAGES``' "where"
# by their message, longest first where one holds another.
WHERE_PARTS = (
    "abstract",
    "first_subsection",
    "subsection",
    "second_paragraph_after_figures_4_6",
    "after_figures_4_6_first_problem_area",
    "paragraph_after_figure",
    "third_paragraph",
    "paragraph_before_figure",
    "seventh_recommendation",
)


def where_in(where: str, lang: str = "en") -> str:
    """Where a passage stands in the paper, in ``lang`` (the paper's headings stay as
    the paper prints them, quoted as the language quotes)."""
    if check_language(lang) == "en":
        return where
    for part in WHERE_PARTS:
        where = where.replace(say("claims.where." + part, "en"), say("claims.where." + part, lang))
    # The paper's headings ('…') and words («…») in the language's quotation marks.
    quoted = re.compile(r"'([^']*)'|«([^»]*)»")
    return quoted.sub(lambda m: say("claims.where.quoted", lang, words=m[1] or m[2]), where)


class _Words:
    """One statement's messages in one language: ``w("claim", year=2022)`` renders
    ``claims.<statement>.claim`` (``prefix`` is "claims.<statement>.")."""

    def __init__(self, prefix: str, lang: str, names: dict[str, str]):
        self.prefix, self.lang, self.names = prefix, lang, names

    def __call__(self, part: str, **facts) -> str:
        return say(self.prefix + part, self.lang, **facts)

    def name(self, iso3: str) -> str:
        return self.names[iso3]

    def place_rank(self, row: dict) -> str:
        """'Viet Nam (6th, world rank 86)'."""
        return say(
            "claims.country_place_rank",
            self.lang,
            name=self.name(row["iso3"]),
            place=row["place"],
            rank=row["rank"],
        )

    def num(self, value, decimals: int = 4) -> str:
        return number(value, decimals, self.lang)


def _share(w: _Words, holding: int, total: int) -> str:
    """How many of a list's parts hold, to open a sentence: "All four of the", "None of
    the five", "Three of the four" (``claims.share.*``)."""
    few = 1 < total <= 10  # Indonesian words "all of a few" apart from "all of many"
    if holding == total:
        return say("claims.share.all_few" if few else "claims.share.all_many", w.lang, n=total)
    if holding == 0:
        return say("claims.share.none_few" if few else "claims.share.none_many", w.lang, n=total)
    return say("claims.share.some", w.lang, k=holding, n=total)


def _decimal(value: float, lang: str) -> str:
    """A number as typed (0.4, 4), with the decimal separator of ``lang``."""
    text = f"{value:g}"
    return text if lang == "en" else text.replace(".", ",")


def _components(w: _Words, components: dict[str, float]) -> list[str]:
    return [f"{c.upper()} {w.num(v)}" for c, v in components.items()]


# --- one renderer per statement: facts in, the four text fields out -----------------


def _sea_place(w, f, r):
    return {
        "claim": w("claim", place=f["stated"], year=f["year"]),
        "paper_says": ordinal(f["stated"], w.lang),
        "data_says": ordinal(f["place"], w.lang),
        "explanation": w("explanation", **f),
    }


def _region_leader(w, f, r):
    name, runner_up = w.name(f["leader"]), w.name(f["runner_up"])
    every = f["led"] == f["shown"]  # "all 11 editions", not "11 of 11"
    editions = w("editions_all" if every else "editions_some", **f)
    return {
        "claim": w("claim", name=name, year=f["year"]),
        "paper_says": w("paper_says", name=name, year=f["year"]),
        "data_says": w("data_says_all" if every else "data_says", name=name, **f),
        "explanation": w(
            "explanation", **{**f, "name": name, "runner_up": runner_up, "editions": editions}
        ),
    }


def _top_four(w, f, r):
    stated = [w.name(c) for c in f["stated"]]
    return {
        "claim": w("claim", four=stated, focus=w.name(paper.FOCUS), year=f["year"]),
        "paper_says": ", ".join(stated),
        "data_says": ", ".join(w.name(c) for c in f["ahead"]),
        "explanation": w(
            "explanation",
            share=_share(w, f["holding"], f["total"]),
            order=[w.place_rank(row) for row in f["order"]],
        ),
    }


def _egdi_value(w, f, r):
    return {
        "claim": w("claim", **f),
        "paper_says": w.num(f["stated"]),
        "data_says": w.num(f["value"]),
        "explanation": w("explanation", **f),
    }


def _world_rank(w, f, r):
    return {
        "claim": w("claim", **f),
        "paper_says": w("paper_says", **f),
        "data_says": w("data_says", **f),
        "explanation": w("explanation", **f),
    }


def _earlier_rank_year(w, f, r):
    note = "" if f["stated_year_is_an_edition"] else w("no_edition", **f) + " "
    move = dict(zip(("move_year", "move_from", "move_to_year", "move_to"), f["move"], strict=True))
    return {
        "claim": w("claim", **f),
        "paper_says": w("rank_in", rank=f["stated_rank"], year=f["stated_year"]),
        "data_says": w("rank_in", rank=f["previous_rank"], year=f["previous"]),
        "explanation": note + w("explanation", **f, **move),
    }


def _rise(w, f, r):
    period = w("period_holds", **f) if f["period_holds"] else w("period_differs", **f)
    size = w("size_holds") if f["size_holds"] else w("size_differs", places=f["places"])
    return {
        "claim": w("claim", **f),
        "paper_says": w("paper_says", **f),
        "data_says": w("data_says", **f),
        "explanation": w("explanation", **f, size=size, period=period),
    }


def _places_6_to_10(w, f, r):
    omission = ""
    if f["left_out"]:
        missing = [w.place_rank(row) for row in f["left_out"]]
        if len(f["left_out"]) == 1:
            only = w.name(f["left_out"][0]["iso3"])
            moved = w("moved_one", after=f["after"], name=only)
        else:
            moved = w("moved_many")
        omission = w("left_out", missing=missing) + " " + moved + " "
    in_data = [f"{w.name(c)} {ordinal(p, w.lang)}" for c, p in f["found"].items()]
    return {
        "claim": w("claim", listed=[w.name(c) for c in f["stated"]]),
        "paper_says": ", ".join(
            f"{w.name(c)} {ordinal(p, w.lang)}" for c, p in f["stated"].items()
        ),
        "data_says": ", ".join(in_data),
        "explanation": omission
        + w(
            "explanation", share=_share(w, f["holding"], f["total"]), n=f["total"], in_data=in_data
        ),
    }


def _laos(w, f, r):
    below = _decimal(f["below"], w.lang)
    values = {
        "name": w.name(f["country"]),
        "below": below,
        "year": f["year"],
        "egdi": f["value"],
        "share": f["percent"],
    }
    position = w("index_below") if f["index_below"] else w("index_not_below")
    conclusion = w("percent_below" if f["percent_below"] else "percent_not_below", below=below)
    return {
        "claim": w("claim", **values),
        "paper_says": w("paper_says", below=below, unit=say("claims.unit." + f["unit"], w.lang)),
        "data_says": w("data_says", **values),
        "explanation": w("explanation", **values, position=position, conclusion=conclusion),
    }


def _provinces_top10(w, f, r):
    if f["primary"]:
        data_says = ", ".join(f["top"])
        compared = w("compared", holding=f["holding"], total=f["total"])
    else:
        data_says, compared = w("no_primary_table"), w("not_compared")
    return {
        "claim": w("claim", names=f["names"]),
        "paper_says": ", ".join(f["names"]),
        "data_says": data_says,
        "explanation": compared,
    }


def _provinces_unit(w, f, r):
    unit = say("claims.unit." + f["unit"], w.lang)
    if f["primary"]:
        maximum = _decimal(f["primary_max"], w.lang)
        data_says = w("primary_unit", unit=f["primary_unit"], maximum=maximum)
        settled = w("settled")
    else:
        data_says, settled = w("unit_not_in_data"), w("not_settled")
    return {
        "claim": w("claim"),
        "paper_says": w("paper_says", low=f["low"], high=f["high"], unit=unit),
        "data_says": data_says,
        "explanation": w("explanation", low=f["low"], high=f["high"]) + " " + settled,
    }


def _rank_move(w, f, r):
    return {
        "claim": w("claim", **f),
        "paper_says": w("move", was=f["start_rank"], now=f["end_rank"], **f),
        "data_says": w("move", was=f["found_start"], now=f["found_end"], **f),
        "explanation": w("explanation", **f),
    }


def _rank_keeps_rising(w, f, r):
    worse = [w("worse_step", **step) for step in f["worse"]]
    tail = w("worse_in", worse=worse, n=len(worse)) if worse else "."
    return {
        "claim": w("claim", year=f["year"]),
        "paper_says": w("paper_says"),
        "data_says": w("data_says", since=f["since"], worse=len(worse), steps=f["steps"]),
        "explanation": w("explanation", **{**f, "path": " → ".join(str(n) for n in f["path"])})
        + tail,
    }


def _weakest_component(w, f, r):
    parts = _components(w, f["components"])
    return {
        "claim": w("claim", stated=f["stated"], year=f["year"]),
        "paper_says": w("paper_says"),
        "data_says": w("data_says", weakest=f["weakest"], year=f["year"]),
        "explanation": w("explanation", **f, parts=parts),
    }


def _portals_rated(w, f, r):
    return {
        "claim": w("claim", portals=f["portals"]),
        "paper_says": w("paper_says"),
        "data_says": w("data_says"),
        "explanation": w("explanation", portals=f["portals"]),
    }


# A country the paper names by a word we only read as that country, by its ISO3 code:
# as the paper says it, and in the context list of world ranks.
_READ_AS = "claims.success_and_failure_countries.read_as."
_READ_AS_RANKED = "claims.success_and_failure_countries.read_as_ranked."


def _read_as(w, iso3: str, name: str, form: str) -> str:
    """A named country as the card shows it: the data's name, or, where the paper's word
    is only our reading of it (paper.OUR_READINGS: «Amerika» read as the United States),
    the paper's word with that reading marked as ours."""
    if iso3 not in paper.OUR_READINGS:
        return name
    return say(form + iso3, w.lang, words=paper.OUR_READINGS[iso3])


def _successes_and_failures(w, f, r):
    data = r["data_value"]
    named = {
        c: w.names.get(c) or paper.NOT_IN_THE_DATA.get(c, {}).get(w.lang, c) for c in f["ranks"]
    }
    median, year = f["median"], f["year"]

    def described(codes) -> list[str]:
        return [f"{named[c]} ({w.num(f['values'][c])})" for c in codes]

    holds = w(
        "groups_apart" if data["groups_apart"] else "groups_overlap",
        year=year,
        good=f["good"][0],
        best=f["good"][1],
        bad=f["bad"][0],
        worst=f["bad"][1],
    )
    low, high = data["successes_below_median"], data["failures_above_median"]
    against = ""
    if low:
        against += " " + w("successes_below", countries=described(low), year=year, median=median)
    if high:
        against += " " + w("failures_above", countries=described(high), median=median)
    if not low and not high:
        against = " " + w("all_in_place", year=year, median=median)
    absent = [named[c] for c in f["absent"]]
    missing = " " + w("not_surveyed", countries=absent) if absent else ""
    listed = "; ".join(
        f"{_read_as(w, c, named[c], _READ_AS_RANKED)} {ordinal(r, w.lang)}"
        for c, r in f["ranks"].items()
        if r is not None
    )
    context = (
        w("context_absent", year=year, listed=listed, absent=absent, median=median)
        if absent
        else w("context", year=year, listed=listed, median=median)
    )
    successes = [_read_as(w, c, named[c], _READ_AS) for c in f["successes"]]
    failures = [_read_as(w, c, named[c], _READ_AS) for c in f["failures"]]
    return {
        "claim": w("claim", successes=successes, failures=failures),
        "paper_says": w("paper_says", successes=", ".join(successes), failures=", ".join(failures)),
        "data_says": context,
        "explanation": w("explanation", year=year) + " " + holds + against + missing,
    }


def _sea_place_latest(w, f, r):
    if f["place"] == f["then"]:
        change = w("same", **f)
    else:
        change = w("moved_up" if f["place"] < f["then"] else "moved_down", **f)
    return {
        "claim": w("claim", **f),
        "baseline_says": ordinal(f["then"], w.lang),
        "data_says": ordinal(f["place"], w.lang),
        "explanation": w("explanation", **f, change=change),
    }


def _weakest_component_latest(w, f, r):
    same = f["weakest"] == f["then"]
    lowest = w("lowest_same" if same else "lowest_now", **f)
    change, year = f["tii_change"], f["year"]
    # The size of the TII's change as printed (4 decimals) decides rose / fell / same.
    shown = number(abs(change), 4, "en")
    direction = "tii_same" if float(shown) == 0 else ("tii_up" if change > 0 else "tii_down")
    tii = w(direction, change=abs(change), year=year)
    return {
        "claim": w("claim", **f),
        "baseline_says": f["then"],
        "data_says": f["weakest"],
        "explanation": w(
            "explanation", **f, parts=_components(w, f["components"]), lowest=lowest, tii=tii
        ),
    }


# Each statement: the prefix of its messages in claims.toml, and its renderer.
RENDERERS = {
    "sea-place": ("claims.sea_place.", _sea_place),
    "region-leader": ("claims.region_leader.", _region_leader),
    "top-four-order": ("claims.top_four_order.", _top_four),
    "egdi-value": ("claims.egdi_value.", _egdi_value),
    "world-rank": ("claims.world_rank.", _world_rank),
    "earlier-rank-year": ("claims.earlier_rank_year.", _earlier_rank_year),
    "rise": ("claims.rise.", _rise),
    "places-6-to-10": ("claims.places_6_to_10.", _places_6_to_10),
    "laos-below-0.4": ("claims.laos_below_0_4.", _laos),
    "provinces-top10-2016": ("claims.provinces_top10_2016.", _provinces_top10),
    "provinces-unit-2016": ("claims.provinces_unit_2016.", _provinces_unit),
    "rank-2020-to-2022": ("claims.rank_2020_to_2022.", _rank_move),
    "rank-keeps-rising": ("claims.rank_keeps_rising.", _rank_keeps_rising),
    "weakest-component": ("claims.weakest_component.", _weakest_component),
    "portals-rated-very-good": ("claims.portals_rated_very_good.", _portals_rated),
    "success-and-failure-countries": (
        "claims.success_and_failure_countries.",
        _successes_and_failures,
    ),
    "sea-place-latest": ("claims.sea_place_latest.", _sea_place_latest),
    "weakest-component-latest": ("claims.weakest_component_latest.", _weakest_component_latest),
}


def render(statements: list[dict], lang: str, data_dir=None) -> list[dict]:
    """The audit's records (``FIELDS``) in ``lang``, from the statements' facts."""
    names = display_names(lang, data_dir)
    return [_record(s, lang, names) for s in statements]


def _record(s: dict, lang: str, names: dict[str, str]) -> dict:
    prefix, renderer = RENDERERS[s["id"]]
    text = renderer(_Words(prefix, lang, names), s["facts"], s)
    follows = s["source"] == "follow-up"
    passage = paper.PASSAGES[s["follows"] if follows else s["id"]]
    baseline = s["baseline"] and {
        "year": s["baseline"]["year"],
        "says": text["baseline_says"],
        "value": s["baseline"]["value"],
    }
    return {
        "id": s["id"],
        "source": s["source"],
        "claim": text["claim"],
        "where": where_in(passage.where, lang),
        "paper_words": passage.words,
        "credited": None if follows else passage.credited,
        "cited_source": s["cited_source"] if follows else passage.cited_source,
        "paper_says": None if follows else text["paper_says"],
        "data_says": text["data_says"],
        "paper_value": s["paper_value"],
        "data_value": s["data_value"],
        "verdict": s["verdict"],
        "explanation": text["explanation"],
        "related": list(s["related"]),
        "baseline": baseline,
        "changed": s["changed"],
    }


def figure1_effect(lang, data_dir, *, year, n_chart, left_out, above, places, ranks) -> dict:
    """``claims.figure1_omission`` in ``lang``: every value a preformatted string."""
    names = display_names(lang, data_dir)
    focus = names[paper.FOCUS]
    if above:
        effect = say("claims.figure1.moves", lang, focus=focus, above=[names[c] for c in above])
    elif len(left_out) == 1:
        effect = say("claims.figure1.one_below", lang, focus=focus, only=names[left_out[0]])
    else:
        effect = say("claims.figure1.all_below", lang, focus=focus)
    return {
        "year": str(year),
        "n_chart": in_words(n_chart, lang),
        "focus_effect": effect,
        "left_out": join_and([names[c] for c in left_out], lang)
        or say("claims.figure1.no_country", lang),
        "left_out_place": ", ".join(str(p) for p in places) or "-",
        "left_out_rank": ", ".join(str(r) for r in ranks) or "-",
    }


def format_table(records: list[dict], lang: str = "en") -> str:
    """A plain-text listing for the terminal: one block per record, nothing cut; the
    labels are the record's field names, the verdict in ``lang``."""
    blocks = []
    for r in records:
        if r["source"] == "follow-up":
            then = r["baseline"]
            blocks.append(
                say(
                    "claims.listing.follow_up",
                    lang,
                    marker=FOLLOW_UP_MARKER,
                    label=f"{follow_up_label(r, lang).upper():<12}",
                    id=r["id"],
                    source=r["source"],
                    claim=r["claim"],
                    where=r["where"],
                    year=then["year"],
                    then=then["says"],
                    now=r["data_says"],
                )
            )
            continue
        blocks.append(
            say(
                "claims.listing.statement",
                lang,
                marker=MARKERS[r["verdict"]],
                verdict=f"{VERDICT_NAMES[lang][r['verdict']].upper():<12}",
                id=r["id"],
                source=r["source"],
                claim=r["claim"],
                where=r["where"],
                words=r["paper_words"],
                paper=r["paper_says"],
                data=r["data_says"],
            )
        )
    return "\n\n".join(blocks)
