"""A page may carry only the theme's and our own scripts, each known by its text's hash."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from generator.safety.built_page import read_page
from generator.safety.page_scripts import (
    KNOWN_SCRIPTS,
    SCOPE_END,
    SCOPE_START,
    SCOPE_TEMPLATE_HASH,
    config_problem,
    is_known,
    script_hash,
    search_worker,
)

from conftest import ROOT, THEME, template_scripts, theme_script, theme_settings

# Material's settings on a page two folders down.
SETTINGS = theme_settings("../..")


def test_the_known_scripts_are_those_the_pinned_theme_and_our_404_page_write() -> None:
    written = [theme_script("partials/javascripts/palette.html"),
               theme_script("partials/javascripts/content.html"),
               *template_scripts(ROOT / "overrides/404.html")]

    assert {script_hash(text) for text in written} == set(KNOWN_SCRIPTS), (
        "Material or overrides/404.html changed a script: check it, then update "
        "generator/safety/page_scripts.py")
    scope = template_scripts(THEME / "partials/javascripts/base.html")[-1]
    assert script_hash(scope.replace("{{ config.extra.scope | d(base_url) }}", "{base}")) \
        == SCOPE_TEMPLATE_HASH


@pytest.mark.parametrize("base", [".", "..", "../..", "../../../.."])
def test_materials_first_script_is_known_at_any_depth(base: str) -> None:
    assert is_known(theme_script("partials/javascripts/base.html", base))


@pytest.mark.parametrize("script", [
    theme_script("partials/javascripts/base.html", 'https://evil.example/"+alert(1)+"'),
    theme_script("partials/javascripts/base.html", "../..") + ";alert(1)",
    f"{SCOPE_START}..{SCOPE_END}alert(1)",
    theme_script("partials/javascripts/palette.html") + " ",
    "alert(1)",
    "",
])
def test_any_other_script_is_unknown(script: str) -> None:
    assert not is_known(script)


def test_the_settings_material_writes_have_the_expected_shape(built_site: Path) -> None:
    for path in ("index.html", "conditions/muscle-twitch/index.html", "404.html"):
        page = read_page((built_site / path).read_text(encoding="utf-8"))
        (config,) = [e for e in page.elements if e.attributes.get("id") == "__config"]

        assert config_problem(json.loads(config.text())) is None, path
        assert search_worker(page) is not None


@pytest.mark.parametrize(("change", "problem"), [
    ({"search": "https://evil.example/worker.js"}, "has a `search` that is not the theme's"),
    ({"search": '../../assets/javascripts/workers/search.js"});alert(1)//'},
     "has a `search` that is not the theme's"),
    ({"search": "../assets/javascripts/workers/search.a7633da7.min.js"},
     "has a `search` that is not the theme's"),
    ({"base": "https://evil.example/"}, "has a `base` that is not the page's relative address"),
    ({"features": ["navigation.instant", "<img>"]}, "has `features` that are not a list"),
    ({"translations": {"clipboard.copy": "Copy"}}, "has `translations` other than the theme's"),
    ({"version": {"provider": "mike"}}, "sets `annotate`, `redirect`, `tags` or `version`"),
    ({"extra": 1}, "does not hold exactly annotate, base, features, search, tags,"),
])
def test_settings_of_any_other_shape_are_named(change: dict[str, Any], problem: str) -> None:
    settings = copy.deepcopy(SETTINGS) | change

    assert config_problem(SETTINGS) is None
    assert (config_problem(settings) or "").startswith(problem)


def test_a_second_settings_block_leaves_no_search_worker_to_allow() -> None:
    block = f'<script id="__config" type="application/json">{json.dumps(SETTINGS)}</script>'

    assert search_worker(read_page(f"<body>{block}</body>")) == SETTINGS["search"]
    assert search_worker(read_page(f"<body>{block}{block}</body>")) is None
