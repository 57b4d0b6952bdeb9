"""The reproduction audit: each number the paper states, checked against the data.

``audit()`` returns one record per claim. The paper's side comes from
``egov_repro.paper`` (what the paper prints); the data side, the verdict and the
explanation's numbers are computed here, from the data, every time it runs.
"""

from __future__ import annotations

from pathlib import Path

from egov_repro import analysis, paper
from egov_repro.datasets import load_egdi, load_pegi_2016
from egov_repro.regions import region_members

VERDICTS = ("confirmed", "differs", "unverifiable")
FIELDS = ("id", "claim", "where", "paper_value", "data_value", "verdict", "explanation")
WHERE_FIG1 = "Abstract; 'Hasil dan Pembahasan', after Figure 1"
WHERE_FIG2 = "'Hasil dan Pembahasan', after Figure 2"
WHERE_FIG3 = "'Eksistensi Birokrasi dalam menjalankan E-Government', before Figure 3"
COMPONENT_NAMES = {"osi": "OSI", "hci": "HCI", "tii": "TII"}


def _record(id, claim, where, paper_value, data_value, ok, explanation, verdict=None) -> dict:
    return {
        "id": id,
        "claim": claim,
        "where": where,
        "paper_value": paper_value,
        "data_value": data_value,
        "verdict": verdict or ("confirmed" if ok else "differs"),
        "explanation": explanation,
    }


def _names(egdi) -> dict[str, str]:
    return egdi.drop_duplicates("iso3").set_index("iso3")["country"].to_dict()


