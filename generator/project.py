"""The conductor for content: read every file, validate it, and return one project."""

from __future__ import annotations

import calendar
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from generator.errors import ErrorCollector
from generator.load import read_document
from generator.models import Comparison, Condition, Flowchart, Site
from generator.validate import (
    Sourced,
    check_emergency_links,
    check_flowchart,
    check_references,
    check_unique_ids,
    to_model,
)

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Project:
    """All validated content of one site."""

    site: Site
    conditions: tuple[Condition, ...]
    comparisons: tuple[Comparison, ...]
    flowcharts: tuple[Flowchart, ...]

    @property
    def latest_review_epoch(self) -> int:
        """Return the newest review date as a Unix time: a stable date for the build."""
        reviews = [self.site.review, *(c.review for c in self.conditions),
                   *(c.review for c in self.comparisons), *(f.review for f in self.flowcharts)]
        newest = max(r.last_reviewed for r in reviews)
        return calendar.timegm(newest.timetuple())

    def condition(self, condition_id: str) -> Condition:
        """Return the condition with this id."""
        return next(c for c in self.conditions if c.id == condition_id)


def load_project(content_dir: Path) -> Project:
    """Load and check all content, raising `ContentErrors` with every problem found."""
    errors = ErrorCollector()
    site = _load(content_dir / "site.yml", Site, errors)
    conditions = _load_folder(content_dir / "conditions", Condition, errors)
    comparisons = _load_folder(content_dir / "comparisons", Comparison, errors)
    flowcharts = _load_folder(content_dir / "flowcharts", Flowchart, errors)
    check_unique_ids(conditions, "condition", errors)
    check_unique_ids(comparisons, "comparison", errors)
    check_unique_ids(flowcharts, "flowchart", errors)
    # A condition file with mistakes still counts (by its file name), so that its mistakes
    # are not reported again by every page that links to it.
    loaded = {Path(item.document.name).stem for item in conditions}
    known = {item.model.id for item in conditions}
    known |= {p.stem for p in _paths(content_dir / "conditions") if p.stem not in loaded}
    for condition in conditions:
        check_emergency_links(condition, errors)
    for item in comparisons:
        check_references(item.document, "conditions", item.model.conditions, known, errors)
    for chart in flowcharts:
        check_flowchart(chart, known, errors)
    errors.raise_if_any()
    assert site is not None  # a missing site.yml is an error above
    return Project(
        site=site.model,
        conditions=tuple(sorted((c.model for c in conditions), key=lambda c: c.name.casefold())),
        comparisons=tuple(sorted((c.model for c in comparisons), key=lambda c: c.id)),
        flowcharts=tuple(sorted((f.model for f in flowcharts), key=lambda f: f.id)),
    )


def display_name(path: Path) -> str:
    """Return the path as an author would type it: relative to here when possible."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def _load(path: Path, model: type[M], errors: ErrorCollector) -> Sourced[M] | None:
    if not path.is_file():
        errors.add(display_name(path), 1, 1, "", "this file is missing. Create it.")
        return None
    document = read_document(path, display_name(path), errors)
    return to_model(document, model, errors) if document else None


def _load_folder(folder: Path, model: type[M], errors: ErrorCollector) -> list[Sourced[M]]:
    loaded = (_load(path, model, errors) for path in _paths(folder))
    return [item for item in loaded if item is not None]


def _paths(folder: Path) -> list[Path]:
    return sorted(p for p in [*folder.glob("*.yml"), *folder.glob("*.yaml")] if p.is_file())
