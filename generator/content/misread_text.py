"""Text that YAML reads another way than the writer meant, found one parser event at a time.

A `#` after unquoted words drops them; a list item without its `-`, or after an en dash, joins
the list into one text; `painful:Yes` is text, not a field; a quote left open takes in the lines
below it; `*Tight* muscle` is an alias. Each is named where the writer typed it, with what to
type instead, before the file is turned into data.
"""

from __future__ import annotations

import re

from pydantic import BaseModel
from ruamel.yaml.events import AliasEvent, ScalarEvent

from generator.content import fast_yaml, yaml_errors
from generator.content.model_types import is_model, list_item, without_none
from generator.content.models import Comparison, Condition, Flowchart, Page, Site

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A line of a plain scalar that starts like a list item: `- text`.
_LIST_ITEM = re.compile(r"^([ \t]*)-(?:[ \t]|$)")


def _field_names(model: type[BaseModel]) -> frozenset[str]:
    """Return the names of a model's fields and of the fields of every block inside it."""
    names = set(model.model_fields)
    for info in model.model_fields.values():
        inner = without_none(info.annotation)
        inner = list_item(inner) or inner
        if is_model(inner):
            names |= _field_names(inner)
    return frozenset(names)


# `painful:Yes` is read as text; it is a slip only where the word before the colon is a field.
_MODELS: tuple[type[BaseModel], ...] = (Site, Condition, Comparison, Flowchart, Page)
_FIELD_NAMES = frozenset().union(*(_field_names(model) for model in _MODELS))


# How many lines after an unclosed quote's text a syntax error is taken as its consequence.
KNOCK_ON_LINES = 3

Problem = tuple[int, int, str, str, int]
"""A mistake's 1-based line and column, field and message, and the last 0-based line a
syntax error may be its consequence on (-1: none)."""


def emphasis(event: AliasEvent, text: str) -> Problem | None:
    """Return where Markdown emphasis starts a text, which YAML read as an alias."""
    found = yaml_errors.emphasis_alias(text, event.start_mark.index, event.end_mark.index)
    # What YAML makes of the rest of the line is a consequence: the syntax error is not named.
    return None if found is None else _problem(found, knock_on_until=event.end_mark.line + 1)


def plain_text(event: ScalarEvent, text: str, *, in_list: bool) -> Problem | None:
    """Return what YAML reads another way in one unquoted text, or None."""
    slip = yaml_errors.plain_text_slip(text, event.start_mark.index, _FIELD_NAMES)
    return (_problem(slip) if slip else None) or _comment_after_text(
        event, text) or _list_item_in_text(event, text, in_list=in_list)


def _problem(plain_words: yaml_errors.Plain, *, knock_on_until: int = -1) -> Problem:
    return plain_words.line, plain_words.column, "", plain_words.message, knock_on_until


def unclosed_quote(event: ScalarEvent, text: str) -> Problem | None:
    """Return where a quote left open swallowed the lines below it, up to the next quote."""
    start, end = event.start_mark, event.end_mark
    if end.line == start.line or yaml_errors.swallowed_line(
            text, start.index, end.index) is None:
        return None
    line_start = text.rfind("\n", 0, start.index) + 1
    line_end = _LINE_BREAK.search(text, start.index)
    line = text[line_start: line_end.start() if line_end else len(text)].rstrip()
    quote = text[start.index]
    return (start.line + 1, start.column + 1, "", (
        f"this text has no closing quote on its line, so YAML reads the lines below as part "
        f"of it, up to the next `{quote}` (line {end.line + 1}). Add the closing quote at "
        f"the end of the text: `{line.lstrip()}{quote}`."), end.line + KNOCK_ON_LINES)


def _list_item_in_text(event: ScalarEvent, text: str, *, in_list: bool) -> Problem | None:
    """Return where a plain text's later line starts with `- `, which YAML joins to the text."""
    source = text[event.start_mark.index : event.end_mark.index]
    for offset, line in enumerate(_LINE_BREAK.split(source)[1:], start=1):
        match = _LIST_ITEM.match(line)
        if match is None:
            continue
        start = event.start_mark
        # `what_you_notice:` then a first item without its dash, then items with one.
        if len(match.group(1)) == start.column and not in_list and text[
                text.rfind("\n", 0, start.index) + 1: start.index].strip() == "":
            first = _LINE_BREAK.split(source, maxsplit=1)[0].strip()
            return start.line + 1, start.column + 1, "", yaml_errors.missing_dash_message(first), -1
        message = _JOINED_ITEM if in_list else _JOINED_TEXT
        return start.line + offset + 1, len(match.group(1)) + 1, "", message, -1
    return None


def _comment_after_text(event: ScalarEvent, text: str) -> Problem | None:
    """Return where a `#` after unquoted text starts a comment, which drops the words after it."""
    comment = fast_yaml.COMMENT_AFTER.match(text, event.end_mark.index)
    if comment is None or not fast_yaml.is_text(event.value):
        return None
    column = event.end_mark.column + len(comment.group()) - 1
    line_start = text.rfind("\n", 0, event.start_mark.index) + 1
    line_end = text.find("\n", event.end_mark.index)
    whole = text[line_start: len(text) if line_end < 0 else line_end].rstrip("\r")
    example = ""
    if event.start_mark.line == event.end_mark.line:
        lead = whole[:event.start_mark.column].lstrip()
        words = whole[event.start_mark.column:].replace("\\", "\\\\").replace('"', '\\"')
        example = f", like `{lead}\"{words}\"`"
    return event.end_mark.line + 1, column + 1, "", (
        f"the `#` here starts a YAML comment, so the words after it are left off the page, "
        f"which would show only `{event.value}`. To keep them, put the whole text in quotes"
        f"{example}. To keep a note for writers, put it on a line of its own that starts "
        "with `#`."), -1


_JOINED_ITEM = ("this line looks like a new list item, but it is indented under the one above, "
                "so YAML joins the two into one item. Line it up with the `-` above, or move it "
                "onto the line above if the dash is part of the text.")
_JOINED_TEXT = ("this line looks like a list item, but YAML joins it to the text above into one "
                "line. Move it onto the line above if the dash is part of the text, or write "
                "`|` after the colon to keep the lines as you wrote them.")
