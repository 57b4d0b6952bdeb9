"""Binder: repo2docker builds from binder/ (Python 3.11, the top-level requirements.txt
ignored) and installs the package into a kernel environment of its own, so the pinned
stack never downgrades the Jupyter server of Binder's image. `--no-build` prints the
Dockerfile without Docker."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

# Runs repo2docker.
pytestmark = pytest.mark.slow


def dockerfile(repo: Path) -> subprocess.CompletedProcess:
    tool = Path(sys.executable).parent / "jupyter-repo2docker"
    return subprocess.run(
        [str(tool), "--no-build", "--no-run", "--debug", str(repo)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_repo2docker_builds_python_3_11_and_runs_the_kernel_setup(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    names = ["binder", "Makefile", "requirements.lock", "requirements-uv.lock"]
    for name in [*names, "requirements.txt"]:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, repo / name)
    result = dockerfile(repo)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Building conda environment for python=3.11" in result.stderr
    # the base environment locked for Python 3.11 (its file name escaped: "." is -2e)
    assert "environment-2epy-2d3-2e11-2dlinux-2d64-2elock" in result.stdout
    assert "RUN ./binder/postBuild" in result.stdout
    # binder/ wins: the top-level requirements.txt (pins that include Jupyter's own
    # packages) is not installed into the server's environment.
    assert "requirements.txt" not in result.stdout
