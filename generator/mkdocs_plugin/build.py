"""Build the website and the offline bundle with MkDocs, then swap them into place.

Both are built in temporary folders first: a failed or interrupted build leaves the
previous `site/` and `dist/` exactly as they were.
"""

from __future__ import annotations

import logging
import multiprocessing
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

from generator.mkdocs_plugin.plugin import HealthContentPlugin
from generator.pipeline import RenderedSite

ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest time a zip file can hold
ZIP_EPOCH_MAX = 4354819198  # 2107-12-31 23:59:58, the latest


def build_outputs(rendered: RenderedSite, config_file: Path, site_dir: Path,
                  dist_dir: Path) -> Path:
    """Build the website into `site_dir` and the offline zip into `dist_dir`; return the zip."""
    _show_mkdocs_messages()
    zip_name = f"{rendered.project.site.slug}-offline.zip"
    with _replace_dir_on_success(site_dir) as new_site, \
            _replace_dir_on_success(dist_dir) as new_dist, \
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
                           args=(send, rendered, config_file, bundle_dir, zip_path),
                           name="offline build")
    offline.start()
    send.close()
    try:
        _build(rendered, config_file, site_dir, offline=False)
        try:
            failure = receive.recv()
        except EOFError:  # the process died; it printed its traceback
            failure = RuntimeError("the offline build stopped unexpectedly")
    finally:
        offline.join(timeout=1)
        if offline.is_alive():  # the website build failed or was interrupted first
            offline.terminate()
            offline.join()
    if failure is not None:
        raise failure


def _build_offline(send: Connection, rendered: RenderedSite, config_file: Path,
                   bundle_dir: Path, zip_path: Path) -> None:
    """Build the offline bundle into `bundle_dir`, then zip it (in the forked process)."""
    try:
        _build(rendered, config_file, bundle_dir, offline=True)
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
def _replace_dir_on_success(target: Path) -> Iterator[Path]:
    """Yield an empty folder beside `target`; swap it in only when the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the site is meant to be served
    try:
        yield staging
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        if target.exists():
            target.rename(old / target.name)
        staging.rename(target)
        shutil.rmtree(old)
    finally:
        # Also runs on Ctrl-C, so no half-built folder is left behind.
        shutil.rmtree(staging, ignore_errors=True)


def _show_mkdocs_messages() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
