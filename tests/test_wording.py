"""The words that are not content come from one catalog per language, looked up by key."""

from __future__ import annotations

import re
import string
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from selectolax.lexbor import LexborHTMLParser

from generator import kinds, languages, wording
from generator.wording import BASE, LOCALES, MissingWords, catalog_path, for_locale, read_catalog

GENERATOR = Path(wording.__file__).parent
OVERRIDES = GENERATOR.parent / "overrides"
THEME_TEMPLATES = sorted([*OVERRIDES.rglob("*.html"), *OVERRIDES.rglob("*.xml"),
                          *(GENERATOR / "builders" / "zensical_theme").rglob("*.*")])
"""The builders' templates: ours in overrides/ and those that replace them for Zensical."""
SCRIPTS = sorted((OVERRIDES / "assets/javascripts").glob("*.js"))
# A template reads `config.extra.health.words.notfound.title` for `theme.notfound.title`
# (generator/site/site_source.py), and a script `word("flowchart.back")` for
# `script.flowchart.back`.
THEME_WORD = re.compile(r"\bwords\.([a-z_]+(?:\.[a-z_]+)*)")
SCRIPT_WORD = re.compile(r"""\bword\(["']([a-z_.]+)["']""")

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


def test_a_value_is_put_in_as_typed_never_read_as_more_braces(catalogs: Path) -> None:
    words = for_locale("en-US", catalogs)
    typed = "{number} <b>{0}</b> {{x}}"

    assert words.text("care.emergency", number=typed) == (
        f"Call {typed} or go to the emergency department now if:")
    assert words.texts("care.", number=typed)["emergency"] == (
        f"Call {typed} or go to the emergency department now if:")


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
    """Return every key the generator's code and templates, the overrides and scripts ask for."""
    keywords = {"text": None, "plural": None, "_": None, "gettext": None}
    method_map = [("**.py", "python"), ("**/templates/**.j2", "jinja2")]
    options = {"**/templates/**.j2": {"extensions": "jinja2.ext.i18n"}}
    keys = {str(message) for _, _, message, _, _ in extract_from_dir(
        GENERATOR, method_map, options_map=options, keywords=keywords) if message}
    keys |= {f"theme.{name}" for path in THEME_TEMPLATES
             for name in THEME_WORD.findall(path.read_text(encoding="utf-8"))}
    keys |= {f"script.{name}" for path in SCRIPTS
             for name in SCRIPT_WORD.findall(path.read_text(encoding="utf-8"))}
    # A kind's menu section is a key held in its row (generator/kinds.py), read by the menu.
    keys |= {kind.menu for kind in kinds.KINDS if kind.menu}
    # A language's name is looked up by its code, for a translation's notice.
    keys |= {f"language.name.{code}" for code in languages.RULES}
    return keys


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


# Words a reader would read: a capitalised word or words ("Start again", "Topics A to Z",
# "Page not found - "), or lower-case words with spaces (" your answer to: "). Class names,
# paths, selectors and names of settings have no spaces, or hyphens and underscores.
_WORDS = re.compile(r"[A-Z]?[a-z]+(?:[ ,:;.!?'\u2019-]+[A-Za-z][a-z]*)*[ ,:;.!?-]*")
_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "value", "content", "label")
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_LITERAL = re.compile(r""""((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'""")


def reads_as_english(text: str) -> bool:
    words = text.strip()
    return bool(words) and _WORDS.fullmatch(words) is not None and (
        words[0].isupper() or (" " in words and not {"-", "_"} & set(words)))


def template_words(template: str) -> Iterator[str]:
    """Yield what a reader may read of a template: its text, reader-facing attributes and the
    string values its tags write (a template may pass words to a macro)."""
    template = _JINJA_COMMENT.sub("", template)
    for tag in _JINJA.findall(template):
        yield from (double or single for double, single in _LITERAL.findall(tag))
    tree = LexborHTMLParser(_JINJA.sub("", template))
    for node in tree.root.traverse(include_text=True) if tree.root else []:
        if node.tag == "-text" and node.parent is not None and node.parent.tag not in (
                "script", "style"):
            yield node.text_content or ""
        for name in _ATTRIBUTES:
            yield (node.attributes.get(name) if node.attributes else None) or ""


def script_literals(script: str) -> Iterator[str]:
    """Yield each string literal of a script, leaving out its comments and `"use strict"`."""
    at = 0
    while at < len(script):
        if script.startswith("//", at):
            at = script.find("\n", at) % (len(script) + 1) or len(script)
        elif script.startswith("/*", at):
            at = script.index("*/", at) + 2
        elif (literal := _LITERAL.match(script, at)) is not None:
            text = literal.group(1) if literal.group(1) is not None else literal.group(2)
            if text != "use strict":
                yield text
            at = literal.end()
        else:
            at += 1


@pytest.mark.parametrize("path", THEME_TEMPLATES, ids=lambda path: path.name)
def test_no_template_of_the_builders_holds_words_of_its_own(path: Path) -> None:
    english = [text for text in template_words(path.read_text(encoding="utf-8"))
               if reads_as_english(text)]

    assert english == [], f"{path.name}: put these words in the catalog, as theme.*"


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda path: path.name)
def test_no_script_holds_words_of_its_own(path: Path) -> None:
    english = [text for text in script_literals(path.read_text(encoding="utf-8"))
               if reads_as_english(text)]

    assert english == [], f"{path.name}: put these words in the catalog, as script.*"


def test_words_in_a_template_or_a_script_are_found() -> None:
    assert list(filter(reads_as_english, template_words(
        '<section aria-label="Emergency help"><p>Not finding it?</p>'
        '{{ menu_list("__health-menu", "Related", links, "health-menu__letters") }}'
        '{#- Only a comment. -#}<a href="{{ link.url }}">{{ link.title }}</a>: '
        '<script>var x = 1;</script></section>'))) == [
        "Related", "Emergency help", "Not finding it?"]
    assert list(filter(reads_as_english, script_literals(
        '"use strict"; // Said "Hello there" in a comment\n'
        'node.textContent = " your answer to: " + x; node.className = "md-nav md-nav--a";'
        'el.setAttribute("aria-label", \'Menu\'); q(".md-header label[for=__drawer]");'))) == [
        " your answer to: ", "Menu"]
