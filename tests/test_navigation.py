"""Navigation: small sites list topics; big sites group them by letter to stay linear."""

from __future__ import annotations

import dataclasses

from generator.navigation import site_nav
from generator.project import load_project
from generator.views import LETTER_SECTIONS_FROM

from conftest import CONTENT

SHIPPED = load_project(CONTENT)


def test_a_small_site_lists_its_topics_under_the_a_to_z_page() -> None:
    assert site_nav(SHIPPED) == [
        {"Home": "index.md"},
        {"Twitch or spasm? What should I do?": "checker/twitch-or-spasm.md"},
        {"Topics A to Z": ["conditions/index.md",
                           {"Muscle spasm": "conditions/muscle-spasm.md"},
                           {"Muscle twitch": "conditions/muscle-twitch.md"}]},
        {"Compare": [{"Muscle twitch or muscle spasm?": "compare/twitch-vs-spasm.md"}]},
        {"Questions people ask": "faq.md"},
    ]


def test_a_big_site_groups_topics_by_letter() -> None:
    twitch = SHIPPED.condition("muscle-twitch")
    many = tuple(
        twitch.model_copy(update={"id": f"topic-{i}", "name": f"{'ABC'[i % 3]}topic {i}"})
        for i in range(LETTER_SECTIONS_FROM)
    )
    project = dataclasses.replace(SHIPPED, conditions=many, comparisons=(), flowcharts=())

    topics = site_nav(project)[1]["Topics A to Z"]

    assert topics[0] == "conditions/index.md"
    assert [next(iter(section)) for section in topics[1:]] == ["A", "B", "C"]
    assert all(len(section[letter]) == 10 for section in topics[1:] for letter in section)
