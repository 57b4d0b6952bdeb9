"""Every piece of text a figure shows, in Indonesian (the paper's language) and English,
and the book's one vocabulary (``TERMS``): each index, component, verdict and recurring
word with the UN's English name and the one Indonesian name used everywhere."""

from __future__ import annotations

LANGS = ("id", "en")

# key -> {"en": the UN's (or the book's) English name, "id": our Indonesian name}.
TERMS = {
    "egdi": {
        "en": "E-Government Development Index (EGDI)",
        "id": "Indeks Pengembangan E-Government (EGDI)",
    },
    "osi": {"en": "Online Service Index (OSI)", "id": "Indeks Layanan Daring (OSI)"},
    "hci": {"en": "Human Capital Index (HCI)", "id": "Indeks Sumber Daya Manusia (HCI)"},
    "tii": {
        "en": "Telecommunication Infrastructure Index (TII)",
        "id": "Indeks Infrastruktur Telekomunikasi (TII)",
    },
    "epi": {"en": "E-Participation Index (EPI)", "id": "Indeks E-Partisipasi (EPI)"},
    "survey": {"en": "UN E-Government Survey", "id": "Survei E-Government PBB"},
    "un": {"en": "UN", "id": "PBB"},
    "verdict:confirmed": {"en": "confirmed", "id": "terkonfirmasi"},
    "verdict:partly": {"en": "partly right", "id": "sebagian benar"},
    "verdict:differs": {"en": "contradicted by the data", "id": "bertentangan dengan data"},
    "verdict:unverifiable": {"en": "not checkable", "id": "tidak dapat diverifikasi"},
    "world_rank": {"en": "world rank", "id": "peringkat dunia"},
    "edition": {"en": "edition", "id": "edisi"},
    "region": {"en": "region", "id": "kawasan"},
    "southeast_asia": {"en": "Southeast Asia", "id": "Asia Tenggara"},
    "median": {"en": "median", "id": "median"},
}


LABELS = {
    "egdi": {"id": "EGDI", "en": "EGDI"},
    "egdi_long": TERMS["egdi"],
    "osi": TERMS["osi"],
    "hci": TERMS["hci"],
    "tii": TERMS["tii"],
    "osi_short": {"id": "OSI (layanan daring)", "en": "OSI (online services)"},
    "hci_short": {"id": "HCI (sumber daya manusia)", "en": "HCI (human capital)"},
    "tii_short": {"id": "TII (infrastruktur telekomunikasi)", "en": "TII (telecom infrastructure)"},
    "world_rank": {"id": "Peringkat dunia", "en": "World rank"},
    "rank_short": {"id": "peringkat dunia", "en": "world rank"},
    "fig1_title": {
        "id": "EGDI negara-negara {region}, {year}",
        "en": "EGDI of {region} countries, {year}",
    },
    "not_in_paper": {"id": "tidak ada di grafik makalah", "en": "not in the paper's chart"},
    "fig2_title": {
        "id": "10 provinsi dengan skor e-government terbaik, 2016",
        "en": "The 10 provinces with the best e-government scores, 2016",
    },
    "fig2_axis": {
        "id": "Skor (dicetak dengan tanda % di makalah; kemungkinan skor PeGI, skala hingga 4)",
        "en": "Score (printed with a % sign in the paper; likely a PeGI score, scale up to 4)",
    },
    "fig3_title": {
        "id": "E-government {country}, {first}–{last}",
        "en": "E-government in {country}, {first}–{last}",
    },
    "median": {"id": "Median EGDI {region}", "en": "{region} median EGDI"},
    "index_value": {"id": "Nilai indeks (0–1)", "en": "Index value (0–1)"},
    "survey_year": {"id": "Edisi survei PBB", "en": "UN survey edition"},
    "components_title": {
        "id": "Komponen EGDI: {region}, {years}",
        "en": "EGDI components: {region}, {years}",
    },
    "no_data": {"id": "tanpa data", "en": "no data"},
    "not_shown": {"id": "{n} negara tidak ditampilkan", "en": "{n} countries not shown"},
    "source_un": {
        "id": "Sumber: UN DESA, Survei E-Government PBB {years}",
        "en": "Source: UN DESA, UN E-Government Survey {years}",
    },
    "source_pegi": {
        "id": "Sumber: angka dari teks Fahlevy dkk. (2023), yang mengutip databoks (2016)",
        "en": "Source: numbers from the text of Fahlevy et al. (2023), citing databoks (2016)",
    },
    "region:southeast-asia": {"id": "Asia Tenggara", "en": "Southeast Asia"},
    "region:asean-10": {"id": "ASEAN-10", "en": "ASEAN-10"},
    "region:asean": {"id": "ASEAN", "en": "ASEAN"},
    "region:paper-figure-1": {
        "id": "grafik makalah (10 negara)",
        "en": "the paper's chart (10 countries)",
    },
    "region:world": {"id": "dunia", "en": "world"},
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"Unknown language {lang!r}. Valid languages: {', '.join(LANGS)}.")
    return lang


def label(key: str, lang: str, **values) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    check_lang(lang)
    if key.startswith("region:") and key not in LABELS:
        return key.removeprefix("region:")
    return LABELS[key][lang].format(**values)
