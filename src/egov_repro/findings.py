"""What each chapter says about its figure, as sentences computed from the same data.

The chapters glue these into their prose, so every parameter value (another edition,
region, country or data folder) gives sentences that are true of the figure beside
them, including when the focus country is not in the region.

Every function takes ``lang`` ("en" or "id") and returns a dict of preformatted
Markdown strings, numbers formatted by ``egov_repro.text``: the same keys and the same
numbers in both languages. Chapters glue both with ``notebook.glue_both``. Each
sentence is written twice, English first, side by side.
"""

from __future__ import annotations

import pandas as pd

from egov_repro import analysis, claims, datasets, paper, report
from egov_repro.datasets import load_egdi
from egov_repro.figures import (
    REBUILT_FROM,
    REBUILT_FROM_ID,
    paper_figures,
    region_name,
    region_phrase,
    southeast_asia_ranking,
)
from egov_repro.labels import check_lang
from egov_repro.names import display_names
from egov_repro.regions import SOUTHEAST_ASIA, paper_chart_omissions, region_members
from egov_repro.text import in_words, join_and, number, ordinal, pick, signed, whole

# The provinces on Java (Figure 2's "on Java" count), by ISO 3166-2 code.
JAVA = ("ID-JK", "ID-JB", "ID-JT", "ID-JI", "ID-YO", "ID-BT")


def _countries_of(region: str, lang: str) -> str:
    """'negara Asia Tenggara', 'negara di dunia' (Indonesian prose only)."""
    return "negara di dunia" if region == "world" else f"negara {region_name(region, lang)}"


def ranking(
    survey_year: int, region: str, focus: str = paper.FOCUS, data_dir=None, lang: str = "en"
) -> dict:
    """Chapter 02: where the focus country stands, who leads and closes the region, and
    what the paper's chart leaves out (for the paper's edition)."""
    check_lang(lang)
    table = southeast_asia_ranking(survey_year, region, lang, data_dir)
    names = display_names(lang, data_dir)
    where = region_phrase(region, lang)
    n = len(table)
    out = {"n_countries": whole(n, lang), "year": str(survey_year), "region_name": where}
    row = table[table["iso3"] == focus]
    if row.empty:
        out["focus_sentence"] = pick(
            lang,
            f"{names[focus]} is not among the {n} countries of {where} in {survey_year}, so "
            "the chart highlights no country.",
            f"{names[focus]} tidak termasuk {n} {_countries_of(region, lang)} pada "
            f"{survey_year}, sehingga grafik tidak menyorot negara mana pun.",
        )
    else:
        r = row.iloc[0]
        place, egdi, rank = int(r["regional_rank"]), number(r["egdi"], 4, lang), int(r["egdi_rank"])
        out["focus_sentence"] = pick(
            lang,
            f"Of the {n} countries of {where}, {names[focus]} is number {place}, with an EGDI "
            f"of {egdi} and world rank {rank}.",
            f"{names[focus]} berada di urutan ke-{place} dari {n} {_countries_of(region, lang)}, "
            f"dengan EGDI {egdi} dan peringkat ke-{rank} dunia.",
        )
    first, last = table.iloc[0], table.iloc[-1]
    lead = number(first["egdi"] - table["egdi"].iloc[1] if n > 1 else 0.0, 4, lang)
    top, bottom = names[first["iso3"]], names[last["iso3"]]
    top_egdi, bottom_egdi = number(first["egdi"], 4, lang), number(last["egdi"], 4, lang)
    top_rank, bottom_rank = int(first["egdi_rank"]), int(last["egdi_rank"])
    out["leader_sentence"] = pick(
        lang,
        f"{top} leads (EGDI {top_egdi}, world rank {top_rank}, {lead} ahead of the next "
        f"country) and {bottom} closes the list ({bottom_egdi}, world rank {bottom_rank}).",
        f"{top} berada di urutan teratas (EGDI {top_egdi}, peringkat ke-{top_rank} dunia, "
        f"unggul {lead} atas negara berikutnya), sedangkan {bottom} berada di urutan "
        f"terakhir ({bottom_egdi}, peringkat ke-{bottom_rank} dunia).",
    )
    out["omission_sentence"] = _omission(table, survey_year, focus, names, data_dir, lang)
    return out


