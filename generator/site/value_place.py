"""Where a catalog text puts a value that a page wraps in markup: a phone link, a `<time>`.

A translator may put the value anywhere in the words, so the words are looked up with `MARK`
as the value and split there; the template writes the words before, the value in its markup,
and the words after.
"""

from __future__ import annotations

from dataclasses import dataclass

MARK = "\x00"
"""Given as the value, to find where the text puts it (no catalog text holds it)."""


@dataclass(frozen=True)
class Around:
    """The words of a text before and after the place of its value."""

    before: str
    after: str


def around(text: str) -> Around | None:
    """Return the words before and after `MARK` in `text`, or None if the text leaves it out."""
    before, found, after = text.partition(MARK)
    return Around(before, after) if found else None
