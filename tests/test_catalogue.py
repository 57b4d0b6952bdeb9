"""The message catalogues (egov_repro.words.catalogue): every message in both
languages with the same placeholders, every message used by the code, and the
rendering of facts (numbers, ordinals, lists, dates, plurals) in each language."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

import egov_repro
from egov_repro.words import catalogue
from egov_repro.words.catalogue import MessageError, messages, problems, say, say_all
from egov_repro.words.languages import LANGUAGES

PACKAGE_DIR = Path(egov_repro.__file__).parent


def _catalogue(tmp_path: Path, text: str, name: str = "demo") -> Path:
    (tmp_path / f"{name}.toml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.fixture
def demo(tmp_path, monkeypatch):
    """A catalogue folder of its own, read by say() in place of the package's."""
    folder = _catalogue(
        tmp_path,
        """
[rank]
en = "Indonesia is {place:ordinal} of {n:whole}, EGDI {egdi:number}, {change:signed.2}."
id = "Indonesia urutan {place:ordinal} dari {n:whole}, EGDI {egdi:number}, {change:signed.2}."

[who]
en = "{names:list} lead; {count:Words} editions."
id = "{names:list} memimpin; {count:Words} edisi."

[editions]
en = { one = "{count:whole} edition", other = "{count:whole} editions" }
id = "{count:whole} edisi"

[built]
en = "Built on {day:date}."
id = "Disusun pada {day:date}."
""",
    )
    monkeypatch.setattr(catalogue, "MESSAGES_DIR", folder)
    return folder


def test_the_package_catalogues_have_every_message_in_both_languages_with_the_same_placeholders():
    assert problems() == []


def test_a_message_renders_each_fact_in_the_formats_of_its_language(demo):
    values = dict(place=5, n=2316, egdi=0.716, change=-0.0145)
    assert say("demo.rank", "en", **values) == (
        "Indonesia is 5th of 2,316, EGDI 0.7160, \u22120.01."
    )
    assert say("demo.rank", "id", **values) == (
        "Indonesia urutan ke-5 dari 2.316, EGDI 0,7160, \u22120,01."
    )
    day = dt.date(2026, 12, 6)
    assert say_all("demo.built", day=day) == {
        "en": "Built on 6 December 2026.",
        "id": "Disusun pada 6 Desember 2026.",
    }


def test_plural_forms_follow_cldr_and_indonesian_has_one_form(demo):
    assert say("demo.editions", "en", count=1) == "1 edition"
    assert say("demo.editions", "en", count=12) == "12 editions"
    assert say("demo.editions", "id", count=1) == "1 edisi"
    with pytest.raises(MessageError, match="plural forms: give count="):
        say("demo.editions", "en")


def test_a_missing_value_names_the_file_the_message_and_the_placeholder(demo):
    with pytest.raises(MessageError) as error:
        say("demo.rank", "id", place=5, n=11, egdi=0.7)
    message = str(error.value)
    assert "words/messages/demo.toml" in message and "'demo.rank'" in message
    assert "{change}" in message and "(id)" in message


def test_an_unknown_message_or_language_is_an_error_naming_it(demo):
    with pytest.raises(MessageError, match=r"demo\.toml: no message 'demo\.nothing'"):
        say("demo.nothing", "en")
    with pytest.raises(ValueError, match=r"Unknown language 'fr'\. Valid languages: en, id\."):
        say("demo.rank", "fr")


def test_problems_finds_a_message_missing_in_a_language(tmp_path):
    folder = _catalogue(tmp_path, '[lead]\nen = "{who} leads."\n')
    assert problems(folder) == ["words/messages/demo.toml: demo.lead: no id text"]


def test_problems_finds_placeholders_that_differ_between_languages(tmp_path):
    folder = _catalogue(tmp_path, '[lead]\nen = "{who} leads in {year}."\nid = "{who} memimpin."\n')
    (problem,) = problems(folder)
    assert "demo.lead: placeholders differ" in problem
    assert "en ['who', 'year']" in problem and "id ['who']" in problem


def test_problems_finds_an_unknown_format_and_a_plural_form_cldr_lacks(tmp_path):
    folder = _catalogue(
        tmp_path,
        '[a]\nen = "{x:roman}"\nid = "{x:roman}"\n'
        '[b]\nen = { single = "{count} x" }\nid = "{count} x"\n',
    )
    found = problems(folder)
    assert "words/messages/demo.toml: demo.a: en uses unknown format 'roman'" in found
    assert any("demo.b: en plural forms ['single']" in line for line in found)


def test_a_file_that_is_not_toml_is_named_in_the_error(tmp_path):
    folder = _catalogue(tmp_path, "[lead\nen = 1\n", name="broken")
    with pytest.raises(MessageError, match=r"words/messages/broken\.toml: not valid TOML"):
        messages(folder)


def _string_constants() -> set[str]:
    found = set()
    for path in PACKAGE_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def unused_messages(keys, constants: set[str]) -> list[str]:
    """Keys no code names: a key is used when a string of the package equals it, or
    when a string of two or more segments ending in a dot is its prefix and the rest
    of the key is itself a string of the package (a key built from a fact, e.g.
    "claims.verdict." + verdict)."""
    prefixes = [c for c in constants if c.endswith(".") and c.count(".") >= 2]
    return sorted(
        key
        for key in keys
        if key not in constants
        and not any(key.startswith(p) and key[len(p) :] in constants for p in prefixes)
    )


def test_every_message_is_used_by_the_code():
    assert unused_messages(messages(), _string_constants()) == []


def test_the_unused_check_finds_a_message_no_code_names():
    keys = ["claims.sea_place.claim", "claims.verdict.partly", "claims.old.sentence"]
    constants = {"claims.sea_place.claim", "claims.verdict.", "partly"}
    assert unused_messages(keys, constants) == ["claims.old.sentence"]


def test_the_languages_are_the_editions_languages():
    assert LANGUAGES == ("en", "id")