def _omission(
    table: pd.DataFrame, survey_year: int, focus: str, names: dict, data_dir, lang: str
) -> str:
    if survey_year != paper.SURVEY_YEAR:
        return pick(
            lang,
            f"The paper's chart is of {paper.SURVEY_YEAR}; for {survey_year} there is no "
            "chart of the paper to compare with.",
            f"Grafik makalah adalah grafik {paper.SURVEY_YEAR}; untuk {survey_year} tidak ada "
            "grafik makalah yang dapat dibandingkan.",
        )
    left_out = table[table["iso3"].isin(paper_chart_omissions(data_dir))]
    in_chart = int(table["in_paper_chart"].sum())
    if left_out.empty:
        return pick(
            lang,
            f"No country of this region is missing from the paper's chart ({in_chart} bars).",
            f"Tidak ada negara kawasan ini yang terlewat dari grafik makalah ({in_chart} batang).",
        )
    focus_row = table[table["iso3"] == focus]
    described = []
    for _, r in left_out.iterrows():
        place, rank = int(r["regional_rank"]), int(r["egdi_rank"])
        text = pick(
            lang,
            f"{names[r['iso3']]}, which stands at place {place} (world rank {rank})",
            f"{names[r['iso3']]}, yang berada di urutan ke-{place} (peringkat ke-{rank} dunia)",
        )
        if not focus_row.empty and place == int(focus_row["regional_rank"].iloc[0]) + 1:
            text += pick(
                lang, f", directly below {names[focus]}", f", tepat di bawah {names[focus]}"
            )
        described.append(text)
    if len(left_out) == 1:
        only = left_out.iloc[0]
        after = in_words(int((table["regional_rank"] > only["regional_rank"]).sum()), lang)
        moved = pick(
            lang,
            f"Each of the {after} countries after {names[only['iso3']]} is placed one step too "
            "high in the paper.",
            f"Masing-masing dari {after} negara sesudah {names[only['iso3']]} ditempatkan satu "
            "urutan terlalu tinggi dalam makalah.",
        )
    else:
        moved = pick(
            lang,
            "Each country ranked below one that is left out is placed too high in the paper.",
            "Setiap negara yang peringkatnya di bawah negara yang terlewat ditempatkan terlalu "
            "tinggi dalam makalah.",
        )
    return pick(
        lang,
        f"The paper's chart has {in_chart} bars where this region has {len(table)}: it leaves "
        f"out {join_and(described)}. The gap comes from the databoks chart the paper "
        f"reproduces. {moved}",
        f"Grafik makalah memuat {in_chart} batang, padahal kawasan ini terdiri atas "
        f"{len(table)} negara: grafik itu melewatkan {join_and(described, lang)}. Ketiadaan "
        f"negara itu berasal dari grafik databoks yang direproduksi makalah. {moved}",
    )


