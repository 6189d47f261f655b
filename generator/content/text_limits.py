"""How much of each Markdown construct one text may hold, so that checking it stays quick.

Python-Markdown reads some text in far more than linear time: each `[` left open makes its link
patterns read on to the end of the text, each line of a block makes its block patterns search
the rest of the block, each `<` makes its HTML reader look on to the end for a `>`, and each
inline mark (an emphasis mark, an escaped quote or `&`) costs it a pass over the rest of the
line. Thirty thousand `[` in one text took minutes. Real text is far below every limit here; a
text above one is refused, in words, before Markdown reads it. Within them the slowest text
found takes Markdown a few hundredths of a second, and a whole file of such texts a few seconds
(`tests/benchmarks/markdown_limits.py` finds and times them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MAX_LENGTH = 10_000
"""The most characters one text may have (about 1,500 words)."""
MAX_LINES = 100
"""The most lines one text may have; blank lines count."""
MAX_MARKS = 1_000
"""The most marks Markdown acts on inside a line (`MARKS`) one text may have."""
MAX_LESS_THAN = 50
"""The most `<` one text may have: Markdown reads on from each one, looking for HTML."""
MAX_OPEN = 20
"""The most `[` (or link addresses, `](`) one text may leave open at once."""
MAX_FILE_MARKS = 20_000
"""The most marks (`MARKS`) the texts of one file may have together."""
MAX_FILE_LINES = 5_000
"""The most lines the texts of one file may have together (each text has at least one)."""
MAX_LINE_MARKERS = 10
"""The most list or quote markers (`- `, `1. `, `>`) one line may start with."""

MARKS = "*_\\`[&<>\"'{}"
"""Emphasis and escape marks, link brackets, and the characters escaping turns into codes."""
_MARK = re.compile("[" + re.escape(MARKS) + "]")
_LINE_MARKERS = re.compile(r"^[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$)|>[ \t]*)+", re.M)
_MARKER = re.compile(r"[-*+>]|[0-9]{1,9}[.)]")
_BRACKETS = {"`[`": re.compile(r"\[|\]"), "`](`": re.compile(r"\]\(|\)")}
_SPLIT = "Shorten it, or split it into several items or sections."


def length_problem(text: str) -> str | None:
    """Return why any text, plain or Markdown, is too long to check quickly, or None."""
    if len(text) > MAX_LENGTH:
        return (f"this text has {len(text):,} characters, more than the {MAX_LENGTH:,} one text "
                f"may have (about 1,500 words). {_SPLIT}")
    return None


def file_problem(texts: Iterable[str]) -> str | None:
    """Return why a file's texts together hold more than can be checked quickly, or None.

    Each mark and each line costs Markdown a little however short its text, so a file of many
    short texts, each within the limits above, is limited as a whole too. A text beyond them
    is left out: it is refused, where it is written, before Markdown reads it.
    """
    marks = lines = 0
    for text in texts:
        if length_problem(text) or markdown_problem(text):
            continue
        marks += sum(map(text.count, MARKS))
        lines += text.count("\n") + 1
    if marks > MAX_FILE_MARKS:
        return (f"this file has {marks:,} of the marks {' '.join(MARKS)} (counted together) in "
                f"its text, more than the {MAX_FILE_MARKS:,} one file may have. Remove the "
                "extra ones.")
    if lines > MAX_FILE_LINES:
        return (f"this file has {lines:,} lines of text, more than the {MAX_FILE_LINES:,} one "
                "file may have. Remove the extra ones.")
    return None


def markdown_problem(text: str) -> str | None:
    """Return why a Markdown text holds more than Markdown can read quickly, or None."""
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        return (f"this text has {lines:,} lines, more than the {MAX_LINES} one text may have. "
                f"{_SPLIT}")
    for start in _LINE_MARKERS.finditer(text):
        markers = len(_MARKER.findall(start[0]))
        if markers > MAX_LINE_MARKERS:
            return (f"a line of this text starts with {markers:,} list or quote marks (`-`, "
                    f"`1.` or `>`) in a row, more than the {MAX_LINE_MARKERS} a line may have. "
                    "Remove the extra ones.")
    brackets = _open_brackets_problem(text)
    if brackets:
        return brackets
    less_than = text.count("<")
    if less_than > MAX_LESS_THAN:
        return (f"this text has {less_than:,} `<`, more than the {MAX_LESS_THAN} one text may "
                "have. Write some as words (less than), or split the text.")
    marks = len(_MARK.findall(text))
    if marks > MAX_MARKS:
        return (f"this text has {marks:,} of the marks {' '.join(MARKS)} (counted together), "
                f"more than the {MAX_MARKS:,} one text may have. {_SPLIT}")
    return None


def _open_brackets_problem(text: str) -> str | None:
    for name, token in _BRACKETS.items():
        open_count = most = 0
        for found in token.finditer(text):
            closing = found[0] in ("]", ")")
            open_count = max(open_count - 1, 0) if closing else open_count + 1
            most = max(most, open_count)
        if most > MAX_OPEN:
            closer = "]" if name == "`[`" else ")"
            return (f"this text has {most:,} {name} open at once, with no `{closer}` to close "
                    f"them; one text may leave at most {MAX_OPEN} open. Close each one with "
                    f"`{closer}`, or remove the extra ones.")
    return None
