"""Every page has its place, and no content id can take the address of one the site makes."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path, PurePosixPath

import pytest
from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML

from generator.content.models import Comparison, Condition, Flowchart, Page
from generator.content.project import load_project
from generator.site import routes
from generator.site.render import render_files
from generator.wording import for_locale

from conftest import CONTENT, PUBLISHED_AT, ROOT, render_site

PAGE_FOLDERS = sorted({folder for path in routes.ROUTES
                       for folder in PurePosixPath(path).parent.parts})
"""The folders the site's pages live in: conditions/, checker/, faq/ and the others."""
PAGE_ADDRESS = re.compile(
    r"\.\./"  # a link up from a page's folder
    rf"|(?<![\w.-])(?:{'|'.join(PAGE_FOLDERS)})/"  # a page's folder
    r"|\S\.md(?![\w.-])"  # a page's source file (not `_review.md.j2`, nor `.md-search`)
    r"|\bindex\.html\b")  # the offline bundle's address of a folder's page
LAYOUT_FILES = sorted([*(ROOT / "generator/site/templates").glob("*.j2"),
                       *(ROOT / "overrides").rglob("*.html"),
                       *(ROOT / "overrides/assets/javascripts").glob("*.js")])

KINDS: dict[str, type[BaseModel]] = {
    "conditions/muscle-twitch.yml": Condition, "comparisons/twitch-vs-spasm.yml": Comparison,
    "flowcharts/twitch-or-spasm.yml": Flowchart, "pages/about.yml": Page,
}


def test_every_folder_and_fixed_page_the_site_writes_is_a_kept_name() -> None:
    shipped = load_project(CONTENT)
    project = dataclasses.replace(shipped, site=shipped.site.published_at(PUBLISHED_AT))
    ids = {c.id for c in project.conditions} | {c.id for c in project.comparisons} | {
        f.id for f in project.flowcharts} | {p.id for p in project.pages}
    words = for_locale(project.site.locale)
    written = [*render_site(project, large_from=1), *render_files(project, words)]

    names = {part.split(".", 1)[0] for path in written for part in PurePosixPath(path).parts}
    letters = {"m"}  # the large site's letter pages: conditions/letters/m.md, faq/m.md

    assert "conditions/letters/m.md" in written and "faq/m.md" in written
    assert names - ids - letters == set(routes.RESERVED_IDS) - {"404", "assets", "search",
                                                                   "sitemap"}


@pytest.mark.parametrize("name", routes.RESERVED_IDS)
@pytest.mark.parametrize("file", KINDS)
def test_no_kind_of_page_may_take_a_kept_name_as_its_id(file: str, name: str) -> None:
    data = YAML(typ="safe").load((CONTENT / file).read_text(encoding="utf-8"))

    with pytest.raises(ValidationError) as refused:
        KINDS[file].model_validate({**data, "id": name})

    (error,) = refused.value.errors()
    assert error["loc"][0] == "id"
    assert f"`{name}` is the name of a page or folder the site makes itself" in error["msg"]
    assert "The site keeps these names: `404`, `assets`, `checker`" in error["msg"]


@pytest.mark.parametrize("folders", [True, False], ids=["website", "offline bundle"])
def test_each_page_has_the_address_mkdocs_gives_it(folders: bool) -> None:
    from mkdocs.structure.files import File

    paths = [*render_site(load_project(CONTENT), large_from=1), "conditions/letters/é.md",
             "robots.txt"]
    for path in paths:
        made = File(path, "docs", "site", use_directory_urls=folders)

        assert routes.address(path, folders=folders) == made.url, path


def test_the_website_gives_folder_addresses_and_the_bundle_file_addresses() -> None:
    assert routes.address("pages/about.md", folders=True) == "pages/about/"
    assert routes.address("pages/about.md", folders=False) == "pages/about.html"
    assert routes.address("conditions/index.md", folders=True) == "conditions/"
    assert routes.address("index.md", folders=True) == "./"
    assert routes.address("index.md", folders=False) == "index.html"


