"""The writer's guide and the editor schemas: made from the models, committed, up to date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import kinds
from generator.content.load import read_document
from generator.content.validate import to_model
from generator.errors import ErrorCollector
from generator.writer import editor_schema
from generator.writer.guide import EXAMPLES, guide, kind_title
from generator.writer.scaffold import header, kind_of, schema_path_from

from conftest import CONTENT, ROOT

REGENERATE = "run `python -m generator guide` and `python -m generator schema --write`"


def test_the_committed_guide_is_up_to_date() -> None:
    assert (CONTENT / "GUIDE.md").read_text(encoding="utf-8") == guide(), REGENERATE


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda kind: kind.name)
def test_the_committed_schemas_are_up_to_date(kind: kinds.Kind) -> None:
    committed = ROOT / "generator" / "writer" / "schemas" / f"{kind.name}.json"

    assert committed.read_text(encoding="utf-8") == editor_schema.as_json(kind.model), \
        REGENERATE


def test_the_guide_documents_every_field_of_every_kind() -> None:
    text = guide()
    for kind in kinds.KINDS:
        assert f"## {kind_title(kind.name)}: " in text
        for name in kind.model.model_fields:
            assert f"| `{name}` |" in text


@pytest.mark.parametrize("example", sorted(EXAMPLES.rglob("*.yml")), ids=lambda p: p.stem)
def test_every_worked_example_is_valid(example: Path) -> None:
    kind = kind_of(example.relative_to(EXAMPLES).as_posix())
    errors = ErrorCollector()

    document = read_document(example, example.name, errors)

    assert document is not None and to_model(document, kinds.named(kind).model, errors)
    assert errors.errors == []


def test_every_shipped_content_file_points_to_its_schema_and_the_guide() -> None:
    for path in sorted(CONTENT.rglob("*.yml")):
        name = path.relative_to(ROOT).as_posix()
        kind = kind_of(name)
        assert path.read_text(encoding="utf-8").startswith(
            header(kind, schema_path_from(name))), name
        schema = (path.parent / schema_path_from(name)).resolve()
        assert json.loads(schema.read_text(encoding="utf-8"))["$schema"] == \
            editor_schema.DRAFT_7


def test_the_guide_explains_how_to_translate_and_what_must_stay_the_same() -> None:
    translations = guide().partition("## Translations\n")[2].partition("\n## ")[0]

    assert "`languages: [en, es]`" in translations
    assert "generator new condition muscle-twitch --language es" in translations
    assert "`translated_from`" in translations and "stale" in translations
    for kept in ("`next`", "`care`", "`field`", "emergency number"):
        assert kept in translations, kept
    assert "Fernández-Huerta" in translations
