"""The visible-text dump keeps what a reader sees and nothing else."""

from __future__ import annotations

import pytest

from egov_repro.site import visibletext

PAGE = """<!DOCTYPE html>
<html><head><title>Ranking  &amp; trend</title>
<style>p { color: red }</style><script>var hidden = "script text";</script></head>
<body>
<!-- a comment no one sees -->
<header><nav aria-label="Main navigation"><a href="/">Home</a></nav></header>
<article>
<h1>Indonesia   in 2022</h1>
<p>The EGDI is <strong>0.7160</strong>,
rank <abbr title="out of 193">77</abbr>.</p>
<div hidden><p>Never shown</p><div>nor this</div></div>
<p style="display: none">Not shown either</p>
<p>After the hidden parts</p>
<figure><img src="f.png" alt="Bar chart of EGDI"><figcaption>Figure 1</figcaption></figure>
<pre>line one
  line two</pre>
<input type="hidden" value="secret"><input type="search" placeholder="Search this book">
</article>
<footer>Built from data 1.2<script>document.write("no")</script></footer>
</body></html>
"""


def test_a_page_gives_its_text_its_read_attributes_and_nothing_hidden():
    assert visibletext.html_lines(PAGE) == [
        "[page title] Ranking & trend",
        "Home",
        "[aria-label] Main navigation",
        "Indonesia in 2022",
        "The EGDI is 0.7160, rank 77.",
        "[title] out of 193",
        "After the hidden parts",
        "[alt] Bar chart of EGDI",
        "Figure 1",
        "line one",
        "  line two",
        "[placeholder] Search this book",
        "Built from data 1.2",
    ]


def test_the_dump_writes_one_file_per_page_in_both_editions(tmp_path):
    site = tmp_path / "html"
    (site / "id").mkdir(parents=True)
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "id" / "index.html").write_text("<body><p>Peringkat ke-77</p></body>", "utf-8")
    out = tmp_path / "dump"
    written = visibletext.dump(out, site, tmp_path / "no-pdf")
    assert [p.relative_to(out).as_posix() for p in written] == [
        "html/id/index.html.txt",
        "html/index.html.txt",
    ]
    assert (out / "html/id/index.html.txt").read_text("utf-8") == "Peringkat ke-77\n"
    with pytest.raises(FileExistsError, match="not empty"):
        visibletext.dump(out, site)
