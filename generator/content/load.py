"""Stage 1: read YAML files into plain data, keeping where every value was written."""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    Event,
    ScalarEvent,
    SequenceStartEvent,
)
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.tokens import DirectiveToken, StreamStartToken
from ruamel.yaml.util import create_timestamp, timestamp_regexp

from generator.content import (
    content_cache,
    fast_yaml,
    invisible_characters,
    misread_text,
    text_limits,
    yaml_errors,
)
from generator.content.content_cache import ContentCache
from generator.content.fast_yaml import Positions
from generator.content.misread_text import Problem
from generator.errors import ErrorCollector, Loc

MAX_FILE_BYTES = 512 * 1024
# Content needs five levels of lists and blocks inside each other (a flowchart's answers).
# Twenty leaves room to grow and keeps ruamel.yaml's recursive composer far from Python's
# recursion limit, which 600 levels reach.
MAX_DEPTH = 20
# Never follow a symbolic link, and never wait on a FIFO that nobody writes to.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_BINARY", 0))
# The start of a YAML timestamp: ruamel.yaml reads these as dates.
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[Tt ])")
# A whole number as YAML 1.2 reads it, and the most digits Python turns into one.
_DECIMAL = re.compile(r"[-+]?[0-9_]+")
_MOST_DIGITS = sys.get_int_max_str_digits() or sys.maxsize
# An escape for a character by its number, in double quotes: `"\U0001F600"`.
_ESCAPE = re.compile(r"\\U([0-9A-Fa-f]{8})")
# YAML reads these as line breaks, which can break a block's indentation: when they do, the
# writer is told about the character, not the syntax error it made.
_YAML_LINE_BREAK = re.compile("[\x85\u2028\u2029]")


@dataclass(frozen=True)
class Document:
    """One content file: its plain data, and where each of its values was written."""

    name: str
    data: Any
    positions: Positions
    digest: str | None = None
    """The hash of the file's text, when the data came from the fast parser or its cache."""

    def position(self, loc: Loc, *, at_key: bool = False) -> tuple[int, int]:
        """Return the 1-based line and column of the value at `loc`, or its nearest parent."""
        line, column = 0, 0
        for end in range(1, len(loc) + 1):
            found = self.positions.get(tuple(loc[:end]))
            if found is None:
                break
            key_line, key_column, line, column = found
            if at_key and end == len(loc):
                line, column = key_line, key_column
        return line + 1, column + 1


def read_document(path: Path, name: str, errors: ErrorCollector,
                  cache: ContentCache | None = None) -> Document | None:
    """Read one YAML file; on a problem, record it and return None.

    The `cache` holds what earlier loads parsed, and keeps what this one parses; a read
    without one (a single file, as the writer's guide checks its examples) keeps nothing.
    """
    raw = _read_bytes(path, name, errors)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        errors.add(name, line, column, "", "the file is not saved as UTF-8 text. "
                   "Save it again with the UTF-8 encoding.")
        return None
    if not text.strip():
        errors.add(name, 1, 1, "", "the file is empty. Add the content, or delete the file.")
        return None
    digest = content_cache.text_digest(text)
    parsed = cache.get_parsed(digest) if cache is not None else None
    if parsed is None:
        parsed = fast_yaml.compose(text, max_depth=MAX_DEPTH)
        if parsed is None:
            document = _read_unusual(text, name, errors)
            if document is None:  # a mistake, recorded: read again until it is fixed
                return None
            parsed = (document.data, document.positions)
        if cache is not None:
            cache.add_parsed(digest, parsed)
    data, positions = parsed
    too_much = text_limits.file_problem(_texts(data))
    if too_much:  # before Markdown reads the texts, which would take minutes
        errors.add(name, 1, 1, "", too_much)
        return None
    return Document(name, data, positions, digest)