@pytest.mark.parametrize(("page", "target", "link"), [
    (routes.HOME, routes.checker("twitch-or-spasm"), "checker/twitch-or-spasm.md"),
    (routes.HOME, routes.TOPICS, "conditions/index.md"),
    (routes.comparison("twitch-vs-spasm"), routes.condition("muscle-twitch"),
     "../conditions/muscle-twitch.md"),
    (routes.condition("muscle-twitch"), routes.comparison("twitch-vs-spasm"),
     "../compare/twitch-vs-spasm.md"),
    (routes.TOPICS, routes.condition("muscle-twitch"), "muscle-twitch.md"),
    (routes.TOPICS, routes.topic_letter("m"), "letters/m.md"),
    (routes.topic_letter("m"), routes.TOPICS, "../index.md"),
    (routes.topic_letter("m"), routes.condition("muscle-twitch"), "../muscle-twitch.md"),
    (routes.FAQ, routes.faq_letter("m"), "faq/m.md"),
    (routes.faq_letter("m"), routes.FAQ, "../faq.md"),
    (routes.embed("muscle-twitch"), routes.condition("muscle-twitch"),
     "../conditions/muscle-twitch.md"),
])
def test_a_page_links_to_another_by_its_path_from_the_page(page: str, target: str,
                                                            link: str) -> None:
    # Relative, so the link works wherever the site is published, and in the bundle.
    assert routes.link(page, target) == link


def test_each_kind_of_page_has_its_own_folder() -> None:
    assert routes.condition("muscle-twitch") == "conditions/muscle-twitch.md"
    assert routes.comparison("twitch-vs-spasm") == "compare/twitch-vs-spasm.md"
    assert routes.checker("twitch-or-spasm") == "checker/twitch-or-spasm.md"
    assert routes.plain_page("about") == "pages/about.md"
    assert routes.embed("muscle-twitch") == "embed/muscle-twitch.md"
    assert routes.oembed("muscle-twitch") == "oembed/muscle-twitch.json"


def test_only_the_embed_pages_and_their_oembed_files_are_the_websites_alone() -> None:
    shipped = load_project(CONTENT)
    project = dataclasses.replace(shipped, site=shipped.site.published_at(PUBLISHED_AT))
    paths = {*render_site(project), *render_files(project, for_locale(project.site.locale))}

    assert {path for path in paths if routes.website_only(path)} == {
        routes.embed("muscle-twitch"), routes.embed("muscle-spasm"),
        routes.oembed("muscle-twitch"), routes.oembed("muscle-spasm")}
    # The page that offers the embed code is in both outputs.
    assert not routes.website_only(routes.plain_page("embed-our-questions"))
    assert not routes.website_only("embed/muscle-twitch/index.md")


def test_the_404_page_links_from_the_site_root_in_each_output() -> None:
    assert routes.root_address(routes.HOME, folders=True) == "./"
    assert routes.root_address(routes.HOME, folders=False) == "./index.html"
    assert routes.root_address(routes.TOPICS, folders=True) == "./conditions/"
    assert routes.root_address(routes.TOPICS, folders=False) == "./conditions/index.html"


def page_addresses(file: Path) -> list[str]:
    """Return each page address written in a file, as `line: address`."""
    lines = file.read_text(encoding="utf-8").splitlines()
    return [f"{number}: {found.group()}" for number, line in enumerate(lines, 1)
            for found in PAGE_ADDRESS.finditer(line)]


def test_the_scan_finds_the_page_addresses_a_template_could_write() -> None:
    for written in ("[x](../conditions/a.md)", "[x](faq.md)", "'checker/' ~ id", "{{ id }}.md",
                    "{{ 'conditions/' ~ index }}", "href='letters/m.md'", "index.html"):
        assert PAGE_ADDRESS.search(written), written
    for fine in ('{% include "_review.md.j2" %}', '.md-search[role="dialog"]',
                 "{{ condition.faq }}", "'assets/javascripts/embed.js' | url"):
        assert not PAGE_ADDRESS.search(fine), fine


@pytest.mark.parametrize("file", LAYOUT_FILES, ids=lambda file: file.relative_to(ROOT).as_posix())
def test_no_template_or_script_writes_a_page_address(file: Path) -> None:
    # Links arrive ready-made from routes.py (generator/site/views.py and site_source.py).
    assert page_addresses(file) == []
