"""Ready-made values for the templates: every decision about a page is taken here."""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar
from urllib.parse import urlsplit

from babel.dates import format_date

from generator import languages
from generator.content import flowchart
from generator.content.models import (
    CareAdvice,
    Comparison,
    Condition,
    Flowchart,
    Review,
    Site,
    Source,
)
from generator.safety.markdown_subset import plain_text
from generator.site import anchors, routes
from generator.site.anchors import StepAnchors
from generator.site.care import CareHeading, care_heading
from generator.site.structured_data import page_url
from generator.site.value_place import MARK, around
from generator.wording import Wording

if TYPE_CHECKING:
    from generator.content.project import Project

CARE_ORDER = ("emergency", "urgent", "non-urgent")


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


@dataclass(frozen=True)
class Linked(Generic[T]):
    """Something a page links to, with the link to its page from the page being written."""

    item: T
    href: str
    """The Markdown link, relative to the page being written (`../conditions/x.md`)."""


def linked(items: Iterable[T], page: str, route: Callable[[str], str]) -> tuple[Linked[T], ...]:
    """Return each item with the link from `page` to its own page, whose path `route` gives."""
    return tuple(Linked(item, routes.link(page, route(item.id))) for item in items)


@dataclass(frozen=True)
class Day:
    """A date as a reader reads it, with its machine-readable twin for `<time>`."""

    text: str
    iso: str


@dataclass(frozen=True)
class DatedLine:
    """Words with a date in them: the words before it, the date (for `<time>`), the words after.

    `day` is None when a translation leaves the date out: `before` then holds all its words.
    """

    before: str
    day: Day | None
    after: str


def dated_line(text: str, day: Day) -> DatedLine:
    """Return catalog words looked up with `date=MARK`, split where they put the date."""
    place = around(text)
    return DatedLine(place.before, day, place.after) if place else DatedLine(text, None, "")


@dataclass(frozen=True)
class ReviewDates:
    """A page's review lines as shown to a reader: who checked it and when, or that nobody has,
    then when it is due its next review."""

    check: DatedLine
    next_review_due: DatedLine


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


def review_dates(review: Review, locale: str, words: Wording) -> ReviewDates:
    """Return a page's review lines, their dates written out for its locale."""
    day = _day(review.last_reviewed, locale)
    # NHS and MedlinePlus readers take "last reviewed" to mean a named expert's check, so
    # only a page with a reviewer's name says it.
    reviewer = (review.reviewed_by or "").strip()
    text = (words.text("review.reviewed", date=MARK, reviewer=reviewer) if reviewer
            else words.text("review.written", date=MARK))
    due = words.text("review.next_due", date=MARK)
    return ReviewDates(dated_line(text, day),
                       dated_line(due, _day(review.next_review_due, locale)))


def translation_notice(review: Review, original: str, locale: str, words: Wording) -> str | None:
    """Return what a translated page says of itself: that it was translated from the page in
    the `original` language on its date, and that no health professional has checked the
    translation yet. None once a reviewer is named: the page's review line says who did."""
    if (review.reviewed_by or "").strip():
        return None
    return words.text("translation.notice", original=words.text(f"language.name.{original}"),
                      date=_day(review.last_reviewed, locale).text)


@dataclass(frozen=True)
class CitedSource:
    """A source as a page lists it: what is known of it, its date written out."""

    title: str
    url: str | None
    by: str | None
    """Who wrote it, in the catalog's words ("by …"), when known."""
    publisher: str | None
    published: DatedLine | None
    note: str | None


def cited_sources(sources: list[Source], locale: str, words: Wording) -> list[CitedSource]:
    """Return a page's sources with what each one gives: author, publisher, date, address."""
    return [CitedSource(
        s.title, s.url, words.text("source.by", author=s.author) if s.author else None,
        s.publisher,
        dated_line(words.text("source.published", date=MARK), _day(s.published, locale))
        if s.published else None, s.note) for s in sources]


def earliest_review(reviews: list[Review], words: Wording) -> Review:
    """Return the review of a page made of many parts: the oldest review, the soonest due.

    It names reviewers only when every part was reviewed.
    """
    reviewers = sorted({r.reviewed_by for r in reviews if r.reviewed_by})
    everyone = all(r.reviewed_by for r in reviews)
    return Review(
        last_reviewed=min(r.last_reviewed for r in reviews),
        next_review_due=min(r.next_review_due for r in reviews),
        reviewed_by=_names(reviewers, words) if everyone and reviewers else None,
    )


