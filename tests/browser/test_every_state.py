"""Every state a reader can reach, beyond the first view of each page.

A reader opens the search, the phone menu, the checker's outcomes and the answers to questions;
each of these shows words and colours the first view does not, so axe checks each one (colour
contrast included) on a phone and a desktop, in both palettes. The last test measures the tap
targets of every page on a phone. As in test_every_page.py, each test collects every problem
and asserts once with a readable list; one tab per screen size keeps the run short.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from generator.content.flowchart import paths
from generator.wording import for_locale

from browser.conftest import axe_violations
from browser.test_every_page import DESKTOP, PHONE, PROJECT, offline_pages, tab, website_pages

pytestmark = pytest.mark.browser

SCHEMES = ("light", "dark")
CONDITION = "conditions/muscle-twitch"
EDITIONS = (PROJECT, *PROJECT.translations)
FOLDERS = {edition.language: "" if edition is PROJECT else f"{edition.language}/"
           for edition in EDITIONS}
"""The folder of each language's site: English at the root, Spanish in es/."""
SEARCHES = {"en": ("twitch", re.compile(r"\d+ matching documents"), "No matching documents"),
            "es": ("tic", re.compile(r"\d+ documentos? encontrados?"),
                   "No se encontraron documentos")}
"""A word each language's search finds, and what Material says of the results, in it."""
CURRENT_STEP = ".flowchart--enhanced .flowchart__step:not([hidden])"
# Transitions (the menu sliding in, a result's tint) have ended: colours are final.
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


def states(browser: Browser, reach: Callable[[Page], Iterator[str]],
           viewports: tuple[dict[str, int], ...] = (PHONE, DESKTOP),
           javascript: bool = True) -> list[str]:
    """Run axe on every state `reach` brings the page to, at each size in both palettes.

    `reach` drives the tab and yields a name for each state it has reached.
    """
    problems = []
    for viewport in viewports:
        page = tab(browser, viewport)
        if not javascript:
            page.context.route("**/*", without_scripts)
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
            for state in reach(page):
                page.wait_for_function(SETTLED)
                problems += [f"{state} at {viewport['width']} px, {scheme}: {violation}"
                             for violation in axe_violations(page)]
        page.context.close()
    return problems


def without_scripts(route: Route) -> None:
    """Send pages without their scripts, as a browser with JavaScript switched off runs them.

    axe runs as JavaScript in the page, and never finishes in a tab with JavaScript off, so the
    page's own scripts are left out instead. A page with no <noscript> is then the same.
    """
    if route.request.resource_type != "document" or not route.request.url.startswith(
            "http://127.0.0.1"):
        route.fallback()  # to the tab's own rule: nothing leaves this machine
        return
    response = route.fetch()
    route.fulfill(response=response,
                  body=re.sub(r"<script\b.*?</script>", "", response.text(), flags=re.DOTALL))


def open_search(page: Page, words: str) -> None:
    """Open the search as a reader does (the magnifier on a phone, the box on a desktop), type."""
    magnifier = page.locator('label.md-header__button[for="__search"]')
    if magnifier.is_visible():
        magnifier.click()
    page.locator(".md-search__input").click()
    page.keyboard.type(words)


@pytest.fixture(scope="module")
def condition_pages(root_url: str, offline_root: Path) -> dict[str, tuple[str, str]]:
    """Return a condition page of each language on the website and in the offline bundle
    (search from file://), with its language."""
    pages = {}
    for language, folder in FOLDERS.items():
        pages[f"/{folder}{CONDITION}/"] = (f"{root_url}{folder}{CONDITION}/", language)
        pages[f"offline {folder}{CONDITION}.html"] = (
            (offline_root / f"{folder}{CONDITION}.html").as_uri(), language)
    return pages


