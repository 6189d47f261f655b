"""A large site in the browser: the small menu, two taps to any topic, and search on demand.

The shipped content is built with the large-site threshold lowered to one topic, so it takes
the layout a site of thousands of topics gets.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.builders.mkdocs_plugin.build import build_outputs
from generator.pipeline import render_content

from browser.conftest import serve
from conftest import CONTENT

pytestmark = pytest.mark.browser

ROOT = CONTENT.parent


@pytest.fixture(scope="module")
def large_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the website and the offline zip as a large site."""
    out = tmp_path_factory.mktemp("large")
    rendered = render_content(CONTENT, large_from=1)
    build_outputs(rendered, ROOT / "mkdocs.yml", out / "site", out / "dist")
    return out


@pytest.fixture(scope="module")
def large_url(large_build: Path) -> Iterator[str]:
    yield from serve(large_build / "site")


@pytest.fixture
def requests(page: Page) -> list[str]:
    """Record the address of every request the tab makes."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def search_for(page: Page, words: str, topic: str) -> None:
    """Type into the search field at once and open the result for a topic."""
    page.get_by_role("textbox", name="Search").fill(words)
    page.locator(".md-search-result__item > a").filter(
        has=page.get_by_role("heading", name=topic, exact=True)).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(topic)


def test_a_condition_page_menu_shows_its_letter_and_related_pages_not_every_topic(
    page: Page, large_url: str
) -> None:
    page.goto(large_url + "conditions/muscle-twitch/")
    menu = page.get_by_role("navigation", name="Navigation")

    related = menu.get_by_role("navigation", name="Related")
    expect(related.get_by_role("link")).to_have_text([
        "More topics starting with M", "Muscle twitch or muscle spasm?",
        "Twitch or spasm? What should I do?", "Muscle spasm"])
    expect(menu.get_by_role("navigation", name="Topics A to Z").get_by_role("link")).to_have_text(
        ["M"])


def test_any_topic_is_two_taps_from_any_page(page: Page, large_url: str) -> None:
    for start in ("", "compare/twitch-vs-spasm/", "checker/twitch-or-spasm/", "faq/"):
        page.goto(large_url + start)
        page.get_by_role("navigation", name="Topics A to Z").get_by_role(
            "link", name="M", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Topics A to Z: M")
        page.get_by_role("main").get_by_role("link", name="Muscle spasm", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Muscle spasm")


def test_the_website_loads_no_search_index_until_the_reader_searches(
    page: Page, large_url: str, requests: list[str]
) -> None:
    page.goto(large_url + "conditions/muscle-twitch/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "search_index" in url or "sitemap" in url]

    page.goto(large_url + "conditions/muscle-twitch/", wait_until="domcontentloaded")
    search_for(page, "Muscle spasm", "Muscle spasm")  # as the page opens
    assert [url for url in requests if url.endswith("search/search_index.json")]

    search_for(page, "fasciculation", "Muscle twitch")  # another name of the topic


def test_search_in_the_offline_bundle_works_from_file_with_no_network(
    browser: Browser, large_build: Path, tmp_path: Path
) -> None:
    (archive,) = (large_build / "dist").glob("*.zip")
    zipfile.ZipFile(archive).extractall(tmp_path)
    (index,) = tmp_path.glob("*/index.html")
    context = browser.new_context(offline=True)
    page = context.new_page()
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url))
    page.goto(index.as_uri())
    page.wait_for_load_state("load")
    assert not [url for url in scripts if "search_index" in url]

    page.goto(index.as_uri(), wait_until="domcontentloaded")  # and search as it opens
    search_for(page, "Muscle spasm", "Muscle spasm")
    assert [url for url in scripts if url.endswith("search/search_index.js")]
    search_for(page, "fasciculation", "Muscle twitch")
    context.close()
