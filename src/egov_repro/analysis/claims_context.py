"""What every check of the audit shares: the verdict rules, the table and its rankings
(``Context``), and the plain record of one statement's facts (``statement``).

The checks (``claims_ranks``, ``claims_sources``, ``claims``) compute facts only: ids,
values, verdicts, which parts hold, and the numbers and ISO3 codes their explanation
needs. No language enters here; ``claims_render`` words the facts in each language.
"""

from __future__ import annotations

import pandas as pd

from egov_repro.analysis import measures, paper
from egov_repro.analysis.regions import SOUTHEAST_ASIA, region_members
from egov_repro.data.datasets import editions_in
from egov_repro.words.text import rounded

VERDICTS = ("confirmed", "partly", "differs", "unverifiable")
SOURCES = ("paper", "follow-up")
MARKERS = {"confirmed": "✓", "partly": "◐", "differs": "✗", "unverifiable": "?"}
# A follow-up has no verdict: its card says whether the value changed since the paper.
FOLLOW_UP_MARKER = "↻"


def verdict_of_parts(holding: int, total: int) -> str:
    """A statement with ``total`` parts (places, ranks, steps) of which ``holding`` hold."""
    if total and holding == total:
        return "confirmed"
    return "partly" if holding else "differs"


def verdict_of_units(in_stated_unit: bool, in_other_unit: bool) -> str:
    """A number checked in the unit (or year) the paper names and in the one that fits."""
    if in_stated_unit:
        return "confirmed"
    return "partly" if in_other_unit else "differs"


def same(a: float, b: float, decimals: int = 4) -> bool:
    return rounded(a, decimals) == rounded(b, decimals)


def statement(id, paper_value, data_value, verdict, facts, related=()) -> dict:
    """One statement of the paper as facts: its values and verdict, and ``facts``, what
    its wording needs (numbers, years, ISO3 codes, which parts hold). ``related``: the
    ids of the records its explanation refers to (the page links their cards)."""
    assert verdict in VERDICTS and id in paper.PASSAGES
    return {
        "id": id,
        "source": "paper",
        "paper_value": paper_value,
        "data_value": data_value,
        "verdict": verdict,
        "related": list(related),
        "baseline": None,
        "changed": None,
        "facts": facts,
    }


def follow_up(id, follows: str, cited_source: str, year: int, then, now, facts) -> dict:
    """Our question, asked of newer data, of the paper statement ``follows``: no verdict
    on the paper, the value in the paper's edition (``then``) beside the latest
    edition's (``now``), and whether it changed."""
    assert follows in paper.PASSAGES
    return {
        "id": id,
        "source": "follow-up",
        "follows": follows,
        "cited_source": cited_source,
        "paper_value": None,
        "data_value": now,
        "verdict": None,
        "related": [follows],
        "baseline": {"year": year, "value": then},
        "changed": then != now,
        "facts": facts,
    }


class Context:
    """What several checks share: the table, the paper's edition and region."""

    def __init__(self, egdi: pd.DataFrame, data_dir):
        self.egdi = egdi
        self.data_dir = data_dir
        self.year = paper.SURVEY_YEAR
        self.editions = editions_in(egdi)
        self.latest = self.editions[-1]
        self.sea_members = region_members(SOUTHEAST_ASIA, data_dir=data_dir)
        self.sea = self.ranking(self.year)

    def ranking(self, year: int) -> pd.DataFrame:
        return measures.rank_within_region(self.egdi, self.sea_members, year)

    def places(self, year: int | None = None) -> dict[str, int]:
        table = self.sea if year is None else self.ranking(year)
        return dict(zip(table["iso3"], table["regional_rank"].astype(int), strict=True))

    def rank(self, year: int, iso3: str = paper.FOCUS) -> int | None:
        rows = self.egdi[(self.egdi["year"] == year) & (self.egdi["iso3"] == iso3)]
        if rows.empty or pd.isna(rows["egdi_rank"].iloc[0]):
            return None
        return int(rows["egdi_rank"].iloc[0])

    def value(self, year: int, iso3: str = paper.FOCUS, column: str = "egdi") -> float:
        rows = self.egdi[(self.egdi["year"] == year) & (self.egdi["iso3"] == iso3)]
        return float(rows[column].iloc[0])

    def previous(self, year: int) -> int:
        return max(y for y in self.editions if y < year)

    def components(self, year: int) -> dict[str, float]:
        """Indonesia's EGDI components in ``year``, in the index's order."""
        return {c: self.value(year, column=c) for c in measures.COMPONENTS}
