"""A small Sphinx extension: every page's footer names the data version and the
commit the book was built from, so a reader can tell which data a page shows."""

from __future__ import annotations

import subprocess
from pathlib import Path


def build_stamp(root: Path) -> dict[str, str]:
    import json

    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit, dirty = "unknown (not a git checkout)", ""
    descriptor = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    return {
        "data_version": descriptor["version"],
        "commit": commit + (" with uncommitted changes" if dirty else ""),
    }


def _footer(app, config) -> None:
    stamp = build_stamp(Path(app.srcdir))
    options = dict(config.html_theme_options or {})
    options["extra_footer"] = (
        f'<p class="egov-stamp">Data package version <code>{stamp["data_version"]}</code>'
        f" &middot; built from commit <code>{stamp['commit']}</code></p>"
        + options.get("extra_footer", "")
    )
    config.html_theme_options = options


def _unique_scripts(app, pagename, templatename, context, doctree) -> None:
    """Drop repeated <script> tags. sphinx-thebe adds its inline configuration once per
    build from an event that fires again when pages are re-read, and a second
    `const THEBE_JS_URL` declaration is a JavaScript error in every page's console."""
    seen, unique = set(), []
    for script in context.get("script_files", []):
        # An inline script is added once with filename None and once with "".
        key = (
            getattr(script, "filename", str(script)) or "",
            getattr(script, "attributes", {}).get("body"),
        )
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def _static_files(app, config) -> None:
    """The package's own CSS (report cards, figures), shipped inside the package."""
    config.html_static_path = [*config.html_static_path, str(Path(__file__).parent / "static")]


def setup(app):
    app.connect("config-inited", _static_files)
    app.add_css_file("egov-repro.css")
    app.connect("config-inited", _footer, priority=900)
    app.connect("html-page-context", _unique_scripts)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
