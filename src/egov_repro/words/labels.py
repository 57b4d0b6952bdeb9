"""The book's one vocabulary (``TERMS``) and every piece of text a figure shows, in
English and Indonesian: each index, component, verdict and recurring word with the
UN's English name and the one Indonesian name used everywhere. The words live in
``words/messages/labels.toml``; this module names them."""

from __future__ import annotations

from egov_repro.words.catalogue import messages, say, say_all
from egov_repro.words.languages import check_language

# Re-exported for the modules that still import it from here.
check_lang = check_language

TERM_KEYS = (
    "egdi", "osi", "hci", "tii", "epi", "survey", "un", "world_rank", "edition", "region",
    "southeast_asia", "median", "verdict:confirmed", "verdict:partly", "verdict:differs",
    "verdict:unverifiable",
)  # fmt: skip
# key -> {"en": the UN's (or the book's) English name, "id": our Indonesian name}.
TERMS = {key: say_all("labels.term." + key) for key in TERM_KEYS}

# A figure's words that are a term of the vocabulary, under the figure's own key.
_FROM_TERMS = {"egdi_long": "egdi", "osi": "osi", "hci": "hci", "tii": "tii"}
REGIONS = ("southeast-asia", "asean-10", "asean", "paper-figure-1", "world")


def _key(key: str) -> str:
    if key in _FROM_TERMS:
        return "labels.term." + _FROM_TERMS[key]
    if key.startswith("region:"):
        return "labels.region." + key.removeprefix("region:")
    return "labels.label." + key


def has_label(key: str) -> bool:
    """Whether ``key`` ("fig1_title", "region:asean") names a figure's words."""
    return _key(key) in messages()


def label(key: str, lang: str, **values) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled in; a region the
    catalogue does not name keeps its slug."""
    check_language(lang)
    if key.startswith("region:") and not has_label(key):
        return key.removeprefix("region:")
    return say(_key(key), lang, **values)


LABEL_KEYS = (
    "egdi", "egdi_long", "osi", "hci", "tii", "osi_short", "hci_short", "tii_short",
    "world_rank", "fig1_axis", "fig1_title", "not_in_paper", "fig2_title", "fig2_axis",
    "fig3_title", "median", "index_value", "survey_year", "components_title", "no_data",
    "not_shown", "source_un", "source_pegi",
)  # fmt: skip
