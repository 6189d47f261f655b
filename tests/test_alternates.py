"""A page's versions in each language: its counterpart where there is one, else that
language's home page, and links to them from each output's address of the page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.pipeline import render_content, site_source
from generator.site import routes

from conftest import ROOT, bilingual


def test_between_goes_from_one_languages_page_to_anothers_in_each_output() -> None:
    assert routes.between("conditions/muscle-twitch/", "es/conditions/muscle-twitch/") == \
        "../../es/conditions/muscle-twitch/"
    assert routes.between("es/conditions/muscle-twitch/", "conditions/muscle-twitch/") == \
        "../../../conditions/muscle-twitch/"
    assert routes.between("./", "es/") == "es/"
    assert routes.between("es/", "./") == "../"
    assert routes.between("faq.html", "es/faq.html") == "es/faq.html"
    assert routes.between("es/conditions/muscle-twitch.html", "index.html") == "../../index.html"


def test_a_page_with_no_translation_leads_to_the_other_languages_home_and_names_no_pair(
        scratch: Callable[..., Path]) -> None:
    project = bilingual(scratch(), "conditions/muscle-twitch.yml")
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)

    rendered = render_content(project / "content")
    english = site_source(rendered, project / "mkdocs.yml")
    spanish = site_source(rendered.translations[0], project / "mkdocs.yml", offline=True)

    translated = english.front_matter["conditions/muscle-twitch.md"]["languages"]
    assert [(v["code"], v["href"], v["counterpart"], v["current"]) for v in translated] == [
        ("en", "./", True, True), ("es", "../../es/conditions/muscle-twitch/", True, False)]
    alone = english.front_matter["conditions/muscle-spasm.md"]["languages"]
    assert [(v["code"], v["href"], v["counterpart"]) for v in alone] == [
        ("en", "./", True), ("es", "../../es/", False)]
    assert "conditions/muscle-spasm.md" not in spanish.front_matter
    home = spanish.front_matter["index.md"]["languages"]
    assert [(v["code"], v["href"]) for v in home] == [("en", "../index.html"),
                                                      ("es", "index.html")]
