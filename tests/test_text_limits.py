"""Text Markdown would read for minutes is refused first; the slowest text it allows is checked.

The inputs are the worst found by `tests/benchmarks/markdown_limits.py`, at the file-size limit:
should a limit stop working, these tests take minutes instead of seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content import load, text_limits
from generator.content.project import load_project
from generator.errors import ContentErrors

TOPIC = "content/conditions/muscle-twitch.yml"
# Each alone fills a field of a file just under the size limit.
FIELD = load.MAX_FILE_BYTES - 8 * 1024
TOO_MUCH = {
    "brackets": ("[", "this text has {n:,} `[` open at once, with no `]` to close them"),
    "images": ("![", "this text has {n:,} `[` open at once"),
    "link addresses": ("[x](", "this text has {n:,} `](` open at once, with no `)`"),
    "brackets and parentheses": ("[(", "this text has {n:,} `[` open at once"),
    "brackets and backticks": ("[`", "this text has {n:,} `[` open at once"),
    "less-than signs": ("<", "this text has {n:,} `<`, more than the 50"),
    "ampersands": ("&", "this text has {n:,} of the marks"),
    "backticks": ("`", "this text has {n:,} of the marks"),
    "emphasis marks": ("*_", "this text has {n:,} of the marks"),
    "strong words": ("**a", "this text has {n:,} of the marks"),
    "lines of dashes": ("-\n", "this text has {n:,} lines, more than the 100"),
    "nested lists": ("- ", "a line of this text starts with {n:,} list or quote marks"),
    "nested quotes": ("> ", "a line of this text starts with {n:,} list or quote marks"),
    "parentheses": ("(", "this text has {n:,} characters, more than the 10,000"),
}


def count(pattern: str, text: str) -> int:
    """Return the number the message gives for this pattern."""
    if pattern in ("[", "![", "[(", "[`"):
        return text.count("[")
    if pattern == "[x](":
        return text.count("](")
    if pattern == "<":
        return text.count("<")
    if pattern == "-\n":
        return text.count("\n") + 1
    if pattern in ("- ", "> "):
        return text.count(pattern.strip())
    if pattern == "(":
        return len(text)
    return sum(map(text.count, text_limits.MARKS))


def literal(text: str, indent: int) -> str:
    """Return the text as a YAML literal block, its lines indented."""
    return "|-\n" + "\n".join(" " * indent + line for line in text.split("\n"))


def topic_with(answers: list[str]) -> str:
    """Return the shipped topic with these answers in place of its questions and answers."""
    shipped = Path(TOPIC).read_text(encoding="utf-8")
    head, rest = shipped.split("\nfaq:\n")
    sources = rest[rest.index("\nsources:"):]
    entries = "".join(f"  - question: Question {index}?\n    answer: {literal(answer, 6)}\n"
                      for index, answer in enumerate(answers))
    return f"{head}\nfaq:\n{entries.rstrip()}{sources}"


@pytest.mark.parametrize(("pattern", "message"), TOO_MUCH.values(), ids=TOO_MUCH.keys())
def test_a_field_markdown_would_read_for_minutes_is_refused_in_words(
    scratch: Callable[..., Path], pattern: str, message: str,
) -> None:
    # Each line of the field is indented by six spaces in the file.
    text = (pattern * (FIELD // (len(pattern) + 6 * pattern.count("\n")))).strip()
    scratch({TOPIC: topic_with([text])})
    assert len(Path(TOPIC).read_bytes()) < load.MAX_FILE_BYTES

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    [error] = raised.value.errors
    assert error.message.startswith(message.format(n=count(pattern, text))), error.message


# The slowest texts within every limit that the check lets through.
SLOWEST_ALLOWED = [
    "&amp;1 " * 999,  # entities, shown as typed
    "it's \"so\" " * 250,  # escaped quotes
    "*a* _b_ " * 250,  # emphasis
    "- a\n" * 99 + "- a",  # a list as long as a text may have
    "[" * 20 + " words " * 1300,  # brackets left open, shown as typed
    "*]" * 500,
]


def slowest_allowed_file() -> list[str]:
    """Return answers, all within the limits, that fill a file to the file's limits."""
    answers: list[str] = []
    marks = lines = size = 0
    while True:
        answer = f"{len(answers)} {SLOWEST_ALLOWED[len(answers) % len(SLOWEST_ALLOWED)]}"
        marks += sum(map(answer.count, text_limits.MARKS))
        lines += answer.count("\n") + 2  # with its question
        size += len(answer) + 2 * answer.count("\n") + 40
        if (marks > text_limits.MAX_FILE_MARKS - 1000 or lines > text_limits.MAX_FILE_LINES - 100
                or size > load.MAX_FILE_BYTES - 16 * 1024):
            return answers
        answers.append(answer)


def test_a_file_of_the_slowest_texts_within_the_limits_passes_the_check(
    scratch: Callable[..., Path],
) -> None:
    answers = slowest_allowed_file()
    scratch({TOPIC: topic_with(answers)})

    result = CliRunner().invoke(main, ["check"])

    assert result.exit_code == 0, result.output
    assert sum(sum(map(a.count, text_limits.MARKS)) for a in answers) > 18_000


def test_a_file_whose_texts_hold_too_many_marks_together_is_refused(
    scratch: Callable[..., Path],
) -> None:
    answers = slowest_allowed_file()
    scratch({TOPIC: topic_with([*answers, *["&amp; " * 900] * 3])})

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    [error] = raised.value.errors
    assert (error.line, error.column) == (1, 1)
    assert error.message.startswith("this file has ")
    assert error.message.endswith("more than the 20,000 one file may have. Remove the extra ones.")
