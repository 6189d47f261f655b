"""Stage 3: turn documents into models, and check what spans several files."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator import flowchart, invisible_characters, markdown_subset, scaffold
from generator.errors import ErrorCollector
from generator.load import Document
from generator.models import Condition, Flowchart

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Sourced(Generic[M]):
    """A model together with the document it was read from."""

    model: M
    document: Document


def to_model(document: Document, model: type[M], errors: ErrorCollector) -> Sourced[M] | None:
    """Validate a document against a model, recording every problem with its position."""
    # A starter file's `TODO` is reported once, as a field to write, not also as a wrong value.
    unwritten = set(scaffold.placeholders(document.data))
    for loc in unwritten:
        line, column = document.position(loc)
        errors.add(document.name, line, column, loc, scaffold.placeholder_message(model, loc),
                   document.data)
    try:
        return Sourced(model.model_validate(document.data), document)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            if tuple(_data_loc(document.data, detail["loc"])) not in unwritten:
                _add_schema_error(document, model, detail, errors)
        return None


def _add_schema_error(
    document: Document, model: type[BaseModel], detail: ErrorDetails, errors: ErrorCollector
) -> None:
    loc = _data_loc(document.data, detail["loc"])
    kind = detail["type"]
    if kind == "missing":
        line, column = _parent_position(document, loc)
    else:
        line, column = document.position(loc, at_key=kind == "extra_forbidden")
    errors.add(document.name, line, column, loc, _plain_message(model, loc, detail),
               document.data)


def _parent_position(document: Document, loc: list[str | int]) -> tuple[int, int]:
    """Return where a missing field's parent starts: the block the field belongs in."""
    if len(loc) > 1:
        return document.position(loc[:-1], at_key=isinstance(loc[-2], str))
    first = next(iter(document.data), None) if isinstance(document.data, dict) else None
    return document.position([first], at_key=True) if first is not None else (1, 1)


def _data_loc(data: Any, loc: tuple[str | int, ...]) -> list[str | int]:
    """Return pydantic's error location without the tags it adds for wrapped types.

    A part is kept when it names a key or index of the data at that point, or when it is
    the last part (a missing or unknown field).
    """
    kept: list[str | int] = []
    node = data
    for index, part in enumerate(loc):
        if _has(node, part):
            node = node[part]
        elif index < len(loc) - 1 or _is_validator_tag(part):
            continue
        kept.append(part)
    return kept


def _has(node: Any, part: str | int) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _is_validator_tag(part: str | int) -> bool:
    # pydantic adds tags such as "function-after[_markdown()]" to loc for wrapped types.
    return isinstance(part, str) and part.endswith("]") and "[" in part


def _plain_message(model: type[BaseModel], loc: list[str | int], detail: ErrorDetails) -> str:
    kind = detail["type"]
    ctx = detail.get("ctx", {})
    if kind == "missing":
        return "this field is required. Add it."
    if kind == "extra_forbidden":
        hint = _did_you_mean(model, loc)
        return "this field is not part of the format. Remove it" + (
            f", or did you mean `{hint}`?" if hint else " or check its spelling."
        )
    if kind == "too_short" and int(ctx.get("min_length", 1)) > 1:
        return f"this needs at least {ctx['min_length']} items."
    if kind in ("string_too_short", "too_short"):
        return "this must not be empty."
    if kind == "string_unicode":  # a lone surrogate, such as "\ud800" in double quotes
        text = detail["input"]
        found = invisible_characters.problem(text) if isinstance(text, str) else None
        return found or "this text is not whole Unicode characters. Type it again."
    if kind == "string_type":
        return f"this should be text, not {_describe(detail['input'])}."
    if kind == "bool_type":
        return f"this should be `true` or `false`, not {_describe(detail['input'])}."
    if kind in ("list_type", "tuple_type"):
        found = _describe(detail["input"])
        return f"this should be a list (lines starting with `- `), not {found}."
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"this should be a block of `key: value` lines, not {_describe(detail['input'])}."
    if kind.startswith("date"):
        return "this should be a date written like 2026-11-26, without quotes."
    if kind == "literal_error":
        return f"this should be one of {ctx.get('expected', '')}."
    if kind == "string_pattern_mismatch":
        return _pattern_message(loc)
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    return str(detail["msg"]) + "."


