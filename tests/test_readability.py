"""Reading level in `check`: warnings at the hard page and sentences; --strict fails on them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.load import Document, read_document
from generator.errors import ErrorCollector
from generator.writer import readability
from generator.writer.readability import read_page, reading_score

HARD = ("Fasciculations constitute involuntary, spontaneous contractions of individual motor "
        "units, occasionally indicating underlying neuromuscular pathology necessitating "
        "comprehensive electrophysiological evaluation.")


def test_the_hardest_sentence_is_found_with_its_field() -> None:
    page = read_page("x.yml", {"summary": "A twitch is small. " + HARD, "id": "x"})

    hardest = page.hardest(1)[0]
    assert hardest.loc == ("summary",)
    assert hardest.text == HARD
    assert hardest.score > 20
    assert page.score == reading_score("A twitch is small. " + HARD)


def test_check_warns_at_a_hard_sentence_and_strict_fails(scratch: Callable[..., Path]) -> None:
    project = scratch()
    twitch = project / "content/conditions/muscle-twitch.yml"
    text = twitch.read_text(encoding="utf-8")
    twitch.write_text(text.replace("  painful: No. A twitch does not hurt.",
                                   f"  painful: No. {HARD}"), encoding="utf-8")

    loose = CliRunner().invoke(main, ["check"])
    strict = CliRunner().invoke(main, ["check", "--strict"])

    assert loose.exit_code == 0
    warning = next(line for line in loose.output.splitlines() if "painful" in line)
    assert warning.startswith("content/conditions/muscle-twitch.yml:")
    assert ": symptoms.painful: this sentence reads at grade " in warning
    assert warning.endswith("(the limit is 12): “Fasciculations constitute involuntary, "
                            "spontaneous contractions of individual motor units, occasionally "
                            "indicating underlying…”. Split it, or use shorter words. (warning)")
    assert strict.exit_code == 1
    assert "--strict fails on warnings." in strict.output


def test_a_page_above_grade_8_names_its_hardest_sentences(scratch: Callable[..., Path]) -> None:
    project = scratch()
    (project / "content/comparisons/twitch-vs-spasm.yml").write_text(
        (project / "content/comparisons/twitch-vs-spasm.yml").read_text(encoding="utf-8")
        .replace("  Use this table to tell them apart.\n", f"  {HARD} {HARD}\n"),
        encoding="utf-8")

    result = CliRunner().invoke(main, ["check"])

    page = next(line for line in result.output.splitlines() if ":1:1: " in line)
    assert page.startswith("content/comparisons/twitch-vs-spasm.yml:1:1: this page reads at "
                           "grade ")
    assert "; the limit is 8. Its hardest sentences: line " in page


# Spanish, counted by hand. "El calambre es un dolor fuerte." El (1) ca-lam-bre (3) es (1)
# un (1) do-lor (2) fuer-te (2): 6 words, 10 syllables. "Suele pasar de noche." Sue-le (2)
# pa-sar (2) de (1) no-che (2): 4 words, 7 syllables. 10 words, 17 syllables, 2 sentences:
# P = 170 syllables per 100 words, 5 words a sentence;
# L = 206.84 - 0.60 * 170 - 1.02 * 5 = 206.84 - 102 - 5.1 = 99.74, very easy.
EASY_ES = "El calambre es un dolor fuerte. Suele pasar de noche."
# La (1) fas-ci-cu-la-ción (5) es (1) u-na (2) con-trac-ción (3) in-vo-lun-ta-ria (5) de (1)
# las (1) fi-bras (2) mus-cu-la-res (4): 10 words, 25 syllables, 1 sentence;
# L = 206.84 - 0.60 * 250 - 1.02 * 10 = 206.84 - 150 - 10.2 = 46.64, below the sentence's 50.
HARD_ES = "La fasciculación es una contracción involuntaria de las fibras musculares."


def test_a_spanish_word_with_accents_is_one_word() -> None:
    page = read_page("x.yml", {"summary": "La contracción del músculo, según el niño, dura poco, "
                                          "y la cigüeña lo oyó."}, language="es")

    # La, contracción, del, músculo, según, el, niño, dura, poco, y, la, cigüeña, lo, oyó
    assert [s.words for s in page.sentences] == [14]


@pytest.mark.parametrize(("text", "score"), [(EASY_ES, 99.74), (HARD_ES, 46.64)])
def test_spanish_is_read_on_the_fernandez_huerta_scale(text: str, score: float) -> None:
    assert reading_score(text, language="es") == pytest.approx(score)


def spanish(tmp_path: Path, summary: str) -> Document:
    path = tmp_path / "calambre.yml"
    path.write_text(f"id: calambre\nsummary: {summary}\n", encoding="utf-8")
    document = read_document(path, "content/es/conditions/calambre.yml", ErrorCollector())
    assert document is not None
    return document


def test_a_hard_spanish_sentence_is_told_on_its_own_scale(tmp_path: Path) -> None:
    found = readability.warnings(spanish(tmp_path, f"{EASY_ES} {HARD_ES}"), language="es")

    assert [str(w) for w in found] == [
        "content/es/conditions/calambre.yml:2:10: summary: this sentence reads at "
        "Fernández-Huerta 47 (aim for 50 or more, about grade 12): “La fasciculación es una "
        "contracción involuntaria de las fibras musculares.”. Split it, or use shorter words."]


def test_a_hard_spanish_page_is_told_its_score_and_the_grade_it_aims_for(
        tmp_path: Path) -> None:
    hard_page = readability.warnings(spanish(tmp_path, f"{HARD_ES} {HARD_ES}"), language="es")
    # 30 words, 67 syllables, 4 sentences: L = 206.84 - 0.60 * 223.3 - 1.02 * 7.5 = 65.2.
    easier_page = readability.warnings(spanish(tmp_path, f"{HARD_ES} {HARD_ES} {EASY_ES}"),
                                       language="es")

    assert str(hard_page[0]) == (
        "content/es/conditions/calambre.yml:1:1: this page reads at Fernández-Huerta 47; "
        "aim for 60 or more (about grade 8). Its hardest sentences: line 2 (Fernández-Huerta "
        "47) “La fasciculación es una contracción involuntaria de las fibras musculares.”; "
        "line 2 (Fernández-Huerta 47) “La fasciculación es una contracción involuntaria de "
        "las fibras musculares.”. Use shorter sentences and shorter words.")
    assert [w.message.split(" reads")[0] for w in easier_page] == ["this sentence"] * 2


def test_english_stays_on_the_grade_scale_by_default() -> None:
    assert reading_score("A twitch is small. It does not hurt.") == reading_score(
        "A twitch is small. It does not hurt.", language="en-US")
    assert reading_score(HARD) > 20
