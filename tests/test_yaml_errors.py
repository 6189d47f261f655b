"""Common YAML slips are named on the slip's own line, and typing the example fixes the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content import fast_yaml, load
from generator.content.load import read_document
from generator.errors import ErrorCollector

PARSER_WORDS = ("could not find", "expected", "mapping values", "anchors and aliases",
                "does not line up", "indented more", "not valid YAML")
# The example a message shows, at its end: `... like `- "*Tight* muscle"`.`
EXAMPLE = re.compile(r"`([^`]+)`\.$")


def read(tmp_path: Path, text: str) -> tuple[object, list[str]]:
    path = tmp_path / "page.yml"
    path.write_text(text, encoding="utf-8")
    errors = ErrorCollector()
    document = read_document(path, "page.yml", errors)
    return document, [str(e) for e in errors.errors]


# Each slip, and the line (1-based) it is on.
SLIPS = {
    "a list item without its dash": ("list:\n  - one\n  two\n  - three\n", 3),
    "a first list item without its dash": ("list:\n  one\n  - two\n  - three\n", 2),
    "a last list item without its dash": ("list:\n  - one\n  - two\n  three\nnext: x\n", 4),
    "an en dash as a bullet": ("list:\n  - one\n  \u2013 two\n  - three\n", 3),
    "an em dash on every item": ("list:\n  \u2014 one\n  \u2014 two\nnext: x\n", 2),
    "a bullet as the only item": ("list:\n  \u2022 one\n", 2),
    "key:value above a field": ("symptoms:\n  painful:Yes.\n  how_long: A minute.\n", 2),
    "key:value at the top": ("name:Muscle spasm\nsummary: x\n", 1),
    "key:value at the end of a block": ("symptoms:\n  painful:Yes.\ncauses: x\n", 2),
    "key:value in a list item": ("when_to_get_help:\n  - care:emergency\n", 2),
    "text after a closing quote": ('painful: "Yes," says the doctor.\nhow_long: x\n', 1),
    "a list item after a closing quote": ("list:\n  - 'Tight' is how it feels.\n", 2),
    "a field after a closing quote": ('list:\n  - text: "Yes" it hurts\n    next: b\n', 2),
    "an unclosed quote": ('title: "Twitch or spasm?\nsummary: >\n  Answer.\n'
                          'questions:\n  - text: "Yes"\n    next: a\n', 1),
    "an unclosed quote YAML reads without an error": (
        'title: "Twitch or spasm?\nsummary: Answer."\nstart: a\n', 1),
    "an unclosed quote in a list": ('list:\n  - text: "Yes\n    next: b\n'
                                    '  - text: "No"\n    next: c\n', 2),
    "emphasis at the start of an item": ("list:\n  - *Tight* muscle\n  - two\n", 2),
    "emphasis as the whole item": ("list:\n  - *Tight*\n", 2),
    "strong emphasis at the start of a text": ("summary: **Tight** muscle\n", 1),
}


@pytest.mark.parametrize("slip", SLIPS)
def test_a_slip_is_named_on_its_line_in_plain_words(tmp_path: Path, slip: str) -> None:
    text, line = SLIPS[slip]

    document, errors = read(tmp_path, text)

    assert document is None
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"page.yml:{line}:")
    assert not any(words in errors[0] for words in PARSER_WORDS), errors[0]


@pytest.mark.parametrize("slip", SLIPS)
def test_typing_the_example_fixes_the_line(tmp_path: Path, slip: str) -> None:
    text, line = SLIPS[slip]
    _, errors = read(tmp_path, text)
    example = EXAMPLE.search(errors[0])
    assert example, errors[0]
    lines = text.split("\n")
    indent = len(lines[line - 1]) - len(lines[line - 1].lstrip(" "))

    lines[line - 1] = " " * indent + example[1]
    if "Start each item" in errors[0]:  # the other items of the list, as the message says
        lines = [re.sub("^( *)[\u2013\u2014\u2022] ", r"\1- ", each) for each in lines]
    document, errors = read(tmp_path, "\n".join(lines))

    assert errors == []
    assert document is not None


def test_the_examples_keep_the_words(tmp_path: Path) -> None:
    _, errors = read(tmp_path, 'painful: "Yes," says the doctor.\n')
    example = EXAMPLE.search(errors[0])
    assert example

    document, _ = read(tmp_path, example[1] + "\n")

    assert getattr(document, "data", None) == {"painful": '"Yes," says the doctor.'}


@pytest.mark.parametrize("text", [
    "list:\n  - \u00a0one\n",                 # after `- `, the text's first letter
    "summary: \u2013 in short\n",            # a dash after a key is prose
    "summary: >\n  \u2013 one\n  \u2013 two\n",  # and so is anything in a `>` block
    "list:\n  - https://a.org\n  - mailto:b@a.org\n  - tel:911\n",
    "list:\n  - tip:drink water\n",          # not a field name: text with a colon
    'summary: "A twitch\n  Note: it is small."\n',  # a quoted text indented under its key
    'summary: "A twitch\n  - small"\n',
    'list:\n- "A twitch\n  {: is small }"\n',  # a quoted item indented past its dash
    'list:\n  - "A twitch\n    Note: it is small."\n',
    "list:\n  - Very *tight* muscle\n  - '*Tight* muscle'\n",
    "summary: 'It''s fine' \n",
    "time: '10:30'\n",
])
def test_text_that_only_looks_like_a_slip_reads_the_same_both_ways(
        tmp_path: Path, text: str) -> None:
    document, errors = read(tmp_path, text)
    fast = fast_yaml.compose(text, max_depth=load.MAX_DEPTH)
    slow = load._read_unusual(text, "page.yml", ErrorCollector())

    assert errors == []
    assert slow is not None
    assert fast is None or fast == (slow.data, slow.positions)
    assert getattr(document, "data", None) == slow.data


@pytest.mark.parametrize("slip", SLIPS)
def test_the_fast_reader_passes_every_slip_on(slip: str) -> None:
    assert fast_yaml.compose(SLIPS[slip][0], max_depth=load.MAX_DEPTH) is None


@pytest.mark.parametrize(("text", "column", "message"), [
    ("summary: x\n\u00a0\u00a0how_long: y\n", 1, "this line is indented with no-break spaces"),
    ("list:\n  -\u00a0one\n", 4, "the space after this `-` is a no-break space"),
])
def test_no_break_spaces_where_spaces_belong_are_pointed_at(
        tmp_path: Path, text: str, column: int, message: str) -> None:
    document, errors = read(tmp_path, text)

    assert document is None
    assert fast_yaml.compose(text, max_depth=load.MAX_DEPTH) is None
    assert len(errors) == 1
    assert errors[0].startswith(f"page.yml:2:{column}: {message}")


def test_a_line_that_goes_on_from_the_item_above_may_be_indented_instead(tmp_path: Path) -> None:
    _, errors = read(tmp_path, "list:\n  - If it hurts,\n  see a doctor.\n  - Rest.\n")
    assert "If it goes on from the item above, indent it as far as that item's words" in errors[0]

    document, errors = read(tmp_path, "list:\n  - If it hurts,\n    see a doctor.\n  - Rest.\n")

    assert errors == []
    assert getattr(document, "data", None) == {"list": ["If it hurts, see a doctor.", "Rest."]}
