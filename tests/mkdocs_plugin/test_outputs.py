"""The three outputs of one build: public website, offline bundle and embeddable FAQ pages."""

from __future__ import annotations

import json
import posixpath
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.content.project import load_project

from conftest import CONTENT, PUBLISHED_AT, html

SITE_URL = PUBLISHED_AT
CONTENT_PAGES = {
    "index.html": {"MedicalWebPage"},
    "conditions/index.html": {"MedicalWebPage"},
    "conditions/muscle-twitch/index.html": {"MedicalWebPage", "MedicalCondition", "FAQPage"},
    "conditions/muscle-spasm/index.html": {"MedicalWebPage", "MedicalCondition", "FAQPage"},
    "compare/twitch-vs-spasm/index.html": {"MedicalWebPage"},
    "checker/twitch-or-spasm/index.html": {"MedicalWebPage"},
    "faq/index.html": {"MedicalWebPage", "FAQPage"},
    "embed/muscle-twitch/index.html": {"MedicalWebPage", "FAQPage"},
    "embed/muscle-spasm/index.html": {"MedicalWebPage", "FAQPage"},
    "pages/about/index.html": {"MedicalWebPage"},
    "pages/accessibility/index.html": {"MedicalWebPage"},
    "pages/embed-our-questions/index.html": {"MedicalWebPage"},
}


def all_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def json_ld(site: Path, path: str) -> dict[str, object]:
    scripts = html(site, path).select('script[type="application/ld+json"]')
    assert len(scripts) == 1, path
    return json.loads(scripts[0].string)


def test_every_page_is_one_we_expect_in_each_language(built_site: Path) -> None:
    english = [*CONTENT_PAGES, "404.html"]
    assert all_pages(built_site) == sorted([*english, *(f"es/{path}" for path in english)])


@pytest.mark.parametrize("path", sorted(CONTENT_PAGES))
def test_every_page_carries_json_ld_of_the_expected_types(built_site: Path, path: str) -> None:
    data = json_ld(built_site, path)

    assert data["@context"] == "https://schema.org"
    assert {item["@type"] for item in data["@graph"]} == CONTENT_PAGES[path]
    page = data["@graph"][0]
    # Nobody has reviewed the shipped pages: no review is claimed, only when they were written.
    assert page["dateModified"] == "2026-11-26"
    assert "lastReviewed" not in page
    assert "reviewedBy" not in page


def test_a_condition_is_described_as_a_medical_condition(built_site: Path) -> None:
    graph = json_ld(built_site, "conditions/muscle-twitch/index.html")["@graph"]
    condition = next(item for item in graph if item["@type"] == "MedicalCondition")

    assert condition["name"] == "Muscle twitch"
    assert condition["alternateName"] == ["fasciculation"]
    assert {"@type": "MedicalCause", "name": "Stress or worry (anxiety)."} in condition["cause"]
    assert condition["signOrSymptom"][0]["@type"] == "MedicalSignOrSymptom"
    assert condition["possibleTreatment"][0]["@type"] == "MedicalTherapy"


def test_the_404_page_also_has_json_ld(built_site: Path) -> None:
    assert json_ld(built_site, "404.html")["@type"] == "WebPage"


def test_the_404_page_helps_a_lost_reader_on(built_site: Path) -> None:
    page = html(built_site, "404.html")

    assert page.title.get_text() == "Page not found - Muscle Twitch and Spasm Guide"
    assert page.h1.get_text() == "Page not found"
    links = {a.get_text(): a["href"] for a in page.select("article a")}
    # Written from the site's root; a first script points the page's <base> at that root,
    # wherever the server sends this page (the browser tests follow the links).
    assert links == {"Go to the home page": "./",
                     "See all topics, from A to Z": "./conditions/"}
    assert "document.createElement(\"base\")" in page.head.script.get_text()


def test_the_a_to_z_page_lists_every_topic(built_site: Path) -> None:
    page = html(built_site, "conditions/index.html")

    assert page.h1.get_text() == "Topics A to Z"
    assert [a["href"] for a in page.select("article li > a")] == ["muscle-spasm/",
                                                                  "muscle-twitch/"]


def test_pages_have_canonical_links_to_the_public_address(built_site: Path) -> None:
    canonical = html(built_site, "conditions/muscle-spasm/index.html").select_one(
        'link[rel="canonical"]')

    assert canonical["href"] == SITE_URL + "conditions/muscle-spasm/"


def test_robots_txt_points_to_the_sitemap(built_site: Path) -> None:
    assert (built_site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\nSitemap: {SITE_URL}sitemap.xml\n"
        f"Sitemap: {SITE_URL}es/sitemap.xml\n")


