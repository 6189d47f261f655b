"""Ready-made values for the templates: every decision about a page is taken here."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import groupby
from typing import Any
from urllib.parse import urlsplit

from babel.dates import format_date

from generator.care import CareHeading, care_heading
from generator.markdown_subset import plain_text
from generator.models import CareAdvice, Comparison, Condition, Flowchart, Question, Review, Site
from generator.structured_data import page_url

CARE_ORDER = ("emergency", "urgent", "non-urgent")


@dataclass(frozen=True)
class ReviewDates:
    """Review dates as shown to a reader, with machine-readable twins."""

    last_reviewed: str
    last_reviewed_iso: str
    next_review_due: str
    next_review_due_iso: str


@dataclass(frozen=True)
class Cell:
    """One comparison table cell, for one condition: a sentence or a list."""

    condition: str
    text: str | None
    items: tuple[str, ...]


@dataclass(frozen=True)
class Row:
    """One comparison table row."""

    label: str
    cells: tuple[Cell, ...]


def review_dates(review: Review, locale: str) -> ReviewDates:
    """Return a page's review dates written out for its locale."""
    return ReviewDates(
        last_reviewed=_date(review.last_reviewed, locale),
        last_reviewed_iso=review.last_reviewed.isoformat(),
        next_review_due=_date(review.next_review_due, locale),
        next_review_due_iso=review.next_review_due.isoformat(),
    )


def earliest_review(reviews: list[Review]) -> Review:
    """Return the review of a page made of many parts: the oldest review, the soonest due."""
    return Review(
        last_reviewed=min(r.last_reviewed for r in reviews),
        next_review_due=min(r.next_review_due for r in reviews),
    )


LARGE_SITE_FROM = 30
"""Topics from which a site is large: below this, one flat list of topics is easiest to scan;
from it on, the A to Z has one page per letter and menus stop listing topics (a build can
lower it, see `generator.pipeline.render_content`)."""


@dataclass(frozen=True)
class Letter:
    """One letter of the A to Z: its topics, and the page that lists them on a large site."""

    letter: str
    slug: str
    path: str
    conditions: list[Condition]


@dataclass(frozen=True)
class TopicIndex:
    """The A to Z of topics, as a page at `root` lists it."""

    letters: list[Letter]
    show_letters: bool
    listed_on_home: bool
    count: int
    root: str


def is_large(conditions: tuple[Condition, ...], large_from: int) -> bool:
    """Return whether a site has so many topics that lists of them get a page per letter."""
    return len(conditions) >= large_from


def condition_path(condition: Condition) -> str:
    """Return the source path of a condition's page."""
    return f"conditions/{condition.id}.md"


def first_letter(condition: Condition) -> str:
    """Return the letter a condition is listed under in the A to Z."""
    return condition.name[:1].upper()


def letter_slug(letter: str) -> str:
    """Return the file name of the page listing one letter's topics."""
    # Addresses stay plain ASCII: a letter like É or 5 gets its code point instead.
    return letter.lower() if letter.isascii() and letter.isalnum() else f"u{ord(letter):04x}"


def letter_path(letter: str) -> str:
    """Return the source path of the page listing one letter's topics."""
    return f"conditions/letters/{letter_slug(letter)}.md"


def letters(conditions: tuple[Condition, ...]) -> list[Letter]:
    """Return the conditions grouped by the first letter of their name."""
    ordered = sorted(conditions, key=lambda c: c.name.casefold())
    return [Letter(letter, letter_slug(letter), letter_path(letter), list(group))
            for letter, group in groupby(ordered, key=first_letter)]


def topic_index(conditions: tuple[Condition, ...], root: str, *, large_from: int) -> TopicIndex:
    """Return the A to Z: letter headings, and the home page's list, only when they help."""
    many = is_large(conditions, large_from)
    return TopicIndex(letters(conditions), show_letters=many, listed_on_home=not many,
                      count=len(conditions), root=root)


@dataclass(frozen=True)
class CareCard:
    """A care-level callout: its call-to-action heading and the signs that call for it."""

    heading: CareHeading
    items: tuple[str, ...]


