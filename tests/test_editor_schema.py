"""The editor schemas, run by a real JSON Schema validator, agree with `check` where they can."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from generator.cli import main
from generator.scaffold import KINDS

from conftest import CONTENT, ROOT

SCHEMAS = ROOT / "generator" / "schemas"


def schema_for(path: Path) -> dict[str, Any]:
    kind = "site" if path.name == "site.yml" else next(
        k for k, v in KINDS.items() if v.folder == path.parent.name)
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8"))
    return loaded


def as_editor_reads(path: Path) -> Any:
    """Return a file's data as the YAML language server sees it: dates are text (YAML 1.2)."""
    def text_dates(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: text_dates(item) for key, item in value.items()}
        if isinstance(value, list):
            return [text_dates(item) for item in value]
        return value.isoformat() if isinstance(value, datetime.date) else value
    return text_dates(YAML(typ="safe").load(path.read_text(encoding="utf-8")))


def schema_problems(path: Path) -> list[str]:
    validator = jsonschema.Draft7Validator(schema_for(path))
    return [error.message for error in validator.iter_errors(as_editor_reads(path))]


@pytest.mark.parametrize("kind", ["site", *KINDS])
def test_each_schema_is_valid_draft_7(kind: str) -> None:
    schema = json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8"))

    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(schema)


@pytest.mark.parametrize("path", [CONTENT / "site.yml", *(
    p for kind in KINDS.values() for p in sorted((CONTENT / kind.folder).glob("*.yml")))],
    ids=lambda p: p.stem)
def test_the_shipped_files_pass_their_schema(path: Path) -> None:
    assert schema_problems(path) == []


TWITCH = "content/conditions/muscle-twitch.yml"
FLOWCHART = "content/flowcharts/twitch-or-spasm.yml"
BROKEN: dict[str, tuple[str, str, str]] = {
    "one answer": (FLOWCHART, '      - value: "no"\n        text: "No"\n        next: painful\n',
                   ""),
    "no emergency group": (TWITCH, "  - care: emergency\n", "  - care: urgent\n"),
    "a web link in an emergency item": (
        TWITCH, "  - care: emergency\n    items:\n",
        "  - care: emergency\n    items:\n      - See [this page](https://example.org/).\n"),
    "an id that is not a slug": (TWITCH, "id: muscle-twitch\n", "id: Muscle_Twitch\n"),
    "a date that is not a date": (TWITCH, "next_review_due: 2027-11-26",
                                  "next_review_due: next year"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_the_schema_and_check_both_refuse(case: str, scratch: Callable[..., Path]) -> None:
    file, old, new = BROKEN[case]
    project = scratch()
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")

    checked = CliRunner().invoke(main, ["check"])

    assert checked.exit_code == 1, checked.output
    assert schema_problems(path), f"the schema accepts {case}"
