"""The reproduction report for people: the audit's records as cards (one per
statement, readable on a phone) and the prose around them, generated from the records
so that a change in the data changes the words too. Each page output carries both
editions (``text.bilingual``); each sentence has its English and Indonesian versions
side by side."""

from __future__ import annotations

from html import escape

from egov_repro.claims import (
    MARKERS,
    VERDICT_NAMES,
    VERDICTS,
    counts,
    follow_ups,
    paper_claims,
    verdict_rules,
)
from egov_repro.labels import check_lang
from egov_repro.text import bilingual, join_and, pick

# How a verdict reads in a sentence ("the world rank is confirmed").
VERDICT_PHRASES = {
    "confirmed": "confirmed",
    "partly": "partly right",
    "differs": "contradicted by the data",
    "unverifiable": "not checkable",
}
VERDICT_PHRASES_ID = VERDICT_NAMES["id"]
# Short names of the statements the landing page sums up.
TOPICS = {
    "sea-place": "the place in Southeast Asia",
    "world-rank": "the world rank",
    "egdi-value": "the EGDI",
}
TOPICS_ID = {
    "sea-place": "urutan di Asia Tenggara",
    "world-rank": "peringkat dunia",
    "egdi-value": "nilai EGDI",
}
HEADINGS = {
    "confirmed": "What holds",
    "partly": "What is partly right",
    "differs": "What the data contradict",
    "unverifiable": "What cannot be checked",
}
HEADINGS_ID = {
    "confirmed": "Yang terkonfirmasi",
    "partly": "Yang sebagian benar",
    "differs": "Yang bertentangan dengan data",
    "unverifiable": "Yang tidak dapat diverifikasi",
}
# The sources the paper gives for its statements (keys of references.bib).
CITED = {
    "databoks2022": "databoks (2022), 'Sistem e-government Indonesia peringkat ke-5 di Asia "
    "Tenggara'",
    "databoks2016": "databoks (2016), chart of the top-10 provinces (PeGI 2016)",
    "aptika": "aptika.kominfo.go.id (Kominfo, Directorate General of Informatics Applications)",
}
CITED_ID = {
    **CITED,
    "databoks2016": "databoks (2016), grafik 10 provinsi teratas (PeGI 2016)",
    "aptika": "aptika.kominfo.go.id (Kominfo, Direktorat Jenderal Aplikasi Informatika)",
}
# The rows of a card, in each language.
CARD_ROWS = {
    "where": ("Where in the paper", "Letak dalam makalah"),
    "paper_words": ("The paper's words", "Kata-kata makalah"),
    "cited_source": ("The paper's source", "Sumber yang dirujuk makalah"),
    "paper_says": ("The paper says", "Menurut makalah"),
    "data_says": ("The data say", "Menurut data"),
    "explanation": ("Why", "Penjelasan"),
}


def _phrases(lang: str) -> dict[str, str]:
    return VERDICT_PHRASES if check_lang(lang) == "en" else VERDICT_PHRASES_ID


def _topics(lang: str) -> dict[str, str]:
    return TOPICS if check_lang(lang) == "en" else TOPICS_ID


def cited_name(key: str | None, lang: str = "en") -> str:
    if key is None:
        return pick(lang, "none given", "tidak disebutkan")
    if key.startswith("un") and key[2:].isdigit():
        return pick(lang, f"UN E-Government Survey {key[2:]}", f"Survei E-Government PBB {key[2:]}")
    return (CITED if lang == "en" else CITED_ID).get(key, key)


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
    parts = [f"{c[v]} {_phrases(lang)[v]}" for v in VERDICTS if c[v]]
    n_follow = len(follow_ups(records))
    return pick(
        lang,
        f"The audit checks **{sum(c.values())} statements of the paper**: "
        f"{join_and(parts)}. {n_follow} follow-up questions, asked of the latest data, are "
        "listed separately and not counted.",
        f"Audit ini memeriksa **{sum(c.values())} pernyataan makalah**: "
        f"{join_and(parts, 'id')}. {n_follow} pertanyaan lanjutan, yang diajukan kepada "
        "data terbaru, dicantumkan terpisah dan tidak ikut dihitung.",
    )


def headline_md(records: list[dict], lang: str = "en") -> str:
    """One sentence on the verdicts of the paper's headline statements (``TOPICS``)."""
    topics, phrases = _topics(lang), _phrases(lang)
    by_verdict: dict[str, list[str]] = {}
    for r in records:
        by_verdict.setdefault(r["verdict"], []).append(topics[r["id"]])
    if len(by_verdict) == 1:
        verdict = next(iter(by_verdict))
        return pick(
            lang,
            f"The paper states each of these ({join_and(topics.values())}), and the audit "
            f"finds every one {phrases[verdict]}.",
            f"Makalah menyebut ketiganya ({join_and(topics.values(), 'id')}), dan audit "
            f"mendapati semuanya {phrases[verdict]}.",
        )
    if lang == "en":
        parts = [
            f"{join_and(t)} {'is' if len(t) == 1 else 'are'} {phrases[v]}"
            for v, t in by_verdict.items()
        ]
        return "Of the paper's values, " + join_and(parts) + "."
    parts = [f"{join_and(t, 'id')} {phrases[v]}" for v, t in by_verdict.items()]
    return "Dari angka-angka makalah itu, " + join_and(parts, "id") + "."


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
        headings = HEADINGS if lang == "en" else HEADINGS_ID
        data = pick(lang, "The data:", "Menurut data:")
        parts = [f'<p class="audit-tally">{_markdown_bold(tally_md(records, lang))}</p>']
        for verdict in VERDICTS:
            group = [r for r in paper_claims(records) if r["verdict"] == verdict]
            if not group:
                continue
            parts.append(
                f"<p><strong>{MARKERS[verdict]} {escape(headings[verdict])} "
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


def _card(record: dict, lang: str = "en") -> str:
    index = 0 if check_lang(lang) == "en" else 1
    values = {
        **record,
        "paper_words": f"«{record['paper_words']}»",
        "cited_source": cited_name(record["cited_source"], lang),
    }
    rows = [(names[index], values[key]) for key, names in CARD_ROWS.items()]
    if record["source"] == "follow-up":
        rows = [r for r in rows if r[0] != CARD_ROWS["cited_source"][index]]
    body = "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in rows)
    verdict = record["verdict"]
    return (
        f'<article class="claim-card verdict-{verdict}" id="{anchor(record)}">'
        f'<p class="claim-verdict"><span aria-hidden="true">{MARKERS[verdict]}</span> '
        f"{escape(VERDICT_NAMES[lang][verdict])}</p>"
        f'<p class="claim-text">{escape(record["claim"])}</p>'
        f"<dl>{body}</dl></article>"
    )


def cards_html(records_by_lang) -> str:
    """One card per record; the layout stacks on a narrow screen (see
    static/egov-repro.css). Given ``{"en": records, "id": records}`` the output holds both
    editions; given one list of (English) records, the English cards alone."""
    if isinstance(records_by_lang, dict):
        return bilingual(
            lambda lang: (
                '<div class="claim-cards">'
                + "".join(_card(r, lang) for r in records_by_lang[lang])
                + "</div>"
            )
        )
    return '<div class="claim-cards">' + "".join(_card(r) for r in records_by_lang) + "</div>"
