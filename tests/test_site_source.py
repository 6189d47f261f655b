"""The whole site outside any builder: `export`, then plain MkDocs with no plugin of ours."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from html import unescape as html_unescape
from pathlib import Path

import pytest
import yaml
from markupsafe import Markup

from generator import wording
from generator.pipeline import render_content
from generator.pipeline import site_source as source_of
from generator.site import site_source
from generator.wording import for_locale

from conftest import CONTENT, PUBLISHED_AT, ROOT, html

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
RENDERED = render_content(CONTENT, site_url=PUBLISHED_AT)
LARGE = render_content(CONTENT, large_from=1)


def generator(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=ENV,
                          capture_output=True, text=True, check=False)


def mkdocs_build(config: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                           str(config), *options], env=ENV, capture_output=True, text=True,
                          check=False)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Export the shipped site, then build it with plain MkDocs as `export` says (English,
    then Spanish into its folder) and run the guard on it."""
    out = tmp_path_factory.mktemp("export") / "source"
    exporting = generator("export", str(out), "--site-url", PUBLISHED_AT)
    assert exporting.returncode == 0, exporting.stderr
    assert exporting.stdout.endswith(
        f"then `mkdocs build -f {out.as_posix()}/es/mkdocs.yml -d ../site/es/`.\n")
    for building in (mkdocs_build(out / "mkdocs.yml"),
                     mkdocs_build(out / "es/mkdocs.yml", "-d", "../site/es/")):
        assert building.returncode == 0, building.stderr
    return out


def test_the_exported_configuration_names_no_plugin_of_ours(exported: Path) -> None:
    config = yaml.unsafe_load((exported / "mkdocs.yml").read_text(encoding="utf-8"))

    assert config["plugins"] == ["search", {"offline": {"enabled": False}}]
    assert config["docs_dir"] == "docs"
    assert config["theme"]["custom_dir"] == "overrides"
    assert config["site_url"] == PUBLISHED_AT
    assert config["extra"]["health"]["emergency_number"] == "911"
    assert (exported / "docs/assets/javascripts/iframe-worker-shim.js").read_bytes() == (
        ROOT / "node_modules/iframe-worker/shim/index.js").read_bytes()
    assert not (exported / "overrides/.empty-docs").exists()


def test_plain_mkdocs_builds_pages_with_the_banner_and_the_checker(exported: Path) -> None:
    site = exported / "site"
    home = html(site, "index.html")
    checker = html(site, "checker/twitch-or-spasm/index.html")

    banner = home.select_one("section.emergency-banner")
    assert "get emergency help now" in banner.get_text()
    assert banner.select_one("a.emergency-banner__call")["href"] == "tel:911"
    assert checker.select(".flowchart__step")
    assert [a.get_text() for a in home.select(".footer-links a")] == [
        "About this guide", "Accessibility statement", "Embed our questions"]
    assert (site / "oembed/muscle-twitch.json").is_file()
    assert "Sitemap: " in (site / "robots.txt").read_text(encoding="utf-8")


def test_the_guard_gives_the_plain_build_its_policy_and_finds_it_safe(exported: Path) -> None:
    site = exported / "site"

    result = generator("guard", str(site), "--site-url", PUBLISHED_AT)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Secured 26 pages in ")
    for page in ("index.html", "checker/twitch-or-spasm/index.html", "404.html"):
        policy = html(site, page).select_one('meta[http-equiv="Content-Security-Policy"]')
        assert policy["content"].startswith("default-src 'self'; script-src 'self' 'sha256-")


def test_the_plain_build_is_the_build_readers_get(exported: Path, built_site: Path) -> None:
    generator("guard", str(exported / "site"), "--site-url", PUBLISHED_AT)

    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    assert pages == sorted(p.relative_to(exported / "site").as_posix()
                           for p in (exported / "site").rglob("*.html"))
    for page in pages:
        assert (exported / "site" / page).read_bytes() == (built_site / page).read_bytes(), page


