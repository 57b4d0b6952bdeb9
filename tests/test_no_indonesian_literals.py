"""No Python string literal of the package holds an Indonesian sentence (issue 27):
every generated word lives in the message catalogues (``words/messages``), so an editor
reads them in one place. The paper's own quoted words (``paper.py``) are the exception.

The rule: a string constant (or the literal part of an f-string) reads as Indonesian
when it holds two or more different Indonesian function words — words that have no
English homograph and that every Indonesian sentence of more than a few words uses.
Identifiers, keys, markup and English messages hold none of them; one alone may be a
name ("Dalam" in a reference style, "Kota" in a place), two make a phrase."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import egov_repro

PACKAGE_DIR = Path(egov_repro.__file__).parent
# Files whose Indonesian is the paper's own quoted words, not ours.
EXEMPT = {"paper.py"}
# Indonesian function and frame words with no English twin (lower case).
INDONESIAN_WORDS = frozenset(
    [
        "yang",
        "dan",
        "dari",
        "untuk",
        "dengan",
        "tidak",
        "adalah",
        "pada",
        "ini",
        "itu",
        "dalam",
        "sebagai",
        "menurut",
        "berada",
        "urutan",
        "peringkat",
        "makalah",
        "atau",
        "oleh",
        "akan",
        "juga",
        "sudah",
        "belum",
        "telah",
        "karena",
        "tetapi",
        "namun",
        "bahwa",
        "kami",
        "kita",
        "mereka",
        "dapat",
        "bisa",
        "lebih",
        "paling",
        "antara",
        "di",
        "ke",
        "sejak",
        "hingga",
        "sampai",
        "tahun",
        "negara",
        "semua",
        "setiap",
        "tiap",
        "bagian",
        "halaman",
        "gambar",
        "tabel",
        "bab",
        "lihat",
        "sumber",
        "nilai",
        "indeks",
        "dunia",
        "edisi",
        "versi",
        "disusun",
        "pernyataan",
        "sebagian",
        "benar",
        "terpisah",
    ]
)
WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*")
THRESHOLD = 2


def indonesian_words(text: str) -> set[str]:
    """The distinct Indonesian function words of ``text``."""
    return {w for w in (m.lower() for m in WORD.findall(text)) if w in INDONESIAN_WORDS}


def reads_as_indonesian(text: str) -> bool:
    return len(indonesian_words(text)) >= THRESHOLD


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of docstring nodes (English explanations for developers, quoting an
    Indonesian phrase as an example is allowed there)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def indonesian_literals(source: str, filename: str) -> list[str]:
    """``file:line: 'text'`` for each string constant of ``source`` (f-string parts
    included, docstrings excluded) that reads as Indonesian."""
    tree = ast.parse(source, filename=filename)
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and reads_as_indonesian(node.value)
        ):
            found.append(f"{filename}:{node.lineno}: {node.value[:70]!r}")
    return sorted(set(found), key=lambda line: (line.split(":")[0], int(line.split(":")[1])))


def package_indonesian_literals() -> list[str]:
    found = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        if path.name in EXEMPT:
            continue
        name = path.relative_to(PACKAGE_DIR).as_posix()
        found += indonesian_literals(path.read_text(encoding="utf-8"), name)
    return found


def test_the_rule_flags_an_indonesian_sentence_and_not_english_or_code():
    assert reads_as_indonesian("Indonesia berada di urutan ke-5 di Asia Tenggara.")
    assert reads_as_indonesian("Yang sebagian benar")
    assert reads_as_indonesian("data PBB untuk tahun itu")
    assert not reads_as_indonesian("Indonesia is 5th among 11 Southeast Asian countries.")
    assert not reads_as_indonesian("claims.sea_place.claim")
    assert not reads_as_indonesian('<div class="egov-lang" lang="id">')
    assert not reads_as_indonesian("Unknown language 'fr'. Valid languages: en, id.")
    assert not reads_as_indonesian("Dalam")  # one word alone: a name, a style's word


def test_the_scan_finds_a_planted_literal_with_its_file_and_line():
    source = (
        '"""Module docstring: yang dan dari is fine here."""\n'
        'NAME = "egdi"\n'
        "def f(lang):\n"
        '    """Says it: "urutan ke-5 dari 11" as an example."""\n'
        '    return f"Indonesia berada di urutan {lang} dari negara"\n'
    )
    found = indonesian_literals(source, "planted.py")
    # both literal parts of the f-string, nothing else (not the docstrings, not "egdi")
    assert [line.split(": ")[0] for line in found] == ["planted.py:5", "planted.py:5"]
    assert any("berada di urutan" in line for line in found)


def test_no_string_literal_of_the_package_holds_an_indonesian_sentence():
    found = package_indonesian_literals()
    assert not found, (
        f"{len(found)} string literals read as Indonesian; move them into "
        "words/messages/<domain>.toml:\n" + "\n".join(found)
    )
