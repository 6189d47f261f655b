"""The kinds of content file: one row each, which loading, checks, writer tools and pages read.

A kind names its model, where its files live in the content folder, the address folder and
template of its pages, the menu section that lists them and its worked example. Adding a kind
is a row here, a model, a template and an example; see "Adding a kind of content" in README.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import languages
from generator.content import validate
from generator.content.emergency import CallableNumbers
from generator.content.models import Comparison, Condition, Flowchart, Page, PlainWords, Site
from generator.content.validate import Sourced
from generator.errors import ErrorCollector
from generator.site import routes

EXAMPLES = Path(__file__).parent / "writer" / "examples"
TOP_OF_MENU = ""
"""The menu section of a kind whose pages are listed at the top of the menu, in no section."""


@dataclass(frozen=True)
class Known:
    """What the checks of one file may need from the others."""

    condition_ids: set[str]
    """Every condition's id, with those of condition files that have mistakes."""
    numbers: CallableNumbers | None
    """The numbers a phone link may call, once the site's emergency number is right."""


Check = Callable[[Sourced[Any], Known, ErrorCollector], None]
"""A check of one file against the rest of the content, recording what is wrong."""


@dataclass(frozen=True)
class Kind:
    """One kind of content file: its model, its place in the content folder and its pages."""

    name: str
    """What a writer types after `new`, and the name of its schema: `condition`."""
    model: type[BaseModel]
    example: Path
    """The worked example the guide shows, under generator/writer/examples/."""
    word: str | None = None
    """One file of the kind, as a writer says it ("a condition"), to tell a file saved in the
    wrong folder where it belongs; None for a kind no other file is compared with."""
    folder: str | None = None
    """The folder of the content folder its files live in, one a page: `conditions`."""
    file: str | None = None
    """For a kind a site has one file of, at the top of the content folder: its name."""
    required: bool = False
    """Whether a site must have the file (a kind of one file)."""
    route: Callable[[str], str] | None = None
    """Where one of its pages lives, from its id (a function of generator/site/routes.py)."""
    template: str | None = None
    """The template of its pages, in generator/site/templates/."""
    menu: str | None = None
    """The catalog key of the menu section that lists its pages, like `menu.topics`
    (generator/wording.py); `TOP_OF_MENU` for none; None: not in the menu."""
    title_field: str = "title"
    """The field that holds a page's title, in the menu and the browser tab."""
    order_by: str = "id"
    """The field its pages are listed by, A to Z."""
    checks: tuple[Check, ...] = ()
    """The checks of each file against the rest of the content, after its own model's."""

    @property
    def place(self) -> str:
        """Return where its files live in the content folder: a folder, or a file's name."""
        place = self.folder or self.file
        assert place is not None, f"the kind {self.name} names neither a folder nor a file"
        return place

    @property
    def reviewed(self) -> bool:
        """Return whether its files carry review dates: pages readers see, and review."""
        return "review" in self.model.model_fields

    def title(self, item: Any) -> str:
        """Return the title of one of its pages."""
        return str(getattr(item, self.title_field))

    def sort_key(self, item: Any, language: str = "en") -> str:
        """Return what its pages are listed by: names and titles in any capitals, in the order
        of their language (Spanish: Ámbar with ambar, Ñ after N)."""
        return languages.rules(language).collation_key(str(getattr(item, self.order_by)))

    def page_path(self, item_id: str) -> str:
        """Return the source path of one of its pages, like `compare/twitch-or-spasm.md`."""
        if self.route is None:
            raise ValueError(f"{self.name} files make no page of their own")
        return self.route(item_id)


def _emergency_links(item: Sourced[Any], known: Known, errors: ErrorCollector) -> None:
    validate.check_emergency_links(item, errors, known.numbers)


def _faq_questions(item: Sourced[Any], known: Known, errors: ErrorCollector) -> None:
    validate.check_faq_questions(item, errors)


def _compared_conditions(item: Sourced[Any], known: Known, errors: ErrorCollector) -> None:
    validate.check_comparison(item, known.condition_ids, errors)


def _flowchart_graph(item: Sourced[Any], known: Known, errors: ErrorCollector) -> None:
    validate.check_flowchart(item, known.condition_ids, errors)


def _flowchart_phone_links(item: Sourced[Any], known: Known, errors: ErrorCollector) -> None:
    validate.check_flowchart_phone_links(item, errors, known.numbers)


def _section_headings(item: Sourced[Any], known: Known, errors: ErrorCollector) -> None:
    validate.check_section_headings(item, errors)


def _repeated_words(item: Sourced[Any], known: Known, errors: ErrorCollector) -> None:
    validate.check_plain_words(item, errors)


SITE = Kind("site", Site, EXAMPLES / "site.yml", word="the site settings", file="site.yml",
            required=True)
CONDITION = Kind("condition", Condition, EXAMPLES / "conditions" / "leg-cramp.yml",
                 word="a condition", folder="conditions", route=routes.condition,
                 template="condition.md.j2", menu="menu.topics", title_field="name",
                 order_by="name", checks=(_emergency_links, _faq_questions))
COMPARISON = Kind("comparison", Comparison, EXAMPLES / "comparisons" / "cramp-vs-spasm.yml",
                  word="a comparison", folder="comparisons", route=routes.comparison,
                  template="comparison.md.j2", menu="menu.compare", checks=(_compared_conditions,))
FLOWCHART = Kind("flowchart", Flowchart, EXAMPLES / "flowcharts" / "cramp-check.yml",
                 word="a flowchart", folder="flowcharts", route=routes.checker,
                 template="flowchart.md.j2", menu=TOP_OF_MENU,
                 checks=(_flowchart_graph, _flowchart_phone_links))
PAGE = Kind("page", Page, EXAMPLES / "pages" / "about.yml", word="a page", folder="pages",
            route=routes.plain_page, template="page.md.j2", order_by="title",
            checks=(_section_headings,))
"""Plain pages (about, accessibility, for website owners), linked from every footer."""
PLAIN_WORDS = Kind("plain-words", PlainWords, EXAMPLES / "plain-words.yml",
                   file="plain-words.yml", checks=(_repeated_words,))
"""Words many readers do not know, with the plain words `check` asks for instead."""

KINDS: tuple[Kind, ...] = (SITE, CONDITION, COMPARISON, FLOWCHART, PAGE, PLAIN_WORDS)
"""Every kind, in the order the guide and the schemas list them."""


def folder_kinds() -> tuple[Kind, ...]:
    """Return the kinds whose files are pages, one file each, in a folder of their own."""
    return tuple(kind for kind in KINDS if kind.folder is not None)


def single_files() -> tuple[Kind, ...]:
    """Return the kinds a site has one file of, at the top of its content folder."""
    return tuple(kind for kind in KINDS if kind.file is not None)


def named(name: str) -> Kind:
    """Return the kind a writer names, like `condition`."""
    return next(kind for kind in KINDS if kind.name == name)


def models() -> dict[str, type[BaseModel]]:
    """Return each kind's model, by the kind's name."""
    return {kind.name: kind.model for kind in KINDS}
