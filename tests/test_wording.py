"""The words that are not content come from one catalog per language, looked up by key."""

from __future__ import annotations

import string
import textwrap
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from generator import kinds, wording
from generator.wording import BASE, LOCALES, MissingWords, catalog_path, for_locale, read_catalog

GENERATOR = Path(wording.__file__).parent

HEADER = """\
msgid ""
msgstr ""
"Language: {language}\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""


def write_catalog(folder: Path, locale: str, entries: str) -> None:
    path = catalog_path(locale, folder)
    path.parent.mkdir(parents=True)
    path.write_text(HEADER.format(language=locale) + textwrap.dedent(entries), encoding="utf-8")


@pytest.fixture
def catalogs(tmp_path: Path) -> Path:
    write_catalog(tmp_path, "en", """\
        msgid "care.emergency"
        msgstr "Call {number} or go to the emergency department now if:"

        msgid "faq.title"
        msgstr "Questions people ask"

        msgid "faq.topics"
        msgid_plural "faq.topics"
        msgstr[0] "{count} topic"
        msgstr[1] "{count} topics"
        """)
    write_catalog(tmp_path, "en_GB", """\
        msgid "care.emergency"
        msgstr "Call {number} or go to A&E now if:"
        """)
    return tmp_path


def test_a_key_gives_its_words_with_values_put_in(catalogs: Path) -> None:
    words = for_locale("en-US", catalogs)

    assert words.text("faq.title") == "Questions people ask"
    assert words.text("care.emergency", number="911") == (
        "Call 911 or go to the emergency department now if:")


def test_a_plural_takes_the_form_for_its_count(catalogs: Path) -> None:
    words = for_locale("en-US", catalogs)

    assert words.plural("faq.topics", 1) == "1 topic"
    assert words.plural("faq.topics", 3) == "3 topics"


def test_a_country_changes_only_what_its_catalog_holds(catalogs: Path) -> None:
    british = for_locale("en-GB", catalogs)

    assert british.text("care.emergency", number="999") == "Call 999 or go to A&E now if:"
    assert british.text("faq.title") == "Questions people ask"


def test_a_key_the_english_catalog_lacks_is_refused(catalogs: Path) -> None:
    with pytest.raises(MissingWords, match=r"faq\.titel"):
        for_locale("en-GB", catalogs).text("faq.titel")


def test_the_pseudo_locale_wraps_each_text_with_its_values(catalogs: Path) -> None:
    words = wording.pseudo(for_locale("en-US", catalogs))

    assert words.text("care.emergency", number="911") == (
        "⟦Call 911 or go to the emergency department now if:⟧")
    assert words.plural("faq.topics", 2) == "⟦2 topics⟧"


def test_a_locale_reads_its_own_catalog_then_its_language_then_english() -> None:
    assert wording.fallbacks("en-GB") == ["en_GB", "en"]
    assert wording.fallbacks("es-US") == ["es_US", "es", "en"]
    assert wording.fallbacks("en") == ["en"]


def used_keys() -> set[str]:
    """Return every key the generator's Python code and templates ask for."""
    keywords = {"text": None, "plural": None, "_": None, "gettext": None}
    method_map = [("**.py", "python"), ("**/templates/**.j2", "jinja2")]
    options = {"**/templates/**.j2": {"extensions": "jinja2.ext.i18n"}}
    extracted = {str(message) for _, _, message, _, _ in extract_from_dir(
        GENERATOR, method_map, options_map=options, keywords=keywords) if message}
    # A kind's menu section is a key held in its row (generator/kinds.py), read by the menu.
    sections = {kind.menu for kind in kinds.KINDS if kind.menu}
    return extracted | sections


def english_keys() -> set[str]:
    return {str(m.id if isinstance(m.id, str) else m.id[0])
            for m in read_catalog(catalog_path(BASE)) if m.id}


def test_every_key_asked_for_is_in_the_english_catalog() -> None:
    assert used_keys() - english_keys() == set()


def test_every_key_of_the_english_catalog_is_asked_for() -> None:
    assert english_keys() - used_keys() == set()


def braces(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("path", sorted(LOCALES.glob("*/LC_MESSAGES/*.po")),
                         ids=lambda path: path.parent.parent.name)
def test_every_catalog_uses_only_english_keys_and_their_values(path: Path) -> None:
    english = {m.id if isinstance(m.id, str) else m.id[0]: m
               for m in read_catalog(catalog_path(BASE)) if m.id}
    for message in read_catalog(path):
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        assert key in english, f"{path}: `{key}` is not a key of the English catalog"
        original = english[key]
        assert original.pluralizable == message.pluralizable, f"{path}: `{key}`"
        known = set().union(*(braces(text) for text in _forms(original.string)), {"count"})
        for text in _forms(message.string):
            assert braces(text) <= known, f"{path}: `{key}` names a value English does not give"


def _forms(text: str | tuple[str, ...]) -> tuple[str, ...]:
    return (text,) if isinstance(text, str) else text
