"""JSON Schemas (draft 7) of the content files, for editors that check YAML as you type.

The YAML language server reads draft 7 and older, so pydantic's 2020-12 output is rewritten:
`$defs` become `definitions`, and a `$ref` with a description is wrapped, because draft 7
ignores every keyword beside a `$ref`. Rules that `check` enforces in Python are added where
JSON Schema can say them (generator/writer/editor_rules.py), each with the words an editor
shows; the rest only `check` can see (`editor_rules.ONLY_CHECK`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from generator.content import placeholders
from generator.writer import editor_rules

DRAFT_7 = "http://json-schema.org/draft-07/schema#"
_EMERGENCY = {"required": ["care"], "properties": {"care": {"const": "emergency"}}}
_EMERGENCY_TEXT = {"allOf": [editor_rules.EMERGENCY_TEXT.schema()]}
_EMERGENCY_TEXTS = {"items": _EMERGENCY_TEXT}
# Extra keywords for a property of a definition: rules `check` enforces elsewhere.
PROPERTY_RULES: dict[tuple[str, str], dict[str, Any]] = {
    ("Question", "answers"): {"minItems": 2},
    ("Condition", "when_to_get_help"): {"allOf": [{
        "contains": {"type": "object", **_EMERGENCY},
        "errorMessage": "Add a group with `care: emergency`, so that the page tells readers "
                        "when to call for emergency help.",
    }]},
    ("Condition", "warning_signs"): {"allOf": [_EMERGENCY_TEXTS]},
}
DEFINITION_RULES: dict[str, dict[str, Any]] = {
    # In an emergency group or outcome, links may only call a phone number.
    "CareAdvice": {"if": _EMERGENCY,
                   "then": {"properties": {"items": _EMERGENCY_TEXTS, "note": _EMERGENCY_TEXT}}},
    "Outcome": {"if": _EMERGENCY, "then": {"properties": {
        "advice": _EMERGENCY_TEXTS, "note": _EMERGENCY_TEXT, "conditions": {"maxItems": 0}}}},
}


class _EditorSchema(GenerateJsonSchema):
    """Pydantic's schema, with each value's rules from the validators `check` runs on it."""

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        """Return a text's schema: no starter `TODO`, and words for the model's own pattern."""
        node = super().str_schema(schema)
        rules = [editor_rules.placeholder(placeholders.PLACEHOLDER)]
        if "pattern" in node:
            # Beside `type`, an `errorMessage` would stand for a wrong type too: give the
            # pattern a node of its own.
            pattern = node.pop("pattern")
            rules.append(editor_rules.Rule(pattern, _pattern_message(pattern)))
        return _with_rules(node, rules)

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        """Return a date's schema as editors read a date: text like 2026-11-26."""
        # YAML 1.2 editors read a date as text. The pattern says all `format` would, in words.
        return _with_rules({"type": "string"}, [
            editor_rules.placeholder(placeholders.PLACEHOLDER), editor_rules.DATE])

    def function_after_schema(
            self, schema: core_schema.AfterValidatorFunctionSchema) -> JsonSchemaValue:
        """Return a value's schema with the rules of the validator `check` runs after it."""
        name = getattr(schema["function"]["function"], "__name__", "")
        return _with_rules(super().function_after_schema(schema),
                           list(editor_rules.BY_VALIDATOR.get(name, ())))

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        """Return an optional text as one node, so that editors show its rules' own words."""
        # Under `anyOf`, the YAML language server reports "Incorrect type" for a text that
        # breaks a rule, instead of the rule's message.
        node = super().nullable_schema(schema)
        branches = node.get("anyOf", [])
        if len(branches) == 2 and branches[1] == {"type": "null"} and \
                branches[0].get("type") == "string":
            return {**branches[0], "type": ["string", "null"]}
        return node


def _pattern_message(pattern: str) -> str:
    message = editor_rules.PATTERN_MESSAGES.get(pattern)
    if message is None:
        raise ValueError(f"no words for the pattern {pattern!r}: add them to "
                         "editor_rules.PATTERN_MESSAGES, so that no writer sees the pattern")
    return message


def _with_rules(node: JsonSchemaValue, rules: list[editor_rules.Rule]) -> JsonSchemaValue:
    if not rules:
        return node
    return {**node, "allOf": [*node.get("allOf", []), *(rule.schema() for rule in rules)]}


def schema(model: type[BaseModel]) -> dict[str, Any]:
    """Return the draft-07 JSON Schema of a content model."""
    root = model.model_json_schema(ref_template="#/definitions/{model}",
                                   schema_generator=_EditorSchema)
    definitions = root.pop("$defs", {})
    for name, definition in [(model.__name__, root), *definitions.items()]:
        _add_rules(name, definition)
    result: dict[str, Any] = _draft_7(
        {"$schema": DRAFT_7, **root, **({"definitions": definitions} if definitions else {})})
    return result


def as_json(model: type[BaseModel]) -> str:
    """Return the schema as the text of a committed file."""
    return json.dumps(schema(model), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_all(folder: Path, kinds: dict[str, type[BaseModel]]) -> list[Path]:
    """Write each kind's schema into a folder, returning the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, model in kinds.items():
        path = folder / f"{kind}.json"
        path.write_text(as_json(model), encoding="utf-8")
        written.append(path)
    return written


def _add_rules(name: str, definition: dict[str, Any]) -> None:
    definition.update(DEFINITION_RULES.get(name, {}))
    for prop, rules in PROPERTY_RULES.items():
        if prop[0] == name:
            node = definition["properties"][prop[1]]
            node.update({key: value for key, value in rules.items() if key != "allOf"})
            if "allOf" in rules:
                node["allOf"] = [*node.get("allOf", []), *rules["allOf"]]


def _draft_7(node: Any) -> Any:
    """Return a schema node with keywords draft 7 would ignore rewritten."""
    if isinstance(node, list):
        return [_draft_7(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _draft_7(value) for key, value in node.items()}
    if "description" in node and isinstance(node["description"], str):
        # Editors show `markdownDescription` on hover with its `code` and *emphasis*.
        node["markdownDescription"] = node["description"]
    if "$ref" in node and len(node) > 1:
        ref = node.pop("$ref")
        node["allOf"] = [{"$ref": ref}, *node.get("allOf", [])]
    return node
