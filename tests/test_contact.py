"""How readers reach the publisher: `check` warns while none is given, and pages never pretend."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.content.project import load_project

from conftest import CONTENT, render_site

SITE = (CONTENT / "site.yml").read_text(encoding="utf-8")
CONTACT = """\
contact:
  description: Tell us about a mistake, or a page that is hard to use.
  email: feedback_team@muscle-guide.org
  url: https://muscle-guide.org/feedback?from=site
"""
WITH_CONTACT = SITE.replace("emergency:\n", CONTACT + "emergency:\n", 1)
WARNING = ("content/site.yml:7:1: contact: no contact is given, so readers cannot tell you about "
           "a mistake or a page that is hard to use, and pages with `show_contact: true` say "
           "that no contact is given yet. If you have one, add it under `publisher`: a line "
           "`contact:`, then indented under it `description: Tell us about a mistake, or a "
           "page that is hard to use.` and `email: feedback@example.org` or `url: https://…` "
           "with your own address. (warning)")


def test_check_warns_where_the_contact_belongs_and_strict_fails(
        scratch: Callable[..., Path]) -> None:
    scratch()

    relaxed = CliRunner().invoke(main, ["check"])
    strict = CliRunner().invoke(main, ["check", "--strict"])

    assert relaxed.exit_code == 0
    assert WARNING in relaxed.output.splitlines()
    assert strict.exit_code == 1
    assert WARNING in strict.output.splitlines()
    assert "1 warning: --strict fails on warnings." in strict.output


def test_a_site_with_a_contact_gets_no_warning(scratch: Callable[..., Path]) -> None:
    scratch({"content/site.yml": WITH_CONTACT})

    result = CliRunner().invoke(main, ["check", "--strict"])

    assert result.exit_code == 0, result.output
    assert "contact" not in result.output


def test_the_accessibility_statement_says_plainly_that_no_contact_is_given_yet() -> None:
    page = render_site(load_project(CONTENT))["pages/accessibility.md"]
    contact = page.split("## How to contact us\n", 1)[1].split("<div", 1)[0].strip()

    assert contact == ("No contact is given yet: the people who publish this guide have not "
                       "yet said how to reach them.")
    assert "please tell" not in page


def test_the_accessibility_statement_shows_the_contact_from_site_yml(
        scratch: Callable[..., Path]) -> None:
    project = scratch({"content/site.yml": WITH_CONTACT})

    page = render_site(load_project(project / "content"))["pages/accessibility.md"]
    contact = page.split("## How to contact us\n", 1)[1].split("<div", 1)[0].strip()

    # Marks a writer typed show as typed: `_` is written as its character reference.
    assert contact.splitlines() == [
        "Tell us about a mistake, or a page that is hard to use.",
        "",
        "- Email: [feedback&#95;team@muscle-guide.org](mailto:feedback&#95;team@muscle-guide.org)",
        "- Web page: [https://muscle-guide.org/feedback?from=site]"
        "(https://muscle-guide.org/feedback?from=site)",
    ]
    assert "No contact is given yet" not in page
