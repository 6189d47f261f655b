"""Every built page, as a worried reader on a phone or a desktop gets it.

Each test visits every page of the website (with the embeds and the 404 page) and of the
offline bundle, collects every problem, and asserts once with a readable list. One browser
and one tab per screen size keep the run short.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Error, Page

from generator.content.flowchart import paths
from generator.content.project import load_project

from browser.conftest import _local_only, axe_violations
from conftest import BOTH_BUILDERS, CONTENT

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SMALL_PHONE = {"width": 360, "height": 740}
# The 404 page as a server sends it: for an address that does not exist, some folders deep.
MISSING = "no/such/page/"
PROJECT = load_project(CONTENT)


def website_routes(site: Path) -> list[str]:
    """Return the address, from the site's root, of every built page."""
    routes = []
    for path in sorted(site.rglob("*.html")):
        route = path.relative_to(site).as_posix()
        if route == "404.html":
            routes.append(MISSING)
        else:
            routes.append(route.removesuffix("index.html"))
    return routes


def website_pages(site: Path, root_url: str) -> dict[str, str]:
    """Return every page of the website by a short name: its address from the root."""
    return {f"/{route}": root_url + route for route in website_routes(site)}


def offline_pages(folder: Path) -> dict[str, str]:
    """Return every page of the offline bundle by a short name, with its file:// address."""
    return {f"offline {path.relative_to(folder).as_posix()}": path.as_uri()
            for path in sorted(folder.rglob("*.html"))}


def tab(browser: Browser, viewport: dict[str, int]) -> Page:
    """Open a tab of this size that refuses any request leaving this machine."""
    context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
    context.route("**/*", _local_only)
    return context.new_page()


@BOTH_BUILDERS
def test_every_page_has_no_axe_violations_on_a_phone_and_a_desktop_in_both_palettes(
    browser: Browser, built_site: Path, root_url: str, offline_root: Path
) -> None:
    every_page = website_pages(built_site, root_url) | offline_pages(offline_root)
    problems = []
    for viewport in (PHONE, DESKTOP):
        page = tab(browser, viewport)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            for name, url in every_page.items():
                page.goto(url)
                problems += [f"{name} at {viewport['width']} px, {scheme}: "
                             f"{violation}" for violation in axe_violations(page)]
        page.context.close()

    assert problems == [], "\n".join(problems)


# A phone link the reader can tap: at least 44 by 44 pixels, wholly on screen, and on top
# (not under the sticky header).
TAPPABLE_CALL = """() => [...document.querySelectorAll('a[href^="tel:"]')].some(link => {
    const box = link.getBoundingClientRect();
    if (box.width < 44 || box.height < 44) return false;
    if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) {
        return false;
    }
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return top !== null && link.contains(top);
})"""