def test_search_with_results_and_with_none_has_no_axe_violations(
    browser: Browser, condition_pages: dict[str, tuple[str, str]]
) -> None:
    def reach(page: Page) -> Iterator[str]:
        for name, (url, language) in condition_pages.items():
            found, some, none = SEARCHES[language]
            page.goto(url)
            open_search(page, found)
            expect(page.locator(".md-search-result__meta")).to_have_text(some)
            # The mouse opens "more on this page" and stays over it; the arrow key then
            # focuses a result: both are tinted.
            page.locator(".md-search-result__more > summary").first.click()
            page.keyboard.press("ArrowDown")
            yield f"{name}, results for '{found}'"

            page.goto(url)
            open_search(page, "zzqx")
            expect(page.locator(".md-search-result__meta")).to_have_text(none)
            yield f"{name}, no results for 'zzqx'"

    problems = states(browser, reach)

    assert problems == [], "\n".join(problems)


def test_the_open_menu_on_a_phone_has_no_axe_violations_on_every_page(
    browser: Browser, built_site: Path, root_url: str
) -> None:
    # On a desktop the menu is always on show, so the first view of each page (in
    # test_every_page.py) already checks it; the embeds have no menu.
    with_menu = {name: url for name, url in website_pages(built_site, root_url).items()
                 if "/embed/" not in name}

    menu = {language: for_locale(edition.site.locale).text("script.health.menu")
            for language, edition in zip(FOLDERS, EDITIONS, strict=True)}

    def reach(page: Page) -> Iterator[str]:
        for name, url in with_menu.items():
            page.goto(url)
            page.get_by_role("button", name=menu["es" if name.startswith("/es/") else "en"],
                             exact=True).click()
            expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
            yield f"{name}, menu open"

    problems = states(browser, reach, viewports=(PHONE,))

    assert problems == [], "\n".join(problems)


def first_routes() -> dict[tuple[str, str], list[str]]:
    """Return the answers a reader clicks to reach each outcome of each checker in each
    language, by one route, keyed by the checker's folder and id and the outcome."""
    routes: dict[tuple[str, str], list[str]] = {}
    for edition in EDITIONS:
        for flow in edition.flowcharts:
            questions = {question.id: question for question in flow.questions}
            for answers, outcome in paths(flow):
                routes.setdefault((f"{FOLDERS[edition.language]}{flow.id}", outcome), [
                    next(a.text for a in questions[qid].answers if a.value == value)
                    for qid, value in answers.items()
                ])
    return routes


OUTCOMES = first_routes()
TITLES = {(f"{FOLDERS[edition.language]}{flow.id}", outcome.id): outcome.title
          for edition in EDITIONS for flow in edition.flowcharts for outcome in flow.outcomes}


def checker_address(root_url: str, key: str) -> str:
    """Return the address of a checker named by its language's folder and its id (`es/x`)."""
    folder, _, flow_id = key.rpartition("/")
    return f"{root_url}{folder + '/' if folder else ''}checker/{flow_id}/"


def test_every_outcome_of_the_checker_has_no_axe_violations(
    browser: Browser, root_url: str
) -> None:
    def reach(page: Page) -> Iterator[str]:
        for (flow_id, outcome), answers in OUTCOMES.items():
            page.goto(checker_address(root_url, flow_id))
            for text in answers:
                page.locator(CURRENT_STEP).get_by_role("link", name=text, exact=True).click()
            expect(page.locator(f"{CURRENT_STEP} .flowchart__heading")).to_have_text(
                TITLES[flow_id, outcome])
            yield f"{checker_address('', flow_id)}, outcome {outcome}"

    problems = states(browser, reach)

    assert problems == [], "\n".join(problems)


def test_without_javascript_every_outcome_of_the_checker_has_no_axe_violations(
    browser: Browser, root_url: str
) -> None:
    def reach(page: Page) -> Iterator[str]:
        for (flow_id, outcome), answers in OUTCOMES.items():
            page.goto(checker_address(root_url, flow_id))
            expect(page.locator(".flowchart--enhanced, noscript")).to_have_count(0)
            step = page.locator(".flowchart__step").first
            for text in answers:
                step.get_by_role("link", name=text, exact=True).click()
                step = page.locator(".flowchart__step:target")
            expect(step.locator(".flowchart__heading")).to_have_text(TITLES[flow_id, outcome])
            yield f"{checker_address('', flow_id)} without JavaScript, outcome {outcome}"

    problems = states(browser, reach, javascript=False)

    assert problems == [], "\n".join(problems)


