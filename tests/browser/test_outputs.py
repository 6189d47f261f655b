"""The offline bundle from file://, an FAQ embedded by another site, and no outside requests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from browser.conftest import axe_violations
from conftest import BOTH_BUILDERS, both_builders

pytestmark = pytest.mark.browser


@pytest.fixture
def offline(browser: Browser) -> Iterator[tuple[BrowserContext, list[str]]]:
    """A context with the network switched off that records any request leaving file://."""
    context = browser.new_context(offline=True)
    outside: list[str] = []

    def only_files(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(("file://", "data:", "blob:")):
            route.continue_()  # type: ignore[attr-defined]
        else:
            outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", only_files)
    yield context, outside
    context.close()


@both_builders("Zensical 0.0.73's search is a dialog behind a button, and from file:// "
               "it finds nothing (README.md, Zensical)")
def test_the_offline_bundle_works_from_file_with_no_network(
    offline: tuple[BrowserContext, list[str]], offline_index: Path
) -> None:
    context, outside = offline
    page = context.new_page()
    page.goto(offline_index.as_uri())
    expect(page.get_by_role("region", name="Emergency help")).to_contain_text("Call 911")

    page.locator(".md-content").get_by_role("link", name="Muscle twitch", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Muscle twitch")

    page.get_by_role("textbox", name="Search").fill("dehydration")
    page.locator(".md-search-result__item a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Muscle spasm")

    page.get_by_role("link", name="Twitch or spasm? What should I do?").last.click()
    for answer in ("No", "Yes, it hurts", "Very painful, as spasms usually are",
                   "Between a few seconds and a few minutes", "No"):
        page.locator(".flowchart--enhanced .flowchart__step:not([hidden])").get_by_role(
            "link", name=answer, exact=True).click()
    expect(page.locator(".flowchart__step:not([hidden]) .flowchart__heading")).to_have_text(
        "This sounds like a muscle spasm")

    page.goto(offline_index.with_name("faq.html").as_uri())
    page.get_by_text("Should I use heat or ice?").click()
    expect(page.get_by_text("Use heat to help the muscle relax.")).to_be_visible()
    assert outside == []


@pytest.mark.parametrize("name", ["index.html", "conditions/muscle-spasm.html",
                                  "checker/twitch-or-spasm.html", "pages/embed-our-questions.html"])
def test_offline_pages_have_no_axe_violations(
    offline: tuple[BrowserContext, list[str]], offline_index: Path, name: str
) -> None:
    page = offline[0].new_page()
    page.goto((offline_index.parent / name).as_uri())

    assert axe_violations(page) == []


@BOTH_BUILDERS
def test_an_embedded_faq_fits_its_content_and_grows_when_opened(
    page: Page, host_page: str
) -> None:
    page.goto(host_page)
    frame_element = page.locator("iframe")
    frame = page.frame_locator("iframe")
    expect(frame.get_by_role("heading", level=1)).to_contain_text("questions people ask")

    def heights() -> tuple[float, float]:
        inner = frame.locator("html").evaluate("e => e.scrollHeight")
        return frame_element.evaluate("e => e.getBoundingClientRect().height"), inner

    page.wait_for_function("() => document.querySelector('iframe').style.height !== ''")
    closed = frame_element.evaluate("e => e.getBoundingClientRect().height")
    assert abs(closed - heights()[1]) <= 2

    frame.get_by_text("Should I use heat or ice?").click()
    page.wait_for_function(f"() => document.querySelector('iframe')"
                           f".getBoundingClientRect().height > {closed}")
    opened, inner = heights()
    assert opened > closed
    assert abs(opened - inner) <= 2


@BOTH_BUILDERS
def test_links_in_an_embedded_faq_open_in_the_top_window(
    page: Page, host_page: str, published: tuple[Path, str]
) -> None:
    page.goto(host_page)
    frame = page.frame_locator("iframe")

    frame.get_by_role("link", name="read the full page: Muscle spasm").click()

    expect(page).to_have_url(f"{published[1]}conditions/muscle-spasm/")


@BOTH_BUILDERS
def test_skipping_to_the_content_of_an_embedded_faq_keeps_the_host_page(
    page: Page, host_page: str
) -> None:
    page.goto(host_page)
    skip = page.frame_locator("iframe").locator("a.md-skip")
    target = skip.get_attribute("href") or "#no-skip-link"

    skip.focus()
    page.keyboard.press("Enter")

    embedded = next(frame for frame in page.frames if "/embed/" in frame.url)
    embedded.wait_for_url(f"**/{target}")  # the frame moved to its content...
    expect(page).to_have_url(host_page)  # ...and the reader is still on the host's page


@BOTH_BUILDERS
def test_the_parent_ignores_height_messages_from_other_windows(
    page: Page, host_page: str
) -> None:
    page.goto(host_page)
    page.wait_for_function("() => document.querySelector('iframe').style.height !== ''")
    before = page.locator("iframe").evaluate("e => e.style.height")

    page.evaluate("window.postMessage({type: 'health-embed:height', height: 5}, '*')")
    page.wait_for_timeout(200)

    assert page.locator("iframe").evaluate("e => e.style.height") == before


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_embed_pages_have_no_axe_violations(browser: Browser, site_url: str,
                                            scheme: str) -> None:
    page = browser.new_page(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(site_url + "embed/muscle-twitch/")

    assert axe_violations(page) == []
    page.close()


@BOTH_BUILDERS
def test_no_page_of_the_website_requests_another_host(
    browser: Browser, built_site: Path, site_url: str
) -> None:
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    for path in sorted(built_site.rglob("index.html")):
        route = path.parent.relative_to(built_site).as_posix()
        page.goto(site_url + ("" if route == "." else route + "/"))
        page.wait_for_load_state("networkidle")
    context.close()

    assert [url for url in requested if not url.startswith(site_url)] == []


def frame_height(page: Page) -> float:
    return float(page.locator("iframe").evaluate("e => e.getBoundingClientRect().height"))


@BOTH_BUILDERS
def test_an_embedded_faq_shrinks_again_when_an_answer_closes(page: Page, host_page: str) -> None:
    page.goto(host_page)
    page.wait_for_function("() => document.querySelector('iframe').style.height !== ''")
    closed = frame_height(page)
    question = page.frame_locator("iframe").get_by_text("Should I use heat or ice?")

    question.click()
    page.wait_for_function(f"() => document.querySelector('iframe')"
                           f".getBoundingClientRect().height > {closed}")
    opened = frame_height(page)
    question.click()
    page.wait_for_function(f"() => document.querySelector('iframe')"
                           f".getBoundingClientRect().height < {opened}")

    assert abs(frame_height(page) - closed) <= 2


@BOTH_BUILDERS
def test_the_parent_clamps_or_ignores_odd_heights_from_its_own_frame(
    page: Page, host_page: str
) -> None:
    page.goto(host_page)
    page.wait_for_function("() => document.querySelector('iframe').style.height !== ''")
    fitted = frame_height(page)
    # Record every height the snippet gives the frame: the page inside reports its real height
    # again as soon as the frame changes size, so a forged one only shows for a moment.
    page.evaluate("""() => {
        window.heights = [];
        const frame = document.querySelector('iframe');
        new MutationObserver(() => heights.push(frame.style.height))
            .observe(frame, {attributes: true, attributeFilter: ['style']});
    }""")
    inside = page.locator("iframe").element_handle().content_frame()
    assert inside is not None

    for forged in ("1e7", "Infinity", "NaN", "'5000'", "{}", "-500"):
        inside.evaluate(f"window.parent.postMessage("
                        f"{{type: 'health-embed:height', height: {forged}}}, '*')")
    page.wait_for_function("() => heights.includes('100px')")
    page.wait_for_function(f"() => Math.abs(document.querySelector('iframe')"
                           f".getBoundingClientRect().height - {fitted}) <= 2")

    heights = page.evaluate("heights")
    assert "20000px" in heights  # 1e7, clamped to the largest height
    assert "100px" in heights  # -500, clamped to the smallest
    assert all(100 <= float(h.removesuffix("px")) <= 20000 for h in heights), heights
    assert "5000px" not in heights  # a string is not a number