def trend(
    table: pd.DataFrame,
    survey_year: int,
    region: str,
    focus: str = paper.FOCUS,
    data_dir=None,
    lang: str = "en",
) -> dict:
    """Chapter 04: the long series of one country (the table behind Figure 3), and the
    rule for which countries a median counts."""
    check_lang(lang)
    names = display_names(lang, data_dir)
    t = table.dropna(subset=["egdi"]).set_index("year")
    median = t.filter(like="median_egdi").iloc[:, 0]
    ranks = t["egdi_rank"].astype(int)
    best, worst = int(ranks.idxmin()), int(ranks.idxmax())
    below = [str(y) for y in t.index[t["egdi"] < median]]
    components = t[analysis.COMPONENTS].astype(float)
    marked = t.loc[survey_year] if survey_year in t.index else None
    out = {
        "country": names[focus],
        "first": str(int(t.index.min())), "last": str(int(t.index.max())),
        "n_editions": whole(len(t), lang),
        "egdi_first": number(t["egdi"].iloc[0], 4, lang),
        "egdi_last": number(t["egdi"].iloc[-1], 4, lang),
        "best_year": str(best), "best_rank": str(int(ranks[best])),
        "worst_year": str(worst), "worst_rank": str(int(ranks[worst])),
        "below_median": join_and(below, lang)
        if below
        else pick(lang, "no edition", "tidak ada edisi"),
        "region_name": region_name(region, lang),
        "most_stable": (components.max() - components.min()).idxmin().upper(),
        "marked": str(survey_year),
        "median_rule": median_rule(data_dir, lang),
    }  # fmt: skip
    tii = components["tii"].dropna()
    tii_first, tii_last = number(tii.iloc[0], 4, lang), number(tii.iloc[-1], 4, lang)
    year_first, year_last = int(tii.index[0]), int(tii.index[-1])
    out["tii_sentence"] = pick(
        lang,
        f"The telecommunication infrastructure index (TII) went from {tii_first} in "
        f"{year_first} to {tii_last} in {year_last}.",
        f"Indeks Infrastruktur Telekomunikasi (TII) berubah dari {tii_first} pada {year_first} "
        f"menjadi {tii_last} pada {year_last}.",
    )
    if marked is None:
        out["marked_sentence"] = pick(
            lang,
            f"{names[focus]} has no EGDI in {survey_year}.",
            f"{names[focus]} tidak memiliki EGDI pada {survey_year}.",
        )
        return out
    weakest = components.loc[survey_year].idxmin()
    egdi, rank = number(marked["egdi"], 4, lang), int(marked["egdi_rank"])
    value = number(components.at[survey_year, weakest], 4, lang)
    out["marked_sentence"] = pick(
        lang,
        f"In {survey_year}, the marked edition, the EGDI was {egdi} and the world rank "
        f"{rank}; the weakest component was {weakest.upper()} ({value}).",
        f"Pada {survey_year}, edisi yang ditandai, EGDI-nya {egdi} dan peringkat dunianya "
        f"ke-{rank}; komponen terlemahnya adalah {weakest.upper()} ({value}).",
    )
    return out


def components(
    long: pd.DataFrame,
    years: tuple[int, int],
    focus: str = paper.FOCUS,
    data_dir=None,
    lang: str = "en",
) -> dict:
    """Chapter 08: the focus country's weakest component in both editions and its TII
    place among the countries shown; the region's median changes."""
    check_lang(lang)
    names = display_names(lang, data_dir)
    y1, y2 = years
    out = {
        "y1": str(y1),
        "y2": str(y2),
        "n": whole(long["iso3"].nunique(), lang),
        "country": names[focus],
    }
    out.update({k: signed(v, 4, lang) for k, v in analysis.median_change(long, y1, y2).items()})
    tii = long[long["component"] == "tii"].pivot(index="iso3", columns="year", values="value")
    out["n_tii_up"] = whole(int((tii[y2] > tii[y1]).sum()), lang)
    if focus not in set(long["iso3"]):
        out["focus_sentence"] = pick(
            lang,
            f"{names[focus]} is not among the countries shown.",
            f"{names[focus]} tidak termasuk negara yang ditampilkan.",
        )
        return out
    egdi = load_egdi(data_dir)
    parts = []
    for year in years:
        weakest, value = analysis.weakest_component(egdi, focus, year)
        place = int(tii[year].rank(ascending=False, method="min")[focus])
        shown = int(tii[year].notna().sum())
        value, own_tii = number(value, 4, lang), number(tii.at[focus, year], 4, lang)
        if weakest == "tii":  # the weakest is the TII itself: its value once
            text = pick(
                lang,
                f"in {year} {names[focus]}'s weakest component was the TII ({value}), "
                f"number {place} of {shown} here",
                f"pada {year} komponen terlemah {names[focus]} adalah TII ({value}), yang "
                f"berada di urutan ke-{place} dari {shown} negara yang ditampilkan",
            )
        else:
            text = pick(
                lang,
                f"in {year} {names[focus]}'s weakest component was the {weakest.upper()} "
                f"({value}), while its TII ({own_tii}) was number {place} of {shown} here",
                f"pada {year} komponen terlemah {names[focus]} adalah {weakest.upper()} "
                f"({value}), sedangkan TII-nya ({own_tii}) berada di urutan ke-{place} dari "
                f"{shown} negara yang ditampilkan",
            )
        parts.append(text)
    still, _ = analysis.weakest_component(egdi, focus, y2)
    if lang == "en":
        verdict = "still" if still == paper.WEAKEST_COMPONENT else "no longer"
        closing = f"Infrastructure is {verdict} the weakest part of {names[focus]}'s EGDI in {y2}."
    else:
        verdict = "masih" if still == paper.WEAKEST_COMPONENT else "tidak lagi"
        closing = f"Pada {y2}, infrastruktur {verdict} menjadi bagian terlemah EGDI {names[focus]}."
    out["focus_sentence"] = parts[0][0].upper() + parts[0][1:] + "; " + parts[1] + ". " + closing
    return out


