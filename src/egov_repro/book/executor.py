"""Executing the book's notebooks on both cores, one kernel per core reset between
notebooks, into jupyter-book's execution cache (``egov-repro book`` and
``refresh-notebooks``), with the kernels' own log kept out of the outputs."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from egov_repro.book.contents import cache_settings, dependencies, notebooks

KERNEL_LOG_LEVEL = "CRITICAL"
QUIET_KERNEL = [f"--IPKernelApp.log_level={KERNEL_LOG_LEVEL}"]


def quiet_kernels(root: Path) -> None:
    """Point kernels started from this process at an IPython profile that logs errors only."""
    profile = Path(root) / "_build" / ".ipython" / "profile_default"
    profile.mkdir(parents=True, exist_ok=True)
    config = profile / "ipython_kernel_config.py"
    text = f"c.IPKernelApp.log_level = '{KERNEL_LOG_LEVEL}'\n"
    if not config.is_file() or config.read_text() != text:
        config.write_text(text)
    os.environ["IPYTHONDIR"] = str(profile.parent)


# --- building ------------------------------------------------------------------------


# Cells that make a kernel which already ran a notebook as good as a new one for the


RESET = """\
import os, sys
os.chdir({folder!r})
if "matplotlib.pyplot" in sys.modules:
    sys.modules["matplotlib.pyplot"].close("all")
get_ipython().reset(new_session=True)
"""


def _run_order(root: Path, jobs: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """Longest first, so that both cores finish together: the chapters that run other
    chapters (each run a kernel of its own), then the rest in reading order. ``jobs``
    are (path, notebook) pairs."""
    runs_others = {p.name for p in notebooks(root) if dependencies(p)}
    return sorted(jobs, key=lambda job: Path(job[0]).name not in runs_others)


def execute_notebooks(root: Path, jobs: list, timeout: int, workers: int = 2):
    """Execute (path, notebook) pairs on ``workers`` cores, longest first, one kernel per
    core; yield (path, notebook, seconds, traceback or None) as each ends."""
    import queue
    import threading

    shared = _run_order(root, jobs)  # each worker takes the next when it is free
    results: queue.Queue = queue.Queue()
    threads = [
        threading.Thread(target=_execute_all, args=(shared, timeout, results), daemon=True)
        for _ in range(min(workers, len(jobs)))
    ]
    for thread in threads:
        thread.start()
    try:
        for _ in jobs:
            yield results.get()
    finally:  # also when the caller stops early: no further notebook starts
        shared.clear()
        for thread in threads:
            thread.join()


def _execute_all(jobs: list, timeout: int, results) -> None:
    """Take notebooks from ``jobs`` until none is left and execute them in one kernel,
    reset between notebooks; put (uri, notebook, seconds, traceback or None) into
    ``results`` for each. A kernel whose notebook failed is shut down and the next
    notebook gets a new one, so that no failure can leak into another notebook."""
    import time
    import traceback

    import nbformat
    from nbclient import NotebookClient

    kernel = None  # the client that started this worker's kernel (and shuts it down)

    def client_for(nb, folder: str) -> NotebookClient:
        client = NotebookClient(
            nb,
            km=kernel.km if kernel else None,
            timeout=timeout,
            allow_errors=False,
            record_timing=False,
            resources={"metadata": {"path": folder}},
        )
        client.kc = kernel.kc if kernel else None
        return client

    try:
        while True:
            try:
                uri, nb = jobs.pop(0)
            except IndexError:
                return
            folder = str(Path(uri).parent)
            start, failure = time.perf_counter(), None
            client = None
            try:
                if kernel is not None:
                    reset = nbformat.v4.new_notebook()
                    reset.cells.append(nbformat.v4.new_code_cell(RESET.format(folder=folder)))
                    client_for(reset, folder).execute(cleanup_kc=False)
                client = client_for(nb, folder)
                client.execute(cleanup_kc=False)
                kernel = kernel or client
            except BaseException as error:  # reported; the notebook is left to jupyter-book
                failure = "".join(traceback.format_exception(error))
                _shutdown(kernel or client)
                kernel = None
            results.put((uri, nb, time.perf_counter() - start, failure))
    finally:
        _shutdown(kernel)


def _shutdown(client) -> None:
    """End the kernel a notebook client started, and its channels."""
    if client is not None and client.km is not None:
        with contextlib.suppress(Exception):
            client._cleanup_kernel()


def store_run(cache, uri: str, nb, seconds: float) -> None:
    """Put an executed notebook into the book's cache, as jupyter-book would find it."""
    from jupyter_cache.base import CacheBundleIn

    bundle = CacheBundleIn(nb, uri, data={"execution_seconds": seconds})
    cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)


def pre_execute(root: Path, workers: int = 2) -> list[str]:
    """Execute the notebooks that have no cached run, on both cores at once.

    jupyter-book itself executes one notebook after the other, each in a new kernel;
    filling its cache first lets it find every notebook already executed. Each core
    keeps one kernel for all the notebooks it runs (reset in between: new namespace, new
    session), so the libraries are imported twice, not once per notebook. A notebook
    that fails here is simply left for jupyter-book, which re-runs it in a new kernel
    and reports the error in the build.
    """
    from jupyter_cache import get_cache
    from jupyter_cache.cache.db import NbProjectRecord

    cache_dir, timeout = cache_settings(root)
    cache = get_cache(str(cache_dir))
    uris = [str(path) for path in notebooks(root)]
    for uri in uris:
        cache.add_nb_to_project(uri)
    records = cache.list_unexecuted(filter_uris=uris)
    jobs = [(r.uri, cache.get_project_notebook(r.pk).nb) for r in records]
    done = []
    # The cache (SQLite) is written from this thread only.
    for uri, nb, seconds, failure in execute_notebooks(root, jobs, timeout, workers):
        if failure:
            NbProjectRecord.set_traceback(uri, failure, cache.db)
            continue
        store_run(cache, uri, nb, seconds)
        done.append(uri)
    return done
