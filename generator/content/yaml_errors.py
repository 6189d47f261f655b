"""YAML syntax errors in plain words, at the line a writer must change.

The parser says what it expected ("mapping values are not allowed here", "expected <block
end>"); this module reads the lines around the mark to say what the writer did instead: text
with a colon in it, a key or list item that does not line up with its neighbours, a list item
without its `-` or with a typographic bullet, `key:value` with no space, text that goes on
after a closing quote. Each message names the line of the slip and shows what to type.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

# A line that starts a field, possibly as a list item: `  - question: Is it…`.
_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s:#'\"-][^:#]*?):(?: |$)")
_ITEM_LINE = re.compile(r"^(?P<indent> *)-(?: |$)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Marks that word processors use for list items, which YAML reads as text.
BULLETS = {"\u2013": "an en dash (`\u2013`)", "\u2014": "an em dash (`\u2014`)",
           "\u2022": "a bullet (`\u2022`)"}
_BULLET_LINE = re.compile(r"^(?P<indent> *)(?P<bullet>[\u2013\u2014\u2022])[ \t]+(?P<text>\S.*)")
# `painful:Yes`: a field name and its value with no space between, which YAML reads as text.
# Web, mail and phone addresses (`https://…`, `mailto:…`, `tel:…`) are text with a colon.
_KEY_NO_SPACE = re.compile(r"^(?P<lead> *(?:- +)*)(?!(?:https?|ftp|mailto|tel|sms):)"
                           r"(?P<key>[a-z][a-z_]*):(?P<value>[^\s/].*)")
# The start of a value that opens with a quote: `  - text: "` or `"`.
_QUOTE_START = re.compile(r"^ *(?:- +)*(?:[^\s:#'\"-][^:#]*?: +)?(?P<quote>[\"'])")


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
    if problem.startswith("could not find expected ':'") and context_mark is not None and (
            context_mark.line < len(lines)):
        return (line_slip(lines[context_mark.line], context_mark.line)
                or _missing_dash(lines, context_mark.line))
    if problem.startswith("mapping values are not allowed"):
        return (_colon_in_text(lines, problem_mark) or _slip_above(lines, problem_mark)
                or _indented_more(lines, problem_mark))
    if problem.startswith("expected <block end>"):
        return _text_after_quote(lines, problem_mark) or _out_of_line(lines, problem_mark)
    return None


def plain_text_slip(text: str, start: int, fields: Collection[str]) -> Plain | None:
    """Return a slip at the start of an unquoted text that begins its line, or None.

    YAML reads an item after an en dash, and `painful:Yes`, as text without a word, where the
    writer meant a list item and a field. Only the names in `fields` count as fields, so that
    a list item such as `- tip:drink water` stays text.
    """
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" -"):
        return None  # the text follows a key on its line: a dash there is prose
    line_end = _LINE_BREAK.search(text, start)
    line = text[line_start: line_end.start() if line_end else len(text)]
    key = _KEY_NO_SPACE.match(line)
    if key is not None and key["key"] not in fields:
        return None
    return line_slip(line, text.count("\n", 0, line_start))


def emphasis_alias(text: str, start: int, end: int) -> Plain | None:
    """`- *Tight* muscle`: Markdown emphasis at the start of a text, read as a YAML alias."""
    line_end = _LINE_BREAK.search(text, start)
    rest = text[start: line_end.start() if line_end else len(text)].rstrip()
    name, after = text[start:end], text[end: start + len(rest)].strip()
    if not name.endswith("*") and (not after or after[0] in ",]}#"):
        return None  # `*name` on its own: a real alias, refused as one
    line_start = text.rfind("\n", 0, start) + 1
    lead = text[line_start:start].lstrip()
    return Plain(text.count("\n", 0, line_start) + 1, start - line_start + 1,
                 "a text that starts with `*` must be in quotes: without them, YAML reads "
                 f"`{name}` as a link to another part of the file (an alias). Put the whole "
                 f"text in quotes, like `{lead}{quoted(rest)}`.")


def line_slip(line: str, index: int) -> Plain | None:
    """Return a typographic bullet or a `key:value` with no space on one line, or None."""
    bullet = _BULLET_LINE.match(line)
    if bullet:
        return Plain(index + 1, len(bullet["indent"]) + 1,
                     f"{BULLETS[bullet['bullet']]} does not start a list item in YAML: a list "
                     f"item starts with a hyphen and a space. Start each item with `- ` instead, "
                     f"like `- {bullet['text'].rstrip()}`.")
    key = _KEY_NO_SPACE.match(line)
    if key:
        colon = len(key["lead"]) + len(key["key"])
        typed = f"{key['lead'].lstrip()}{key['key']}: {key['value'].rstrip()}"
        return Plain(index + 1, colon + 1,
                     f"there is no space after the colon of `{key['key']}`, so YAML reads "
                     f"`{key['key']}:{key['value'].split()[0]}` as text, not as a field. "
                     f"Type a space after the colon: `{typed}`.")
    return None


def _missing_dash(lines: list[str], index: int) -> Plain | None:
    """Return a list item written without its `-`, between items that have one, or None."""
    line = lines[index]
    indent = len(line) - len(line.lstrip(" "))
    if not line.strip() or _ITEM_LINE.match(line):
        return None
    after_item = _neighbour_is_item(lines, index, indent, -1)
    if not (after_item or _neighbour_is_item(lines, index, indent, 1)):
        return None
    return Plain(index + 1, indent + 1, missing_dash_message(line.strip(), after_item=after_item))


def missing_dash_message(item: str, *, after_item: bool = False) -> str:
    """Return what to type for a list item written without its `-`."""
    goes_on = ("If it goes on from the item above, indent it as far as that item's words; if "
               "it is an item of its own, type" if after_item else "Type")
    return ("this line is in a list, but it has no `-` at its start, so YAML cannot read it as "
            f"a list item. {goes_on} `- ` before it, like `- {item}`.")


def _neighbour_is_item(lines: list[str], index: int, indent: int, step: int) -> bool:
    """Return whether the nearest line above or below at the same indentation is a list item."""
    index += step
    while 0 <= index < len(lines):
        line = lines[index]
        column = len(line) - len(line.lstrip(" "))
        if line.strip() and not line.lstrip().startswith("#") and column <= indent:
            return column == indent and _ITEM_LINE.match(line) is not None
        index += step
    return False


def _slip_above(lines: list[str], mark: Mark) -> Plain | None:
    """`name:Muscle spasm` above a field: YAML read it as text, and the field as more of it."""
    above = next((i for i in range(mark.line - 1, -1, -1) if lines[i].strip()), None)
    return None if above is None else line_slip(lines[above], above)


def _text_after_quote(lines: list[str], mark: Mark) -> Plain | None:
    """`"Yes," says the doctor`: YAML ends the text at the closing quote, then finds more."""
    line = lines[mark.line]
    start = _QUOTE_START.match(line)
    before = line[:mark.column].rstrip()
    if start is None or not before.endswith(start["quote"]) or len(before) <= start.end():
        return None
    lead = line[:start.start("quote")].lstrip()
    text = line[start.start("quote"):].rstrip()
    return Plain(mark.line + 1, start.start("quote") + 1,
                 "this text starts with a quoted part, and YAML ends the text at the closing "
                 "quote, so it cannot read the words after it. Put the whole text in quotes, "
                 f"like `{lead}{quoted(text)}`.")


def swallowed_line(text: str, start: int, end: int) -> int | None:
    """Return the line, counted from a quoted text's first, that shows its quote never closed.

    That is the first later line which looks like a field or a list item and is not indented
    under the text's own line: YAML read it as more of the text, up to the next quote mark.
    """
    line_start = text.rfind("\n", 0, start) + 1
    lines = _LINE_BREAK.split(text[line_start:end])
    # The text belongs to its field's key, or to its list item's dash: a line indented past
    # that is more of the same text, as YAML allows.
    key = _KEY_LINE.match(lines[0])
    column = _key_column(key) if key else len(lines[0]) - len(lines[0].lstrip(" "))
    for offset, line in enumerate(lines[1:], start=1):
        indent = len(line) - len(line.lstrip(" "))
        if indent <= column and (_KEY_LINE.match(line) or _ITEM_LINE.match(line)):
            return offset
    return None


def quoted(text: str) -> str:
    """Return text in YAML quotes that keep every character, as a writer would type it."""
    if '"' in text and "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


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
