"""The real MkDocs build of the shipped content: what a reader gets in site/."""

from __future__ import annotations

import json
from pathlib import Path

from generator.content.project import load_project

from conftest import CONTENT, html


def test_the_site_has_every_page(built_site: Path) -> None:
    for path in ("index.html", "conditions/muscle-twitch/index.html",
                 "conditions/muscle-spasm/index.html", "compare/twitch-vs-spasm/index.html",
                 "faq/index.html"):
        assert (built_site / path).is_file(), path


def test_the_home_page_is_a_hub(built_site: Path) -> None:
    page = html(built_site, "index.html")
    content = page.select_one("article")
    start = content.select_one("a.md-button--primary")
    cards = {card.h3.get_text(strip=True): card.p.get_text(strip=True)
             for card in content.select(".topic-card")}

    assert page.title.get_text() == "Muscle Twitch and Spasm Guide"  # not said twice
    assert start["href"] == "checker/twitch-or-spasm/"
    assert cards["Muscle twitch"].startswith("A small, fast movement")

    assert content.h1.get_text(strip=True) == "Muscle Twitch and Spasm Guide"
    links = {a.get_text(strip=True): a["href"] for a in content.select("article a")}
    assert links["Muscle spasm"] == "conditions/muscle-spasm/"
    assert links["Muscle twitch"] == "conditions/muscle-twitch/"
    assert links["Muscle twitch or muscle spasm?"] == "compare/twitch-vs-spasm/"


def test_a_condition_page_reads_top_to_bottom(built_site: Path) -> None:
    page = html(built_site, "conditions/muscle-twitch/index.html")
    article = page.select_one("article")
    headings = [h.get_text(strip=True).rstrip("¶") for h in article.select("h2")]

    assert article.h1.get_text(strip=True) == "Muscle twitch"
    assert "Also called: fasciculation." in article.get_text()
    assert "Also searched for: twitching, muscle twitching" in article.get_text()
    assert headings == ["When to get help", "What it is", "Symptoms", "Causes", "Treatment",
                        "Prevention", "Compare", "Questions people ask", "Sources"]
    # After the care cards, each section is its heading and then its body, which a phone closes.
    sections = article.select(".page-section")
    assert [s.select_one(":scope > h2").get_text(strip=True) for s in sections] == headings[1:]
    assert all(s.select_one(":scope > h2 + .page-section__body") for s in sections)
    times = article.select(".review-dates time")
    assert [t["datetime"] for t in times] == ["2026-11-26", "2027-11-26"]
    # Nobody has reviewed it: the page must not say it was reviewed.
    assert "last reviewed" not in article.get_text().lower()
    assert ("Page written: November 26, 2026. It has not yet been reviewed by a health "
            "professional.") in article.get_text()


def test_the_comparison_table_has_every_row_and_both_columns(built_site: Path) -> None:
    table = html(built_site, "compare/twitch-vs-spasm/index.html").select_one("table.comparison")

    columns = [th.get_text(strip=True) for th in table.select("thead th[scope=col]")]
    rows = {tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr("td")]
            for tr in table.select("tbody tr")}

    assert columns == ["Muscle twitch", "Muscle spasm"]
    assert list(rows) == ["Painful?", "How long it lasts", "What you may notice", "Causes",
                          "Other causes", "Rare but serious causes", "Treatment", "Prevention",
                          "When to see a doctor"]
    assert rows["Rare but serious causes"] == [
        "Lou Gehrig's disease. Muscular dystrophy.", "None listed."]
    assert rows["Painful?"] == ["No. A twitch does not hurt.",
                                "Yes. A spasm is usually very painful."]
    assert all(len(cells) == 2 and all(cells) for cells in rows.values())


def test_no_yaml_source_is_published(built_site: Path) -> None:
    assert list(built_site.rglob("*.yml")) == []


def test_the_flowchart_is_linked_from_home_and_both_condition_pages(built_site: Path) -> None:
    for path, link in (("index.html", "checker/twitch-or-spasm/"),
                       ("conditions/muscle-twitch/index.html", "../../checker/twitch-or-spasm/"),
                       ("conditions/muscle-spasm/index.html", "../../checker/twitch-or-spasm/")):
        hrefs = [a["href"] for a in html(built_site, path).select("article a")]
        assert link in hrefs, path


def test_the_flowchart_page_works_as_an_outline_without_javascript(built_site: Path) -> None:
    page = html(built_site, "checker/twitch-or-spasm/index.html")
    steps = {s["id"] for s in page.select(".flowchart__step")}
    targets = {a["href"].lstrip("#") for a in page.select(".flowchart__answer")}

    flowchart = load_project(CONTENT).flowcharts[0]
    assert targets <= steps
    assert len(steps) == len(flowchart.questions) + len(flowchart.outcomes)


def test_the_checker_is_one_search_result_and_search_terms_are_indexed(built_site: Path) -> None:
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    checker = [d for d in index["docs"] if d["location"].startswith("checker/")]
    twitch = next(d for d in index["docs"] if d["location"] == "conditions/muscle-twitch/")

    assert [d["location"] for d in checker] == ["checker/twitch-or-spasm/"]
    assert "muscle twitching" in twitch["text"]
    # The words of a section a phone shows closed are found, under that section's heading.
    treatment = next(d for d in index["docs"]
                     if d["location"] == "conditions/muscle-twitch/#treatment")
    assert "needs no treatment" in treatment["text"]
    assert twitch.get("boost") == 2


def test_every_footer_links_the_plain_pages(built_site: Path) -> None:
    for path in ("index.html", "conditions/muscle-spasm/index.html"):
        links = {a.get_text(strip=True) for a in html(built_site, path).select(".footer-links a")}
        assert links == {"About this guide", "Accessibility statement", "Embed our questions"}


def test_the_shipped_site_promises_no_contact_it_does_not_give(built_site: Path) -> None:
    statement = html(built_site, "pages/accessibility/index.html")
    contact = statement.find("h2", string="How to contact us").find_next_sibling("p")

    assert contact.get_text() == ("No contact is given yet: the people who publish this guide "
                                  "have not yet said how to reach them.")
    assert statement.select(".footer-contact") == []
    assert "tell the people who published it" not in statement.get_text()


def test_search_that_finds_nothing_points_to_the_checker_and_the_a_to_z(built_site: Path) -> None:
    links = html(built_site, "conditions/muscle-spasm/index.html").select(".search-help a")

    assert [a["href"] for a in links] == ["../../checker/twitch-or-spasm/", "../"]