def update(
    baseline_year: int,
    survey_year: int,
    fig1_values: dict,
    focus: str = paper.FOCUS,
    data_dir=None,
    lang: str = "en",
) -> dict:
    """Chapter 07: what changed for the focus country between the paper's edition and a
    newer one; ``fig1_values`` are the values glued by chapter 02's run for that edition
    (``focus_sentence`` and, glued by ``glue_both``, ``focus_sentence_id``)."""
    check_lang(lang)
    names = display_names(lang, data_dir)
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
    sentence = fig1_values["focus_sentence"]
    if lang == "id":
        sentence = fig1_values.get("focus_sentence_id", sentence)
    return {
        "year": str(survey_year), "base": str(baseline_year), "country": names[focus],
        "place": str(place_after), "place_before": str(place_before),
        "rank": str(int(by.at["egdi_rank", "after"])),
        "rank_before": str(int(by.at["egdi_rank", "before"])),
        "egdi": number(by.at["egdi", "after"], 4, lang),
        "egdi_before": number(by.at["egdi", "before"], 4, lang),
        "passed": join_and([names[c] for c in now_behind["iso3"]], lang)
        or pick(lang, "no country", "tidak ada negara"),
        "top_move": top["measure"].upper(), "top_move_by": signed(top["change"], 4, lang),
        "weakest": weakest.upper(), "weakest_value": number(value, 4, lang),
        "chapter02_sentence": str(sentence),
    }  # fmt: skip


def sensitivity(
    table: pd.DataFrame,
    definitions: list[str],
    year: int,
    focus: str = paper.FOCUS,
    data_dir=None,
    lang: str = "en",
) -> dict:
    """Chapter 09: the focus country's place under each definition of the region."""
    check_lang(lang)
    names = display_names(lang, data_dir)
    rows = table.set_index("iso3")
    changed = rows[definitions].nunique(axis=1, dropna=True) > 1
    out = {
        "year": str(year),
        "n_changed": in_words(int(changed.sum()), lang),
        "changed": join_and([names[c] for c in changed[changed].index], lang)
        or pick(lang, "no country", "tidak ada negara"),
    }
    if focus not in rows.index:
        out["focus_places"] = pick(
            lang,
            f"{names[focus]} is in none of these regions",
            f"{names[focus]} tidak termasuk kawasan mana pun dari definisi-definisi ini",
        )
        out["focus_same"] = pick(
            lang,
            "No definition includes it, so it has no place to compare.",
            "Tidak ada definisi yang mencakupnya, sehingga tidak ada urutan yang dapat "
            "dibandingkan.",
        )
        return out
    places = rows.loc[focus, definitions]
    out["focus_places"] = join_and(
        [
            pick(
                lang,
                f"{ordinal(int(p))} in {region_name(name)}",
                f"ke-{int(p)} di {region_name(name, lang)}",
            )
            if pd.notna(p)
            else pick(
                lang,
                f"not in {region_name(name)}",
                f"tidak termasuk {region_name(name, lang)}",
            )
            for name, p in places.items()
        ],
        lang,
    )
    same = places.nunique(dropna=False) == 1
    out["focus_same"] = pick(
        lang,
        "Its place is the same under every definition."
        if same
        else "Its place depends on the definition.",
        "Urutannya sama menurut setiap definisi."
        if same
        else "Urutannya bergantung pada definisi yang dipakai.",
    )
    return out


