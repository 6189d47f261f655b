"""Language rules: each language is read and sorted by its own rules; an unknown one is refused."""

from __future__ import annotations

import pytest

from generator import languages


def test_a_language_is_found_by_its_code_or_a_locale_of_it() -> None:
    assert languages.rules("es-US") is languages.rules("es_MX") is languages.SPANISH
    assert languages.rules("en") is languages.ENGLISH


def test_a_language_without_rules_is_refused_by_name() -> None:
    with pytest.raises(languages.UnknownLanguage) as refused:
        languages.rules("fr-CA")

    assert str(refused.value).startswith(
        "there are no writing rules for the language 'fr-CA': generator/languages.py knows "
        "en, es.")


def test_words_keep_their_accents_and_inner_apostrophes() -> None:
    assert languages.words("La contracción del músculo: ¿dónde? Cigüeña, niño.") == [
        "La", "contracción", "del", "músculo", "dónde", "Cigüeña", "niño"]
    assert languages.words("It doesn't hurt; it doesn\u2019t last.") == [
        "It", "doesn't", "hurt", "it", "doesn\u2019t", "last"]
    assert languages.words("conn\u0303ac") == ["con\u00f1ac"]  # an accent typed as its own mark


@pytest.mark.parametrize(("word", "count"), [
    ("músculo", 3), ("agua", 2), ("leer", 2), ("río", 2), ("país", 2), ("ahora", 3),
    ("fuerte", 2), ("cigüeña", 3), ("muy", 1), ("y", 1), ("mayo", 2), ("que", 1),
    ("contracción", 3), ("involuntaria", 5),
])
def test_spanish_syllables_are_counted_as_spelled(word: str, count: int) -> None:
    # Pyphen's `es` dictionary breaks lines: it gives múscu-lo, agua, leer, río, país, aho-ra.
    assert languages.SPANISH.syllables(word) == count
