"""YAML syntax errors in plain words, at the line a writer must change.

The parser says what it expected ("mapping values are not allowed here", "expected <block
end>"); this module reads the lines around the mark to say what the writer did instead: text
with a colon in it, a key or list item that does not line up with its neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line that starts a field, possibly as a list item: `  - question: Is it…`.
_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s:#'\"-][^:#]*?):(?: |$)")
_ITEM_LINE = re.compile(r"^(?P<indent> *)-(?: |$)")


@dataclass(frozen=True)
class Mark:
    """A 0-based line and column in a file, as the parser reports it."""

    line: int
    column: int


@dataclass(frozen=True)
class Plain:
    """A syntax error in plain words, with its 1-based position."""

    line: int
    column: int
    message: str


def explain(problem: str, context: str, problem_mark: Mark | None, context_mark: Mark | None,
            text: str) -> Plain | None:
    """Return a plain explanation of a common YAML slip, or None when it is not one."""
    if problem_mark is None:
        return None
    lines = text.splitlines()
    if not 0 <= problem_mark.line < len(lines):
        return _unclosed_quote(context, context_mark) if "end of stream" in problem else None
    if problem.startswith("mapping values are not allowed"):
        return _colon_in_text(lines, problem_mark) or _indented_more(lines, problem_mark)
    if problem.startswith("expected <block end>"):
        return _out_of_line(lines, problem_mark)
    return None


def _colon_in_text(lines: list[str], mark: Mark) -> Plain | None:
    """`how_long: Note: a few minutes`: the second `: ` starts a field in YAML's eyes."""
    line = lines[mark.line]
    match = _KEY_LINE.match(line)
    if match is None or mark.column <= match.end() - 1:
        return None
    value = line[match.end():].strip()
    if not value:
        return None
    start = line.index(value, match.end())
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return Plain(mark.line + 1, start + 1,
                 f"this text holds a colon and a space (`: `), which YAML reads as the start "
                 f"of a new field. Put the whole text in quotes: "
                 f"`{match['key'].strip()}: {quoted}`.")


def _indented_more(lines: list[str], mark: Mark) -> Plain | None:
    """A key indented more than the one above it: YAML joins it to the text above."""
    match = _KEY_LINE.match(lines[mark.line])
    if match is None:
        return None
    key = match["key"].strip()
    above = _previous_key(lines, mark.line, deeper_than=-1)
    where = f" `{above[1]}` above it" if above else " the line above"
    return Plain(mark.line + 1, _key_column(match) + 1,
                 f"`{key}` is indented more than{where}, so YAML reads it as more of the text "
                 "above. Line it up with the keys around it.")


def _out_of_line(lines: list[str], mark: Mark) -> Plain | None:
    """A key or list item indented less than its neighbours, but more than its parent."""
    line = lines[mark.line]
    key = _KEY_LINE.match(line)
    column = len(line) - len(line.lstrip(" "))
    sibling = _previous_key(lines, mark.line, deeper_than=column)
    parent = _previous_key(lines, mark.line, deeper_than=-1, at_most=column)
    if key is not None and not key["dash"]:
        name = key["key"].strip()
        if sibling is None:
            return None
        message = f"`{name}` is indented less than the keys around it (`{sibling[1]}` above)"
        if parent is not None:
            message += (f" and more than `{parent[1]}`. Line it up with `{sibling[1]}` if it "
                        f"belongs to `{parent[1]}`, or with `{parent[1]}` if it does not.")
        else:
            message += f". Line it up with `{sibling[1]}`."
        return Plain(mark.line + 1, column + 1, message)
    if _ITEM_LINE.match(line):
        item = _previous_item(lines, mark.line)
        lined_up = f" (column {item + 1})" if item is not None else ""
        return Plain(mark.line + 1, column + 1,
                     f"this list item does not line up with the items above it{lined_up}. "
                     "Put its `-` right under theirs.")
    return None


def _unclosed_quote(context: str, mark: Mark | None) -> Plain | None:
    if mark is None or "quoted scalar" not in context:
        return None
    return Plain(mark.line + 1, mark.column + 1,
                 "this quoted text has no closing quote. Add the same quote mark at its end.")


def _previous_key(lines: list[str], index: int, *, deeper_than: int,
                  at_most: int | None = None) -> tuple[int, str] | None:
    """Return the column and name of the nearest key above, within the given columns."""
    for line in reversed(lines[:index]):
        match = _KEY_LINE.match(line)
        if match is None:
            continue
        column = _key_column(match)
        if column > deeper_than and (at_most is None or column < at_most):
            return column, match["key"].strip()
        if at_most is None and column <= deeper_than:
            return None
    return None


def _previous_item(lines: list[str], index: int) -> int | None:
    for line in reversed(lines[:index]):
        match = _ITEM_LINE.match(line)
        if match:
            return len(match["indent"])
    return None


def _key_column(match: re.Match[str]) -> int:
    return len(match["indent"]) + len(match["dash"] or "")
