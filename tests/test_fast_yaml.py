"""The fast parser reads every file it takes exactly as ruamel.yaml does, and passes on the rest."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator.content import fast_yaml, load
from generator.errors import ErrorCollector

from conftest import CONTENT, GOLDEN

FILES = sorted([*CONTENT.rglob("*.yml"), *(GOLDEN / "errors").rglob("*.yml")])


def reference(text: str) -> load.Document | None:
    return load._read_unusual(text, "x.yml", ErrorCollector())


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(p.parents[2]).as_posix())
def test_data_and_positions_match_ruamel_yaml(path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    fast = fast_yaml.compose(text, max_depth=load.MAX_DEPTH)
    if fast is None:
        return  # passed on: the reference parser reads it, as the golden errors show
    slow = reference(text)

    assert slow is not None, "the fast parser took a file that ruamel.yaml refuses"
    assert fast == (slow.data, slow.positions)


def test_the_shipped_content_takes_the_fast_path() -> None:
    for path in CONTENT.rglob("*.yml"):
        assert fast_yaml.compose(path.read_text(encoding="utf-8"),
                                 max_depth=load.MAX_DEPTH) is not None, path


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",                      # a key given twice
    "a: &x 1\nb: *x\n",                  # anchor and alias
    "a: !!str 1\n",                      # a tag
    "<<: {a: 1}\n",                      # a merge key
    "1: a\n",                            # a key that is not a word
    "a:\n",                              # an empty value
    "a: 1.5\n",                          # a number that is not whole
    "a: 0o17\n",                         # an octal number
    "a: 2026-02-30\n",                   # a date that does not exist
    "a: 2026-11-26T10:00:00\n",          # a time
    "- a\n",                             # a list, not a block
    "a: text\n  - joined\n",             # a line YAML joins to the text above
    "a: [\n",                            # a syntax error
    "%YAML 1.1\n---\na: yes\n",          # another YAML version
    "%TAG ! tag:example.com,2000:\n---\na: b\n",  # a directive that renames tags
    "a: 1\n---\nb: 2\n",                 # two documents
    "a: [[[[[[1]]]]]]\n",                # deeper than allowed below
])
def test_anything_unusual_is_passed_on(text: str) -> None:
    assert fast_yaml.compose(text, max_depth=5) is None


def test_values_mean_what_they_mean_in_yaml_1_2() -> None:
    text = "a: yes\nb: true\nc: 12\nd: 2026-11-26\ne: 'true'\nf: |\n  - kept\n"

    data, _ = fast_yaml.compose(text, max_depth=5) or ({}, {})

    assert data == {"a": "yes", "b": True, "c": 12, "d": datetime.date(2026, 11, 26),
                    "e": "true", "f": "- kept\n"}


DIRECTIVES = ["%YAML 1.1\n---\na: yes\nb: on\nc: 010\nd: 1:20\n", "%YAML 1.2\n---\na: yes\n",
              "%YAML 1.1\na: yes\n", "%TAG ! tag:example.com,2000:\n---\na: b\n",
              "%TAG !e! tag:example.com,2000:\n---\na: !e!x b\n", "%FUTURE 2\n---\na: b\n",
              "# a comment\n%YAML 1.1\n---\na: 010\n", "%YAML 1.1\n---\na: [\n",
              "a: b\n...\n%YAML 1.1\n---\na: on\n", "a: \"%YAML 1.1\"\n",
              "a: |\n  %YAML 1.1\n", "a: 50%\n", "a: b\n# %YAML 1.1\n"]


@pytest.mark.parametrize("text", DIRECTIVES)
def test_both_readers_give_the_same_data_or_the_same_refusal_for_directives(text: str) -> None:
    fast = fast_yaml.compose(text, max_depth=load.MAX_DEPTH)
    errors = ErrorCollector()
    slow = load._read_unusual(text, "x.yml", errors)

    if slow is None:
        assert errors.errors
        assert fast is None, "the fast parser took a file that ruamel.yaml refuses"
    elif fast is not None:
        assert fast == (slow.data, slow.positions)
    assert (slow is None) == text.startswith(("%", "# a comment\n%", "a: b\n...\n%"))
