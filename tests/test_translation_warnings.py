"""A translation behind its original, and a page not yet translated: warnings in `check` and
`review`, never errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from generator.content.load import read_document
from generator.content.translation import LANGUAGE_FOLDER, version_of
from generator.errors import ErrorCollector

from conftest import GOLDEN, bilingual, check_golden, copy_case

CASES = sorted(p.name for p in (GOLDEN / "warnings").iterdir() if p.is_dir())


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _version(name: str) -> str:
    document = read_document(Path(name), name, ErrorCollector())
    assert document is not None
    return version_of(document)


def _change_the_original(name: str) -> None:
    original = Path(name)
    text = original.read_text(encoding="utf-8")
    original.write_text(text.replace("\nsummary: ", "\nsummary: Changed. ", 1), encoding="utf-8")


def test_check_warns_when_the_original_has_changed_since_the_translation(
        scratch: Callable[..., Path]) -> None:
    bilingual(scratch(), "conditions/muscle-twitch.yml")
    made_from = _version("content/conditions/muscle-twitch.yml")
    _change_the_original("content/conditions/muscle-twitch.yml")
    now = _version("content/conditions/muscle-twitch.yml")

    checked = run("check")

    assert checked.exit_code == 0, checked.output
    assert (f"content/es/conditions/muscle-twitch.yml:3:18: translated_from: the original, "
            f"content/conditions/muscle-twitch.yml, has changed since this translation was "
            f"made from it (version {made_from}; it is now {now}). Update the translation to "
            f"say what the original says now, then set `translated_from: {now}`. (warning)"
            ) in checked.stderr.splitlines()


def test_a_translation_made_from_the_current_original_gets_no_warning(
        scratch: Callable[..., Path]) -> None:
    bilingual(scratch(), "conditions/muscle-twitch.yml")

    checked = run("check")

    assert "content/es/conditions/muscle-twitch.yml" not in checked.stderr


def test_check_warns_about_a_page_with_no_translation_yet(
        scratch: Callable[..., Path]) -> None:
    bilingual(scratch(), "conditions/muscle-twitch.yml")

    checked = run("check", "--strict")

    assert checked.exit_code == 1
    assert ("content/conditions/muscle-spasm.yml:1:1: this page has no Spanish translation "
            "yet: there is no content/es/conditions/muscle-spasm.yml. Make one with `python -m "
            "generator new condition muscle-spasm --language es`, then translate its text. "
            "(warning)") in checked.stderr.splitlines()
    assert "content/conditions/muscle-twitch.yml:1:1" not in checked.stderr


def test_review_lists_stale_translations_and_pages_not_yet_translated(
        scratch: Callable[..., Path]) -> None:
    bilingual(scratch(), "conditions/muscle-twitch.yml")
    _change_the_original("content/conditions/muscle-twitch.yml")

    reviewed = run("review", "--today", "2027-01-01")

    assert reviewed.exit_code == 0, reviewed.output
    lines = reviewed.stdout.splitlines()
    stale = lines.index("Translations whose original has changed since (2):")
    assert lines[stale + 1].startswith("  content/es/conditions/muscle-twitch.yml:3:18: ")
    assert lines[stale + 2].startswith("  content/es/site.yml:1:18: translated_from: the "
                                       "original, content/site.yml, has changed")
    untranslated = lines.index(f"Pages with no translation yet ({len(lines) - stale - 4}):")
    assert untranslated == stale + 3
    assert "  content/conditions/muscle-spasm.yml:1:1: this page has no Spanish translation " \
        "yet: there is no content/es/conditions/muscle-spasm.yml. Make one with `python -m " \
        "generator new condition muscle-spasm --language es`, then translate its text." in lines


def test_review_lists_a_translations_review_dates_too(scratch: Callable[..., Path]) -> None:
    bilingual(scratch(), "conditions/muscle-twitch.yml")

    reviewed = run("review", "--today", "2027-01-01")

    assert any(line.startswith("  content/es/conditions/muscle-twitch.yml:")
               and "review due in" in line for line in reviewed.stdout.splitlines())


@pytest.mark.parametrize("case", CASES)
def test_translations_give_the_expected_warnings(
        case: str, scratch: Callable[..., Path], update_goldens: bool) -> None:
    folder = GOLDEN / "warnings" / case
    copy_case(folder, scratch())

    checked = run("check")

    assert checked.exit_code == 0, checked.output
    # Only the case's translations: the shipped originals may have warnings of their own.
    translations = tuple(f"content/{p.name}/" for p in (folder / "content").iterdir()
                         if p.is_dir() and LANGUAGE_FOLDER.match(p.name))
    warnings = [line for line in checked.stderr.splitlines() if line.startswith(translations)]
    check_golden("\n".join(warnings) + "\n", GOLDEN / "warnings" / f"{case}.txt",
                 update_goldens)
