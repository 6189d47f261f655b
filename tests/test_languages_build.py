"""The built site in every language: each at its own address, in its own words, each page
linked to its versions in the others, on the website and in the offline bundle, by both
builders."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from generator.content.project import load_project
from generator.wording import for_locale

from conftest import BOTH_BUILDERS, CONTENT, PUBLISHED_AT, html

PROJECT = load_project(CONTENT)
[SPANISH] = PROJECT.translations
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def pages(site: Path) -> list[str]:
    """Return every page of a built site, its 404 pages aside, by path."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.name != "404.html")


def language_of(path: str) -> str:
    """Return the language a page is in, by the folder it is in."""
    return "es" if path.startswith("es/") else "en"


def counterpart(path: str) -> str:
    """Return the path of the same page in the other language."""
    return path.removeprefix("es/") if path.startswith("es/") else f"es/{path}"


def switch_target(site: Path, path: str) -> str:
    """Return the page that a page's language switcher leads to, by path from the site."""
    [link] = html(site, path).select("nav.health-language a")
    assert link["hreflang"] == link["lang"] == ("en" if language_of(path) == "es" else "es")
    target = PurePosixPath(urljoin(f"/{path}", str(link["href"])))
    found = site / str(target).lstrip("/")
    return (found / "index.html" if found.is_dir() else found).relative_to(site).as_posix()


@BOTH_BUILDERS
def test_each_language_is_at_its_own_address_and_says_its_language(built: Path) -> None:
    site = built / "site"
    built_pages = pages(site)

    assert any(p.startswith("es/") for p in built_pages)
    for path in built_pages:
        assert html(site, path).html["lang"] == language_of(path), path
    assert "es/conditions/muscle-twitch/index.html" in built_pages
    assert "es/checker/twitch-or-spasm/index.html" in built_pages


@BOTH_BUILDERS
@pytest.mark.parametrize("output", ["website", "offline"])
def test_the_switcher_on_every_page_leads_to_the_same_page_in_the_other_language(
        built: Path, offline_bundle: Path, output: str) -> None:
    site = built / "site" if output == "website" else offline_bundle

    for path in pages(site):
        if "embed/" in path:  # in another site's frame: no header, no switcher
            assert html(site, path).select("nav.health-language") == []
            continue
        target = switch_target(site, path)
        assert target == counterpart(path), f"{path} switches to {target}"


@BOTH_BUILDERS
def test_every_page_names_its_versions_in_pairs_for_search_engines(built: Path) -> None:
    site = built / "site"

    for path in pages(site):
        page = html(site, path)
        versions = {link["hreflang"]: link["href"]
                    for link in page.select("link[rel=alternate][hreflang]")}
        if "embed/" in path:  # for other sites' frames: no search engine indexes it
            assert versions == {}, path
            continue
        own = PUBLISHED_AT + path.removesuffix("index.html")
        other = PUBLISHED_AT + counterpart(path).removesuffix("index.html")
        english, spanish = (other, own) if language_of(path) == "es" else (own, other)
        assert versions == {"en-US": english, "es-US": spanish, "x-default": english}, path


@BOTH_BUILDERS
def test_the_offline_bundle_names_each_pages_versions_by_relative_address(
        offline_bundle: Path) -> None:
    for path in pages(offline_bundle):
        page = html(offline_bundle, path)
        versions = {link["hreflang"]: link["href"]
                    for link in page.select("link[rel=alternate][hreflang]")}
        switch = page.select_one("nav.health-language a")
        assert switch is not None, path
        other = "es-US" if language_of(path) == "en" else "en-US"
        assert versions[other] == switch["href"], path


@BOTH_BUILDERS
def test_each_sitemap_names_each_pages_version_in_the_other_language(built: Path) -> None:
    site = built / "site"

    for sitemap in ("sitemap.xml", "es/sitemap.xml"):
        urls = ElementTree.parse(site / sitemap).getroot().iter(f"{SITEMAP}url")
        for url in urls:
            loc = url.findtext(f"{SITEMAP}loc") or ""
            alternates = {link.get("hreflang"): link.get("href")
                          for link in url.iter(f"{XHTML}link")}
            in_spanish = loc.startswith(f"{PUBLISHED_AT}es/")
            assert alternates[("es-US" if in_spanish else "en-US")] == loc, loc
            other = alternates[("en-US" if in_spanish else "es-US")]
            assert (other == loc.replace(f"{PUBLISHED_AT}es/", PUBLISHED_AT) if in_spanish
                    else other == loc.replace(PUBLISHED_AT, f"{PUBLISHED_AT}es/")), loc
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert robots.endswith(f"Sitemap: {PUBLISHED_AT}sitemap.xml\n"
                           f"Sitemap: {PUBLISHED_AT}es/sitemap.xml\n")
    assert not (site / "es/robots.txt").exists()


def search_pages(site: Path) -> tuple[list[str], list[str]]:
    """Return the languages of a search index and the page addresses it finds."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    return index["config"]["lang"], sorted({doc["location"].split("#")[0]
                                            for doc in index["docs"]})


def test_each_languages_search_finds_only_its_own_pages_with_its_stemmer(
        built: Path) -> None:
    site = built / "site"

    english_lang, english = search_pages(site)
    spanish_lang, spanish = search_pages(site / "es")

    assert (english_lang, spanish_lang) == (["en"], ["es"])
    assert "conditions/muscle-twitch/" in english and "conditions/muscle-twitch/" in spanish
    index = (site / "es/search/search_index.json").read_text(encoding="utf-8")
    assert SPANISH.condition("muscle-twitch").name in index
    assert PROJECT.condition("muscle-twitch").name not in index.replace(
        SPANISH.condition("muscle-twitch").name, "")


@BOTH_BUILDERS
def test_every_spanish_page_says_in_spanish_that_it_is_an_unreviewed_translation(
        built: Path) -> None:
    site = built / "site"
    words = for_locale(SPANISH.site.locale)
    said = words.text("translation.notice", original=words.text("language.name.en"),
                      date="DATE").split("DATE")

    for path in pages(site):
        notices = html(site, path).select(".translation-notice")
        if language_of(path) == "en":
            assert notices == [], path
            continue
        [notice] = notices
        assert notice.get_text(" ", strip=True).startswith(said[0]), path
        assert notice.get_text(" ", strip=True).endswith(said[1].strip()), path


@BOTH_BUILDERS
def test_spanish_pages_tell_search_engines_their_language_and_call_911_in_spanish(
        built: Path) -> None:
    site = built / "site"
    page = html(site, "es/conditions/muscle-twitch/index.html")

    [data] = page.select('script[type="application/ld+json"]')
    graph = json.loads(data.string or "")["@graph"]
    assert graph[0]["inLanguage"] == "es-US"
    assert graph[0]["url"] == f"{PUBLISHED_AT}es/conditions/muscle-twitch/"
    [call] = page.select(".emergency-banner__call")
    assert call.get_text(strip=True) == "Llame al 911"
    assert call["href"] == "tel:911"


def test_each_language_has_its_own_embeds_with_the_emergency_notice_in_its_words(
        built: Path) -> None:
    site = built / "site"

    oembed = json.loads((site / "es/oembed/muscle-twitch.json").read_text(encoding="utf-8"))
    frame = BeautifulSoup(oembed["html"], "html.parser").find("iframe")
    assert frame is not None
    assert frame["src"] == f"{PUBLISHED_AT}es/embed/muscle-twitch/"
    embed = html(site, "es/embed/muscle-twitch/index.html")
    assert embed.html["lang"] == "es"
    assert SPANISH.site.emergency.message in embed.select_one(".emergency-banner").get_text()
