"""Load the content: find and read every file, validate it, and return one project."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from generator import content_cache, review, scaffold
from generator.content_folder import SITE_FILE, Kind, display_name, find_content, misplaced
from generator.emergency import CallableNumbers
from generator.errors import ErrorCollector
from generator.load import Document, read_document
from generator.models import Comparison, Condition, Flowchart, Page, PlainWord, PlainWords, Site
from generator.validate import (
    Sourced,
    check_comparison,
    check_emergency_links,
    check_emergency_number,
    check_faq_questions,
    check_flowchart,
    check_flowchart_phone_links,
    check_plain_words,
    check_section_headings,
    check_unique_ids,
    to_model,
)

M = TypeVar("M", bound=BaseModel)


def _kind(word: str, plural: str, model: type[BaseModel]) -> Kind:
    fields = model.model_fields
    return Kind(word, plural, fields, [name for name, info in fields.items() if info.is_required()])


# The kind each place in the content folder holds, to tell a file saved in the wrong one.
_KINDS = {SITE_FILE: _kind("the site settings", "site settings", Site),
          **{kind.folder: _kind(f"a {name}", kind.folder, kind.model)
             for name, kind in scaffold.KINDS.items()}}


@dataclass(frozen=True)
class Project:
    """All validated content of one site."""

    site: Site
    conditions: tuple[Condition, ...]
    comparisons: tuple[Comparison, ...]
    flowcharts: tuple[Flowchart, ...]
    pages: tuple[Page, ...] = ()
    """Plain pages (about, accessibility, for website owners), linked from every footer."""
    documents: tuple[Document, ...] = field(default=(), compare=False, repr=False)
    """The files it was read from, for checks that report lines (reading level, reviews)."""
    plain_words: tuple[PlainWord, ...] = ()
    """Words many readers do not know, with the plain words `check` asks for instead."""

    @property
    def latest_review_epoch(self) -> int:
        """Return the newest review date as a Unix time: a stable date for the build."""
        reviews = [self.site.review, *(c.review for c in self.conditions),
                   *(c.review for c in self.comparisons), *(f.review for f in self.flowcharts),
                   *(p.review for p in self.pages)]
        newest = max(r.last_reviewed for r in reviews)
        return calendar.timegm(newest.timetuple())

    @property
    def site_document(self) -> Document:
        """Return the file the site's settings were read from, site.yml (the first file)."""
        return self.documents[0]

    def condition(self, condition_id: str) -> Condition:
        """Return the condition with this id."""
        return self.conditions_by_id[condition_id]

    @cached_property
    def conditions_by_id(self) -> dict[str, Condition]:
        """Return the conditions by id, looked up once for every page that names one."""
        return {c.id: c for c in self.conditions}


def load_project(content_dir: Path, *, today: datetime.date | None = None) -> Project:
    """Load and check all content, raising `ContentErrors` with every problem found.

    Files parsed and checked by an earlier build are not parsed again (generator/content_cache.py).
    Review dates after `today` (by default the real today) are mistakes.
    """
    with content_cache.kept_on_disk(content_dir):
        return _load_project(content_dir, today or datetime.date.today())


def _load_project(content_dir: Path, today: datetime.date) -> Project:
    errors = ErrorCollector()
    files = find_content(content_dir, errors)
    site = _load(files.site, Site, errors) if files.site else None
    if files.site is None and files.folder_found:
        errors.add(display_name(content_dir / "site.yml"), 1, 1, "",
                   "this file is missing. Create it.")
    plain_words = _load(files.plain_words, PlainWords, errors) if files.plain_words else None
    if plain_words:
        check_plain_words(plain_words, errors)
    # Conditions saved in another folder, by file name: links to them are not mistakes too.
    lost: set[str] = set()
    conditions = _load_all(files.by_folder["conditions"], Condition, errors, lost)
    comparisons = _load_all(files.by_folder["comparisons"], Comparison, errors, lost)
    flowcharts = _load_all(files.by_folder["flowcharts"], Flowchart, errors, lost)
    pages = _load_all(files.by_folder["pages"], Page, errors, lost)
    check_unique_ids(conditions, "condition", errors)
    check_unique_ids(comparisons, "comparison", errors)
    check_unique_ids(flowcharts, "flowchart", errors)
    check_unique_ids(pages, "page", errors)
    # A condition file with mistakes still counts (by its file name), so that its mistakes
    # are not reported again by every page that links to it.
    loaded = {Path(item.document.name).stem for item in conditions}
    known = {item.model.id for item in conditions}
    known |= {p.stem for p in files.by_folder["conditions"] if p.stem not in loaded}
    known |= lost
    # Phone links are checked against the emergency number once that number is right.
    numbers = CallableNumbers.of(site.model) if site and check_emergency_number(
        site, errors) else None
    for condition in conditions:
        check_emergency_links(condition, errors, numbers)
        check_faq_questions(condition, errors)
    for page in pages:
        check_section_headings(page, errors)
    for item in comparisons:
        check_comparison(item, known, errors)
    for chart in flowcharts:
        check_flowchart(chart, known, errors)
        check_flowchart_phone_links(chart, errors, numbers)
    # Not part of the cached checks: a date that is fine today can be read again tomorrow.
    documents = (*([site.document] if site else []), *(c.document for c in conditions),
                 *(c.document for c in comparisons), *(f.document for f in flowcharts),
                 *(p.document for p in pages))
    for document in documents:
        review.check_not_in_future(document, today, errors)
    errors.raise_if_any()
    assert site is not None  # a missing site.yml is an error above
    return Project(
        site=site.model,
        conditions=tuple(sorted((c.model for c in conditions), key=lambda c: c.name.casefold())),
        comparisons=tuple(sorted((c.model for c in comparisons), key=lambda c: c.id)),
        flowcharts=tuple(sorted((f.model for f in flowcharts), key=lambda f: f.id)),
        pages=tuple(sorted((p.model for p in pages), key=lambda p: p.title.casefold())),
        documents=documents,
        plain_words=tuple(plain_words.model.words) if plain_words else (),
    )


def _load(path: Path, model: type[M], errors: ErrorCollector,
          lost_conditions: set[str] | None = None) -> Sourced[M] | None:
    document = read_document(path, display_name(path), errors)
    if document is None:
        return None
    # site.yml (no `lost_conditions`) is in no folder of a kind.
    if lost_conditions is not None and (elsewhere := misplaced(path, document.data, _KINDS)):
        errors.add(document.name, 1, 1, "", elsewhere.message)
        if elsewhere.place == "conditions":
            lost_conditions.add(path.stem)
        return None
    cache, digest = content_cache.CACHE, document.digest
    checked = cache.get_checked(model, document.name, digest, document.data) if digest else None
    if isinstance(checked, model):
        return Sourced(checked, document)
    mistakes = len(errors.errors)
    sourced = to_model(document, model, errors)
    if digest and sourced is not None and len(errors.errors) == mistakes:
        cache.add_checked(sourced.model, document.name, digest, document.data)
    return sourced


def _load_all(paths: list[Path], model: type[M], errors: ErrorCollector,
              lost_conditions: set[str]) -> list[Sourced[M]]:
    loaded = (_load(path, model, errors, lost_conditions) for path in paths)
    return [item for item in loaded if item is not None]
