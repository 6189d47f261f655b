"""A translation says things in its own words, but leads readers where its original does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content.load import read_document
from generator.content.project import load_project
from generator.content.translation import version_of
from generator.errors import ContentErrors, ErrorCollector
from generator.writer.scaffold import translation

from conftest import SPANISH_SITE, bilingual

REVIEW = """\
review:
  last_reviewed: 2026-11-26
  next_review_due: 2027-11-26
"""
FLOWCHART = """\
id: hurts-check
title: Does it hurt?
summary: A short check.
start: hurts
questions:
  - id: hurts
    text: Does it hurt?
    answers:
      - value: hurts
        text: It hurts
        next: see-a-doctor
      - value: no-pain
        text: It does not hurt
        next: rest
outcomes:
  - id: see-a-doctor
    title: See a doctor
    care: urgent
    advice:
      - See a doctor today.
  - id: rest
    title: Rest
    care: self-care
    advice:
      - Rest the muscle.
""" + REVIEW
"""A small flowchart of the site's own language, to translate."""
CONDITION = """\
id: test-cramp
name: Test cramp
summary: A muscle tightens.
what_it_is: A muscle that tightens.
symptoms:
  what_you_notice:
    - The muscle feels hard.
  painful: Yes.
  how_long: A few minutes.
causes:
  common:
    - Using the muscle a lot.
treatment:
  - Stretch the muscle.
prevention:
  - Stretch before bed.
when_to_get_help:
  - care: emergency
    items:
      - You cannot breathe.
  - care: non-urgent
    items:
      - It keeps coming back.
sources:
  - title: A source
""" + REVIEW
COMPARISON = """\
id: twitch-or-spasm-test
title: Twitch or spasm?
summary: How they differ.
conditions: [muscle-twitch, muscle-spasm]
rows:
  - label: Painful?
    field: symptoms.painful
  - label: How long?
    field: symptoms.how_long
""" + REVIEW


def _spanish(scratch: Callable[..., Path], original: str, name: str,
             changes: dict[str, str]) -> None:
    """Write an original of the site's own language, and its Spanish translation with these
    words changed, faithful otherwise."""
    project = bilingual(scratch(), "conditions/muscle-twitch.yml",
                        "conditions/muscle-spasm.yml")
    scratch({f"content/{name}": original})
    document = read_document(project / "content" / name, name, ErrorCollector())
    assert document is not None
    text = translation(original, version_of(document))
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new)
    scratch({f"content/es/{name}": text})


def _errors(content: Path = Path("content")) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load_project(content)
    return [str(error) for error in raised.value.errors]


def test_a_faithful_translation_loads(scratch: Callable[..., Path]) -> None:
    _spanish(scratch, FLOWCHART, "flowcharts/hurts-check.yml",
             {"text: It hurts\n": "text: Duele\n", "title: Rest\n": "title: Descanse\n"})

    spanish = load_project(Path("content")).translations[0]

    assert [o.title for o in spanish.flowcharts[0].outcomes] == ["See a doctor", "Descanse"]


def test_an_answer_that_leads_elsewhere_is_named_with_the_originals_line(
        scratch: Callable[..., Path]) -> None:
    _spanish(scratch, FLOWCHART, "flowcharts/hurts-check.yml",
             {"next: see-a-doctor": "next: rest", "next: rest\noutcomes":
              "next: see-a-doctor\noutcomes"})

    assert _errors() == [
        "content/es/flowcharts/hurts-check.yml:12:15: question 1 (`hurts`), answer 1 "
        "(`hurts`), next: this answer leads to `rest`, but in the original "
        "(content/flowcharts/hurts-check.yml:11:15) it leads to `see-a-doctor`. A "
        "translation's answers lead where the original's do: write `next: see-a-doctor`.",
        "content/es/flowcharts/hurts-check.yml:15:15: question 1 (`hurts`), answer 2 "
        "(`no-pain`), next: this answer leads to `see-a-doctor`, but in the original "
        "(content/flowcharts/hurts-check.yml:14:15) it leads to `rest`. A translation's "
        "answers lead where the original's do: write `next: rest`."]


