"""A reader in Chromium: the home page, a condition page, and no accessibility violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from browser.conftest import axe_violations

pytestmark = pytest.mark.browser


def test_a_reader_goes_from_home_to_a_condition_with_no_axe_violations(
    page: Page, site_url: str
) -> None:
    page.goto(site_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Muscle Twitch and Spasm Guide")
    assert axe_violations(page) == []

    page.locator(".md-content").get_by_role("link", name="Muscle twitch",
                                            exact=True).first.click()

    expect(page).to_have_url(f"{site_url}conditions/muscle-twitch/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Muscle twitch")
    assert axe_violations(page) == []


def test_the_comparison_fits_a_phone_screen_and_names_each_cell(browser: Browser,
                                                                site_url: str) -> None:
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(site_url + "compare/twitch-vs-spasm/")

    table = page.get_by_role("table")
    scroller = page.locator(".comparison-scroll")

    assert scroller.evaluate("e => e.scrollWidth <= e.clientWidth")
    expect(table.get_by_role("rowheader", name="Painful?")).to_be_visible()
    expect(table.get_by_role("cell", name="No. A twitch does not hurt.")).to_be_visible()
    # The cell's accessible name leaves the visual label out, so it is not read twice.
    spasm = table.get_by_role("cell", name="Yes. A spasm is usually very painful.", exact=True)
    label = spasm.evaluate("e => getComputedStyle(e, '::before').content")
    assert label == '"Muscle spasm:" / ""'
    page.close()


# Each body row of the comparison: its label's box, its cells' boxes, and the name each cell
# shows before its words, next to the column heading the table gives it.
COMPARISON_ROWS = """() => {
    const columns = [...document.querySelectorAll('table.comparison thead th')]
        .map(th => th.textContent.trim());
    return [...document.querySelectorAll('table.comparison tbody tr')].map(row => ({
        name: row.querySelector('th').textContent.trim(),
        label: row.querySelector('th').getBoundingClientRect().toJSON(),
        cells: [...row.querySelectorAll('td')].map((td, i) => ({
            box: td.getBoundingClientRect().toJSON(),
            shows: getComputedStyle(td, '::before').content,
            column: columns[i],
        })),
        width: row.getBoundingClientRect().width,
    }));
}"""


def test_the_comparison_is_a_card_a_row_on_a_phone_and_a_table_on_a_desktop(
    browser: Browser, site_url: str
) -> None:
    phone = browser.new_page(viewport={"width": 360, "height": 740})
    phone.goto(site_url + "compare/twitch-vs-spasm/")
    problems = []
    for row in phone.evaluate(COMPARISON_ROWS):
        above = row["label"]
        for cell in row["cells"]:
            where = f"{row['name']}, {cell['column']}"
            if cell["box"]["width"] < 0.9 * row["width"]:
                problems.append(f"{where}: {cell['box']['width']:.0f} px wide")
            if cell["box"]["top"] < above["bottom"]:
                problems.append(f"{where}: beside, not under, what comes before it")
            if cell["shows"] != f'"{cell["column"]}:" / ""':
                problems.append(f"{where}: shows {cell['shows']}")
            above = cell["box"]
    phone.close()
    desktop = browser.new_page(viewport={"width": 1280, "height": 800})
    desktop.goto(site_url + "compare/twitch-vs-spasm/")
    for row in desktop.evaluate(COMPARISON_ROWS):
        if {round(cell["box"]["top"]) for cell in row["cells"]} != {round(row["label"]["top"])}:
            problems.append(f"{row['name']}: not one line of the table on a desktop")
        if any(cell["shows"] != "none" for cell in row["cells"]):
            problems.append(f"{row['name']}: a cell names its column on a desktop")
    desktop.close()

    assert problems == [], "\n".join(problems)


def test_the_closed_menu_takes_no_keyboard_stops_on_a_phone(browser: Browser,
                                                            site_url: str) -> None:
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(site_url + "conditions/muscle-twitch/")

    in_menu = []
    for _ in range(15):
        page.keyboard.press("Tab")
        in_menu.append(page.evaluate(
            "!!document.activeElement.closest('.md-sidebar--primary')"))

    assert not any(in_menu)
    page.close()


def test_the_menu_opens_from_the_keyboard_on_a_phone(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(site_url + "conditions/muscle-twitch/")
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")

    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    menu.focus()
    page.keyboard.press("Space")
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Space")

    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-sidebar--primary").get_by_role(
        "link", name="Home", exact=True)).to_be_visible()
    page.close()
