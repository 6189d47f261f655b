"""The shipped content: plain language, and our own words rather than the source article's."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.load import Document
from generator.content.project import load_project
from generator.site import contact
from generator.writer.readability import prose, reading_score

from conftest import CONTENT, ROOT

PROJECT = load_project(CONTENT)
SOURCE = ROOT.parent / "shared" / "source" / "muscle-twitch-and-spasms.txt"


def test_shipped_content_passes_check_strict_but_for_the_contact_nobody_gave() -> None:
    # Reading level (page and sentence) and review dates: what CI holds the content to. The
    # one warning is meant: nobody has given an address for readers' messages, and the site
    # invents none, so its pages say so.
    result = CliRunner().invoke(main, ["check", "--content", str(CONTENT)])
    warnings = [line for line in result.output.splitlines() if line.endswith("(warning)")]

    assert result.exit_code == 0, result.output
    assert warnings == [f"content/site.yml:7:1: contact: {contact.MISSING} (warning)"]
    assert PROJECT.site.contact is None


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower().replace("\u2019", "'"))


@pytest.mark.skipif(not SOURCE.exists(), reason="the source article is not beside the project")
@pytest.mark.parametrize("document", PROJECT.documents, ids=lambda d: d.name)
def test_no_sentence_is_copied_from_the_source_article(document: Document) -> None:
    source = " ".join(words(SOURCE.read_text(encoding="utf-8")))
    for _, sentence in prose(document.data):
        tokens = words(sentence)
        runs = [" ".join(tokens[i:i + 8]) for i in range(len(tokens) - 7)]
        assert not [run for run in runs if run in source], sentence


def test_reading_grade_tells_plain_from_dense_text() -> None:
    plain = "A twitch is small. It does not hurt. It stops by itself."
    dense = ("Fasciculations constitute involuntary, spontaneous contractions of individual "
             "motor units, occasionally indicating underlying neuromuscular pathology.")
    assert reading_score(plain) < 4 < 12 < reading_score(dense)


def test_shipped_source_credits_are_real() -> None:
    titles = {s.title for c in PROJECT.conditions for s in c.sources}
    assert titles == {"Muscle Twitch & Spasms", "University of Maryland Medical Center"}
    assert not [c for c in PROJECT.conditions if c.review.reviewed_by]
