"""The table of emergency numbers: each country's own, the usual one first."""

from __future__ import annotations

import re

import pytest

from generator.content.emergency_numbers import BY_COUNTRY, country, in_words, numbers_for
from generator.site.care import emergency_number_for

EUROPEAN_UNION = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
                  "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI",
                  "SK"]
NUMBER = re.compile(r"[0-9]{2,6}")  # what `emergency.number` accepts in site.yml


@pytest.mark.parametrize("code", sorted(BY_COUNTRY))
def test_every_locales_usual_number_is_one_its_country_answers(code: str) -> None:
    locale = f"en-{code}"

    assert emergency_number_for(locale) in numbers_for(locale)
    assert emergency_number_for(locale) == numbers_for(locale)[0]


@pytest.mark.parametrize("code", sorted(BY_COUNTRY))
def test_every_number_can_be_written_in_site_yml_once(code: str) -> None:
    numbers = BY_COUNTRY[code]

    assert all(NUMBER.fullmatch(number) for number in numbers)
    assert len(set(numbers)) == len(numbers)


@pytest.mark.parametrize("code", EUROPEAN_UNION)
def test_every_european_union_country_answers_112(code: str) -> None:
    assert "112" in BY_COUNTRY[code]


@pytest.mark.parametrize(("locale", "usual", "also"), [
    ("en-US", "911", ()), ("en-CA", "911", ()), ("es-MX", "911", ()),
    ("en-GB", "999", ("112",)), ("en-IE", "112", ("999",)),
    ("fr-FR", "112", ("15", "17", "18")), ("de-DE", "112", ("110",)), ("de-AT", "112", ("144",)),
    ("en-AU", "000", ("112",)), ("en-NZ", "111", ()), ("en-IN", "112", ()),
    ("en-ZA", "112", ("10111", "10177")), ("ja-JP", "119", ("110",)),
    ("es-CR", "911", ()), ("es-PA", "911", ()), ("es-UY", "911", ()),
])
def test_a_locale_gets_its_own_countrys_numbers(locale: str, usual: str,
                                                also: tuple[str, ...]) -> None:
    assert emergency_number_for(locale) == usual
    assert set(also) <= set(numbers_for(locale))


def test_a_country_not_in_the_table_has_no_number() -> None:
    assert numbers_for("en-XX") == ()
    assert emergency_number_for("en-XX") is None


def test_the_country_is_the_end_of_the_locale() -> None:
    assert country("en-GB") == "GB"


def test_numbers_read_as_a_writer_says_them() -> None:
    assert in_words(("911",)) == "911"
    assert in_words(("999", "112")) == "999 or 112"
    assert in_words(("112", "15", "17", "18")) == "112, 15, 17 or 18"
