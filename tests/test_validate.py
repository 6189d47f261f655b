"""Checks across a file: questions and headings a page would show twice."""

from __future__ import annotations

import pytest

from generator.content.validate import same_words


@pytest.mark.parametrize(("first", "second"), [
    ("Does it hurt?", "does it hurt ?"),
    ("Does it hurt?", "DOES IT HURT"),
    ("Does a muscle twitch hurt?", "Does a muscle twitch *hurt*?"),
    ("Is it O.K. to run?", "Is it OK to run?"),
    ("Does   it hurt?", "Does it hurt?"),
])
def test_questions_that_differ_only_in_case_spaces_or_marks_are_the_same(
        first: str, second: str) -> None:
    assert same_words(first) == same_words(second)


@pytest.mark.parametrize(("first", "second"), [
    ("Does it hurt?", "Does it hurt a lot?"),
    ("Can I run?", "Can I swim?"),
])
def test_questions_with_other_words_are_not_the_same(first: str, second: str) -> None:
    assert same_words(first) != same_words(second)
