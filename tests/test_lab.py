"""make lab: JupyterLab on the book whose default kernel is the project's environment.
The test starts it headless on a free port (on a copy of the project), reads the kernel
specs, runs a chapter top to bottom through that kernel, and stops it with SIGINT."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import nbformat
import psutil
import pytest

from conftest import IN_CI, copy_project, project_env

# Starts JupyterLab or a kernel.
pytestmark = pytest.mark.slow

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
    # No heartbeat: it declares a kernel dead when a ping waits more than a second for
    # its answer, as on a loaded machine it may (test_a_starved_kernel_is_not_dead).
    # The server started this kernel and keeps it; a kernel that really died shows as a
    # readiness that never comes, within the ceiling.
    client.start_channels(hb=False)
    outputs = []
    try:
        # Not a kernel_info reply alone: the shell channel answering does not mean that
        # the iopub subscription is live, and a cell's output and idle status published
        # before it is would be lost (test_a_shell_reply_does_not_prove_iopub_is_live).
        client.wait_for_ready(timeout=120)
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


# --- the first cell's output: ZeroMQ's slow joiner, made to happen ---------------------


class HeldSubscription:
    """A TCP relay in front of a kernel's iopub port. What the kernel sends reaches the
    client at once; what the client sends (its ZeroMQ greeting, then its subscription)
    waits until ``release()``. Until then the kernel has no subscriber on this
    connection and drops what it publishes, as it does for a client whose connection
    or subscription is still on its way (ZeroMQ's "slow joiner"): a slow joiner that
    lasts as long as the test wants."""

    def __init__(self, kernel_port: int):
        self._released = threading.Event()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._sockets = [self._server]
        threading.Thread(target=self._serve, args=(kernel_port,), daemon=True).start()

    def _serve(self, kernel_port: int) -> None:
        with contextlib.suppress(OSError):
            client, _ = self._server.accept()
            kernel = socket.create_connection(("127.0.0.1", kernel_port))
            self._sockets += [client, kernel]
            threading.Thread(target=self._pump, args=(kernel, client), daemon=True).start()
            self._released.wait()
            self._pump(client, kernel)

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                target.sendall(data)

    def release(self) -> None:
        self._released.set()

    def close(self) -> None:
        self._released.set()
        for sock in self._sockets:
            sock.close()


def test_a_shell_reply_does_not_prove_iopub_is_live_and_wait_for_ready_waits_for_it():
    """The lab test once waited 120 s for its first cell (`Timeout waiting for output`)
    after kernel_info had been answered on the shell channel. The cause, made to happen
    here: until the client's iopub subscription reaches the kernel, what the kernel
    publishes (a cell's output and its idle status) is dropped, and execute_interactive
    waits for an idle status that never comes. wait_for_ready, which the lab test now
    uses, returns only once an iopub message has arrived."""
    from jupyter_client import BlockingKernelClient, KernelManager

    from egov_repro.book.executor import QUIET_KERNEL

    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(extra_arguments=QUIET_KERNEL)
    relay = client = None
    try:
        first = manager.client()  # a direct client: the kernel is up, its ports bound
        first.start_channels()
        first.wait_for_ready(timeout=120)
        first.stop_channels()
        relay = HeldSubscription(manager.iopub_port)
        client = BlockingKernelClient()
        client.load_connection_info({**manager.get_connection_info(), "iopub_port": relay.port})
        client.start_channels()
        # What the lab test did: the kernel answers kernel_info on the shell channel...
        client.kernel_info()
        assert client.get_shell_msg(timeout=120)["msg_type"] == "kernel_info_reply"
        # ...and yet a cell run then never reports back: its output and idle status were
        # published to nobody. (A short ceiling: it holds for as long as the relay does.)
        with pytest.raises(TimeoutError, match="Timeout waiting for output"):
            client.execute_interactive("print('lost')", timeout=3, output_hook=print)
        reply = client.get_shell_msg(timeout=120)  # the cell did run, and printed
        assert reply["msg_type"] == "execute_reply" and reply["content"]["status"] == "ok"
        # wait_for_ready does not take the shell's reply for readiness...
        with pytest.raises(RuntimeError, match="didn't respond"):
            client.wait_for_ready(timeout=3)
        # ...and returns once the subscription is live, after which nothing is lost.
        relay.release()
        client.wait_for_ready(timeout=120)
        printed = []
        reply = client.execute_interactive(
            "print('found')", timeout=120, output_hook=lambda m: printed.append(m["content"])
        )
        assert reply["content"]["status"] == "ok"
        assert [c.get("text") for c in printed if "text" in c] == ["found\n"]
    finally:
        if client is not None:
            client.stop_channels()
        if relay is not None:
            relay.close()
        manager.shutdown_kernel(now=True)


# --- the first reply: a heartbeat that takes a busy machine for a dead kernel ----------


def test_a_starved_kernel_is_not_dead_but_the_heartbeat_says_it_is():
    """The lab test once failed with "Kernel died before replying to kernel_info" on a
    machine at load 14, its kernel alive. The cause, made to happen here: a client that
    did not start the kernel judges it by the heartbeat, which calls a kernel dead when
    one ping waits more than a second (HBChannel.time_to_dead); a kernel starved of CPU
    for longer (here: stopped with SIGSTOP for 3 s) is then "dead" to wait_for_ready.
    Without the heartbeat, as the lab test now connects, the same client waits for it."""
    from jupyter_client import BlockingKernelClient, KernelManager

    from egov_repro.book.executor import QUIET_KERNEL

    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(extra_arguments=QUIET_KERNEL)
    pid = manager.provisioner.process.pid
    try:
        first = manager.client()
        first.start_channels()
        first.wait_for_ready(timeout=120)
        first.stop_channels()
        for heartbeat in (True, False):
            client = BlockingKernelClient()
            client.load_connection_info(manager.get_connection_info())
            client.start_channels(hb=heartbeat)
            os.kill(pid, signal.SIGSTOP)  # the kernel gets no CPU, as on a busy machine
            resume = threading.Timer(3, os.kill, (pid, signal.SIGCONT))
            resume.start()
            try:
                if heartbeat:
                    with pytest.raises(RuntimeError, match="Kernel died before replying"):
                        client.wait_for_ready(timeout=120)
                    assert psutil.Process(pid).is_running()  # it was alive all along
                else:
                    client.wait_for_ready(timeout=120)  # returns once it runs again
            finally:
                resume.join()
                client.stop_channels()
    finally:
        os.kill(pid, signal.SIGCONT)
        manager.shutdown_kernel(now=True)
