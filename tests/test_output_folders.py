"""`build` replaces only folders it made: never the content, the project or anyone's files."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.builders.output_folders import STAMP, Output, problems

from conftest import ROOT, old_build

BROKEN = {"content/conditions/muscle-spasm.yml": "id: muscle-spasm\ncolour: red\n"}
"""Content with a mistake: a refusal that names only the folder came before any loading."""

MKDOCS_PAGE = '<html><head><meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2">'


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "generator", "build", *args],
                          capture_output=True, text=True, env=env, check=False)


def every_file(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and "node_modules" not in p.parts}


def site_problems(site: str | Path, dist: str | Path = "dist") -> list[str]:
    return problems([Output("--site-dir", Path(site), "site"),
                     Output("--dist-dir", Path(dist), "dist")],
                    content_dir=Path("content"), config_file=Path("mkdocs.yml"))


CHOOSE = "Choose another folder, like site."


@pytest.mark.parametrize(("args", "message"), [
    (["--site-dir", "content"],
     "--site-dir content: this is the content folder; the build would replace your content "
     f"files. {CHOOSE}"),
    (["--site-dir", "."],
     "--site-dir .: this is the project folder; the build would replace every file of the "
     f"project, .git included. {CHOOSE}"),
    (["--site-dir", "overrides"],
     "--site-dir overrides: this is the theme folder; the build would replace your page "
     f"templates and styles. {CHOOSE}"),
    (["--site-dir", "content/site"],
     "--site-dir content/site: this folder lies inside the content folder (content); the "
     f"build would put its files among your content files. {CHOOSE}"),
    (["--dist-dir", "notes"],
     "--dist-dir notes: this folder holds files the build did not make (it has no "
     f"{STAMP} file); the build would delete them. Choose another folder, like dist, or an "
     "empty folder."),
    (["--site-dir", "out", "--dist-dir", "out"],
     "--site-dir out and --dist-dir out: these are the same folder, and each build replaces "
     "its folder whole. Choose two separate folders, like site and dist."),
    (["--site-dir", "out/site", "--dist-dir", "out"],
     "--site-dir out/site and --dist-dir out: one folder lies inside the other, and each "
     "build replaces its folder whole. Choose two separate folders, like site and dist."),
    (["--site-dir", "out", "--dist-dir", "out/dist"],
     "--site-dir out and --dist-dir out/dist: one folder lies inside the other, and each "
     "build replaces its folder whole. Choose two separate folders, like site and dist."),
], ids=["content", "project", "theme", "inside content", "other files", "same folder",
        "site in dist", "dist in site"])
def test_build_refuses_a_folder_it_would_destroy_and_deletes_nothing(
    scratch: Callable[..., Path], args: list[str], message: str
) -> None:
    project = scratch({**BROKEN, ".git/HEAD": "ref: refs/heads/main\n",
                       "notes/plan.txt": "mine\n"})
    (project / "out").mkdir()
    before = every_file(project)

    result = run(*args)

    assert result.returncode == 1
    assert result.stderr == message + "\n"
    assert every_file(project) == before
    assert sorted(p.name for p in project.iterdir()) == [".git", "content", "mkdocs.yml",
                                                         "notes", "out", "overrides"]


def test_build_refuses_the_project_by_its_full_address(scratch: Callable[..., Path]) -> None:
    project = scratch({**BROKEN, ".git/HEAD": "ref: refs/heads/main\n"})
    before = every_file(project)

    result = run("--site-dir", str(project))

    assert result.returncode == 1
    assert "this is the project folder" in result.stderr
    assert every_file(project) == before


def test_the_folder_a_link_points_to_is_the_one_judged(scratch: Callable[..., Path]) -> None:
    project = scratch()
    (project / "published").symlink_to(project / "content", target_is_directory=True)

    assert site_problems("published") == [
        "--site-dir published: this is the content folder; the build would replace your "
        f"content files. {CHOOSE}"]


def test_the_theme_folder_is_read_from_the_config(scratch: Callable[..., Path]) -> None:
    project = scratch()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "custom_dir: overrides", "custom_dir: theme"), encoding="utf-8")

    assert site_problems("theme") == [
        "--site-dir theme: this is the theme folder; the build would replace your page "
        f"templates and styles. {CHOOSE}"]


def test_a_home_folder_and_what_holds_it_are_refused(
    scratch: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scratch()
    home = tmp_path_factory.mktemp("people") / "sam"
    home.mkdir()
    monkeypatch.setattr(Path, "home", lambda: home)

    assert site_problems(home) == [
        f"--site-dir {home.as_posix()}: this is a home folder; the build would replace "
        f"everything in it. {CHOOSE}"]
    assert site_problems(home.parent) == [
        f"--site-dir {home.parent.as_posix()}: this folder holds a home folder "
        f"({home.as_posix()}); the build would replace everything in it. {CHOOSE}"]
    assert site_problems(home / "site") == []  # a project in a home folder builds as usual


def test_the_root_of_the_file_system_is_refused(scratch: Callable[..., Path]) -> None:
    scratch()

    assert site_problems("/") == [
        "--site-dir /: this is the root of the file system; the build would replace every "
        f"file on the computer. {CHOOSE}"]


def test_a_folder_the_build_made_a_new_one_and_an_empty_one_are_fine(
    scratch: Callable[..., Path],
) -> None:
    project = scratch()
    old_build(project / "site", {"index.html": "old"})
    (project / "dist").mkdir()

    assert site_problems("site", "dist") == []
    assert site_problems("new/site", "new/dist") == []


def test_a_folder_with_files_but_no_stamp_is_refused(scratch: Callable[..., Path]) -> None:
    project = scratch({"site/index.html": "<p>my own page</p>", "site/404.html": "",
                       "dist/notes.txt": "mine"})

    assert site_problems("site", "dist") == [
        f"--site-dir site: this folder holds files the build did not make (it has no {STAMP} "
        "file); the build would delete them. Choose another folder, like site, or an empty "
        "folder.",
        f"--dist-dir dist: this folder holds files the build did not make (it has no {STAMP} "
        "file); the build would delete them. Choose another folder, like dist, or an empty "
        "folder."]
    assert (project / "site/index.html").is_file()


def test_what_a_build_made_before_builds_stamped_their_folders_is_accepted(
    scratch: Callable[..., Path],
) -> None:
    scratch({"site/index.html": MKDOCS_PAGE, "site/404.html": MKDOCS_PAGE,
             "site/search/search_index.json": "{}",
             "dist/muscle-twitch-and-spasm-guide-offline.zip": "old"})

    assert site_problems("site", "dist") == []


def test_a_stamped_folder_is_replaced_and_an_empty_one_adopted(
    scratch: Callable[..., Path],
) -> None:
    project = scratch()
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    old_build(project / "site", {"stale.html": "old"})
    (project / "dist").mkdir()

    result = run()

    assert result.returncode == 0, result.stderr
    assert not (project / "site/stale.html").exists()
    assert (project / "site/index.html").is_file()
    assert (project / "site" / STAMP).is_file()
    assert sorted(p.name for p in (project / "dist").iterdir()) == [
        STAMP, "muscle-twitch-and-spasm-guide-offline.zip"]
    assert sorted(p.name for p in project.iterdir()) == ["content", "dist", "mkdocs.yml",
                                                         "node_modules", "overrides", "site"]
