"""The interface of an edition in its own language, through Sphinx's locale mechanism.

Sphinx, pydata-sphinx-theme, sphinx-book-theme and sphinx-togglebutton look their
interface strings up in gettext catalogues (domains ``sphinx``, ``booktheme``,
``togglebutton``); their Indonesian catalogues miss or mistranslate some ("Link to this
heading", "Penyiapkan pencarian", "Unduh file sumber"). The project's own catalogues in
``egov_repro/locale/<lang>/LC_MESSAGES/<domain>.po`` are compiled (Babel, deterministic)
when an edition is built, into ``_build/locale`` (a ``locale_dirs`` entry, so Sphinx also
copies the search script's strings, ``sphinx.js``), and installed in front of the
catalogues already loaded: an entry of ours wins, every other string falls back to
Sphinx's or the theme's own translation.

Dates a reader sees (the footer, the PDF's cover) come from Babel too, from one date
per commit (``egov_repro.site.pdf.source_date``).
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import json
import re
from pathlib import Path

from egov_repro.data.atomic import write_bytes, write_text
from egov_repro.words import catalogue
from egov_repro.words.languages import check_language

LOCALE_DIR = Path(__file__).parents[1] / "locale"
# Where an edition's build puts the compiled catalogues, under the book's folder.
BUILT = Path("_build") / "locale"
# "6 December 2026" / "6 Desember 2026" (CLDR's month names): the catalogues' date format.
DATE_PATTERN = catalogue.DATE_PATTERN
SPHINX_DATE_FORMAT = "%-d %B %Y"  # the same, as Sphinx's html_last_updated_fmt


def domains(lang: str) -> list[str]:
    """The gettext domains the project translates for ``lang`` (its .po files)."""
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    return sorted(path.stem for path in folder.glob("*.po")) if folder.is_dir() else []


def read_catalog(lang: str, domain: str):
    """The project's catalogue of ``domain`` in ``lang`` (a Babel Catalog)."""
    from babel.messages.pofile import read_po

    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=domain)


def compile_catalog(lang: str, domain: str) -> bytes:
    """The .mo bytes of one catalogue (the same bytes for the same .po)."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, read_catalog(lang, domain), use_fuzzy=False)
    return buffer.getvalue()


def translations_js(lang: str) -> str | None:
    """The search script's strings (Sphinx's ``sphinx.js`` for ``lang``) with the
    project's entries put over Sphinx's own; None when Sphinx ships none."""
    import sphinx

    shipped = Path(sphinx.__file__).parent / "locale" / lang / "LC_MESSAGES" / "sphinx.js"
    if not shipped.is_file():
        return None
    text = shipped.read_text(encoding="utf-8")
    match = re.search(r"Documentation\.addTranslations\((\{.*\})\);", text, re.S)
    if not match:
        return None
    data = json.loads(match.group(1))
    ours = {m.id: m.string for m in read_catalog(lang, "sphinx") if m.id and m.string}
    for key in data["messages"]:
        if key in ours:
            data["messages"][key] = ours[key]
    return "Documentation.addTranslations(" + json.dumps(data, indent=4, sort_keys=True) + ");\n"


def compile_all(root: Path, lang: str) -> Path | None:
    """Compile the project's catalogues of ``lang`` into ``root/_build/locale`` and
    return that folder (for ``locale_dirs``); None when the project has none."""
    names = domains(lang)
    if not names:
        return None
    base = Path(root) / BUILT
    folder = base / lang / "LC_MESSAGES"
    for domain in names:
        data = compile_catalog(lang, domain)
        target = folder / f"{domain}.mo"
        if not target.is_file() or target.read_bytes() != data:
            write_bytes(target, data)
    script = translations_js(lang) if "sphinx" in names else None
    if script is not None:
        target = folder / "sphinx.js"
        if not target.is_file() or target.read_text(encoding="utf-8") != script:
            write_text(target, script)
    return base


def install(app, lang: str) -> None:
    """Put the project's catalogues of ``lang`` in front of the ones Sphinx and the
    extensions loaded (theirs become the fallback), for the templates and the code."""
    from sphinx import locale

    for domain in domains(lang):
        ours = gettext.GNUTranslations(io.BytesIO(compile_catalog(lang, domain)))
        theirs = locale.translators.get(("general", domain))
        if getattr(theirs, "egov_repro", False):  # installed by an earlier build
            theirs = theirs._fallback
        ours.egov_repro = True
        if theirs is not None:
            ours.add_fallback(theirs)
        locale.translators[("general", domain)] = ours
        if domain == "sphinx":
            app.translator = ours


def format_date(date: dt.date | dt.datetime, lang: str) -> str:
    """ "6 December 2026" / "6 Desember 2026": the catalogues' ``{day:date}`` format, so
    the footer, the PDF's cover and every generated sentence write a date alike."""
    day = date.date() if isinstance(date, dt.datetime) else date
    return catalogue.FORMATS["date"](day, check_language(lang), None)
