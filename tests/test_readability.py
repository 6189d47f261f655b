"""Reading level in `check`: warnings at the hard page and sentences; --strict fails on them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.writer.readability import read_page, reading_grade

HARD = ("Fasciculations constitute involuntary, spontaneous contractions of individual motor "
        "units, occasionally indicating underlying neuromuscular pathology necessitating "
        "comprehensive electrophysiological evaluation.")


def test_the_hardest_sentence_is_found_with_its_field() -> None:
    page = read_page("x.yml", {"summary": "A twitch is small. " + HARD, "id": "x"})

    hardest = page.hardest(1)[0]
    assert hardest.loc == ("summary",)
    assert hardest.text == HARD
    assert hardest.grade > 20
    assert page.grade == reading_grade("A twitch is small. " + HARD)


def test_check_warns_at_a_hard_sentence_and_strict_fails(scratch: Callable[..., Path]) -> None:
    project = scratch()
    twitch = project / "content/conditions/muscle-twitch.yml"
    text = twitch.read_text(encoding="utf-8")
    twitch.write_text(text.replace("  painful: No. A twitch does not hurt.",
                                   f"  painful: No. {HARD}"), encoding="utf-8")

    loose = CliRunner().invoke(main, ["check"])
    strict = CliRunner().invoke(main, ["check", "--strict"])

    assert loose.exit_code == 0
    warning = next(line for line in loose.output.splitlines() if "painful" in line)
    assert warning.startswith("content/conditions/muscle-twitch.yml:")
    assert ": symptoms.painful: this sentence reads at grade " in warning
    assert warning.endswith("(the limit is 12): “Fasciculations constitute involuntary, "
                            "spontaneous contractions of individual motor units, occasionally "
                            "indicating underlying…”. Split it, or use shorter words. (warning)")
    assert strict.exit_code == 1
    assert "--strict fails on warnings." in strict.output


def test_a_page_above_grade_8_names_its_hardest_sentences(scratch: Callable[..., Path]) -> None:
    project = scratch()
    (project / "content/comparisons/twitch-vs-spasm.yml").write_text(
        (project / "content/comparisons/twitch-vs-spasm.yml").read_text(encoding="utf-8")
        .replace("  Use this table to tell them apart.\n", f"  {HARD} {HARD}\n"),
        encoding="utf-8")

    result = CliRunner().invoke(main, ["check"])

    page = next(line for line in result.output.splitlines() if ":1:1: " in line)
    assert page.startswith("content/comparisons/twitch-vs-spasm.yml:1:1: this page reads at "
                           "grade ")
    assert "; the limit is 8. Its hardest sentences: line " in page