def _pattern_message(loc: list[str | int]) -> str:
    field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if field == "locale":
        return "this should be a language and country like en-US."
    if field == "number":
        return "this should be a phone number made of 2 to 6 digits, like 911."
    return "this should use only lowercase letters, digits and single hyphens, like muscle-twitch."


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of fields"
    if value is None:
        return "nothing"
    return "text" if isinstance(value, str) else type(value).__name__


def _did_you_mean(model: type[BaseModel], loc: list[str | int]) -> str | None:
    """Suggest the known field closest to a misspelt key."""
    if not loc:
        return None
    current: type[BaseModel] | None = model
    for part in loc[:-1]:
        if current is None:
            return None
        if isinstance(part, str):
            field = current.model_fields.get(part)
            current = _inner_model(field.annotation) if field else None
    names = list(current.model_fields) if current else []
    matches = difflib.get_close_matches(str(loc[-1]), names, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found:
            return found
    return None


def check_unique_ids(items: Iterable[Sourced[Any]], kind: str, errors: ErrorCollector) -> None:
    """Record every id used by more than one file, or that differs from its file's name."""
    seen: dict[str, Document] = {}
    for item in items:
        stem = PurePosixPath(item.document.name).stem
        if item.model.id != stem:
            line, column = item.document.position(["id"])
            errors.add(item.document.name, line, column, "id",
                       f"the id `{item.model.id}` differs from the file name `{stem}`: the "
                       f"file name is the id. Change the id to `{stem}`, or rename the file "
                       f"to `{item.model.id}.yml`.")
            continue
        first = seen.setdefault(item.model.id, item.document)
        if first is not item.document:
            line, column = item.document.position(["id"])
            errors.add(item.document.name, line, column, "id",
                       f"another {kind} already uses the id `{item.model.id}` ({first.name}). "
                       "Give each one its own id.")


def check_references(
    document: Document, field: str, ids: list[str], known: set[str], errors: ErrorCollector
) -> None:
    """Record every id in a list that names no known condition."""
    for index, ref in enumerate(ids):
        if ref not in known:
            line, column = document.position([field, index])
            hint = difflib.get_close_matches(ref, sorted(known), n=1)
            errors.add(document.name, line, column, [field, index],
                       f"there is no condition with the id `{ref}`."
                       + (f" Did you mean `{hint[0]}`?" if hint else ""), document.data)


def check_emergency_links(item: Sourced[Condition], errors: ErrorCollector) -> None:
    """Record links in emergency callouts: nothing may lead a reader away from calling."""
    condition = item.model
    texts: list[tuple[list[str | int], str]] = [
        (["warning_signs", index], text) for index, text in enumerate(condition.warning_signs)]
    for group_index, group in enumerate(condition.when_to_get_help):
        if group.care != "emergency":
            continue
        where: list[str | int] = ["when_to_get_help", group_index]
        texts += [([*where, "items", index], text) for index, text in enumerate(group.items)]
        if group.note is not None:
            texts.append(([*where, "note"], group.note))
    for loc, text in texts:
        for target in markdown_subset.links_away_from_calling(text):
            line, column = item.document.position(loc)
            errors.add(item.document.name, line, column, loc,
                       f"this links to `{target}`. In an emergency callout, links may "
                       "only call a phone number (tel:). Remove the link.", item.document.data)


def check_flowchart(item: Sourced[Flowchart], condition_ids: set[str],
                    errors: ErrorCollector) -> None:
    """Record every problem with a flowchart's graph, at the node or answer involved."""
    for problem in flowchart.problems(item.model, condition_ids):
        line, column = item.document.position(problem.loc)
        errors.add(item.document.name, line, column, problem.loc, problem.message,
                   item.document.data)
