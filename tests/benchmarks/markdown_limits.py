"""Benchmark: the slowest texts the check still accepts or refuses, at the text limits.

Run from the project folder:

    .venv/bin/python tests/benchmarks/markdown_limits.py --top 15

For every pattern of one or two Markdown marks (and a few longer ones known to be slow), it
builds the longest text made of that pattern, alone and between words, that `text_limits` lets
through to Markdown, times the whole check of that text (`Text` of the models), and prints the
slowest with an estimate for a file made only of such texts, as big as the file limits allow
(`load.MAX_FILE_BYTES`, `text_limits.MAX_FILE_MARKS`). Then it
checks such a file for real, through `load_project`, and prints how long that took.
Not a test: times vary by machine. `tests/test_text_limits.py` asserts the outcomes.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import shutil
import tempfile
import time
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from generator.content import load, text_limits
from generator.content.models import Text
from generator.content.project import load_project
from generator.errors import ContentErrors
from generator.safety.markdown_subset import _parse, _renderer

ALPHABET = [*"[]()!*_`<>&\\-#=+.|:{}~'\" \na1", "](", "  \n", "\n\n", "- ", "> ", "1. ",
            "    ", "&amp;", "&#1;", "https://", "<a>", "**"]
KNOWN = ["[x](", "[ ](", "[`", "![[", "*a", "**a", "a'", "-\n", "=\n", "1. >", "- 1. ", "\n\n\""]
CONTENT = Path(__file__).parent.parent.parent / "content"
TEXT = TypeAdapter(Text)


def passes_limits(text: str) -> bool:
    """Return whether the text reaches Markdown: below every limit."""
    return text_limits.length_problem(text) is None and text_limits.markdown_problem(text) is None


def longest(pattern: str, filler: str) -> str:
    """Return the longest repetition of pattern (and filler) that passes the limits."""
    unit = pattern + filler
    low, high = 0, text_limits.MAX_LENGTH // len(unit) + 1
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if passes_limits(unit * middle) else (low, middle - 1)
    return unit * low


def marks(text: str) -> int:
    """Return how many of the marks Markdown acts on the text has."""
    return sum(map(text.count, text_limits.MARKS))


def check_seconds(text: str) -> float:
    """Return how long the model's check of one text takes, from a cold cache."""
    _parse.cache_clear()
    _renderer()  # built once per process, and again after a text too deep to read
    start = time.perf_counter()
    with contextlib.suppress(ValidationError):  # a refused text is timed all the same
        TEXT.validate_python(text)
    return time.perf_counter() - start


def worst_texts(top: int) -> list[tuple[float, str]]:
    """Return the slowest texts that pass the limits, slowest first."""
    patterns = [*ALPHABET, *("".join(pair) for pair in itertools.product(ALPHABET, repeat=2)),
                *KNOWN]
    timed = []
    for pattern in dict.fromkeys(patterns):
        for filler in ("", " word "):
            text = longest(pattern, filler)
            if text.strip():
                timed.append((check_seconds(text), text))
    return sorted(timed, reverse=True)[:top]


def check_whole_file(texts: list[str]) -> float:
    """Return how long `load_project` takes on a topic whose answers are the given texts."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(CONTENT, content)
        topic = content / "conditions" / "muscle-twitch.yml"
        head = topic.read_text(encoding="utf-8").split("\nfaq:")[0]
        answers, size, marks, lines, index = [], len(head), 0, 0, 0
        while True:
            # Each answer differs, so that no parse is served from the cache.
            answer = f"{index} {texts[index % len(texts)]}"[:text_limits.MAX_LENGTH]
            body = answer.replace("\n", "\n      ")
            entry = f"  - question: Question {index}?\n    answer: |-\n      {body}\n"
            entry_marks = sum(map(entry.count, text_limits.MARKS))
            entry_lines = body.count("\n") + 2
            if (size + len(entry.encode()) > load.MAX_FILE_BYTES - 4096
                    or marks + entry_marks > text_limits.MAX_FILE_MARKS - 1000
                    or lines + entry_lines > text_limits.MAX_FILE_LINES - 200):
                break
            answers.append(entry)
            size += len(entry.encode())
            marks += entry_marks
            lines += entry_lines
            index += 1
        rest = topic.read_text(encoding="utf-8").split("\nsources:", 1)[1]
        topic.write_text(f"{head}\nfaq:\n{''.join(answers)}sources:{rest}", encoding="utf-8")
        _parse.cache_clear()
        start = time.perf_counter()
        try:
            load_project(content)
        except ContentErrors as errors:
            print(f"  ({len(errors.errors)} problems found, first: {errors.errors[0]})")
        return time.perf_counter() - start


def main() -> None:
    """Print the slowest texts, and the time to check a file made of them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15)
    top = parser.parse_args().top
    worst = worst_texts(top)
    for seconds, text in worst:
        per_file = seconds * min(load.MAX_FILE_BYTES / max(len(text.encode()), 1),
                                 text_limits.MAX_FILE_MARKS / max(marks(text), 1),
                                 text_limits.MAX_FILE_LINES / (text.count("\n") + 1))
        print(f"{seconds:7.3f} s  (a file of them: ~{per_file:5.1f} s)  {len(text):6} chars  "
              f"{text[:24]!r}")
    print(f"a file of the slowest texts, checked: {check_whole_file([t for _, t in worst]):.1f} s")


if __name__ == "__main__":
    main()
