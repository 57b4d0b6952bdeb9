"""Every piece of text a figure shows, in Indonesian (the paper's language) and English."""

from __future__ import annotations

LANGS = ("id", "en")

LABELS = {
    "egdi": {"id": "EGDI", "en": "EGDI"},
    "egdi_long": {
        "id": "Indeks Pembangunan E-Government (EGDI)",
        "en": "E-Government Development Index (EGDI)",
    },
    "osi": {"id": "Indeks Layanan Daring (OSI)", "en": "Online Service Index (OSI)"},
    "hci": {"id": "Indeks Modal Manusia (HCI)", "en": "Human Capital Index (HCI)"},
    "tii": {
        "id": "Indeks Infrastruktur Telekomunikasi (TII)",
        "en": "Telecommunication Infrastructure Index (TII)",
    },
    "osi_short": {"id": "OSI (layanan daring)", "en": "OSI (online services)"},
    "hci_short": {"id": "HCI (modal manusia)", "en": "HCI (human capital)"},
    "tii_short": {"id": "TII (infrastruktur telekomunikasi)", "en": "TII (telecom infrastructure)"},
    "world_rank": {"id": "Peringkat dunia", "en": "World rank"},
    "rank_short": {"id": "peringkat dunia", "en": "world rank"},
    "fig1_title": {
        "id": "EGDI negara-negara {region}, {year}",
        "en": "EGDI of {region} countries, {year}",
    },
    "not_in_paper": {"id": "tidak ada di grafik makalah", "en": "not in the paper's chart"},
    "fig2_title": {
        "id": "10 provinsi dengan skor e-government terbaik, 2016 (PeGI)",
        "en": "The 10 provinces with the best e-government scores, 2016 (PeGI)",
    },
    "fig2_axis": {
        "id": 'Skor (dicetak sebagai "persen" di makalah; kemungkinan skor PeGI, skala hingga 4)',
        "en": 'Score (printed as "percent" in the paper; likely a PeGI score, scale up to 4)',
    },
    "fig3_title": {
        "id": "E-government {country}, {first}-{last}",
        "en": "E-government in {country}, {first}-{last}",
    },
    "median": {"id": "Median EGDI {region}", "en": "{region} median EGDI"},
    "index_value": {"id": "Nilai indeks (0-1)", "en": "Index value (0-1)"},
    "survey_year": {"id": "Edisi survei PBB", "en": "UN survey edition"},
    "components_title": {
        "id": "Komponen EGDI: {region}, {years}",
        "en": "EGDI components: {region}, {years}",
    },
    "no_data": {"id": "tanpa data", "en": "no data"},
    "not_shown": {"id": "{n} negara tidak ditampilkan", "en": "{n} countries not shown"},
    "source_un": {
        "id": "Sumber: UN DESA, UN E-Government Survey {years}",
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
