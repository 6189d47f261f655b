"""Emergency text calls a number meant for emergencies, and shows the number it calls."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from generator.content.emergency import (
    CallableNumbers,
    confirmed_number_warning,
    number_problem,
    phone_link_problems,
)
from generator.content.models import OtherNumber, Site
from generator.content.project import load_project

from conftest import CONTENT

US = CallableNumbers("911")
POISON_HELP = CallableNumbers("911", (OtherNumber(number="1-800-222-1222", name="Poison Help"),))
USE_911 = ("In an emergency text a phone link must call the emergency number 911: write "
           "[Call 911](tel:911).")


@pytest.mark.parametrize("text", [
    "[Call 911](tel:911)",
    "[Call 9-1-1](tel:9-1-1)",
    "[Call (911)](tel:9.1.1)",
    "[Call for help](tel:911)",
    "[Call **9**11 now](TEL:911)",
    "[Call \uff19\uff11\uff11](tel:911)",  # full-width digits: the same number to a reader
    "[Call 911](tel:%39%311)",
    "Read [this](https://example.org/) later.",  # refused elsewhere: it calls nobody
    "Call 112 if you are abroad.",  # plain words are not a link
])
def test_a_link_that_calls_and_shows_the_emergency_number_is_fine(text: str) -> None:
    assert phone_link_problems(text, US) == []


def test_a_character_code_in_link_words_is_read_as_the_page_shows_it() -> None:
    # Text shows `&` as typed, so the page reads "Call 9&#49;1": not the number it dials.
    assert phone_link_problems("[Call 9&#49;1 now](tel:911)", US) == [
        "this link shows 49 but dials 911. A reader calls the number the words show, so show "
        "the number the link dials: write [Call 911](tel:911)."]


def test_a_link_that_shows_the_emergency_number_but_dials_another_is_refused() -> None:
    assert phone_link_problems("[Call 911 now](tel:+19005550100)", US) == [
        f"this link shows 911 but dials +19005550100. {USE_911}"]


@pytest.mark.parametrize(("text", "dials"), [
    ("[Call now](tel:+19005550100)", "+19005550100"),
    ("[Call now](tel:+1911)", "+1911"),  # the digits dialled must be the number itself
    ("[Call now](tel:911;ext=2)", "911;ext=2"),
    ("[Call now](tel:1-900-555-0100)", "1-900-555-0100"),
    ("- Faint?\n- [Call now](tel:%31%39%30%30)", "1900"),
    ("[Call now](tel:)", "no number"),
])
def test_a_link_that_dials_another_number_is_refused(text: str, dials: str) -> None:
    assert phone_link_problems(text, US) == [f"this link dials {dials}. {USE_911}"]


def test_link_words_that_show_another_number_are_refused() -> None:
    assert phone_link_problems("[Call 112](tel:911) abroad.", US) == [
        "this link shows 112 but dials 911. A reader calls the number the words show, so "
        "show the number the link dials: write [Call 911](tel:911)."]


def test_each_link_in_a_text_is_read() -> None:
    problems = phone_link_problems("[Call 911](tel:911) or [999](tel:911)", US)

    assert [p.split(".")[0] for p in problems] == ["this link shows 999 but dials 911"]


def test_a_number_site_yml_lists_may_be_called() -> None:
    assert phone_link_problems("[Call 1 800 222 1222](tel:+1-800-222-1222)", POISON_HELP) == [
        "this link shows 1 800 222 1222 but dials +1-800-222-1222. In an emergency text a "
        "phone link must call the emergency number 911 or a number listed in "
        "`emergency.other_numbers` in site.yml: Poison Help (1-800-222-1222): write "
        "[Call 911](tel:911)."]
    assert phone_link_problems("[Poison Help, 1-800-222-1222](tel:18002221222)",
                               POISON_HELP) == []


def test_without_a_known_number_only_the_words_are_compared() -> None:
    assert phone_link_problems("[Call](tel:+19005550100)", None) == []
    assert phone_link_problems("[Call 911](tel:+19005550100)", None) == [
        "this link shows 911 but dials +19005550100. A reader calls the number the words "
        "show: make the words and the link give the same number."]


SITE: dict[str, Any] = {
    "title": "Guide", "description": "About muscles.", "locale": "en-GB",
    "publisher": "Guide team", "emergency": {"message": "Get help now."}, "intro": "Hello.",
    "review": {"last_reviewed": datetime.date(2026, 1, 1),
               "next_review_due": datetime.date(2027, 1, 1)},
}


def site(locale: str = "en-GB", **emergency: Any) -> Site:
    return Site.model_validate({**SITE, "locale": locale,
                                "emergency": {"message": "Get help now.", **emergency}})


@pytest.mark.parametrize("settings", [
    {}, {"number": "999"}, {"number": "112"},
    {"number": "118118", "number_confirmed_by": "Sam Lee, NHS England"},
])
def test_a_number_the_country_answers_or_one_confirmed_is_accepted(
        settings: dict[str, str]) -> None:
    assert number_problem(site(**settings)) is None


def test_a_number_the_country_does_not_answer_is_refused() -> None:
    assert number_problem(site(number="118118")) == (("emergency", "number"), (
        "118118 is not an emergency number in GB (the country of locale en-GB), which answers "
        "999 or 112. Write one of those, or leave `number` out to show 999. If 118118 really is "
        "the number to call in an emergency there, add `number_confirmed_by:` with the name of "
        "the person who confirmed it."))


def test_a_country_not_in_the_table_needs_a_confirmed_number() -> None:
    loc, message = number_problem(site("en-FK")) or ((), "")
    assert loc == ("locale",)
    assert message.startswith("`check` does not know the emergency numbers of FK")
    loc, message = number_problem(site("en-FK", number="123")) or ((), "")
    assert loc == ("emergency", "number")
    assert "add `number_confirmed_by:`" in message
    assert number_problem(site("en-FK", number="123", number_confirmed_by="Sam Lee")) is None
    assert site("en-FK", number="123", number_confirmed_by="Sam Lee").emergency_number == "123"


def test_a_confirmed_number_is_a_warning_for_as_long_as_it_is_used() -> None:
    assert confirmed_number_warning(site()) is None
    assert confirmed_number_warning(site(number="118118", number_confirmed_by="Sam Lee")) == (
        ("emergency", "number_confirmed_by"),
        "every page tells readers to call 118118 in an emergency on the word of Sam Lee; "
        "`check` does not know it for GB (the country of locale en-GB), which answers 999 or "
        "112. Check the number with the emergency services there at every review.")


def test_a_confirmation_that_is_not_needed_is_a_warning_too() -> None:
    assert confirmed_number_warning(site(number_confirmed_by="Sam Lee")) == (
        ("emergency", "number_confirmed_by"),
        "999 is an emergency number `check` knows for GB (the country of locale en-GB), so "
        "`number_confirmed_by` is not needed. Remove it.")


def test_the_shipped_site_uses_a_number_its_country_answers() -> None:
    project = load_project(CONTENT)

    assert number_problem(project.site) is None
    assert confirmed_number_warning(project.site) is None
