"""Sentences of the chapters' findings that change shape with the facts (how many
countries, which way a value moved), so that none reads as a template with one item."""

from __future__ import annotations

from egov_repro.words.catalogue import say


def trend(facts: dict, name: str, lang: str) -> dict:
    """Chapter 04: the marked edition and the TII's path. The TII is spelled out where it
    is first named: in the marked edition's sentence when it is the weakest component."""
    marked = facts["marked"]
    if marked is None:
        return {
            "marked_sentence": say("findings.trend.no_egdi", lang, name=name, year=facts["year"]),
            "tii_sentence": say("findings.trend.tii", lang, **facts),
        }
    named = marked["weakest"] == "TII"
    key = "findings.trend.marked_tii" if named else "findings.trend.marked"
    return {
        "marked_sentence": say(key, lang, year=facts["year"], **marked),
        "tii_sentence": say(f"findings.trend.{'tii_named' if named else 'tii'}", lang, **facts),
    }


def update(facts: dict, names: dict, lang: str) -> dict:
    """Chapter 07: the countries that fell behind the focus country (none, one or several)
    and the component that moved most, its direction in words rather than a sign."""
    passed = [names[c] for c in facts["passed"]]
    which = {0: "passed_none", 1: "passed_one"}.get(len(passed), "passed_many")
    by = facts["top_move_by"]
    move = "top_move_up" if by > 0 else "top_move_down" if by < 0 else "top_move_none"
    return {
        "passed_sentence": say(
            f"findings.update.{which}",
            lang,
            country=names[facts["focus"]],
            base=facts["base"],
            names=passed,
            n=len(passed),
        ),
        "top_move_sentence": say(
            f"findings.update.{move}", lang, measure=facts["top_move"], by=abs(by)
        ),
    }
