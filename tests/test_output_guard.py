"""The output guard names every unsafe element of a built page, and passes safe ones."""

from __future__ import annotations

import pytest

from generator.safety.addresses import scheme as address_scheme
from generator.safety.output_guard import find_problems
from generator.safety.page_scripts import script_hash

from conftest import theme_script

SITE = "https://example.org/muscle-guide/"
SCHEME = "links may only use http:, https:, mailto:, tel: or a relative address"
ELSEWHERE = "pages may only load files from this site"


@pytest.mark.parametrize(("html", "problem"), [
    ('<a href="javascript:alert(1)">x</a>',
     '<a href="javascript:alert(1)"> uses the `javascript:` scheme; ' + SCHEME),
    ('<a href="JavaScript:alert(1)">x</a>',
     '<a href="JavaScript:alert(1)"> uses the `javascript:` scheme'),
    ('<a href="&#106;avascript:alert(1)">x</a>',
     '<a href="javascript:alert(1)"> uses the `javascript:` scheme'),
    ('<a href="java&#x09;script:alert(1)">x</a>',
     '<a href="java\\x09script:alert(1)"> uses the `javascript:` scheme'),
    ('<a href="java\nscript:alert(1)">x</a>',
     '<a href="java\\x0ascript:alert(1)"> uses the `javascript:` scheme'),
    ('<a href=" \x01javascript:alert(1)">x</a>',
     '<a href=" \\x01javascript:alert(1)"> uses the `javascript:` scheme'),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>',
     '<a href="data:text/html,<script>alert(1)</script>"> uses the `data:` scheme'),
    ('<a href="vbscript:x">x</a>', '<a href="vbscript:x"> uses the `vbscript:` scheme'),
    ('<area href="javascript:x">', '<area href="javascript:x"> uses the `javascript:` scheme'),
    ('<svg><a xlink:href="javascript:x"><text>x</text></a></svg>',
     '<a xlink:href="javascript:x"> uses the `javascript:` scheme'),
    ('<form action="javascript:x"></form>',
     '<form action="javascript:x"> uses the `javascript:` scheme'),
    ('<button formaction="javascript:x">Go</button>',
     '<button formaction="javascript:x"> uses the `javascript:` scheme'),
])
def test_a_link_with_a_scheme_outside_the_allow_list_is_named(html: str, problem: str) -> None:
    assert len(find_problems(html, SITE)) == 1
    assert find_problems(html, SITE)[0].startswith(problem)


