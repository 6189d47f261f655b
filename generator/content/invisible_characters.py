"""Characters a reader cannot see, refused by their Unicode properties rather than by a list.

A character is refused when Unicode says it is a control (other than tab and newline), a format
character, private use, unassigned, a surrogate, a noncharacter, Default_Ignorable_Code_Point,
or a line or paragraph separator: these hide text (tag characters can spell whole hidden
sentences), reorder it, or show differently on each device. Emoji need three of them, so three
sequences pass, as Unicode's emoji standard (UTS #51) defines them: a zero-width joiner between
two pictographs (👨‍⚕️), a variation selector 15 or 16 after an emoji (❤️, 1️⃣), and the tags of
a subdivision flag after U+1F3F4 (the flag of Scotland).

Python's `unicodedata` lacks Default_Ignorable_Code_Point and Extended_Pictographic, and its
Unicode version ages with Python; the `regex` module carries both properties, from one newer
Unicode version, so new emoji are not taken for unassigned characters.
"""

from __future__ import annotations

import regex  # type: ignore[import-untyped]  # no stubs; one compiled pattern is used

REFUSED_CLASS = (r"[[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}"
                 r"\p{Default_Ignorable_Code_Point}]--[\t\n]]")
"""Every refused character, as a `regex` set (version 1 syntax)."""

ZWJ, TEXT_STYLE, EMOJI_STYLE = "\u200d", "\ufe0e", "\ufe0f"
# One part of a joined emoji: a pictograph, perhaps in emoji style or with a skin tone.
_ELEMENT = r"\p{Extended_Pictographic}(?:\ufe0f|\p{Emoji_Modifier})?"
# A subdivision flag: U+1F3F4, a region and a subdivision code in tag letters and digits (the
# CLDR codes, such as gbsct), then the cancel tag. Longer runs of tags could spell hidden text.
_TAG_LETTER, _TAG_DIGIT = r"\U000e0061-\U000e007a", r"\U000e0030-\U000e0039"
_FLAG = rf"\U0001f3f4[{_TAG_LETTER}]{{2}}[{_TAG_LETTER}{_TAG_DIGIT}]{{1,4}}\U000e007f"
EMOJI_SEQUENCE = rf"{_FLAG}|{_ELEMENT}(?:\u200d{_ELEMENT})+|\p{{Emoji}}[\ufe0e\ufe0f]"
"""The sequences in which a refused character is part of an emoji."""

_REFUSED = regex.compile(REFUSED_CLASS, regex.V1)
_READ = regex.compile(rf"(?P<emoji>{EMOJI_SEQUENCE})|(?P<refused>{REFUSED_CLASS})", regex.V1)
# What each kind of refused character does to a reader, the first that fits; any other
# (a format character, a default-ignorable one) simply hides.
_KINDS = [(regex.compile(pattern), message) for pattern, message in [
    (r"\p{Bidi_Control}", "this contains an invisible character ({code}) that can reorder or "
                          "hide text. Delete it."),
    (r"\p{Cc}", "this contains an invisible control character ({code}). Delete it."),
    (r"\p{Co}", "this contains a private-use character ({code}), which each device shows "
                "differently or not at all. Delete it."),
    (r"[\p{Zl}\p{Zp}]", "this contains a line or paragraph separator ({code}), which some "
                        "devices hide. Delete it, and start a new line with Enter instead."),
    (r"\p{Cs}", "this contains {code}, half of a character that cannot stand alone, so no "
                "device can show it. Delete it."),
    (r"\p{Cn}", "this contains {code}, which is not a character of any alphabet or sign, "
                "so no device can show it. Delete it."),
]]
_HIDES = "this contains an invisible character ({code}) that can hide text. Delete it."


def first_refused(text: str) -> str | None:
    """Return the first character of the text that no reader can see, or None."""
    if _REFUSED.search(text) is None:
        return None  # the common case, found in one pass of one compiled pattern
    for found in _READ.finditer(text):
        if found.group("refused") is not None:
            return str(found.group("refused"))
    return None


def problem(text: str) -> str | None:
    """Return what is wrong with the text's characters in plain words, or None."""
    char = first_refused(text)
    if char is None:
        return None
    message = next((m for kind, m in _KINDS if kind.match(char)), _HIDES)
    return message.format(code=f"U+{ord(char):04X}")
