"""Care levels: the emergency number and the wording of each call to action.

The words of each level are the catalog's (`care.*`, generator/wording.py), for the site's
language and country: `en_GB` sends readers to A&E, `en_US` to the emergency room, and any
other country gets the `en` words. The number comes from generator/content/emergency_numbers.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.content.emergency_numbers import usual_number
from generator.site.value_place import MARK, around
from generator.wording import Wording

HelpLevel = Literal["non-urgent", "urgent", "emergency"]
"""How soon to get help from someone else."""
CareLevel = Literal["self-care", "non-urgent", "urgent", "emergency"]
"""Every level of care, including looking after yourself."""


@dataclass(frozen=True)
class CareHeading:
    """A care callout's heading: hidden prefix, then words around the emergency number."""

    level: CareLevel
    prefix: str
    before: str
    number: str | None
    after: str


def emergency_number_for(locale: str) -> str | None:
    """Return the usual emergency number for a locale like en-US, or None if it is unknown."""
    return usual_number(locale)


def prefix(level: CareLevel, words: Wording) -> str:
    """Return the words a screen reader says before a care level's heading."""
    # One literal key each, so that the catalog's checks find every key asked for.
    prefixes: dict[CareLevel, str] = {
        "self-care": words.text("care.prefix.self_care"),
        "emergency": words.text("care.prefix.emergency"),
        "urgent": words.text("care.prefix.urgent"),
        "non-urgent": words.text("care.prefix.non_urgent"),
    }
    return prefixes[level]


def _heading(level: CareLevel, words: Wording) -> str:
    headings: dict[CareLevel, str] = {
        "emergency": words.text("care.heading.emergency", number=MARK),
        "urgent": words.text("care.heading.urgent"),
        "non-urgent": words.text("care.heading.non_urgent"),
        "self-care": words.text("care.heading.self_care"),
    }
    return headings[level]


def care_heading(level: CareLevel, words: Wording, number: str) -> CareHeading:
    """Return the call-to-action heading for a care level, in the site's words."""
    text = _heading(level, words)
    place = around(text)
    if place is None:  # no number in these words: nothing to link
        return CareHeading(level, prefix(level, words), text, None, "")
    return CareHeading(level, prefix(level, words), place.before, number, place.after)