@pytest.mark.parametrize(("html", "problem"), [
    ('<img src="https://tracker.example/pixel.gif" alt="">',
     '<img src="https://tracker.example/pixel.gif"> loads from another host '
     f'(tracker.example); {ELSEWHERE}'),
    ('<img src="//tracker.example/p.gif" alt="">',
     '<img src="//tracker.example/p.gif"> loads from another host (tracker.example)'),
    ('<img src="/\\tracker.example/p.gif" alt="">',
     '<img src="/\\tracker.example/p.gif"> loads from another host (tracker.example)'),
    ('<img src="HTTPS://Tracker.Example/p.gif" alt="">',
     '<img src="HTTPS://Tracker.Example/p.gif"> loads from another host (tracker.example)'),
    ('<img src="https://example.org@tracker.example/p.gif" alt="">',
     '<img src="https://example.org@tracker.example/p.gif"> loads from another host '
     '(tracker.example)'),
    ('<img src="http://example.org/muscle-guide/a.png" alt="">',
     '<img src="http://example.org/muscle-guide/a.png"> loads from another host (example.org)'),
    ('<img src="https://example.org:8443/a.png" alt="">',
     '<img src="https://example.org:8443/a.png"> loads from another host (example.org)'),
    ('<img srcset="a.png 1x, https://tracker.example/b.png 2x" alt="">',
     '<img srcset="a.png 1x, https://tracker.example/b.png 2x"> loads from another host'),
    ('<img src="data:image/png;base64,AAAA" alt="">',
     f'<img src="data:image/png;base64,AAAA"> loads a `data:` address; {ELSEWHERE}'),
    ('<iframe src="https://tracker.example/"></iframe>',
     '<iframe src="https://tracker.example/"> loads from another host'),
    ('<iframe src="javascript:alert(1)"></iframe>',
     '<iframe src="javascript:alert(1)"> loads a `javascript:` address'),
    ('<script src="https://cdn.example/x.js"></script>',
     '<script src="https://cdn.example/x.js"> loads from another host (cdn.example)'),
    ('<object data="https://tracker.example/x.swf"></object>',
     '<object data="https://tracker.example/x.swf"> loads from another host'),
    ('<embed src="https://tracker.example/x.swf">',
     '<embed src="https://tracker.example/x.swf"> loads from another host'),
    ('<link rel="stylesheet" href="https://fonts.example/css">',
     '<link href="https://fonts.example/css"> loads from another host (fonts.example)'),
    ('<link rel="icon" href="//tracker.example/favicon.ico">',
     '<link href="//tracker.example/favicon.ico"> loads from another host'),
    ('<link rel="preconnect" href="https://tracker.example">',
     '<link href="https://tracker.example"> loads from another host'),
    ('<link rel="alternate stylesheet" href="https://tracker.example/a.css">',
     '<link href="https://tracker.example/a.css"> loads from another host'),
    ('<video><source src="https://tracker.example/v.mp4"></video>',
     '<source src="https://tracker.example/v.mp4"> loads from another host'),
    ('<video poster="https://tracker.example/p.png"></video>',
     '<video poster="https://tracker.example/p.png"> loads from another host'),
    ('<audio src="https://tracker.example/a.mp3"></audio>',
     '<audio src="https://tracker.example/a.mp3"> loads from another host'),
    ('<video><track src="https://tracker.example/t.vtt"></video>',
     '<track src="https://tracker.example/t.vtt"> loads from another host'),
    ('<input type="image" src="https://tracker.example/b.png" alt="Go">',
     '<input src="https://tracker.example/b.png"> loads from another host'),
    ('<base href="https://tracker.example/">',
     '<base href="https://tracker.example/"> changes where every relative address'),
])
def test_an_element_that_loads_from_another_host_is_named(html: str, problem: str) -> None:
    assert len(find_problems(html, SITE)) == 1
    assert find_problems(html, SITE)[0].startswith(problem)


@pytest.mark.parametrize(("html", "problem"), [
    ('<b onclick="alert(1)">x</b>', '<b onclick="alert(1)"> runs script from an event attribute'),
    ('<img src="a.png" ONERROR="alert(1)" alt="">',
     '<img onerror="alert(1)"> runs script from an event attribute'),
    ('<svg onload="alert(1)"></svg>', '<svg onload="alert(1)"> runs script'),
    ('<details open ontoggle="alert(1)"></details>', '<details ontoggle="alert(1)"> runs'),
    ('<svg><a><animate attributeName="href" values="javascript:alert(1)"/></a></svg>',
     '<animate attributename="href"> rewrites a link'),
])
def test_an_element_that_runs_script_is_named(html: str, problem: str) -> None:
    assert len(find_problems(html, SITE)) == 1
    assert find_problems(html, SITE)[0].startswith(problem)



@pytest.mark.parametrize("html", [
    # A browser running scripts reads <noscript> as text up to "</noscript>", closing it inside
    # what a lenient parser takes for an attribute value.
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    # Inside <svg>, <style> holds elements, and <img> leaves the SVG.
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
])
def test_markup_is_read_the_way_a_browser_reads_it(html: str) -> None:
    assert find_problems(html, SITE) == [
        '<img onerror="alert(1)"> runs script from an event attribute']


@pytest.mark.parametrize("html", [
    '<noscript><img src="https://tracker.example/p.gif" alt=""></noscript>',
    '<template><img src="https://tracker.example/p.gif" alt=""></template>',
])
def test_what_only_some_readers_get_is_checked_too(html: str) -> None:
    assert find_problems(html, SITE) == [
        f'<img src="https://tracker.example/p.gif"> loads from another host (tracker.example); '
        f"{ELSEWHERE}"]

