"""The style rules no page can use are dropped; everything a page may need stays."""

from __future__ import annotations

from egov_repro.site import cssprune

PAGE = (
    '<html><body><div class="bd-article active" id="main"><p class="lead">x</p></div>'
    "<script>document.body.classList.add('show')</script></body></html>"
)
SCRIPT = "el.classList.toggle('collapsing');"


def used() -> set[str]:
    return cssprune.used_names([PAGE], [SCRIPT])


def test_names_come_from_attributes_inline_scripts_and_the_sites_scripts():
    names = used()
    assert {"bd-article", "active", "main", "lead", "show", "collapsing"} <= names
    assert "unused-widget" not in names


def test_a_rule_stays_when_a_page_can_match_it_and_goes_when_none_can():
    css = ".lead{color:red}.unused-widget{color:blue}#main .lead{margin:0}#nowhere{x:y}"
    assert cssprune.prune(css, used()) == ".lead{color:red}\n#main .lead{margin:0}"


def test_a_selector_list_keeps_only_its_matching_selectors():
    css = ".unused-widget,.lead:hover,p.show{color:red}"
    assert cssprune.prune(css, used()) == ".lead:hover,p.show{color:red}"


def test_classes_a_script_adds_at_run_time_are_kept():
    css = ".collapsing{height:0}.bs-tooltip-auto{margin:0}.fade-other{opacity:0}"
    assert cssprune.prune(css, used()) == ".collapsing{height:0}\n.bs-tooltip-auto{margin:0}"


def test_not_and_attribute_selectors_narrow_a_match_and_are_not_required():
    css = ".lead:not(.unused-widget){a:b}[data-theme=dark] .lead{c:d}.x-none:not(.lead){e:f}"
    assert cssprune.prune(css, used()) == (
        ".lead:not(.unused-widget){a:b}\n[data-theme=dark] .lead{c:d}"
    )


def test_what_cannot_be_judged_is_kept():
    css = (
        "@font-face{font-family:X;src:url(x.woff2)}"
        "@keyframes spin{from{a:b}to{c:d}}"
        ":is(.unused-widget,.lead){e:f}"
        ".sm\\:flex{g:h}"
        "html,body{i:j}"
    )
    assert cssprune.prune(css, used()).split("\n") == [
        "@font-face{font-family:X;src:url(x.woff2)}",
        "@keyframes spin{from{a:b}to{c:d}}",
        ":is(.unused-widget,.lead){e:f}",
        ".sm\\:flex{g:h}",
        "html,body{i:j}",
    ]


def test_media_blocks_are_pruned_inside_and_dropped_when_empty():
    css = "@media (min-width:960px){.lead{a:b}.unused-widget{c:d}}@media print{.gone{e:f}}"
    assert cssprune.prune(css, used()) == "@media (min-width:960px){.lead{a:b}}"


def test_braces_in_strings_and_comments_do_not_split_a_rule_and_licences_stay():
    css = '/*! Licence {MIT} */.unused-widget{content:"}"}/* note { */.lead{content:"{"}'
    assert cssprune.prune(css, used()) == '/*! Licence {MIT} */\n.lead{content:"{"}'