def profile(table: pd.DataFrame, data_dir=None, lang: str = "en") -> dict:
    """Chapter 10: one country's series against the world median, and the rule for which
    countries a median counts."""
    check_lang(lang)
    t = table.dropna(subset=["egdi"]).set_index("year")
    above = int((t["egdi"] > t["median_egdi_world"]).sum())
    country = t["country"].iloc[0]
    if lang != "en" and "iso3" in t.columns:
        country = display_names(lang, data_dir).get(t["iso3"].iloc[0], country)
    return {
        "country": str(country),
        "first": str(int(t.index.min())), "last": str(int(t.index.max())),
        "egdi_first": number(t["egdi"].iloc[0], 4, lang),
        "egdi_last": number(t["egdi"].iloc[-1], 4, lang),
        "rank_first": str(int(t["egdi_rank"].iloc[0])),
        "rank_last": str(int(t["egdi_rank"].iloc[-1])),
        "above_world": whole(above, lang), "n": whole(len(t), lang),
        "median_rule": median_rule(data_dir, lang),
    }  # fmt: skip


def provinces(table: pd.DataFrame, lang: str = "en") -> dict:
    """Chapter 03: the ten provinces as the paper prints them (the table behind Figure 2)."""
    check_lang(lang)
    scores = table["score"]
    ties = table[table.duplicated("score", keep=False)]
    return {
        "top": str(table["province"].iloc[0]),
        "top_score": number(scores.iloc[0], 2, lang),
        "last": str(table["province"].iloc[-1]),
        "last_score": number(scores.iloc[-1], 2, lang),
        "spread": number(scores.iloc[0] - scores.iloc[-1], 2, lang),
        "n": whole(len(table), lang),
        "ties": join_and(ties["province"], lang)
        or pick(lang, "no two provinces", "tidak ada dua provinsi"),
        "tie_score": number(ties["score"].iloc[0], 2, lang) if len(ties) else "–",
        "java": whole(int(table["province_code"].isin(JAVA).sum()), lang),
        "low": number(scores.min(), 2, lang),
        "high": number(scores.max(), 2, lang),
    }


def _figure_numbers(numbers: list[int], lang: str = "en") -> str:
    """[1, 3] -> 'Figures 1 and 3'; [4, 5, 6] -> 'Figures 4-6'; [2] -> 'Figure 2'
    (Indonesian: 'Gambar 1 dan 3', 'Gambar 4-6', 'Gambar 2')."""
    one, many = pick(lang, "Figure", "Gambar"), pick(lang, "Figures", "Gambar")
    if len(numbers) == 1:
        return f"{one} {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 2:
        return f"{many} {numbers[0]}-{numbers[-1]}"
    return f"{many} " + join_and([str(n) for n in numbers], lang)


