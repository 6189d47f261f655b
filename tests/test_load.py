"""Reading one YAML file: positions are kept, and unsafe files are refused."""

from __future__ import annotations

from pathlib import Path

from generator.errors import ErrorCollector
from generator.load import MAX_FILE_BYTES, read_document


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
