"""Citation metadata, the lock file, the CI entry point and the publishing workflow."""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

import egov_repro

from conftest import ROOT


def pins(path: Path) -> set[str]:
    """Every "name==version ; marker" pin of a requirements file (a universal lock can
    pin one package at two versions, for different Pythons or platforms)."""
    found = set()
    for line in path.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-\[\]]+==[^\s\\;]+)(\s*;\s*[^\\]+?)?\s*\\?$", line)
        if match:
            found.add(match.group(1).lower() + (match.group(2) or "").strip())
    return found


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess:
    tool = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run(
        [str(tool), "--builtin-schema", schema, *map(str, files)], capture_output=True, text=True
    )


@pytest.mark.slow
def test_citation_cff_validates_and_carries_the_package_version():
    result = check_jsonschema("vendor.citation-file-format", ROOT / "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert any(r.get("doi") == "10.54144/govsci.v4i1.45" for r in cff["references"])
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert str(cff["version"]) == project["version"] == egov_repro.__version__


@pytest.mark.slow
def test_every_workflow_validates_against_the_github_schema():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) >= 2
    result = check_jsonschema("vendor.github-workflows", *workflows)
    assert result.returncode == 0, result.stdout + result.stderr


def test_test_workflow_runs_ci_run_on_push_and_pull_request_on_311_and_313():
    """One list of system packages: the workflow runs .ci/run (which ends with the
    README's test command) under CI=true, on the oldest and newest Python claimed."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "test.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert "push" in triggers and "pull_request" in triggers
    job = workflow["jobs"]["test"]
    assert job["strategy"]["matrix"]["python-version"] == ["3.11", "3.13"]
    runs = [step for step in job["steps"] if "run" in step]
    assert [step["run"] for step in runs] == [".ci/run"]
    assert runs[0]["env"]["CI"] == "true"
    assert runs[0]["env"]["PYTHON"] == "python${{ matrix.python-version }}"
    assert "apt-get" not in (ROOT / ".github" / "workflows" / "test.yml").read_text()


def test_every_action_is_pinned_by_commit_and_uv_by_its_hashes():
    for path in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        uses = re.findall(r"uses:\s*(\S+)", path.read_text())
        assert uses, path
        for action in uses:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), (path.name, action)
    uv = (ROOT / "requirements-uv.lock").read_text()
    assert re.search(r"^uv==[\d.]+ \\$", uv, re.M) and uv.count("--hash=sha256:") >= 10
    makefile = (ROOT / "Makefile").read_text()
    version = re.search(r"^UV_VERSION := (\S+)$", makefile, re.M).group(1)
    assert f"uv=={version} " in uv
    assert "--require-hashes -r requirements-uv.lock" in makefile


def test_pages_deployment_waits_for_the_tests():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "book.yml").read_text())
    trigger = workflow[True]["workflow_run"]
    assert trigger == {"workflows": ["test"], "types": ["completed"], "branches": ["main"]}
    build = workflow["jobs"]["build"]
    assert "workflow_run.conclusion == 'success'" in build["if"]
    assert any(step.get("run") == readme_commands()[0] for step in build["steps"])
    assert any(
        "upload-pages-artifact" in step.get("uses", "") and step["with"]["path"] == "_build/html"
        for step in build["steps"]
    )
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_ruff_lint_and_format_are_clean():
    ruff = Path(sys.executable).parent / "ruff"
    for command in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run([str(ruff), *command], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def third_party_imports() -> set[str]:
    """Top-level modules the package imports that are neither its own nor the stdlib."""
    found = set()
    for path in (ROOT / "src" / "egov_repro").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"egov_repro", "__future__"}


def test_every_runtime_import_is_a_declared_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    # The book's own dependencies, and the extras of the two commands that need more
    # (egov-repro pdf: the pdf extra; egov-repro lab: the lab extra).
    wanted = project["dependencies"] + [
        d for extra in ("pdf", "lab") for d in project["optional-dependencies"][extra]
    ]
    declared = {re.split(r"[<>=!~ \[;]", d)[0].lower().replace("_", "-") for d in wanted}
    providers = importlib.metadata.packages_distributions()
    missing = {
        module: providers.get(module)
        for module in third_party_imports()
        if not {d.lower().replace("_", "-") for d in providers.get(module, [])} & declared
    }
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"
    # What `egov-repro book` runs besides imports.
    assert {"jupyter-book", "ipykernel"} <= declared


def test_every_module_imports():
    for path in sorted((ROOT / "src" / "egov_repro").glob("[!_]*.py")):
        importlib.import_module(f"egov_repro.{path.stem}")


def test_requirements_txt_and_lock_pin_the_same_versions():
    txt, lock = pins(ROOT / "requirements.txt"), pins(ROOT / "requirements.lock")
    assert txt == lock and len(lock) > 50
    assert "-e ." in (ROOT / "requirements.txt").read_text().splitlines()
    assert any(pin.startswith("jupyter-book==1.") for pin in lock)
    # Universal: resolved for every platform, not just this one.
    assert any("sys_platform == 'win32'" in pin for pin in lock)
    assert any("sys_platform == 'darwin'" in pin for pin in lock)
    assert all(
        "--hash=sha256:" in block
        for block in re.split(r"\n(?=\S)", (ROOT / "requirements.lock").read_text())
        if "==" in block
    )


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:bash|sh)?\n(.*?)```", quick, re.S).group(1)
    return [
        line.split("#")[0].strip()
        for line in block.splitlines()
        if line.strip() and not line.startswith(("git clone", "cd "))
    ]


def test_console_script_is_installed():
    assert shutil.which("egov-repro", path=str(Path(sys.executable).parent))


def test_makefile_refuses_a_python_older_than_311_with_a_clear_message(tmp_path):
    # A folder a user may well have: spaces, a quote, non-ASCII letters, a dollar sign.
    folder = tmp_path / "My Projects" / "Ahmad's ëgov $HOME"
    folder.mkdir(parents=True)
    old = folder / "python3"
    old.write_text('#!/bin/sh\ncase "$1" in --version) echo "Python 3.9.18";; *) exit 1;; esac\n')
    old.chmod(0o755)
    result = subprocess.run(
        ["make", "-s", "check-python", f"PYTHON={old}"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "needs Python 3.11 or newer" in result.stdout and "Python 3.9.18" in result.stdout
    assert f"'{old}' is Python 3.9.18" in result.stdout
    ok = subprocess.run(
        ["make", "-s", "check-python", f"PYTHON={sys.executable}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