def test_an_outcome_with_another_care_level_is_named_with_the_originals_line(
        scratch: Callable[..., Path]) -> None:
    _spanish(scratch, FLOWCHART, "flowcharts/hurts-check.yml",
             {"care: urgent": "care: non-urgent"})

    assert _errors() == [
        "content/es/flowcharts/hurts-check.yml:19:11: outcome 1 (`see-a-doctor`), care: this "
        "outcome's care level is `non-urgent`, but in the original "
        "(content/flowcharts/hurts-check.yml:18:11) it is `urgent`. Readers in every "
        "language get the same care: write `care: urgent`."]


def test_a_question_or_answer_only_one_flowchart_has_is_named(
        scratch: Callable[..., Path]) -> None:
    _spanish(scratch, FLOWCHART, "flowcharts/hurts-check.yml",
             {"value: no-pain": "value: sin-dolor", "id: rest\n": "id: descanso\n",
              "next: rest": "next: descanso"})

    assert _errors() == [
        "content/es/flowcharts/hurts-check.yml:9:5: question 1 (`hurts`), answers: the "
        "original's question has the answer `no-pain` "
        "(content/flowcharts/hurts-check.yml:12:16), and this translation does not. "
        "Translate it here, with `value: no-pain`.",
        "content/es/flowcharts/hurts-check.yml:13:16: question 1 (`hurts`), answer 2 "
        "(`sin-dolor`), value: the original's question `hurts` "
        "(content/flowcharts/hurts-check.yml:8:5) has no answer `sin-dolor`. A translation "
        "has the same answers as its original: give this one the value of the answer it "
        "translates.",
        "content/es/flowcharts/hurts-check.yml:16:1: outcomes: the original has the outcome "
        "`rest` (content/flowcharts/hurts-check.yml:21:9), and this translation does not. "
        "Translate it here, with `id: rest`.",
        "content/es/flowcharts/hurts-check.yml:22:9: outcome 2 (`descanso`), id: the original "
        "(content/flowcharts/hurts-check.yml:15:1) has no outcome `descanso`. A translation "
        "has the same outcomes as its original, with the same ids: give this one the id of "
        "the outcome it translates, or remove it."]


def test_a_flowchart_that_starts_elsewhere_is_named(scratch: Callable[..., Path]) -> None:
    two_questions = FLOWCHART.replace("start: hurts", "start: first").replace(
        "questions:\n", "questions:\n  - id: first\n    text: Go on?\n    answers:\n"
        "      - value: go-on\n        text: Go on\n        next: hurts\n"
        "      - value: stop\n        text: Stop\n        next: rest\n")
    _spanish(scratch, two_questions, "flowcharts/hurts-check.yml",
             {"start: first": "start: hurts"})

    assert "content/es/flowcharts/hurts-check.yml:5:8: start: this translation starts at " \
        "`hurts`, but its original starts at `first` (content/flowcharts/hurts-check.yml:4:8)" \
        ". A translation asks the same questions as its original: write `start: first`." \
        in _errors()


def test_when_to_get_help_keeps_the_originals_care_levels_in_order(
        scratch: Callable[..., Path]) -> None:
    _spanish(scratch, CONDITION, "conditions/test-cramp.yml",
             {"care: non-urgent": "care: urgent"})

    assert _errors() == [
        "content/es/conditions/test-cramp.yml:22:11: when_to_get_help group 2, care: the "
        "groups here have the care levels `emergency`, `urgent`, but the original's "
        "(content/conditions/test-cramp.yml:21:11) have `emergency`, `non-urgent`. A "
        "translation has the same groups as its original, in the same order: translate each "
        "of the original's groups in its place."]


