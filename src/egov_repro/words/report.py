"""The reproduction report for people: the audit's records as cards (one per
statement, readable on a phone) and the prose around them, generated from the records
so that a change in the data changes the words too. Each page output carries both
editions (``text.bilingual``); the words are the catalogue's (words/messages/report.toml),
both languages side by side."""

from __future__ import annotations

from html import escape

from egov_repro.analysis import paper
from egov_repro.analysis.claims import (
    FOLLOW_UP_MARKER,
    MARKERS,
    VERDICT_NAMES,
    VERDICTS,
    counts,
    follow_up_label,
    follow_ups,
    paper_claims,
    same_slip_note,
    verdict_rules,
)
from egov_repro.words.catalogue import say
from egov_repro.words.languages import check_language
from egov_repro.words.text import bilingual

# The statements the landing page sums up (their names: report.topic.<id>).
TOPICS = ("sea-place", "world-rank", "egdi-value")
# The fields of a card, in order (their names: report.card.<field>).
CARD_ROWS = (
    "where",
    "paper_words",
    "credited",
    "cited_source",
    "paper_says",
    "data_says",
    "explanation",
)


def _phrase(verdict: str, lang: str) -> str:
    """How a verdict reads in a sentence ("the world rank is confirmed")."""
    return say("report.verdict_phrase." + verdict, lang)


def _topic(key: str, lang: str) -> str:
    return say("report.topic." + key, lang)


def credited_name(key: str | None, lang: str = "en") -> str:
    """The credit as the paper gives it (``paper.CREDITS``), in ``lang``."""
    if key is None:
        return say("report.credit.none", lang)
    return say("report.credit." + key, lang, **paper.CREDITS[key])


def cited_name(key: str | None, lang: str = "en") -> str:
    """What we identified a credited source as (our reading, report.cited.<key>)."""
    if key is None:
        return say("report.credit.none", lang)
    if key.startswith("un") and key[2:].isdigit():
        return say("report.cited.un_survey", lang, year=key[2:])
    try:
        return say("report.cited." + key, lang)
    except LookupError:
        return key


def anchor(record: dict) -> str:
    return f"claim-{record['id']}"


def verdict_scale_html() -> str:
    """The verdict scale as the page shows it, in both editions."""

    def render(lang: str) -> str:
        names, rules = VERDICT_NAMES[lang], verdict_rules(lang)
        items = "".join(
            f"<li>{MARKERS[v]} <strong>{escape(names[v])}</strong>: {escape(rules[v])}.</li>"
            for v in VERDICTS
        )
        return f'<ul class="verdict-scale">{items}</ul>'

    return bilingual(render)


def tally_md(records: list[dict], lang: str = "en") -> str:
    """The tally of the paper's statements, once, in words."""
    c = counts(records)
    note = same_slip_note(records, lang)
    parts = [
        say(
            "report.tally.part",
            lang,
            count=c[v],
            phrase=_phrase(v, lang),
            note=note if v == "partly" else "",
        )
        for v in VERDICTS
        if c[v]
    ]
    n_follow = len(follow_ups(records))
    checked = say("report.tally.checked", lang, total=sum(c.values()), parts=parts)
    return checked + " " + say("report.tally.follow_ups", lang, count=n_follow)


def headline_md(records: list[dict], lang: str = "en") -> str:
    """One sentence on the verdicts of the paper's headline statements (``TOPICS``)."""
    by_verdict: dict[str, list[str]] = {}
    for r in records:
        by_verdict.setdefault(r["verdict"], []).append(_topic(r["id"], lang))
    if len(by_verdict) == 1:
        verdict = next(iter(by_verdict))
        topics = [_topic(key, lang) for key in TOPICS]
        return say("report.headline.all", lang, topics=topics, phrase=_phrase(verdict, lang))
    groups = [
        say("report.headline.group", lang, count=len(t), topics=t, phrase=_phrase(v, lang))
        for v, t in by_verdict.items()
    ]
    return say("report.headline.mixed", lang, groups=groups)


def _markdown_bold(text: str) -> str:
    """The tally's **bold** as HTML, the rest escaped."""
    pieces = escape(text).split("**")
    return "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(pieces))


