"""The site's navigation, as nested (title, path) entries in MkDocs' `nav` format.

Large sites group topics by first letter, so that a page's menu holds one letter's topics
rather than every topic: building stays linear in the number of topics.
"""

from __future__ import annotations

from typing import Any

from generator import views
from generator.project import Project

NavEntry = dict[str, Any]


def site_nav(project: Project) -> list[NavEntry]:
    """Return the navigation for the generated pages.

    The A to Z page opens the topics section (Material's navigation.indexes).
    """
    topics: list[NavEntry | str] = ["conditions/index.md"]
    if len(project.conditions) < views.LETTER_SECTIONS_FROM:
        topics += [_link(c.name, f"conditions/{c.id}.md") for c in project.conditions]
    else:
        topics += [{letter: [_link(c.name, f"conditions/{c.id}.md") for c in group]}
                   for letter, group in views.a_to_z(project.conditions)]
    nav: list[NavEntry] = [_link("Home", "index.md")]
    nav += [_link(f.title, f"checker/{f.id}.md") for f in project.flowcharts]
    nav.append({"Topics A to Z": topics})
    if project.comparisons:
        nav.append({"Compare": [_link(c.title, f"compare/{c.id}.md")
                                for c in project.comparisons]})
    if any(c.faq for c in project.conditions):
        nav.append(_link("Questions people ask", "faq.md"))
    return nav


def _link(title: str, path: str) -> NavEntry:
    return {title: path}
