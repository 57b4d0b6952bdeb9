"""What the paper itself states (Fahlevy, Saleh & Nurmiyati 2023): its year, its
chart's country list and the numbers in its text. These are the only values typed
in by hand; everything they are compared with comes from the data. The PeGI 2016
numbers the paper prints are data (data/raw/pegi-2016-top10.csv), not repeated here.

``PASSAGES`` ties each audited statement to the passage it paraphrases: where it stands
(the paper's own section headings, and the figure it follows), the paper's key words
(a verbatim phrase of at most six words, so a reviewer can find the passage and compare
it with our paraphrase) and the source the paper itself gives for it.
"""

from __future__ import annotations

from dataclasses import dataclass

CITATION_KEY = "fahlevy2023"
DOI = "10.54144/govsci.v4i1.45"
# The UN edition behind the paper's Figure 1 and its EGDI numbers.
SURVEY_YEAR = 2022
# Region (in data/raw/regions.csv) holding the ten countries of the paper's Figure 1,
# which are the ten countries of the Databoks (2022) chart we identified it as reproducing
# (the paper credits only «databoks.katadata.co.id (2022)»).
FIGURE1_REGION = "paper-figure-1"
FOCUS = "IDN"

# Abstract and "Hasil dan Pembahasan", after Figure 1.
SEA_PLACE = 5
TOP_FOUR = ["SGP", "MYS", "THA", "BRN"]
REGION_LEADER = "SGP"  # "still" leads the region
EGDI_2022 = 0.7160
RANK_2022 = 77
EARLIER_RANK = 88
EARLIER_RANK_YEAR = 2021
# The rank rose from 88 to 77; the paper counts the 11 places as "poin".
RISE = 11
PLACES_6_TO_10 = ["PHL", "KHM", "MMR", "TLS", "LAO"]
LAOS = "LAO"
LAOS_BELOW = 0.4
LAOS_BELOW_UNIT = "percent"
# "Hasil dan Pembahasan", after Figure 2: the values are printed as "percent".
PROVINCES_UNIT = "percent"
# The paper's names for two of the ten provinces, where they differ from the official
# names the transcription (data/raw/pegi-2016-top10.csv) records, by ISO 3166-2 code.
PROVINCE_NAMES = {"ID-BB": "Bangka Belitung", "ID-YO": "Daerah Istimewa Yogyakarta"}
# Section "Eksistensi Birokrasi dalam menjalankan E-Government", before Figure 3.
RANK_MOVE = (2020, 88, 2022, 77)
# After Figure 3: the rank "keeps rising"; infrastructure is the weakest component.
WEAKEST_COMPONENT = "tii"
# After Figures 4–6: the portals the screenshots show, rated very good by the paper.
PORTALS = ["DKI Jakarta", "Surabaya", "Bandung"]
# First of the six problem areas after Figures 4–6: countries where e-government is said
# to have succeeded or failed, by the names the paper uses (Palestine is not a UN member
# state and not in the survey).
SUCCESSES = {
    "COL": "Colombia",
    "KEN": "Kenya",
    "IND": "India",
    "MYS": "Malaysia",
    "USA": "the United States",  # our reading of the paper's «Amerika» (see OUR_READINGS)
    "PSE": "Palestine",
    "KOR": "South Korea",
}
FAILURES = {"MOZ": "Mozambique", "UGA": "Uganda"}
# Named by the paper but not in the UN survey's data, so without a name of the data's:
# Palestine, in each edition's language (the paper writes «Palestina»).
NOT_IN_THE_DATA = {"PSE": {"en": "Palestine", "id": "Palestina"}}
# Names the paper gives that we read as a surveyed country: the paper's word, verbatim.
# It writes «Amerika» ("America"); the United States is our reading, and the cards say so
# (claims.success_and_failure_countries.read_as / read_as_ranked).
OUR_READINGS = {"USA": "Amerika"}

# The paper's headings. Its results section ("Hasil dan Pembahasan") has three
# subsections: the first repeats the paper's title and holds Figures 1 and 2, the
# second ("Eksistensi Birokrasi dalam menjalankan E-Government") holds Figures 3–6, the
# third ("Rekomendasi pemanfaatan E-Government di Indonesia") lists recommendations,
# before "Kesimpulan".
ABSTRACT = "Abstract"
RESULTS_FIRST = "'Hasil dan Pembahasan', first subsection"
RESULTS_SECOND = (
    "'Hasil dan Pembahasan', subsection 'Eksistensi Birokrasi dalam menjalankan E-Government'"
)
RESULTS_THIRD = (
    "'Hasil dan Pembahasan', subsection 'Rekomendasi pemanfaatan E-Government di Indonesia'"
)


@dataclass(frozen=True)
class Passage:
    """Where a statement stands in the paper, its key words and the source it credits."""

    where: str
    words: str  # verbatim, at most six words; "…" marks words left out
    # What we identified the source as: a key in references.bib; None: the paper names none.
    cited_source: str | None
    # The credit as the paper itself gives it (a key of ``CREDITS``); None: none given.
    credited: str | None = None


