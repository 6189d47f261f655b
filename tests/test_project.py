"""Loading a whole content folder: every author mistake comes back as file:line:col."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content.project import load_project
from generator.errors import ContentErrors

from conftest import GOLDEN, check_golden, copy_case, one_language

CASES = sorted(p.name for p in (GOLDEN / "errors").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_bad_content_gives_the_expected_errors(
    case: str, scratch: Callable[..., Path], update_goldens: bool
) -> None:
    copy_case(GOLDEN / "errors" / case, scratch())

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    check_golden(raised.value.report() + "\n", GOLDEN / "errors" / f"{case}.txt", update_goldens)


def test_the_shipped_content_loads() -> None:
    project = load_project(Path(__file__).parent.parent / "content")

    assert [c.id for c in project.conditions] == ["muscle-spasm", "muscle-twitch"]
    assert [c.id for c in project.comparisons] == ["twitch-vs-spasm"]
    assert project.site.emergency_number == "911"


def test_a_missing_site_file_is_named(scratch: Callable[..., Path]) -> None:
    scratch({"content/site.yml": None})

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    assert str(raised.value.errors[0]) == "content/site.yml:1:1: this file is missing. Create it."


def test_errors_from_every_file_come_together(scratch: Callable[..., Path]) -> None:
    scratch({
        "content/conditions/muscle-twitch.yml": "id: muscle-twitch\n",
        "content/conditions/muscle-spasm.yml": "id: [\n",
    })

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    files = {error.file for error in raised.value.errors}
    assert files == {"content/conditions/muscle-twitch.yml", "content/conditions/muscle-spasm.yml"}


def test_an_id_too_long_for_a_file_name_is_refused_plainly(scratch: Callable[..., Path]) -> None:
    long_id = "muscle-" + "a" * 80
    scratch({"content/comparisons/twitch-vs-spasm.yml":
             (Path("content/comparisons/twitch-vs-spasm.yml").read_text(encoding="utf-8")
              .replace("  - muscle-spasm\n", f"  - {long_id}\n"))})

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    assert [str(e) for e in raised.value.errors] == [
        "content/comparisons/twitch-vs-spasm.yml:11:5: condition 2: this is too long: use at "
        "most 80 characters."]


def test_the_site_settings_in_a_folder_are_sent_to_site_yml(scratch: Callable[..., Path]) -> None:
    one_language(scratch())
    scratch({"content/pages/settings.yml": Path("content/site.yml").read_text(encoding="utf-8")})

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    assert [str(e) for e in raised.value.errors] == [
        "content/pages/settings.yml:1:1: this looks like the site settings (it has `description`, "
        "`locale` and `publisher`), but it is in content/pages/, which holds pages. Move it to "
        "content/site.yml."]


def test_a_misspelt_field_is_not_taken_for_another_kind(scratch: Callable[..., Path]) -> None:
    about = Path("content/pages/about.yml").read_text(encoding="utf-8")
    scratch({"content/pages/about.yml": about.replace("sections:", "rows:")})

    with pytest.raises(ContentErrors) as raised:
        load_project(Path("content"))

    assert [e.message for e in raised.value.errors] == [
        "this field is not part of the format. Remove it or check its spelling."]
