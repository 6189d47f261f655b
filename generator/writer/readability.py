"""Reading level: how hard each page and each sentence is to read, with where it is written.

The grade is the Flesch-Kincaid grade level, with syllables counted by pyphen's hyphenation
dictionary. A page is every piece of reader-facing text in one content file, read together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import pyphen

from generator.content.load import Document
from generator.errors import ContentError, field_path
from generator.safety.markdown_subset import plain_text

PAGE_GRADE_LIMIT = 8.0
"""A page reads at grade 8 or lower: a reader aged about 13 can follow it."""
SENTENCE_WORD_LIMIT = 25
"""A sentence has 25 words or fewer: past that, readers lose the start before the end."""
SENTENCE_GRADE_LIMIT = 12.0
"""A sentence reads at grade 12 or lower. One sentence's grade swings with a single long word,
so this limit is looser than the page's, and applies only to sentences of 10 words or more:
"Fasciculation." alone reads at grade 56, yet it is a name the reader needs. A short sentence
of hard words is found word by word instead, by the plain-words list
(generator/writer/plain_words.py)."""
SENTENCE_GRADE_MIN_WORDS = 10
HARDEST_SHOWN = 3
# Fields that hold names for the machine, not words for the reader.
NOT_PROSE = frozenset({"id", "care", "field", "conditions", "value", "next", "start", "url",
                       "locale", "number"})
_SENTENCE_END = re.compile(r"[.!?:]+(?:\s|$)")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?:])\s+")
_WORD = re.compile(r"[A-Za-z']+")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a page, the field it was written in, and how hard it is."""

    loc: tuple[str | int, ...]
    text: str
    words: int
    grade: float


@dataclass(frozen=True)
class PageReading:
    """The reading level of one content file, and of each of its sentences."""

    name: str
    grade: float
    sentences: tuple[Sentence, ...]

    def hardest(self, count: int = HARDEST_SHOWN) -> list[Sentence]:
        """Return the hardest sentences, hardest first."""
        return sorted(self.sentences, key=lambda s: (-s.grade, -s.words))[:count]


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


def syllables(word: str) -> int:
    """Return the number of syllables in a word, by its hyphenation points."""
    return len(_dictionary().positions(word)) + 1


def reading_grade(text: str) -> float:
    """Return the Flesch-Kincaid grade level of a text."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text)))
    total = sum(syllables(word) for word in words)
    return 0.39 * len(words) / sentences + 11.8 * total / len(words) - 15.59


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


def read_page(name: str, data: Any) -> PageReading:
    """Return the reading level of one content file's text."""
    pieces = list(prose(data))
    sentences = tuple(
        Sentence(loc, sentence, len(_WORD.findall(sentence)), reading_grade(sentence))
        for loc, text in pieces for sentence in _SENTENCE_SPLIT.split(text)
        if _WORD.search(sentence)
    )
    return PageReading(name, reading_grade(" ".join(text for _, text in pieces)), sentences)


def warnings(document: Document) -> list[ContentError]:
    """Return a warning for a page above grade 8 and for each sentence above the limits."""
    page = read_page(document.name, document.data)
    found = [_sentence_warning(document, s) for s in page.sentences if _too_hard(s)]
    if page.grade > PAGE_GRADE_LIMIT:
        hardest = "; ".join(f"{_where(document, s)} (grade {s.grade:.0f}) “{_short(s.text)}”"
                            for s in page.hardest())
        found.insert(0, ContentError(
            document.name, 1, 1, "",
            f"this page reads at grade {page.grade:.1f}; the limit is {PAGE_GRADE_LIMIT:.0f}. "
            f"Its hardest sentences: {hardest}. Use shorter sentences and shorter words."))
    return found


def _too_hard(sentence: Sentence) -> bool:
    return sentence.words > SENTENCE_WORD_LIMIT or _grade_too_high(sentence)


def _grade_too_high(sentence: Sentence) -> bool:
    return (sentence.words >= SENTENCE_GRADE_MIN_WORDS
            and sentence.grade > SENTENCE_GRADE_LIMIT)


def _sentence_warning(document: Document, sentence: Sentence) -> ContentError:
    line, column = document.position(list(sentence.loc))
    problems = []
    if sentence.words > SENTENCE_WORD_LIMIT:
        problems.append(f"is {sentence.words} words long (the limit is {SENTENCE_WORD_LIMIT})")
    if _grade_too_high(sentence):
        problems.append(f"reads at grade {sentence.grade:.0f} "
                        f"(the limit is {SENTENCE_GRADE_LIMIT:.0f})")
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

