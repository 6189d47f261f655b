"""Navigation: a small site lists its topics; a large one keeps every menu the same size."""

from __future__ import annotations

from generator import kinds
from generator.content.project import Project, load_project
from generator.site.navigation import MenuLink, PageMenu, condition_menu, page_menu, site_nav
from generator.wording import for_locale

from conftest import CONTENT, render_site

SHIPPED = load_project(CONTENT)
WORDS = for_locale(SHIPPED.site.locale)


def many_topics(count: int) -> Project:
    """Return the shipped project with `count` made-up topics starting with A, B or C."""
    twitch = SHIPPED.condition("muscle-twitch")
    made_up = tuple(
        twitch.model_copy(update={"id": f"topic-{i}", "name": f"{'ABC'[i % 3]}topic {i}"})
        for i in range(count)
    )
    return SHIPPED.with_files(kinds.CONDITION, SHIPPED.conditions + made_up)


def test_a_small_site_lists_its_topics_under_the_a_to_z_page() -> None:
    assert site_nav(SHIPPED, large=False, words=WORDS) == [
        {"Home": "index.md"},
        {"Twitch or spasm? What should I do?": "checker/twitch-or-spasm.md"},
        {"Topics A to Z": ["conditions/index.md",
                           {"Muscle spasm": "conditions/muscle-spasm.md"},
                           {"Muscle twitch": "conditions/muscle-twitch.md"}]},
        {"Compare": [{"Muscle twitch or muscle spasm?": "compare/twitch-vs-spasm.md"}]},
        {"Questions people ask": "faq.md"},
    ]
    assert page_menu(SHIPPED, large=False) is None


def test_a_site_goes_by_letter_from_30_topics() -> None:
    assert len(many_topics(28).conditions) == 30
    assert "conditions/letters/a.md" not in render_site(many_topics(27))
    assert "conditions/letters/a.md" in render_site(many_topics(28))


def menu_of(project: Project, condition_id: str) -> PageMenu:
    """Return a condition page's own menu on a large site."""
    site_menu = page_menu(project, large=True)
    assert site_menu is not None
    return condition_menu(site_menu, project, project.condition(condition_id), WORDS)


def test_a_large_site_lists_letters_not_topics_in_its_menu() -> None:
    topics = site_nav(many_topics(30), large=True, words=WORDS)[2]["Topics A to Z"]

    assert topics == ["conditions/index.md",
                      {"A": "conditions/letters/a.md"}, {"B": "conditions/letters/b.md"},
                      {"C": "conditions/letters/c.md"}, {"M": "conditions/letters/m.md"}]


def test_the_menu_does_not_grow_with_the_number_of_topics() -> None:
    small, large = many_topics(30), many_topics(3000)

    assert site_nav(small, large=True, words=WORDS) == site_nav(large, large=True, words=WORDS)
    for condition in ("muscle-twitch", "topic-7"):
        assert menu_of(small, condition) == menu_of(large, condition)


def test_a_condition_page_menu_holds_its_letter_related_pages_and_every_letter() -> None:
    project = many_topics(3)
    menu = menu_of(project, "muscle-twitch")

    assert menu.section == MenuLink("More topics starting with M", "conditions/letters/m.md")
    assert menu.related == (
        MenuLink("Muscle twitch or muscle spasm?", "compare/twitch-vs-spasm.md"),
        MenuLink("Twitch or spasm? What should I do?", "checker/twitch-or-spasm.md"),
        MenuLink("Muscle spasm", "conditions/muscle-spasm.md"),
    )
    assert [link.title for link in menu.letters] == ["A", "B", "C", "M"]


def test_every_topic_is_two_taps_from_any_page_of_a_large_site() -> None:
    project = many_topics(40)
    pages = render_site(project, large_from=30)

    for path, markdown in pages.items():
        if path.startswith("embed/"):
            continue  # an embedded page has no menu: it lives inside another site
        letters = (site_nav(project, large=True, words=WORDS)[2]["Topics A to Z"]
                   if path.startswith("conditions/letters/") or path == "conditions/index.md"
                   else markdown)
        assert "conditions/letters/a.md" in str(letters), path
    letter_a = pages["conditions/letters/a.md"]
    assert all(f"../{c.id}.md" in letter_a for c in project.conditions if c.name[0] == "A")


def test_a_large_site_has_a_questions_page_a_letter_and_keeps_its_embeds() -> None:
    project = many_topics(40)
    pages = render_site(project, large_from=30)
    question = project.condition("muscle-twitch").faq[0].question

    assert "[A](faq/a.md): 14 topics" in pages["faq.md"]
    assert question not in pages["faq.md"]
    assert f"- {question}" in pages["faq/m.md"]
    assert "[Read the answers: Muscle twitch](../conditions/muscle-twitch.md)" in pages["faq/m.md"]
    assert "## Atopic 0 { #topic-0 }" in pages["faq/a.md"]
    assert "topic-0" not in pages["faq/b.md"]
    assert {f"embed/{c.id}.md" for c in project.conditions if c.faq} <= set(pages)
