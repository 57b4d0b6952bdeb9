"""The explorer page: any country's EGDI, components and world rank, chosen by the reader.

The page (``chapters/11-explore.md``) holds one ``{explorer}`` directive. At build time
it becomes, in the edition's language, the labelled controls, an empty chart box of
fixed height, the table of the default country (Indonesia: what a reader without
JavaScript or a screen reader gets) and a link to that table's rows as CSV. The
build then writes, per edition, into ``_explore/`` of the site:

- ``explore-data.json``: every edition of every country and the regions' medians, made
  from ``data/egdi.csv`` and stamped with the data package version (never typed);
- ``egdi-IDN.csv``: the default rows, for the download link without JavaScript;
- ``explore.js`` (ours) and uPlot (``VENDORED``, checked against its SHA-256), which
  only the explorer page loads (uPlot when its chart comes into view or the country
  field is used): they sit outside ``_static/``, whose scripts every page's stylesheet
  is pruned against (``egov_repro.site.cssprune``), and the page's own styles are inlined in
  its head, so no other page carries a byte of them.

Numbers are written by ``egov_repro.words.text`` on the server and by the browser's CLDR
data (``Intl.NumberFormat``) in the script: 0.7160 / 0,7160 either way.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from decimal import Decimal
from functools import lru_cache
from html import escape
from pathlib import Path

from egov_repro.analysis import measures, paper
from egov_repro.analysis.regions import members_by_edition, region_names
from egov_repro.data import atomic, paths
from egov_repro.data.datasets import data_version, editions_in, load_egdi, load_resource
from egov_repro.errors import DataError
from egov_repro.words import editions, text
from egov_repro.words.catalogue import messages, placeholders, say
from egov_repro.words.labels import label
from egov_repro.words.names import display_names

ASSETS = Path(__file__).resolve().parents[1] / "explore_assets"
SITE_DIR = "_explore"  # in each edition's site
DATA_FILE = "explore-data.json"
SCRIPT = "explore.js"
STYLE = "explore.css"
DIRECTIVE = "explorer"
DEFAULT = paper.FOCUS  # Indonesia
MEASURES = ["egdi", "osi", "hci", "tii", "egdi_rank"]
MAX_COUNTRIES = 8
# The lines' colours, as explore.js draws them (the first is the default country's).
COLOURS = ["#1f5fbf", "#c2410c", "#15803d", "#a21caf", "#b91c1c", "#0f766e", "#854d0e", "#4338ca"]
# The charting library, vendored from the npm registry (`npm pack uplot@1.6.32`, files of
# its dist/ folder): version, file -> SHA-256, licence. The build refuses a changed file.
VENDORED = {
    "name": "uPlot",
    "version": "1.6.32",
    "licence": "MIT",
    "files": {
        "uPlot.iife.min.js": "19c8d4c6ad88929a79f4ae49d6f7161566dfd0ba3d15cc495e974f787eb78f1f",
        "uPlot.min.css": "df630c6a8d6f8eeaff264b50f73ce5b114f646ffd9a0bb74f049b0a00135fa04",
        "uPlot-LICENSE.txt": "8f989229699b4fe2f1a0432d0e9edc338a8a911e250e2d1b01ecd770a5f5b1bd",
    },
    "npm_integrity": "sha512-KIMVnG68zvu5XXUbC4LQEPnhwOxBuLyW1AHtpm6IKTXImkbLgkMy+jabjLgSLMasNuG"
    "GzQm/ep3tOkyTxpiQIw==",
}
LIBRARY = "uPlot.iife.min.js"
LIBRARY_STYLE = "uPlot.min.css"

# Every word the explorer shows, in both editions (words/messages/explore.toml; the
# script gets them in the data file, its own placeholders left for it to fill).
WORD_KEYS = (
    "country",
    "countries",
    "hint",
    "chosen",
    "remove",
    "region",
    "no_region",
    "measure",
    "median_of",
    "edition",
    "egdi",
    "osi",
    "hci",
    "tii",
    "egdi_rank",
    "caption",
    "chart",
    "rank_note",
    "latest",
    "none_chosen",
    "no_match",
    "too_many",
    "unknown",
    "showing",
    "download",
    "not_surveyed",
    "loading",
    "print",
)


def word(key: str, lang: str, **values) -> str:
    """The explorer's word ``key`` in ``lang``, its placeholders filled from ``values``."""
    return say("explore.word." + key, lang, max=MAX_COUNTRIES, **values)


def interface_words(lang: str) -> dict[str, str]:
    """Every word of the explorer in ``lang`` as its script gets them: the most
    countries filled in, the placeholders the script fills (``{name}``) left as they
    are."""
    words = {}
    for key in WORD_KEYS:
        text = messages()["explore.word." + key][lang]
        left = {name: "{" + name + "}" for name in placeholders(text) if name != "max"}
        words[key] = word(key, lang, **left)
    return words


