"""Plain words in `check`: a warning at each hard word, where it was typed, with the plain one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.content.load import read_document
from generator.content.models import PlainWord
from generator.errors import ErrorCollector
from generator.writer import plain_words
from generator.writer.plain_words import HardWords

from conftest import one_language

SPASM = "content/conditions/muscle-spasm.yml"


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def warnings(*args: str) -> list[str]:
    """Return the plain-word warnings; the shipped site's missing contact is not what these test."""
    result = CliRunner().invoke(main, ["check", *args])
    return [line.removesuffix(" (warning)") for line in result.output.splitlines()
            if line.endswith("(warning)") and "site.yml" not in line]


def test_a_short_sentence_of_jargon_warns_at_each_word_and_strict_fails(
        scratch: Callable[..., Path]) -> None:
    project = one_language(scratch())
    edit(project, SPASM, "  painful: Yes. A spasm is usually very painful.",
         "  painful: Paroxysmal involuntary myotonic contraction.")

    strict = CliRunner().invoke(main, ["check", "--strict"])

    assert warnings() == [
        f"{SPASM}:19:12: symptoms.painful: “Paroxysmal” is a word many readers do not know. "
        "Write “that comes in sudden bursts” instead.",
        f"{SPASM}:19:23: symptoms.painful: “involuntary” is a word many readers do not know. "
        "Write “that you cannot control” instead.",
        f"{SPASM}:19:35: symptoms.painful: “myotonic” is a word many readers do not know. "
        "Write “slow to relax” instead.",
        f"{SPASM}:19:44: symptoms.painful: “contraction” is a word many readers do not know. "
        "Write “tightening” instead.",
    ]
    assert strict.exit_code == 1
    assert "5 warnings: --strict fails on warnings." in strict.output


def test_each_word_is_found_where_it_was_typed_in_text_over_several_lines(
        scratch: Callable[..., Path]) -> None:
    project = one_language(scratch())
    edit(project, SPASM, "  It starts fast, with no warning.\n",
         "  It starts fast, with no warning.\n  Most are benign: [read why benign\n"
         "  ones](https://www.nhs.uk/benign) pass. Chronic *contractions* are rare.\n")

    assert [w.split(": ")[0] + ": " + w.split("“")[1].split("”")[0] for w in warnings()] == [
        f"{SPASM}:14:12: benign",
        f"{SPASM}:14:30: benign",  # in the words of a link, not its address
        f"{SPASM}:15:42: Chronic",
        f"{SPASM}:15:51: contractions",
    ]


def test_a_topic_may_use_its_own_other_names_but_other_pages_may_not(
        scratch: Callable[..., Path]) -> None:
    project = one_language(scratch())
    edit(project, SPASM, "  - question: Should I use heat or ice?",
         "  - question: Is a spasm a fasciculation?")

    found = warnings()

    # muscle-twitch.yml says “Doctors call it a *fasciculation*”: it is that topic's other name.
    assert found == [f"{SPASM}:63:28: faq question 3, question: “fasciculation” is a word many "
                     "readers do not know. Write “muscle twitch” instead."]


def test_words_are_found_in_any_case_with_plural_endings_and_as_phrases() -> None:
    words = HardWords([PlainWord(word="contraction", plain="tightening"),
                       PlainWord(word="muscle cramp", plain="cramp")])

    assert words.in_text("CONTRACTIONS, a contraction, contractioned, a muscle\ncramp.") == [
        "CONTRACTIONS", "contraction", "muscle\ncramp"]
    assert words.entry("Muscle  Cramps").plain == "cramp"


def test_a_site_without_a_list_has_no_plain_word_warnings(scratch: Callable[..., Path]) -> None:
    project = one_language(scratch({"content/plain-words.yml": None}))
    edit(project, SPASM, "  painful: Yes. A spasm is usually very painful.",
         "  painful: Yes. It is benign.")

    assert warnings() == []


def test_a_spanish_word_is_found_whole_with_its_accent_and_its_plurals() -> None:
    words = HardWords([PlainWord(word="contracción", plain="tensión"),
                       PlainWord(word="calambre muscular", plain="calambre"),
                       PlainWord(word="examen", plain="prueba")], language="es")

    # The plural of contracción drops its accent; that of examen takes one.
    assert words.in_text("CONTRACCIÓN, contracciones, contraccionado; calambres musculares "
                         "y exámenes.") == ["CONTRACCIÓN", "contracciones",
                                             "calambres musculares", "exámenes"]
    assert words.entry("Contracciones").plain == "tensión"


def test_a_spanish_page_is_warned_at_each_listed_word_where_it_was_typed(
        tmp_path: Path) -> None:
    path = tmp_path / "espasmo.yml"
    path.write_text("id: espasmo\nsummary: Una contracción del músculo.\n", encoding="utf-8")
    document = read_document(path, path.as_posix(), ErrorCollector())
    assert document is not None
    words = HardWords([PlainWord(word="contracción", plain="tensión")], language="es")

    assert [str(w) for w in plain_words.warnings(document, words)] == [
        f"{path.as_posix()}:2:14: summary: “contracción” is a word many readers do not know. "
        "Write “tensión” instead."]
