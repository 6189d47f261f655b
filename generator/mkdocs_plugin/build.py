"""Build the website and the offline bundle with MkDocs, then swap them into place.

Both are built in temporary folders first: a failed or interrupted build leaves the
previous `site/` and `dist/` exactly as they were. Only folders a build made are replaced.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import tempfile
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException, PluginError

from generator import interrupt, output_folders
from generator.mkdocs_plugin.plugin import HealthContentPlugin
from generator.pipeline import RenderedSite
from generator.terminal import inert_lines

ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest time a zip file can hold
ZIP_EPOCH_MAX = 4354819198  # 2107-12-31 23:59:58, the latest


def build_outputs(rendered: RenderedSite, config_file: Path, site_dir: Path,
                  dist_dir: Path) -> Path:
    """Build the website into `site_dir` and the offline zip into `dist_dir`; return the zip."""
    _show_mkdocs_messages()
    zip_name = f"{rendered.project.site.slug}-offline.zip"
    with _replace_dirs_on_success([site_dir, dist_dir]) as (new_site, new_dist), \
            tempfile.TemporaryDirectory() as scratch:  # here, so it goes even if the fork is killed
        bundle_dir = Path(scratch) / rendered.project.site.slug
        _build_both(rendered, config_file, new_site, bundle_dir, new_dist / zip_name)
    return dist_dir / zip_name


def _build_both(rendered: RenderedSite, config_file: Path, site_dir: Path, bundle_dir: Path,
                zip_path: Path) -> None:
    """Build the website here, and the offline bundle and its zip in a forked process.

    The forked process inherits the rendered content as it is in memory: nothing is loaded,
    rendered or even copied again. The website goes to `site_dir`; the bundle to `bundle_dir`,
    zipped to `zip_path`.
    """
    fork = multiprocessing.get_context("fork")
    receive, send = fork.Pipe(duplex=False)
    offline = fork.Process(target=_build_offline,
                           args=(send, os.getpid(), rendered, config_file, bundle_dir, zip_path),
                           name="offline build")
    try:
        with interrupt.held():  # held back until the child has made them end it (end_with_parent)
            offline.start()
        send.close()
        _build(rendered, config_file, site_dir, offline=False)
        try:
            failure = receive.recv()
        except EOFError:  # the process died; it printed its traceback
            failure = RuntimeError("the offline build stopped unexpectedly")
        offline.join()
    finally:
        if offline.is_alive():  # the website build failed or was stopped first
            offline.terminate()
            offline.join(timeout=5)
        if offline.is_alive():  # it never got to take its signals back (see `held`)
            offline.kill()
            offline.join()
    if failure is not None:
        raise failure


def _build_offline(send: Connection, parent: int, rendered: RenderedSite, config_file: Path,
                   bundle_dir: Path, zip_path: Path) -> None:
    """Build the offline bundle into `bundle_dir`, then zip it (in the forked process).

    The zip goes into the parent's staging folder, so it is written only while the parent
    lives: its end, or a signal, ends this process too.
    """
    interrupt.end_with_parent(parent)
    try:
        _build(rendered, config_file, bundle_dir, offline=True)
        if not interrupt.parent_is_alive(parent):
            return
        write_zip(bundle_dir, zip_path, rendered.build_epoch)
    except MkDocsException as error:
        send.send(error)  # the parent reports it like its own
        return
    send.send(None)


def write_zip(folder: Path, target: Path, epoch: int) -> None:
    """Zip a folder reproducibly: sorted entries, fixed times and permissions."""
    stamp = _zip_time(epoch)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes())


def _build(rendered: RenderedSite, config_file: Path, site_dir: Path, *, offline: bool) -> None:
    """Run one strict MkDocs build of the already rendered content."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    for name in ("health-content", "material/offline"):
        if name not in config.plugins:
            raise PluginError(f"{config_file} must list the `{name.split('/')[-1]}` plugin.")
    content = config.plugins["health-content"]
    assert isinstance(content, HealthContentPlugin)
    content.prepared = rendered
    config.plugins["material/offline"].config.enabled = offline
    build(config)


def _zip_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    t = time.gmtime(min(max(epoch, ZIP_EPOCH_MIN), ZIP_EPOCH_MAX))
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)


@contextmanager
def _replace_dirs_on_success(targets: list[Path]) -> Iterator[list[Path]]:
    """Yield an empty folder beside each target; swap them all in when the block succeeds.

    A target must be missing, empty, or made by a build: the swap deletes the old one.
    """
    for target in targets:
        if not output_folders.made_by_a_build(target):
            raise FileExistsError(f"{target} holds files a build did not make; not replacing it")
    stagings: list[Path] = []
    try:
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
            staging.chmod(0o755)  # mkdtemp makes it private; the site is meant to be served
            stagings.append(staging)
        yield stagings
        with interrupt.held():  # all swapped or none: a signal waits until the end
            for staging, target in zip(stagings, targets, strict=True):
                output_folders.write_stamp(staging)
                _swap_in(staging, target)
    finally:
        # Also runs on Ctrl-C and the other stop signals, so no half-built folder is left.
        for staging in stagings:
            shutil.rmtree(staging, ignore_errors=True)


def _swap_in(staging: Path, target: Path) -> None:
    """Put `staging` where `target` is, then delete the old `target`."""
    if not target.exists():
        staging.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    target.rename(old / target.name)
    staging.rename(target)
    shutil.rmtree(old)


def _show_mkdocs_messages() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(_InertFormatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


class _InertFormatter(logging.Formatter):
    """Format MkDocs' messages with any control character from a file shown, not obeyed."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the formatted message, made inert line by line."""
        return inert_lines(super().format(record))