# --- the data ------------------------------------------------------------------------


def check_vendored(folder: Path = ASSETS) -> dict[str, Path]:
    """The vendored library's files, each checked against its recorded SHA-256."""
    found = {}
    for name, expected in VENDORED["files"].items():
        path = folder / name
        if not path.is_file():
            raise DataError(path, "a vendored file is missing", expected=f"{name} of uPlot")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != expected:
            raise DataError(
                path,
                "the vendored file differs from the pinned release",
                expected=f"SHA-256 {expected} (uPlot {VENDORED['version']})",
                found=digest,
            )
        found[name] = path
    return found


@lru_cache(maxsize=4)
def _cldr_names(lang: str) -> dict[str, str]:
    """ISO3 -> the territory's name in ``lang`` from Babel's CLDR data."""
    import csv

    from babel import Locale
    from country_converter.country_converter import COUNTRY_DATA_FILE

    territories = Locale.parse(lang).territories
    names = {}
    with open(COUNTRY_DATA_FILE, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            iso2 = row["ISO2"]
            if iso2 in territories:
                names.setdefault(row["ISO3"], territories[iso2])
    return names


def country_names(lang: str, data_dir: Path | None = None) -> dict[str, str]:
    """ISO3 -> the name a reader of edition ``lang`` sees: the book's own
    (``egov_repro.words.names.display_names``: the short labels of data/raw/country-labels.csv,
    else the short English name); in the Indonesian edition, a country without a label
    of ours gets CLDR's Indonesian name (Babel), so no English name is left there."""
    names = display_names(lang, data_dir)
    if editions.check_lang(lang) != "en":
        labelled = set(load_resource("country-labels", data_dir)["iso3"])
        cldr = _cldr_names(lang)
        names.update({c: cldr[c] for c in names if c not in labelled and c in cldr})
    return names


def region_label(region: str, lang: str) -> str:
    name = label(f"region:{region}", lang)
    return name[:1].upper() + name[1:]


def _value(value) -> float | int | None:
    import pandas as pd

    if value is None or pd.isna(value):
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


def explorer_data(lang: str, data_dir: Path | None = None) -> dict:
    """Everything the page's script needs, for edition ``lang``: the editions, every
    country's values in each (None where not surveyed) and each region's median of the
    four indices over its members in that edition. Made once per build (the page and
    the data file both need it) unless a data file changes."""
    import copy

    folder = Path(data_dir or paths.data_dir()).resolve()
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return copy.deepcopy(_explorer_data(editions.check_lang(lang), folder, stamp))


@lru_cache(maxsize=4)
def _explorer_data(lang: str, data_dir: Path, _stamp: tuple) -> dict:
    egdi = load_egdi(data_dir)
    years = editions_in(egdi)
    names = country_names(lang, data_dir)
    wide = {m: egdi.pivot(index="iso3", columns="year", values=m) for m in MEASURES}
    countries = {}
    for iso3 in sorted(egdi["iso3"].unique()):
        countries[iso3] = {
            "name": names.get(iso3, iso3),
            "values": [
                [
                    _value(wide[m].at[iso3, year]) if year in wide[m].columns else None
                    for year in years
                ]
                for m in MEASURES
            ],
        }
    regions = {}
    for region in region_names(data_dir):
        members = members_by_edition(region, data_dir)
        medians = [measures.region_median(egdi, members, m) for m in MEASURES[:4]]
        regions[region] = {
            "name": region_label(region, lang),
            # A median of 5-decimal values has at most 6: rounding only drops float noise.
            "values": [
                [
                    _value(round(v, 6) if (v := series.get(year)) is not None else None)
                    for year in years
                ]
                for series in medians
            ],
        }
    return {
        "data_version": data_version(data_dir),
        "source": "data/egdi.csv",
        "lang": lang,
        "years": [int(y) for y in years],
        "measures": MEASURES,
        "default": DEFAULT,
        "max_countries": MAX_COUNTRIES,
        "countries": countries,
        "regions": regions,
        "words": interface_words(lang),
    }


# --- rows, as the table and the CSV show them ------------------------------------------


def rows_of(data: dict, codes: list[str], region: str | None = None) -> list[dict]:
    """The table's rows: each chosen country's editions, then the region's medians."""
    rows = []
    for code in codes:
        entry = data["countries"][code]
        for i, year in enumerate(data["years"]):
            values = dict(zip(MEASURES, (series[i] for series in entry["values"]), strict=True))
            rows.append({"iso3": code, "name": entry["name"], "year": year, **values})
    if region:
        entry = data["regions"][region]
        name = word("median_of", data["lang"], region=entry["name"])
        for i, year in enumerate(data["years"]):
            values = dict(zip(MEASURES, (s[i] for s in entry["values"]), strict=False))
            rows.append({"iso3": "", "name": name, "year": year, **values, "egdi_rank": None})
    return rows


def js_number(value) -> str:
    """A number as JavaScript's String() writes it (shortest round trip, never an
    exponent in the data's range): the CSV the script makes and the build's are equal."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    written = format(Decimal(repr(float(value))), "f")
    return written.rstrip("0").rstrip(".") if "." in written else written


CSV_HEADER = ["iso3", "country", "year", *MEASURES]


def csv_text(rows: list[dict]) -> str:
    """The rows as CSV, the data's own column names and decimal points (for programs,
    in both editions), country names in the edition's language."""

    def cell(value) -> str:
        value = str(value)
        return (
            f'"{value.replace(chr(34), chr(34) * 2)}"' if any(c in value for c in ',"\n') else value
        )

    lines = [",".join(CSV_HEADER)]
    for row in rows:
        values = [row["iso3"], row["name"], str(row["year"])]
        values += [js_number(row[m]) for m in MEASURES]
        lines.append(",".join(cell(v) for v in values))
    return "\n".join(lines) + "\n"


