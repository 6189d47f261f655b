"""Shared fixtures: the shipped content, scratch projects and the golden-file switch."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import material
import pytest
from bs4 import BeautifulSoup

import generator.content.load
import generator.content.project
from generator.builders import output_folders
from generator.content.load import read_document
from generator.content.project import Project
from generator.content.translation import LANGUAGE_FOLDER, version_of
from generator.errors import ErrorCollector
from generator.site import front_matter
from generator.site.render import Pages, render_pages
from generator.site.views import LARGE_SITE_FROM, is_large
from generator.wording import for_locale
from generator.writer import scaffold

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
GOLDEN = Path(__file__).resolve().parent / "golden"
PUBLISHED_AT = "https://health-guides.github.io/muscle-guide/"
"""The address the test builds are published at, as the Pages workflow passes its own."""


def pytest_configure(config: pytest.Config) -> None:
    # Content loaded while the tests are collected (module-level renders) keeps its cache
    # here, never in the user's own cache folder; each test then gets its own (below).
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="health-generator-tests-")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ["XDG_CACHE_HOME"], ignore_errors=True)


@pytest.fixture(autouse=True)
def fresh_content_cache(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Start each test with no cached content on disk (in memory, each load has its own).

    Some tests switch a check off; what they load must never reach another test.
    """
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="Rewrite the golden files from the current output.")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Path]]:
    """Copy the shipped project into a temporary folder, then write or delete files in it.

    Call it with `{"content/site.yml": "...dedented YAML...", "content/x.yml": None}`;
    None deletes the file. The working directory is the scratch project, so error
    messages name files the way an author sees them.
    """
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)

    def write(files: dict[str, str | bytes | None] | None = None) -> Path:
        for name, text in (files or {}).items():
            target = tmp_path / name
            if text is None:
                target.unlink()
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                target.write_bytes(text)
            else:
                target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return tmp_path

    yield write


SPANISH_SITE = """\
translated_from: 0123456789ab
title: Guía de tics y espasmos musculares
description: Datos claros sobre los tics y los espasmos musculares.
locale: es-US
publisher: Guía de tics y espasmos musculares
emergency:
  message: Si tiene síntomas médicos graves, busque ayuda de emergencia ahora.
intro: Un tic muscular y un espasmo muscular son movimientos que usted no puede controlar.
review:
  last_reviewed: 2026-11-26
  next_review_due: 2027-11-26
"""
"""A Spanish site.yml, made from an older English one (its `translated_from` is stale)."""
_LANGUAGES = re.compile(r"^languages:.*\n(?:[ \t]+-.*\n)*", re.MULTILINE)
"""The `languages` setting of a site.yml, on one line or as a list below it."""


def bilingual(project: Path, *translated: str, languages: str = "[en, es]") -> Path:
    """Make a scratch project English and Spanish, whatever the shipped content translates.

    The site lists `languages`, and content/es/ holds only SPANISH_SITE and a faithful copy
    of each original named (`conditions/muscle-twitch.yml`), made as `new --language es`
    makes one.
    """
    content = one_language(project) / "content"
    site = content / "site.yml"
    text = site.read_text(encoding="utf-8")
    site.write_text(text.replace("locale: en-US\n", f"locale: en-US\nlanguages: {languages}\n"),
                    encoding="utf-8")
    (content / "es").mkdir()
    (content / "es" / "site.yml").write_text(SPANISH_SITE, encoding="utf-8")
    for name in translated:
        original = content / name
        document = read_document(original, name, ErrorCollector())
        assert document is not None, f"{original} does not load"
        target = content / "es" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(scaffold.translation(original.read_text(encoding="utf-8"),
                                               version_of(document)), encoding="utf-8")
    return project


def copy_case(case: Path, project: Path) -> None:
    """Copy a golden case's content folder over a scratch project's.

    The shipped translations and `languages` are removed first: a case reads the same whatever
    the shipped content translates, and holds the translations it is about, with its own
    site.yml listing their languages.
    """
    one_language(project)
    shutil.copytree(case / "content", project / "content", dirs_exist_ok=True)


def one_language(project: Path) -> Path:
    """Make a scratch project's site one in its own language only, with no translations."""
    content = project / "content"
    for folder in content.iterdir():
        if folder.is_dir() and LANGUAGE_FOLDER.match(folder.name):
            shutil.rmtree(folder)
    site = content / "site.yml"
    site.write_text(_LANGUAGES.sub("", site.read_text(encoding="utf-8")), encoding="utf-8")
    return project


