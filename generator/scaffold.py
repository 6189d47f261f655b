"""Starter files: every field of a kind of content file, with a comment saying what goes there.

A field still to write holds the placeholder `TODO`, and `check` names each one.
"""

from __future__ import annotations

import datetime
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator import editor_schema
from generator.content_folder import GUIDE_FILE, PLAIN_WORDS_FILE, SITE_FILE
from generator.errors import Loc
from generator.model_types import choices, is_model, list_item, without_none
from generator.models import Comparison, Condition, Flowchart, Page, PlainWords, Site

PLACEHOLDER = "TODO"
GUIDE = f"content/{GUIDE_FILE}"
SCHEMA_FOLDER = "generator/schemas"


class Kind(typing.NamedTuple):
    """A kind of content file: its model and the folder its files live in."""

    model: type[BaseModel]
    folder: str


KINDS: dict[str, Kind] = {
    "condition": Kind(Condition, "conditions"),
    "comparison": Kind(Comparison, "comparisons"),
    "flowchart": Kind(Flowchart, "flowcharts"),
    "page": Kind(Page, "pages"),
}
"""The kinds of file `new` can start, by the name a writer types."""
SINGLE_FILES: dict[str, str] = {"site": SITE_FILE, "plain-words": PLAIN_WORDS_FILE}
"""The kinds of file a site has one of, at the top of its content folder, by file name."""
SCHEMA_KINDS: dict[str, type[BaseModel]] = {"site": Site, **{k: v.model for k, v in KINDS.items()},
                                            "plain-words": PlainWords}
# Values a starter can fill in for the writer, because there is one right start.
_FILLED: dict[str, Any] = {"when_to_get_help": [{"care": "emergency"}]}


def header(kind: str, schema_path: str) -> str:
    """Return the two comment lines at the top of every content file."""
    return (f"# yaml-language-server: $schema={schema_path}\n"
            f"# How to write this {kind} file: see {GUIDE} (every field, with an example).\n")


def schema_path_from(file: str) -> str:
    """Return the path from a content file to its kind's schema, as the editor reads it."""
    depth = len(Path(file).parent.parts)
    return "../" * depth + f"{SCHEMA_FOLDER}/{kind_of(file)}.json"


def kind_of(file: str) -> str:
    """Return the kind of a content file, told by its name or its folder."""
    path = Path(file)
    single = next((kind for kind, name in SINGLE_FILES.items() if name == path.name), None)
    if single is not None and path.parent.name not in (kind.folder for kind in KINDS.values()):
        return single
    return next(name for name, kind in KINDS.items() if kind.folder == path.parent.name)


def starter(kind: str, item_id: str) -> str:
    """Return a starter file for a new KIND with this id."""
    model = KINDS[kind].model
    lines = list(_block(model, {"id": item_id}, indent=""))
    path = f"content/{KINDS[kind].folder}/{item_id}.yml"
    return header(kind, schema_path_from(path)) + "\n".join(lines) + "\n"


def _block(model: type[BaseModel], filled: dict[str, Any], indent: str) -> Iterator[str]:
    for name, info in model.model_fields.items():
        comment = (info.description or "") + _value_hint(info.annotation)
        if not info.is_required():
            comment += " (Optional.)"
        yield f"{indent}# {comment.strip()}"
        value = filled.get(name, _FILLED.get(name))
        count = min_items(model, name)
        yield from _field(name, info, value, count, indent)


def min_items(model: type[BaseModel], name: str) -> int:
    """Return the fewest items a list field takes: its own minimum, or the schema's."""
    lengths = [getattr(m, "min_length", 0) or 0 for m in model.model_fields[name].metadata]
    schema_rule = editor_schema.PROPERTY_RULES.get((model.__name__, name), {}).get("minItems", 1)
    return max([1, *lengths, int(schema_rule)])


def _field(name: str, info: FieldInfo, value: Any, count: int, indent: str) -> Iterator[str]:
    inner = without_none(info.annotation)
    item = list_item(inner)
    if item is not None:
        yield f"{indent}{name}:"
        count = len(value) if isinstance(value, list) else count
        for index in range(count):
            given = value[index] if isinstance(value, list) else None
            yield from _item(item, given, indent + "  ")
    elif is_model(inner):
        yield f"{indent}{name}:"
        yield from _block(inner, value or {}, indent + "  ")
    else:
        yield f"{indent}{name}: {_scalar(inner, value)}"


def _item(annotation: Any, value: Any, indent: str) -> Iterator[str]:
    if is_model(annotation):
        lines = list(_block(annotation, value or {}, indent + "  "))
        # The first key of a list item goes after the dash; comments stay above it.
        first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
        yield from lines[:first]
        yield f"{indent}- {lines[first].lstrip()}"
        yield from lines[first + 1:]
    else:
        yield f"{indent}- {_scalar(annotation, value)}"


def _scalar(annotation: Any, value: Any) -> str:
    return PLACEHOLDER if value is None else str(value)


def _value_hint(annotation: Any) -> str:
    """Return what a field's value looks like, for the comment above it.

    Hints go above the field, never after its value: a `#` after text on the same line
    would hide the words after it, so `check` refuses one there.
    """
    inner = without_none(annotation)
    allowed = choices(inner)
    if allowed:
        return f" One of: {', '.join(allowed)}."
    if inner is datetime.date:
        return f" A date like {datetime.date.today().isoformat()}, without quotes."
    return ""


def placeholders(data: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Yield the location of every value still holding the starter's placeholder."""
    if isinstance(data, str) and data.strip() == PLACEHOLDER:
        yield loc
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from placeholders(item, (*loc, index))
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from placeholders(value, (*loc, key))


def field_info(model: type[BaseModel], loc: Loc) -> FieldInfo | None:
    """Return the description of the field at a location in a model's data, if known."""
    current: Any = model
    info: FieldInfo | None = None
    for part in loc:
        if isinstance(part, int):
            current = list_item(without_none(current))
            continue
        if not is_model(current) or part not in current.model_fields:
            return None
        info = current.model_fields[part]
        current = without_none(info.annotation)
    return info


def placeholder_message(model: type[BaseModel], loc: Loc) -> str:
    """Return what to write in place of a placeholder: the field's own description."""
    info = field_info(model, loc)
    what = f" It holds: {info.description}" if info and info.description else ""
    optional = " It is optional: you may delete it instead." if (
        info is not None and not info.is_required()) else ""
    return f"write this field: it still says {PLACEHOLDER}.{what}{optional}"
