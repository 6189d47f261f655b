"""Care levels: the emergency number and the wording of each call to action, by locale."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.content.emergency_numbers import country, usual_number

HelpLevel = Literal["non-urgent", "urgent", "emergency"]
"""How soon to get help from someone else."""
CareLevel = Literal["self-care", "non-urgent", "urgent", "emergency"]
"""Every level of care, including looking after yourself."""

PREFIXES: dict[CareLevel, str] = {
    "self-care": "Self-care advice:",
    "emergency": "Emergency:",
    "urgent": "Urgent advice:",
    "non-urgent": "Non-urgent advice:",
}

_HEADINGS: dict[str, dict[CareLevel, str]] = {
    "US": {
        "emergency": "Call {number} or go to the emergency room now if:",
        "urgent": "Get medical help today if:",
        "non-urgent": "See a doctor if:",
        "self-care": "What you can do now:",
    },
    "GB": {
        "emergency": "Call {number} or go to A&E now if:",
        "urgent": "Ask for an urgent GP appointment or call 111 if:",
        "non-urgent": "See a GP if:",
        "self-care": "What you can do now:",
    },
    "": {
        "emergency": "Call {number} or go to the emergency department now if:",
        "urgent": "Get medical help today if:",
        "non-urgent": "See a doctor if:",
        "self-care": "What you can do now:",
    },
}


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


def care_heading(level: CareLevel, locale: str, number: str) -> CareHeading:
    """Return the call-to-action heading for a care level in a locale."""
    wording = _HEADINGS.get(country(locale), _HEADINGS[""])[level]
    before, found, after = wording.partition("{number}")
    return CareHeading(level, PREFIXES[level], before, number if found else None, after)