# Each credit as the paper prints it: its words, verbatim (the catalogue's
# report.credit.<key> says where it stands, in each language).
CREDITS = {
    "fig1-caption": {"words": "databoks.katadata.co.id (2022)"},
    "fig2-caption": {"words": "databoks.katadata.co.id (2016)"},
    "fig3-caption": {"words": "The United Nations E-Government Survey 2022"},
    "un-reports": {"words": "PBB melaporkan"},
    "un-released": {"words": "Persatuan Bangsa-Bangsa (PBB) telah merilis"},
    "aptika-address": {"words": "https://aptika.kominfo.go.id"},
}


PASSAGES = {
    "sea-place": Passage(
        f"{ABSTRACT}; {RESULTS_FIRST}, paragraph after Figure 1",
        "peringkat ke 5 se Asia Tenggara",
        "databoks2022",
        "fig1-caption",
    ),
    "top-four-order": Passage(
        f"{RESULTS_FIRST}, paragraph after Figure 1",
        "Disusul dengan Malaysia, Thailand, Brunei Darussalam",
        "databoks2022",
        "fig1-caption",
    ),
    "region-leader": Passage(
        f"{RESULTS_FIRST}, paragraph after Figure 1",
        "Singapura masih memimpin di Asia Tenggara",
        "databoks2022",
        "fig1-caption",
    ),
    "egdi-value": Passage(
        f"{RESULTS_FIRST}, paragraph after Figure 1",
        "PBB melaporkan … (EGDI) sebesar 0.7160",
        "un2022",
        "un-reports",
    ),
    "world-rank": Passage(
        f"{RESULTS_FIRST}, paragraph after Figure 1",
        "naik menjadi peringkat ke 77",
        "un2022",
        "un-reports",
    ),
    "earlier-rank-year": Passage(
        f"{RESULTS_FIRST}, paragraph after Figure 1",
        "tahun 2021 lalu … peringkat 88",
        "un2022",
        "un-reports",
    ),
    "rise": Passage(
        f"{RESULTS_FIRST}, paragraph after Figure 1",
        "peningkatan 11 poin dari tahun 2021",
        "un2022",
        "un-reports",
    ),
    "places-6-to-10": Passage(
        f"{RESULTS_FIRST}, paragraph after Figure 1",
        "Peringkat ke 6 diisi oleh Filipina",
        "databoks2022",
        "fig1-caption",
    ),
    "laos-below-0.4": Passage(
        f"{RESULTS_FIRST}, paragraph after Figure 1",
        "presentase tidak sampai 0,4%",
        "databoks2022",
        "fig1-caption",
    ),
    "provinces-top10-2016": Passage(
        f"{RESULTS_FIRST}, paragraph after Figure 2",
        "DKI Jakarta menempati provinsi tertinggi",
        "databoks2016",
        "fig2-caption",
    ),
    "provinces-unit-2016": Passage(
        f"{RESULTS_FIRST}, paragraph after Figure 2",
        "presentase sebesar 3,39%",
        "databoks2016",
        "fig2-caption",
    ),
    "rank-2020-to-2022": Passage(
        f"{RESULTS_SECOND}, paragraph before Figure 3",
        "dari peringkat 88 di tahun 2020",
        "aptika2022",
        "un-released",
    ),
    "rank-keeps-rising": Passage(
        f"{RESULTS_SECOND}, paragraph after Figure 3",
        "peringkat Indonesia terus naik",
        "un2022",
        "fig3-caption",
    ),
    "weakest-component": Passage(
        f"{RESULTS_SECOND}, paragraph after Figure 3",
        "infrastruktur telekomunikasi yang menjadi poin terendah",
        "aptika",
        "aptika-address",
    ),
    "portals-rated-very-good": Passage(
        f"{RESULTS_SECOND}, second paragraph after Figures 4–6",
        "memiliki penilaian yang sangat baik",
        None,
    ),
    "success-and-failure-countries": Passage(
        f"{RESULTS_SECOND}, after Figures 4–6, first of six problem areas («Tampilan»)",
        "Kolombia, Kenya, India … Mozambique dan Uganda",
        None,
    ),
}


# Statements of the paper that no table of the data package bears on, so the audit
# lists them without a verdict: (where, key words, the key of what it states in the
# catalogue: findings.not_audited.what.<key>).
NOT_AUDITED = [
    ("'Latar Belakang', third paragraph", "intruksi Presiden Nomor 6 Tahun 2001", "inpres"),
    (
        "'Kerangka Teoritis', subsection 'Pelayanan Publik dan Kualitas Pelayanan Publik'",
        "Menurut UU Nomor 25 Tahun 2009",
        "public-services-law",
    ),
    (f"{RESULTS_SECOND}, paragraph after Figure 3", "Tim Koordinasi SPBE Nasional", "spbe-team"),
    (
        f"{RESULTS_THIRD}, seventh recommendation",
        "empat tingkatan yaitu, persiapan, pematangan",
        "four-stages",
    ),
]