def _texts(data: Any) -> Iterator[str]:
    """Yield every text value in the data, however deep."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _texts(value)


def _read_unusual(text: str, name: str, errors: ErrorCollector) -> Document | None:
    """Read a file the fast parser passed on, with ruamel.yaml: it names every mistake.

    The fast parser hands over any file with a syntax error, a duplicate or odd key, an
    anchor, a tag, a merge key, deep nesting, a value other than text, a whole number or a
    date, or text that YAML reads another way; this path records exactly what is wrong.
    """
    if _reject_no_break_indents(text, name, errors):
        return None
    yaml = YAML(typ="rt")
    try:
        if _reject_directives(yaml, text, name, errors):
            return None
        if _reject_unsafe_events(yaml, text, name, errors):
            return None
        tree = yaml.load(text)
    except MarkedYAMLError as error:
        _add_yaml_error(error, name, errors, text)
        return None
    except ReaderError as error:
        errors.add(name, *_line_column(text, error.position), "", f"the file contains a "
                   f"character that is not allowed (U+{error.character:04X}). Delete it.")
        return None
    except ValueError:
        # ruamel.yaml's scanner turns `"\U00110000"` into chr(0x110000), which fails unmarked.
        escape = next((m for m in _ESCAPE.finditer(text) if int(m[1], 16) > sys.maxunicode),
                      None)
        if escape is None:
            raise  # a bug, not a mistake in the file: keep the traceback
        errors.add(name, *_line_column(text, escape.start()), "", f"`{escape[0]}` names no "
                   "character: the last one is `\\U0010FFFF`. Correct it, or type the "
                   "character itself.")
        return None
    if not isinstance(tree, CommentedMap):
        errors.add(name, 1, 1, "", "the file must be made of `key: value` lines, "
                   "not a list or a single value.")
        return None
    if _reject_odd_keys(tree, name, errors):
        return None
    return Document(name=name, data=plain(tree), positions=_tree_positions(tree))


def _line_column(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based line and column of a character, counting only newlines as breaks."""
    before = text[:index]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _tree_positions(tree: Any, path: tuple[str | int, ...] = ()) -> Positions:
    """Return where ruamel.yaml found each value of a round-trip tree."""
    found: Positions = {}
    if isinstance(tree, CommentedMap):
        for key, value in tree.items():
            found[(*path, str(key))] = (*tree.lc.key(key), *tree.lc.value(key))
            found.update(_tree_positions(value, (*path, str(key))))
    elif isinstance(tree, CommentedSeq):
        for index, item in enumerate(tree):
            found[(*path, index)] = (*tree.lc.item(index), *tree.lc.item(index))
            found.update(_tree_positions(item, (*path, index)))
    return found


def _read_bytes(path: Path, name: str, errors: ErrorCollector) -> bytes | None:
    """Return a file's bytes, refusing links, odd files and big files before reading them."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        if path.is_symlink():
            errors.add(name, 1, 1, "", "this file is a link to another file. Copy the file "
                       "here instead of linking to it.")
        else:
            errors.add(name, 1, 1, "", f"this file cannot be read ({error.strerror}). Check "
                       "that you may open it.")
        return None
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            errors.add(name, 1, 1, "", "this is not a regular file. Replace it with a text file.")
            return None
        raw = b"" if status.st_size > MAX_FILE_BYTES else file.read(MAX_FILE_BYTES + 1)
    # The file may have grown after fstat, so the bytes read are checked too.
    size = max(status.st_size, len(raw))
    if size > MAX_FILE_BYTES:
        errors.add(name, 1, 1, "", f"the file is {-(-size // 1024)} KB; the limit is "
                   f"{MAX_FILE_BYTES // 1024} KB. Split it into smaller files.")
        return None
    return raw


def plain(value: Any) -> Any:
    """Return ruamel.yaml's round-trip types as plain dicts, lists, strings and dates."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    for kind in (bool, int, float):
        if isinstance(value, kind):
            return kind(value)
    return value


