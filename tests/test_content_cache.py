"""The content cache: a new build parses and checks only the files that changed since the last.

A build given no cache starts as a new process does: what it reuses comes from the cache file
on disk (in the test's own user cache folder, see conftest.py). A build handed a cache reuses
what that cache holds in memory, as the preview's rebuilds do.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import generator.content.load
from generator.builders.mkdocs_plugin.plugin import HealthContentPlugin
from generator.content import content_cache
from generator.content.content_cache import ContentCache
from generator.content.project import load_project
from generator.errors import ContentErrors
from generator.pipeline import render_content

from conftest import Parses


@pytest.fixture
def new_process(parses: Parses) -> Callable[[], Parses]:
    """Return a function that empties the record of parses before a build in a new process.

    A build without a cache of its own is one: it starts from the cache file on disk alone.
    """
    def start() -> Parses:
        parses.clear()
        return parses
    return start


def content_files() -> int:
    return len(list(Path("content").rglob("*.yml")))


def test_a_new_build_of_unchanged_content_parses_no_file_again(
    scratch: Callable[..., Path], new_process: Callable[[], Parses]
) -> None:
    scratch()
    parses = new_process()
    first = render_content(Path("content"))
    assert len(parses.parsed) == len(parses.checked) == content_files()  # the first: all

    parses = new_process()
    again = render_content(Path("content"))

    assert parses.parsed == [] and parses.checked == []
    assert again.pages == first.pages and again.front_matter == first.front_matter


@pytest.mark.parametrize("kept", ["in memory", "on disk"])
def test_after_editing_one_file_a_rebuild_parses_and_checks_that_file_alone(
    scratch: Callable[..., Path], parses: Parses, kept: str
) -> None:
    """In memory: the next rebuild of `make serve`. On disk: the next `make site`."""
    scratch()
    cache = ContentCache()
    render_content(Path("content"), cache=cache)
    edited = Path("content/conditions/muscle-spasm.yml")
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "name: Muscle spasm", "name: Muscle spasm (edited)"), encoding="utf-8")
    if kept == "on disk":
        cache = ContentCache()  # the next process's
    else:
        content_cache.cache_file(Path("content")).unlink()  # memory alone must do
    parses.clear()

    rendered = render_content(Path("content"), cache=cache)

    assert len(parses.parsed) == 1 and "Muscle spasm (edited)" in parses.parsed[0]
    assert parses.checked == ["content/conditions/muscle-spasm.yml"]
    assert "# Muscle spasm (edited)" in rendered.pages["conditions/muscle-spasm.md"]


def test_the_cache_is_kept_in_the_users_cache_folder_never_beside_the_content(
    scratch: Callable[..., Path]
) -> None:
    project = scratch()
    before = sorted(p.name for p in project.iterdir())
    render_content(Path("content"))

    cache = content_cache.cache_file(Path("content"))
    assert cache.parent == Path(os.environ["XDG_CACHE_HOME"]) / "health-generator"
    assert cache.is_file() and cache.stat().st_mode & 0o077 == 0
    assert cache.parent.stat().st_mode & 0o777 == 0o700
    assert sorted(p.name for p in project.iterdir()) == before


def test_a_cache_folder_that_others_can_write_to_is_not_used(
    scratch: Callable[..., Path], new_process: Callable[[], Parses]
) -> None:
    scratch()
    render_content(Path("content"))
    content_cache.cache_file(Path("content")).parent.chmod(0o777)

    parses = new_process()
    render_content(Path("content"))

    assert len(parses.parsed) == content_files()


def test_a_cache_from_another_version_of_the_generator_is_not_used(
    scratch: Callable[..., Path], new_process: Callable[[], Parses],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch()
    render_content(Path("content"))
    monkeypatch.setattr(content_cache, "generator_fingerprint", lambda: "another version")

    parses = new_process()
    render_content(Path("content"))

    assert len(parses.parsed) == len(parses.checked) == content_files()


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_cache_file_is_ignored_and_replaced(
    scratch: Callable[..., Path], new_process: Callable[[], Parses], damage: bytes
) -> None:
    scratch()
    first = render_content(Path("content"))
    content_cache.cache_file(Path("content")).write_bytes(damage)

    parses = new_process()
    rendered = render_content(Path("content"))

    assert len(parses.parsed) == content_files()
    assert rendered.pages == first.pages
    parses = new_process()
    render_content(Path("content"))
    assert parses.parsed == []  # written again, whole


def test_a_file_with_mistakes_is_checked_again_until_it_is_fixed(
    scratch: Callable[..., Path], new_process: Callable[[], Parses]
) -> None:
    scratch()
    spasm = Path("content/conditions/muscle-spasm.yml")
    good = spasm.read_text(encoding="utf-8")
    spasm.write_text(good.replace("name: Muscle spasm", "name: 5"), encoding="utf-8")
    with pytest.raises(ContentErrors):
        render_content(Path("content"))

    parses = new_process()
    with pytest.raises(ContentErrors) as again:
        render_content(Path("content"))

    assert parses.checked == ["content/conditions/muscle-spasm.yml"]
    assert "content/conditions/muscle-spasm.yml" in again.value.report()
    spasm.write_text(good, encoding="utf-8")
    parses = new_process()
    render_content(Path("content"))
    assert parses.checked == ["content/conditions/muscle-spasm.yml"]


def test_the_preview_saves_the_cache_when_it_stops_not_after_every_rebuild(
    scratch: Callable[..., Path], new_process: Callable[[], Parses]
) -> None:
    scratch()
    preview = HealthContentPlugin()
    preview.on_startup(command="serve", dirty=True)
    render_content(Path("content"), cache=preview.cache)  # the first build: the cache is written
    cache = content_cache.cache_file(Path("content"))
    first = cache.read_bytes()
    edited = Path("content/conditions/muscle-spasm.yml")
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "name: Muscle spasm", "name: Muscle spasm (edited)"), encoding="utf-8")

    render_content(Path("content"), cache=preview.cache)  # a rebuild after the edit
    assert cache.read_bytes() == first
    preview.on_shutdown()
    assert cache.read_bytes() != first

    parses = new_process()
    render_content(Path("content"))
    assert parses.parsed == [] and parses.checked == []


def test_two_caches_share_nothing_in_memory(
    scratch: Callable[..., Path], parses: Parses
) -> None:
    """Two owners (two previews, two tests) each get only what their own cache has seen."""
    project = scratch()
    shutil.copytree(project / "content", project / "copy")  # the same texts, another folder
    first, second = ContentCache(), ContentCache()
    load_project(Path("content"), cache=first)
    parses.clear()

    load_project(Path("copy"), cache=second)
    assert len(parses.parsed) == content_files()  # nothing that `first` holds

    parses.clear()
    load_project(Path("copy"), cache=first)
    assert parses.parsed == []  # the texts `first` has seen are found in it


def test_a_correct_file_that_only_ruamel_yaml_can_read_is_kept_too(
    scratch: Callable[..., Path], new_process: Callable[[], Parses],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch()
    twitch = Path("content/conditions/muscle-twitch.yml")
    twitch.write_text(twitch.read_text(encoding="utf-8").replace(
        "  last_reviewed:", "  reviewed_by:\n  last_reviewed:"), encoding="utf-8")  # empty
    slow: list[str] = []
    read_unusual = generator.content.load._read_unusual
    monkeypatch.setattr(generator.content.load, "_read_unusual",
                        lambda text, name, errors: slow.append(name) or read_unusual(
                            text, name, errors))
    render_content(Path("content"))
    assert slow == ["content/conditions/muscle-twitch.yml"]

    slow.clear()
    parses = new_process()
    render_content(Path("content"))

    assert slow == [] and parses.checked == []
