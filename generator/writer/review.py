"""Review dates as a workflow: which pages are overdue for review, and which are due soon."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from generator.content.load import Document
from generator.errors import ContentError, ErrorCollector
from generator.terminal import inert

REVIEW_FIELD = "review"
DUE_FIELD = (REVIEW_FIELD, "next_review_due")
LAST_FIELD = (REVIEW_FIELD, "last_reviewed")


@dataclass(frozen=True)
class DueReview:
    """One page's next review, and how many days are left before it (negative: overdue)."""

    file: str
    line: int
    title: str
    last_reviewed: datetime.date
    next_review_due: datetime.date
    days_left: int
    reviewed_by: str | None
    """Who reviewed the page last; None when nobody has yet, and `last_reviewed` is the day
    it was written."""

    @property
    def overdue(self) -> bool:
        """Return whether the review date has passed."""
        return self.days_left < 0

    def __str__(self) -> str:
        if self.overdue:
            when = f"overdue by {days(-self.days_left)}"
        elif self.days_left == 0:
            when = "due today"
        else:
            when = f"due in {days(self.days_left)}"
        last = (f"last reviewed {self.last_reviewed} by {inert(self.reviewed_by)}"
                if self.reviewed_by else f"written {self.last_reviewed}, not reviewed yet")
        return (f"{inert(self.file)}:{self.line}: {inert(self.title)}: review {when} "
                f"(due {self.next_review_due}, {last}).")


def reviews(documents: tuple[Document, ...], today: datetime.date) -> list[DueReview]:
    """Return every page's next review, the oldest due date first."""
    found = []
    for document in documents:
        review = document.data[REVIEW_FIELD]
        due: datetime.date = review["next_review_due"]
        line, _ = document.position(list(DUE_FIELD))
        title = str(document.data.get("name") or document.data.get("title") or document.name)
        reviewer = review.get("reviewed_by")
        found.append(DueReview(document.name, line, title, review["last_reviewed"], due,
                               (due - today).days, " ".join(reviewer.split()) if reviewer
                               else None))
    return sorted(found, key=lambda r: (r.next_review_due, r.file))


def overdue_warnings(documents: tuple[Document, ...], today: datetime.date) -> list[ContentError]:
    """Return a warning at the due date of every page whose review is overdue."""
    warnings = []
    for document in documents:
        due: datetime.date = document.data[REVIEW_FIELD]["next_review_due"]
        if due < today:
            line, column = document.position(list(DUE_FIELD))
            warnings.append(ContentError(
                document.name, line, column, ".".join(DUE_FIELD),
                f"this page was due for review on {due} ({days((today - due).days)} ago). "
                "Check every fact against the sources, then set `last_reviewed` to the day you "
                "did and `next_review_due` to the next one."))
    return warnings


def check_not_in_future(document: Document, today: datetime.date,
                        errors: ErrorCollector) -> None:
    """Record a last review (or writing) date after today: no page is checked in advance."""
    review = document.data.get(REVIEW_FIELD) if isinstance(document.data, dict) else None
    last = review.get("last_reviewed") if isinstance(review, dict) else None
    if isinstance(last, datetime.date) and last > today:
        line, column = document.position(list(LAST_FIELD))
        errors.add(document.name, line, column, ".".join(LAST_FIELD),
                   f"{last} is in the future (today is {today}). Write the day the page was "
                   "last reviewed, or written if nobody has reviewed it yet.")


def days(count: int) -> str:
    """Return a number of days in words, like 1 day or 3 days."""
    return f"{count} day{'s' if count != 1 else ''}"
