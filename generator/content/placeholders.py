"""The placeholder a starter file leaves in each field to write, and what `check` says of it.

Apart from the starter files (generator/writer/scaffold.py), so that the checks can name a
placeholder without reading the kinds of content that the starters are made for.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.content.model_types import is_model, list_item, without_none
from generator.errors import Loc

PLACEHOLDER = "TODO"


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
