"""Stage 3: turn documents into models, and check what spans several files."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from generator.content import emergency, flowchart, invisible_characters, placeholders
from generator.content.load import Document
from generator.content.models import (
    Comparison,
    Condition,
    Flowchart,
    Page,
    PageId,
    PlainWords,
    Site,
)
from generator.errors import ErrorCollector, field_path
from generator.safety import markdown_subset
from generator.site import anchors, routes

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Sourced(Generic[M]):
    """A model together with the document it was read from."""

    model: M
    document: Document


def to_model(document: Document, model: type[M], errors: ErrorCollector) -> Sourced[M] | None:
    """Validate a document against a model, recording every problem with its position."""
    # A starter file's `TODO` is reported once, as a field to write, not also as a wrong value.
    unwritten = set(placeholders.placeholders(document.data))
    for loc in unwritten:
        line, column = document.position(loc)
        errors.add(document.name, line, column, loc, placeholders.placeholder_message(model, loc),
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
    if kind == "string_too_long":
        return f"this is too long: use at most {ctx['max_length']} characters."
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
    if field == "word":
        return "this should be a word or a few words in small letters, like involuntary."
    if field == "languages":
        return "this should be a language's two small letters, like es."
    if field == "translated_from":
        return ("this should be the version `check` names for the original: 12 digits and "
                "letters from a to f, like 3f9a0c51d2e8.")
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
                       f"file name is the id. {_id_fix(stem, item.model.id)}.")
            continue
        first = seen.setdefault(item.model.id, item.document)
        if first is not item.document:
            line, column = item.document.position(["id"])
            errors.add(item.document.name, line, column, "id",
                       f"another {kind} already uses the id `{item.model.id}` ({first.name}). "
                       "Give each one its own id.")


def _id_fix(stem: str, given: str) -> str:
    """Return how to make a file's name and its id agree."""
    # A file named after a page of the site (index.yml) can only be renamed.
    if stem in routes.RESERVED_IDS:
        return f"Rename the file to `{given}.yml`"
    if _is_id(stem):
        return f"Change the id to `{stem}`, or rename the file to `{given}.yml`"
    # `Muscle Twitch.yml` cannot be an id: the name the id rule makes of it is offered.
    made = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", stem).encode(
        "ascii", "ignore").decode().casefold()).strip("-")
    rule = "ids are small letters, digits and hyphens"
    if made in ("", given) or not _is_id(made):
        return f"File names follow the id rule ({rule}): rename the file to `{given}.yml`"
    return (f"File names follow the id rule ({rule}): rename the file to `{made}.yml` and "
            f"change the id to `{made}`, or rename the file to `{given}.yml`")


def _is_id(name: str) -> bool:
    try:
        _ID.validate_python(name)
    except ValidationError:
        return False
    return True


_ID: TypeAdapter[str] = TypeAdapter(PageId)


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


def check_emergency_links(item: Sourced[Condition], errors: ErrorCollector,
                          numbers: emergency.CallableNumbers | None = None) -> None:
    """Record links in emergency callouts: each may only call a number meant for emergencies.

    `numbers` is None when site.yml has mistakes: then only what links show is checked.
    """
    for loc, text in emergency.condition_texts(item.model):
        messages = [f"this links to `{target}`. In an emergency callout, links may only call a "
                    "phone number (tel:). Remove the link."
                    for target in markdown_subset.links_away_from_calling(text)]
        messages += emergency.phone_link_problems(text, numbers)
        _add_all(item, loc, messages, errors)


def check_flowchart_phone_links(item: Sourced[Flowchart], errors: ErrorCollector,
                                numbers: emergency.CallableNumbers | None = None) -> None:
    """Record phone links in a flowchart's emergency texts that call or show another number."""
    for loc, text in emergency.flowchart_texts(item.model):
        _add_all(item, loc, emergency.phone_link_problems(text, numbers), errors)


def check_emergency_number(item: Sourced[Site], errors: ErrorCollector) -> bool:
    """Record an emergency number that the locale's country does not answer; return if fine."""
    problem = emergency.number_problem(item.model)
    if problem is not None:
        _add_all(item, problem[0], [problem[1]], errors)
    return problem is None


def _add_all(item: Sourced[Any], loc: emergency.Loc, messages: list[str],
             errors: ErrorCollector) -> None:
    line, column = item.document.position(loc)
    for message in messages:
        errors.add(item.document.name, line, column, loc, message, item.document.data)


def check_repeats(document: Document, listed: list[tuple[list[str | int], str]], item: str,
                  advice: str, errors: ErrorCollector) -> None:
    """Record every value of a list (each with its place) that is listed again, where it is."""
    first: dict[str, int] = {}
    for index, (loc, value) in enumerate(listed):
        seen = first.setdefault(value, index)
        if seen != index:
            line, column = document.position(loc)
            errors.add(document.name, line, column, loc,
                       f"`{value}` is listed twice: it is also {item} {seen + 1}. {advice}",
                       document.data)


