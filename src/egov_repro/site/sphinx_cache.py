"""Sphinx: never a stale page. Before anything is read, stale executed notebooks are
dropped (egov_repro.book.cachekey.invalidate), kernels log errors only, and every page is
re-read when the data, code or locked dependencies changed."""

from __future__ import annotations

import os
from pathlib import Path

from egov_repro.book.cachekey import SECOND_EDITION, fingerprint, invalidate, sweep_leftovers
from egov_repro.book.executor import quiet_kernels


def _invalidate(app, config) -> None:
    root = Path(app.srcdir)
    if os.environ.get(SECOND_EDITION):
        # Built beside the English edition, which owns the cache: read it, never clear it.
        app.egov_key, app.egov_stale = fingerprint(root), set()
        return
    quiet_kernels(root)
    sweep_leftovers(root)  # what an interrupted build's killed kernels left
    cache = Path(config.nb_execution_cache_path or root / "_build" / ".jupyter_cache")
    if not cache.is_absolute():
        cache = root / cache
    state = invalidate(root, cache)
    app.egov_key = state["key"]
    app.egov_stale = {f"chapters/{name.removesuffix('.ipynb')}" for name in state["stale"]}


def _outdated(app, env, added, changed, removed) -> list[str]:
    """Pages to re-read although their source did not change: all of them when the key
    changed since the stored environment was built, else chapters whose run is stale."""
    key = getattr(app, "egov_key", None)
    if getattr(env, "egov_key", None) != key:
        env.egov_key = key
        return sorted(env.found_docs)
    return sorted(app.egov_stale & set(env.found_docs))


def setup(app):
    app.connect("config-inited", _invalidate, priority=100)
    app.connect("env-get-outdated", _outdated)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