def format_cell(measure: str, value, lang: str) -> str:
    if value is None:
        return "–"
    if measure == "egdi_rank":
        return text.whole(value, lang)
    return text.number(value, 4, lang)


# --- the page ------------------------------------------------------------------------


def site_path(docname: str, name: str) -> str:
    """The address of ``_explore/<name>`` relative to page ``docname``."""
    return posixpath.relpath(posixpath.join(SITE_DIR, name), posixpath.dirname(docname) or ".")


def table_html(data: dict, codes: list[str], lang: str, region: str | None = None) -> str:
    names = [data["countries"][c]["name"] for c in codes]
    caption = word("caption", lang, names=text.join_and(names, lang))
    head = "".join(
        f'<th scope="col">{escape(word(key, lang))}</th>'
        for key in ("country", "edition", *MEASURES)
    )
    body = []
    for row in rows_of(data, codes, region):
        cells = "".join(f"<td>{format_cell(m, row[m], lang)}</td>" for m in MEASURES)
        body.append(
            f'<tr><th scope="row">{escape(row["name"])}</th><td>{row["year"]}</td>{cells}</tr>'
        )
    return (
        f'<div class="egov-table egov-explore-table" role="region" tabindex="0" '
        f'aria-labelledby="egov-explore-caption"><table>'
        f'<caption id="egov-explore-caption">{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def page_html(docname: str, lang: str, url: str = "", data_dir: Path | None = None) -> str:
    """The explorer as the build writes it: controls, chart box, the default country's
    table and CSV link; ``url`` is the page's published address (named in print)."""
    data = explorer_data(lang, data_dir)
    regions = "".join(
        f'<option value="{escape(key)}">{escape(entry["name"])}</option>'
        for key, entry in data["regions"].items()
    )
    measures = "".join(f'<option value="{m}">{escape(word(m, lang))}</option>' for m in MEASURES)
    default_name = data["countries"][DEFAULT]["name"]
    chip = (
        f'<li><button type="button" class="egov-explore-chip" data-code="{DEFAULT}" '
        f'aria-label="{escape(word("remove", lang, name=default_name))}">'
        f'<span class="egov-explore-swatch" style="--egov-colour:{COLOURS[0]}"></span>'
        f'{escape(default_name)} <span aria-hidden="true">×</span></button></li>'
    )
    link = escape(url) if url else ""
    where = f'<a href="{link}">{link}</a>' if url else site_path(docname, "")
    printed = escape(word("print", lang, url="{url}")).replace("{url}", where)
    return (
        f'<div class="egov-explore" lang="{lang}" '
        f'data-data="{escape(site_path(docname, DATA_FILE))}?v={escape(data["data_version"])}" '
        f'data-library="{escape(site_path(docname, LIBRARY))}">'
        f'<div class="egov-explore-live">'
        f'<div class="egov-explore-controls">'
        f'<div class="egov-explore-field egov-explore-country">'
        f'<label for="egov-explore-input">{escape(word("country", lang))}</label>'
        f'<ul class="egov-explore-chips" aria-label="{escape(word("chosen", lang))}">{chip}</ul>'
        f'<div class="egov-explore-combo">'
        f'<input id="egov-explore-input" type="text" role="combobox" autocomplete="off" '
        f'spellcheck="false" aria-autocomplete="list" aria-expanded="false" '
        f'aria-controls="egov-explore-options" aria-describedby="egov-explore-hint" />'
        f'<ul id="egov-explore-options" class="egov-explore-options" role="listbox" '
        f'aria-label="{escape(word("countries", lang))}" hidden></ul></div>'
        f'<p id="egov-explore-hint" class="egov-explore-hint">{escape(word("hint", lang))}</p>'
        f"</div>"
        f'<div class="egov-explore-field"><label for="egov-explore-region">'
        f'{escape(word("region", lang))}</label><select id="egov-explore-region">'
        f'<option value="">{escape(word("no_region", lang))}</option>{regions}</select></div>'
        f'<div class="egov-explore-field"><label for="egov-explore-measure">'
        f'{escape(word("measure", lang))}</label><select id="egov-explore-measure">'
        f"{measures}</select></div>"
        f"</div>"
        f'<div class="egov-explore-figure">'
        f'<div class="egov-explore-chart" role="img" aria-label="{escape(word("loading", lang))}">'
        f"</div>"
        f'<ul class="egov-explore-legend">{legend_html(data, DEFAULT, lang)}</ul></div>'
        f'<p class="egov-explore-status" role="status"></p>'
        f"</div>"
        f'<p class="egov-explore-print">{printed}</p>'
        f"{table_html(data, [DEFAULT], lang)}"
        f'<p class="egov-screen-only"><a class="egov-explore-download" '
        f'href="{escape(site_path(docname, default_csv()))}" '
        f'download="{default_csv()}" type="text/csv">{escape(word("download", lang))}</a></p>'
        f"</div>"
        f'<script defer src="{escape(site_path(docname, SCRIPT))}"></script>'
    )


def legend_html(data: dict, code: str, lang: str) -> str:
    """The chart's legend for the default country, as the script first draws it (so the
    page does not move when the script runs): its latest value."""
    entry = data["countries"][code]
    values = entry["values"][0]
    latest = max(i for i, v in enumerate(values) if v is not None)
    value = word(
        "latest", lang, value=format_cell("egdi", values[latest], lang), year=data["years"][latest]
    )
    return (
        f'<li><span class="egov-explore-swatch" style="--egov-colour:{COLOURS[0]}"></span>'
        f'<span class="egov-explore-value">{escape(entry["name"])}: {escape(value)}</span></li>'
    )


def default_csv() -> str:
    return f"egdi-{DEFAULT}.csv"


def head_html() -> str:
    """What the explorer page adds to its head: its styles and uPlot's, inline (the
    site's one stylesheet stays the same for every page), and, without JavaScript, a
    rule that hides the controls that would do nothing."""
    style = (ASSETS / LIBRARY_STYLE).read_text(encoding="utf-8").strip()
    own = (ASSETS / STYLE).read_text(encoding="utf-8").strip()
    return (
        f"\n<style>{style}\n{own}</style>"
        "\n<noscript><style>.egov-explore-live{display:none}</style></noscript>"
    )


def write_site_files(outdir: Path, lang: str, data_dir: Path | None = None) -> list[Path]:
    """The explorer's files in an edition's site: the data, the default CSV, the scripts."""
    folder = outdir / SITE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    vendored = check_vendored()
    data = explorer_data(lang, data_dir)
    written = []
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    targets = {
        DATA_FILE: body + "\n",
        default_csv(): csv_text(rows_of(data, [DEFAULT])),
        SCRIPT: (ASSETS / SCRIPT).read_text(encoding="utf-8"),
    }
    for name, content in targets.items():
        atomic.write_text(folder / name, content)
        written.append(folder / name)
    for name in (LIBRARY, "uPlot-LICENSE.txt"):
        atomic.write_bytes(folder / name, vendored[name].read_bytes())
        written.append(folder / name)
    return written


# --- Sphinx ----------------------------------------------------------------------------


def _published_url(app, docname: str, lang: str) -> str:
    base = editions.site_base(app.config.html_baseurl or "", lang)
    return editions.page_url(base, docname, lang) if base else ""


def _directive():
    from docutils import nodes
    from docutils.parsers.rst import Directive

    class Explorer(Directive):
        has_content = False

        def run(self):
            env = self.state.document.settings.env
            lang = editions.check_lang(env.app.config.language or editions.DEFAULT)
            html = page_html(env.docname, lang, _published_url(env.app, env.docname, lang))
            env.note_dependency(str(ASSETS / STYLE))
            return [nodes.raw("", html, format="html", classes=["egov-explore-raw"])]

    return Explorer


def _page_head(app, pagename, templatename, context, doctree) -> None:
    if 'class="egov-explore"' in context.get("body", ""):
        context["metatags"] = context.get("metatags", "") + head_html()


def _site_files(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    lang = editions.check_lang(app.config.language or editions.DEFAULT)
    write_site_files(Path(app.outdir), lang)


def setup(app) -> None:
    """Called by egov_repro.site.sphinxext: the directive, the page's head, the site's files."""
    app.add_directive(DIRECTIVE, _directive())
    app.connect("html-page-context", _page_head)
    app.connect("build-finished", _site_files)