SCOPE = theme_script("partials/javascripts/base.html", "../..")
PALETTE = theme_script("partials/javascripts/palette.html")
TAB_TARGET = theme_script("partials/javascripts/content.html")

SAFE_PAGE = f"""<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<link rel="canonical" href="https://example.org/muscle-guide/conditions/muscle-twitch/">
<link rel="alternate" type="application/json+oembed" href="https://other.example/o.json">
<link rel="sitemap" href="https://example.org/muscle-guide/sitemap.xml">
<link rel="icon" href="../../assets/images/favicon.png">
<link rel="stylesheet" href="https://example.org/muscle-guide/assets/site.css">
<link rel="prev" href="../muscle-spasm/">
<script src="../../assets/javascripts/bundle.js"></script>
<script>{SCOPE}</script>
<base target="_top">
</head><body>
<a href="https://www.nhs.uk/conditions/">NHS</a>
<a href="http://example.com/">plain http</a>
<a href="mailto:help@example.org">Mail</a>
<a href="TEL:911">Call 911</a>
<a href="//example.com/">same scheme</a>
<a href="../muscle-spasm/#causes">relative</a>
<a href="#top">fragment</a>
<a href="?q=1">query</a>
<a href="./one:two">a relative path with a colon in it</a>
<a>no address</a>
<img src="../../assets/images/x.png" srcset="x.png 1x, x2.png 2x" alt="">
<img src="/muscle-guide/assets/y.png" alt="">
<img src="//example.org/muscle-guide/z.png" alt="">
<input type="text" src="https://tracker.example/ignored-unless-image.png">
<p data-online="true" class="onboarding">Attributes that merely start with "on" in value</p>
</body></html>
"""


def test_a_safe_page_has_no_problems() -> None:
    assert find_problems(SAFE_PAGE, SITE) == []


def test_without_a_site_address_every_absolute_load_is_from_another_host() -> None:
    html = '<img src="https://example.org/muscle-guide/a.png" alt="">'

    assert find_problems(html, SITE) == []
    assert find_problems(html, None) == [
        '<img src="https://example.org/muscle-guide/a.png"> loads from another host '
        f'(example.org); {ELSEWHERE}']


def test_every_problem_is_named_in_page_order_with_the_elements_id() -> None:
    html = ('<p>\n<a href="javascript:x">a</a>\n\n'
            '<img id="pixel" src="//t.example/p" onerror="x" alt="">')

    assert find_problems(html, SITE) == [
        f'<a href="javascript:x"> uses the `javascript:` scheme; {SCHEME}',
        '<img id="pixel" onerror="x"> runs script from an event attribute',
        f'<img id="pixel" src="//t.example/p"> loads from another host (t.example); {ELSEWHERE}',
    ]


def test_a_long_address_is_shortened_in_the_message() -> None:
    html = f'<a href="javascript:{"x" * 200}">a</a>'

    (problem,) = find_problems(html, SITE)

    assert f'<a href="javascript:{"x" * 68}…"> uses' in problem


@pytest.mark.parametrize(("address", "scheme"), [
    ("https://example.org/", "https"),
    (" \t JaVa\nScRiPt:alert(1)", "javascript"),
    ("\x00\x1fjavascript:x", "javascript"),
    ("java\rscript:x", "javascript"),
    ("../a:b", None),
    ("a/b:c", None),
    ("#x:y", None),
    ("1http:x", None),
    ("", None),
])
def test_the_scheme_is_read_the_way_a_browser_reads_it(address: str, scheme: str | None) -> None:
    assert address_scheme(address) == scheme


