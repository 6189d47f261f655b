"""Starter files: every field of a kind of content file, with a comment saying what goes there.

A field still to write holds the placeholder `TODO`, and `check` names each one.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator import kinds
from generator.content.content_folder import GUIDE_FILE
from generator.content.model_types import choices, is_model, list_item, without_none
from generator.content.placeholders import PLACEHOLDER
from generator.content.translation import as_written
from generator.writer import editor_schema

GUIDE = f"content/{GUIDE_FILE}"
SCHEMA_FOLDER = "generator/writer/schemas"

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
    folders = {kind.folder: kind for kind in kinds.folder_kinds()}
    single = next((kind for kind in kinds.single_files() if kind.file == path.name), None)
    if single is not None and path.parent.name not in folders:
        return single.name
    return folders[path.parent.name].name


ORIGINALS_LEAVE_OUT = "translated_from"
"""The field only a translation has: a starter file is an original."""


def starter(kind_name: str, item_id: str) -> str:
    """Return a starter file for a new file of the kind named `kind_name`, with this id."""
    kind = kinds.named(kind_name)
    lines = list(_block(kind.model, {"id": item_id}, indent=""))
    path = f"content/{kind.folder}/{item_id}.yml"
    return header(kind.name, schema_path_from(path)) + "\n".join(lines) + "\n"


def _block(model: type[BaseModel], filled: dict[str, Any], indent: str) -> Iterator[str]:
    for name, info in model.model_fields.items():
        if name == ORIGINALS_LEAVE_OUT:
            continue
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


_SCHEMA_LINE = re.compile(r"^(# yaml-language-server: \$schema=)(?![a-z]+:|/)", re.MULTILINE)
"""The editor's schema line of a content file, when its path is relative to the file."""


def translation(original: str, version: str) -> str:
    """Return a translation's first text: the original's, comments kept, naming its version.

    `translated_from` goes after the comment lines at the top, and the schema's path climbs
    one folder more, out of the language's folder (`content/es/`).
    """
    lines = original.splitlines(keepends=True)
    top = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    head = _SCHEMA_LINE.sub(r"\1../", "".join(lines[:top]))
    return f"{head}{ORIGINALS_LEAVE_OUT}: {as_written(version)}\n" + "".join(lines[top:])
