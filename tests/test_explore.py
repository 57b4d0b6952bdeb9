"""The explorer page (egov_repro.site.explore, chapters/11-explore.md): its data equal the
figures' tables, only its page loads the charting library, its table works without
JavaScript, and in Chromium, with every request outside the site blocked, a reader
chooses countries by keyboard in both editions and the chart, the table, the address and
the download link follow (and a reload restores the choice)."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import pytest

from egov_repro.data import datasets
from egov_repro.errors import DataError
from egov_repro.site import explore, pdf
from egov_repro.site.serve import serve
from egov_repro.words import editions, text

from conftest import ROOT, chromium_browser, copy_project, run_cli

PAGE = "chapters/11-explore.html"
LANGS = ("en", "id")


def site_dir(project: Path, lang: str) -> Path:
    return project / "_build" / "html" / editions.SUBDIR[lang]


def built_data(project: Path, lang: str) -> dict:
    return json.loads((site_dir(project, lang) / explore.SITE_DIR / explore.DATA_FILE).read_text())


# --- the vendored library -------------------------------------------------------------


def test_the_vendored_library_is_the_pinned_release(tmp_path):
    found = explore.check_vendored()
    assert set(found) == set(explore.VENDORED["files"])
    head = found[explore.LIBRARY].read_text(encoding="utf-8")[:200]
    assert f"(v{explore.VENDORED['version']})" in head
    assert "MIT License" in found["uPlot-LICENSE.txt"].read_text(encoding="utf-8")
    # A changed file stops the build with the file, the expected and the found digest.
    for path in found.values():
        shutil.copy2(path, tmp_path / path.name)
    (tmp_path / explore.LIBRARY).write_bytes(head.encode() + b"/* changed */")
    with pytest.raises(
        DataError, match=r"uPlot\.iife\.min\.js: the vendored file differs.*SHA-256"
    ):
        explore.check_vendored(tmp_path)


def test_numbers_as_javascript_writes_them():
    assert [explore.js_number(v) for v in (0.716, 77, 1e-05, 0.12, None, 0.385945)] == [
        "0.716", "77", "0.00001", "0.12", "", "0.385945",
    ]  # fmt: skip


def test_a_new_edition_appears_in_the_explorer_with_no_other_change(tmp_path):
    """The README's `data add` is all it takes: the explorer's editions come from the data."""
    from test_new_edition import NEW_YEAR, synthetic_export

    project = copy_project(tmp_path / "project")
    export = synthetic_export(tmp_path)
    added = run_cli(project, "data", "add", str(export))
    assert added.returncode == 0, added.stdout + added.stderr
    for lang in LANGS:
        data = explore.explorer_data(lang, project / "data")
        assert data["years"][-1] == NEW_YEAR
        assert data["data_version"] == datasets.data_version(project / "data")
        idn = data["countries"]["IDN"]["values"]
        # the synthetic export is the 2024 one raised by 0.01, whatever edition precedes it
        at_2024 = data["years"].index(2024)
        assert idn[0][-1] == pytest.approx(idn[0][at_2024] + 0.01, abs=1e-9)
        html = explore.page_html("chapters/11-explore", lang, data_dir=project / "data")
        assert f"<td>{NEW_YEAR}</td>" in html


# --- what the build writes ------------------------------------------------------------


@pytest.fixture(scope="module")
def project(built_book) -> Path:
    return built_book  # the session's one build, read only


@pytest.mark.parametrize("lang", LANGS)
def test_the_data_file_is_made_at_build_time_from_the_data_and_stamped(project, lang):
    data = built_data(project, lang)
    assert data["data_version"] == datasets.data_version(project / "data")
    assert data["source"] == "data/egdi.csv"
    assert data == json.loads(json.dumps(explore.explorer_data(lang, project / "data")))
    # Every edition in the data, the newest included, and every country surveyed.
    egdi = datasets.load_egdi(project / "data")
    assert data["years"] == datasets.editions_in(egdi)
    assert sorted(data["countries"]) == sorted(egdi["iso3"].unique())
    idn = data["countries"]["IDN"]["values"]
    at = data["years"].index(2022)
    assert (idn[0][at], idn[4][at]) == (0.716, 77)
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert explore.DATA_FILE not in tracked and "egdi-IDN.csv" not in tracked


def _figure_tables() -> list[tuple[str, list[dict]]]:
    tables = []
    for path in sorted((ROOT / "figures").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        if rows and "iso3" in rows[0]:
            tables.append((path.name, rows))
    return tables


@pytest.mark.parametrize("lang", LANGS)
def test_the_explorers_numbers_equal_the_figures_tables(project, lang):
    """Every value of every figure's table (figures/*.csv: Figures 1 and 3, the
    components chart, the country profile) is the explorer's for that country and
    edition, the regions' medians included; the names are the edition's."""
    data = built_data(project, lang)
    column = {m: i for i, m in enumerate(explore.MEASURES)}
    checked = 0
    tables = _figure_tables()
    assert {"fig1-southeast-asia-egdi-2022.csv", "fig3-indonesia-egdi-trend.csv"} <= {
        name for name, _ in tables
    }
    for name, rows in tables:
        for row in rows:
            year = int(row["year"]) if "year" in row else int(re.search(r"-(\d{4})", name)[1])
            at = data["years"].index(year)
            values = data["countries"][row["iso3"]]["values"]
            pairs = [(m, row[m]) for m in explore.MEASURES if m in row]
            if "component" in row:
                pairs.append((row["component"], row["value"]))
            for measure, value in pairs:
                assert values[column[measure]][at] == pytest.approx(float(value), abs=0), (
                    name, row["iso3"], year, measure,
                )  # fmt: skip
                checked += 1
            for key, value in row.items():
                if key.startswith("median_egdi_") and value:
                    region = key.removeprefix("median_egdi_").replace("_", "-")
                    median = data["regions"][region]["values"][0][at]
                    assert median == pytest.approx(float(value), abs=1e-12), (name, key, year)
                    checked += 1
            # Figure 1's labels are the edition's names (its -en table is English's).
            if "label" in row and name.endswith("-en.csv") == (lang == "en"):
                assert row["label"] == data["countries"][row["iso3"]]["name"], (name, row)
    assert checked > 150, checked


@pytest.mark.parametrize("lang", LANGS)
def test_the_table_is_on_the_page_without_javascript(project, lang):
    html = (site_dir(project, lang) / PAGE).read_text(encoding="utf-8")
    table = re.search(r'<div class="egov-table egov-explore-table".*?</table>', html, re.S)[0]
    rows = [
        [unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r)]
        for r in re.findall(r"<tr>(.*?)</tr>", table, re.S)
    ]
    header, body = rows[0], rows[1:]
    assert header[0] == ("Country" if lang == "en" else "Negara")
    years = [int(r[1]) for r in body]
    assert years == datasets.editions(project / "data")
    row_2022 = body[years.index(2022)]
    assert row_2022[0] == "Indonesia"
    assert row_2022[2] == ("0.7160" if lang == "en" else "0,7160") and row_2022[6] == "77"
    # The label of the control, and the CSV of the same rows for the download link.
    assert f'<label for="egov-explore-input">{explore.word("country", lang)}</label>' in html
    link = re.search(r'<a class="egov-explore-download" href="([^"]+)"', html)[1]
    written = (site_dir(project, lang) / "chapters" / link).resolve().read_text(encoding="utf-8")
    data = built_data(project, lang)
    assert written == explore.csv_text(explore.rows_of(data, ["IDN"]))
    assert "2022,0.716,0.7644,0.7438,0.6397,77" in written


def test_only_the_explorer_page_loads_the_library_or_its_styles(project):
    html_root = project / "_build" / "html"
    loaders = []
    for page in sorted(html_root.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        fetched = re.findall(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]*)"', html)
        styles = "".join(re.findall(r"<style\b[^>]*>(.*?)</style>", html, re.S))
        if [f for f in fetched if re.search(r"_explore/|uplot", f, re.I)] or re.search(
            r"\.uplot|egov-explore", styles
        ):
            loaders.append(page.relative_to(html_root).as_posix())
    assert loaders == [PAGE, f"id/{PAGE}"]
    for lang in LANGS:
        static = site_dir(project, lang) / "_static"
        assert not [p for p in static.rglob("*") if "uplot" in p.name.lower()]
        for sheet in static.glob("*.css"):
            assert ".uplot" not in sheet.read_text(encoding="utf-8"), sheet
        page = (site_dir(project, lang) / PAGE).read_text(encoding="utf-8")
        # The page itself: its script deferred; the library, served from the site, is
        # fetched by that script when the chart is wanted.
        scripts = re.findall(r'<script [^>]*src="([^"]+)"', page)
        assert scripts.count("../_explore/explore.js") == 1
        assert 'data-library="../_explore/uPlot.iife.min.js"' in page
        assert not [s for s in scripts if re.match(r"(https?:)?//", s)]
        served = site_dir(project, lang) / explore.SITE_DIR / explore.LIBRARY
        assert served.read_bytes() == (explore.ASSETS / explore.LIBRARY).read_bytes()


def test_the_pdf_prints_the_explorers_address_instead_of_its_controls(project):
    html = project / "_build" / "html"
    for lang in LANGS:
        root = site_dir(project, lang)
        docs = {"chapters/11-explore"}
        body = pdf._article(root / PAGE, "chapters/11-explore", docs, root, "https://x/", 0)
        printed = " ".join(body.get_text().split())
        address = editions.page_url(
            "https://egov-repro.github.io/egov-repro/", "chapters/11-explore", lang
        )
        assert address in printed and "Indonesia" in printed
        assert body.select(".egov-explore-live") == [] and not body.find("input")
        assert body.find("table") is not None
    assert html.is_dir()


# --- in the browser -------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(project):
    server, base = serve(project / "_build" / "html")
    yield base
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as browser:
        yield browser


def offline_page(browser, base: str, **options):
    """A 390-px page whose requests outside the site are aborted (and recorded), and
    whose console errors and requests to the site are recorded."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, **options)
    outside, errors = [], []

    def route(route):
        url = route.request.url
        if url.startswith((base, "blob:", "data:")):
            requested.append(url)
            return route.continue_()
        outside.append(url)
        return route.abort()

    requested: list[str] = []
    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return context, page, outside, errors, requested


