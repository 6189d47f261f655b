"""No built page gives two elements the same id: a link to one part of a page opens that part.

The checker without JavaScript moves by `#fragment`, so a repeated id there can send a reader
who answers "Yes, this could be an emergency" to self-care advice.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from generator.builders.mkdocs_plugin.build import build_outputs
from generator.content.project import load_project
from generator.errors import ContentErrors
from generator.pipeline import render_content
from generator.site import anchors

from conftest import ROOT, one_language

TWIN = "  - question: Does a muscle twitch *hurt*?\n    answer: No.\n"


def repeated_ids(site: Path) -> dict[str, list[str]]:
    """Return, for each built page that repeats an id, the ids it repeats."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        html = LexborHTMLParser(page.read_text(encoding="utf-8"))
        counts = Counter(node.attributes["id"] for node in html.css("[id]"))
        twice = sorted(i or "" for i, n in counts.items() if n > 1)
        if twice:
            found[page.relative_to(site).as_posix()] = twice
    return found


def test_no_page_of_the_shipped_site_repeats_an_id(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))

    assert len(pages) > 10
    assert repeated_ids(built_site) == {}


def write_colliding(project: Path) -> None:
    """Write content whose ids would meet: the theme's names, a step named like a heading.

    In English only: a translation would have to follow each edit of the original."""
    content = one_language(project) / "content"
    edit(content / "conditions/muscle-twitch.yml", "faq:\n", (
        "faq:\n  - question: __search\n    answer: A question named like the search box.\n"
        "  - question: __drawer\n    answer: A question named like the menu.\n"
        "  - question: Symptoms\n    answer: A question named like a section.\n" + TWIN))
    edit(content / "conditions/muscle-spasm.yml", "name: Muscle spasm", "name: __palette_0")
    edit(content / "pages/about.yml", "sections:\n", (
        "sections:\n  - heading: __consent\n    body: Named like the cookie box.\n"
        "  - heading: Health menu letters\n    body: Named like the menu of letters.\n"))
    # The emergency outcome is `help`; the self-care one is named like its heading.
    chart = content / "flowcharts/twitch-or-spasm.yml"
    edit(chart, "spasm-self-care", "help-heading")
    edit(chart, "next: emergency", "next: help")
    edit(chart, "- id: emergency", "- id: help")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_check_refuses_only_the_questions_that_would_share_a_link(
    scratch: Callable[..., Path],
) -> None:
    write_colliding(scratch())

    with pytest.raises(ContentErrors) as refused:
        load_project(Path("content"))

    assert [str(e) for e in refused.value.errors] == [
        "content/conditions/muscle-twitch.yml:60:15: faq question 5, question: this question is "
        "already asked on line 58 (faq question 4: “Does a muscle twitch *hurt*?”). Remove one "
        "of them, or change its words."]


@pytest.fixture(scope="module")
def colliding_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the colliding content, less the two questions check refuses, as a large site.

    The large layout gives pages their own menu too (overrides/partials/page-menu.html).
    """
    project = tmp_path_factory.mktemp("colliding")
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    write_colliding(project)
    edit(project / "content/conditions/muscle-twitch.yml", TWIN, "")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        rendered = render_content(project / "content", large_from=1)
        build_outputs(rendered, project / "mkdocs.yml", project / "site", project / "dist")
    return project / "site"


def test_content_named_like_the_themes_ids_builds_with_unique_ids(colliding_site: Path) -> None:
    assert repeated_ids(colliding_site) == {}

    topic = read(colliding_site / "conditions/muscle-twitch/index.html")
    faq = {node.text(): node.attributes["id"] for node in topic.css("h3")}
    assert faq["__search"] == "faq--search" and faq["Symptoms"] == "faq--symptoms"
    assert topic.css_first("h2#symptoms").text() == "Symptoms"
    assert (colliding_site / "conditions/letters/other/index.html").exists()  # __palette_0


def test_without_javascript_every_answer_links_to_the_step_it_leads_to(
    colliding_site: Path,
) -> None:
    checker = read(colliding_site / "checker/twitch-or-spasm/index.html")
    graph = json.loads(checker.css_first(".flowchart").attributes["data-graph"] or "")

    for step in checker.css(".flowchart__step"):
        answers = graph["steps"][step.attributes["data-step"]]["answers"]
        for link in step.css(".flowchart__answer"):
            value = link.attributes["data-value"]
            leads_to = next(a["next"] for a in answers if a["value"] == value)
            (target,) = checker.css(f"[id='{(link.attributes['href'] or '#')[1:]}']")
            assert target.attributes["data-step"] == leads_to

    help_step = anchors.step("twitch-or-spasm", "help")
    first_yes = checker.css_first(".flowchart__answer[data-value=yes]")
    assert first_yes.attributes["href"] == f"#{help_step.section}"
    assert checker.css_first(f"#{help_step.heading}").text() == "Get emergency help now"


def read(page: Path) -> LexborHTMLParser:
    return LexborHTMLParser(page.read_text(encoding="utf-8"))
