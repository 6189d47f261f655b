"""The shipped content: plain language, and our own words rather than the source article's."""

from __future__ import annotations

import re

import pyphen
import pytest
from pydantic import BaseModel

from generator.markdown_subset import plain_text
from generator.project import load_project

from conftest import CONTENT, ROOT

PROJECT = load_project(CONTENT)
SOURCE = ROOT.parent / "shared" / "source" / "muscle-twitch-and-spasms.txt"
NOT_PROSE = {"id", "care", "field", "conditions", "value", "next", "start", "url", "locale",
             "number"}
HYPHENATE = pyphen.Pyphen(lang="en_US")


def prose(model: BaseModel) -> list[str]:
    """Return every piece of reader-facing text in a model, as plain sentences."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            text = plain_text(value)
            found.append(text if text.endswith((".", "?", "!", ":")) else text + ".")
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                if name not in NOT_PROSE:
                    walk(getattr(value, name))

    walk(model)
    return found


def reading_grade(text: str) -> float:
    """Return the Flesch-Kincaid grade level of a text."""
    sentences = max(1, len(re.findall(r"[.!?:]+(?:\s|$)", text)))
    words = re.findall(r"[A-Za-z']+", text)
    syllables = sum(len(HYPHENATE.positions(word)) + 1 for word in words)
    return 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59


MODELS = [PROJECT.site, *PROJECT.conditions, *PROJECT.comparisons, *PROJECT.flowcharts]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: getattr(m, "id", "site"))
def test_content_reads_at_grade_8_or_lower(model: BaseModel) -> None:
    assert reading_grade(" ".join(prose(model))) <= 8


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower().replace("\u2019", "'"))


@pytest.mark.skipif(not SOURCE.exists(), reason="the source article is not beside the project")
@pytest.mark.parametrize("model", MODELS, ids=lambda m: getattr(m, "id", "site"))
def test_no_sentence_is_copied_from_the_source_article(model: BaseModel) -> None:
    source = " ".join(words(SOURCE.read_text(encoding="utf-8")))
    for sentence in prose(model):
        tokens = words(sentence)
        runs = [" ".join(tokens[i:i + 8]) for i in range(len(tokens) - 7)]
        assert not [run for run in runs if run in source], sentence


def test_reading_grade_tells_plain_from_dense_text() -> None:
    plain = "A twitch is small. It does not hurt. It stops by itself."
    dense = ("Fasciculations constitute involuntary, spontaneous contractions of individual "
             "motor units, occasionally indicating underlying neuromuscular pathology.")
    assert reading_grade(plain) < 4 < 12 < reading_grade(dense)


def test_shipped_source_credits_are_real() -> None:
    titles = {s.title for c in PROJECT.conditions for s in c.sources}
    assert titles == {"Muscle Twitch & Spasms", "University of Maryland Medical Center"}
    assert not [c for c in PROJECT.conditions if c.review.reviewed_by]