def with_questions(folder: Path) -> set[str]:
    """Return the pages of a built folder that hold questions whose answers open (<details>)."""
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.html")
            if "<details" in path.read_text(encoding="utf-8")}


def test_every_answer_opened_has_no_axe_violations_on_each_page_with_questions(
    browser: Browser, built_site: Path, root_url: str, offline_root: Path
) -> None:
    on_website, offline = with_questions(built_site), with_questions(offline_root)
    asked = {name: url for name, url in website_pages(built_site, root_url).items()
             if f"{name[1:]}index.html" in on_website}
    asked |= {name: url for name, url in offline_pages(offline_root).items()
              if name.removeprefix("offline ") in offline}
    assert len(asked) >= 2, "no page with questions to open"

    def reach(page: Page) -> Iterator[str]:
        for name, url in asked.items():
            page.goto(url)
            for question in page.locator("details > summary").all():
                question.click()
            expect(page.locator("details:not([open])")).to_have_count(0)
            yield f"{name}, every answer open"

    problems = states(browser, reach)

    assert problems == [], "\n".join(problems)


# The visible targets a selector finds that are too small. With a height: those less tall.
# Without: those under 24 by 24 px that WCAG 2.2's spacing exception does not save, because a
# 24 px circle on their centre touches another target, or the circle of another small one.
TOO_SMALL = """([selector, height]) => {
    const shown = e => {
        const box = e.getBoundingClientRect(), style = getComputedStyle(e);
        return box.width > 1 && box.height > 1 && style.visibility !== 'hidden' &&
            style.opacity !== '0';
    };
    const targets = [...document.querySelectorAll(
        'a[href], button, summary, input, select, textarea, label[for], [tabindex="0"]')]
        .filter(shown);
    const centre = box => [box.left + box.width / 2, box.top + box.height / 2];
    const small = box => box.width < 24 || box.height < 24;
    const apart = ([x, y], box) => Math.hypot(Math.max(box.left - x, 0, x - box.right),
                                              Math.max(box.top - y, 0, y - box.bottom));
    const crowded = (element, box) => targets.some(other => {
        if (other.contains(element) || element.contains(other)) return false;
        const near = other.getBoundingClientRect();
        const [x, y] = centre(box), [nx, ny] = centre(near);
        return apart([x, y], near) < 12 || (small(near) && Math.hypot(x - nx, y - ny) < 24);
    });
    return [...document.querySelectorAll(selector)].filter(shown).flatMap(element => {
        const box = element.getBoundingClientRect();
        const what = `"${element.textContent.trim()}" is ` +
            `${box.width.toFixed(1)} by ${box.height.toFixed(1)} px`;
        if (height) return box.height < height ? [`${what}, under ${height} px tall`] : [];
        return small(box) && crowded(element, box) ? [`${what}, too close to another`] : [];
    });
}"""
HELP = ".md-footer a, .on-this-page a"
# Emergency calls, the checker's answers and the questions that open answers: a worried
# reader with a shaking thumb taps these (WCAG 2.5.5, 44 px).
BIG = 'a[href^="tel:"], .flowchart__answer, details > summary'


def too_small(page: Page, selector: str, height: int | None = None) -> list[str]:
    """Return each target the selector finds that is too small, as words."""
    page.wait_for_function(SETTLED)
    found: list[str] = page.evaluate(TOO_SMALL, [selector, height])
    return found


def test_every_help_link_and_call_is_big_enough_to_tap_on_every_page_of_a_phone(
    browser: Browser, built_site: Path, root_url: str, offline_root: Path
) -> None:
    page = tab(browser, PHONE)
    problems = []
    for name, url in (website_pages(built_site, root_url) | offline_pages(offline_root)).items():
        page.goto(url)
        found = too_small(page, HELP) + too_small(page, BIG, height=44)
        skip = page.locator(".md-skip")
        if skip.count():
            skip.focus()
            found += too_small(page, ".md-skip")
        if page.locator(".search-help").count():
            open_search(page, "zzqx")
            expect(page.locator(".search-help")).to_be_visible()
            found += too_small(page, ".search-help a")
        problems += [f"{name}: {problem}" for problem in found]
    page.context.close()

    assert problems == [], "\n".join(problems)
