"""Zensical builds both outputs from the same site source, and every page passes our checks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
import yaml  # type: ignore[import-untyped]
from click.testing import CliRunner

from generator.builders.zensical_build import LIMITS
from generator.cli import main
from generator.content.project import load_project
from generator.safety.built_site import secure_site
from generator.wording import for_locale

from conftest import CONTENT, PUBLISHED_AT, ROOT, ZENSICAL, build_shipped, html

# The attributes through which a page makes the browser load something.
LOADS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src",
         "audio": "src", "video": "src", "embed": "src", "object": "data"}


SITEMAP_XMLNS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def sitemap(site: Path) -> list[str]:
    """Return the addresses the site's sitemap lists."""
    urls = ElementTree.parse(site / "sitemap.xml").getroot()
    return [loc.text or "" for loc in urls.iter(f"{{{SITEMAP_XMLNS}}}loc")]


@ZENSICAL
def test_zensical_builds_every_page_mkdocs_builds(built: Path, tmp_path: Path) -> None:
    build_shipped(tmp_path, "mkdocs")

    assert pages(built / "site") == pages(tmp_path / "site")
    assert "checker/twitch-or-spasm/index.html" in pages(built / "site")
    assert sorted(sitemap(built / "site")) == sorted(sitemap(tmp_path / "site"))
    assert f"{PUBLISHED_AT}embed/muscle-twitch/" not in sitemap(built / "site")


@ZENSICAL
def test_every_page_of_both_outputs_shows_the_emergency_banner_with_its_call_link(
    built: Path, offline_bundle: Path,
) -> None:
    project = load_project(CONTENT)
    said = {edition.language: " ".join((
        (words := for_locale(edition.site.locale)).text("theme.emergency.question"),
        edition.site.emergency.message, words.text("theme.emergency.call", number="911")))
        for edition in (project, *project.translations)}
    assert said["en"] == ("Is this an emergency? If you have serious medical symptoms, get "
                          "emergency help now. Call 911")
    for site in (built / "site", offline_bundle):
        for name in pages(site):
            banner = html(site, name).select(".emergency-banner")

            assert len(banner) == 1, f"{site.name}/{name}"
            language = "es" if name.startswith("es/") else "en"
            assert banner[0].get_text(" ", strip=True) == said[language], name
            assert banner[0].select_one("a[href='tel:911']") is not None, name


@ZENSICAL
def test_every_page_carries_its_policy_and_passes_the_guard_again(
    built: Path, offline_bundle: Path, tmp_path: Path,
) -> None:
    for site in (built / "site", offline_bundle):
        for name in pages(site):
            policy = html(site, name).select('meta[http-equiv="Content-Security-Policy"]')
            assert len(policy) == 1, name
            assert policy[0]["content"].startswith("default-src 'self'; script-src 'self' "), name
        copy = shutil.copytree(site, tmp_path / site.name)

        assert secure_site(copy, PUBLISHED_AT) == len(pages(site))


@ZENSICAL
def test_no_page_of_either_output_loads_anything_from_another_site(
    built: Path, offline_bundle: Path,
) -> None:
    origin = urlsplit(PUBLISHED_AT).netloc
    for site in (built / "site", offline_bundle):
        for name in pages(site):
            for tag, attribute in LOADS.items():
                for element in html(site, name).find_all(tag):
                    address = element.get(attribute)
                    if address is None:
                        continue
                    host = urlsplit(urljoin(PUBLISHED_AT + name, address)).netloc
                    assert host == origin or address.startswith("data:"), (
                        f"{name}: <{tag} {attribute}={address!r}>")


@ZENSICAL
def test_the_checker_page_reaches_every_outcome_without_javascript(built: Path) -> None:
    page = html(built / "site", "checker/twitch-or-spasm/index.html")
    ids = {element["id"] for element in page.select("[id]")}
    links = [link["href"] for link in page.select("article a[href^='#']")]

    assert page.select_one("h1").get_text(strip=True) == "Twitch or spasm? What should I do?"
    assert len(links) > 10, "the checker's steps do not link to the next ones"
    assert [link for link in links if link[1:] not in ids] == []


@ZENSICAL
def test_readers_see_the_same_words_as_on_mkdocs_pages(built: Path, tmp_path: Path) -> None:
    build_shipped(tmp_path, "mkdocs")

    for name in pages(built / "site"):
        ours, theirs = html(built / "site", name), html(tmp_path / "site", name)
        for part in ("article", ".emergency-banner", ".md-copyright"):
            assert [e.get_text(" ", strip=True) for e in ours.select(part)] == \
                [e.get_text(" ", strip=True) for e in theirs.select(part)], f"{name}: {part}"


