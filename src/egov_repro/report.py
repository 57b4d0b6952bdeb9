"""The reproduction report for people: the audit's records as cards (one per
statement, readable on a phone) and the prose around them, generated from the records
so that a change in the data changes the words too."""

from __future__ import annotations

from html import escape

from egov_repro.claims import MARKERS, VERDICT_RULES, VERDICTS, counts, follow_ups, paper_claims
from egov_repro.text import join_and

# How a verdict reads in a sentence ("the world rank is confirmed").
VERDICT_PHRASES = {
    "confirmed": "confirmed",
    "partly": "partly right",
    "differs": "contradicted by the data",
    "unverifiable": "not checkable",
}
# Short names of the statements the landing page sums up.
TOPICS = {
    "sea-place": "the place in Southeast Asia",
    "world-rank": "the world rank",
    "egdi-value": "the EGDI",
}
HEADINGS = {
    "confirmed": "What holds",
    "partly": "What is partly right",
    "differs": "What the data contradict",
    "unverifiable": "What cannot be checked",
}
# The sources the paper gives for its statements (keys of references.bib).
CITED = {
    "databoks2022": "databoks (2022), 'Sistem e-government Indonesia peringkat ke-5 di Asia "
    "Tenggara'",
    "databoks2016": "databoks (2016), chart of the top-10 provinces (PeGI 2016)",
    "aptika": "aptika.kominfo.go.id (Kominfo, Directorate General of Informatics Applications)",
}


def cited_name(key: str | None) -> str:
    if key is None:
        return "none given"
    if key.startswith("un") and key[2:].isdigit():
        return f"UN E-Government Survey {key[2:]}"
    return CITED.get(key, key)


def anchor(record: dict) -> str:
    return f"claim-{record['id']}"


def verdict_scale_md() -> str:
    """The one verdict scale, as a Markdown list."""
    return "\n".join(f"- {MARKERS[v]} **{v}**: {VERDICT_RULES[v]}." for v in VERDICTS) + "\n"


def tally_md(records: list[dict]) -> str:
    """The tally of the paper's statements, once, in words."""
    c = counts(records)
    parts = [f"{c[v]} {VERDICT_PHRASES[v]}" for v in VERDICTS if c[v]]
    return (
        f"The audit checks **{sum(c.values())} statements of the paper**: {join_and(parts)}. "
        f"{len(follow_ups(records))} follow-up questions, asked of the latest data, are listed "
        "separately and not counted."
    )


def headline_md(records: list[dict]) -> str:
    """One sentence on the verdicts of the paper's headline statements (``TOPICS``)."""
    by_verdict: dict[str, list[str]] = {}
    for r in records:
        by_verdict.setdefault(r["verdict"], []).append(TOPICS[r["id"]])
    if len(by_verdict) == 1:
        verdict = next(iter(by_verdict))
        return (
            f"The paper states each of these ({join_and(TOPICS.values())}), and the audit "
            f"finds every one {VERDICT_PHRASES[verdict]}."
        )
    parts = [
        f"{join_and(topics)} {'is' if len(topics) == 1 else 'are'} {VERDICT_PHRASES[v]}"
        for v, topics in by_verdict.items()
    ]
    return "Of the paper's values, " + join_and(parts) + "."


def summary_md(records: list[dict]) -> str:
    """The tally of the paper's statements and one section per verdict, each statement
    linked to its card, with what the data say."""
    lines = [tally_md(records)]
    for verdict in VERDICTS:
        group = [r for r in paper_claims(records) if r["verdict"] == verdict]
        if not group:
            continue
        lines.append(f"\n**{MARKERS[verdict]} {HEADINGS[verdict]} ({len(group)}).**\n")
        lines += [f"- [{r['claim']}](#{anchor(r)}) The data: {r['data_says']}." for r in group]
    return "\n".join(lines) + "\n"


def _card(record: dict) -> str:
    rows = [
        ("Where in the paper", record["where"]),
        ("The paper's words", f"«{record['paper_words']}»"),
        ("The paper's source", cited_name(record["cited_source"])),
        ("The paper says", record["paper_says"]),
        ("The data say", record["data_says"]),
        ("Why", record["explanation"]),
    ]
    if record["source"] == "follow-up":
        rows = [r for r in rows if r[0] != "The paper's source"]
    body = "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in rows)
    verdict = record["verdict"]
    return (
        f'<article class="claim-card verdict-{verdict}" id="{anchor(record)}">'
        f'<p class="claim-verdict"><span aria-hidden="true">{MARKERS[verdict]}</span> '
        f"{escape(verdict)}</p>"
        f'<p class="claim-text">{escape(record["claim"])}</p>'
        f"<dl>{body}</dl></article>"
    )


def cards_html(records: list[dict]) -> str:
    """One card per record; the layout stacks on a narrow screen (see static/egov-repro.css)."""
    return '<div class="claim-cards">' + "".join(_card(r) for r in records) + "</div>"
