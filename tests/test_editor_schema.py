"""The editor schemas, run by a real JSON Schema validator, agree with `check` where they can."""

from __future__ import annotations

import io
import json
import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor

from generator.cli import main
from generator.content.load import read_document
from generator.errors import ErrorCollector
from generator.kinds import KINDS, Kind
from generator.writer import editor_rules
from generator.writer.guide import guide
from generator.writer.scaffold import kind_of

from conftest import CONTENT, ROOT

SCHEMAS = ROOT / "generator" / "writer" / "schemas"
PATTERNS = ["node", str(ROOT / "tests" / "ecmascript_patterns.cjs")]
Loc = tuple[str | int, ...]


def schema_for(path: Path) -> dict[str, Any]:
    kind = kind_of(f"{path.parent.name}/{path.name}")
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8"))
    return loaded


class DatesAsText(SafeConstructor):
    """Read a date as text, as YAML 1.2 does, without changing every other safe loader."""


DatesAsText.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def as_editor_reads(path: Path) -> Any:
    """Return a file's data as the YAML language server sees it: a date is text (YAML 1.2)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = DatesAsText
    return yaml.load(path.read_text(encoding="utf-8"))


def editor_message(error: jsonschema.ValidationError) -> str:
    """Return what the YAML language server shows for an error: the schema's own words first."""
    words = error.schema.get("errorMessage") if isinstance(error.schema, dict) else None
    if error.validator == "pattern":
        assert words, f"an editor would show the pattern {error.validator_value!r}"
    return str(words or error.message)


def schema_errors(path: Path) -> list[tuple[Loc, str]]:
    validator = jsonschema.Draft7Validator(schema_for(path))
    return [(tuple(error.absolute_path), editor_message(error))
            for error in validator.iter_errors(as_editor_reads(path))]


def schema_problems(path: Path) -> list[str]:
    return [message for _, message in schema_errors(path)]


@pytest.mark.parametrize("kind", [kind.name for kind in KINDS])
def test_each_schema_is_valid_draft_7(kind: str) -> None:
    schema = json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8"))

    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(schema)


def nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from nodes(value)
    elif isinstance(node, list):
        for item in node:
            yield from nodes(item)


def every_pattern() -> list[str]:
    return sorted({node["pattern"] for path in SCHEMAS.glob("*.json")
                   for node in nodes(json.loads(path.read_text(encoding="utf-8")))
                   if isinstance(node.get("pattern"), str)})


@pytest.mark.parametrize("kind", [kind.name for kind in KINDS])
def test_every_pattern_has_words_for_the_writer_beside_it(kind: str) -> None:
    schema = json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8"))

    bare = [node["pattern"] for node in nodes(schema) if isinstance(node.get("pattern"), str)
            and not node.get("errorMessage")]
    # `not` makes the YAML language server say "Matches a schema that is not allowed."
    refusals = [node for node in nodes(schema) if "not" in node]

    assert bare == [] and refusals == []


@pytest.mark.parametrize("path", [
    p for kind in KINDS for p in ([CONTENT / kind.file] if kind.file else
                                  sorted((CONTENT / kind.place).glob("*.yml")))],
    ids=lambda p: p.stem)
def test_the_shipped_files_pass_their_schema(path: Path) -> None:
    assert schema_problems(path) == []