def landing(records: list[dict], data_dir=None, lang: str = "en") -> dict:
    """The landing page's account of what the book did with each of the paper's figures
    (from the figure catalogue) and with its statements (from the audit)."""
    check_lang(lang)
    source_name = REBUILT_FROM if lang == "en" else REBUILT_FROM_ID
    groups: dict[str, list] = {}
    for figure in paper_figures(data_dir):
        groups.setdefault(figure.rebuilt_from, []).append(figure)
    years = datasets.editions(data_dir)
    sentences = []
    for source, group in groups.items():
        extended = [f for f in group if f.extended]
        group = [f for f in group if not f.extended]
        if not group:
            continue
        numbers = [n for f in group for n in f.numbers]
        figures = _figure_numbers(numbers, lang)
        plural = len(numbers) > 1
        if lang == "en":
            head = f"{figures} of the paper ({'; '.join(f.subject for f in group)})"
            verb = "are" if plural else "is"
            if source == "not-rebuilt":
                text = (
                    f"{head} {verb} not rebuilt: pictures of web pages hold no data to recompute."
                )
            elif source == "paper-text":
                text = (
                    f"{head} {verb} redrawn from {source_name[source]}, the only source found: "
                    "the chart shows what the paper prints and cannot check it."
                )
            else:
                text = f"{head} {verb} rebuilt from {source_name[source]}."
        else:
            head = f"{figures} makalah ({'; '.join(f.subject_id for f in group)})"
            if source == "not-rebuilt":
                text = (
                    f"{head} tidak dibuat ulang: gambar halaman web tidak memuat data yang dapat "
                    "dihitung ulang."
                )
            elif source == "paper-text":
                text = (
                    f"{head} digambar ulang dari {source_name[source]}, satu-satunya sumber yang "
                    "ditemukan: grafik itu menampilkan apa yang dicetak makalah dan tidak dapat "
                    "mengujinya."
                )
            else:
                text = f"{head} dibuat ulang dari {source_name[source]}."
        sentences.append((group[0].numbers[0], text))
        for figure in extended:
            number = _figure_numbers(list(figure.numbers), lang)
            sentences.append(
                (
                    figure.numbers[0],
                    pick(
                        lang,
                        f"{number} of the paper ({figure.subject}) is redrawn from the UN "
                        f"country data and extended to every edition, {years[0]} to "
                        f"{years[-1]}, with the three components of the index, the Southeast "
                        "Asian median and the world rank; the paper's caption names no span of "
                        "years.",
                        f"{number} makalah ({figure.subject_id}) digambar ulang dari data "
                        f"negara PBB dan diperluas ke setiap edisi, {years[0]} hingga "
                        f"{years[-1]}, lengkap dengan tiga komponen indeks, median Asia "
                        "Tenggara, dan peringkat dunia; keterangan gambar dalam makalah tidak "
                        "menyebut rentang tahun.",
                    ),
                )
            )
    stated = claims.paper_claims(records)
    unverifiable = claims.counts(records)["unverifiable"]
    checked = len(stated) - unverifiable
    rebuilt = {
        source: [n for f in group for n in f.numbers]
        for source, group in groups.items()
        if source != "not-rebuilt"
    }
    drawn = _figure_numbers(sorted(n for numbers in rebuilt.values() for n in numbers), lang)
    sources = join_and(
        [
            f"{_figure_numbers(numbers, lang)} {pick(lang, 'from', 'dari')} {source_name[s]}"
            for s, numbers in rebuilt.items()
        ],
        lang,
    )
    not_rebuilt = [n for f in groups.get("not-rebuilt", []) for n in f.numbers]
    if lang == "en":
        scope = f"It redraws {drawn} of the paper ({sources})"
        if not_rebuilt:
            scope += f", explains why {_figure_numbers(not_rebuilt)} cannot be rebuilt"
        scope += (
            f", and checks the paper's statements against the data: {checked} "
            f"of {len(stated)} can be checked."
        )
        said = (
            f"Of the {len(stated)} statements of the paper that the audit lists, "
            f"{checked} are checked against the data and {unverifiable} "
            "cannot be checked with the data the package holds; the report marks those "
            "unverifiable rather than confirmed."
        )
    else:
        scope = f"Buku ini menggambar ulang {drawn} makalah ({sources})"
        if not_rebuilt:
            scope += (
                f", menjelaskan mengapa {_figure_numbers(not_rebuilt, lang)} tidak dapat "
                "dibuat ulang"
            )
        scope += (
            f", dan menguji pernyataan-pernyataan makalah dengan data: {checked} dari "
            f"{len(stated)} pernyataan dapat diuji."
        )
        said = (
            f"Dari {len(stated)} pernyataan makalah yang dicantumkan audit, {checked} diuji "
            f"dengan data dan {unverifiable} tidak dapat diuji dengan data yang ada dalam "
            "paket; laporan menandai pernyataan-pernyataan itu tidak dapat diverifikasi, "
            "bukan terkonfirmasi."
        )
    return {
        "scope_sentence": scope,
        "figures_sentence": " ".join(text for _, text in sorted(sentences)),
        "checked_sentence": said,
    }


