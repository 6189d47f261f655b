"""`new KIND ID`: a starter file, and `check` naming each field still to write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import main
from generator.content.load import read_document
from generator.content.translation import as_written, version_of
from generator.errors import ErrorCollector
from generator.writer.scaffold import translation

from conftest import ROOT, bilingual, html, one_language


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_new_writes_a_starter_whose_unwritten_fields_check_names(
    scratch: Callable[..., Path],
) -> None:
    project = scratch()

    made = run("new", "condition", "leg-cramp")
    checked = run("check")

    starter = (project / "content/conditions/leg-cramp.yml").read_text(encoding="utf-8")
    assert made.exit_code == 0, made.output
    assert made.output.startswith("Wrote content/conditions/leg-cramp.yml. Replace every TODO")
    # The command a writer can run as it is, from the project folder, with no virtualenv.
    assert made.output.rstrip().endswith("then run `make check` in the project folder.")
    assert starter.startswith("# yaml-language-server: $schema=../../generator/writer/schemas/"
                              "condition.json\n# How to write this condition file: see "
                              "content/GUIDE.md")
    assert "# Name of the condition, as the page title.\nname: TODO\n" in starter
    assert checked.exit_code == 1
    lines = checked.output.splitlines()
    assert ("content/conditions/leg-cramp.yml:6:7: name: write this field: it still says TODO. "
            "It holds: Name of the condition, as the page title.") in lines
    assert [line for line in lines if line.startswith(
        "content/conditions/leg-cramp.yml:") and ": review.next_review_due: write this field: "
        "it still says TODO. It holds: Date the next review is due: after the last review, "
        "and at most three years after it." in line]
    # One message per unwritten field: not also "should be a date" or "lowercase letters".
    assert not [line for line in lines if "leg-cramp.yml" in line and "TODO" not in line]


def test_every_kind_of_starter_names_only_unwritten_fields(
    scratch: Callable[..., Path],
) -> None:
    scratch()
    for kind in ("condition", "comparison", "flowchart"):
        assert run("new", kind, f"new-{kind}").exit_code == 0

    lines = run("check").output.splitlines()[:-1]

    assert lines
    assert all("write this field: it still says TODO." in line for line in lines), lines


def test_new_refuses_a_bad_id_and_an_existing_file(scratch: Callable[..., Path]) -> None:
    scratch()

    bad = run("new", "condition", "Leg Cramp")
    taken = run("new", "condition", "muscle-twitch")

    assert bad.exit_code == taken.exit_code == 1
    assert "`Leg Cramp` cannot be an id: use only small letters" in bad.output
    assert "content/conditions/muscle-twitch.yml already exists." in taken.output


def test_new_refuses_a_name_the_site_keeps_for_its_own_pages(
    scratch: Callable[..., Path],
) -> None:
    project = scratch()

    result = run("new", "page", "index")

    assert result.exit_code == 1
    assert result.output.startswith("`index` is the name of a page or folder the site makes")
    assert "`letters`, `oembed`, `pages`" in result.output
    assert not (project / "content/pages/index.yml").exists()


def test_a_file_named_after_a_page_of_the_site_is_renamed_not_its_id(
    scratch: Callable[..., Path],
) -> None:
    project = scratch()
    twitch = project / "content/conditions/muscle-twitch.yml"
    twitch.rename(project / "content/conditions/index.yml")

    result = run("check")

    assert result.exit_code == 1
    assert ("content/conditions/index.yml:3:5: id: the id `muscle-twitch` differs from the "
            "file name `index`: the file name is the id. Rename the file to "
            "`muscle-twitch.yml`.") in result.output.splitlines()


def test_a_file_whose_name_is_not_its_id_is_refused(scratch: Callable[..., Path]) -> None:
    project = scratch()
    twitch = project / "content/conditions/muscle-twitch.yml"
    twitch.rename(project / "content/conditions/twitch.yml")

    result = run("check")

    assert result.exit_code == 1
    assert ("content/conditions/twitch.yml:3:5: id: the id `muscle-twitch` differs from the "
            "file name `twitch`: the file name is the id. Change the id to `twitch`, or rename "
            "the file to `muscle-twitch.yml`.") in result.output.splitlines()


def test_version() -> None:
    result = run("--version")

    assert result.exit_code == 0
    assert result.output == "generator, version 0.1.0\n"


def test_a_writer_adds_a_topic_end_to_end(scratch: Callable[..., Path]) -> None:
    project = one_language(scratch())  # a site in one language: the topic needs no translation
    content = project / "content"
    assert run("new", "condition", "leg-cramp").exit_code == 0
    starter = content / "conditions/leg-cramp.yml"
    header = "".join(starter.read_text(encoding="utf-8").splitlines(keepends=True)[:2])
    example = Path(__file__).parent.parent / "generator/writer/examples/conditions/leg-cramp.yml"
    starter.write_text(header + example.read_text(encoding="utf-8"), encoding="utf-8")
    comparison = content / "comparisons/twitch-vs-spasm.yml"
    comparison.write_text(comparison.read_text(encoding="utf-8").replace(
        "  - muscle-spasm\n", "  - muscle-spasm\n  - leg-cramp\n", 1), encoding="utf-8")
    flowchart = content / "flowcharts/twitch-or-spasm.yml"
    text = flowchart.read_text(encoding="utf-8")
    flowchart.write_text(text.replace("    conditions:\n      - muscle-spasm\n",
                                      "    conditions:\n      - muscle-spasm\n      - leg-cramp\n",
                                      1), encoding="utf-8")

    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)

    checked = run("check")
    built = run("build")

    assert checked.exit_code == 0, checked.output
    assert "leg-cramp" not in checked.output  # not even a warning
    assert built.exit_code == 0, built.output
    page = html(project / "site", "conditions/leg-cramp/index.html")
    assert page.select_one("article h1").get_text(strip=True) == "Leg cramp"
    assert "Charley horse" in page.select_one("article").get_text()
    compared = html(project / "site", "compare/twitch-vs-spasm/index.html")
    assert "Leg cramp" in compared.select_one("article").get_text()


def test_new_refuses_an_id_longer_than_the_content_format_allows(
    scratch: Callable[..., Path],
) -> None:
    scratch()

    too_long = run("new", "condition", "a" * 300)
    longest = run("new", "condition", "a" * 80)

    assert too_long.exit_code == 1
    assert too_long.output == (f"`{'a' * 39}…` is 300 characters long: an id has at most 80. "
                               "Choose a shorter one, like leg-cramp.\n")
    assert longest.exit_code == 0
    assert "this is too long" not in run("check").output


def test_new_with_a_language_starts_a_translation_from_its_original(
        scratch: Callable[..., Path]) -> None:
    bilingual(scratch())
    original = Path("content/conditions/muscle-twitch.yml").read_text(encoding="utf-8")

    started = run("new", "condition", "muscle-twitch", "--language", "es")

    assert started.exit_code == 0, started.output
    assert started.output == (
        "Wrote content/es/conditions/muscle-twitch.yml, a copy of the original to translate. "
        "Translate its text, and keep every id, answer value, `next`, `care` and row `field` "
        "as it is; then run `make check` in the project folder.\n")
    schema, how_to, made_from, *rest = Path(
        "content/es/conditions/muscle-twitch.yml").read_text(encoding="utf-8").splitlines()
    assert schema == ("# yaml-language-server: "
                      "$schema=../../../generator/writer/schemas/condition.json")
    assert how_to == original.splitlines()[1]
    document = read_document(Path("content/conditions/muscle-twitch.yml"), "", ErrorCollector())
    assert document is not None
    version = version_of(document)
    assert made_from == f"translated_from: {as_written(version)}"
    assert rest == original.splitlines()[2:]
    checked = run("check")
    assert checked.exit_code == 0, checked.output
    assert "content/es/conditions/muscle-twitch.yml" not in checked.output


def test_new_refuses_a_translation_it_cannot_start(scratch: Callable[..., Path]) -> None:
    bilingual(scratch(), "pages/about.yml")

    def refused(*args: str) -> str:
        result = run("new", *args)
        assert result.exit_code == 1
        return result.output

    assert refused("condition", "leg-cramp", "--language", "es") == (
        "Cannot start the translation: there is no content/conditions/leg-cramp.yml to "
        "translate. Check the id, or write the original first: `python -m generator new "
        "condition leg-cramp`.\n")
    assert refused("page", "about", "--language", "fr") == (
        "Cannot start the translation: site.yml lists only en, es in `languages`, not `fr`. "
        "Add `fr` there first (the guide's \"Translations\" says how), then run this again.\n")
    assert refused("page", "about", "--language", "en") == (
        "Cannot start the translation: `en` is the site's own language, so its files are "
        "originals. Start one with `python -m generator new page about`.\n")
    assert refused("page", "about", "--language", "es") == (
        "Cannot start the translation: content/es/pages/about.yml already exists. Edit it, or "
        "delete it to start again.\n")


def test_a_version_yaml_would_read_as_a_number_is_written_in_quotes() -> None:
    assert translation("# schema\nid: a\n", "120385766091") == (
        '# schema\ntranslated_from: "120385766091"\nid: a\n')
    assert translation("id: a\n", "12e385766091") == 'translated_from: "12e385766091"\nid: a\n'
    assert translation("id: a\n", "3f9a0c51d2e8") == "translated_from: 3f9a0c51d2e8\nid: a\n"
