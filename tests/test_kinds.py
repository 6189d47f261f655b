"""A new kind of content is one row in generator/kinds.py, a model, a template and an example.

The kind here ("note") exists only in these tests: registering it is all it takes for `new`,
`check`, the guide, the schema, the pages and the menu to take notes.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from jinja2 import ChoiceLoader, DictLoader
from pydantic import Field

from generator import kinds
from generator.cli import main
from generator.content.models import Line, Model, PageId, Review, Text
from generator.content.project import load_project
from generator.kinds import Kind
from generator.site import render
from generator.site.navigation import site_nav
from generator.site.render import render_pages
from generator.wording import LOCALES, Wording, catalog_path, for_locale
from generator.writer.guide import guide

from conftest import one_language


class Note(Model):
    """A short note, in `content/notes/<id>.yml`."""

    id: PageId = Field(description="Short name used in the page address.")
    title: Line = Field(description="Title of the note.")
    summary: Text = Field(description="What the note says.")
    review: Review = Field(description="Review dates.")


NOTE_FILE = """\
    id: {id}
    title: Cramps at night
    summary: They are common, and *usually* harmless.
    review:
      last_reviewed: 2026-01-05
      next_review_due: 2027-01-05
    """
NOTE_TEMPLATE = "# {{ title }}\n\n{{ note.summary }}\n\n{% include '_review.md.j2' %}\n"


@pytest.fixture
def note_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Kind:
    """Register the note kind, with its example and its template (as files in the package)."""
    example = tmp_path / "examples" / "notes" / "night-cramps.yml"
    example.parent.mkdir(parents=True)
    example.write_text(textwrap.dedent(NOTE_FILE.format(id="night-cramps")), encoding="utf-8")
    note = Kind("note", Note, example, word="a note", folder="notes",
                route="notes/{}.md".format, template="note.md.j2", menu="menu.notes")
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, note))
    templates = render.environment(for_locale("en-US"))
    with_note = templates.overlay(loader=ChoiceLoader(
        [DictLoader({"note.md.j2": NOTE_TEMPLATE}), templates.loader]))  # type: ignore[list-item]
    monkeypatch.setattr(render, "environment", lambda words: with_note)
    return note


@pytest.fixture
def note_words(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Wording]:
    """Return the words of a locale, from catalogs whose English names the notes' menu section."""
    folder = tmp_path_factory.mktemp("catalogs") / "locales"
    shutil.copytree(LOCALES, folder)
    with catalog_path("en", folder).open("a", encoding="utf-8") as catalog:
        catalog.write('\nmsgid "menu.notes"\nmsgstr "Notes"\n')
    return lambda locale: for_locale(locale, folder)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_new_starts_a_note_and_check_names_what_to_write(
        note_kind: Kind, scratch: Callable[..., Path]) -> None:
    project = scratch()

    made = run("new", "note", "night-cramps")
    checked = run("check")

    starter = (project / "content/notes/night-cramps.yml").read_text(encoding="utf-8")
    assert made.exit_code == 0, made.output
    assert starter.startswith("# yaml-language-server: $schema=../../generator/writer/schemas/"
                              "note.json\n# How to write this note file: see content/GUIDE.md")
    assert "# Title of the note.\ntitle: TODO\n" in starter
    assert checked.exit_code == 1
    assert ("content/notes/night-cramps.yml:6:8: title: write this field: it still says TODO. "
            "It holds: Title of the note.") in checked.output.splitlines()


def test_a_written_note_is_checked_counted_and_made_a_page_in_the_menu(
        note_kind: Kind, note_words: Callable[[str], Wording],
        scratch: Callable[..., Path]) -> None:
    project = one_language(scratch({"content/notes/night-cramps.yml":
                                    NOTE_FILE.format(id="night-cramps")}))

    checked = run("check")
    loaded = load_project(project / "content")
    words = note_words(loaded.site.locale)
    bodies, front_matter = render_pages(loaded, large=False, words=words)

    assert checked.exit_code == 0, checked.output
    assert ("Content is fine: 2 conditions, 1 comparison, 1 flowchart, 3 pages, 1 note, with "
            "1 warning.") in checked.output.splitlines()
    assert [note.title for note in loaded.of(note_kind)] == ["Cramps at night"]
    assert bodies["notes/night-cramps.md"].startswith(
        "# Cramps at night\n\nThey are common, and *usually* harmless.\n")
    assert front_matter["notes/night-cramps.md"]["title"] == "Cramps at night"
    menu = site_nav(loaded, large=False, words=words)
    assert {"Notes": [{"Cramps at night": "notes/night-cramps.md"}]} in menu


def test_a_note_with_mistakes_is_refused_like_any_other_file(
        note_kind: Kind, scratch: Callable[..., Path]) -> None:
    scratch({"content/notes/night-cramps.yml": NOTE_FILE.format(id="other-name"),
             "content/notes/notes.txt": "a stray file"})

    checked = run("check")

    assert checked.exit_code == 1
    assert "content/notes/night-cramps.yml:1:5: id: " in checked.output
    assert ("content/notes/notes.txt:1:1: this is not a content file: only `.yml` files "
            "belong in notes/.") in checked.output


def test_the_guide_and_the_schema_describe_a_note(note_kind: Kind) -> None:
    text = guide()
    schema = run("schema", "note")

    assert "## Note: `content/notes/<id>.yml`\n\nA short note, in `content/notes/<id>.yml`." \
        in text
    assert "| `title` | yes | one line of plain text | Title of the note. |" in text
    assert "Kinds: `condition`, `comparison`, `flowchart`, `page`, `note`." in text
    assert "title: Cramps at night" in text
    assert schema.exit_code == 0, schema.output
    assert '"title": "Note"' in schema.output