def comparisons_of(comparisons: tuple[Comparison, ...],
                   condition: Condition) -> list[Comparison]:
    """Return the comparisons a condition appears in."""
    return [c for c in comparisons if condition.id in c.conditions]


def flowcharts_about(flowcharts: tuple[Flowchart, ...],
                     condition: Condition) -> list[Flowchart]:
    """Return the flowcharts whose outcomes send readers to a condition."""
    return [f for f in flowcharts if any(condition.id in o.conditions for o in f.outcomes)]


def care_cards(advice: list[CareAdvice], site: Site) -> list[CareCard]:
    """Return the care callouts with the most urgent first."""
    ordered = sorted(advice, key=lambda group: CARE_ORDER.index(group.care))
    return [
        CareCard(care_heading(g.care, site.locale, site.emergency_number), tuple(g.items))
        for g in ordered
    ]


def comparison_rows(comparison: Comparison, conditions: list[Condition]) -> list[Row]:
    """Return each row's cells, read from each condition's own fields."""
    return [
        Row(row.label, tuple(_cell(c.name, _field(c, row.field)) for c in conditions))
        for row in comparison.rows
    ]


def page_description(text: str) -> str:
    """Return a one-line description, without Markdown, for search results and previews."""
    line = plain_text(text)
    return line if len(line) <= 160 else line[:157].rsplit(" ", 1)[0] + "…"


def _field(condition: Condition, path: str) -> Any:
    value: Any = condition
    for part in path.split("."):
        value = getattr(value, part)
    return value


def _cell(condition: str, value: Any) -> Cell:
    if isinstance(value, list):
        return Cell(condition, None, tuple(value)) if value else Cell(condition, "None listed.", ())
    return Cell(condition, value, ())


def _date(value: datetime.date, locale: str) -> str:
    return str(format_date(value, format="long", locale=locale.replace("-", "_")))


@dataclass(frozen=True)
class OutcomeView:
    """A flowchart outcome as shown: its heading, care callout and pages to read next."""

    id: str
    title: str
    card: CareCard
    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class FlowchartView:
    """A flowchart ready for its template, with the graph data for the browser widget."""

    id: str
    title: str
    summary: str
    level: int
    page_root: str
    questions: tuple[Question, ...]
    outcomes: tuple[OutcomeView, ...]
    data: dict[str, Any]


def flowchart_view(
    flow: Flowchart, site: Site, conditions: dict[str, Condition], *, level: int, page_root: str
) -> FlowchartView:
    """Return a flowchart for a page whose headings start at `level`."""
    outcomes = tuple(
        OutcomeView(
            o.id, o.title,
            CareCard(care_heading(o.care, site.locale, site.emergency_number), tuple(o.advice)),
            tuple(conditions[c] for c in o.conditions),
        )
        for o in flow.outcomes
    )
    steps: dict[str, Any] = {q.id: {"text": q.text, "answers": [
        {"value": a.value, "text": a.text, "next": a.next} for a in q.answers
    ]} for q in flow.questions}
    steps.update({o.id: {"text": o.title, "answers": []} for o in flow.outcomes})
    return FlowchartView(flow.id, flow.title, flow.summary, level, page_root,
                         tuple(flow.questions), outcomes, {"start": flow.start, "steps": steps})


def site_origin(site: Site) -> str:
    """Return the scheme and host of the site, as a browser reports `event.origin`."""
    parts = urlsplit(site.url)
    return f"{parts.scheme}://{parts.netloc}"


def embed_url(site: Site, condition: Condition) -> str:
    """Return the address of a condition's embeddable FAQ page."""
    return page_url(site, f"embed/{condition.id}.md")


def embed_title(site: Site, condition: Condition) -> str:
    """Return the iframe title of a condition's embeddable FAQ page."""
    return f"{condition.name}: questions and answers from {site.title}"


def oembed_links(site: Site, conditions: list[Condition]) -> list[dict[str, str]]:
    """Return the oEmbed discovery links for a page's FAQ sets."""
    return [{"href": f"{site.url}oembed/{c.id}.json", "title": embed_title(site, c)}
            for c in conditions if c.faq]
