"""The ``egov-repro`` command: thin wrappers that parse, call, and report errors.

Bad data or a bad argument prints one paragraph naming what is wrong and exits 1;
never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from egov_repro.words.languages import LANGUAGES, NAMES


def _data_dir(args) -> Path | None:
    return Path(args.data_dir).resolve() if getattr(args, "data_dir", None) else None


def cmd_validate(args) -> int:
    from egov_repro.data.datasets import validate_package

    summary = validate_package(_data_dir(args))
    counts = ", ".join(f"{name} {rows} rows" for name, rows in summary["resources"].items())
    years = summary["editions"]
    print(
        f"valid: data package {summary['version']}: {len(years)} editions "
        f"({years[0]}-{years[-1]}), {summary['countries']} countries; {counts}"
    )
    return 0


def cmd_data_add(args) -> int:
    from egov_repro.book.exhibits import files_shown, follow_the_data
    from egov_repro.data.maintain import add_edition

    before = files_shown(_data_dir(args))  # the exhibits' files under the old data
    result = add_edition(args.path, _data_dir(args), year=args.year, overwrite=args.overwrite)
    verb = "replaced" if result["replaced"] else "added"
    print(
        f"{verb} edition {result['year']} ({result['rows']} countries); "
        f"data version is now {result['version']}"
    )
    moved = follow_the_data(before, _data_dir(args))
    if moved["readme"]:
        print(f"updated the list of exhibits in {moved['readme']}")
    if moved["removed"]:
        print(f"removed {len(moved['removed'])} figure files the book no longer shows "
              f"(the build makes their successors): {', '.join(moved['removed'])}")  # fmt: skip
    return 0


def cmd_data_register(args) -> int:
    from egov_repro.data.maintain import register

    result = register(args.file, _data_dir(args))
    print(f"registered {result['path']}; data version is now {result['version']}")
    return 0


def cmd_data_rebuild(args) -> int:
    from egov_repro.data import paths
    from egov_repro.data.maintain import rebuild

    frame = rebuild(
        _data_dir(args) or paths.data_dir(), Path(args.sources) if args.sources else None
    )
    print(f"rebuilt egdi.csv: {len(frame)} rows, {frame['year'].nunique()} editions")
    return 0


def cmd_data_fetch(args) -> int:
    from egov_repro.data.fetch import fetch

    for year, path, status in fetch(_data_dir(args), args.year, args.base_url):
        verb = {"present": "already present, SHA-256 checked"}.get(status, status)
        print(f"{year}: {path.name} {verb}")
    return 0


def cmd_words(args) -> int:
    from egov_repro import wordsheet

    langs = [args.lang] if args.lang else list(LANGUAGES)
    print("\n".join(wordsheet.render(lang) for lang in langs), end="")
    return 0


def _close(fig) -> None:
    import matplotlib.pyplot as plt

    plt.close(fig)


def cmd_figures(args) -> int:
    from egov_repro.plots import figures

    for figure_id, written in figures.render_all(args.out, _data_dir(args)):
        print(f"{figure_id}: " + ", ".join(str(p) for p in written.values()))
    return 0


def cmd_exhibits(args) -> int:
    from egov_repro.plots import figures

    print(figures.exhibits_table(_data_dir(args)), end="")
    return 0


def cmd_profile(args) -> int:
    from egov_repro.data import paths
    from egov_repro.plots import figures

    data_dir = _data_dir(args)
    figure = figures.profile_figure(args.iso3, lang=args.lang, data_dir=data_dir)
    # Outside the tracked tree by default: a profile is not one of the book's figures.
    written = figure.save(args.out or paths.profiles_dir(data_dir))
    _close(figure.fig)
    print(f"{figure.id}: " + ", ".join(str(p) for p in written.values()))
    print(figure.caption)  # in the figure's language
    return 0


def cmd_claims(args) -> int:
    from egov_repro.analysis import claims

    if args.json:  # the facts: ids, values, verdicts, what the wording needs; no language
        print(json.dumps(claims.statements(_data_dir(args)), indent=2, ensure_ascii=False))
        return 0
    records = claims.audit(_data_dir(args), lang=args.lang)
    print(claims.format_table(records, args.lang))
    print()
    print(claims.summary_line(records, args.lang))
    return 0


def cmd_book(args) -> int:
    from egov_repro.book.build import build

    return build(Path(args.root) if args.root else None, languages=args.edition)


def cmd_serve(args) -> int:
    from egov_repro.site.serve import serve_forever

    site = Path(args.site)
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site}: no built site here; run `make book` first")
    serve_forever(site, args.port)
    return 0


def cmd_refresh(args) -> int:
    from egov_repro.book.build import refresh

    return refresh(Path(args.root) if args.root else None, args.notebooks)


def cmd_pdf(args) -> int:
    from egov_repro.site.pdf import build

    for path in build(Path(args.root) if args.root else None, Path(args.out) if args.out else None):
        print(f"wrote {path}")
    return 0


def cmd_visible_text(args) -> int:
    from egov_repro.site.visibletext import dump

    written = dump(Path(args.out), Path(args.site), Path(args.pdf) if args.pdf else None)
    print(f"wrote the visible text of {len(written)} pages and PDFs to {args.out}")
    return 0


def cmd_lab(args) -> int:
    from egov_repro.lab import run

    return run(Path(args.root) if args.root else None, args.port, args.token)


def version_line() -> str:
    """The package version and the data package version: what a citer quotes."""
    from egov_repro import __version__
    from egov_repro.data import paths
    from egov_repro.site.pdf import versions

    return f"egov-repro {__version__} (data package {versions(paths.project_root())[1]})"


class _Version(argparse.Action):
    """--version, computed only when asked for (it reads the data package)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        print(version_line())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="egov-repro",
        description="Rebuild and audit the figures of Fahlevy, Saleh & Nurmiyati (2023) "
        "from UN E-Government Survey data.",
    )
    parser.add_argument(
        "--version", action=_Version, help="print the package and data package versions"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def with_data_dir(p):
        p.add_argument("--data-dir", help="the data package folder (default: ./data)")
        return p

    p = with_data_dir(sub.add_parser("validate", help="check every data file (schema, hashes)"))
    p.set_defaults(func=cmd_validate)

    data = sub.add_parser("data", help="change the dataset").add_subparsers(
        dest="data_command", required=True
    )
    p = with_data_dir(data.add_parser("add", help="add a survey edition in the UN export layout"))
    p.add_argument("path", help="a UN Data Center export, e.g. EGOV_DATA_2026.csv")
    p.add_argument("--year", type=int, help="register under this year (default: the file's)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing edition")
    p.set_defaults(func=cmd_data_add)
    p = with_data_dir(data.add_parser("register", help="accept an intended change to a data file"))
    p.add_argument("file", help="the file's path inside data/, e.g. raw/regions.csv")
    p.set_defaults(func=cmd_data_register)
    p = with_data_dir(data.add_parser("rebuild", help="rebuild egdi.csv from the UN exports"))
    p.add_argument(
        "--sources",
        help="folder holding EGOV_DATA_<year>.csv files (default: data/raw/un-egov-survey)",
    )
    p.set_defaults(func=cmd_data_rebuild)
    p = with_data_dir(
        data.add_parser(
            "fetch",
            help="download the UN exports into data/raw and check each one's SHA-256",
        )
    )
    p.add_argument(
        "--year",
        type=int,
        action="append",
        help="only this edition (repeatable; default: every edition in datapackage.json)",
    )
    p.add_argument(
        "--from",
        dest="base_url",
        metavar="BASE_URL",
        help="download BASE_URL/EGOV_DATA_<year>.csv (a mirror, or file:///folder of exports "
        "saved from the UN Data Center; default: the mirror recorded for each edition)",
    )
    p.set_defaults(func=cmd_data_fetch)

    p = with_data_dir(sub.add_parser("figures", help="render every figure of the book"))
    p.add_argument("--out", help="output folder (default: ./figures)")
    p.set_defaults(func=cmd_figures)

    p = with_data_dir(
        sub.add_parser(
            "exhibits", help="print the list of exhibits (the README's table) as Markdown"
        )
    )
    p.set_defaults(func=cmd_exhibits)

    p = with_data_dir(sub.add_parser("profile", help="render one country's profile figure"))
    p.add_argument("iso3", help="ISO 3166 alpha-3 code, e.g. IDN")
    p.add_argument(
        "--lang", default="id", choices=LANGUAGES, help="label language: id (default) or en"
    )
    p.add_argument("--out", help="output folder (default: _build/profiles, beside the data)")
    p.set_defaults(func=cmd_profile)

    p = sub.add_parser(
        "book", help="build the book: English in _build/html, Indonesian in _build/html/id"
    )
    p.add_argument("--root", help="the book's folder (default: the current folder)")
    p.add_argument(
        "--edition",
        action="append",
        choices=LANGUAGES,
        help="build only this edition (repeatable; default: both). English is always built",
    )
    p.set_defaults(func=cmd_book)

    p = sub.add_parser("pdf", help="print the built book to _build/pdf/egov-repro-<lang>.pdf")
    p.add_argument("--root", help="the book's folder (default: the current folder)")
    p.add_argument("--out", help="output folder (default: _build/pdf)")
    p.set_defaults(func=cmd_pdf)

    p = sub.add_parser("lab", help="JupyterLab on the book, the project's kernel by default")
    p.add_argument("--root", help="the book's folder (default: the current folder)")
    p.add_argument("--port", type=int, help="port on 127.0.0.1 (default: 8888 or the next free)")
    p.add_argument("--token", help="the server's token (default: a random one, in the URL)")
    p.set_defaults(func=cmd_lab)

    p = sub.add_parser("serve", help="preview the built site as GitHub Pages serves it")
    p.add_argument("--site", default="_build/html", help="the built site (default: _build/html)")
    p.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser(
        "visible-text",
        help="write what a reader sees on every built page and PDF, one text file each "
        "(compare two with diff -ru)",
    )
    p.add_argument("out", help="a new or empty output folder")
    p.add_argument("--site", default="_build/html", help="the built site (default: _build/html)")
    p.add_argument("--pdf", default="_build/pdf", help="the PDFs' folder (default: _build/pdf)")
    p.set_defaults(func=cmd_visible_text)

    p = sub.add_parser(
        "refresh-notebooks",
        help="re-execute notebooks in place (updates the nbval reference outputs)",
    )
    p.add_argument("notebooks", nargs="*", help="names of notebooks (default: all)")
    p.add_argument("--root", help="the book's folder (default: the current folder)")
    p.set_defaults(func=cmd_refresh)

    p = with_data_dir(sub.add_parser("claims", help="audit the paper's numbers against the data"))
    p.add_argument(
        "--json",
        action="store_true",
        help="print each statement's facts as JSON (ids, values, verdicts; no language)",
    )
    p.add_argument(
        "--lang",
        default="en",
        choices=LANGUAGES,
        help="language of the listing: en (default) or id; ids stay English",
    )
    p.set_defaults(func=cmd_claims)

    p = sub.add_parser(
        "words",
        help="the editor's sheet: every sentence the code generates for the book, by page",
    )
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="one language ("
        + ", ".join(f"{code}: {NAMES[code]}" for code in LANGUAGES)
        + "); default: each in turn",
    )
    p.set_defaults(func=cmd_words)
    return parser


def main(argv: list[str] | None = None) -> int:
    from egov_repro.errors import DataError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (DataError, ValueError, FileNotFoundError, FileExistsError) as exc:
        print(f"egov-repro {args.command}: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
