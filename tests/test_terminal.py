"""Text from content files reaches the terminal inert: what it would obey is shown instead."""

from __future__ import annotations

import json
import logging

import pytest

from generator.builders.mkdocs_plugin import build
from generator.terminal import as_json, inert, inert_lines


@pytest.mark.parametrize(("text", "shown"), [
    ("\x1b[2K\rContent is fine", "\\x1b[2K\\x0dContent is fine"),
    ("a\nb\tc", "a\\x0ab\\x09c"),
    ("\x00\x7f\x85\x9b", "\\x00\\x7f\\x85\\x9b"),
    ("evil\u202egnp.yml", "evil\\u202egnp.yml"),
    ("\u2066isolate\u2069 \u200bzero\ufeff", "\\u2066isolate\\u2069 \\u200bzero\\ufeff"),
    ("line\u2028separator", "line\\u2028separator"),
    ("\U000e0041 tag", "\\U000e0041 tag"),
])
def test_controls_and_invisible_format_characters_are_shown_as_escapes(
    text: str, shown: str,
) -> None:
    assert inert(text) == shown


def test_writers_words_in_any_script_stay_as_they_are() -> None:
    words = "Crampe musculaire\u00a0: où ? Spasmus, 筋肉のけいれん, تشنج عضلي, 😀"

    assert inert(words) == words


def test_a_message_keeps_its_own_line_breaks() -> None:
    assert inert_lines("first \x1b[1A\nsecond") == "first \\x1b[1A\nsecond"


def test_json_is_printable_ascii_that_decodes_to_the_exact_text() -> None:
    value = {"field": "\x1b[2K\x7f\x9b\u202e é"}

    printed = as_json(value)

    assert all(" " <= char <= "~" or char == "\n" for char in printed)
    assert json.loads(printed) == value


def test_the_builds_log_shows_control_characters_instead_of_obeying_them(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(logging.getLogger("mkdocs"), "handlers", [])
    monkeypatch.setattr(logging.getLogger("mkdocs"), "level", logging.NOTSET)
    build._show_mkdocs_messages()
    logging.getLogger("mkdocs.plugins").error("page \x1b[2K\u202e.md is not safe")

    assert capsys.readouterr().err == "ERROR   -  page \\x1b[2K\\u202e.md is not safe\n"