def test_text_arrives_escaped_and_links_as_addresses_of_each_output() -> None:
    website = source_of(LARGE, ROOT / "mkdocs.yml")
    offline = source_of(LARGE, ROOT / "mkdocs.yml", offline=True)
    path = "conditions/muscle-twitch.md"

    assert website.front_matter[path]["menu"]["related"][0] == {
        "title": "Muscle twitch or muscle spasm?", "url": "compare/twitch-vs-spasm/"}
    assert offline.front_matter[path]["menu"]["related"][0]["url"] == "compare/twitch-vs-spasm.html"
    assert website.settings["extra"]["health"]["search_help"][-1] == {
        "title": "Topics A to Z", "url": "conditions/"}
    assert offline.settings["extra"]["health"]["search_help"][-1]["url"] == "conditions/index.html"
    # The 404 page, at the site's root under a <base>, links home and to the A to Z.
    assert website.settings["extra"]["health"]["not_found_links"] == {
        "home": "./", "topics": "./conditions/"}
    assert offline.settings["extra"]["health"]["not_found_links"] == {
        "home": "./index.html", "topics": "./conditions/index.html"}
    assert offline.config["plugins"] == ["search", {"offline": {"enabled": True}}]


def test_only_the_website_source_holds_the_embed_pages_and_their_oembed_files(
    tmp_path: Path,
) -> None:
    exporting = generator("export", "--offline", str(tmp_path / "offline"),
                          "--site-url", PUBLISHED_AT)
    website = source_of(RENDERED, ROOT / "mkdocs.yml")
    docs = tmp_path / "offline/docs"

    assert exporting.returncode == 0, exporting.stderr
    assert exporting.stdout.startswith("Wrote 20 pages ")  # 10 in each language
    assert {"embed/muscle-spasm.md", "oembed/muscle-spasm.json"} <= {*website.pages,
                                                                      *website.files}
    assert (docs / "conditions/muscle-spasm.md").is_file()
    assert (docs / "robots.txt").is_file()
    assert not (docs / "embed").exists()
    assert not (docs / "oembed").exists()


def test_every_text_the_theme_prints_is_escaped_once(scratch: Callable[..., Path]) -> None:
    project = scratch()
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    site_file = project / "content/site.yml"
    site_file.write_text(site_file.read_text(encoding="utf-8").replace(
        "Muscle Twitch and Spasm Guide", "Twitch & <Spasm> Guide"), encoding="utf-8")
    source = source_of(render_content(project / "content"), project / "mkdocs.yml")

    assert source.settings["site_name"] == Markup("Twitch &amp; &lt;Spasm&gt; Guide")
    assert source.settings["copyright"] == "Published by Twitch &amp; &lt;Spasm&gt; Guide"
    assert type(source.settings["copyright"]) is str
    site_source.write(source, project / "out")
    assert mkdocs_build(project / "out/mkdocs.yml").returncode == 0
    home = html(project / "out/site", "index.html")
    assert home.select_one(".md-header__button.md-logo")["title"] == "Twitch & <Spasm> Guide"
    assert home.select_one(".md-copyright__highlight").get_text(strip=True) == (
        "Published by Twitch & <Spasm> Guide")
    assert html(project / "out/site", "404.html").title.get_text() == (
        "Page not found - Twitch & <Spasm> Guide")


def test_the_words_the_builder_shows_come_from_the_catalog() -> None:
    source = source_of(render_content(CONTENT, words=wording.pseudo(for_locale("en-US"))),
                       ROOT / "mkdocs.yml")
    health = source.config["extra"]["health"]

    assert [entry["toggle"]["name"] for entry in source.config["theme"]["palette"]] == [
        "⟦Switch to dark mode⟧", "⟦Switch to light mode⟧"]
    assert source.config["copyright"] == "⟦Published by Muscle Twitch and Spasm Guide⟧"
    assert health["words"]["emergency"]["call"] == "⟦Call 911⟧"
    assert health["words"]["notfound"]["title"] == (
        "⟦Page not found - Muscle Twitch and Spasm Guide⟧")
    assert json.loads(html_unescape(health["script_words"]))["flowchart.answered"] == (
        "⟦You answered: {answer}.⟧")


def test_a_missing_npm_asset_is_named_with_what_to_run(scratch: Callable[..., Path]) -> None:
    project = scratch()

    with pytest.raises(site_source.SiteSourceError, match=r"^node_modules/iframe-worker/shim/"
                       r"index\.js is missing: run `npm ci` \(or `make site`\) first\.$"):
        source_of(RENDERED, project / "mkdocs.yml")
