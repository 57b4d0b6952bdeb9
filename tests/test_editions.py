"""The two editions from one source: both languages of every passage sit side by side,
each edition keeps its own, and the pages link each other."""

from __future__ import annotations

import json
import re

import pytest

from egov_repro.site import edition_html
from egov_repro.words import editions

from conftest import ROOT

PAGES = [
    ROOT / "intro.ipynb",
    *sorted((ROOT / "chapters").glob("*.ipynb")),
    *sorted((ROOT / "chapters").glob("*.md")),
    ROOT / "glossary.md",
    ROOT / "cite.md",
    ROOT / "references.md",
    ROOT / "readme.md",
]


def markdown_of(path) -> str:
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def test_pick_takes_the_editions_half_and_names_a_malformed_text():
    assert editions.pick("Figure 1 | Gambar 1", "en") == "Figure 1"
    assert editions.pick("Figure 1 | Gambar 1", "id") == "Gambar 1"
    with pytest.raises(
        ValueError, match=re.escape("chapters/02, line 3: expected 'English | Indonesia'")
    ):
        editions.pick("Figure 1", "id", "chapters/02, line 3")
    with pytest.raises(ValueError, match=r"Unknown language 'fr'\. Valid languages: en, id\."):
        editions.pick("a | b", "fr")


def test_keep_language_removes_the_other_languages_blocks_only():
    html = (
        '<p>x</p><div class="egov-lang" lang="en"><div><b>EN</b></div></div>'
        '<div class="egov-lang" lang="id"><div><div>ID</div></div><img src="a"></div><p>y</p>'
    )
    assert edition_html.keep_language(html, "en") == (
        '<p>x</p><div class="egov-lang" lang="en"><div><b>EN</b></div></div><p>y</p>'
    )
    assert edition_html.keep_language(html, "id") == (
        '<p>x</p><div class="egov-lang" lang="id"><div><div>ID</div></div><img src="a"></div>'
        "<p>y</p>"
    )
    assert edition_html.keep_language("<p>plain</p>", "id") == "<p>plain</p>"


def test_links_between_editions_point_at_the_same_page():
    assert editions.other_page("chapters/02-x", "en", "id") == "../id/chapters/02-x.html"
    assert editions.other_page("chapters/02-x", "id", "en") == "../../chapters/02-x.html"
    assert editions.other_page("intro", "en", "id") == "id/intro.html"
    assert editions.other_page("intro", "id", "en") == "../intro.html"
    links = edition_html.alternates_html("https://example.org/book/", "chapters/02-x")
    assert 'hreflang="en" href="https://example.org/book/chapters/02-x.html"' in links
    assert 'hreflang="id" href="https://example.org/book/id/chapters/02-x.html"' in links
    assert 'hreflang="x-default"' in links


# A block's fence is three colons or more (more when it holds a directive of its own).
ONLY = re.compile(r"^(?P<fence>:{3,})\{only\} lang_(en|id)\n(.*?)^(?P=fence)$", re.M | re.S)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_passage_is_in_both_languages_side_by_side(path):
    """Prose sits in `only` blocks, English then Indonesian, each pair next to each other;
    outside them only headings in both languages ({tr}), anchors and directives without
    prose (the bibliography, code) may stand."""
    text = markdown_of(path)
    blocks = list(ONLY.finditer(text))
    assert blocks, "no bilingual prose"
    languages = [b[2] for b in blocks]
    assert languages == ["en", "id"] * (len(languages) // 2) and len(languages) % 2 == 0, (
        "blocks must come in English-Indonesian pairs",
        languages,
    )
    for first, second in zip(blocks[::2], blocks[1::2], strict=True):
        between = text[first.end() : second.start()]
        assert not between.strip(), f"text between a passage's two languages: {between!r}"
        assert first[3].strip() and second[3].strip()
        # A passage made only of glued values is written once, with {glued}, which
        # takes each edition's own value: not twice, in two blocks.
        glued_en = re.fullmatch(r"(?:\{glue:md\}`\w+`\s*)+", first[3].strip())
        glued_id = re.fullmatch(r"(?:\{glue:md\}`\w+`\s*)+", second[3].strip())
        assert not (glued_en and glued_id), f"write it once with {{glued}}: {first[3]!r}"
    rest = ONLY.sub("", text)
    # A passage holding sections (the included README, English only, beside the
    # Indonesian guide in an `only` block) is kept to one edition by comment markers.
    sections = re.findall(r"^<!-- only (en|id) -->\n(.*?)^<!-- /only -->$", rest, re.M | re.S)
    for lang, body in sections:
        assert re.fullmatch(r"```\{include\}[^`]*```\s*", body), (lang, body)
        assert lang == "en" and "lang_id" in text, "the other edition needs its own passage"
    rest = re.sub(r"^<!-- only (en|id) -->\n.*?^<!-- /only -->$", "", rest, flags=re.M | re.S)
    rest = re.sub(r"^(```|~~~).*?^\1\s*$", "", rest, flags=re.M | re.S)  # fenced blocks
    for line in rest.splitlines():
        line = line.strip()
        if not line or re.fullmatch(r"\([\w-]+\)=", line):
            continue
        if re.fullmatch(r"(?:\{glued\}`\w+`\s*)+", line):  # each edition's own value
            continue
        assert re.fullmatch(r"#+ \{tr\}`[^`|]+ \| [^`|]+`", line), (
            f"prose outside a block: {line!r}"
        )


def test_the_english_builds_page_work_leaves_the_other_editions_folder_alone(tmp_path):
    """The two editions build side by side, the Indonesian one into the English site's
    id/ folder. The English build's finishing steps once also rewrote the pages there,
    a race: a page the Indonesian build had already given its language switch and
    Indonesian interface was overwritten by a slimmed copy read before that, with
    neither. Each build now touches its own pages only."""
    from types import SimpleNamespace

    from egov_repro.site import sphinx_editions, sphinx_slim

    (tmp_path / "_static" / "scripts").mkdir(parents=True)
    (tmp_path / "_static" / "scripts" / "fontawesome.js").write_text("")
    header = '<div class="article-header-buttons">'
    page = f'<html><head></head><body>{header}<script src="fontawesome.js"></script></body></html>'
    (tmp_path / "intro.html").write_text(page)
    (tmp_path / "id").mkdir()
    (tmp_path / "id" / "intro.html").write_text(page)
    app = SimpleNamespace(
        outdir=str(tmp_path),
        builder=SimpleNamespace(format="html"),
        config=SimpleNamespace(language="en", html_baseurl="https://example.org/book/"),
    )
    sphinx_slim._slim_pages(app, None)
    sphinx_editions._edition_links(app, None)
    assert "egov-lang-switch" in (tmp_path / "intro.html").read_text()
    assert (tmp_path / "id" / "intro.html").read_text() == page
    assert [p.name for p in sphinx_editions.own_pages(tmp_path)] == ["intro.html"]


def test_the_stamp_says_uncommitted_changes_in_the_editions_language():
    stamp = "979ec9b800fd with uncommitted changes"
    assert editions.stamp_commit(stamp, "en") == stamp
    assert editions.stamp_commit(stamp, "id") == (
        "979ec9b800fd dengan perubahan yang belum disimpan sebagai revisi"
    )
    assert editions.stamp_commit("979ec9b800fd", "id") == "979ec9b800fd"
