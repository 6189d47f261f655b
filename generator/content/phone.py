"""Phone numbers as readers see them and as phones dial them, so that the two can be compared."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

# What may stand between the digits of a number without changing what is dialled: the visual
# separators of RFC 3966 (`-`, `.`, `(`, `)`), spaces of any kind, and the dashes a text
# editor may put in their place.
_SEPARATORS = re.compile(r"[\s().\-\u2010-\u2015\u2212]")
# A run of digits that reads as one phone number: digits with separators between them, and a
# `+` before them for an international number.
_NUMBER = re.compile(r"\+?\d(?:[\s().\-\u2010-\u2015\u2212]*\d)*")
TEL = "tel:"


def digits(number: str) -> str:
    """Return a number as a phone dials it: separators gone, every digit in 0-9."""
    kept = _SEPARATORS.sub("", number)
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in kept)


def dialled(target: str) -> str | None:
    """Return what a `tel:` link target dials, separators gone, or None for another link.

    Everything after `tel:` counts, so `tel:+1911` dials `+1911` and `tel:911;ext=2` dials
    `911;ext=2`: neither is `911`.
    """
    if not target.startswith(TEL):
        return None
    return digits(unquote(target[len(TEL):]))


def shown(words: str) -> list[str]:
    """Return each phone number a reader sees in the words, as written (two digits or more)."""
    return [found.group() for found in _NUMBER.finditer(words)
            if sum(char.isdecimal() for char in found.group()) >= 2]