def _reject_no_break_indents(text: str, name: str, errors: ErrorCollector) -> bool:
    """Record each line indented with no-break spaces, which YAML reads as text, not indent."""
    found = False
    for match in fast_yaml.NO_BREAK_INDENT.finditer(text):
        after_dash = match.group().endswith("-\u00a0")
        errors.add(name, *_line_column(text, match.end() - 1), "",
                   _NO_BREAK_AFTER_DASH if after_dash else _NO_BREAK_INDENT)
        found = True
    return found


_NO_BREAK_INDENT = ("this line is indented with no-break spaces, which look like spaces but are "
                    "not read as spaces (they often come with text copied from a word "
                    "processor). Delete them and type ordinary spaces.")
_NO_BREAK_AFTER_DASH = ("the space after this `-` is a no-break space, which looks like a space "
                        "but is not read as one, so YAML sees no list item here. Delete it and "
                        "type an ordinary space.")


def _reject_directives(yaml: YAML, text: str, name: str, errors: ErrorCollector) -> bool:
    """Record each `%YAML` or `%TAG` line at the top of a file.

    `%YAML 1.1` makes `yes` and `on` mean true, `010` mean 8 and `1:20` mean 80, so the same
    file would say something else than it seems to; `%TAG` renames tags, which are refused.
    """
    found = False
    # A mistake after the directives is reported once they are gone, by the usual path.
    with contextlib.suppress(MarkedYAMLError):
        for token in yaml.scan(text):
            if isinstance(token, DirectiveToken):
                mark = token.start_mark
                errors.add(name, mark.line + 1, mark.column + 1, "", f"`%{token.name}` lines "
                           "are not allowed. Remove this line; content files are read as "
                           "YAML 1.2.")
                found = True
            elif not isinstance(token, StreamStartToken):
                break
    return found


def _reject_unsafe_events(yaml: YAML, text: str, name: str, errors: ErrorCollector) -> bool:
    """Record YAML features content has no use for, and text that YAML reads another way.

    Anchors and aliases can blow up into huge documents; tags such as `!!binary` make
    values of surprising types; merge keys silently drop values. All are refused before
    the file is turned into data. The walk stops at the first list or block nested too
    deeply, so a file of 100,000 `[` is refused at once and never composed.
    """
    found = False
    # For each list or block open around the current event: is it a list?
    open_lists: list[bool] = []
    # A slip such as an unclosed quote confuses YAML for a few lines after it: a syntax
    # error there is its consequence, already explained, and would only mislead.
    knock_on_until = -1
    try:
        for event in yaml.parse(text):
            if isinstance(event, CollectionStartEvent) and len(open_lists) >= MAX_DEPTH:
                mark = event.start_mark
                errors.add(name, mark.line + 1, mark.column + 1, "", _TOO_DEEP)
                return True
            problem = _event_problem(event, text, in_list=bool(open_lists) and open_lists[-1])
            if problem:
                errors.add(name, *problem[:4])
                knock_on_until = max(knock_on_until, problem[4])
                found = True
            if isinstance(event, CollectionStartEvent):
                open_lists.append(isinstance(event, SequenceStartEvent))
            elif isinstance(event, CollectionEndEvent):
                open_lists.pop()
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if mark is None or mark.line > knock_on_until:
            raise
    return found


_TOO_DEEP = (f"this is nested too deeply: more than {MAX_DEPTH} lists and blocks inside each "
             "other. Content needs only a few levels. Check the indentation and the brackets.")