def _names(names: list[str], words: Wording) -> str:
    *first, last = names
    return words.text("review.reviewers", names=", ".join(first), last=last) if first else last


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
class TopicGroup:
    """One letter of a list of topics, as a page shows it: its letter page and its topics."""

    letter: str
    href: str
    """The link to the letter's own page (of topics, or of questions), from this page."""
    topics: tuple[Linked[Condition], ...]


@dataclass(frozen=True)
class TopicIndex:
    """The A to Z of topics, as one page lists it, with links from that page."""

    letters: list[TopicGroup]
    show_letters: bool
    listed_on_home: bool
    count: int
    all_topics: str
    """The link to the A to Z page, from this page."""


def is_large(conditions: tuple[Condition, ...], large_from: int) -> bool:
    """Return whether a site has so many topics that lists of them get a page per letter.

    The conductor asks once (`generator.pipeline.render_content`) and hands the answer down.
    """
    return len(conditions) >= large_from


OTHER = "#"
"""The A to Z group of names that start with no letter: a digit, a symbol or an emoji."""
_OTHER_SLUG = "other"
# Accents (marks) and modifier letters, such as the apostrophe NFKD splits off ŉ, belong to the
# letter beside them, so they are passed over on the way to a name's first letter.
_PASSED_OVER = ("Mn", "Mc", "Me", "Lm")


