"""What the paper itself states (Fahlevy, Saleh & Nurmiyati 2023): its year, its
chart's country list and the numbers in its text. These are the only values typed
in by hand; everything they are compared with comes from the data."""

from __future__ import annotations

CITATION_KEY = "fahlevy2023"
DOI = "10.54144/govsci.v4i1.45"
# The UN edition behind the paper's Figure 1 and its EGDI numbers.
SURVEY_YEAR = 2022
# Region (in data/raw/regions.csv) holding the ten countries of the paper's Figure 1.
FIGURE1_REGION = "paper-figure-1"
FOCUS = "IDN"

# Abstract and "Hasil dan Pembahasan", after Figure 1.
SEA_PLACE = 5
TOP_FOUR = ["SGP", "MYS", "THA", "BRN"]
EGDI_2022 = 0.7160
RANK_2022 = 77
EARLIER_RANK = 88
EARLIER_RANK_YEAR = 2021
RISE = 11
PLACES_6_TO_10 = ["PHL", "KHM", "MMR", "TLS", "LAO"]
LAOS_BELOW = 0.4
LAOS_BELOW_UNIT = "percent"
# "Hasil dan Pembahasan", after Figure 2; values printed as "percent".
PROVINCES_2016 = [
    ("DKI Jakarta", 3.39),
    ("Jawa Barat", 3.07),
    ("Jawa Timur", 3.01),
    ("Gorontalo", 2.95),
    ("Kepulauan Bangka Belitung", 2.9),
    ("DI Yogyakarta", 2.66),
    ("Jawa Tengah", 2.64),
    ("Sumatera Utara", 2.63),
    ("Bali", 2.63),
    ("Jambi", 2.62),
]
# Section "Eksistensi Birokrasi dalam menjalankan E-Government", before Figure 3.
RANK_MOVE = (2020, 88, 2022, 77)
WEAKEST_COMPONENT = "tii"
