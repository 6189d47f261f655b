"""JSON Schemas (draft 7) of the content files, for editors that check YAML as you type.

The YAML language server reads draft 7 and older, so pydantic's 2020-12 output is rewritten:
`$defs` become `definitions`, and a `$ref` with a description is wrapped, because draft 7
ignores every keyword beside a `$ref`. Rules that `check` enforces in Python are added where
JSON Schema can say them; the rest (ids that name other files, the flowchart's paths, the
reading level) only `check` can see.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import routes

DRAFT_7 = "http://json-schema.org/draft-07/schema#"
# A Markdown link or autolink to anything but a phone number.
_NOT_A_PHONE_LINK = r"\]\(\s*<?(?!tel:)|<(?!tel:)[A-Za-z][A-Za-z0-9+.-]*:"
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# Extra keywords for a property of a definition: rules `check` enforces elsewhere.
_OWN_ADDRESS = {"not": {"enum": list(routes.RESERVED_IDS)}}
PROPERTY_RULES: dict[tuple[str, str], dict[str, Any]] = {
    ("Question", "answers"): {"minItems": 2},
    **{(kind, "id"): _OWN_ADDRESS for kind in ("Condition", "Comparison", "Flowchart", "Page")},
    ("Condition", "when_to_get_help"): {
        "contains": {"type": "object", "required": ["care"],
                     "properties": {"care": {"const": "emergency"}}},
    },
}
DEFINITION_RULES: dict[str, dict[str, Any]] = {
    # In an emergency group, links may only call a phone number.
    "CareAdvice": {
        "if": {"required": ["care"], "properties": {"care": {"const": "emergency"}}},
        "then": {"properties": {"items": {"items": {"not": {"pattern": _NOT_A_PHONE_LINK}}}}},
    },
}


def schema(model: type[BaseModel]) -> dict[str, Any]:
    """Return the draft-07 JSON Schema of a content model."""
    root = model.model_json_schema(ref_template="#/definitions/{model}")
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
            definition["properties"][prop[1]].update(rules)


def _draft_7(node: Any) -> Any:
    """Return a schema node with keywords draft 7 would ignore rewritten."""
    if isinstance(node, list):
        return [_draft_7(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _draft_7(value) for key, value in node.items()}
    if node.get("format") == "date":
        # Many validators skip `format`; the pattern says the same to all of them.
        node["pattern"] = _DATE
    if "$ref" in node and len(node) > 1:
        ref = node.pop("$ref")
        node["allOf"] = [{"$ref": ref}]
    return node
