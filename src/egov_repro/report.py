"""The reproduction report for people: the audit's records as cards (one per
statement, readable on a phone) and the prose around them, generated from the records
so that a change in the data changes the words too. Each page output carries both
editions (``text.bilingual``); each sentence has its English and Indonesian versions
side by side."""

from __future__ import annotations

from html import escape

from egov_repro import paper
from egov_repro.claims import (
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
from egov_repro.labels import check_lang
from egov_repro.text import bilingual, in_words, join_and, pick

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
# What we identified each credited source as (keys of references.bib): our reading,
# shown apart from the credit as the paper gives it (``paper.CREDITS``).
CITED = {
    "databoks2022": "the databoks chart of 2022, 'Sistem e-government Indonesia peringkat "
    "ke-5 di Asia Tenggara', which reports the UN E-Government Survey 2022",
    "databoks2016": "a databoks chart of 2016, not found; that its numbers are scores of "
    "Kominfo's e-government ranking (PeGI) is our inference",
    "aptika": "the site of Kominfo's Directorate General of Informatics Applications "
    "(Ditjen Aptika); the paper names no page of it. The same address is the only credit "
    "for the paragraph before Figure 3, which we identified as a Ditjen Aptika news item of "
    "October 2022; whether this sentence comes from that item too we have not checked, so "
    "we identify it only as the site",
    "aptika2022": "a Ditjen Aptika news item of October 2022, which the paragraph follows "
    "almost word for word (its title counts the rise as '11 peringkat')",
}
CITED_ID = {
    "databoks2022": "grafik databoks tahun 2022, “Sistem e-government Indonesia peringkat "
    "ke-5 di Asia Tenggara”, yang melaporkan Survei E-Government PBB 2022",
    "databoks2016": "grafik databoks tahun 2016 yang tidak ditemukan; bahwa angka-angkanya "
    "merupakan skor pemeringkatan e-government Kominfo (PeGI) adalah dugaan kami",
    "aptika": "situs Direktorat Jenderal Aplikasi Informatika (Ditjen Aptika) Kominfo; "
    "makalah tidak menyebut halaman mana pun dari situs itu. Alamat yang sama menjadi "
    "satu-satunya rujukan bagi paragraf sebelum Gambar 3, yang kami kenali sebagai berita "
    "Ditjen Aptika bulan Oktober 2022; apakah kalimat ini juga berasal dari berita itu "
    "belum kami periksa, sehingga kami hanya mengenalinya sebagai situs itu",
    "aptika2022": "berita Ditjen Aptika bulan Oktober 2022, yang hampir kata demi kata diikuti "
    "paragraf itu (judulnya menyebut kenaikan itu “11 peringkat”)",
}
# The rows of a card, in each language.
CARD_ROWS = {
    "where": ("Where in the paper", "Letak dalam makalah"),
    "paper_words": ("The paper's words", "Kata-kata makalah"),
    "credited": ("The paper's source, as it gives it", "Sumber menurut makalah"),
    "cited_source": ("Identified as (ours)", "Hasil penelusuran kami"),
    "paper_says": ("The paper says", "Menurut makalah"),
    "data_says": ("The data say", "Menurut data"),
    "explanation": ("Why", "Penjelasan"),
}
# The rows of a follow-up's card: no verdict, the paper's edition beside the newest.
FOLLOW_UP_ROWS = {
    "where": ("Asks again", "Mengajukan lagi"),
    "baseline": ("In {year}, the paper's edition", "Pada {year}, edisi makalah"),
    "data_says": ("In {year}", "Pada {year}"),
    "explanation": ("What changed", "Apa yang berubah"),
}
RELATED = ("See also", "Lihat juga")


def _phrases(lang: str) -> dict[str, str]:
    return VERDICT_PHRASES if check_lang(lang) == "en" else VERDICT_PHRASES_ID


def _topics(lang: str) -> dict[str, str]:
    return TOPICS if check_lang(lang) == "en" else TOPICS_ID


def credited_name(key: str | None, lang: str = "en") -> str:
    """The credit as the paper gives it (``paper.CREDITS``), in ``lang``."""
    if key is None:
        return pick(lang, "none given", "tidak disebutkan")
    return paper.CREDITS[key][0 if check_lang(lang) == "en" else 1]


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
    note = same_slip_note(records, lang)
    parts = [
        f"{c[v]} {_phrases(lang)[v]}" + (note if v == "partly" else "") for v in VERDICTS if c[v]
    ]
    n_follow = len(follow_ups(records))
    return pick(
        lang,
        f"The audit checks **{sum(c.values())} statements of the paper**: "
        f"{join_and(parts)}. {in_words(n_follow).capitalize()} follow-up questions, asked of "
        "the latest data, are "
        "listed separately and not counted.",
        f"Audit ini memeriksa **{sum(c.values())} pernyataan makalah**: "
        f"{join_and(parts, 'id')}. {in_words(n_follow, 'id').capitalize()} pertanyaan "
        "lanjutan, yang diajukan kepada "
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


def _links(record: dict, claims_by_id: dict, index: int) -> str:
    """The cards a record refers to, each named by its statement, as links."""
    links = [
        f'<a href="#claim-{escape(key)}">{escape(claims_by_id[key]["claim"])}</a>'
        for key in record["related"]
        if key in claims_by_id
    ]
    if not links:
        return ""
    return f"<dt>{escape(RELATED[index])}</dt><dd>{'; '.join(links)}</dd>"


def _card(record: dict, lang: str = "en", claims_by_id: dict | None = None) -> str:
    index = 0 if check_lang(lang) == "en" else 1
    claims_by_id = claims_by_id or {}
    if record["source"] == "follow-up":
        return _follow_up_card(record, lang, claims_by_id)
    values = {
        **record,
        "paper_words": f"«{record['paper_words']}»",
        "credited": credited_name(record["credited"], lang),
        "cited_source": cited_name(record["cited_source"], lang),
    }
    rows = [(names[index], values[key]) for key, names in CARD_ROWS.items()]
    if record["credited"] is None:  # nothing credited, nothing identified
        rows = [r for r in rows if r[0] != CARD_ROWS["cited_source"][index]]
    body = "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in rows)
    body += _links(record, claims_by_id, index)
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
    index = 0 if lang == "en" else 1
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
        (FOLLOW_UP_ROWS["where"][index], where),
        (FOLLOW_UP_ROWS["baseline"][index].format(year=then["year"]), escape(then["says"])),
        (FOLLOW_UP_ROWS["data_says"][index].format(year=latest), escape(record["data_says"])),
        (FOLLOW_UP_ROWS["explanation"][index], escape(record["explanation"])),
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
