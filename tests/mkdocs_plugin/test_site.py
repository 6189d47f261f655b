"""The real MkDocs build of the shipped content: what a reader gets in site/."""

from __future__ import annotations

from pathlib import Path

from conftest import html


def test_the_site_has_every_page(built_site: Path) -> None:
    for path in ("index.html", "conditions/muscle-twitch/index.html",
                 "conditions/muscle-spasm/index.html", "compare/twitch-vs-spasm/index.html",
                 "faq/index.html"):
        assert (built_site / path).is_file(), path


def test_the_home_page_lists_topics_a_to_z(built_site: Path) -> None:
    page = html(built_site, "index.html")
    content = page.select_one("article")

    assert content.h1.get_text(strip=True) == "Muscle Twitch and Spasm Guide"
    links = {a.get_text(strip=True): a["href"] for a in content.select("ul a")}
    assert links["Muscle spasm"] == "conditions/muscle-spasm/"
    assert links["Muscle twitch"] == "conditions/muscle-twitch/"
    assert links["Muscle twitch or muscle spasm?"] == "compare/twitch-vs-spasm/"


def test_a_condition_page_reads_top_to_bottom(built_site: Path) -> None:
    page = html(built_site, "conditions/muscle-twitch/index.html")
    article = page.select_one("article")
    headings = [h.get_text(strip=True).rstrip("¶") for h in article.select("h2")]

    assert article.h1.get_text(strip=True) == "Muscle twitch"
    assert "Also called: Fasciculation" in article.get_text()
    assert headings == ["What it is", "Symptoms", "Causes", "Treatment", "Prevention",
                        "When to get help", "Compare", "Questions people ask", "Sources"]
    times = article.select(".review-dates time")
    assert [t["datetime"] for t in times] == ["2026-11-26", "2027-11-26"]
    assert "Page last reviewed: November 26, 2026" in article.get_text()


def test_the_comparison_table_has_every_row_and_both_columns(built_site: Path) -> None:
    table = html(built_site, "compare/twitch-vs-spasm/index.html").select_one("table.comparison")

    columns = [th.get_text(strip=True) for th in table.select("thead th[scope=col]")]
    rows = {tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr("td")]
            for tr in table.select("tbody tr")}

    assert columns == ["Muscle twitch", "Muscle spasm"]
    assert list(rows) == ["Painful?", "How long it lasts", "What you may notice",
                          "Common causes", "Treatment", "Prevention"]
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

    assert targets <= steps
    assert len(steps) == 11
