"""The content cache: a new build reads and checks only the files that changed since the last.

Each test starts a "new process" by emptying the in-memory cache, so what is reused comes
from the cache file on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import generator.load
import generator.project
from generator import content_cache
from generator.pipeline import render_content

Calls = tuple[list[str], list[str]]


@pytest.fixture
def new_process(monkeypatch: pytest.MonkeyPatch) -> Callable[[], Calls]:
    """Empty the in-memory cache; return the texts parsed and the files checked from now on."""
    parsed: list[str] = []
    checked: list[str] = []
    compose, to_model = generator.load.fast_yaml.compose, generator.project.to_model
    monkeypatch.setattr(generator.load.fast_yaml, "compose",
                        lambda text, **kw: parsed.append(text) or compose(text, **kw))
    monkeypatch.setattr(generator.project, "to_model",
                        lambda doc, *args: checked.append(doc.name) or to_model(doc, *args))

    def start() -> Calls:
        monkeypatch.setattr(content_cache, "CACHE", content_cache.ContentCache())
        monkeypatch.setattr(generator.load, "CACHE", content_cache.CACHE)
        monkeypatch.setattr(generator.project, "CACHE", content_cache.CACHE)
        parsed.clear()
        checked.clear()
        return parsed, checked
    return start


def content_files() -> int:
    return len(list(Path("content").rglob("*.yml")))


def test_a_new_build_of_unchanged_content_reads_no_file_again(
    scratch: Callable[..., Path], new_process: Callable[[], Calls]
) -> None:
    scratch()
    parsed, checked = new_process()
    first = render_content(Path("content"))
    assert len(parsed) == len(checked) == content_files()  # the first build reads everything

    parsed, checked = new_process()
    again = render_content(Path("content"))

    assert parsed == [] and checked == []
    assert again.pages == first.pages and again.front_matter == first.front_matter


def test_after_editing_one_file_a_new_build_reads_that_file_alone(
    scratch: Callable[..., Path], new_process: Callable[[], Calls]
) -> None:
    scratch()
    render_content(Path("content"))
    edited = Path("content/conditions/muscle-spasm.yml")
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "name: Muscle spasm", "name: Muscle spasm (edited)"), encoding="utf-8")

    parsed, checked = new_process()
    rendered = render_content(Path("content"))

    assert len(parsed) == 1 and "Muscle spasm (edited)" in parsed[0]
    assert checked == ["content/conditions/muscle-spasm.yml"]
    assert "# Muscle spasm (edited)" in rendered.pages["conditions/muscle-spasm.md"]


def test_the_cache_lives_beside_the_content_folder(scratch: Callable[..., Path]) -> None:
    project = scratch()
    render_content(Path("content"))

    assert (project / ".cache/health-generator/content.pickle").is_file()
    assert not [p for p in (project / "content").rglob("*") if "cache" in p.name]


def test_a_cache_from_another_version_of_the_generator_is_not_used(
    scratch: Callable[..., Path], new_process: Callable[[], Calls],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch()
    render_content(Path("content"))
    monkeypatch.setattr(content_cache, "generator_fingerprint", lambda: "another version")

    parsed, checked = new_process()
    render_content(Path("content"))

    assert len(parsed) == len(checked) == content_files()


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_cache_file_is_ignored_and_replaced(
    scratch: Callable[..., Path], new_process: Callable[[], Calls], damage: bytes
) -> None:
    project = scratch()
    first = render_content(Path("content"))
    cache = project / ".cache/health-generator/content.pickle"
    cache.write_bytes(damage)

    parsed, _ = new_process()
    rendered = render_content(Path("content"))

    assert len(parsed) == content_files()
    assert rendered.pages == first.pages
    parsed, _ = new_process()
    render_content(Path("content"))
    assert parsed == []  # written again, whole


def test_a_file_with_mistakes_is_read_again_until_it_is_fixed(
    scratch: Callable[..., Path], new_process: Callable[[], Calls]
) -> None:
    scratch({"content/conditions/muscle-spasm.yml": "id: muscle-spasm\nname: [unfinished\n"})
    with pytest.raises(generator.errors.ContentErrors):
        render_content(Path("content"))

    new_process()
    with pytest.raises(generator.errors.ContentErrors) as again:
        render_content(Path("content"))

    assert "content/conditions/muscle-spasm.yml" in again.value.report()