TWITCH = "content/conditions/muscle-twitch.yml"
SPASM = "content/conditions/muscle-spasm.yml"
FLOWCHART = "content/flowcharts/twitch-or-spasm.yml"
BROKEN: dict[str, tuple[str, str, str]] = {
    "one answer": (FLOWCHART, '      - value: "no"\n        text: "No"\n        next: painful\n',
                   ""),
    "no emergency group": (TWITCH, "  - care: emergency\n", "  - care: urgent\n"),
    "a web link in an emergency item": (
        TWITCH, "  - care: emergency\n    items:\n",
        "  - care: emergency\n    items:\n      - See [this page](https://example.org/).\n"),
    "a web link in an emergency outcome": (
        FLOWCHART, "      - You have serious medical symptoms.\n",
        "      - You have serious medical symptoms. See [this page](https://www.nhs.uk/).\n"),
    "an emergency outcome that leads to topics": (
        FLOWCHART, "    note: This guide cannot check your symptoms",
        "    conditions: [muscle-spasm]\n    note: This guide cannot check your symptoms"),
    "a web link in an emergency note": (
        TWITCH, "    note: This guide cannot check",
        "    note: See [this page](https://www.nhs.uk/). This guide cannot check"),
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


def test_a_missing_emergency_group_is_told_in_words(scratch: Callable[..., Path]) -> None:
    path = scratch() / TWITCH
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  - care: emergency\n", "  - care: urgent\n"), encoding="utf-8")

    assert schema_errors(path) == [(("when_to_get_help",), (
        "Add a group with `care: emergency`, so that the page tells readers when to call for "
        "emergency help."))]


# What the editor and `check` both say about one value, good or bad. Each value is written
# where such a value goes: in a condition's `treatment` (text), `warning_signs` (emergency
# text), `other_names` (one line of plain text) and `sources[].url` (a web address), in a
# page's `review.next_review_due` (a date, written without quotes) and in site.yml's `url`.
FINE, REFUSED, ONLY_CHECK = "fine", "refused", "only check"
TEXT = {
    "See [the NHS](https://www.nhs.uk/).": FINE,
    "See [the NHS](HTTPS://www.nhs.uk/) or [this page]( http://www.nhs.uk/ ).": FINE,
    "Call [999](tel:999), or email [us](mailto:help@nhs.uk).": FINE,
    'Read [the NHS](https://www.nhs.uk/) "for more".': FINE,
    "If it lasts < 3 days and the pain is > 2 out of 10, rest.": FINE,
    "It lasts <3 days. Salt & water, or &amp;.": FINE,
    "See [the NHS] or [this page].": FINE,
    "Note [1]: see below.": FINE,
    "An address needs its < first: help@nhs.uk> is text.": FINE,
    "*Rarely*, it is serious.": FINE,
    "Write TODO later.": FINE,
    "To ease it:\n\n- stretch [gently](https://www.nhs.uk/)\n- drink water": FINE,
    "Text with <b>bold</b> words.": REFUSED,
    "One line<br>and another.": REFUSED,
    "A <!-- note to self --> here.": REFUSED,
    "<div>A box</div>": REFUSED,
    "It hurts <span class='x'>a lot</span>.": REFUSED,
    "See <https://www.nhs.uk/>.": REFUSED,
    "Email <help@nhs.uk>.": REFUSED,
    "Call <tel:911>.": REFUSED,
    "See [the NHS](<https://www.nhs.uk/>).": REFUSED,
    'See [the NHS](https://www.nhs.uk/ "The NHS").': REFUSED,
    "See [the NHS](https://www.nhs.uk/ 'The NHS').": REFUSED,
    "See [the NHS](/conditions/).": REFUSED,
    "See [the NHS](www.nhs.uk).": REFUSED,
    "See [the NHS]().": REFUSED,
    "See [the NHS](javascript:alert(1)).": REFUSED,
    "See [the NHS](ftp://nhs.uk/).": REFUSED,
    "See [the NHS](https:www.nhs.uk).": REFUSED,
    "See [the NHS](https://).": REFUSED,
    "See [cramp](https://en.wikipedia.org/wiki/Cramp_(medicine)).": REFUSED,
    "See [the page](https://www.nhs.uk/a page).": REFUSED,
    "See [the NHS][1].\n\n[1]: https://www.nhs.uk/": REFUSED,
    "[nhs]: https://www.nhs.uk/": REFUSED,
    "- [1]: https://www.nhs.uk/": REFUSED,
    "A picture: ![a leg](https://www.nhs.uk/leg.png)": REFUSED,
    "TODO": REFUSED,
}
EMERGENCY_TEXT = {
    "Call [911](tel:911) now.": FINE,
    "Call [911](TEL:911) now.": FINE,
    "Chest pain, or trouble breathing.": FINE,
    "Read [the NHS page](https://www.nhs.uk/).": REFUSED,
    "Email [a nurse](mailto:help@nhs.uk).": REFUSED,
}
LINE = {
    "<b>Shown</b> as typed, *marks* and [all](javascript:x)": FINE,
    "TODO": REFUSED,
    "  TODO  ": REFUSED,
}
WEB_ADDRESS = {
    "https://www.nhs.uk/conditions/": FINE,
    "http://www.nhs.uk/": FINE,
    "HTTPS://www.nhs.uk/": FINE,
    "https://www.nhs.uk/search?q=cramp&page=2#results": FINE,
    "www.nhs.uk": REFUSED,
    "nhs.uk/conditions/": REFUSED,
    "ftp://nhs.uk/": REFUSED,
    "mailto:help@nhs.uk": REFUSED,
    "https:www.nhs.uk": REFUSED,
    "https://": REFUSED,
    "https:///conditions/": REFUSED,
    "<https://www.nhs.uk/>": REFUSED,
    'https://www.nhs.uk/ "The NHS"': REFUSED,
    "https://www.nhs.uk/a page": REFUSED,
    "https://en.wikipedia.org/wiki/Cramp_(medicine)": REFUSED,
    "TODO": REFUSED,
}
DATE = {
    "2027-11-26": FINE,
    "2028-02-29": FINE,
    "2029-01-31": FINE,
    "2027-02-29": REFUSED,
    "2027-04-31": REFUSED,
    "2027-13-01": REFUSED,
    "2027-00-10": REFUSED,
    "2027-1-5": REFUSED,
    "2027/11/26": REFUSED,
    "26-11-2027": REFUSED,
    "2027-11-26T10:00:00": REFUSED,
    "next year": REFUSED,
    "TODO": REFUSED,
}
SITE_ADDRESS = {
    "https://health-guides.github.io/muscle-guide/": FINE,
    "https://www.example.org/guide/": REFUSED,
    "https://guide.test/": REFUSED,
    "http://localhost:8000/": REFUSED,
    "https://editor@health-guides.github.io/": REFUSED,
    "https://health-guides.github.io/?page=1": REFUSED,
    "https://health-guides.github.io/#top": REFUSED,
}
# What only `check` finds (editor_rules.ONLY_CHECK), shown by one value each.
ONLY_CHECK_TEXT = ["# A heading", "Use `code` here.", "> A quotation", "Odd\u200bspace",
                   "See [the NHS](https://www.nhs.uk/?a=1&amp;b=2).",
                   "See [https://www.nhs.uk] or [the NHS] (https://www.nhs.uk/).",
                   "Read more at www.nhs.uk today."]
ONLY_CHECK_DATE = ['"2027-11-26"', "2030-11-26"]


def yaml_text(data: Any) -> str:
    yaml, text = YAML(), io.StringIO()
    yaml.width = 4096  # one value, one line: `check` and the schema then name the same place
    yaml.dump(data, text)
    return text.getvalue()


def write_cases(project: Path) -> dict[tuple[str, Loc], tuple[str, str]]:
    """Write every case where it goes; return each one's file and place, and its value."""
    cases: dict[tuple[str, Loc], tuple[str, str]] = {}
    texts = {**TEXT, **dict.fromkeys(ONLY_CHECK_TEXT, ONLY_CHECK)}
    places: dict[tuple[str, str], tuple[dict[str, str], Callable[[int], Loc]]] = {
        (TWITCH, "treatment"): (texts, lambda i: ("treatment", i)),
        (TWITCH, "other_names"): (LINE, lambda i: ("other_names", i)),
        (TWITCH, "sources"): (WEB_ADDRESS, lambda i: ("sources", i, "url")),
        # `check` reads emergency links in a file whose fields are all right otherwise.
        (SPASM, "warning_signs"): (EMERGENCY_TEXT, lambda i: ("warning_signs", i)),
    }
    for name in (TWITCH, SPASM):
        condition = YAML().load((project / name).read_text(encoding="utf-8"))
        for (file, field), (table, where) in places.items():
            if file != name:
                continue
            condition[field] = [{"title": f"Source {i}", "url": value} if field == "sources"
                                else value for i, value in enumerate(table)]
            cases |= {(name, where(i)): (value, table[value]) for i, value in enumerate(table)}
        (project / name).write_text(yaml_text(condition), encoding="utf-8")

    page = (project / "content/pages/about.yml").read_text(encoding="utf-8")
    dates = {**DATE, **dict.fromkeys(ONLY_CHECK_DATE, ONLY_CHECK)}
    for index, (value, said) in enumerate(dates.items()):
        name = f"content/pages/date-case-{index}.yml"
        text = re.sub(r"(?m)^id: .*$", f"id: date-case-{index}", page)
        (project / name).write_text(re.sub(r"(?m)^  next_review_due: .*$",
                                           f"  next_review_due: {value}", text), "utf-8")
        cases[(name, ("review", "next_review_due"))] = (value, said)
    return cases


def checked_lines(project: Path) -> set[tuple[str, int]]:
    """Return each file and line where `check` finds a mistake."""
    result = CliRunner().invoke(main, ["check", "--format", "json"])
    return {(error["file"], error["line"]) for error in json.loads(result.output)
            if error["severity"] == "error"}


def line_of(project: Path, name: str, loc: Loc) -> int:
    document = read_document(project / name, name, ErrorCollector())
    assert document is not None
    return document.position(list(loc))[0]


def test_the_editor_and_check_agree_on_each_value(scratch: Callable[..., Path]) -> None:
    project = scratch()
    cases = write_cases(project)
    refused_by_check = checked_lines(project)
    refused_by_schema = {(name, loc) for name in {name for name, _ in cases}
                         for loc, _ in schema_errors(project / name)}

    def by_check(name: str, loc: Loc) -> str:
        # A date file holds one case, and an impossible date stops the file being read.
        where = {file for file, _ in refused_by_check} if "date-case" in name else {
            (name, line) for name, line in refused_by_check}
        key = name if "date-case" in name else (name, line_of(project, name, loc))
        return REFUSED if key in where else FINE

    wrong = {value: (f"check: {checked}", f"editor: {edited}") for (name, loc), (value, expected)
             in cases.items() if (checked := by_check(name, loc), edited := REFUSED if (
                 name, loc) in refused_by_schema else FINE) != wanted(expected)}

    assert wrong == {}


def wanted(expected: str) -> tuple[str, str]:
    """Return what `check` and the editor should say: what the table says, or only check."""
    return (REFUSED, FINE) if expected == ONLY_CHECK else (expected, expected)


@pytest.mark.parametrize("address", SITE_ADDRESS)
def test_the_editor_and_check_agree_on_the_site_address(
        address: str, scratch: Callable[..., Path]) -> None:
    project = scratch()
    site = project / "content/site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace(
        "\npublisher:", f"\nurl: {address}\npublisher:"), encoding="utf-8")

    by_check = REFUSED if (("content/site.yml", line_of(project, "content/site.yml", ("url",)))
                           in checked_lines(project)) else FINE
    by_schema = REFUSED if any(loc == ("url",) for loc, _ in schema_errors(site)) else FINE

    assert (by_check, by_schema) == (SITE_ADDRESS[address], SITE_ADDRESS[address])