@ZENSICAL
def test_the_offline_bundle_has_file_addresses_and_its_own_search_index(
        offline_bundle: Path) -> None:
    page = html(offline_bundle, "conditions/muscle-twitch.html")
    scripts = [script["src"] for script in page.select("script[src]")]

    assert (offline_bundle / "search.js").is_file()
    assert "../assets/javascripts/iframe-worker-shim.js" in scripts
    assert not (offline_bundle / "conditions/muscle-twitch").exists()
    assert page.select_one("a[href$='/muscle-spasm.html']") is not None


@ZENSICAL
def test_the_offline_bundle_leaves_out_the_embed_pages_the_website_keeps(
    built: Path, offline_bundle: Path,
) -> None:
    index = json.loads((offline_bundle / "search.js").read_text(encoding="utf-8")
                       .removeprefix("var __index = ").removesuffix(";"))
    searched = {item["location"].split("#")[0] for item in index["items"]}

    assert (built / "site/embed/muscle-spasm/index.html").is_file()
    assert (built / "site/oembed/muscle-spasm.json").is_file()
    assert not (offline_bundle / "embed").exists()
    assert not (offline_bundle / "oembed").exists()
    assert "conditions/muscle-spasm.html" in searched
    assert [page for page in searched if page.startswith("embed/")] == []
    assert f"{PUBLISHED_AT}conditions/muscle-spasm.html" in sitemap(offline_bundle)
    assert [url for url in sitemap(offline_bundle) if "/embed/" in url] == []


def test_text_from_the_content_is_shown_as_written_not_as_markup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    shutil.copytree(CONTENT, tmp_path / "content")
    site_yml = tmp_path / "content/site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace(
        "title: Muscle Twitch and Spasm Guide", 'title: Twitch & Spasm <b>Guide</b> "A"'),
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(main, ["build", "--builder", "zensical", "--config",
                                       str(ROOT / "mkdocs.yml")])

    assert result.exit_code == 0, result.output
    page = html(tmp_path / "site", "conditions/muscle-twitch/index.html")
    assert page.title.get_text() == 'Muscle twitch - Twitch & Spasm <b>Guide</b> "A"'
    assert page.select_one(".md-header__topic").get_text(strip=True) == \
        'Twitch & Spasm <b>Guide</b> "A"'
    assert page.select("b") == []


def test_build_says_in_one_line_what_zensical_leaves_out(tmp_path: Path) -> None:
    result = build_shipped(tmp_path, "zensical")

    assert "with Zensical" in result.stdout
    assert result.stderr.count(LIMITS) == 1
    assert "\n" not in LIMITS


def test_without_zensical_installed_build_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "generator.builders.zensical_build", None)
    monkeypatch.chdir(ROOT)

    result = CliRunner().invoke(main, ["build", "--builder", "zensical",
                                       "--site-dir", str(tmp_path / "site"),
                                       "--dist-dir", str(tmp_path / "dist")])

    assert result.exit_code == 1
    assert result.output == ("Zensical is not installed. Install it with `pip install "
                             "'.[zensical]'` in the project folder (`make` does), or build "
                             "with MkDocs.\n")
    assert not (tmp_path / "site").exists()


def test_the_exported_source_for_zensical_builds_with_zensical_alone(tmp_path: Path) -> None:
    export = subprocess.run([sys.executable, "-m", "generator", "export", "--builder",
                             "zensical", str(tmp_path)], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert export.returncode == 0, export.stderr
    config = yaml.load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"),
                       Loader=yaml.Loader)
    assert config["theme"]["variant"] == "classic"
    assert "page.canonical_url" in (tmp_path / "overrides/sitemap.xml").read_text("utf-8")

    zensical = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "-f",
                               str(tmp_path / "mkdocs.yml")], capture_output=True, text=True,
                              check=False)

    assert zensical.returncode == 0, zensical.stdout + zensical.stderr
    assert "emergency-banner" in (tmp_path / "site/index.html").read_text("utf-8")


def test_the_source_for_mkdocs_is_unchanged_by_zensical(tmp_path: Path) -> None:
    export = subprocess.run([sys.executable, "-m", "generator", "export", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert export.returncode == 0, export.stderr
    config = yaml.load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"),
                       Loader=yaml.Loader)

    assert "variant" not in config["theme"]
    assert (tmp_path / "overrides/sitemap.xml").read_bytes() == \
        (ROOT / "overrides/sitemap.xml").read_bytes()