def test_a_comparison_keeps_the_originals_rows_in_order(scratch: Callable[..., Path]) -> None:
    _spanish(scratch, COMPARISON, "comparisons/twitch-or-spasm-test.yml",
             {"field: symptoms.painful": "field: symptoms.how_long",
              "field: symptoms.how_long\n" + REVIEW: "field: symptoms.painful\n" + REVIEW})

    assert _errors() == [
        "content/es/comparisons/twitch-or-spasm-test.yml:8:12: row 1, field: the rows here "
        "show `symptoms.how_long`, `symptoms.painful`, but the original's "
        "(content/comparisons/twitch-or-spasm-test.yml:7:12) show `symptoms.painful`, "
        "`symptoms.how_long`. A translation has the same rows as its original, in the same "
        "order: translate each row's `label`, and keep its `field`."]


def test_a_comparison_compares_the_originals_topics(scratch: Callable[..., Path]) -> None:
    _spanish(scratch, COMPARISON, "comparisons/twitch-or-spasm-test.yml",
             {"conditions: [muscle-twitch, muscle-spasm]":
              "conditions: [muscle-spasm, muscle-twitch]"})

    assert _errors() == [
        "content/es/comparisons/twitch-or-spasm-test.yml:5:13: conditions: this comparison "
        "compares `muscle-spasm`, `muscle-twitch`, but the original "
        "(content/comparisons/twitch-or-spasm-test.yml:4:13) compares `muscle-twitch`, "
        "`muscle-spasm`. A translation compares the same topics in the same order: write "
        "`conditions: [muscle-twitch, muscle-spasm]`."]


def test_an_outcome_links_to_the_originals_topics(scratch: Callable[..., Path]) -> None:
    linked = FLOWCHART.replace("      - Rest the muscle.\n",
                               "      - Rest the muscle.\n    conditions: [muscle-spasm]\n")
    _spanish(scratch, linked, "flowcharts/hurts-check.yml",
             {"conditions: [muscle-spasm]": "conditions: [muscle-twitch]"})

    [error] = _errors()
    assert error.startswith("content/es/flowcharts/hurts-check.yml:")
    assert error.endswith(
        "outcome 2 (`rest`), conditions: this outcome links to `muscle-twitch`, but in the "
        "original (content/flowcharts/hurts-check.yml:26:17) it links to `muscle-spasm`. "
        "Readers in every language are led to the same topics: write "
        "`conditions: [muscle-spasm]`.")


def test_a_translation_gives_the_originals_emergency_number(
        scratch: Callable[..., Path]) -> None:
    bilingual(scratch())
    scratch({"content/es/site.yml": SPANISH_SITE.replace("es-US", "es-ES")})

    assert _errors() == [
        "content/es/site.yml:4:9: locale: readers of this translation would call 112 in an "
        "emergency, but readers of the original (content/site.yml:5:9) call 911. Readers in "
        "every language call the same number: write `locale: es-US`, in the original's "
        "country."]


def test_a_translation_without_an_original_is_named(scratch: Callable[..., Path]) -> None:
    bilingual(scratch(), "pages/about.yml")
    Path("content/es/pages/about.yml").rename("content/es/pages/acerca.yml")
    about = Path("content/es/pages/acerca.yml")
    about.write_text(about.read_text(encoding="utf-8").replace("id: about", "id: acerca"),
                     encoding="utf-8")

    assert _errors() == [
        "content/es/pages/acerca.yml:1:1: this translation has no original: there is no "
        "content/pages/acerca.yml. A translation has the same folder, file name and id as the "
        "file it translates. Rename it like its original, or delete it."]


def test_a_translation_that_names_no_version_is_told_which_to_write(
        scratch: Callable[..., Path]) -> None:
    _spanish(scratch, FLOWCHART, "flowcharts/hurts-check.yml", {})
    spanish = Path("content/es/flowcharts/hurts-check.yml")
    text = spanish.read_text(encoding="utf-8")
    line, version = next((line, line.split(": ")[1]) for line in text.splitlines()
                         if line.startswith("translated_from: "))
    spanish.write_text(text.replace(f"{line}\n", ""), encoding="utf-8")

    assert _errors() == [
        "content/es/flowcharts/hurts-check.yml:1:1: translated_from: this translation does not "
        "say which version of its original (content/flowcharts/hurts-check.yml:1:1) it was "
        "made from. Check that it says everything the original says now, then add the line "
        f"`translated_from: {version}` above its first field."]
