"""Front matter: what the pages' Markdown says is exactly what the site builder reads back.

The rendered values are written as the exported Markdown's front matter, and the site source
(what MkDocs builds, and the preview hands it) writes its own: text escaped, links as
addresses. A builder must read back exactly those values.
"""

from __future__ import annotations

import pytest
from mkdocs.utils.meta import get_data

from generator.pipeline import RenderedSite, render_content, site_source
from generator.site import front_matter

from conftest import CONTENT, ROOT

SMALL = render_content(CONTENT)
LARGE = render_content(CONTENT, large_from=1)  # every page with its own menu


@pytest.mark.parametrize("rendered", [SMALL, LARGE], ids=["small site", "large site"])
def test_mkdocs_reads_back_the_values_of_each_page(rendered: RenderedSite) -> None:
    for path, text in rendered.pages.items():
        markdown, values = get_data(text)

        assert values == rendered.front_matter[path], path
        assert markdown == rendered.bodies[path].lstrip("\n"), path


@pytest.mark.parametrize("offline", [False, True], ids=["website", "offline bundle"])
def test_mkdocs_reads_back_the_values_the_site_source_gives_it(offline: bool) -> None:
    source = site_source(LARGE, ROOT / "mkdocs.yml", offline=offline)

    for path, text in source.pages.items():
        markdown, values = get_data(text)

        assert values == source.front_matter[path], path
        assert markdown == source.bodies[path].lstrip("\n"), path


def test_every_page_has_its_front_matter_and_only_pages_do() -> None:
    assert set(LARGE.front_matter) == set(LARGE.bodies) == set(LARGE.pages)
    assert not set(LARGE.front_matter) & set(LARGE.files)


@pytest.mark.parametrize("title", [
    'Quotes " and \\ and a colon: here',
    "Two lines\u2028in one\u2029title\x85end",
    "Characters YAML will not read: \ufffe \uffff \x7f \x9f",
    "A smile 😀 and an accent é",
    "---\nnot: the end",
    "# not a comment",
])
def test_any_text_stays_on_its_line_and_reads_back_unchanged(title: str) -> None:
    values = front_matter.page_front_matter(
        title=title, description=title, structured_data={"name": title},
        menu={"section": None, "letters": [{"title": title, "path": "a.md"}], "related": []})
    text = front_matter.page(values, "# Body\n")

    assert get_data(text) == ("# Body\n", values)
