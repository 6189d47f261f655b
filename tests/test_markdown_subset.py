"""The Markdown subset, read by Python-Markdown itself: every way to write a link is checked."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from ruamel.yaml import YAML

from generator import kinds
from generator.content.project import Project, load_project
from generator.safety import addresses
from generator.safety.markdown_subset import (
    MARKDOWN_EXTENSIONS,
    MarkdownText,
    link_targets,
    links,
    plain_text,
    problems,
)
from generator.site.render import render_pages
from generator.wording import for_locale

from conftest import CONTENT

SCHEME = "a link starts with `javascript:`. Links must start with https:, http:, mailto: or tel:."
DEFINITION = "the line `[{}]: …` defines a link for use elsewhere, which is not allowed in text."
HTML = "HTML such as `{}` is not allowed in text."
IMAGE = "images are not allowed in text."
HEADING = "headings (a line starting with `#`, or a line of `===` or `---`) are not allowed"
ATTRIBUTES = "`{{: … }}` sets attributes (here `{}`), which is not allowed in text."

REFUSED = {
    "inline": ("[x](javascript:alert(1))", SCHEME),
    "inline, spaces before": ("[x](  javascript:alert(1))", SCHEME),
    "inline, angle brackets": ("[x](<javascript:alert(1)>)", SCHEME),
    "inline, upper-case scheme": ("[x](JavaScript:alert(1))", SCHEME),
    "inline, entity-encoded": ("[x](&#106;avascript:alert(1))", SCHEME),
    "inline, hex entity": ("[x](&#x6A;avascript:alert(1))", SCHEME),
    "inline, named entity": ("[x](javascript&colon;alert(1))", SCHEME),
    "inline, newline inside": ("[x](java\nscript:alert(1))", SCHEME),
    "inline, tab inside": ("[x](java\tscript:alert(1))", "the link `java    script:alert(1)`"),
    "inline, control before": ("[x](\x01javascript:alert(1))", SCHEME),
    "data": ("[x](data:text/html,hi)", "a link starts with `data:`."),
    "vbscript": ("[x](vbscript:msgbox)", "a link starts with `vbscript:`."),
    "reference": ("[Read more][more]\n\n[more]: javascript:alert(1)", DEFINITION.format("more")),
    "reference, indented definition": (
        "A twitch stops by itself. [Read more][more]\n\n    [more]: javascript:alert(1)",
        "a line indented by four spaces or more becomes a code block"),
    "reference, definition under a paragraph": (
        "[Read more][more]\n  - a\n     [more]: javascript:alert(1)", DEFINITION.format("more")),
    "reference to a web page": ("[x][a]\n\n[a]: https://example.org/", DEFINITION.format("a")),
    "empty reference": ("[][]\n\n[]: javascript:alert(1)", DEFINITION.format("")),
    "collapsed reference": ("[x][]\n\n[x]: javascript:alert(1)", DEFINITION.format("x")),
    "shortcut reference": ("[x]\n\n[x]: javascript:alert(1)", DEFINITION.format("x")),
    "autolink": ("<javascript:alert(1)>", HTML.format("<javascript:alert(1)>")),
    "raw HTML": ("Hello <b onclick='x'>there</b>", HTML.format("<b onclick='x'>")),
    "HTML block": ("<div>\n[x](https://example.org/)\n</div>",
                   HTML.format("<div> [x](https://example.org/) </div>")),
    "HTML comment": ("a <!-- hidden --> b", HTML.format("<!-- hidden -->")),
    "inline image": ("![p](https://tracker.example/pixel.gif)", IMAGE),
    "reference image": ("![p][px]\n\n[px]: https://tracker.example/pixel.gif",
                        DEFINITION.format("px")),
    "attr_list on a paragraph": ("Text\n{: onclick=alert(1) }", ATTRIBUTES.format("onclick")),
    "attr_list on a link": ("[x](https://example.org/){: onclick=alert(1) }",
                            ATTRIBUTES.format("onclick")),
    "attr_list replacing a link": ("[x](https://example.org/){: href='javascript:alert(1)' }",
                                   SCHEME),
    "heading": ("# Big", HEADING),
    "underlined heading": ("Big\n===", HEADING),
    "dividing line": ("---", "a line of `---`, `***` or `___` makes a dividing line"),
    "code": ("`x`", "text in backticks (`) becomes code"),
    "quotation": ("> said", "a line starting with `>` becomes a quotation"),
    "admonition": ("!!! note\n    x", "a line starting with `!!!` makes a box"),
    "details": ("??? note\n    x", "a line starting with `???` makes a box"),
    "no scheme": ("[x](example.org/page)", "the link `example.org/page` has no scheme."),
    "relative to the page": ("[x](../conditions/muscle-spasm.md)",
                             "the link `../conditions/muscle-spasm.md` has no scheme."),
    "a part of the page": ("[x](#causes)", "the link `#causes` has no scheme."),
    "another host, no scheme": ("[x](//other.example/x)",
                                "the link `//other.example/x` has no scheme."),
    "space in a link": ("[x](<https://example.org/a b>)", "the link `https://example.org/a b`"),
    "too deep": ("- " * 2000 + "x", "a line of this text starts with 2,000 list or quote marks"),
    "a title": ('[x](https://example.org/ "with a title")',
                'the link `https://example.org/ "with a title"` has words in quotes after the '
                "address, which text cannot use. Remove them: [words](https://example.org/)."),
    "a title in single quotes": ("[x](https://example.org/ 'a title')",
                                 "the link `https://example.org/ 'a title'` has words in quotes"),
    "a target in angle brackets": (
        "[x](<https://example.org/>)",
        "the link `<https://example.org/>` is written inside < >, which text cannot use. Remove "
        "the < and >: [words](https://example.org/)."),
    "an entity in the address": (
        "[x](https://example.org/?a=1&amp;b=2)",
        "the link `https://example.org/?a=1&amp;b=2` has `&amp;`, the HTML way of writing `&`, "
        "and a link keeps it as typed. Write `&` instead."),
    "a numeric entity in the address": ("[x](https://example.org/&#126;me)",
                                        "the link `https://example.org/&#126;me` has `&#126;`"),
    "no // after the scheme": (
        "[x](https:www.nhs.uk)",
        "the link `https:www.nhs.uk` needs // after `https:` to lead to another site. Write it "
        "as https://www.nhs.uk."),
    "one / after the scheme": ("[x](http:/www.nhs.uk/a)",
                               "the link `http:/www.nhs.uk/a` needs // after `http:` to lead to "
                               "another site. Write it as http://www.nhs.uk/a."),
    "no site name": ("[x](https://)", "the link `https://` has no site name."),
    "a web address in angle brackets": (
        "see <https://www.nhs.uk/>",
        "the link to `https://www.nhs.uk/` would not be a link on the page, because text shows "
        "as typed. Write it as [words](https://www.nhs.uk/)."),
    "a bare web address": (
        "See https://www.nhs.uk/ for more.",
        "the web address `https://www.nhs.uk/` shows as text that cannot be tapped. Make it a "
        "link: [words that say where it goes](https://www.nhs.uk/)."),
    "a bare address starting with www": (
        "Read more at www.nhs.uk.",
        "the web address `www.nhs.uk` shows as text that cannot be tapped. Make it a link: "
        "[words that say where it goes](https://www.nhs.uk)."),
    "a bare address in emphasis, in a list": (
        "- a\n- see *https://www.nhs.uk/a?b=1&c=2*, then",
        "the web address `https://www.nhs.uk/a?b=1&c=2` shows as text"),
    "a mail address in angle brackets": ("write to <team@example.org>",
                                         "the link to `mailto:team@example.org` would not be a "
                                         "link on the page"),
}


@pytest.mark.parametrize(("text", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_each_form_outside_the_subset_is_refused(text: str, message: str) -> None:
    assert problems(text)[0].startswith(message)


ALLOWED = [
    "[a page](https://example.org/)",
    "[a page](https://example.org/?a=1&b=2) and [this](https://example.org/#part)",
    "[it's \"quoted\", &amp; 2 < 3](https://example.org/)",
    "[write](mailto:team@example.org)",
    "[https://www.nhs.uk/](https://www.nhs.uk/) and [www.nhs.uk](https://www.nhs.uk/)",
    "call [911](tel:911)",
    "*emphasis* and **strong** and _this_",
    "- a list\n- of items",
    "1. first\n2. second",
    "Two paragraphs.\n\nThe second one.",
    "Two spaces at the end  \nof a line.",
    "Fish & chips, 2 < 3, a > b, &amp; and &copy; are text.",
    "[x][unknown], [x] and [x][] without a definition stay text.",
    "{{ site.title }} and {% if x %} show as typed.",
]


@pytest.mark.parametrize("text", ALLOWED)
def test_the_allowed_subset_passes(text: str) -> None:
    assert problems(text) == []


@pytest.mark.parametrize(("text", "targets"), [
    ("[call](TEL:911)", ["tel:911"]),
    # The page keeps an entity as typed (and the check refuses it), so this is no phone call.
    ("[call](&#116;el:911) or [read](https://example.org/)",
     ["&#116;el:911", "https://example.org/"]),
    ("[call](  tel:911\t)", ["tel:911"]),
    ("write to <team@example.org>", []),  # shown as typed: refused, as it is no link
    ("see [x] and [x][y]", []),
])
def test_link_targets_are_read_as_a_browser_reads_them(text: str, targets: list[str]) -> None:
    assert link_targets(text) == targets


def test_plain_text_drops_the_marks() -> None:
    assert plain_text("See *this* [page](https://example.org/)\nnow") == "See this page now"
    assert plain_text("- Fish & chips\n- peas") == "Fish & chips peas"
    assert plain_text("&amp; and <b>") == "&amp; and <b>"  # as the page shows them


def test_text_is_checked_with_the_extensions_the_site_renders_with() -> None:
    config = YAML().load(Path(__file__).parent.parent.joinpath("mkdocs.yml").read_text("utf-8"))
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]

    assert tuple(names) == MARKDOWN_EXTENSIONS


# Links as the writer may type them, and whether the check lets them through.
LINK_FORMS = {
    "[NHS](https://www.nhs.uk/)": True,
    "[NHS](https://www.nhs.uk/conditions/?a=1&b=2#top)": True,
    "[a & b < c, \"so\" it's](https://example.org/)": True,
    "[it's *here*, **bold**](https://example.org/)": True,
    "[write](mailto:team@example.org) or [call](tel:+441234567)": True,
    "[x](https://example.org/a%20b_c_d/*e*)": True,
    "[x](https://example.org/?copy=1&copy=2&amp)": True,
    "[x](HTTPS://EXAMPLE.ORG/A)": True,
    "[x\ty](https://example.org/a&b)": True,
    "[x](https://example.org/&copy;)": False,
    "[Ünïcode](https://example.org/ü)": True,
    "[x](https://example.org/)[y](https://example.net/)": True,
    "[x](https://example.org/a\n) and [a\nb](https://example.org/b)": True,
    "[x]( https://example.org/ )": True,
    "*[x](https://example.org/)*": True,
    # A space: no link, and the address shows as words that cannot be tapped.
    "[x] (https://example.org/)": False,
    "[x](https://example.org/ \"t\")": False,
    "[x](https://example.org/ 't')": False,
    "[x](https://example.org/ (t))": False,
    "[x](<https://example.org/>)": False,
    "[x](https://example.org/?a=1&amp;b=2)": False,
    "[x](https://example.org/&#x27;)": False,
    "[x](https://example.org/?a=1&#38;b=2)": False,
    "[x](https:www.nhs.uk)": False,
    "[x](//example.org/)": False,
    "[x](https://example.org/{a})": True,
    "[x](https://example.org/?q=a<b)": False,
    "[x](https://example.org/?q=\"a\")": False,
    "[x](https://example.org/\\_a)": True,  # a Markdown escape: the page links to /_a
    "[`x`](https://example.org/)": False,
    "[[x]](https://example.org/)": True,
    "![x](https://example.org/)": False,
    "<https://example.org/>": False,
    "<team@example.org>": False,
    "<b>[x](https://example.org/)</b>": False,
    "[x](https://example.org/){: .c }": False,
    "[x][y]\n\n[y]: https://example.org/": False,
}


@pytest.fixture(scope="module")
def shipped() -> Project:
    return load_project(CONTENT)


def page_links(project: Project, text: str) -> list[list[tuple[str, str]]]:
    """Return the links of the text where a topic page shows it: a section, a list, an answer."""
    topic = project.conditions[0]
    symptoms = topic.symptoms.model_copy(update={"what_you_notice": [MarkdownText(text)]})
    faq = [topic.faq[0].model_copy(update={"answer": MarkdownText(text)})]
    changed = topic.model_copy(update={"what_it_is": MarkdownText(text), "symptoms": symptoms,
                                       "faq": faq})
    edited = project.with_files(kinds.CONDITION, (changed, *project.conditions[1:]))
    bodies, _ = render_pages(edited, large=False, words=for_locale(edited.site.locale))
    html = markdown.markdown(bodies[f"conditions/{topic.id}.md"],
                             extensions=list(MARKDOWN_EXTENSIONS))
    page = BeautifulSoup(html, "html.parser")
    section = page.find("h2", id="what-it-is").find_next_sibling()
    notice = page.find("h3", string="What you may notice").find_next_sibling("ul").li
    answer = page.find("h3", string=topic.faq[0].question).find_next_sibling()
    return [[(browser_reads(a["href"]), " ".join(a.get_text().split()))
             for a in place.find_all("a")] for place in (section, notice, answer)]


def browser_reads(href: str) -> str:
    """Return an address as a browser reads it: no tabs, newlines or spaces around it."""
    address = addresses.normalise(href)
    scheme = addresses.scheme(address)
    return address if scheme is None else scheme + address[len(scheme):]  # in any case


@pytest.mark.parametrize(("text", "passes"), LINK_FORMS.items(), ids=LINK_FORMS.keys())
def test_a_link_passes_only_when_the_page_shows_what_the_check_saw(
    shipped: Project, text: str, passes: bool,
) -> None:
    checked = [(link.target, link.words) for link in links(text)]

    assert (problems(text) == []) == passes
    if passes:
        assert page_links(shipped, text) == [checked] * 3