def old_build(folder: Path, files: dict[str, str]) -> Path:
    """Make `folder` look like an earlier build's output: these files and the build's stamp."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    output_folders.write_stamp(folder)
    return folder


@dataclass
class Parses:
    """The texts parsed and the files checked since the fixture started, in order."""

    parsed: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.parsed.clear()
        self.checked.clear()


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Parses:
    """Record each text the fast YAML parser parses and each file checked against its model."""
    found = Parses()
    compose, to_model = generator.content.load.fast_yaml.compose, generator.content.project.to_model
    monkeypatch.setattr(generator.content.load.fast_yaml, "compose",
                        lambda text, **kw: found.parsed.append(text) or compose(text, **kw))
    monkeypatch.setattr(generator.content.project, "to_model",
                        lambda doc, *args: found.checked.append(doc.name) or to_model(doc, *args))
    return found


def render_site(project: Project, *, large_from: int = LARGE_SITE_FROM) -> Pages:
    """Return every page of the site as Markdown, keyed by its path (front matter included)."""
    bodies, values = render_pages(project, large=is_large(project.conditions, large_from),
                                 words=for_locale(project.site.locale))
    return {path: front_matter.page(values[path], body) for path, body in bodies.items()}


def check_golden(actual: str, golden: Path, update: bool) -> None:
    """Compare output with a golden file, or rewrite it under --update-goldens."""
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run pytest --update-goldens and review it."
    assert actual == golden.read_text(encoding="utf-8"), f"output differs from {golden}"


BOTH_BUILDERS = pytest.mark.parametrize("builder", ["mkdocs", "zensical"], indirect=True,
                                        scope="session")
"""Run a test on the site MkDocs builds and on the site Zensical builds."""


def both_builders(zensical_lacks: str) -> pytest.MarkDecorator:
    """Run a test on both builders' sites; on Zensical's it is known to fail, for this reason.

    Strict: once Zensical passes, the test fails until this mark becomes BOTH_BUILDERS.
    """
    return pytest.mark.parametrize("builder", ["mkdocs", pytest.param("zensical", marks=(
        pytest.mark.xfail(strict=True, reason=zensical_lacks)))], indirect=True, scope="session")
ZENSICAL = pytest.mark.parametrize("builder", ["zensical"], indirect=True, scope="session")
"""Run a test on the site Zensical builds."""


@pytest.fixture(scope="session")
def builder(request: pytest.FixtureRequest) -> str:
    """Return the site builder of the build under test: MkDocs, unless a test names another."""
    return str(getattr(request, "param", "mkdocs"))


def build_shipped(out: Path, builder: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """Build the shipped content into out/site and out/dist with the real CLI; return the run."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--site-dir", str(out / "site"),
         "--dist-dir", str(out / "dist"), "--site-url", PUBLISHED_AT, "--builder", builder],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="session")
def built(builder: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the shipped content once per builder, with the real CLI in strict mode."""
    out = tmp_path_factory.mktemp(f"build-{builder}")
    build_shipped(out, builder)
    return out


@pytest.fixture(scope="session")
def built_site(built: Path) -> Path:
    """Return the built public website."""
    return built / "site"


@pytest.fixture(scope="session")
def offline_zip(built: Path) -> Path:
    """Return the built offline bundle."""
    return built / "dist" / "muscle-twitch-and-spasm-guide-offline.zip"


@pytest.fixture(scope="session")
def offline_bundle(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Unpack the offline bundle of the build under test once, and return its folder."""
    folder = tmp_path_factory.mktemp("offline")
    zipfile.ZipFile(offline_zip).extractall(folder)
    (bundle,) = folder.iterdir()
    return bundle


THEME = Path(material.__file__).parent / "templates"
_SCRIPT = re.compile(r"<script(?:\s[^>]*)?>(.*?)</script>", re.DOTALL)


def template_scripts(template: Path) -> list[str]:
    """Return the text of each inline script written in a template (the theme's, or ours)."""
    return [text for text in _SCRIPT.findall(template.read_text(encoding="utf-8")) if text]


def theme_script(template: str, base: str = "..") -> str:
    """Return the last inline script of one of Material's templates, for a page at `base`."""
    text = template_scripts(THEME / template)[-1]
    return text.replace("{{ config.extra.scope | d(base_url) }}", base)


def theme_settings(base: str = "../..") -> dict[str, Any]:
    """Return Material's settings (`__config`) for a page at `base`, as it writes them for us."""
    words = ("clipboard.copy", "clipboard.copied", "search.result.placeholder",
             "search.result.none", "search.result.one", "search.result.other",
             "search.result.more.one", "search.result.more.other", "search.result.term.missing",
             "select.version")
    return {"annotate": None, "base": base,
            "features": ["navigation.instant", "navigation.indexes", "navigation.top"],
            "search": f"{base}/assets/javascripts/workers/search.a7633da7.min.js", "tags": None,
            "translations": {key: "words" for key in words}, "version": None}


def html(site_dir: Path, path: str) -> BeautifulSoup:
    """Return a built page, parsed, without the ¶ permalinks beside headings."""
    page = BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser")
    for permalink in page.select("a.headerlink"):
        permalink.decompose()
    return page
