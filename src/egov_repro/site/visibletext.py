"""What a reader sees, as plain text: the proof that a refactoring changed no words.

``egov-repro visible-text OUT`` writes one UTF-8 text file per built page (both
editions) and per PDF, in a stable order with whitespace normalised, so that
``diff -ru before after`` lists exactly the words a reader would see change. A page's
text is its body (header, navigation, article, footer) one block per line, plus what a
screen reader reads from attributes (``[alt]``, ``[title]``, ``[aria-label]``,
``[placeholder]``), each on its own marked line after the block it sits in. Scripts,
styles, templates, comments and hidden elements are left out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

# Elements whose content no reader sees.
_SKIPPED = {"script", "style", "template", "noscript", "head"}
# Elements that start a new line of text (the rest flow inline).
_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "label", "legend", "li",
    "main", "nav", "ol", "option", "p", "pre", "section", "select", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
}  # fmt: skip
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
# Attributes a screen reader reads out, in the order their lines are written.
_READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _hidden(tag: str, attrs: dict[str, str | None]) -> bool:
    if tag in _SKIPPED or "hidden" in attrs:
        return True
    if tag == "input" and (attrs.get("type") or "").lower() == "hidden":
        return True
    return bool(_HIDDEN_STYLE.search(attrs.get("style") or ""))


class _VisibleText(HTMLParser):
    """Collects the visible lines of one HTML page (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._words: list[str] = []
        self._pending: list[str] = []  # attribute lines, written after their block
        self._skip: list[str] = []  # the open hidden element (and same-named ones inside it)
        self._pre = 0
        self._title = ""  # the page's <title>, which sits in <head>
        self._in_title = False

    def _flush(self) -> None:
        if self._pre:
            for line in "".join(self._words).split("\n"):
                if line.strip():
                    self.lines.append(line.rstrip())
        else:
            text = _normalise("".join(self._words))
            if text:
                self.lines.append(text)
        self._words = []
        self.lines.extend(self._pending)
        self._pending = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "title" and self._skip == ["head"]:
            self._in_title = True
            return
        if self._skip:
            if tag == self._skip[0] and tag not in _VOID:
                self._skip.append(tag)
            return
        if _hidden(tag, attributes):
            if tag not in _VOID:
                self._skip.append(tag)
            return
        if tag in _BLOCKS:
            self._flush()
        if tag == "pre":
            self._pre += 1
        for name in _READ_ATTRIBUTES:
            value = _normalise(attributes.get(name) or "")
            if value:
                self._pending.append(f"[{name}] {value}")
        if tag in _VOID and tag in _BLOCKS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._in_title = False
            return
        if self._skip:
            if tag == self._skip[0]:
                self._skip.pop()
            return
        if tag == "pre" and self._pre:
            self._flush()
            self._pre -= 1
            return
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title += data
        elif not self._skip:
            self._words.append(data)

    def close(self) -> None:
        super().close()
        self._flush()
        title = _normalise(self._title)
        if title:
            self.lines.insert(0, f"[page title] {title}")


def html_lines(html: str) -> list[str]:
    """The lines a reader sees on one HTML page, in reading order."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return parser.lines


def _page_lines(page: Path) -> list[str]:
    return html_lines(page.read_text(encoding="utf-8"))


def pdf_lines(pdf: Path) -> list[str]:
    """The text of a PDF, page by page (``[page N]`` lines), via poppler's pdftotext."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise FileNotFoundError(
            f"{pdf}: pdftotext (poppler-utils) is needed to read a PDF's text; "
            "install it (e.g. apt-get install poppler-utils)"
        )
    text = subprocess.run(
        [tool, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    lines: list[str] = []
    for number, page in enumerate(text.split("\f"), start=1):
        page_lines = [_normalise(line) for line in page.splitlines()]
        page_lines = [line for line in page_lines if line]
        if page_lines:
            lines.append(f"[page {number}]")
            lines.extend(page_lines)
    return lines


def dump(out: Path, site: Path, pdf_dir: Path | None = None) -> list[Path]:
    """Write the visible text of every page under ``site`` to ``out/html/<page>.txt``
    and of every PDF in ``pdf_dir`` to ``out/pdf/<name>.txt``; return the files written.

    ``out`` must be new or empty, so that no file of an earlier dump survives in it.
    """
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site}: no built site here; run `make book` first")
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out}: the output folder is not empty; name a new one")
    written = []
    targets = [
        (out / "html" / f"{page.relative_to(site).as_posix()}.txt", page, _page_lines)
        for page in sorted(site.rglob("*.html"))
    ]
    if pdf_dir is not None and pdf_dir.is_dir():
        targets += [
            (out / "pdf" / f"{pdf.name}.txt", pdf, pdf_lines)
            for pdf in sorted(pdf_dir.glob("*.pdf"))
        ]
    for target, source, read in targets:
        lines = read(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        written.append(target)
    return written
