"""Re-run a chapter with other parameters through papermill (the same notebook,
not a copy of its code), e.g. Figures 1 and 3 for the 2024 survey."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from egov_repro.book.executor import QUIET_KERNEL
from egov_repro.data import paths


def chapters_dir() -> Path:
    return paths.project_root() / "chapters"


def output_name(chapter: str, parameters: dict) -> str:
    suffix = "-".join(f"{k}-{v}" for k, v in sorted(parameters.items()))
    return f"{Path(chapter).stem}--{suffix}.ipynb"


def run_chapter(chapter: str, parameters: dict, out_dir=None) -> Path:
    """Execute ``chapters/<chapter>`` with ``parameters``; return the executed copy's path.

    The copy goes to ``out_dir`` (default: a fresh temporary folder), never over the
    chapter; what the run produces that matters is its figure and table in figures/.
    """
    import tempfile

    import papermill

    source = chapters_dir() / chapter
    out_dir = Path(out_dir or tempfile.mkdtemp(prefix="egov-repro-papermill-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / output_name(chapter, parameters)
    papermill.execute_notebook(
        str(source),
        str(target),
        parameters=parameters,
        cwd=str(source.parent),
        progress_bar=False,
        log_output=False,
        kernel_name="python3",
        extra_arguments=QUIET_KERNEL,
    )
    return target


def run_chapters(runs: list[tuple[str, dict]], out_dir=None) -> list[Path]:
    """Several chapter runs at once (each in its own kernel), in the order given."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda run: run_chapter(run[0], run[1], out_dir), runs))


def glued(path) -> dict:
    """The values an executed notebook glued (MyST-NB), as text, by name."""
    import nbformat

    values = {}
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            scrapbook = output.get("metadata", {}).get("scrapbook", {})
            if "name" in scrapbook:
                data = {
                    k.removeprefix(scrapbook["mime_prefix"]): v for k, v in output["data"].items()
                }
                values[scrapbook["name"]] = data.get("text/markdown", data.get("text/plain"))
    return values
