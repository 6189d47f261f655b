"""Read the type of a model's field: what the starter files, the guide and messages describe."""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, Union

from pydantic import BaseModel


def choices(annotation: Any) -> list[str]:
    """Return the values a field allows when it is a fixed list (Literal), else []."""
    if typing.get_origin(annotation) is Literal:
        return [str(a) for a in typing.get_args(annotation)]
    args = typing.get_args(annotation)
    return choices(args[0]) if typing.get_origin(annotation) is typing.Annotated else []


def without_none(annotation: Any) -> Any:
    """Return `X` for an optional field (`X | None`), else the type as it is."""
    if typing.get_origin(annotation) in (Union, types.UnionType):
        rest = [a for a in typing.get_args(annotation) if a is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def list_item(annotation: Any) -> Any:
    """Return the type of a list's items, or None when the field is not a list."""
    if typing.get_origin(annotation) is list:
        return typing.get_args(annotation)[0]
    return None


def is_model(annotation: Any) -> bool:
    """Tell whether a field holds a block of fields of its own (a model)."""
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
