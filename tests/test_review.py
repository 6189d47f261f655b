"""Review dates as a workflow: `review --within DAYS`, and overdue pages in `check`."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import main
from generator.writer.review import DueReview

from conftest import one_language


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_review_lists_reviewed_pages_due_soon_with_their_reviewer(
    scratch: Callable[..., Path],
) -> None:
    project = one_language(scratch())
    spasm = project / "content/conditions/muscle-spasm.yml"
    spasm.write_text(spasm.read_text(encoding="utf-8").replace(
        "next_review_due: 2027-11-26",
        "next_review_due: 2027-10-01\n  reviewed_by: Dana Reyes"), encoding="utf-8")

    soon = run("review", "--today", "2027-09-20", "--within", "30")

    assert soon.exit_code == 0, soon.output
    lines = soon.output.splitlines()
    assert lines[:2] == [
        "Reviewed pages due for review within 30 days:",
        f"  content/conditions/muscle-spasm.yml:{_line(spasm)}: Muscle spasm: review due in "
        "11 days (due 2027-10-01, last reviewed 2026-11-26 by Dana Reyes).",
    ]
    assert lines[2].startswith("Pages nobody has reviewed yet (")
    assert not any("muscle-spasm" in line for line in lines[3:])


def test_review_lists_pages_nobody_reviewed_apart_without_saying_reviewed(
    scratch: Callable[..., Path],
) -> None:
    project = one_language(scratch())
    pages = len([path for path in (project / "content").rglob("*.yml")
                 if path.name != "plain-words.yml"])

    result = run("review", "--today", "2027-01-01", "--within", "7")

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (f"Pages nobody has reviewed yet ({pages}): each needs a review by a "
                        "health professional, who is then named in `reviewed_by`.")
    assert len(lines) == 1 + pages
    assert all(line.endswith("(due 2027-11-26, written 2026-11-26, not reviewed yet).")
               for line in lines[1:])
    assert "last reviewed" not in result.output


def test_review_fails_when_a_page_is_overdue(scratch: Callable[..., Path]) -> None:
    project = scratch()
    spasm = project / "content/conditions/muscle-spasm.yml"
    spasm.write_text(spasm.read_text(encoding="utf-8").replace(
        "next_review_due: 2027-11-26", "next_review_due: 2027-10-01"), encoding="utf-8")

    late = run("review", "--today", "2027-10-02", "--within", "0")

    assert late.exit_code == 1
    assert (f"  content/conditions/muscle-spasm.yml:{_line(spasm)}: Muscle spasm: review "
            "overdue by 1 day (due 2027-10-01, written 2026-11-26, not reviewed yet)."
            in late.output.splitlines())
    assert late.output.splitlines()[-1] == "1 page overdue for review."


def test_a_last_review_in_the_future_is_refused(scratch: Callable[..., Path]) -> None:
    project = scratch()
    spasm = project / "content/conditions/muscle-spasm.yml"
    line = next(i for i, text in enumerate(spasm.read_text(encoding="utf-8").splitlines(), 1)
                if "last_reviewed" in text)

    result = run("check", "--today", "2026-11-25")

    assert result.exit_code == 1
    assert (f"content/conditions/muscle-spasm.yml:{line}:18: review.last_reviewed: 2026-11-26 "
            "is in the future (today is 2026-11-25). Write the day the page was last "
            "reviewed, or written if nobody has reviewed it yet.") in result.output
    assert "Content is fine" not in result.output


def test_check_warns_about_an_overdue_review_and_strict_fails(
    scratch: Callable[..., Path],
) -> None:
    scratch()

    loose = run("check", "--today", "2027-11-27")
    strict = run("check", "--strict", "--today", "2027-11-27")

    assert loose.exit_code == 0
    assert ("content/site.yml:" in loose.output
            and ": review.next_review_due: this page was due for review on 2027-11-26 (1 day "
            "ago). Check every fact against the sources" in loose.output)
    assert strict.exit_code == 1


def test_a_due_review_shows_a_bidi_control_in_its_file_or_title_visibly() -> None:
    # The checks refuse these in a title; the line printed for a review never relies on it.
    # U+202E would print the rest of the line right to left: "review overdue" read backwards.
    due = DueReview("content/pages/\u202eabout.yml", 3, "About \x1b[2K\u202eus",
                    datetime.date(2026, 1, 1), datetime.date(2027, 1, 1), -2, "Dr \u202eLee")

    assert str(due) == ("content/pages/\\u202eabout.yml:3: About \\x1b[2K\\u202eus: review "
                        "overdue by 2 days (due 2027-01-01, last reviewed 2026-01-01 by "
                        "Dr \\u202eLee).")


def _line(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if "next_review_due" in line)
