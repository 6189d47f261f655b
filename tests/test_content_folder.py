"""Only modelled content is read: everything else in content/ is named, never published."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content.project import load_project
from generator.errors import ContentErrors

NOT_CONTENT = ("this is not part of the content. The content folder holds only `site.yml`, "
               "`plain-words.yml`, and `.yml` files in conditions/, comparisons/, flowcharts/ "
               "and pages/. Move it out of the folder or delete it.")
LINK = ("this is a link to somewhere else, and links are not followed. Put the file or folder "
        "itself here instead.")


def errors_for(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load_project(content)
    return [str(error) for error in raised.value.errors]


def test_stray_pages_and_backups_are_named(scratch: Callable[..., Path]) -> None:
    scratch({
        "content/evil.md": "<script>alert(1)</script>",
        "content/conditions/notes.html": "<p>notes</p>",
        "content/conditions/muscle-twitch.yml~": "id: muscle-twitch",
        "content/conditions/UPPER.YML": "id: upper",
        "content/comparisons/other.yaml": "id: other",
    })

    assert errors_for(Path("content")) == [
        "content/comparisons/other.yaml:1:1: content files end in `.yml`, in small letters. "
        "Rename it to `other.yml`.",
        "content/conditions/UPPER.YML:1:1: content files end in `.yml`, in small letters. "
        "Rename it to `UPPER.yml`.",
        "content/conditions/muscle-twitch.yml~:1:1: this is not a content file: only `.yml` "
        "files belong in conditions/. Move it out of the folder or delete it.",
        "content/conditions/notes.html:1:1: this is not a content file: only `.yml` files "
        "belong in conditions/. Move it out of the folder or delete it.",
        f"content/evil.md:1:1: {NOT_CONTENT}",
    ]


def test_links_are_refused_and_never_followed(scratch: Callable[..., Path],
                                              tmp_path_factory: pytest.TempPathFactory) -> None:
    project = scratch()
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.yml").write_text("id: secret\n", encoding="utf-8")
    (project / "content/leak.txt").symlink_to(project / ".git-config-stand-in")
    (project / "content/conditions/secret.yml").symlink_to(outside / "secret.yml")
    (project / "content/conditions/gone.yml").symlink_to(project / "nowhere.yml")

    assert errors_for(Path("content")) == [
        f"content/conditions/gone.yml:1:1: {LINK}",
        f"content/conditions/secret.yml:1:1: {LINK}",
        f"content/leak.txt:1:1: {LINK}",
    ]


def test_folders_and_special_files_are_named(scratch: Callable[..., Path]) -> None:
    project = scratch()
    (project / "content/conditions/x.yml").mkdir()
    os.mkfifo(project / "content/flowcharts/pipe.yml")
    (project / "content/notes").mkdir()

    assert errors_for(Path("content")) == [
        "content/conditions/x.yml:1:1: this is a folder, and folders are not read here. "
        "Move its files out and delete it.",
        "content/flowcharts/pipe.yml:1:1: this is not an ordinary file. Delete it.",
        f"content/notes:1:1: {NOT_CONTENT}",
    ]


def test_hidden_files_such_as_editor_swap_files_are_left_alone(
    scratch: Callable[..., Path]
) -> None:
    project = scratch({"content/conditions/.muscle-twitch.yml.swp": "swap",
                       "content/.DS_Store": "x"})

    assert [c.id for c in load_project(project / "content").conditions] == [
        "muscle-spasm", "muscle-twitch"]


def test_a_missing_content_folder_is_named(scratch: Callable[..., Path]) -> None:
    scratch()

    assert errors_for(Path("elsewhere")) == [
        "elsewhere:1:1: this content folder does not exist. Check the name, or create it with "
        "a site.yml inside."]


def test_a_content_file_hidden_by_a_dot_is_named(scratch: Callable[..., Path]) -> None:
    scratch({"content/conditions/.leg-cramp.yml": "id: leg-cramp\n"})

    assert errors_for(Path("content")) == [
        "content/conditions/.leg-cramp.yml:1:1: this file's name starts with a dot, so it is "
        "hidden and never read. Remove the dot to use it, or delete the file."]


def test_a_content_folder_name_too_long_for_the_file_system_is_named(
    scratch: Callable[..., Path],
) -> None:
    scratch()

    assert errors_for(Path("a" * 300)) == [
        f"{'a' * 300}:1:1: this content folder cannot be opened (File name too long). Check "
        "the name."]


def test_a_folder_that_cannot_be_read_is_named(scratch: Callable[..., Path],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    scratch()
    real_scandir = os.scandir

    def refuse(path: str) -> object:
        if Path(path).name == "pages":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)

    # The Spanish translations' folder of pages too.
    assert errors_for(Path("content")) == [
        "content/es/pages:1:1: this folder cannot be read (Permission denied). Check that you "
        "may open it.",
        "content/pages:1:1: this folder cannot be read (Permission denied). Check that you may "
        "open it."]