def scroll_positions(page: Page) -> list[int]:
    """Return scroll positions half a screen apart, from the top to the very bottom."""
    height, screen = page.evaluate("[document.documentElement.scrollHeight, innerHeight]")
    bottom = max(0, height - screen)
    return sorted({*range(0, bottom, screen // 2), bottom})


def test_a_call_link_of_44_px_is_in_view_at_every_scroll_position_of_every_page(
    browser: Browser, built_site: Path, root_url: str, offline_root: Path
) -> None:
    website = website_pages(built_site, root_url)
    # From file:// the same script runs: two of the bundle's pages show that it does.
    offline = {name: url for name, url in offline_pages(offline_root).items()
               if name.endswith(("/index.html", "conditions/muscle-twitch.html"))}
    problems = []
    for device, viewport, pages in (("phone", SMALL_PHONE, website | offline),
                                    ("desktop", DESKTOP, website)):
        page = tab(browser, viewport)
        for name, url in pages.items():
            page.goto(url)
            for y in scroll_positions(page):
                page.evaluate(f"window.scrollTo(0, {y})")
                try:
                    page.wait_for_function(TAPPABLE_CALL, timeout=2000)
                except Error:
                    problems.append(f"{name} on a {device}, scrolled to {y} px")
        page.context.close()

    assert problems == [], "no call link to tap:\n" + "\n".join(problems)


# Where the first care card's heading and its first item end, and whether the banner's call
# link is wholly in view above them.
FIRST_SCREEN = """() => {
    const bottom = selector => document.querySelector(selector).getBoundingClientRect().bottom;
    const call = document.querySelector('.emergency-banner__call').getBoundingClientRect();
    return {heading: bottom('.md-content .care-card__heading'),
            item: bottom('.md-content .care-card li'),
            call: call.top >= 0 && call.bottom <= innerHeight && call.height >= 44};
}"""


def test_the_first_care_card_heading_and_item_end_on_the_first_screen_of_each_condition_page(
    browser: Browser, root_url: str
) -> None:
    page = tab(browser, SMALL_PHONE)
    problems = []
    for condition in PROJECT.conditions:
        page.goto(f"{root_url}conditions/{condition.id}/")
        seen = page.evaluate(FIRST_SCREEN)
        if seen["heading"] > SMALL_PHONE["height"]:
            problems.append(f"{condition.id}: the first care card's heading ends at "
                            f"{seen['heading']:.0f} px")
        if seen["item"] > SMALL_PHONE["height"]:
            problems.append(f"{condition.id}: its first item ends at {seen['item']:.0f} px")
        if not seen["call"]:
            problems.append(f"{condition.id}: the emergency banner's call link is not in view")
    page.context.close()

    assert problems == [], "\n".join(problems)


def checker_routes() -> list[tuple[str, list[str]]]:
    """Return every route through every checker: its id and the answers a reader clicks."""
    routes = []
    for flow in PROJECT.flowcharts:
        questions = {question.id: question for question in flow.questions}
        for answers, _ in paths(flow):
            routes.append((flow.id, [
                next(a.text for a in questions[qid].answers if a.value == value)
                for qid, value in answers.items()
            ]))
    return routes


CURRENT_STEP = ".flowchart--enhanced .flowchart__step:not([hidden])"


def test_after_every_answer_the_next_step_starts_on_the_first_screen_of_a_phone(
    browser: Browser, root_url: str
) -> None:
    page = tab(browser, SMALL_PHONE)
    problems = []
    for flow_id, answers in checker_routes():
        page.goto(f"{root_url}checker/{flow_id}/")
        given: list[str] = []
        for text in answers:
            page.locator(CURRENT_STEP).get_by_role("link", name=text, exact=True).click()
            given.append(text)
            heading = page.locator(f"{CURRENT_STEP} .flowchart__heading")
            page.wait_for_function("e => document.activeElement === e",
                                   arg=heading.element_handle())
            box = heading.evaluate("""e => {
                const box = e.getBoundingClientRect();
                const header = document.querySelector('.md-header').getBoundingClientRect();
                return {top: box.top, bottom: box.bottom, header: header.bottom,
                        outline: getComputedStyle(e).outlineStyle,
                        title: document.querySelector('h1').getBoundingClientRect().width};
            }""")
            where = f"{flow_id} after {' / '.join(given)}"
            if box["top"] < box["header"] or box["bottom"] > SMALL_PHONE["height"]:
                problems.append(f"{where}: the heading is at {box['top']:.0f} px")
            if box["outline"] != "none":
                problems.append(f"{where}: a box is drawn around the focused heading")
            if box["title"] > 1:
                problems.append(f"{where}: the page title is still shown")
    page.context.close()

    assert problems == [], "\n".join(problems)


def test_answers_are_full_width_buttons_at_least_44_px_tall(
    browser: Browser, root_url: str
) -> None:
    page = tab(browser, SMALL_PHONE)
    page.goto(f"{root_url}checker/{PROJECT.flowcharts[0].id}/")

    boxes = page.locator(f"{CURRENT_STEP} .flowchart__answer").evaluate_all(
        """links => links.map(link => {
            const box = link.getBoundingClientRect();
            const list = link.closest('ul').getBoundingClientRect();
            return [box.height, box.width - list.width,
                    getComputedStyle(link).textDecorationLine];
        })""")
    page.context.close()

    assert boxes, "the first step shows no answers"
    assert all(height >= 44 and abs(narrower) <= 1 and line == "none"
               for height, narrower, line in boxes), boxes


STYLED = """() => ({
    header: getComputedStyle(document.querySelector('.md-header')).position,
    icon: Math.max(...[...document.querySelectorAll('.md-header svg')]
                       .map(svg => svg.getBoundingClientRect().height)),
    call: document.querySelector('.emergency-banner__call').getBoundingClientRect().height,
})"""


def test_the_404_page_is_styled_when_served_from_the_root_and_from_file(
    browser: Browser, root_url: str, offline_root: Path
) -> None:
    page = tab(browser, SMALL_PHONE)
    looks = {}
    for name, url in {"deep": root_url + MISSING, "shallow": root_url + "typo",
                      "offline": (offline_root / "404.html").as_uri()}.items():
        page.goto(url)
        looks[name] = page.evaluate(STYLED)
    page.get_by_role("link", name="See all topics, from A to Z").click()
    page.wait_for_load_state()
    heading = page.locator("h1").inner_text()
    page.context.close()

    assert {where: (look["header"], look["icon"] <= 24, look["call"] >= 44)
            for where, look in looks.items()} == {
        where: ("sticky", True, True) for where in looks}
    assert heading != "Page not found"


def test_the_404_page_links_back_into_the_site_from_any_depth(
    browser: Browser, root_url: str
) -> None:
    page = tab(browser, SMALL_PHONE)
    page.goto(root_url + MISSING)

    page.get_by_role("link", name="See all topics, from A to Z").click()
    page.wait_for_load_state()

    assert page.url == root_url + "conditions/"
    page.context.close()
