"""Element ids made from content keep to their own namespaces, so no two can meet."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from generator.safety.markdown_subset import MARKDOWN_EXTENSIONS, escape_plain
from generator.site import anchors, routes

from conftest import ROOT

SETTINGS = settings(max_examples=60, deadline=None)
SLUG = st.from_regex(r"\A[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,3}\Z")
THEME_IDS = ["__search", "__drawer", "__palette_0", "__consent", "__code_0", "__tabbed_1_1",
             "__nav_1", "__toc", "__config"]


def heading_ids(source: str) -> list[str]:
    """Return the ids of a Markdown page's headings, as the site's Markdown gives them."""
    config = YAML(typ="safe", pure=True)
    config.constructor.add_multi_constructor(  # mkdocs.yml names Python functions by tag
        "tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)
    extensions = config.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))[
        "markdown_extensions"]
    toc = next(e["toc"] for e in extensions if isinstance(e, dict) and "toc" in e)
    assert toc["slugify"] == "generator.site.anchors.slugify"
    html = markdown.markdown(source, extensions=list(MARKDOWN_EXTENSIONS),
                             extension_configs={"toc": {**toc, "slugify": anchors.slugify}})
    return [h["id"] for h in BeautifulSoup(html, "html.parser").select("[id]")]


def test_a_heading_made_of_the_themes_ids_gets_an_id_of_its_own() -> None:
    source = "\n\n".join(f"## {escape_plain(name)}" for name in THEME_IDS)

    ids = heading_ids(source)

    assert ids == ["search", "drawer", "palette_0", "consent", "code_0", "tabbed_1_1", "nav_1",
                   "toc", "config"]


@SETTINGS
@given(st.text(max_size=40))
def test_no_heading_id_starts_with_an_underscore_or_holds_a_double_hyphen(words: str) -> None:
    slug = anchors.slugify(words)

    assert slug and not slug.startswith(("_", "-")) and "--" not in slug


@SETTINGS
@given(chart=SLUG, first=SLUG, second=SLUG)
def test_two_steps_never_share_an_id(chart: str, first: str, second: str) -> None:
    one, other = anchors.step(chart, first), anchors.step(chart, first + "-heading")
    ids = [one.section, one.heading, other.section, other.heading]
    if second not in (first, first + "-heading"):
        third = anchors.step(chart, second)
        ids += [third.section, third.heading]

    assert len(set(ids)) == len(ids)


def test_a_step_named_like_another_steps_heading_keeps_its_own_link() -> None:
    help_step, help_heading_step = anchors.step("c", "help"), anchors.step("c", "help-heading")

    assert help_step.heading == "c--help--heading"
    assert help_heading_step.section == "c--help-heading"


def test_an_faq_question_is_given_an_id_in_its_own_namespace() -> None:
    assert anchors.faq_question("__search") == "faq--search"
    assert anchors.faq_question("Symptoms?") == "faq--symptoms"
    assert anchors.faq_question("???") == "faq--heading"


def test_repeats_name_the_first_item_with_that_anchor() -> None:
    found = anchors.repeats([(("faq", 0), "a"), (("faq", 1), "b"), (("faq", 2), "a")])

    assert found == [anchors.Repeat(("faq", 0), ("faq", 2), "a")]



def test_no_flowchart_can_be_named_like_the_faq_namespace() -> None:
    # A flowchart `faq` would make `faq--<step>`, the form of an FAQ heading's id.
    assert anchors.FAQ in routes.RESERVED_IDS
