"""The A to Z: every name is listed under one letter, whose page exists and is linked."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict

import pytest

from generator import kinds
from generator.content.project import Project, load_project
from generator.site import views
from generator.site.navigation import condition_menu, page_menu, site_nav
from generator.wording import for_locale

from conftest import CONTENT, render_site

SHIPPED = load_project(CONTENT)
WORDS = for_locale(SHIPPED.site.locale)
LETTERS = [chr(code) for code in range(sys.maxunicode + 1)
           if unicodedata.category(chr(code)).startswith("L")]
HANGUL_SYLLABLES = range(0xAC00, 0xD7A4)
# Letters that upper-case to two (ß is SS, ǰ is J̌) or that NFKD splits into two (ﬁ, Ĳ, ǅ);
# of the 11,172 Hangul syllables, which NFKD splits into their sounds, every hundredth.
TRICKY = [c for c in LETTERS if (ord(c) not in HANGUL_SYLLABLES or ord(c) % 100 == 0) and (
    len(c.upper()) > 1
    or sum(not unicodedata.category(part).startswith("M")
           for part in unicodedata.normalize("NFKD", c)) > 1)]
SLUG = re.compile(r"[a-z]|u[0-9a-f]{4,6}|other")


@pytest.mark.parametrize(("name", "letter"), [
    ("Muscle spasm", "M"), ("muscle spasm", "M"), ("Éclair headache", "E"),
    ("ﬁbromyalgia", "F"), ("Ĳssel fever", "I"), ("ǅamija", "D"), ("ǈubljana", "L"),
    ("ßtest", "S"), ("ǰapan", "J"), ("ŉ-syndrome", "N"), ("ﬀ", "F"), ("Ørsted", "Ø"),
    ("Жук", "Ж"), ("5 things", "#"), ("🙂", "#"), ("“Frozen” shoulder", "#"),
])
def test_a_name_is_listed_under_its_first_letter_without_accents_or_ligatures(
    name: str, letter: str
) -> None:
    assert views.index_letter(name) == letter


def test_every_letter_has_one_letter_and_one_page_of_its_own() -> None:
    slugs: dict[str, str] = {}
    for char in LETTERS:
        letter = views.index_letter(char)
        assert len(letter) == 1, char
        assert views.index_letter(letter) == letter, char
        slug = views.letter_slug(char)
        assert SLUG.fullmatch(slug), char
        assert views.letter_path(char) == f"conditions/letters/{slug}.md"
        assert slugs.setdefault(slug, letter) == letter, f"{char} shares the page {slug}"


def named(names: list[str]) -> Project:
    """Return the shipped project with one made-up topic (with questions) for each name."""
    twitch = SHIPPED.condition("muscle-twitch")
    made_up = tuple(twitch.model_copy(update={"id": f"topic-{i}", "name": f"{name} topic"})
                    for i, name in enumerate(names))
    return SHIPPED.with_files(kinds.CONDITION, SHIPPED.conditions + made_up)


def test_every_topic_is_on_exactly_one_letter_page_that_is_linked() -> None:
    # Every tricky letter, and a spread of the others from every script.
    project = named([*TRICKY, *LETTERS[::2999], "5", "🙂", "“"])
    pages = render_site(project, large_from=1)
    letter_pages = {p: md for p, md in pages.items() if p.startswith("conditions/letters/")}
    faq_pages = {p: md for p, md in pages.items() if p.startswith("faq/")}
    site_menu = page_menu(project, large=True)
    assert site_menu is not None
    nav = str(site_nav(project, large=True, words=WORDS))

    on_pages = _linked_topics(letter_pages, r"\(\.\./(topic-\d+|muscle-[a-z]+)\.md\)")
    in_faq = _linked_topics(faq_pages, r"\(\.\./conditions/(topic-\d+|muscle-[a-z]+)\.md\)")
    for condition in project.conditions:
        assert on_pages[condition.id] == [views.letter_path(condition.name)], condition.name
        assert len(in_faq[condition.id]) == 1, condition.name
        assert condition_menu(site_menu, project, condition, WORDS).section.path in letter_pages
    for path in letter_pages:
        slug = path.removeprefix("conditions/letters/").removesuffix(".md")
        assert f"(letters/{slug}.md)" in pages["conditions/index.md"]
        assert f"(faq/{slug}.md)" in pages["faq.md"]
        assert f"'{path}'" in nav
    assert len(letter_pages) == len(faq_pages) == len(site_menu.letters)


def _linked_topics(pages: dict[str, str], link: str) -> dict[str, list[str]]:
    """Return, for each topic id, the pages among `pages` that link to it."""
    found: dict[str, list[str]] = defaultdict(list)
    for path, markdown in pages.items():
        for topic in dict.fromkeys(re.findall(link, markdown)):
            found[topic].append(path)
    return found


def test_names_without_a_letter_come_after_z() -> None:
    groups = views.letters(named(["Zinc", "5 things", "Ache"]).conditions)

    assert [g.letter for g in groups] == ["A", "M", "Z", "#"]
    assert groups[-1].path == "conditions/letters/other.md"
    assert [c.name for c in groups[0].conditions] == ["Ache topic"]


@pytest.mark.parametrize(("name", "english", "spanish"), [
    ("Ámbar", "A", "A"), ("ámbar", "A", "A"), ("Ñandú", "N", "Ñ"), ("ñu", "N", "Ñ"),
    ("N\u0303andú", "N", "Ñ"), ("Nuez", "N", "N"), ("Úlcera", "U", "U"), ("Ünder", "U", "U"),
])
def test_spanish_lists_n_tilde_apart_and_every_other_accent_with_its_letter(
    name: str, english: str, spanish: str
) -> None:
    assert views.index_letter(name) == english
    assert views.index_letter(name, "es") == spanish


def test_spanish_puts_n_tilde_after_n_on_a_page_of_its_own_with_a_readable_address() -> None:
    groups = views.letters(named(["Zinc", "Oreja", "Ñandú", "Nuez", "Azúcar", "Ámbar"])
                           .conditions, "es")

    assert [g.letter for g in groups] == ["A", "M", "N", "Ñ", "O", "Z"]
    assert [c.name for c in groups[0].conditions] == ["Ámbar topic", "Azúcar topic"]
    assert (groups[3].slug, groups[3].path) == ("n-tilde", "conditions/letters/n-tilde.md")
    # In English, Ñandú is an N, Ámbar sorts as it always has, and no page is n-tilde.
    english = views.letters(named(["Ñandú", "Nuez", "Azúcar", "Ámbar"]).conditions)
    assert [g.letter for g in english] == ["A", "M", "N"]
    assert [c.name for c in english[2].conditions] == ["Nuez topic", "Ñandú topic"]


def test_in_spanish_too_every_letter_has_one_page_of_its_own() -> None:
    slugs: dict[str, str] = {}
    for char in [*LETTERS[::7], "Ñ", "ñ", "N", "n", "U", "u"]:
        letter = views.index_letter(char, "es")
        slug = views.letter_slug(char, "es")
        assert SLUG.fullmatch(slug) or slug == "n-tilde", char
        assert slugs.setdefault(slug, letter) == letter, f"{char} shares the page {slug}"
    assert slugs["n-tilde"] == "Ñ" and slugs["n"] == "N"


def test_spanish_titles_are_listed_in_spanish_order() -> None:
    titles = ["Zona", "ñame", "Nube", "Ámbar", "abrir", "año", "anzuelo"]
    pages = [SHIPPED.pages[0].model_copy(update={"title": t}) for t in titles]

    assert [p.title for p in sorted(pages, key=lambda p: kinds.PAGE.sort_key(p, "es"))] == [
        "abrir", "Ámbar", "anzuelo", "año", "Nube", "ñame", "Zona"]
    assert [p.title for p in sorted(pages, key=kinds.PAGE.sort_key)] == [
        "abrir", "anzuelo", "año", "Nube", "Zona", "Ámbar", "ñame"]
