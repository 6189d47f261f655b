"""Reading one YAML file: positions are kept, and unsafe files are refused."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from generator.content.load import MAX_FILE_BYTES, read_document
from generator.errors import ErrorCollector


def read(tmp_path: Path, data: bytes) -> tuple[object, list[str]]:
    path = tmp_path / "page.yml"
    path.write_bytes(data)
    errors = ErrorCollector()
    document = read_document(path, "page.yml", errors)
    return document, [str(e) for e in errors.errors]


def test_positions_point_at_values_and_list_items(tmp_path: Path) -> None:
    document, _ = read(tmp_path, b"name: x\ncauses:\n  common:\n    - a\n    - b\n")

    assert document.position(["name"]) == (1, 7)
    assert document.position(["causes", "common", 1]) == (5, 7)
    assert document.position(["causes", "rare"]) == (3, 3)
    assert document.position(["colour"]) == (1, 1)


def test_unknown_keys_point_at_the_key(tmp_path: Path) -> None:
    document, _ = read(tmp_path, b"name: x\ncolour: red\n")

    assert document.position(["colour"], at_key=True) == (2, 1)


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    document, errors = read(tmp_path, b"\xef\xbb\xbfname: x\n")

    assert errors == []
    assert document.data == {"name": "x"}


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    _, errors = read(tmp_path, b"name: " + b"x" * MAX_FILE_BYTES + b"\n")

    assert errors == ["page.yml:1:1: the file is 513 KB; the limit is 512 KB. "
                      "Split it into smaller files."]


def test_a_huge_file_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "page.yml"
    with path.open("wb") as file:
        file.truncate(100 * 1024**2)  # sparse: nothing is written to disk
    errors = ErrorCollector()

    tracemalloc.start()
    try:
        assert read_document(path, "page.yml", errors) is None
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert [str(e) for e in errors.errors] == [
        "page.yml:1:1: the file is 102400 KB; the limit is 512 KB. Split it into smaller files."
    ]
    assert peak < MAX_FILE_BYTES


def test_a_link_to_another_file_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "secret.yml").write_text("name: secret\n")
    (tmp_path / "page.yml").symlink_to(tmp_path / "secret.yml")
    errors = ErrorCollector()

    assert read_document(tmp_path / "page.yml", "page.yml", errors) is None
    assert [str(e) for e in errors.errors] == [
        "page.yml:1:1: this file is a link to another file. Copy the file here instead of "
        "linking to it."
    ]


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "page.yml")
    errors = ErrorCollector()

    assert read_document(tmp_path / "page.yml", "page.yml", errors) is None
    assert [str(e) for e in errors.errors] == [
        "page.yml:1:1: this is not a regular file. Replace it with a text file."
    ]


TOO_DEEP = ("this is nested too deeply: more than 20 lists and blocks inside each other. "
            "Content needs only a few levels. Check the indentation and the brackets.")


@pytest.mark.parametrize("depth", [600, 5_000, 100_000])
def test_deep_brackets_are_refused_at_the_first_level_too_many(tmp_path: Path, depth: int) -> None:
    document, errors = read(tmp_path, b"name: " + b"[" * depth + b"\n")

    assert document is None
    assert errors == [f"page.yml:1:26: {TOO_DEEP}"]


def test_deep_indentation_is_refused_at_the_first_level_too_many(tmp_path: Path) -> None:
    lines = [f"{'  ' * level}level{level}:" for level in range(600)]

    document, errors = read(tmp_path, "\n".join([*lines, "  " * 600 + "x"]).encode())

    assert document is None
    assert errors == [f"page.yml:21:41: {TOO_DEEP}"]


def test_twenty_levels_are_fine(tmp_path: Path) -> None:
    document, errors = read(tmp_path, b"name: " + b"[" * 19 + b"x" + b"]" * 19 + b"\n")

    assert errors == []
    assert document is not None


def test_merge_keys_are_refused(tmp_path: Path) -> None:
    _, errors = read(tmp_path, b"base: {painful: no}\nsymptoms:\n  <<: {painful: yes}\n")

    assert errors == ["page.yml:3:3: YAML merge keys (`<<`) are not allowed. Write each field "
                      "out in full, or put `<<` in quotes if it is text."]


def test_a_quoted_merge_sign_is_text(tmp_path: Path) -> None:
    document, errors = read(tmp_path, b'name: "<<"\n')

    assert errors == []
    assert document.data == {"name": "<<"}


def test_a_list_item_indented_under_the_one_above_is_pointed_at(tmp_path: Path) -> None:
    _, errors = read(tmp_path, b"treatment:\n  - A sharp pain in your calf or thigh.\n"
                               b"    - The muscle feels hard.\n")

    assert errors == ["page.yml:3:5: this line looks like a new list item, but it is indented "
                      "under the one above, so YAML joins the two into one item. Line it up "
                      "with the `-` above, or move it onto the line above if the dash is part "
                      "of the text."]


def test_a_list_item_joined_to_text_is_pointed_at(tmp_path: Path) -> None:
    _, errors = read(tmp_path, b"summary: A twitch is small\r\n  and short.\r\n  -  It stops.\r\n")

    assert errors == ["page.yml:3:3: this line looks like a list item, but YAML joins it to the "
                      "text above into one line. Move it onto the line above if the dash is "
                      "part of the text, or write `|` after the colon to keep the lines as you "
                      "wrote them."]


@pytest.mark.parametrize("text", [
    b"summary: A twitch - small and short.\n",
    b"summary: A twitch\n  -small and short.\n",
    b"summary: |\n  A twitch:\n\n  - small\n",
    b"summary: \"A twitch\n  - small\"\n",
])
def test_dashes_that_are_text_are_fine(tmp_path: Path, text: bytes) -> None:
    _, errors = read(tmp_path, text)

    assert errors == []


def test_a_billion_laughs_file_is_refused_before_it_expands(tmp_path: Path) -> None:
    lines = [b'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]".encode() for i in range(1, 10)]

    document, errors = read(tmp_path, b"\n".join(lines) + b"\n")

    assert document is None
    assert len(errors) > 10
    assert all("anchors and aliases" in e for e in errors)


def test_plain_data_has_no_yaml_types(tmp_path: Path) -> None:
    document, _ = read(tmp_path, b"text: |\n  two\n  lines\nitems:\n  - 1\n")

    assert type(document.data["text"]) is str
    assert type(document.data["items"]) is list


def test_a_control_character_is_pointed_at(tmp_path: Path) -> None:
    _, errors = read(tmp_path, b"name: x\ntitle: a\x00b\n")

    assert errors == ["page.yml:2:9: the file contains a character that is not allowed "
                      "(U+0000). Delete it."]


def test_a_date_that_does_not_exist_is_pointed_at(tmp_path: Path) -> None:
    _, errors = read(tmp_path, b"review:\n  last_reviewed: 2026-11-31\n")

    assert errors == ["page.yml:2:18: 2026-11-31 is not a real date. "
                      "Check the day and the month."]


def test_yaml_tags_are_refused(tmp_path: Path) -> None:
    _, errors = read(tmp_path, b"a: !!int abc\nb: !!binary aGk=\n")

    assert errors == [
        "page.yml:1:4: YAML tags such as `!!int` are not allowed. Remove the tag and write the "
        "value plainly.",
        "page.yml:2:4: YAML tags such as `!!binary` are not allowed. Remove the tag and write "
        "the value plainly.",
    ]


def test_keys_must_be_words(tmp_path: Path) -> None:
    _, errors = read(tmp_path, b"1: x\nlist:\n  - null: y\n")

    assert errors == [
        "page.yml:1:1: `1` is not a field name. Field names are words, like `summary`.",
        "page.yml:3:5: `null` is not a field name. Field names are words, like `summary`.",
    ]


@pytest.mark.parametrize("text", [
    b"%YAML 1.1\n---\nsummary: yes\n",     # YAML 1.1 reads yes, on, 010 and 1:20 another way
    b"%YAML 1.2\n---\nsummary: yes\n",
    b"%YAML 1.1\nsummary: yes\n",          # and without the `---` it needs
    b"%TAG ! tag:example.com,2000:\n---\nsummary: yes\n",
    b"\xef\xbb\xbf%YAML 1.1\n---\nsummary: on\n",
])
def test_a_yaml_directive_line_is_refused(tmp_path: Path, text: bytes) -> None:
    document, errors = read(tmp_path, text)

    name = text.removeprefix(b"\xef\xbb\xbf").split()[0].decode()
    assert document is None
    assert errors == [f"page.yml:1:1: `{name}` lines are not allowed. Remove this line; "
                      "content files are read as YAML 1.2."]


def test_a_number_too_long_to_read_is_pointed_at(tmp_path: Path) -> None:
    _, errors = read(tmp_path, b"a: " + b"9" * 5000 + b"\nb: 1_" + b"2" * 4300 + b"\nc: "
                     + b"3" * 4300 + b"\n")

    assert errors == [
        "page.yml:1:4: this number is 5000 digits long, more than can be read. Content needs "
        "no such number: shorten it, or put it in quotes if it is text.",
        "page.yml:2:4: this number is 4301 digits long, more than can be read. Content needs "
        "no such number: shorten it, or put it in quotes if it is text.",
    ]


@pytest.mark.parametrize("value", ["2026-11-26 25:00:00", "2026-11-26T10:60:00",
                                   "2026-11-26 23:59:60"])
def test_a_time_that_does_not_exist_is_pointed_at(tmp_path: Path, value: str) -> None:
    _, errors = read(tmp_path, f"a: {value}\n".encode())

    assert errors == [f"page.yml:1:4: {value} is not a real time. Check the hours, minutes "
                      "and seconds."]


def test_a_file_that_cannot_be_opened_is_named(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def refuse(path: str | Path, flags: int, *args: int) -> int:
        if Path(path).name == "page.yml":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    document, errors = read(tmp_path, b"a: b\n")

    assert document is None
    assert errors == ["page.yml:1:1: this file cannot be read (Permission denied). Check that "
                      "you may open it."]


def test_an_escape_past_the_last_character_is_pointed_at(tmp_path: Path) -> None:
    _, errors = read(tmp_path, b'a: fine\nb: "smile \\U0001F600, \\U00110000"\n')

    assert errors == ["page.yml:2:23: `\\U00110000` names no character: the last one is "
                      "`\\U0010FFFF`. Correct it, or type the character itself."]
