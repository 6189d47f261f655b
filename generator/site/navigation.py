"""The site's menus: the navigation in MkDocs' `nav` format, and each page's own small menu.

A small site lists every topic in the menu. A large one (`views.LARGE_SITE_FROM` topics or more,
decided once by the conductor and passed in as `large`) does not: its menu holds the letters of
the A to Z, and a condition page adds its letter and its related topics. The menu of a page then
has the same size at 100 topics as at 3,000, so the total HTML grows with the number of pages,
not with its square. Every topic stays two taps away from any page: its letter in the menu, then
its name on that letter's page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator import kinds
from generator.content.models import Condition
from generator.content.project import Project
from generator.site import routes, views
from generator.wording import Wording

NavEntry = dict[str, Any]

RELATED_AT_MOST = 8  # links; a page's menu must not grow with the content around it


@dataclass(frozen=True)
class MenuLink:
    """A link in a page's own menu, to the source path of a page (`conditions/letters/m.md`)."""

    title: str
    path: str


@dataclass(frozen=True)
class PageMenu:
    """A page's own menu on a large site: its section, the A to Z letters and related pages."""

    section: MenuLink | None
    letters: tuple[MenuLink, ...]
    related: tuple[MenuLink, ...]

    def as_front_matter(self) -> dict[str, Any]:
        """Return the menu as plain data for the page's front matter."""
        def plain(link: MenuLink) -> dict[str, str]:
            return {"title": link.title, "path": link.path}
        return {"section": plain(self.section) if self.section else None,
                "letters": [plain(link) for link in self.letters],
                "related": [plain(link) for link in self.related]}


def site_nav(project: Project, *, large: bool, words: Wording) -> list[NavEntry]:
    """Return the navigation for the generated pages.

    Each folder kind's pages are listed in its menu section (generator/kinds.py), and those of
    a kind at the top of the menu after Home. The A to Z page opens the topics section
    (Material's navigation.indexes). On a large site the section holds one page per letter
    instead of the topics themselves. A kind's section is named by the catalog key its
    `menu` holds, like `menu.topics`.
    """
    topics: list[NavEntry | str] = [routes.TOPICS]
    if large:
        topics += [_link(group.letter, group.path)
                   for group in views.letters(project.conditions, project.language)]
    else:
        topics += [_link(c.name, routes.condition(c.id)) for c in project.conditions]
    nav: list[NavEntry] = [_link(words.text("menu.home"), routes.HOME)]
    nav += [_link(kind.title(item), kind.page_path(item.id)) for kind in kinds.folder_kinds()
            if kind.menu == kinds.TOP_OF_MENU for item in project.of(kind)]
    for kind in kinds.folder_kinds():
        # The topics section opens with the A to Z, and may list letters instead of topics.
        links = topics if kind is kinds.CONDITION else [
            _link(kind.title(item), kind.page_path(item.id)) for item in project.of(kind)]
        if kind.menu and links:
            nav.append({words.text(kind.menu): links})
    if any(c.faq for c in project.conditions):
        nav.append(_link(words.text("faq.title"), routes.FAQ))
    return nav


def page_menu(project: Project, *, large: bool) -> PageMenu | None:
    """Return a page's own menu on a large site (None on a small one, whose menu lists all).

    Every page gets the A to Z letters; a condition page's menu (`condition_menu`) adds its
    letter and the pages related to it.
    """
    if not large:
        return None
    return PageMenu(None, tuple(
        MenuLink(letter.letter, letter.path)
        for letter in views.letters(project.conditions, project.language)), ())


def condition_menu(site_menu: PageMenu, project: Project, condition: Condition,
                   words: Wording) -> PageMenu:
    """Return a condition page's menu: the site's letters, its own letter and related pages."""
    letter = views.first_letter(condition, project.language)
    section = MenuLink(words.text("menu.more_topics", letter=letter),
                       views.letter_path(letter, project.language))
    return PageMenu(section, site_menu.letters, related(project, condition))


def related(project: Project, condition: Condition) -> tuple[MenuLink, ...]:
    """Return the comparisons and checkers that mention a condition, then the topics they name."""
    comparisons = views.comparisons_of(project.comparisons, condition)
    flowcharts = views.flowcharts_about(project.flowcharts, condition)
    links = [MenuLink(c.title, routes.comparison(c.id)) for c in comparisons]
    links += [MenuLink(f.title, routes.checker(f.id)) for f in flowcharts]
    named = [cid for c in comparisons for cid in c.conditions]
    named += [cid for f in flowcharts for o in f.outcomes for cid in o.conditions]
    for cid in dict.fromkeys(named):
        if cid != condition.id:
            other = project.condition(cid)
            links.append(MenuLink(other.name, routes.condition(other.id)))
    return tuple(links[:RELATED_AT_MOST])


def _link(title: str, path: str) -> NavEntry:
    return {title: path}