def summary_html(records_by_lang: dict[str, list[dict]]) -> str:
    """The tally of the paper's statements and one section per verdict, each statement
    linked to its card, with what the data say; in both editions (``{"en": records,
    "id": records}`` from ``claims.audit(lang=...)``)."""

    def render(lang: str) -> str:
        records = records_by_lang[lang]
        data = say("report.summary.data", lang)
        parts = [f'<p class="audit-tally">{_markdown_bold(tally_md(records, lang))}</p>']
        for verdict in VERDICTS:
            group = [r for r in paper_claims(records) if r["verdict"] == verdict]
            if not group:
                continue
            parts.append(
                f"<p><strong>{MARKERS[verdict]} {escape(say('report.heading.' + verdict, lang))} "
                f"({len(group)}).</strong></p>"
            )
            parts.append(
                "<ul>"
                + "".join(
                    f'<li><a href="#{anchor(r)}">{escape(r["claim"])}</a> {data} '
                    f"{escape(str(r['data_says']))}.</li>"
                    for r in group
                )
                + "</ul>"
            )
        return "".join(parts)

    return bilingual(render)


def _links(record: dict, claims_by_id: dict, lang: str) -> str:
    """The cards a record refers to, each named by its statement, as links."""
    links = [
        f'<a href="#claim-{escape(key)}">{escape(claims_by_id[key]["claim"])}</a>'
        for key in record["related"]
        if key in claims_by_id
    ]
    if not links:
        return ""
    return f"<dt>{escape(say('report.card.related', lang))}</dt><dd>{'; '.join(links)}</dd>"


def _card(record: dict, lang: str = "en", claims_by_id: dict | None = None) -> str:
    check_language(lang)
    claims_by_id = claims_by_id or {}
    if record["source"] == "follow-up":
        return _follow_up_card(record, lang, claims_by_id)
    values = {
        **record,
        "paper_words": say("report.card.quoted", lang, words=record["paper_words"]),
        "credited": credited_name(record["credited"], lang),
        "cited_source": cited_name(record["cited_source"], lang),
    }
    fields = [f for f in CARD_ROWS if f != "cited_source" or record["credited"] is not None]
    body = "".join(
        f"<dt>{escape(say('report.card.' + f, lang))}</dt><dd>{escape(str(values[f]))}</dd>"
        for f in fields
    )  # nothing credited, nothing identified: no "identified as" row
    body += _links(record, claims_by_id, lang)
    verdict = record["verdict"]
    return (
        f'<article class="claim-card verdict-{verdict}" id="{anchor(record)}">'
        f'<p class="claim-verdict"><span aria-hidden="true">{MARKERS[verdict]}</span> '
        f"{escape(VERDICT_NAMES[lang][verdict])}</p>"
        f'<p class="claim-text">{escape(record["claim"])}</p>'
        f"<dl>{body}</dl></article>"
    )


def _follow_up_card(record: dict, lang: str, claims_by_id: dict) -> str:
    """A follow-up: the paper's question asked of newer data, with no verdict on the
    paper; the statement it asks again is linked by its words, never by its id."""
    then = record["baseline"]
    latest = record["cited_source"].removeprefix("un")  # the edition asked: un<year>
    asked = [claims_by_id[k] for k in record["related"] if k in claims_by_id]
    where = record["where"]
    if asked:
        where = (
            f'<a href="#claim-{escape(asked[0]["id"])}">{escape(asked[0]["claim"])}</a> '
            f"({escape(where)})"
        )
    else:
        where = escape(where)
    rows = [
        (say("report.follow_up.where", lang), where),
        (say("report.follow_up.baseline", lang, year=then["year"]), escape(then["says"])),
        (say("report.follow_up.data_says", lang, year=latest), escape(record["data_says"])),
        (say("report.follow_up.explanation", lang), escape(record["explanation"])),
    ]
    body = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return (
        f'<article class="claim-card follow-up" id="{anchor(record)}">'
        f'<p class="claim-verdict"><span aria-hidden="true">{FOLLOW_UP_MARKER}</span> '
        f"{escape(follow_up_label(record, lang))}</p>"
        f'<p class="claim-text">{escape(record["claim"])}</p>'
        f"<dl>{body}</dl></article>"
    )


def cards_html(records_by_lang, all_records=None) -> str:
    """One card per record; the layout stacks on a narrow screen (see
    static/egov-repro.css). Given ``{"en": records, "id": records}`` the output holds both
    editions; given one list of (English) records, the English cards alone. A card links
    the cards it refers to, looked up in ``all_records`` (same shape; default: the
    records given)."""
    if isinstance(records_by_lang, dict):
        every = all_records or records_by_lang

        def render(lang: str) -> str:
            by_id = {r["id"]: r for r in every[lang]}
            cards = "".join(_card(r, lang, by_id) for r in records_by_lang[lang])
            return f'<div class="claim-cards">{cards}</div>'

        return bilingual(render)
    by_id = {r["id"]: r for r in (all_records or records_by_lang)}
    return (
        '<div class="claim-cards">'
        + "".join(_card(r, "en", by_id) for r in records_by_lang)
        + "</div>"
    )
