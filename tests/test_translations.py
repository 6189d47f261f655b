"""A site in more than one language: each translation is loaded from its language's folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content.load import read_document
from generator.content.project import load_project
from generator.content.translation import version_of
from generator.errors import ContentErrors, ErrorCollector

from conftest import SPANISH_SITE, bilingual


def _two_languages(scratch: Callable[..., Path], **spanish: str | None) -> Path:
    """Make the shipped site an English and Spanish one, with these Spanish files."""
    bilingual(scratch(), "conditions/muscle-twitch.yml")
    return scratch({f"content/es/{name}": text for name, text in spanish.items()})


def _errors(raised: pytest.ExceptionInfo[ContentErrors]) -> list[str]:
    return [str(error) for error in raised.value.errors]


def test_a_translation_is_loaded_from_its_languages_folder(
        scratch: Callable[..., Path]) -> None:
    _two_languages(scratch)

    project = load_project(Path("content"))

    assert (project.language, project.languages) == ("en", ("en", "es"))
    [spanish] = project.translations
    assert (spanish.language, spanish.languages) == ("es", ("en", "es"))
    assert spanish.site.title == "Guía de tics y espasmos musculares"
    assert [c.id for c in spanish.conditions] == ["muscle-twitch"]
    assert spanish.documents[0].name == "content/es/site.yml"
    assert spanish.site.emergency_number == "911"


def test_a_translation_is_published_in_its_folder_of_the_sites_address(
        scratch: Callable[..., Path]) -> None:
    _two_languages(scratch)

    project = load_project(Path("content")).published_at("https://twitch-guide.org/guide/")

    assert project.translations[0].site.url == "https://twitch-guide.org/guide/es/"


def test_a_language_without_its_folder_is_named_where_it_is_listed(
        scratch: Callable[..., Path]) -> None:
    _two_languages(scratch)
    shutil.rmtree("content/es")

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    assert _errors(raised) == [
        "content/site.yml:6:17: languages: `es` is listed, but there is no folder of its "
        "translations. Create content/es/ with its site.yml, or take `es` out of the list."]


def test_a_language_folder_the_site_does_not_list_is_named(
        scratch: Callable[..., Path]) -> None:
    _two_languages(scratch)
    Path("content/fr").mkdir()

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    assert _errors(raised) == [
        "content/fr:1:1: this folder would hold the translations into `fr`, but site.yml lists "
        "only en, es in `languages`. Add `fr` there, or move the folder out of the content "
        "folder."]


def test_the_sites_own_language_comes_first(scratch: Callable[..., Path]) -> None:
    _two_languages(scratch)
    site = Path("content/site.yml")
    site.write_text(site.read_text(encoding="utf-8").replace("[en, es]", "[es, en]"),
                    encoding="utf-8")

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    assert "content/site.yml:6:12: languages: the first language is the site's own, `en` " \
        "(from its locale, en-US). Put `en` first." in _errors(raised)


def test_a_translations_site_file_leaves_the_address_and_contact_to_the_original(
        scratch: Callable[..., Path]) -> None:
    _two_languages(scratch, **{"site.yml": SPANISH_SITE.replace(
        "locale: es-US\n", "locale: en-US\nurl: https://twitch-guide.org/\n")})

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    assert _errors(raised) == [
        "content/es/site.yml:4:9: locale: this is the site file of the `es` translation, so its "
        "locale is in that language, like es-US.",
        "content/es/site.yml:5:1: url: the build publishes a translation in its language's "
        "folder of the original's address. Remove `url` here."]


def test_an_original_names_no_original(scratch: Callable[..., Path]) -> None:
    scratch({"content/pages/about.yml": "translated_from: 0123456789ab\n"
             + Path("content/pages/about.yml").read_text(encoding="utf-8")})

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    assert _errors(raised) == [
        "content/pages/about.yml:1:1: translated_from: only a translation names the original "
        "it was made from, and this file is in the site's own language. Remove this line."]


def test_a_files_version_changes_with_what_it_says_not_how_it_is_written(
        tmp_path: Path) -> None:
    def version(text: str) -> str:
        path = tmp_path / "page.yml"
        path.write_text(text, encoding="utf-8")
        document = read_document(path, "page.yml", ErrorCollector())
        assert document is not None
        return version_of(document)

    first = version("id: about\ntitle: About\n")

    assert version("# a comment\ntitle:   About\nid: about\n") == first
    assert version("translated_from: 0123456789ab\nid: about\ntitle: About\n") == first
    assert version("id: about\ntitle: About us\n") != first
    assert len(first) == 12 and int(first, 16) >= 0


def test_a_site_files_version_leaves_out_what_translations_take_from_it(
        tmp_path: Path) -> None:
    def version(text: str) -> str:
        path = tmp_path / "content" / "site.yml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        document = read_document(path, "content/site.yml", ErrorCollector())
        assert document is not None
        return version_of(document)

    first = version("title: A guide\nlocale: en-US\n")

    assert version("title: A guide\nlocale: en-US\nlanguages: [en, es]\n"
                   "url: https://twitch-guide.org/\ncontact:\n  email: a@twitch-guide.org\n"
                   ) == first
    assert version("title: Another guide\nlocale: en-US\n") != first


def test_a_mistyped_language_is_named_in_plain_words(scratch: Callable[..., Path]) -> None:
    _two_languages(scratch)
    site = Path("content/site.yml")
    site.write_text(site.read_text(encoding="utf-8").replace("[en, es]", "[en, ES]"),
                    encoding="utf-8")

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    assert _errors(raised) == [
        "content/site.yml:6:17: languages item 2: this should be a language's two small "
        "letters, like es."]


def test_a_mistyped_version_is_named_in_plain_words(scratch: Callable[..., Path]) -> None:
    _two_languages(scratch, **{"site.yml": SPANISH_SITE.replace("0123456789ab", "v1")})

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    assert _errors(raised) == [
        "content/es/site.yml:1:18: translated_from: this should be the version `check` names "
        "for the original: 12 digits and letters from a to f, like 3f9a0c51d2e8."]


def test_a_language_without_writing_rules_is_refused(scratch: Callable[..., Path]) -> None:
    _two_languages(scratch)
    site = Path("content/site.yml")
    site.write_text(site.read_text(encoding="utf-8").replace("[en, es]", "[en, fr]"),
                    encoding="utf-8")

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    assert _errors(raised)[0] == (
        "content/site.yml:6:17: languages item 2: the generator has no writing rules for `fr` "
        "yet, so it cannot check reading levels or sort names in it: it knows en and es. Write "
        "the site in one of those, or ask a developer to add the language "
        "(generator/languages.py).")


def test_check_grades_a_translation_by_its_own_languages_scale(
        scratch: Callable[..., Path]) -> None:
    hard = ("La fasciculación involuntaria persistente constituye, según especialistas "
            "neurológicos experimentados, manifestación característica de determinadas "
            "enfermedades neuromusculares degenerativas.")
    _two_languages(scratch, **{"site.yml": SPANISH_SITE.replace(
        "intro: Un tic", f"intro: {hard} Un tic")})

    checked = subprocess.run([sys.executable, "-m", "generator", "check"], capture_output=True,
                             text=True, check=False,
                             env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})

    spanish = [line for line in checked.stderr.splitlines()
               if line.startswith("content/es/site.yml")]
    assert any(line.startswith("content/es/site.yml:8:8: intro: this sentence reads at "
                               "Fernández-Huerta -76 (aim for 50 or more, about grade 12)")
               for line in spanish), checked.stderr
