"""Every page has its place, and no content id can take the address of one the site makes."""

from __future__ import annotations

import dataclasses
from pathlib import PurePosixPath

import pytest
from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML

from generator import routes
from generator.models import Comparison, Condition, Flowchart, Page
from generator.project import load_project
from generator.render import render_files

from conftest import CONTENT, PUBLISHED_AT, render_site

KINDS: dict[str, type[BaseModel]] = {
    "conditions/muscle-twitch.yml": Condition, "comparisons/twitch-vs-spasm.yml": Comparison,
    "flowcharts/twitch-or-spasm.yml": Flowchart, "pages/about.yml": Page,
}


def test_every_folder_and_fixed_page_the_site_writes_is_a_kept_name() -> None:
    shipped = load_project(CONTENT)
    project = dataclasses.replace(shipped, site=shipped.site.published_at(PUBLISHED_AT))
    ids = {c.id for c in project.conditions} | {c.id for c in project.comparisons} | {
        f.id for f in project.flowcharts} | {p.id for p in project.pages}
    written = [*render_site(project, large_from=1), *render_files(project)]

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
