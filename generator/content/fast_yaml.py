"""The fast path of loading: build a file's data and positions from libyaml's events.

libyaml (through PyYAML's C parser) reads a file about fifty times faster than ruamel.yaml's
round-trip parser. This module handles only what ordinary content is made of: blocks of
`key: value` lines, lists, text, whole numbers, `true`/`false` and dates written like
2026-11-26, read the way ruamel.yaml reads YAML 1.2. For anything else (a syntax error, a
duplicate key, an anchor, a tag, a merge key, deep nesting, an empty or other kind of value,
text YAML would join in a surprising way) it returns None, and `load` reads the file with
ruamel.yaml, which names the mistake exactly as before.
"""

from __future__ import annotations

import datetime
import re
import sys
from typing import Any

import yaml  # type: ignore[import-untyped]
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from generator.content import yaml_errors

Position = tuple[int, int, int, int]
"""Where a value was written, 0-based: the key's line and column, then the value's."""
Positions = dict[tuple[str | int, ...], Position]

# PyYAML's wheels carry libyaml; without it, every file takes the ruamel.yaml path.
_LIBYAML = getattr(yaml, "CSafeLoader", None)
# ruamel.yaml's own YAML 1.2 rules decide what a plain value means, so both paths agree.
_RESOLVER = VersionedResolver()
# First characters after which a plain value may be something other than text.
_MAYBE_NOT_TEXT = frozenset(k for k in _RESOLVER.versioned_resolver if k is not None)
_STR, _BOOL, _INT, _DATE = (f"tag:yaml.org,2002:{kind}" for kind in
                            ("str", "bool", "int", "timestamp"))
_WHOLE_NUMBER = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
# The most digits Python turns into a number: longer ones are ruamel.yaml's to refuse.
_MOST_DIGITS = sys.get_int_max_str_digits() or sys.maxsize
_PLAIN_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# A later line of plain text that starts like a list item: YAML joins it to the text.
_DASH_LINE = re.compile(r"[\r\n][ \t]*-")
# A `#` after plain text on its line starts a comment: the words after it never reach the page.
COMMENT_AFTER = re.compile(r"[ \t]+#")
# A no-break space in a line's indentation, or in place of the space after a `-`: YAML reads it
# as text, so the line's place in the file is lost. After `- ` it is only the text's first letter.
NO_BREAK_INDENT = re.compile("^[ \t]*(?:\u00a0|(?:-[ \t]+)*-\u00a0)", re.MULTILINE)
# Text that may start with a slip (`\u2013 item`, `painful:Yes`) for ruamel.yaml's path to name.
_MAYBE_SLIP = re.compile(r"[\u2013\u2014\u2022][ \t]|[a-z][a-z_]*:[^\s/]")


def is_text(plain_value: str) -> bool:
    """Return whether YAML 1.2 reads an unquoted value as text (not a number, date or yes/no)."""
    return plain_value[:1] not in _MAYBE_NOT_TEXT or _RESOLVER.resolve(
        ScalarNode, plain_value, (True, False)) == _STR


class _PassOn(Exception):
    """The file needs ruamel.yaml's closer look."""


class _Open:
    """A list or block being filled, with the key waiting for its value."""

    __slots__ = ("container", "key", "key_mark", "path")

    def __init__(self, container: dict[str, Any] | list[Any],
                 path: tuple[str | int, ...]) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None
        self.key_mark = (0, 0)


def compose(text: str, *, max_depth: int) -> tuple[dict[str, Any], Positions] | None:
    """Return the file's data and where each value was written, or None to read it closely."""
    if _LIBYAML is None:
        return None
    if "\u00a0" in text and NO_BREAK_INDENT.search(text):
        return None
    try:
        return _compose(text, max_depth)
    except (_PassOn, yaml.YAMLError):
        return None


def _compose(text: str, max_depth: int) -> tuple[dict[str, Any], Positions]:
    positions: Positions = {}
    stack: list[_Open] = []
    root: dict[str, Any] | None = None
    documents = 0
    for event in yaml.parse(text, Loader=_LIBYAML):
        kind = type(event)
        if kind is yaml.ScalarEvent:
            value: Any = _scalar(event, text)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or event.tag is not None or len(stack) >= max_depth:
                raise _PassOn
            value = {} if kind is yaml.MappingStartEvent else []
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
            continue
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1 or event.version is not None or event.tags:
                raise _PassOn  # `%YAML` and `%TAG` lines are refused there
            continue
        elif kind is yaml.AliasEvent:
            raise _PassOn
        else:
            continue
        mark = (event.start_mark.line, event.start_mark.column)
        if not stack:
            if not isinstance(value, dict):
                raise _PassOn
            root = value
            stack.append(_Open(value, ()))
            continue
        path = _place(stack[-1], value, mark, positions)
        if path is not None and isinstance(value, dict | list):
            stack.append(_Open(value, path))
    if root is None:
        raise _PassOn
    return root, positions


def _place(parent: _Open, value: Any, mark: tuple[int, int],
           positions: Positions) -> tuple[str | int, ...] | None:
    """Put a value into its parent; return its path, or None when it was a key."""
    container = parent.container
    if isinstance(container, list):
        path: tuple[str | int, ...] = (*parent.path, len(container))
        container.append(value)
        positions[path] = (*mark, *mark)
        return path
    if parent.key is None:
        if not isinstance(value, str) or value in container:
            raise _PassOn  # a key that is not a word, or a key given twice
        parent.key, parent.key_mark = value, mark
        return None
    path = (*parent.path, parent.key)
    container[parent.key] = value
    positions[path] = (*parent.key_mark, *mark)
    parent.key = None
    return path


def _scalar(event: yaml.ScalarEvent, text: str) -> Any:
    """Return a value's meaning, or pass the file on when it is not plainly text."""
    if event.anchor is not None or event.tag is not None:
        raise _PassOn
    value: str = event.value
    if event.style not in (None, ""):
        if event.style in "\"'" and event.end_mark.line > event.start_mark.line and (
                yaml_errors.swallowed_line(text, event.start_mark.index, event.end_mark.index)
                is not None):
            raise _PassOn  # a quote left open, which swallowed the lines below it
        return value  # quoted or a `|`/`>` block: always text
    if _MAYBE_SLIP.match(value):
        raise _PassOn
    if event.end_mark.line > event.start_mark.line and _DASH_LINE.search(
            text, event.start_mark.index, event.end_mark.index):
        raise _PassOn
    if is_text(value):
        if COMMENT_AFTER.match(text, event.end_mark.index):
            raise _PassOn
        return value
    tag = _RESOLVER.resolve(ScalarNode, value, (True, False))
    if tag == _BOOL:
        return value.lower() == "true"
    if tag == _INT and _WHOLE_NUMBER.fullmatch(value) and len(value) <= _MOST_DIGITS:
        return int(value)
    date = _PLAIN_DATE.fullmatch(value) if tag == _DATE else None
    if date:
        try:
            return datetime.date(*map(int, date.groups()))
        except ValueError:
            raise _PassOn from None
    raise _PassOn  # empty values, `<<`, other numbers and times: ruamel.yaml decides
