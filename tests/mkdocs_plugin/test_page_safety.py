"""A theme change that makes pages unsafe stops the build; the preview refuses such a page too.

The pass over built pages has its own tests (tests/test_built_site.py); the preview's plugin
runs the same check on each page as it builds it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from generator.builders.mkdocs_plugin.plugin import HealthContentPlugin

from conftest import ROOT

SITE: Any = SimpleNamespace(site_url="https://example.org/muscle-guide/")
UNSAFE = """<!doctype html>
<html><head><meta charset="utf-8"><title>x</title></head>
<body><a href="javascript:alert(1)">Read more</a>
<img src="https://tracker.example/pixel.gif" alt=""></body></html>
"""


def post_page(html: str) -> str:
    page: Any = SimpleNamespace(file=SimpleNamespace(src_uri="conditions/muscle-twitch.md"))
    return HealthContentPlugin().on_post_page(html, page=page, config=SITE)


def test_an_unsafe_page_stops_the_build_naming_the_page_and_each_element() -> None:
    with pytest.raises(PluginError) as stopped:
        post_page(UNSAFE)

    assert str(stopped.value) == (
        "conditions/muscle-twitch.md: the built page is not safe to publish:\n"
        '  <a href="javascript:alert(1)"> uses the `javascript:` scheme; links may only '
        "use http:, https:, mailto:, tel: or a relative address\n"
        '  <img src="https://tracker.example/pixel.gif"> loads from another host '
        "(tracker.example); pages may only load files from this site")


def test_a_safe_page_gets_its_content_security_policy() -> None:
    html = post_page(UNSAFE.replace("javascript:alert(1)", "../muscle-spasm/")
                     .replace("https://tracker.example/pixel.gif", "../../a.gif"))

    assert '<meta http-equiv="Content-Security-Policy"' in html


def test_the_404_page_is_secured_and_the_sitemap_left_alone() -> None:
    plugin = HealthContentPlugin()
    sitemap = '<?xml version="1.0"?><urlset></urlset>'

    with pytest.raises(PluginError, match=r"^404\.html: the built page is not safe"):
        plugin.on_post_template(UNSAFE, template_name="404.html", config=SITE)
    assert plugin.on_post_template(sitemap, template_name="sitemap.xml",
                                   config=SITE) == sitemap


def test_a_theme_change_that_adds_a_tracking_pixel_stops_the_build(
    scratch: Callable[..., Path],
) -> None:
    project, result = _build_with_override(
        scratch, "partials/emergency-banner.html",
        '<img src="https://tracker.example/pixel.gif" alt="">\n')

    assert result.returncode != 0
    assert "the built page is not safe to publish:" in result.stderr
    assert ('<img src="https://tracker.example/pixel.gif"> loads from another host '
            "(tracker.example)") in result.stderr
    assert not (project / "site").exists()


@pytest.mark.parametrize("where", ["<header class='md-header'>{}</header>",
                                   "<footer class='md-footer'>{}</footer>"])
def test_an_inline_script_outside_the_content_stops_the_build_naming_the_page(
    where: str,
) -> None:
    html = UNSAFE.replace('<a href="javascript:alert(1)">Read more</a>', where.format(
        "<script>fetch('/?' + document.cookie)</script>")).replace(
        "https://tracker.example/pixel.gif", "../../a.gif")

    with pytest.raises(PluginError) as stopped:
        post_page(html)

    assert str(stopped.value).startswith(
        "conditions/muscle-twitch.md: the built page is not safe to publish:\n"
        "  <script> (fetch('/?' + document.cookie)) is not one of the scripts the theme or "
        "overrides/ write, so it may not run.")


def test_a_theme_change_that_adds_an_inline_script_to_the_footer_stops_the_build(
    scratch: Callable[..., Path],
) -> None:
    project, result = _build_with_override(
        scratch, "partials/copyright.html", "<script>navigator.sendBeacon('/t')</script>\n")

    assert result.returncode != 0
    assert "404.html: the built page is not safe to publish:" in result.stderr
    assert ("<script> (navigator.sendBeacon('/t')) is not one of the scripts the theme or "
            "overrides/ write") in result.stderr
    assert not (project / "site").exists()


def _build_with_override(scratch: Callable[..., Path], name: str,
                         added: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Build a scratch project whose override `name` ends with `added`; return the run."""
    override = (ROOT / "overrides" / name).read_text(encoding="utf-8")
    project = scratch({f"overrides/{name}": override + added})
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return project, subprocess.run(
        [sys.executable, "-m", "generator", "build"], cwd=project, capture_output=True,
        text=True, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
