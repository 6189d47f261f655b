"""Review dates as a workflow: `review --within DAYS`, and overdue pages in `check`."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import main
from generator.review import DueReview


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_review_lists_overdue_and_soon_due_pages_oldest_first(
    scratch: Callable[..., Path],
) -> None:
    project = scratch()
    spasm = project / "content/conditions/muscle-spasm.yml"
    spasm.write_text(spasm.read_text(encoding="utf-8").replace(
        "next_review_due: 2027-11-26", "next_review_due: 2027-10-01"), encoding="utf-8")

    soon = run("review", "--today", "2027-09-20", "--within", "30")
    nothing = run("review", "--today", "2027-01-01", "--within", "7")

    assert soon.exit_code == 0, soon.output
    assert soon.output.splitlines() == [
        f"content/conditions/muscle-spasm.yml:{_line(spasm)}: Muscle spasm: review due in "
        "11 days (due 2027-10-01, last reviewed 2026-11-26).",
    ]
    assert nothing.output == "No page is due for review in the next 7 days.\n"
    late = run("review", "--today", "2027-11-28", "--within", "0").output.splitlines()
    assert late[0].startswith("content/conditions/muscle-spasm.yml:")
    assert late[0].endswith("review overdue by 58 days (due 2027-10-01, last reviewed "
                            "2026-11-26).")
    assert len(late) == len(list((project / "content").rglob("*.yml")))


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
                    datetime.date(2026, 1, 1), datetime.date(2027, 1, 1), -2)

    assert str(due) == ("content/pages/\\u202eabout.yml:3: About \\x1b[2K\\u202eus: review "
                        "overdue by 2 days (due 2027-01-01, last reviewed 2026-01-01).")


def _line(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if "next_review_due" in line)