def index_letter(name: str, language: str = "en") -> str:
    """Return the one letter a name is listed under in the A to Z, like M, or OTHER.

    This alone decides a topic's letter, its group and its letter page. NFKD splits a
    ligature (ﬁ, Ĳ, ǅ) into its letters and an accent off its base letter, so Éclair is
    listed under E and ﬁbre under F; casefolding first turns ß into s, so no letter is ever
    two letters in upper case (ß is SS). A language may keep a letter with its mark apart
    (generator/languages.py): Spanish lists Ñandú under Ñ, but Ámbar under A.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    for index, char in enumerate(decomposed):
        kind = unicodedata.category(char)
        if kind in _PASSED_OVER:
            continue
        if not kind.startswith("L"):
            return OTHER
        base = char.casefold()[0]
        upper = base.upper()
        letter = upper if len(upper) == 1 else base
        return languages.rules(language).letter(letter, decomposed[index + 1:index + 2])
    return OTHER


def first_letter(condition: Condition, language: str = "en") -> str:
    """Return the letter a condition is listed under in the A to Z."""
    return index_letter(condition.name, language)


def letter_slug(letter: str, language: str = "en") -> str:
    """Return the file name of the page listing the topics of a letter (or a name's letter)."""
    letter = index_letter(letter, language)
    if letter == OTHER:
        return _OTHER_SLUG
    own = languages.rules(language).own_letters.get(letter)
    if own is not None:
        return own  # a word with a hyphen, like n-tilde: no other letter's slug has one
    # Addresses stay plain ASCII: a letter like Ø or Ж gets its code point instead.
    return letter.lower() if letter.isascii() else f"u{ord(letter):04x}"


def letter_path(letter: str, language: str = "en") -> str:
    """Return the source path of the page listing one letter's topics."""
    return routes.topic_letter(letter_slug(letter, language))


def _letter_order(letter: str, language: str) -> tuple[bool, str]:
    # Names that start with no letter come after Z, where the letters are over.
    return letter == OTHER, languages.rules(language).letter_key(letter)


def letters(conditions: tuple[Condition, ...], language: str = "en") -> list[Letter]:
    """Return the conditions grouped by the letter of their name, each group in name order.

    The order is the language's: Spanish puts Ñ after N and reads Á as A.
    """
    order = languages.rules(language).collation_key
    ordered = sorted(conditions, key=lambda c: (_letter_order(first_letter(c, language), language),
                                                order(c.name), c.name.casefold(), c.id))
    return [Letter(letter, letter_slug(letter, language), letter_path(letter, language),
                   list(group))
            for letter, group in groupby(ordered, key=lambda c: first_letter(c, language))]


def topic_groups(conditions: Iterable[Condition], page: str,
                 letter_page: Callable[[str], str], language: str = "en") -> list[TopicGroup]:
    """Return the conditions by letter, linked from `page`, with each letter's page.

    `letter_page` gives the path of a letter's page from its slug: `routes.topic_letter`
    for the topics of a letter, `routes.faq_letter` for its questions.
    """
    return [TopicGroup(group.letter, routes.link(page, letter_page(group.slug)),
                       linked(group.conditions, page, routes.condition))
            for group in letters(tuple(conditions), language)]


def topic_index(conditions: tuple[Condition, ...], page: str, *, large: bool,
                language: str = "en") -> TopicIndex:
    """Return the A to Z as `page` lists it: letter headings and the home's list when they help."""
    return TopicIndex(topic_groups(conditions, page, routes.topic_letter, language),
                      show_letters=large,
                      listed_on_home=not large, count=len(conditions),
                      all_topics=routes.link(page, routes.TOPICS))


def letter_index(letter: Letter) -> TopicIndex:
    """Return one letter's topics as its own page lists them, on a large site."""
    page = letter.path
    group = TopicGroup(letter.letter, routes.link(page, page),
                       linked(letter.conditions, page, routes.condition))
    return TopicIndex([group], show_letters=False, listed_on_home=False,
                      count=len(letter.conditions), all_topics=routes.link(page, routes.TOPICS))


@dataclass(frozen=True)
class CareCard:
    """A care-level callout: its call-to-action heading and the signs that call for it."""

    heading: CareHeading
    items: tuple[str, ...]
    note: str | None = None


def comparisons_of(comparisons: tuple[Comparison, ...],
                   condition: Condition) -> list[Comparison]:
    """Return the comparisons a condition appears in."""
    return [c for c in comparisons if condition.id in c.conditions]


def flowcharts_about(flowcharts: tuple[Flowchart, ...],
                     condition: Condition) -> list[Flowchart]:
    """Return the flowcharts whose outcomes send readers to a condition."""
    return [f for f in flowcharts if any(condition.id in o.conditions for o in f.outcomes)]


def care_cards(advice: list[CareAdvice], site: Site, words: Wording,
               warning_signs: list[str] | None = None) -> list[CareCard]:
    """Return the care callouts with the most urgent first; warning signs lead the emergency one.

    Warning signs come only from the content: where the sources list none, the card keeps
    the author's own words, which leave the judgement to the reader.
    """
    ordered = sorted(advice, key=lambda group: CARE_ORDER.index(group.care))
    signs = tuple(warning_signs or ())
    return [
        CareCard(care_heading(g.care, words, site.emergency_number),
                 (*signs, *g.items) if g.care == "emergency" else tuple(g.items), g.note)
        for g in ordered
    ]


def comparison_rows(comparison: Comparison, conditions: list[Condition],
                    words: Wording) -> list[Row]:
    """Return each row's cells, read from each condition's own fields."""
    none_listed = words.text("comparison.none_listed")
    return [
        Row(row.label, tuple(_cell(c.name, _field(c, row.field), none_listed)
                             for c in conditions))
        for row in comparison.rows
    ]


def page_description(text: str) -> str:
    """Return a one-line description, without Markdown, for search results and previews."""
    line = plain_text(text)
    return line if len(line) <= 160 else line[:157].rsplit(" ", 1)[0] + "…"


def _field(condition: Condition, path: str) -> Any:
    if path == "when_to_get_help":
        # Every reason to get help short of an emergency, most urgent first.
        return [item for card in sorted(condition.when_to_get_help,
                                        key=lambda group: CARE_ORDER.index(group.care))
                if card.care != "emergency" for item in card.items]
    value: Any = condition
    for part in path.split("."):
        value = getattr(value, part)
    return value


def _cell(condition: str, value: Any, none_listed: str) -> Cell:
    if isinstance(value, list):
        return Cell(condition, None, tuple(value)) if value else Cell(condition, none_listed, ())
    return Cell(condition, value, ())


@lru_cache(maxsize=4096)  # pages share a few dates; Babel is slow to format them
def _day(value: datetime.date, locale: str) -> Day:
    text = str(format_date(value, format="long", locale=locale.replace("-", "_")))
    return Day(text, value.isoformat())


@dataclass(frozen=True)
class AnswerLink:
    """One answer to a flowchart question: its words, its value, and the step it links to."""

    value: str
    text: str
    target: str
    """The id of the next step's section."""


@dataclass(frozen=True)
class QuestionView:
    """A flowchart question as shown: its ids, its words and hint, and its answers."""

    id: str
    anchors: StepAnchors
    text: str
    hint: str | None
    answers: tuple[AnswerLink, ...]


@dataclass(frozen=True)
class OutcomeView:
    """A flowchart outcome as shown: its heading, care callout and pages to read next."""

    id: str
    anchors: StepAnchors
    title: str
    card: CareCard
    conditions: tuple[Linked[Condition], ...]
    """The topics to read next, linked from the checker's page."""


@dataclass(frozen=True)
class FlowchartView:
    """A flowchart ready for its template, with the graph data for the browser widget."""

    id: str
    title: str
    summary: str
    level: int
    questions: tuple[QuestionView, ...]
    outcomes: tuple[OutcomeView, ...]
    data: dict[str, Any]


def flowchart_view(
    flow: Flowchart, site: Site, conditions: dict[str, Condition], words: Wording, *,
    level: int, page: str
) -> FlowchartView:
    """Return a flowchart for the page at `page`, whose headings start at `level`.

    The browser widget finds each step's ids in the graph data, so that only Python names them.
    """
    ids = {node_id: anchors.step(flow.id, node_id) for node_id in flowchart.nodes(flow)}
    questions = tuple(
        QuestionView(q.id, ids[q.id], q.text, q.hint, tuple(
            AnswerLink(a.value, a.text, ids[a.next].section) for a in q.answers))
        for q in flow.questions
    )
    outcomes = tuple(
        OutcomeView(
            o.id, ids[o.id], o.title,
            CareCard(care_heading(o.care, words, site.emergency_number), tuple(o.advice),
                     o.note),
            linked((conditions[c] for c in o.conditions), page, routes.condition),
        )
        for o in flow.outcomes
    )
    steps: dict[str, Any] = {q.id: {"text": q.text, "answers": [
        {"value": a.value, "text": a.text, "next": a.next} for a in q.answers
    ]} for q in flow.questions}
    steps.update({o.id: {"text": o.title, "answers": []} for o in flow.outcomes})
    for step_id, step in steps.items():
        step.update(section=ids[step_id].section, heading=ids[step_id].heading)
    return FlowchartView(flow.id, flow.title, flow.summary, level,
                         questions, outcomes, {"start": flow.start, "steps": steps})


def site_origin(site: Site) -> str | None:
    """Return the scheme and host of the site, as a browser reports `event.origin`."""
    if site.url is None:
        return None
    parts = urlsplit(site.url)
    return f"{parts.scheme}://{parts.netloc}"


def embed_url(site: Site, condition: Condition) -> str | None:
    """Return the address of a condition's embeddable FAQ page (None without a site address)."""
    return page_url(site, routes.embed(condition.id))


def embed_title(site: Site, condition: Condition, words: Wording) -> str:
    """Return the iframe title of a condition's embeddable FAQ page."""
    return words.text("embed.frame_title", name=condition.name, site=site.title)


def oembed_links(site: Site, conditions: list[Condition],
                 words: Wording) -> list[dict[str, str]]:
    """Return the oEmbed discovery links for a page's FAQ sets."""
    if site.url is None:
        return []
    return [{"href": site.url + routes.oembed(c.id), "title": embed_title(site, c, words)}
            for c in conditions if c.faq]


def missing_address_notice(project: Project) -> str | None:
    """Return the line that tells the person building what a site without `url` leaves out.

    None when the site has its address.
    """
    if project.site.url is not None:
        return None
    embed_pages = " and ".join(f'"{page.title}"' for page in project.pages if page.embed_codes)
    where = f" (on {embed_pages})" if embed_pages else ""
    return (f"The site has no web address, so the embed code{where}, canonical links, the "
            "sitemap and oEmbed files are left out. To add them, write the address where the "
            f"site is published in {project.site_document.name}, like `url: https://…`, or "
            "set SITE_URL, then build again.")


def print_address(site: Site, path: str) -> str:
    """Return the address a printed page shows: its full address, else its path on the site."""
    return page_url(site, path) or "/" + routes.page_route(path)


@dataclass(frozen=True)
class FaqQuestion:
    """An FAQ question on its topic's page, with the id of its heading."""

    anchor: str
    question: str
    answer: str


def faq_questions(condition: Condition) -> tuple[FaqQuestion, ...]:
    """Return a condition's questions with their anchors, as its page shows them."""
    return tuple(FaqQuestion(anchors.faq_question(entry.question), entry.question, entry.answer)
                 for entry in condition.faq)


@dataclass(frozen=True)
class EmbedCode:
    """The code a website owner copies to embed one topic's questions (None without an address)."""

    condition: Condition
    code: str | None


def search_help_links(project: Project, words: Wording) -> list[dict[str, str]]:
    """Return where search sends a reader it found nothing for: each checker, then the A to Z.

    Each is named by its page's source path, like the menus.
    """
    return [*({"title": f.title, "path": routes.checker(f.id)} for f in project.flowcharts),
            {"title": words.text("topics.title"), "path": routes.TOPICS}]