def audit(data_dir: Path | None = None) -> list[dict]:
    """Every claim of the paper with its verdict against the data."""
    egdi = load_egdi(data_dir)
    names = _names(egdi)
    year = paper.SURVEY_YEAR
    sea = analysis.rank_within_region(
        egdi, region_members("southeast-asia", data_dir=data_dir), year
    )
    in_chart = analysis.rank_within_region(
        egdi, region_members(paper.FIGURE1_REGION, data_dir=data_dir), year
    )
    idn = egdi[egdi["iso3"] == paper.FOCUS].set_index("year")
    place = analysis.place_of(sea, paper.FOCUS)
    records = []

    records.append(
        _record(
            "sea-place-2022",
            "Indonesia is 5th among Southeast Asian countries on the EGDI (2022).",
            WHERE_FIG1,
            paper.SEA_PLACE,
            place,
            place == paper.SEA_PLACE,
            f"Of the {len(sea)} Southeast Asian countries (ASEAN-10 and Timor-Leste), Indonesia's "
            f"published world rank {int(idn.at[year, 'egdi_rank'])} is the {place}th best; among "
            f"the ten countries of the paper's chart it is also {analysis.place_of(in_chart, 'IDN')}th.",
        )
    )

    above = sea.loc[sea["regional_rank"] < place, "iso3"].tolist()
    records.append(
        _record(
            "top-four-order-2022",
            "Singapore, Malaysia, Thailand and Brunei Darussalam, in that order, are ahead of "
            "Indonesia (2022).",
            WHERE_FIG1,
            paper.TOP_FOUR,
            above,
            above == paper.TOP_FOUR,
            "Order by published world rank: "
            + ", ".join(
                f"{names[c]} ({int(r)})"
                for c, r in zip(sea["iso3"], sea["egdi_rank"], strict=True)
                if c in above
            )
            + ".",
        )
    )

    value = float(idn.at[year, "egdi"])
    records.append(
        _record(
            "egdi-2022",
            "Indonesia's EGDI in 2022 is 0.7160 (on a 0-1 scale).",
            WHERE_FIG1,
            paper.EGDI_2022,
            value,
            abs(value - paper.EGDI_2022) < 5e-5,
            f"The UN 2022 table gives {value:.4f}.",
        )
    )

    rank = int(idn.at[year, "egdi_rank"])
    records.append(
        _record(
            "world-rank-2022",
            "Indonesia ranks 77th in the world in 2022.",
            WHERE_FIG1,
            paper.RANK_2022,
            rank,
            rank == paper.RANK_2022,
            f"Published 2022 world rank: {rank} of {len(analysis.edition(egdi, year))}.",
        )
    )

    years_at_88 = [int(y) for y in idn.index if idn.at[y, "egdi_rank"] == paper.EARLIER_RANK]
    editions = sorted(int(y) for y in egdi["year"].unique())
    records.append(
        _record(
            "earlier-rank-year",
            "Indonesia's earlier world rank of 88 dates from 2021.",
            WHERE_FIG1,
            {"rank": paper.EARLIER_RANK, "year": paper.EARLIER_RANK_YEAR},
            {"rank": paper.EARLIER_RANK, "editions_with_that_rank": years_at_88},
            years_at_88 == [paper.EARLIER_RANK_YEAR],
            f"There is no {paper.EARLIER_RANK_YEAR} edition: the survey is biennial "
            f"({', '.join(map(str, editions[-4:]))}, ...). Rank {paper.EARLIER_RANK} is Indonesia's "
            f"rank in the {', '.join(map(str, years_at_88))} edition.",
        )
    )

    before, after = int(idn.at[2020, "egdi_rank"]), rank
    egdi_change = round(value - float(idn.at[2020, "egdi"]), 4)
    records.append(
        _record(
            "rise-11",
            "Indonesia rose by 11 (the paper calls them 'points') between the last two editions.",
            WHERE_FIG1,
            paper.RISE,
            {"rank_places": before - after, "egdi_change": egdi_change},
            before - after == paper.RISE,
            f"The 11 is rank places (world rank {before} in 2020 to {after} in 2022), not index "
            f"points: the EGDI itself rose by {egdi_change:.4f} (from "
            f"{float(idn.at[2020, 'egdi']):.4f} to {value:.4f}).",
        )
    )

    real_places = {c: int(p) for c, p in zip(sea["iso3"], sea["regional_rank"], strict=True)}
    paper_places = {c: p for c, p in zip(paper.PLACES_6_TO_10, range(6, 11), strict=True)}
    data_places = {c: real_places[c] for c in paper.PLACES_6_TO_10}
    missing = [c for c in sea["iso3"] if c not in set(in_chart["iso3"])]
    records.append(
        _record(
            "places-6-to-10",
            "Places 6 to 10 in Southeast Asia are the Philippines, Cambodia, "
            "Myanmar, Timor-Leste and Laos.",
            WHERE_FIG1,
            paper_places,
            data_places,
            data_places == paper_places,
            "The paper's chart leaves out "
            + ", ".join(
                f"{names[c]} (world rank {int(sea.set_index('iso3').at[c, 'egdi_rank'])}, place "
                f"{real_places[c]})"
                for c in missing
            )
            + ", so every country after it moves up one "
            "place; the order of the five is right, their places are "
            + ", ".join(f"{names[c]} {p}" for c, p in data_places.items())
            + ".",
        )
    )

    laos = float(egdi[(egdi["year"] == year) & (egdi["iso3"] == "LAO")]["egdi"].iloc[0])
    records.append(
        _record(
            "laos-below-0.4",
            "Laos scores below 0.4 'percent'.",
            WHERE_FIG1,
            {"value": paper.LAOS_BELOW, "unit": paper.LAOS_BELOW_UNIT},
            {"value": laos, "unit": "index (0-1)"},
            False,
            f"Laos's EGDI is {laos:.4f}: below 0.4 on the index's 0-1 scale, i.e. "
            f"{laos * 100:.2f} percent of the maximum, not below 0.4 percent. The number is right, "
            "the unit is not.",
        )
    )

    pegi = load_pegi_2016(data_dir)
    printed = [(p, s) for p, s in zip(pegi["province"], pegi["score"], strict=True)]
    records.append(
        _record(
            "provinces-top10-2016",
            "The ten provinces with the best e-government scores in 2016 "
            "are DKI Jakarta, Jawa Barat, Jawa Timur, Gorontalo, Kepulauan Bangka Belitung, "
            "DI Yogyakarta, Jawa Tengah, Sumatera Utara, Bali and Jambi.",
            WHERE_FIG2,
            [p for p, _ in paper.PROVINCES_2016],
            [p for p, _ in printed],
            None,
            "No primary PeGI 2016 table was found; the paper credits a databoks chart. The "
            "transcription matches the paper's text"
            + (" exactly" if printed == paper.PROVINCES_2016 else " NOT exactly (check the data)")
            + ", but the ranking itself cannot be checked against a primary source.",
            verdict="unverifiable",
        )
    )

    scores = pegi["score"]
    records.append(
        _record(
            "provinces-unit-2016",
            "The provinces' values are percentages.",
            WHERE_FIG2,
            {"unit": "percent", "range": [paper.PROVINCES_2016[-1][1], paper.PROVINCES_2016[0][1]]},
            {
                "unit": "unknown (likely a PeGI score, scale up to 4)",
                "range": [float(scores.min()), float(scores.max())],
            },
            None,
            f"The values run from {scores.min():.2f} to {scores.max():.2f}: as percentages of "
            "anything they would be implausibly low for a top-10, while they fit the scale of Kominfo's "
            "PeGI scores, which tops out at 4. Without the primary table the unit cannot be settled.",
            verdict="unverifiable",
        )
    )

    start, _start_rank, end, _end_rank = paper.RANK_MOVE
    data_move = [start, int(idn.at[start, "egdi_rank"]), end, int(idn.at[end, "egdi_rank"])]
    records.append(
        _record(
            "rank-2020-to-2022",
            "In the UN survey Indonesia moved from rank 88 (2020) to rank 77 (2022).",
            WHERE_FIG3,
            list(paper.RANK_MOVE),
            data_move,
            data_move == list(paper.RANK_MOVE),
            f"Published ranks: {data_move[1]} in {start}, {data_move[3]} in {end}.",
        )
    )

    def components_text(y):
        row = idn.loc[y]
        return ", ".join(f"{COMPONENT_NAMES[c]} {float(row[c]):.4f}" for c in COMPONENT_NAMES)

    weakest, _low = analysis.weakest_component(egdi, paper.FOCUS, year)
    records.append(
        _record(
            "weakest-component-2022",
            "Telecommunication infrastructure (TII) is the weakest part "
            "of Indonesia's EGDI (2022).",
            WHERE_FIG3,
            paper.WEAKEST_COMPONENT.upper(),
            weakest.upper(),
            weakest == paper.WEAKEST_COMPONENT,
            f"{year} components: {components_text(year)}.",
        )
    )

    latest = editions[-1]
    weakest_now, _ = analysis.weakest_component(egdi, paper.FOCUS, latest)
    records.append(
        _record(
            f"weakest-component-{latest}",
            f"Follow-up (not stated by the paper): TII is still "
            f"Indonesia's weakest component in the latest edition ({latest}).",
            WHERE_FIG3 + " (follow-up with the latest edition)",
            paper.WEAKEST_COMPONENT.upper(),
            weakest_now.upper(),
            weakest_now == paper.WEAKEST_COMPONENT,
            f"{latest} components: {components_text(latest)}; TII rose by "
            f"{float(idn.at[latest, 'tii']) - float(idn.at[year, 'tii']):.4f} since {year}.",
        )
    )
    return records


def counts(records: list[dict]) -> dict[str, int]:
    return {v: sum(r["verdict"] == v for r in records) for v in VERDICTS}


def summary_line(records: list[dict]) -> str:
    c = counts(records)
    return (
        f"{c['confirmed']} of {len(records)} claims confirmed, {c['differs']} differ, "
        f"{c['unverifiable']} unverifiable"
    )


def _short(value) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, dict):
        return "; ".join(f"{k}={_short(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_short(v) for v in value) if len(value) <= 5 else f"{len(value)} items"
    return str(value)


def as_frame(records: list[dict]):
    import pandas as pd

    frame = pd.DataFrame.from_records(records, columns=list(FIELDS))
    for column in ("paper_value", "data_value"):
        frame[column] = frame[column].map(_short)
    return frame


def format_table(records: list[dict]) -> str:
    """A plain-text table for the terminal."""
    frame = as_frame(records)[["id", "verdict", "paper_value", "data_value"]]
    return frame.to_string(index=False, max_colwidth=48)