def _event_problem(event: Event, text: str, *, in_list: bool) -> Problem | None:
    """Return what is wrong with one event, or None."""
    message = None
    if isinstance(event, AliasEvent) and (emphasis := misread_text.emphasis(event, text)):
        return emphasis
    if isinstance(event, AliasEvent) or (
        isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor
    ):
        message = ("YAML anchors and aliases (`&name`, `*name`) are not allowed. "
                   "Write the text out in full.")
    elif isinstance(event, ScalarEvent | CollectionStartEvent) and event.tag:
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        message = (f"YAML tags such as `{tag}` are not allowed. Remove the tag and "
                   "write the value plainly.")
    elif isinstance(event, ScalarEvent) and event.style is None and event.value == "<<":
        message = ("YAML merge keys (`<<`) are not allowed. Write each field out in full, "
                   "or put `<<` in quotes if it is text.")
    elif isinstance(event, ScalarEvent) and event.style in ('"', "'"):
        return misread_text.unclosed_quote(event, text)
    elif isinstance(event, ScalarEvent) and event.style is None:
        message = _impossible_date(event.value) or _unreadable_number(event.value)
        if message is None:
            return misread_text.plain_text(event, text, in_list=in_list)
    if message is None:
        return None
    return event.start_mark.line + 1, event.start_mark.column + 1, "", message, -1


def _impossible_date(value: str) -> str | None:
    match = _DATE.match(value)
    if match is None:
        return None
    try:
        datetime.date(*map(int, match.groups()))
    except ValueError:
        return f"{value} is not a real date. Check the day and the month."
    stamp = timestamp_regexp.match(value)
    if stamp is not None:
        try:
            create_timestamp(**stamp.groupdict())
        except ValueError:
            return f"{value} is not a real time. Check the hours, minutes and seconds."
    return None


def _unreadable_number(value: str) -> str | None:
    """Return why YAML cannot read a whole number, such as one of 5,000 digits, or None."""
    digits = len(value.lstrip("+-").replace("_", ""))
    if digits <= _MOST_DIGITS or not _DECIMAL.fullmatch(value):
        return None
    return (f"this number is {digits} digits long, more than can be read. Content needs no "
            "such number: shorten it, or put it in quotes if it is text.")


def _reject_odd_keys(tree: Any, name: str, errors: ErrorCollector) -> bool:
    """Record keys that are not words, such as `1:` or `2026-01-01:`."""
    found = False
    if isinstance(tree, CommentedMap):
        for key, value in tree.items():
            if not isinstance(key, str):
                line, column = tree.lc.key(key)
                shown = "null" if key is None else key
                errors.add(name, line + 1, column + 1, "", f"`{shown}` is not a field name. "
                           "Field names are words, like `summary`.")
                found = True
            found = _reject_odd_keys(value, name, errors) or found
    elif isinstance(tree, CommentedSeq):
        for item in tree:
            found = _reject_odd_keys(item, name, errors) or found
    return found


def _add_yaml_error(error: MarkedYAMLError, name: str, errors: ErrorCollector, text: str) -> None:
    """Record a YAML syntax problem in plain words."""
    line_break = _YAML_LINE_BREAK.search(text)
    if line_break:
        line, column = _line_column(text, line_break.start())
        errors.add(name, line, column, "", str(invisible_characters.problem(line_break[0])))
        return
    plain_words = yaml_errors.explain(
        str(error.problem or ""), str(error.context or ""), _mark(error.problem_mark),
        _mark(error.context_mark), text)
    if plain_words is not None and not isinstance(error, DuplicateKeyError):
        errors.add(name, plain_words.line, plain_words.column, "", plain_words.message)
        return
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = str(error.problem or error.context or "this is not valid YAML")
    if isinstance(error, DuplicateKeyError):
        key = problem.split('"')[1] if '"' in problem else "?"
        message = f"`{key}` appears more than once in the same block. Keep only one."
    elif "'\\t'" in problem:
        message = "this line is indented with a tab. Indent with spaces instead."
    else:
        message = f"this is not valid YAML ({problem}). Check the indentation and the colons."
    errors.add(name, line, column, "", message)


def _mark(mark: Any) -> yaml_errors.Mark | None:
    return yaml_errors.Mark(mark.line, mark.column) if mark is not None else None
