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

from conftest import Reads


@pytest.fixture
def new_process(reads: Reads, monkeypatch: pytest.MonkeyPatch) -> Callable[[], Reads]:
    """Return a function that empties the in-memory cache and the record of reads."""
    def start() -> Reads:
        monkeypatch.setattr(content_cache, "CACHE", content_cache.ContentCache())
        monkeypatch.setattr(generator.load, "CACHE", content_cache.CACHE)
        monkeypatch.setattr(generator.project, "CACHE", content_cache.CACHE)
        reads.clear()
        return reads
    return start


def content_files() -> int:
    return len(list(Path("content").rglob("*.yml")))


def test_a_new_build_of_unchanged_content_reads_no_file_again(
    scratch: Callable[..., Path], new_process: Callable[[], Reads]
) -> None:
    scratch()
    reads = new_process()
    first = render_content(Path("content"))
    assert len(reads.parsed) == len(reads.checked) == content_files()  # the first reads all

    reads = new_process()
    again = render_content(Path("content"))

    assert reads.parsed == [] and reads.checked == []
    assert again.pages == first.pages and again.front_matter == first.front_matter


def test_after_editing_one_file_a_new_build_reads_that_file_alone(
    scratch: Callable[..., Path], new_process: Callable[[], Reads]
) -> None:
    scratch()
    render_content(Path("content"))
    edited = Path("content/conditions/muscle-spasm.yml")
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "name: Muscle spasm", "name: Muscle spasm (edited)"), encoding="utf-8")

    reads = new_process()
    rendered = render_content(Path("content"))

    assert len(reads.parsed) == 1 and "Muscle spasm (edited)" in reads.parsed[0]
    assert reads.checked == ["content/conditions/muscle-spasm.yml"]
    assert "# Muscle spasm (edited)" in rendered.pages["conditions/muscle-spasm.md"]


def test_the_cache_lives_beside_the_content_folder(scratch: Callable[..., Path]) -> None:
    project = scratch()
    render_content(Path("content"))

    assert (project / ".cache/health-generator/content.pickle").is_file()
    assert not [p for p in (project / "content").rglob("*") if "cache" in p.name]


def test_a_cache_from_another_version_of_the_generator_is_not_used(
    scratch: Callable[..., Path], new_process: Callable[[], Reads],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch()
    render_content(Path("content"))
    monkeypatch.setattr(content_cache, "generator_fingerprint", lambda: "another version")

    reads = new_process()
    render_content(Path("content"))

    assert len(reads.parsed) == len(reads.checked) == content_files()


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_cache_file_is_ignored_and_replaced(
    scratch: Callable[..., Path], new_process: Callable[[], Reads], damage: bytes
) -> None:
    project = scratch()
    first = render_content(Path("content"))
    cache = project / ".cache/health-generator/content.pickle"
    cache.write_bytes(damage)

    reads = new_process()
    rendered = render_content(Path("content"))

    assert len(reads.parsed) == content_files()
    assert rendered.pages == first.pages
    reads = new_process()
    render_content(Path("content"))
    assert reads.parsed == []  # written again, whole


def test_a_file_with_mistakes_is_read_again_until_it_is_fixed(
    scratch: Callable[..., Path], new_process: Callable[[], Reads]
) -> None:
    scratch({"content/conditions/muscle-spasm.yml": "id: muscle-spasm\nname: [unfinished\n"})
    with pytest.raises(generator.errors.ContentErrors):
        render_content(Path("content"))

    new_process()
    with pytest.raises(generator.errors.ContentErrors) as again:
        render_content(Path("content"))

    assert "content/conditions/muscle-spasm.yml" in again.value.report()