@pytest.mark.parametrize(("html", "problem"), [
    ('<meta http-equiv="Refresh" content="0; url=https://evil.example/">',
     '<meta http-equiv="Refresh"> sends the reader to another address by itself'),
    ('<iframe srcdoc="<script>alert(1)</script>"></iframe>',
     '<iframe srcdoc="<script>alert(1)</script>"> holds a whole page of its own'),
    ('<main><article><p>Hi</p><script>alert(document.cookie)</script></article></main>',
     "<script> inside the page's content (alert(document.cookie)) would run"),
    ('<div class="md-content"><script src="/assets/x.js"></script></div>',
     "<script> inside the page's content (no text) would run"),
])
def test_what_would_redirect_or_run_inside_the_content_is_named(html: str, problem: str) -> None:
    assert len(find_problems(html, SITE)) == 1
    assert find_problems(html, SITE)[0].startswith(problem)


def test_the_themes_own_scripts_outside_the_content_are_allowed() -> None:
    page = (f"<head><script>{SCOPE}</script>"
            '<script type="application/ld+json">{"@type": "WebPage"}</script></head>'
            f"<body><header><script>{PALETTE}</script></header>"
            f"<article><p>Text</p></article><script>{TAB_TARGET}</script>"
            '<script src="../../assets/javascripts/bundle.js"></script></body>')

    assert find_problems(page, SITE) == []


UNKNOWN = "is not one of the scripts the theme or overrides/ write, so it may not run"


@pytest.mark.parametrize("page", [
    "<head><script>var theme = 1</script></head>",
    "<body><header><script>var theme = 1</script></header></body>",
    "<body><footer class='md-footer'><script>var theme = 1</script></footer></body>",
    "<body><template><script>var theme = 1</script></template></body>",
    "<body><svg><script>var theme = 1</script></svg></body>",
    # SVG runs the text of a script whatever its `src` says.
    "<body><svg><script src='../../a.js'>var theme = 1</script></svg></body>",
    '<body><script type="module">var theme = 1</script></body>',
])
def test_any_other_inline_script_anywhere_on_the_page_is_named(page: str) -> None:
    (problem,) = find_problems(page, SITE)

    assert problem.startswith(f"<script> (var theme = 1) {UNKNOWN}")


def test_a_known_script_with_more_added_is_another_script() -> None:
    (problem,) = find_problems(f"<header><script>{PALETTE};var x = 1</script></header>", SITE)

    assert problem.startswith(f"<script> ({PALETTE[:40]}")
    assert UNKNOWN in problem


def test_a_script_only_readers_without_javascript_get_is_named() -> None:
    (problem,) = find_problems("<body><noscript><script>var theme = 1</script></noscript>",
                               SITE)

    assert problem.startswith(f"<script> (var theme = 1) {UNKNOWN}")


def test_the_message_says_how_to_allow_a_deliberate_change_and_shows_escapes() -> None:
    (problem,) = find_problems("<footer><script>a = \x1b[2K</script></footer>", SITE)

    assert problem.startswith("<script> (a = \\x1b[2K) is not one of")
    assert problem.endswith("If you changed a template on purpose, add its hash "
                            f"({script_hash(chr(0x1b).join(['a = ', '[2K']))}) to "
                            "generator/safety/page_scripts.py")


@pytest.mark.parametrize(("page", "problem"), [
    ('<body><script type="text/x-template">x</script></body>',
     '<script type="text/x-template"> (x) is a kind of script no template writes'),
    ('<body><script type="application/ld+json">{}</script></body>',
     '<script type="application/ld+json"> outside <head>'),
    ('<body><script id="__config" type="application/json">{"base": "."}</script></body>',
     '<script id="__config"> does not hold exactly annotate, base, features'),
    ('<body><script src="https://cdn.example/x.js"></script></body>',
     '<script src="https://cdn.example/x.js"> loads from another host (cdn.example)'),
    ('<body><svg><script href="https://cdn.example/x.js"></script></svg></body>',
     '<script href="https://cdn.example/x.js"> loads from another host (cdn.example)'),
])
def test_data_and_external_scripts_the_theme_never_writes_are_named(
    page: str, problem: str,
) -> None:
    assert find_problems(page, SITE)[0].startswith(problem)
