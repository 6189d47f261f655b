"""Invisible characters: refused by their Unicode properties, over every code point, but emoji."""

from __future__ import annotations

import unicodedata

import pytest
import regex

from generator.content.invisible_characters import (
    EMOJI_STYLE,
    TEXT_STYLE,
    ZWJ,
    first_refused,
    problem,
)

EVERY_CODE_POINT = range(0x110000)
# Default_Ignorable_Code_Point, as DerivedCoreProperties.txt of the Unicode Character Database
# lists it (unchanged from Unicode 6.3 to 16.0): a second source beside the regex module's.
DEFAULT_IGNORABLE = [
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
]
ALL = "".join(map(chr, EVERY_CODE_POINT))
# The rule's definition, one Unicode property at a time, as sets of code points.
REFUSED_PROPERTIES = ["Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp", "Default_Ignorable_Code_Point"]


def having(prop: str, chars: str = ALL) -> set[int]:
    """Return the code points among chars that have a Unicode property."""
    return {ord(found[0]) for found in regex.finditer(rf"\p{{{prop}}}", chars)}


NONCHARACTERS = {code for code in EVERY_CODE_POINT
                 if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE}
HIDDEN = set().union(*(having(p) for p in REFUSED_PROPERTIES), NONCHARACTERS) - {9, 10}
SCOTLAND = "\U0001f3f4" + "".join(chr(0xE0000 + ord(c)) for c in "gbsct") + "\U000e007f"
EMOJI = {
    "doctor": "\U0001f468\u200d\u2695\ufe0f",
    "doctor, medium skin": "\U0001f469\U0001f3fd\u200d\u2695\ufe0f",
    "family": "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",
    "flag of Scotland": SCOTLAND,
    "keycap 1": "1\ufe0f\u20e3",
    "red heart": "\u2764\ufe0f",
    "rainbow flag": "\U0001f3f3\ufe0f\u200d\U0001f308",
    "pirate flag": "\U0001f3f4\u200d\u2620\ufe0f",
    "copyright, as text": "\u00a9\ufe0e",
}
ABUSE = {
    "a joiner between letters": ("doc\u200dtor", "\u200d"),
    "a joiner at the end": ("\U0001f468\u200d", "\u200d"),
    "two joiners": ("\U0001f468\u200d\u200d\u2695", "\u200d"),
    "emoji style after a letter": ("a\ufe0f", "\ufe0f"),
    "emoji style twice": ("\u2764\ufe0f\ufe0f", "\ufe0f"),
    "tags after a letter": ("a\U000e0068\U000e0069\U000e007f", "\U000e0068"),
    "tags spelling words after a flag": (
        "\U0001f3f4" + "".join(chr(0xE0000 + ord(c)) for c in "ignore all") + "\U000e007f",
        "\U000e0069"),
    "flag tags never ended": ("\U0001f3f4\U000e0067\U000e0062\U000e0073", "\U000e0067"),
    "a cancel tag alone": ("x\U000e007f", "\U000e007f"),
    "a capital tag letter": ("\U0001f3f4\U000e0047\U000e0042\U000e007f", "\U000e0047"),
}


def test_every_code_point_is_refused_exactly_when_its_properties_say_so() -> None:
    refused = {code for code in EVERY_CODE_POINT if first_refused(f"a{chr(code)}b")}

    assert refused == HIDDEN


def test_default_ignorable_comes_from_the_unicode_data_ranges() -> None:
    assert having("Default_Ignorable_Code_Point") == {code for low, high in DEFAULT_IGNORABLE
                            for code in range(low, high + 1)}


def test_what_the_standard_library_calls_hidden_is_refused_too() -> None:
    # unicodedata is of an older Unicode version: a character it calls unassigned may be a
    # new emoji, but one it calls a control, format, private-use or surrogate one never is.
    hidden = {code for code in EVERY_CODE_POINT if chr(code) not in "\t\n"
              and unicodedata.category(chr(code)) in {"Cc", "Cf", "Co", "Cs", "Zl", "Zp"}}

    assert {code for code in hidden if not first_refused(chr(code))} == set()


def test_a_joiner_passes_only_between_two_pictographs() -> None:
    doctor = "\U0001f468"
    visible = [code for code in range(0x20000) if code not in HIDDEN]

    joins_after = {c for c in visible if first_refused(f"{chr(c)}{ZWJ}{doctor}") is None}
    joins_before = {c for c in visible if first_refused(f"{doctor}{ZWJ}{chr(c)}") is None}

    assert joins_after == joins_before == having("Extended_Pictographic") - HIDDEN


@pytest.mark.parametrize("selector", [TEXT_STYLE, EMOJI_STYLE])
def test_a_presentation_selector_passes_only_after_an_emoji(selector: str) -> None:
    visible = [code for code in range(0x20000) if code not in HIDDEN]

    selected = {c for c in visible if first_refused(f"{chr(c)}{selector}") is None}

    assert selected == having("Emoji") - HIDDEN


@pytest.mark.parametrize("emoji", EMOJI.values(), ids=EMOJI.keys())
def test_real_emoji_sequences_pass(emoji: str) -> None:
    assert problem(f"Ask a doctor {emoji} today.") is None


@pytest.mark.parametrize(("text", "char"), ABUSE.values(), ids=ABUSE.keys())
def test_plain_text_abuse_of_emoji_characters_is_refused(text: str, char: str) -> None:
    assert first_refused(text) == char


@pytest.mark.parametrize(("char", "message"), [
    ("\U000e0041", "this contains an invisible character (U+E0041) that can hide text. "
                   "Delete it."),
    ("\u2062", "this contains an invisible character (U+2062) that can hide text. Delete it."),
    ("\u202e", "this contains an invisible character (U+202E) that can reorder or hide text. "
               "Delete it."),
    ("\x07", "this contains an invisible control character (U+0007). Delete it."),
    ("\ue000", "this contains a private-use character (U+E000), which each device shows "
               "differently or not at all. Delete it."),
    ("\u2028", "this contains a line or paragraph separator (U+2028), which some devices hide. "
               "Delete it, and start a new line with Enter instead."),
    ("\ufffe", "this contains U+FFFE, which is not a character of any alphabet or sign, so no "
               "device can show it. Delete it."),
    ("\ud800", "this contains U+D800, half of a character that cannot stand alone, so no "
               "device can show it. Delete it."),
])
def test_each_kind_of_hidden_character_is_named_in_plain_words(char: str, message: str) -> None:
    assert problem(f"Muscle{char} twitch") == message