def test_the_sitemap_lists_pages_but_not_embeds(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")

    assert f"<loc>{SITE_URL}conditions/muscle-twitch/</loc>" in sitemap
    assert "embed/" not in sitemap


def test_embed_pages_are_bare_noindex_and_open_links_in_the_top_window(built_site: Path) -> None:
    page = html(built_site, "embed/muscle-spasm/index.html")

    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert page.select_one("base")["target"] == "_top"
    assert page.select(".md-header, .md-sidebar, .md-footer, .md-search") == []
    assert page.select_one(".emergency-banner a")["href"] == "tel:911"
    assert [s.get_text() for s in page.select("details.question summary")] == [
        faq.question for faq in load_project(CONTENT).condition("muscle-spasm").faq]
    credit = page.select_one(".embed-credit")
    assert credit.get_text(" ", strip=True).startswith("From Muscle Twitch and Spasm Guide")
    assert credit.a["href"] == "../../conditions/muscle-spasm/"
    assert "Next review due" in page.select_one(".review-dates").get_text()


def test_embeds_are_left_out_of_search(built_site: Path) -> None:
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))

    assert not [doc for doc in index["docs"] if doc["location"].startswith("embed/")]


def test_oembed_is_discoverable_and_describes_the_iframe(built_site: Path) -> None:
    link = html(built_site, "embed/muscle-spasm/index.html").select_one(
        'link[type="application/json+oembed"]')
    oembed = json.loads((built_site / "oembed/muscle-spasm.json").read_text(encoding="utf-8"))

    assert link["href"] == SITE_URL + "oembed/muscle-spasm.json"
    assert oembed["type"] == "rich"
    assert oembed["version"] == "1.0"
    assert f'src="{SITE_URL}embed/muscle-spasm/"' in oembed["html"]
    assert 'title="Muscle spasm: questions and answers from' in oembed["html"]


def test_the_page_for_website_owners_offers_the_code_to_embed_each_set(built_site: Path) -> None:
    page = html(built_site, "pages/embed-our-questions/index.html")
    codes = [c.get_text() for c in page.select("pre.embed-code code")]

    assert len(codes) == 2
    assert not html(built_site, "faq/index.html").select(".embed-code, details.embed")
    assert all("<iframe" in code and " title=" in code for code in codes)
    assert all('event.origin !== "https://health-guides.github.io"' in code for code in codes)
    assert all("event.source !== frame.contentWindow" in code for code in codes)


@pytest.mark.parametrize("attribute", ["src", "href"])
def test_no_page_loads_anything_from_another_host(built_site: Path, attribute: str) -> None:
    # Links in text may point elsewhere; what a page loads may not.
    loaders = {"src": "script[src], img[src], iframe[src], source[src]",
               "href": 'link[rel~="stylesheet"], link[rel~="preload"], link[rel~="icon"], '
                       'link[rel~="preconnect"], link[rel~="modulepreload"]'}[attribute]
    for path in all_pages(built_site):
        for element in html(built_site, path).select(loaders):
            assert not urlsplit(element[attribute]).netloc, (path, element[attribute])


def test_the_offline_bundle_holds_the_whole_site_with_plain_file_links(offline_zip: Path) -> None:
    names = zipfile.ZipFile(offline_zip).namelist()
    root = "muscle-twitch-and-spasm-guide/"

    assert names == sorted(names)
    assert f"{root}index.html" in names
    assert f"{root}conditions/muscle-spasm.html" in names
    assert f"{root}search/search_index.js" in names
    assert f"{root}assets/javascripts/iframe-worker-shim.js" in names


def test_the_offline_bundle_leaves_out_the_embed_pages_the_website_keeps(
    built_site: Path, offline_zip: Path,
) -> None:
    """Embed pages serve frames on other websites: nobody opens them from a USB stick."""
    bundle = zipfile.ZipFile(offline_zip)
    root = "muscle-twitch-and-spasm-guide/"
    # What the offline search reads from file:// (Material's offline plugin writes it).
    index = json.loads(bundle.read(f"{root}search/search_index.js").decode("utf-8")
                       .removeprefix("var __index = "))
    searched = {doc["location"].split("#")[0] for doc in index["docs"]}
    sitemap = bundle.read(f"{root}sitemap.xml").decode("utf-8")

    assert (built_site / "embed/muscle-spasm/index.html").is_file()
    assert (built_site / "oembed/muscle-spasm.json").is_file()
    assert [name for name in bundle.namelist()
            if name.startswith((f"{root}embed/", f"{root}oembed/"))] == []
    assert "conditions/muscle-spasm.html" in searched
    assert [page for page in searched if page.startswith("embed/")] == []
    assert f"<loc>{SITE_URL}conditions/muscle-spasm.html</loc>" in sitemap
    assert "/embed/" not in sitemap


def test_every_link_of_every_offline_page_opens_a_file_of_the_bundle(offline_zip: Path) -> None:
    """From file://, a link to a folder shows a file listing, and one to nothing fails."""
    bundle = zipfile.ZipFile(offline_zip)
    names = set(bundle.namelist())
    pages = sorted(n for n in names if n.endswith(".html"))
    broken = []
    for page in pages:
        soup = BeautifulSoup(bundle.read(page).decode("utf-8"), "html.parser")
        for link in soup.select("a[href]"):
            address = urlsplit(link["href"])
            if address.scheme or address.netloc or not address.path:
                continue  # another site, a phone number, or a place on the same page
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), address.path))
            if target not in names:
                broken.append(f"{page}: {link['href']}")

    assert len(pages) > 10
    assert broken == []
