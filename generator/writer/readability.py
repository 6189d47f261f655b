"""Reading level: how hard each page and each sentence is to read, with where it is written.

Each language has its own scale (generator/languages.py): English pages are scored by the
Flesch-Kincaid grade level, with syllables counted by pyphen's hyphenation dictionary; Spanish
pages by Fernández-Huerta's reading ease. A page is every piece of reader-facing text in one
content file, read together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator import languages
from generator.content.load import Document
from generator.errors import ContentError, field_path
from generator.safety.markdown_subset import plain_text

PAGE_GRADE_LIMIT = languages.ENGLISH.reading.page.score
"""An English page reads at grade 8 or lower: a reader aged about 13 can follow it."""
SENTENCE_WORD_LIMIT = 25
"""A sentence has 25 words or fewer, in every language: past that, readers lose the start
before the end."""
SENTENCE_GRADE_LIMIT = languages.ENGLISH.reading.sentence.score
"""An English sentence reads at grade 12 or lower. One sentence's score swings with a single
long word, so this limit is looser than the page's, and applies only to sentences of 10 words
or more: "Fasciculation." alone reads at grade 56, yet it is a name the reader needs. A short
sentence of hard words is found word by word instead, by the plain-words list
(generator/writer/plain_words.py). Each language's limits are in generator/languages.py."""
SENTENCE_GRADE_MIN_WORDS = 10
HARDEST_SHOWN = 3
# Fields that hold names for the machine, not words for the reader.
NOT_PROSE = frozenset({"id", "care", "field", "conditions", "value", "next", "start", "url",
                       "locale", "number"})
_SENTENCE_END = re.compile(r"[.!?:]+(?:\s|$)")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?:])\s+")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a page, the field it was written in, and how hard it is."""

    loc: tuple[str | int, ...]
    text: str
    words: int
    score: float
    """On the scale of the page's language: a grade in English, Fernández-Huerta in Spanish."""


@dataclass(frozen=True)
class PageReading:
    """The reading level of one content file, and of each of its sentences."""

    name: str
    score: float
    sentences: tuple[Sentence, ...]
    scale: languages.ReadingScale

    def hardest(self, count: int = HARDEST_SHOWN) -> list[Sentence]:
        """Return the hardest sentences, hardest first."""
        return sorted(self.sentences,
                      key=lambda s: (-self.scale.hardness(s.score), -s.words))[:count]


def syllables(word: str, language: str = "en") -> int:
    """Return the number of syllables in a word of a language."""
    return languages.rules(language).syllables(word)


def reading_score(text: str, language: str = "en") -> float:
    """Return a text's reading level on its language's scale (English: Flesch-Kincaid grade)."""
    rules = languages.rules(language)
    words = languages.words(text)
    sentences = max(1, len(_SENTENCE_END.findall(text)))
    total = sum(rules.syllables(word) for word in words)
    return rules.reading.score(languages.Counts(len(words), sentences, total))


Where = tuple[str | int, ...]


def prose(data: Any, loc: Where = ()) -> Iterator[tuple[Where, str]]:
    """Yield every piece of reader-facing text in a document's data, with its location."""
    if isinstance(data, str):
        text = plain_text(data).strip()
        if text:
            yield loc, text if text.endswith((".", "?", "!", ":")) else text + "."
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from prose(item, (*loc, index))
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_PROSE:
                yield from prose(value, (*loc, key))


def read_page(name: str, data: Any, language: str = "en") -> PageReading:
    """Return the reading level of one content file's text, written in a language."""
    pieces = list(prose(data))
    sentences = tuple(
        Sentence(loc, sentence, len(languages.words(sentence)), reading_score(sentence, language))
        for loc, text in pieces for sentence in _SENTENCE_SPLIT.split(text)
        if languages.words(sentence)
    )
    return PageReading(name, reading_score(" ".join(text for _, text in pieces), language),
                       sentences, languages.rules(language).reading)


def warnings(document: Document, language: str = "en") -> list[ContentError]:
    """Return a warning for a page past its language's limit and for each sentence past its own.

    English: a page above grade 8; Spanish: a page below Fernández-Huerta 60.
    """
    page = read_page(document.name, document.data, language)
    scale = page.scale
    found = [_sentence_warning(document, s, scale) for s in page.sentences
             if _too_hard(s, scale)]
    if scale.too_hard(page.score, scale.page):
        hardest = "; ".join(f"{_where(document, s)} ({scale.say(s.score)}) “{_short(s.text)}”"
                            for s in page.hardest())
        found.insert(0, ContentError(
            document.name, 1, 1, "",
            f"this page reads at {scale.say(page.score, scale.page_places)}; "
            f"{scale.aim(scale.page)}. "
            f"Its hardest sentences: {hardest}. Use shorter sentences and shorter words."))
    return found


def _too_hard(sentence: Sentence, scale: languages.ReadingScale) -> bool:
    return sentence.words > SENTENCE_WORD_LIMIT or _score_too_hard(sentence, scale)


def _score_too_hard(sentence: Sentence, scale: languages.ReadingScale) -> bool:
    return (sentence.words >= SENTENCE_GRADE_MIN_WORDS
            and scale.too_hard(sentence.score, scale.sentence))


def _sentence_warning(document: Document, sentence: Sentence,
                      scale: languages.ReadingScale) -> ContentError:
    line, column = document.position(list(sentence.loc))
    problems = []
    if sentence.words > SENTENCE_WORD_LIMIT:
        problems.append(f"is {sentence.words} words long (the limit is {SENTENCE_WORD_LIMIT})")
    if _score_too_hard(sentence, scale):
        aim = scale.aim(scale.sentence, in_brackets=True)
        problems.append(f"reads at {scale.say(sentence.score)} ({aim})")
    return ContentError(
        document.name, line, column, field_path(sentence.loc, document.data),
        f"this sentence {' and '.join(problems)}: “{_short(sentence.text)}”. "
        "Split it, or use shorter words.")


def _where(document: Document, sentence: Sentence) -> str:
    line, _ = document.position(list(sentence.loc))
    return f"line {line}"


def _short(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")

