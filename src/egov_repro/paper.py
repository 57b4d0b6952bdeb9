"""What the paper itself states (Fahlevy, Saleh & Nurmiyati 2023): its year, its
chart's country list and the numbers in its text. These are the only values typed
in by hand; everything they are compared with comes from the data. The PeGI 2016
numbers the paper prints are data (data/raw/pegi-2016-top10.csv), not repeated here.
"""

from __future__ import annotations

CITATION_KEY = "fahlevy2023"
DOI = "10.54144/govsci.v4i1.45"
# The UN edition behind the paper's Figure 1 and its EGDI numbers.
SURVEY_YEAR = 2022
# Region (in data/raw/regions.csv) holding the ten countries of the paper's Figure 1,
# which are the ten countries of the databoks (2022) chart it reproduces.
FIGURE1_REGION = "paper-figure-1"
FIGURE1_SOURCE = "databoks2022"
FOCUS = "IDN"

# Where each statement stands in the paper (section, and position relative to figures).
ABSTRACT_AND_AFTER_FIG1 = "Abstract; 'Hasil dan Pembahasan', after Figure 1"
AFTER_FIG1 = "'Hasil dan Pembahasan', after Figure 1"
AFTER_FIG2 = "'Hasil dan Pembahasan', after Figure 2"
BEFORE_FIG3 = "'Eksistensi Birokrasi dalam menjalankan E-Government', before Figure 3"
AFTER_FIG3 = "'Eksistensi Birokrasi dalam menjalankan E-Government', after Figure 3"
DISCUSSION = "'Hasil dan Pembahasan', discussion of e-government in other countries"

# Abstract and "Hasil dan Pembahasan", after Figure 1.
SEA_PLACE = 5
TOP_FOUR = ["SGP", "MYS", "THA", "BRN"]
REGION_LEADER = "SGP"  # "still" leads the region
EGDI_2022 = 0.7160
RANK_2022 = 77
EARLIER_RANK = 88
EARLIER_RANK_YEAR = 2021
RISE = 11
# The paper calls the rise "poin", the word it uses for EGDI units two lines earlier.
RISE_UNIT = "EGDI points"
PLACES_6_TO_10 = ["PHL", "KHM", "MMR", "TLS", "LAO"]
LAOS = "LAO"
LAOS_BELOW = 0.4
LAOS_BELOW_UNIT = "percent"
# "Hasil dan Pembahasan", after Figure 2: the values are printed as "percent".
PROVINCES_UNIT = "percent"
PROVINCES_SOURCE = "databoks2016"
# Section "Eksistensi Birokrasi dalam menjalankan E-Government", before Figure 3.
RANK_MOVE = (2020, 88, 2022, 77)
# After Figure 3: the rank "keeps rising"; infrastructure is the weakest component.
WEAKEST_COMPONENT = "tii"
WEAKEST_COMPONENT_SOURCE = "aptika"
# Discussion: countries where e-government is said to have succeeded or failed, by the
# names the paper uses (Palestine is not a UN member state and not in the survey).
SUCCESSES = {
    "COL": "Colombia",
    "KEN": "Kenya",
    "IND": "India",
    "MYS": "Malaysia",
    "USA": "the United States",
    "PSE": "Palestine",
    "KOR": "South Korea",
}
FAILURES = {"MOZ": "Mozambique", "UGA": "Uganda"}
