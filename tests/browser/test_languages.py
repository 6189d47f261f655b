"""A reader switches language on any page and lands on the same page; each language's search
finds only its own pages. On the website and from file:// in the offline bundle."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.content.project import load_project

from browser.conftest import _local_only
from conftest import BOTH_BUILDERS, CONTENT

pytestmark = pytest.mark.browser

PROJECT = load_project(CONTENT)
[SPANISH] = PROJECT.translations


def counterpart(path: str) -> str:
    """Return the path of the same page in the other language."""
    return path.removeprefix("es/") if path.startswith("es/") else f"es/{path}"


def page_paths(site: Path) -> list[str]:
    """Return every page a reader reads in a window of its own (not an embed, not a 404)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.name != "404.html" and "embed/" not in p.relative_to(site).as_posix())


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    """Open a phone-sized tab that refuses any request leaving this machine."""
    context = browser.new_context(viewport={"width": 320, "height": 740})
    context.route("**/*", _local_only)
    yield context.new_page()
    context.close()


def address_of(output: str, site_url: str, folder: Path, path: str) -> str:
    """Return a page's address: on the served website, or as a file of the bundle."""
    if output == "website":
        return site_url + path.removesuffix("index.html")
    return (folder / path).as_uri()


@BOTH_BUILDERS
@pytest.mark.parametrize("output", ["website", "offline"])
def test_the_switcher_on_every_page_opens_the_same_page_in_the_other_language(
        tab: Page, built_site: Path, site_url: str, offline_root: Path, output: str) -> None:
    folder = built_site if output == "website" else offline_root
    wrong = []
    for path in page_paths(folder):
        tab.goto(address_of(output, site_url, folder, path))
        other = "en" if path.startswith("es/") else "es"
        link = tab.locator(f"nav.health-language a[hreflang={other}]")
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box is not None and box["height"] >= 24 and box["width"] >= 24, path

        link.click()

        expect(tab.locator("html")).to_have_attribute("lang", other)
        expected = address_of(output, site_url, folder, counterpart(path))
        if tab.url != expected:
            wrong.append(f"{path} leads to {tab.url}, not {expected}")
    assert wrong == [], "\n".join(wrong)


def test_the_switcher_is_reached_and_followed_with_the_keyboard(
        tab: Page, site_url: str) -> None:
    tab.goto(site_url + "conditions/muscle-twitch/")
    for _ in range(40):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.getAttribute('hreflang')") == "es":
            break
    else:
        raise AssertionError("the language switcher cannot be reached with the Tab key")

    tab.keyboard.press("Enter")

    expect(tab).to_have_url(site_url + "es/conditions/muscle-twitch/")
    expect(tab.get_by_role("heading", level=1)).to_have_text(
        SPANISH.condition("muscle-twitch").name)


@pytest.mark.parametrize("output", ["website", "offline"])
def test_a_spanish_search_finds_the_spanish_pages_and_no_english_ones(
        tab: Page, site_url: str, offline_root: Path, output: str) -> None:
    folder = offline_root if output == "offline" else Path()
    tab.goto(address_of(output, site_url, folder,
                        "es/conditions/muscle-twitch.html" if output == "offline"
                        else "es/conditions/muscle-twitch/"))
    spasm = SPANISH.condition("muscle-spasm").name

    tab.locator(".md-search__input").focus()
    tab.keyboard.type(spasm)

    results = tab.locator(".md-search-result__item")
    expect(results.first.get_by_role("heading").first).to_have_text(spasm)
    addresses = [results.nth(i).locator("a").first.get_attribute("href") or ""
                 for i in range(results.count())]
    assert addresses and all("/es/" in address for address in addresses), addresses
    titles = results.locator("h1, h2").all_inner_texts()
    assert PROJECT.condition("muscle-spasm").name not in titles
