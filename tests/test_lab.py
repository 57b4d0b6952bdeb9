"""make lab: JupyterLab on the book whose default kernel is the project's environment.
The test starts it headless on a free port (on a copy of the project), reads the kernel
specs, runs a chapter top to bottom through that kernel, and stops it with SIGINT."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import psutil
import pytest

from conftest import IN_CI, copy_project, project_env

TOKEN = "egov-repro-test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(base: str, path: str, body: dict | None = None) -> dict:
    request = urllib.request.Request(
        f"{base}{path}",
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"token {TOKEN}", "Content-Type": "application/json"},
        method="GET" if body is None else "POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def started_in_the_background() -> None:
    """SIGINT as a shell leaves it for a command it runs in the background (`cmd &`, and
    whatever runs the suite that way): ignored. Ctrl-C must stop the server anyway; a
    suite started from a terminal would not show whether it does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.fixture
def lab(tmp_path):
    if importlib.util.find_spec("jupyterlab") is None:
        reason = "JupyterLab is not installed: `make lab-env` (or `make lab`) installs it"
        if IN_CI:
            pytest.fail(f"CI=true but {reason}; .ci/run does")
        pytest.skip(reason)
    project = copy_project(tmp_path / "project")
    runtime = tmp_path / "runtime"
    env = {**project_env(), "JUPYTER_RUNTIME_DIR": str(runtime)}
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "egov_repro", "lab", "--port", str(port), "--token", TOKEN],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=started_in_the_background,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            api(base, "/api/status")
            break
        except OSError:
            assert server.poll() is None, server.stdout.read()
            time.sleep(0.5)
    yield project, runtime, base, server
    if server.poll() is None:
        server.kill()


def test_lab_runs_a_chapter_in_the_project_kernel_and_stops_on_ctrl_c(lab):
    from jupyter_client import BlockingKernelClient

    project, runtime, base, server = lab
    specs = api(base, "/api/kernelspecs")
    assert specs["default"] == "python3"
    spec = specs["kernelspecs"]["python3"]["spec"]
    assert spec["display_name"] == "Python 3 (egov-repro)"
    assert os.path.realpath(spec["argv"][0]) == os.path.realpath(sys.executable)

    kernel = api(base, "/api/kernels", {"name": "python3", "path": "chapters"})
    client = BlockingKernelClient()
    client.load_connection_file(str(runtime / f"kernel-{kernel['id']}.json"))
    client.start_channels()
    outputs = []
    try:
        # (wait_for_ready would take a slow first heartbeat for a dead kernel)
        client.kernel_info()
        assert client.get_shell_msg(timeout=90)["msg_type"] == "kernel_info_reply"
        notebook = nbformat.read(project / "chapters" / "02-southeast-asia-ranking.ipynb", 4)
        for cell in notebook.cells:
            if cell.cell_type != "code":
                continue
            reply = client.execute_interactive(
                cell.source, timeout=120, output_hook=lambda m: outputs.append(m["content"])
            )
            assert reply["content"]["status"] == "ok", (cell.source, reply["content"])
        reply = client.execute_interactive(
            "import sys; print(sys.executable)",
            timeout=30,
            output_hook=lambda m: outputs.append(m["content"]),
        )
    finally:
        client.stop_channels()
    printed = [o.get("text", "") for o in outputs if "text" in o]
    assert os.path.realpath(printed[-1].strip()) == os.path.realpath(sys.executable)
    # The chapter's own figure, written into the copy's figures/ by that kernel.
    assert (project / "figures" / "fig1-southeast-asia-egdi-2022-en.svg").is_file()

    # Ctrl-C stops the server without asking (a server that asks would wait for an
    # answer and keep running), and its kernel with it. The bound is generous: the
    # server asks each kernel to shut down and waits up to its shutdown_wait_time (5 s)
    # before killing it, and the other test worker keeps both cores busy.
    family = psutil.Process(server.pid).children(recursive=True)
    assert family, "the server runs no kernel"
    server.send_signal(signal.SIGINT)
    server.wait(timeout=60)
    _gone, alive = psutil.wait_procs(family, timeout=10)
    assert not alive, [p.cmdline() for p in alive]
    log = server.stdout.read()
    assert "Interrupted" in log and "Shut down this Jupyter server" not in log  # no question
