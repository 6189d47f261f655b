"""How each language is read and sorted: its words, its reading-level scale and its A to Z.

One row per language. The writer tools (generator/writer/readability.py, plain_words.py) and the
A to Z (generator/site/views.py, generator/kinds.py) take a language code and ask here. A code
with no row is refused (`UnknownLanguage`) rather than read by another language's rules: English
syllables and grades would give a French page a score that means nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pyphen

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
"""A word: letters of any alphabet, accented ones, ñ and ü included, with inner apostrophes
(don't, straight or curly). Text is put in NFC first, so an accent typed as a separate mark
stays in its word."""


def words(text: str) -> list[str]:
    """Return the words of a text, as written."""
    return WORD.findall(unicodedata.normalize("NFC", text))


@dataclass(frozen=True)
class Counts:
    """What a reading-level formula reads of a text."""

    words: int
    sentences: int
    syllables: int


@dataclass(frozen=True)
class Limit:
    """The score a text must reach, and the US school grade it stands for."""

    score: float
    grade: int


@dataclass(frozen=True)
class ReadingScale:
    """A reading-level formula, its limits, and how a writer is told a score."""

    name: str
    """What a score is called in a warning: `grade` (grade 9.3), `Fernández-Huerta` (… 52)."""
    formula: Callable[[Counts], float]
    page: Limit
    sentence: Limit
    """Looser than the page's: one long word swings a single sentence's score."""
    higher_is_easier: bool
    page_places: int
    """Decimal places of a page's score in a warning."""

    def score(self, counts: Counts) -> float:
        """Return a text's score; a text with no words scores as the easiest text."""
        return self.formula(counts) if counts.words else (100.0 if self.higher_is_easier
                                                          else 0.0)

    def too_hard(self, score: float, limit: Limit) -> bool:
        """Return whether a score is past a limit, on the hard side."""
        return score < limit.score if self.higher_is_easier else score > limit.score

    def hardness(self, score: float) -> float:
        """Return a number that grows as the text gets harder, to put the hardest first."""
        return -score if self.higher_is_easier else score

    def say(self, score: float, places: int = 0) -> str:
        """Return a score as a warning says it: `grade 9.3`, `Fernández-Huerta 52`."""
        return f"{self.name} {score:.{places}f}"

    def aim(self, limit: Limit, *, in_brackets: bool = False) -> str:
        """Return what a writer aims for: `the limit is 8`, `aim for 60 or more (about grade 8)`.

        In brackets already, the grade follows a comma instead.
        """
        if not self.higher_is_easier:
            return f"the limit is {limit.score:.0f}"
        grade = f", about grade {limit.grade}" if in_brackets else f" (about grade {limit.grade})"
        return f"aim for {limit.score:.0f} or more{grade}"


def flesch_kincaid_grade(counts: Counts) -> float:
    """Return the Flesch-Kincaid grade level: the US school grade that can read the text."""
    return (0.39 * counts.words / counts.sentences + 11.8 * counts.syllables / counts.words
            - 15.59)


def fernandez_huerta(counts: Counts) -> float:
    """Return the Fernández-Huerta reading ease (0 very hard to 100 very easy) of Spanish text.

    L = 206.84 - 0.60 P - 1.02 F, with P the syllables per 100 words and F the words per
    sentence. Many write F as "sentences per 100 words", which would make short sentences
    read as harder; the formula is Flesch's reading ease fitted to Spanish, whose sentence
    term is words per sentence (1.015 in Flesch's), and only that reading fits its scale (the
    correction the Spanish readability project github.com/amunozf/legibilidad makes too).
    """
    per_100_words = 100 * counts.syllables / counts.words
    return 206.84 - 0.60 * per_100_words - 1.02 * counts.words / counts.sentences


@dataclass(frozen=True)
class LanguageRules:
    """How one language is read (words, syllables, reading level) and sorted (the A to Z)."""

    code: str
    name: str
    """The language's name in itself, as the language switcher shows it: `Español`."""
    syllables: Callable[[str], int]
    reading: ReadingScale
    collation_key: Callable[[str], str]
    """What names are put in A to Z order by."""
    letter_key: Callable[[str], str]
    """What the letters of the A to Z are put in order by."""
    own_letters: dict[str, str]
    """Letters the language lists apart from their base letter (Ñ), with their page's slug."""
    word_forms: Callable[[str], tuple[str, ...]]
    """The forms of a listed hard word that count as the word: itself and its plurals."""

    def letter(self, base: str, mark: str) -> str:
        """Return the letter a name starting with a base letter, then a mark, is filed under."""
        own = unicodedata.normalize("NFC", base + mark)
        return own if own in self.own_letters else base


@cache
def _hyphenation(dictionary: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=dictionary)


def _english_syllables(word: str) -> int:
    return len(_hyphenation("en_US").positions(word)) + 1


_STRONG = frozenset("aeoáéóíú")  # an accented i or u is a vowel of its own: rí-o, pa-ís
_WEAK = frozenset("iuüy")


def _spanish_syllables(word: str) -> int:
    """Return the syllables of a Spanish word, counted by the rules of its spelling.

    Pyphen's `es` dictionary is made to break lines, not to count: it never breaks two vowels
    that are said apart (le-er, rí-o, pa-ís), never leaves one letter on a line (a-gua,
    a-ho-ra) and reads múscu-lo as two. Spanish spelling says where each syllable is, so the
    vowels are counted instead.
    """
    return max(1, len(_vowel_groups(unicodedata.normalize("NFC", word.casefold()))))


def _vowel_groups(word: str) -> list[list[int]]:
    """Return where the vowels of each syllable of a Spanish word are, one list a syllable.

    A strong vowel (a, e, o, or an accented í, ú) next to another strong one starts a new
    syllable; i, u and ü join the vowel beside them; y is a vowel only where no vowel follows
    (muy, y).
    """
    groups: list[list[int]] = []
    previous = ""
    for index, char in enumerate(word):
        after = word[index + 1:index + 2]
        if char == "y" and after and (after in _STRONG or after in _WEAK):
            char = ""  # a consonant: yo, mayo
        if char not in _STRONG and char not in _WEAK:
            previous = ""
            continue
        if not previous or (previous in _STRONG and char in _STRONG):
            groups.append([])
        groups[-1].append(index)
        previous = char
    return groups


def _english_forms(word: str) -> tuple[str, ...]:
    return word, word + "s", word + "es"


_UNACCENT = str.maketrans("áéíóú", "aeiou")
_ACCENT = str.maketrans("aeiou", "áéíóú")


def _spanish_plural(word: str) -> str:
    if word.endswith("z"):
        return word[:-1] + "ces"  # luz, luces
    if word[-1:] in "aeiouáéó" or not word[-1:].isalpha():
        return word + "s"  # músculo, músculos; mamá, mamás
    if word[-1:] in "íú":
        return word + "es"  # maniquí, maniquíes
    stem = word[:-1]
    # contracción, contracciones: the stress falls on the same vowel, now one syllable before
    # the last, where Spanish writes no accent.
    if word[-1:] in "ns" and stem[-1:] in "áéíóú":
        stem = stem[:-1] + stem[-1].translate(_UNACCENT)
    # examen, exámenes: the stressed vowel, one syllable before the last, is now two before.
    groups = _vowel_groups(word)
    if word[-1:] == "n" and len(groups) > 1 and word == word.translate(_UNACCENT):
        vowels = groups[-2]
        at = next((i for i in vowels if word[i] in _STRONG), vowels[-1])
        stem = stem[:at] + stem[at].translate(_ACCENT) + stem[at + 1:]
    return stem + word[-1] + "es"


def _spanish_forms(phrase: str) -> tuple[str, ...]:
    # A noun and its adjectives agree (calambre muscular, calambres musculares); a noun with
    # "de" after it does not take the rest along (dolor de cabeza, dolores de cabeza).
    first, *rest = phrase.split(" ")
    every = " ".join(_spanish_plural(word) for word in phrase.split(" "))
    return tuple(dict.fromkeys((phrase, " ".join((_spanish_plural(first), *rest)), every)))


_N_TILDE = "n\U0010ffff"
"""Ñ in a Spanish collation key: after every n, before o."""


def _spanish_key(name: str) -> str:
    """Return a Spanish A to Z key: capitals and accents ignored (Ámbar with ambar), ñ after n."""
    key: list[str] = []
    for char in unicodedata.normalize("NFKD", name.casefold()):
        if char == "\u0303" and key and key[-1] == "n":
            key[-1] = _N_TILDE
        elif not unicodedata.combining(char):
            key.append(char)
    return "".join(key)


ENGLISH = LanguageRules(
    code="en", name="English", syllables=_english_syllables,
    reading=ReadingScale(
        "grade", flesch_kincaid_grade, page=Limit(8.0, 8), sentence=Limit(12.0, 12),
        higher_is_easier=False, page_places=1),
    collation_key=str.casefold, letter_key=str, own_letters={}, word_forms=_english_forms)
"""Flesch-Kincaid grade 8 for a page: a reader aged about 13 can follow it."""
SPANISH = LanguageRules(
    code="es", name="Español", syllables=_spanish_syllables,
    reading=ReadingScale(
        "Fernández-Huerta", fernandez_huerta, page=Limit(60.0, 8), sentence=Limit(50.0, 12),
        higher_is_easier=True, page_places=0),
    collation_key=_spanish_key, letter_key=_spanish_key, own_letters={"Ñ": "n-tilde"},
    word_forms=_spanish_forms)
"""Fernández-Huerta's scale (after Flesch's) reads 60 to 70 as "normal", school years 7 and 8:
a page scores 60 or more, about grade 8, as an English page reads at grade 8 or lower. It
reads 50 to 60 as the years before university, about grade 12: a sentence scores 50 or more,
as an English sentence reads at grade 12 or lower."""

RULES: dict[str, LanguageRules] = {rules.code: rules for rules in (ENGLISH, SPANISH)}
"""Every language with rules, by its code."""


class UnknownLanguage(ValueError):
    """A language code with no rules here."""


def rules(code: str) -> LanguageRules:
    """Return the rules of a language, by its code (`es`) or a locale of it (`es-US`, `es_MX`)."""
    language = re.split(r"[-_]", code, maxsplit=1)[0].casefold()
    found = RULES.get(language)
    if found is None:
        raise UnknownLanguage(
            f"there are no writing rules for the language {code!r}: generator/languages.py "
            f"knows {', '.join(sorted(RULES))}. Add a row there for it (its word forms, "
            "syllables, reading scale and A to Z order).")
    return found
