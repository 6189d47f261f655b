"""Under the Content-Security-Policy everything still works, and the browser refuses nothing."""

from __future__ import annotations

import mimetypes
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from conftest import BOTH_BUILDERS, PUBLISHED_AT

pytestmark = pytest.mark.browser

# Runs in every frame before the page's own scripts, and tells the test about each refusal.
WATCH = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportRefusal(`${location.href}: ${event.violatedDirective} refused `
                       + `${event.blockedURI || "an inline " + event.effectiveDirective}`);
}, true);
"""
PUBLIC_URL = PUBLISHED_AT
"""Where the site is published: its pages name their versions in each language there."""
SPASM_ROUTE = ("No", "Yes, it hurts", "Very painful, as spasms usually are",
               "Between a few seconds and a few minutes", "No")


@contextmanager
def watched(browser: Browser, **options: Any) -> Iterator[tuple[BrowserContext, list[str]]]:
    """Open a browser context that records every Content-Security-Policy refusal."""
    context = browser.new_context(**options)
    refused: list[str] = []
    context.expose_binding("reportRefusal", lambda _source, text: refused.append(text))
    context.add_init_script(WATCH)
    context.on("console", lambda message: refused.append(message.text)
               if "Content Security Policy" in message.text else None)
    try:
        yield context, refused
    finally:
        context.close()


def publish(context: BrowserContext, site: Path) -> None:
    """Answer requests for the site's public address from the built folder, and refuse others.

    Material navigates instantly only between addresses listed in the sitemap, which names
    the public address, so this is where instant navigation can be seen at work.
    """
    def answer(route: Route) -> None:
        address = route.request.url.split("#")[0].split("?")[0]
        if not address.startswith(PUBLIC_URL):
            route.abort()
            return
        path = site / address.removeprefix(PUBLIC_URL)
        path = path / "index.html" if path.is_dir() else path
        if not path.is_file():
            route.fulfill(status=404, body="Not found")
            return
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=path.read_bytes(), content_type=kind)

    context.route("**/*", answer)


def settle(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(100)  # a refusal is reported just after it happens


def walk_the_checker(page: Page) -> None:
    for text in SPASM_ROUTE:
        page.locator(".flowchart--enhanced .flowchart__step:not([hidden])").get_by_role(
            "link", name=text, exact=True).click()
    expect(page.locator(".flowchart__step:not([hidden]) .flowchart__heading")).to_have_text(
        "This sounds like a muscle spasm")


def test_the_watch_sees_a_refusal(browser: Browser, site_url: str) -> None:
    with watched(browser) as (context, refused):
        page = context.new_page()
        page.goto(site_url)
        page.evaluate("document.body.setAttribute('style', 'color: red')")
        settle(page)

    assert any("style-src-attr" in line for line in refused), refused


def test_no_page_of_the_website_is_refused_anything(
    browser: Browser, built_site: Path
) -> None:
    routes = sorted(p.parent.relative_to(built_site).as_posix() + "/"
                    for p in built_site.rglob("index.html"))
    with watched(browser) as (context, refused):
        publish(context, built_site)
        page = context.new_page()
        for route in [*routes, "404.html"]:
            page.goto(PUBLIC_URL + ("" if route == "./" else route))
            settle(page)

    assert len(routes) > 5
    assert refused == []


def test_search_instant_navigation_palette_and_checker_work_under_the_policy(
    browser: Browser, built_site: Path
) -> None:
    with watched(browser) as (context, refused):
        publish(context, built_site)
        page = context.new_page()
        page.goto(PUBLIC_URL)
        page.evaluate("window.stayed = true")

        page.get_by_role("textbox", name="Search").fill("dehydration")
        page.locator(".md-search-result__item a").first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Muscle spasm")
        # Instant navigation swaps each page in place, between pages at different depths.
        page.get_by_role("link", name="Questions people ask").first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Questions people ask")
        page.get_by_role("link", name="Muscle Twitch and Spasm Guide").first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Muscle Twitch and Spasm Guide")
        assert page.evaluate("window.stayed") is True

        page.locator("label[title='Switch to dark mode']").click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        page.reload()  # the palette is restored by an inline script allowed by its hash
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")

        page.goto(PUBLIC_URL + "checker/twitch-or-spasm/")
        walk_the_checker(page)
        settle(page)

    assert refused == []


def test_the_offline_bundle_from_file_is_refused_nothing(
    browser: Browser, offline_index: Path
) -> None:
    with watched(browser, offline=True) as (context, refused):
        page = context.new_page()
        page.goto(offline_index.as_uri())

        # Search runs in the iframe-worker shim, whose inline script is allowed by its hash.
        page.get_by_role("textbox", name="Search").fill("dehydration")
        page.locator(".md-search-result__item a").first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Muscle spasm")

        page.goto(offline_index.with_name("checker").joinpath("twitch-or-spasm.html").as_uri())
        walk_the_checker(page)
        page.goto(offline_index.with_name("faq.html").as_uri())
        page.get_by_text("Should I use heat or ice?").click()
        expect(page.get_by_text("Use heat to help the muscle relax.")).to_be_visible()
        settle(page)

    assert refused == []


@BOTH_BUILDERS
def test_an_embedded_faq_is_refused_nothing(browser: Browser, host_page: str) -> None:
    with watched(browser) as (context, refused):
        page = context.new_page()
        page.goto(host_page)
        frame = page.frame_locator("iframe")
        page.wait_for_function("() => document.querySelector('iframe').style.height !== ''")
        frame.get_by_text("Should I use heat or ice?").click()
        expect(frame.get_by_text("Use heat to help the muscle relax.")).to_be_visible()
        settle(page)

    assert refused == []
