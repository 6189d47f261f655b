"""The ids of a built page's elements, made in namespaces that cannot meet.

A page holds ids from four sources, and each keeps to its own kind of name:

- the theme's (`__search`, `__drawer`, `__palette_0`) and our overrides' (`__health-menu-letters`)
  start with `__`;
- the toc extension makes one from each heading's words with `slugify`, which never starts with
  `_` and never holds `--`; toc itself numbers a repeat (`causes_1`) and steps around every id
  the page's Markdown already gives, such as the templates' `{ #when-to-get-help }`;
- ids made from content ids join them with `--`, which no content id (a slug) and no heading's
  slug holds: a flowchart step is `<chart>--<step>` and its heading `<chart>--<step>--heading`,
  distinct for any two step ids; an FAQ question's heading is `faq--<slug of its words>`.

What construction cannot rule out, two questions or headings of one page whose words give the
same anchor, `check` refuses (`repeats`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markdown.extensions.toc import slugify as _toc_slugify  # type: ignore[import-untyped]

JOIN = "--"
"""Joins a namespace to a content id; no slug holds it."""
FAQ = "faq"
"""The namespace of FAQ headings: a kept name (routes.RESERVED_IDS), so never a flowchart's id."""

Loc = tuple[str | int, ...]


def slugify(value: str, separator: str = "-") -> str:
    """Return the id for a heading's words, as toc makes it, but never in the theme's `__`."""
    slug = _toc_slugify(value, separator).lstrip("_" + separator)
    return slug or "heading"


@dataclass(frozen=True)
class StepAnchors:
    """The ids of one flowchart step: its section (what answers link to) and its heading."""

    section: str
    heading: str


def step(chart_id: str, step_id: str) -> StepAnchors:
    """Return the ids of a flowchart step."""
    section = f"{chart_id}{JOIN}{step_id}"
    return StepAnchors(section, f"{section}{JOIN}heading")


def faq_question(question: str) -> str:
    """Return the id of an FAQ question's heading on its topic's page."""
    return f"{FAQ}{JOIN}{slugify(question)}"


def section_heading(heading: str) -> str:
    """Return the id toc gives a section heading of a plain page."""
    return slugify(heading)


@dataclass(frozen=True)
class Repeat:
    """An item whose anchor an earlier item of the same page already has."""

    first: Loc
    second: Loc
    anchor: str


def repeats(anchors: Iterable[tuple[Loc, str]]) -> list[Repeat]:
    """Return each item whose anchor is the same as an earlier item's, with that item."""
    seen: dict[str, Loc] = {}
    found = []
    for loc, anchor in anchors:
        first = seen.setdefault(anchor, loc)
        if first != loc:
            found.append(Repeat(first, loc, anchor))
    return found