def intro(data_dir=None, lang: str = "en") -> dict:
    """The landing page (intro.ipynb): the paper's headline values as the audit finds
    them, the newest edition, the omission from the paper's chart, the weakest component
    then and now, the audit in one line and the account of what the book does."""
    check_lang(lang)
    listed = claims.audit(data_dir, lang)
    records = {r["id"]: r for r in listed}
    omission = claims.figure1_omission(data_dir, lang)
    return {
        "summary": claims.summary_line(listed, lang),
        "version": datasets.data_version(data_dir),
        "n_editions": whole(len(datasets.editions(data_dir)), lang),
        "place": str(records["sea-place"]["data_says"]),
        "rank": str(records["world-rank"]["data_value"]),
        "egdi": number(records["egdi-value"]["data_value"], 4, lang),
        "paper_year": str(paper.SURVEY_YEAR),
        "latest_year": str(datasets.latest_edition(data_dir)),
        "headline": report.headline_md([records[k] for k in report.TOPICS], lang),
        "latest_place": str(records["sea-place-latest"]["data_says"]),
        "weakest_then": str(records["weakest-component"]["data_value"]),
        "weakest_now": str(records["weakest-component-latest"]["data_says"]),
        **landing(listed, data_dir, lang),
        **{f"omission_{k}": v for k, v in omission.items()},
    }


def dataset(ties_year: int = paper.SURVEY_YEAR, data_dir=None, lang: str = "en") -> dict:
    """Chapter 01: the data package in numbers (version, editions, rows, countries, the
    flagged values), the median rule and the shared ranks of ``ties_year``."""
    check_lang(lang)
    egdi = load_egdi(data_dir, with_flags=True)
    coverage = datasets.coverage(data_dir)
    flags = egdi["flags"].fillna("")
    return {
        "version": datasets.data_version(data_dir),
        "n_editions": whole(len(coverage), lang),
        "n_rows": whole(len(egdi), lang),
        "n_countries": whole(egdi["iso3"].nunique(), lang),
        "first": str(int(coverage["year"].min())),
        "last": str(int(coverage["year"].max())),
        "not_surveyed": whole(int(flags.str.contains("not_surveyed").sum()), lang),
        "zero_missing": whole(int(flags.str.count("zero_as_missing").sum()), lang),
        "above_one": whole(int(flags.str.contains("above_one").sum()), lang),
        # The schema's upper bound for the HCI: a tolerance for the published values.
        "hci_bound": number(_schema_maximum("hci", data_dir), 1, lang),
        "median_rule": median_rule(data_dir, lang),
        **rank_ties(ties_year, data_dir, lang),
    }


def _schema_maximum(column: str, data_dir=None) -> float:
    egdi = datasets.resource(datasets.read_descriptor(data_dir), "egdi")
    field = next(f for f in egdi["schema"]["fields"] if f["name"] == column)
    return float(field["constraints"]["maximum"])


def audit_values(records_by_lang: dict | None = None, data_dir=None, lang: str = "en") -> dict:
    """Chapter 06: how many statements the audit lists, the verdict on places 6 to 10
    (named in ``lang``) and the omission from the paper's Figure 1."""
    check_lang(lang)
    records = (records_by_lang or {}).get(lang) or claims.audit(data_dir, lang)
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
    check_lang(lang)
    items = [
        f"{pick(lang, english, indonesian)} («{words}», {claims.where_in(where, lang)})"
        for where, words, english, indonesian in paper.NOT_AUDITED
    ]
    n = in_words(len(items), lang)
    return pick(
        lang,
        f"The paper also states {n} things that no table of the data package bears on: "
        + "; ".join(items)
        + ". They are laws, instructions, the make-up of a government body and a "
        "recommendation, not values the UN survey measures, so the audit does not judge "
        "them; checking the first three would take the legal texts and Kominfo's own "
        "records.",
        f"Makalah juga menyatakan {n} hal yang tidak dapat diuji dengan tabel mana pun dalam "
        "paket data: "
        + "; ".join(items)
        + ". Hal-hal itu berupa undang-undang, instruksi, susunan sebuah badan pemerintah, "
        "dan sebuah rekomendasi, bukan nilai yang diukur survei PBB, sehingga audit tidak "
        "menilainya; untuk memeriksa tiga hal pertama diperlukan naskah hukumnya dan "
        "catatan Kominfo sendiri.",
    )


