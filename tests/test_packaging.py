"""Citation metadata, the lock file, the CI entry point and the publishing workflow."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s\\;]+)", line)
        if match:
            found[match.group(1).lower()] = match.group(2)
    return found


def test_citation_cff_validates():
    cffconvert = Path(sys.executable).parent / "cffconvert"
    result = subprocess.run([str(cffconvert), "--validate", "-i", str(ROOT / "CITATION.cff")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert any(r.get("doi") == "10.54144/govsci.v4i1.45" for r in cff["references"])


def test_requirements_txt_and_lock_pin_the_same_versions():
    txt, lock = pins(ROOT / "requirements.txt"), pins(ROOT / "requirements.lock")
    assert txt == lock and len(lock) > 50
    assert "-e ." in (ROOT / "requirements.txt").read_text().splitlines()
    assert lock["jupyter-book"].startswith("1.")
    assert all("--hash=sha256:" in block for block in
               re.split(r"\n(?=\S)", (ROOT / "requirements.lock").read_text()) if "==" in block)


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:bash|sh)?\n(.*?)```", quick, re.S).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines()
            if line.strip() and not line.startswith(("git clone", "cd "))]


def test_readme_quick_start_has_two_commands_and_ci_runs_the_test_one():
    assert readme_commands() == ["make book", "make test"]
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert ci[-1] == "make test"


def test_publishing_workflow_builds_with_the_readme_command_and_deploys():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "book.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    assert any(step.get("run") == readme_commands()[0] for step in steps)
    assert any("upload-pages-artifact" in step.get("uses", "") and
               step["with"]["path"] == "_build/html" for step in steps)
    deploy = workflow["jobs"]["deploy"]["steps"]
    assert any("deploy-pages" in step.get("uses", "") for step in deploy)


def test_console_script_is_installed():
    assert shutil.which("egov-repro", path=str(Path(sys.executable).parent))