def check_comparison(item: Sourced[Comparison], known: set[str], errors: ErrorCollector) -> None:
    """Record conditions a comparison names that do not exist, and anything it names twice."""
    comparison, document = item.model, item.document
    check_references(document, "conditions", comparison.conditions, known, errors)
    check_repeats(document, [(["conditions", i], c) for i, c in enumerate(comparison.conditions)],
                  "condition", "A comparison sets different conditions side by side: list each "
                  "one once.", errors)
    check_repeats(document, [(["rows", i, "field"], row.field)
                             for i, row in enumerate(comparison.rows)],
                  "the field of row", "Each row of the table shows another field: remove this "
                  "row, or change its `field`.", errors)


def check_plain_words(item: Sourced[PlainWords], errors: ErrorCollector) -> None:
    """Record each hard word listed again."""
    check_repeats(item.document, [(["words", i, "word"], entry.word)
                                  for i, entry in enumerate(item.model.words)],
                  "word", "List each word once, with one plain way to say it.", errors)


def check_flowchart(item: Sourced[Flowchart], condition_ids: set[str],
                    errors: ErrorCollector) -> None:
    """Record every problem with a flowchart's graph, at the node or answer involved."""
    for problem in flowchart.problems(item.model, condition_ids):
        line, column = item.document.position(problem.loc)
        errors.add(item.document.name, line, column, problem.loc, problem.message,
                   item.document.data)
    for index, result in enumerate(item.model.outcomes):
        check_repeats(item.document, [(["outcomes", index, "conditions", i], c)
                                      for i, c in enumerate(result.conditions)],
                      "condition", "The outcome links to each condition once: remove this one.",
                      errors)


def check_faq_questions(item: Sourced[Condition], errors: ErrorCollector) -> None:
    """Record each FAQ question asked again, or whose heading's anchor an earlier one has."""
    questions = [entry.question for entry in item.model.faq]
    _check_repeated_headings(item.document, "faq", "question", questions,
                             anchors.faq_question, errors)


def check_section_headings(item: Sourced[Page], errors: ErrorCollector) -> None:
    """Record each section heading of a plain page used again, or whose anchor one has."""
    headings = [section.heading for section in item.model.sections]
    _check_repeated_headings(item.document, "sections", "heading", headings,
                             anchors.section_heading, errors)


def same_words(text: str) -> str:
    """Return text as a reader compares it: in one case, without marks, one space apart.

    "Does it hurt?" and "does it *hurt* ?" give the same: a reader sees one question twice.
    """
    letters = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(char for char in letters
                   if not unicodedata.category(char).startswith(("P", "S")))
    return " ".join(kept.split())


_AGAIN = {"question": "asked", "heading": "used"}


def _check_repeated_headings(document: Document, field: str, key: str, texts: list[str],
                             anchor_of: Callable[[str], str], errors: ErrorCollector) -> None:
    places: list[anchors.Loc] = [(field, index, key) for index in range(len(texts))]
    # Texts with no letter or digit ("???") are told apart by their anchors alone.
    asked = anchors.repeats((place, words) for place, words
                            in zip(places, map(same_words, texts), strict=True) if words)
    again = {repeat.second for repeat in asked}
    alike = [repeat for repeat
             in anchors.repeats(zip(places, map(anchor_of, texts), strict=True))
             if repeat.second not in again]
    for repeat in asked:
        first_line, first = _first(document, repeat, texts)
        _add_repeat(document, repeat, errors,
                    f"this {key} is already {_AGAIN[key]} on line {first_line} ({first}). "
                    f"Remove one of them, or change its words.")
    for repeat in alike:
        first_line, first = _first(document, repeat, texts)
        _add_repeat(document, repeat, errors,
                    f"this {key} differs from the one on line {first_line} ({first}) only in "
                    f"letters or marks that links leave out, so both would get the same link "
                    f"on the page (`#{repeat.anchor}`). Change the words of one of them.")


def _first(document: Document, repeat: anchors.Repeat, texts: list[str]) -> tuple[int, str]:
    """Return the line of a repeat's first item, and that item in words and quotes."""
    line, _ = document.position(repeat.first)
    name = field_path(repeat.first[:2], document.data)
    return line, f"{name}: “{texts[int(repeat.first[1])]}”"


def _add_repeat(document: Document, repeat: anchors.Repeat, errors: ErrorCollector,
                message: str) -> None:
    line, column = document.position(repeat.second)
    errors.add(document.name, line, column, repeat.second, message, document.data)
