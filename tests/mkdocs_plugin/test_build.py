"""Builds are atomic and reproducible."""

from __future__ import annotations

import filecmp
import os
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from generator.builders.mkdocs_plugin import build as build_module
from generator.builders.mkdocs_plugin.build import _replace_dirs_on_success
from generator.builders.mkdocs_plugin.incremental import SiteRecord
from generator.builders.output_folders import STAMP
from generator.interrupt import Stopped
from generator.pipeline import render_content

from conftest import PUBLISHED_AT, ROOT, old_build


@pytest.mark.parametrize("stop", [RuntimeError("a step failed"), KeyboardInterrupt(),
                                  Stopped(signal.SIGTERM)],
                         ids=["a failing step", "Ctrl-C", "SIGTERM"])
def test_a_stopped_build_leaves_the_old_folder_and_no_half_build(
    tmp_path: Path, stop: BaseException
) -> None:
    target = old_build(tmp_path / "site", {"index.html": "old"})

    with pytest.raises(type(stop)), _replace_dirs_on_success([target]) as [staging]:
        (staging / "index.html").write_text("half", encoding="utf-8")
        raise stop

    assert (target / "index.html").read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_successful_build_replaces_the_folder_and_stamps_it(tmp_path: Path) -> None:
    target = old_build(tmp_path / "site", {"stale.html": "old"})

    with _replace_dirs_on_success([target]) as [staging]:
        (staging / "index.html").write_text("new", encoding="utf-8")

    assert sorted(p.name for p in target.iterdir()) == [STAMP, "index.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_folder_of_other_files_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "notes"
    target.mkdir()
    (target / "plan.txt").write_text("mine", encoding="utf-8")

    with pytest.raises(FileExistsError, match="holds files a build did not make"), \
            _replace_dirs_on_success([target]):
        pass

    assert [p.name for p in target.iterdir()] == ["plan.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["notes"]


def build(out: Path, **env: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--site-dir", str(out / "site"),
         "--dist-dir", str(out / "dist")],
        cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": PUBLISHED_AT,
                       **env}, check=True,
        capture_output=True)


def same_tree(left: Path, right: Path) -> bool:
    compared = filecmp.dircmp(left, right)
    if compared.left_only or compared.right_only or compared.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, compared.common_files, shallow=False)
    return not mismatch and not errors and all(
        same_tree(left / name, right / name) for name in compared.common_dirs)


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    build(tmp_path)

    assert same_tree(built / "site", tmp_path / "site")
    assert same_tree(built / "dist", tmp_path / "dist")


def test_source_date_epoch_sets_the_dates_in_the_zip(tmp_path: Path) -> None:
    build(tmp_path, SOURCE_DATE_EPOCH="1700000000")  # 2023-11-14 22:13:20 UTC

    with zipfile.ZipFile(tmp_path / "dist/muscle-twitch-and-spasm-guide-offline.zip") as bundle:
        stamps = {info.date_time for info in bundle.infolist()}
    sitemap = (tmp_path / "site/sitemap.xml").read_text(encoding="utf-8")

    assert stamps == {(2023, 11, 14, 22, 13, 20)}
    assert "<lastmod>2023-11-14</lastmod>" in sitemap


def test_a_date_past_what_zip_and_gzip_hold_still_builds(tmp_path: Path) -> None:
    build(tmp_path, SOURCE_DATE_EPOCH="253402300799")  # 9999-12-31 23:59:59 UTC

    with zipfile.ZipFile(tmp_path / "dist/muscle-twitch-and-spasm-guide-offline.zip") as bundle:
        stamps = {info.date_time for info in bundle.infolist()}
    sitemap = (tmp_path / "site/sitemap.xml").read_text(encoding="utf-8")

    assert stamps == {(2107, 12, 31, 23, 59, 58)}  # the latest a zip file can hold
    assert "<lastmod>2106-02-07</lastmod>" in sitemap  # the latest sitemap.xml.gz can hold


@pytest.mark.parametrize(("epoch", "stamp"), [
    (0, (1980, 1, 1, 0, 0, 0)), (-5, (1980, 1, 1, 0, 0, 0)),
    (1700000000, (2023, 11, 14, 22, 13, 20)), (10**15, (2107, 12, 31, 23, 59, 58)),
])
def test_the_zip_holds_the_nearest_time_it_can(tmp_path: Path, epoch: int,
                                               stamp: tuple[int, ...]) -> None:
    (tmp_path / "bundle").mkdir()
    (tmp_path / "bundle/index.html").write_text("hi", encoding="utf-8")

    build_module.write_zip(tmp_path / "bundle", tmp_path / "bundle.zip", epoch)

    with zipfile.ZipFile(tmp_path / "bundle.zip") as bundle:
        assert [info.date_time for info in bundle.infolist()] == [stamp]


def test_a_failed_offline_build_fails_the_whole_build_and_keeps_the_old_site(
    scratch: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = scratch()
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    old_build(project / "site", {"index.html": "old"})
    build_one = build_module._build

    def offline_fails(source: Path, site: Path, previous: SiteRecord | None) -> SiteRecord:
        if source.name == build_module.OFFLINE:
            raise PluginError("the offline bundle could not be made")
        return build_one(source, site, previous)

    # The forked build inherits it.
    monkeypatch.setattr(build_module, "MKDOCS", build_module.Builder("mkdocs", offline_fails))

    with pytest.raises(PluginError, match="the offline bundle could not be made"):
        build_module.build_outputs(render_content(Path("content")), project / "mkdocs.yml",
                                   project / "site", project / "dist")

    assert (project / "site/index.html").read_text(encoding="utf-8") == "old"


def test_a_failed_website_build_stops_the_offline_build_and_leaves_no_scratch_folder(
    scratch: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    project = scratch()
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    temporary = tmp_path_factory.mktemp("temporary")
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    went_on = tmp_path_factory.mktemp("marks") / "the offline build went on"

    def website_fails(source: Path, site: Path, previous: SiteRecord | None) -> None:
        if source.name == build_module.OFFLINE:
            time.sleep(30)  # still building when the website build fails
            went_on.touch()
        raise PluginError("the website could not be made")

    monkeypatch.setattr(build_module, "MKDOCS", build_module.Builder("mkdocs", website_fails))

    with pytest.raises(PluginError, match="the website could not be made"):
        build_module.build_outputs(render_content(Path("content")), project / "mkdocs.yml",
                                   project / "site", project / "dist")

    assert not went_on.exists()  # stopped, not waited for
    assert list(temporary.iterdir()) == []
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml",
                                                         "node_modules", "overrides"]