def test_each_rule_tells_the_writer_what_to_do(scratch: Callable[..., Path]) -> None:
    project = scratch()
    write_cases(project)

    said = {loc: message for loc, message in schema_errors(project / TWITCH)}

    assert said[("treatment", list(TEXT).index("See <https://www.nhs.uk/>."))] == (
        "A link in < > does not work in text. Write each link as [words](https://…).")
    assert said[("treatment", list(TEXT).index("TODO"))] == (
        "Write this field: it still says TODO.")
    assert said[("sources", list(WEB_ADDRESS).index("www.nhs.uk"), "url")] == (
        "Write a full web address that starts with https://, like https://www.nhs.uk/, with no "
        "spaces, quotes or brackets.")


@pytest.mark.parametrize("kind", [kind for kind in KINDS if kind.folder],
                         ids=lambda kind: kind.name)
def test_the_editor_names_each_todo_of_a_new_file_as_check_does(
        kind: Kind, scratch: Callable[..., Path]) -> None:
    project = scratch()
    CliRunner().invoke(main, ["new", kind.name, "new-one"])
    name = f"content/{kind.folder}/new-one.yml"

    by_check = {line for file, line in checked_lines(project) if file == name}
    by_editor = {line_of(project, name, loc) for loc, message in schema_errors(project / name)
                 if "TODO" in message}

    assert by_editor == by_check != set()


def all_values() -> list[str]:
    # None ends in a line break: before one, Python's `$` matches and JavaScript's does not.
    return sorted({*TEXT, *EMERGENCY_TEXT, *LINE, *WEB_ADDRESS, *DATE, *SITE_ADDRESS,
                   *ONLY_CHECK_TEXT, *ONLY_CHECK_DATE})


def test_every_pattern_means_the_same_to_editors_as_to_python() -> None:
    patterns, texts = every_pattern(), all_values()

    ran = subprocess.run(PATTERNS, input=json.dumps({"patterns": patterns, "texts": texts}),
                         capture_output=True, text=True, check=True, encoding="utf-8")
    in_javascript = json.loads(ran.stdout)

    assert "invalid" not in in_javascript, in_javascript
    differ = [(pattern, text, matched) for pattern, row in zip(
        patterns, in_javascript["matches"], strict=True) for text, matched in zip(
        texts, row, strict=True) if matched != (re.search(pattern, text) is not None)]
    assert differ == []


def test_the_guide_names_what_only_check_finds() -> None:
    text = guide()

    assert "Only `make check` finds" in text
    for item in editor_rules.ONLY_CHECK:
        assert item in text
