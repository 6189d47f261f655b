"""One build: the content is loaded once, rendered once, and that result is what gets published."""

from __future__ import annotations

import copy
import dataclasses
import importlib
import pkgutil
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from mkdocs.config import load_config
from mkdocs.structure.files import Files

import generator
import generator.content.load
import generator.content.project
from generator.builders.mkdocs_plugin.plugin import HealthContentPlugin
from generator.cli import main
from generator.content.content_cache import ContentCache
from generator.pipeline import render_content, site_source

from conftest import CONTENT, ROOT, html


@pytest.fixture
def project_with_npm(scratch: Callable[..., Path]) -> Path:
    project = scratch()
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return project


def build(*args: str) -> None:
    result = CliRunner().invoke(main, ["build", *args])
    assert result.exit_code == 0, result.output


def test_one_build_reads_each_content_file_once(
    project_with_npm: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parses: Counter[str] = Counter()
    read_document = generator.content.project.read_document

    def counting(path: Path, name: str, *args: Any) -> Any:
        parses[name] += 1
        return read_document(path, name, *args)

    monkeypatch.setattr(generator.content.project, "read_document", counting)

    build()

    assert sorted(parses) == sorted(
        p.relative_to(project_with_npm).as_posix()
        for p in (project_with_npm / "content").rglob("*.yml"))
    assert set(parses.values()) == {1}
    assert (project_with_npm / "site/index.html").is_file()
    assert (project_with_npm / "dist/muscle-twitch-and-spasm-guide-offline.zip").is_file()


def test_build_content_builds_the_pages_from_that_folder(project_with_npm: Path) -> None:
    shutil.copytree(project_with_npm / "content", project_with_npm / "other")
    site_file = project_with_npm / "other/site.yml"
    site_file.write_text(site_file.read_text(encoding="utf-8").replace(
        "title: Muscle Twitch and Spasm Guide", "title: Other Tree Guide"), encoding="utf-8")

    build("--content", "other")

    home = html(project_with_npm / "site", "index.html")
    twitch = html(project_with_npm / "site", "conditions/muscle-twitch/index.html")
    assert home.select_one("article h1").get_text(strip=True) == "Other Tree Guide"
    assert "Other Tree Guide" in twitch.title.get_text()
    assert "Muscle Twitch and Spasm Guide" not in twitch.title.get_text()
    assert (project_with_npm / "dist/other-tree-guide-offline.zip").is_file()


def test_nothing_but_the_generated_pages_is_published(project_with_npm: Path) -> None:
    docs = project_with_npm / "overrides/.empty-docs"
    (docs / "evil.md").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    (docs / "notes.html").write_text("<p>notes</p>\n", encoding="utf-8")

    build()

    site = project_with_npm / "site"
    published = {p.name for p in site.rglob("*")}
    assert not {"evil", "evil.md", "notes.html", ".gitkeep"} & published
    assert not list(site.rglob("*.yml"))


@pytest.mark.parametrize("large_from", [1, 30])
def test_pages_and_menus_of_one_build_agree_on_whether_the_site_is_large(large_from: int) -> None:
    rendered = render_content(CONTENT, large_from=large_from)
    letter_page = "conditions/letters/m.md"
    topics_in_menu = rendered.nav[2]["Topics A to Z"][1:]

    assert rendered.large is (large_from == 1)
    assert (letter_page in rendered.bodies) is rendered.large
    assert (topics_in_menu == [{"M": letter_page}]) is rendered.large
    assert ("menu" in rendered.front_matter["faq.md"]) is rendered.large


MEMOS = {"generator.builders.mkdocs_plugin.template_cache._CACHES"}
"""Module-level memos of a pure function, free to fill: compiled theme templates, checked
against their source by Jinja."""


def module_state() -> dict[str, Any]:
    """Return a copy of every mutable dict, list, set and dataclass at a generator module's top."""
    state: dict[str, Any] = {}
    for found in pkgutil.walk_packages(generator.__path__, "generator."):
        if found.name == "generator.__main__":
            continue  # importing it runs the command line
        for name, value in vars(importlib.import_module(found.name)).items():
            if name.startswith("__"):
                continue  # Python's own: `__builtins__`, `__path__`
            if isinstance(value, dict | list | set | bytearray) or (
                    dataclasses.is_dataclass(value) and not isinstance(value, type)
                    and not type(value).__dataclass_params__.frozen):  # type: ignore[attr-defined]
                state[f"{found.name}.{name}"] = copy.deepcopy(value)
    return state


def test_no_stage_leaves_state_in_a_module_for_the_next(project_with_npm: Path) -> None:
    """What a build or a preview keeps (the content cache, the pages built) lives in objects."""
    before = module_state()
    assert [name for name, value in before.items() if isinstance(value, ContentCache)] == []

    for builder in ("mkdocs", "zensical"):
        site_source(render_content(Path("content")), Path("mkdocs.yml"), builder=builder)
    config = load_config("mkdocs.yml")  # the preview's first build, as MkDocs runs its hooks
    assert isinstance(config.plugins["health-content"], HealthContentPlugin)
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    config.plugins.on_files(Files([]), config=config)
    config.plugins.on_shutdown()

    after = module_state()
    assert [name for name in before if name not in MEMOS and after[name] != before[name]] == []