def table_rows(page) -> list[list[str]]:
    return page.evaluate(
        "Array.from(document.querySelectorAll('.egov-explore-table tbody tr')).map("
        "tr => Array.from(tr.children).map(c => c.textContent))"
    )


def expected_rows(data: dict, codes: list[str], lang: str, region: str | None = None):
    return [
        [row["name"], str(row["year"])]
        + [explore.format_cell(m, row[m], lang) for m in explore.MEASURES]
        for row in explore.rows_of(data, codes, region)
    ]


def chart_data(page, lines: int) -> list:
    """What the chart plots (x, then one list per line), once it has come into view."""
    page.locator(".egov-explore-chart").scroll_into_view_if_needed()
    page.wait_for_function(
        "(() => { const c = document.querySelector('.egov-explore').egovChart;"
        f" return c && c.data.length === {lines + 1}; }})()"
    )
    return page.evaluate("document.querySelector('.egov-explore').egovChart.data")


def no_horizontal_overflow(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("lang", LANGS)
def test_a_reader_compares_countries_by_keyboard_and_shares_the_address(
    project, site, browser, lang
):
    data = built_data(project, lang)
    url = urljoin(site, f"{editions.SUBDIR[lang]}/{PAGE}".lstrip("/"))
    context, page, outside, errors, _ = offline_page(browser, site)
    page.goto(url)
    page.wait_for_selector(".egov-explore[data-ready]")
    assert table_rows(page) == expected_rows(data, ["IDN"], lang)
    # Reach the country control from the top of the page with Tab alone.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "egov-explore-input":
            break
    else:
        pytest.fail("Tab never reached the country control")
    label = page.evaluate("document.activeElement.labels[0].textContent")
    assert label == ("Country" if lang == "en" else "Negara")
    # Choose Viet Nam by typing, an arrow key and Enter.
    page.keyboard.type("viet")
    options = page.locator("#egov-explore-options [role=option]")
    assert options.first.text_content() == data["countries"]["VNM"]["name"]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("location.search === '?c=IDN,VNM'")
    expected = expected_rows(data, ["IDN", "VNM"], lang)
    assert table_rows(page) == expected
    vnm = data["countries"]["VNM"]["values"]
    values = chart_data(page, 2)
    assert values == [data["years"], data["countries"]["IDN"]["values"][0], vnm[0]]
    legend = page.locator(".egov-explore-legend").inner_text()
    latest = text.number(vnm[0][-1], 4, lang)
    assert data["countries"]["VNM"]["name"] in legend and latest in legend
    assert re.search(r"0,\d{4}" if lang == "id" else r"0\.\d{4}", legend)
    name = page.locator(".egov-explore-chart").get_attribute("aria-label")
    assert data["countries"]["VNM"]["name"] in name
    # A region's median, chosen from the keyboard too (Tab, then arrow keys), and the
    # download link gives exactly the rows shown.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "egov-explore-region"
    keys = page.evaluate(
        "Array.from(document.activeElement.options).findIndex(o => o.value === 'southeast-asia')"
    )
    for _ in range(keys):
        page.keyboard.press("ArrowDown")
    page.wait_for_function("location.search === '?c=IDN,VNM&r=southeast-asia'")
    assert table_rows(page) == expected_rows(data, ["IDN", "VNM"], lang, "southeast-asia")
    csv_text = page.evaluate(
        "fetch(document.querySelector('.egov-explore-download').href).then(r => r.text())"
    )
    assert csv_text == explore.csv_text(explore.rows_of(data, ["IDN", "VNM"], "southeast-asia"))
    assert no_horizontal_overflow(page)
    # A reload (or a shared address) restores the choice.
    page.reload()
    page.wait_for_selector(".egov-explore[data-ready]")
    assert table_rows(page) == expected_rows(data, ["IDN", "VNM"], lang, "southeast-asia")
    assert page.input_value("#egov-explore-region") == "southeast-asia"
    assert no_horizontal_overflow(page)
    # A chosen country is removed from the keyboard too: its button, then Enter.
    page.focus(".egov-explore-chip[data-code=VNM]")
    page.keyboard.press("Enter")
    page.wait_for_function("location.search === '?c=IDN&r=southeast-asia'")
    assert page.evaluate("document.activeElement.id") == "egov-explore-input"
    context.close()
    assert not outside, outside
    assert not errors, errors


@pytest.mark.parametrize("lang", LANGS)
def test_a_shared_address_opens_that_comparison_and_names_unknown_codes(
    project, site, browser, lang
):
    data = built_data(project, lang)
    url = urljoin(site, f"{editions.SUBDIR[lang]}/{PAGE}".lstrip("/"))
    context, page, outside, errors, requested = offline_page(browser, site)
    page.goto(url + "?c=PHL,XXX,THA&m=egdi_rank")
    page.wait_for_selector(".egov-explore[data-ready]")
    # Below the fold of a phone, the chart's library is not fetched until it is in view.
    library = f"_explore/{explore.LIBRARY}"
    assert (
        page.evaluate("document.querySelector('.egov-explore-chart').getBoundingClientRect().top")
        > 844
    )
    assert not [u for u in requested if library in u]
    assert table_rows(page) == expected_rows(data, ["PHL", "THA"], lang)
    assert "XXX" in page.locator(".egov-explore-status").inner_text()
    assert page.input_value("#egov-explore-measure") == "egdi_rank"
    values = chart_data(page, 2)
    assert values[1] == data["countries"]["PHL"]["values"][4]
    assert [u for u in requested if library in u]
    assert no_horizontal_overflow(page)
    context.close()
    assert not outside and not errors, (outside, errors)


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_table_shows_indonesia_and_no_dead_controls(
    project, site, browser, lang
):
    data = built_data(project, lang)
    url = urljoin(site, f"{editions.SUBDIR[lang]}/{PAGE}".lstrip("/"))
    context, page, outside, _, _ = offline_page(browser, site, java_script_enabled=False)
    page.goto(url)
    assert table_rows(page) == expected_rows(data, ["IDN"], lang)
    assert not page.is_visible(".egov-explore-live")
    assert page.is_visible(".egov-explore-download")
    assert no_horizontal_overflow(page)
    page.emulate_media(media="print")
    assert page.is_visible(".egov-explore-print")
    context.close()
    assert not outside, outside
