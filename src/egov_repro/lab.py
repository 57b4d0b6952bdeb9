"""JupyterLab on the book, running every chapter in the project's own environment.

The chapters' notebooks ask for the kernel named ``python3``. ``egov-repro lab`` writes
that kernel into the project's environment (pointing at this interpreter), puts the
environment's Jupyter folder first on ``JUPYTER_PATH`` so that no ``python3`` kernel of
the user's or the system's can take its place, makes it the server's default, and starts
JupyterLab on the book's folder without a browser. Ctrl-C stops it at once (no "shut
down?" question), with its kernels.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

KERNEL_NAME = "python3"  # what every chapter's metadata names
DISPLAY_NAME = "Python 3 (egov-repro)"


def jupyter_dir() -> Path:
    """The environment's own Jupyter data folder (``<venv>/share/jupyter``)."""
    return Path(sys.prefix) / "share" / "jupyter"


def install_kernel() -> Path:
    """Write the project's kernel spec into the environment; returns its folder."""
    from ipykernel.kernelspec import install

    return Path(install(kernel_name=KERNEL_NAME, display_name=DISPLAY_NAME, prefix=sys.prefix))


def command(root: Path, port: int | None = None, token: str | None = None) -> list[str]:
    """The JupyterLab command line for the book in ``root``."""
    argv = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.answer_yes=True",
        f"--MappingKernelManager.default_kernel_name={KERNEL_NAME}",
        "--ServerApp.ip=127.0.0.1",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # a container's root user
        argv.append("--allow-root")
    if port is not None:
        argv += [f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if token is not None:
        argv.append(f"--IdentityProvider.token={token}")
    return argv


def environment() -> dict[str, str]:
    paths = [
        str(jupyter_dir()),
        *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep)),
    ]
    return {**os.environ, "JUPYTER_PATH": os.pathsep.join(paths)}


def run(root: Path | None = None, port: int | None = None, token: str | None = None) -> int:
    """Replace this process with JupyterLab (so Ctrl-C and the exit status are its own)."""
    import importlib.util

    root = (root or Path.cwd()).resolve()
    if importlib.util.find_spec("jupyterlab") is None:
        raise FileNotFoundError(
            "JupyterLab is not installed in this environment; `make lab` installs it "
            "(from requirements-lab.lock) and starts it"
        )
    if not (root / "_toc.yml").is_file():
        raise FileNotFoundError(f"{root}: not the book's folder (no _toc.yml)")
    spec = install_kernel()
    print(f"kernel {KERNEL_NAME!r} ({DISPLAY_NAME}): {spec}", flush=True)
    print("starting JupyterLab on the book; open the URL below, Ctrl-C stops it", flush=True)
    argv = command(root, port, token)
    # Ctrl-C must stop the server however it was started: a shell passes SIGINT to a
    # command it runs in the background (and to all that command starts) as ignored,
    # an ignored signal stays ignored across exec, and Python then never raises
    # KeyboardInterrupt. (Jupyter Server only handles SIGINT itself on a terminal.)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    os.execve(argv[0], argv, environment())
    return 0  # not reached