def median_rule(data_dir=None, lang: str = "en") -> str:
    """The one statement of which countries a median counts, used by every chapter that
    draws a median; the editions with zeros ranked at the bottom come from the flags."""
    egdi = load_egdi(data_dir, with_flags=True)
    flagged = egdi["flags"].fillna("").str.contains("egdi_zero_as_missing")
    years = sorted({int(y) for y in egdi.loc[flagged & egdi["egdi_rank"].notna(), "year"]})
    rule = pick(
        lang,
        "A median counts the countries surveyed in an edition that have a value there: a "
        "country not yet surveyed has none, and a published 0 of the EGDI, HCI or TII is "
        "stored as missing (no data) and left out, never counted as 0.",
        "Median dihitung dari negara-negara yang disurvei dalam suatu edisi dan memiliki "
        "nilai di edisi itu: negara yang belum disurvei tidak memiliki nilai, sedangkan "
        "angka 0 yang dipublikasikan untuk EGDI, HCI, atau TII dicatat sebagai data hilang "
        "dan dikeluarkan dari perhitungan, tidak pernah dihitung sebagai 0.",
    )
    if years:
        listed = join_and([str(y) for y in years], lang)
        rule += pick(
            lang,
            f" This leaves out countries that the UN ranked, tied at the bottom, with an EGDI "
            f"of 0, in {listed}.",
            f" Karena itu, negara-negara yang oleh PBB ditempatkan bersama di peringkat "
            f"terbawah dengan EGDI 0 pada {listed} dikeluarkan dari perhitungan.",
        )
    return rule


def rank_ties(year: int, data_dir=None, lang: str = "en") -> dict:
    """Chapter 01: shared ranks in ``year``, and pairs of countries with the same published
    EGDI but different ranks in any edition (why ranks are never recomputed)."""
    check_lang(lang)
    egdi = load_egdi(data_dir)
    names = display_names(lang, data_dir)
    shared = egdi[egdi["year"] == year]["egdi_rank"].value_counts()
    pairs = []
    for (edition, _), group in egdi.dropna(subset=["egdi"]).groupby(["year", "egdi"]):
        if len(group) > 1 and group["egdi_rank"].nunique() > 1:
            pairs.append((int(edition), group.sort_values("egdi_rank")))
    by_edition: dict[int, int] = {}
    for edition, _ in pairs:
        by_edition[edition] = by_edition.get(edition, 0) + 1
    example = pairs[-1][1] if pairs else None
    unequal = join_and(
        [
            pick(lang, f"{n} pair{'s' if n > 1 else ''} in {y}", f"{n} pasang pada {y}")
            for y, n in sorted(by_edition.items())
        ],
        lang,
    ) or pick(lang, "no pair", "tidak ada pasangan")
    if example is None:
        described = pick(lang, "no example", "tidak ada contoh")
    else:
        value = number(example["egdi"].iloc[0], 4, lang)
        described = join_and(
            [
                pick(
                    lang,
                    f"{names[r.iso3]} (rank {int(r.egdi_rank)})",
                    f"{names[r.iso3]} (peringkat {int(r.egdi_rank)})",
                )
                for r in example.itertuples()
            ],
            lang,
        ) + pick(lang, f", both at {value}", f", keduanya bernilai {value}")
    return {
        "shared_ranks": whole(int((shared > 1).sum()), lang),
        "ties_year": str(year),
        "unequal_ranks": unequal,
        "unequal_example": described,
    }
