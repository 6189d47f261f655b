"""Build the website and the offline bundle with MkDocs, then swap them into place.

Each output's site source (generator/site/site_source.py) is written to a scratch folder, and
MkDocs builds it as it would build an export; then every built page is secured and checked
(generator/safety/built_site.py). Another builder (generator/builders/zensical_build.py) takes
the same path with its own `Builder`. Both are built in temporary folders first: a failed or
interrupted build leaves the previous `site/` and `dist/` exactly as they were. Only folders a
build made are replaced.

A rebuild costs what changed: MkDocs starts each output from a copy of the previous one, when
it is what the last build's record says it built (build_record.py), and rebuilds only the
pages whose inputs changed (incremental.py); only those take the safety pass again. The
result is byte for byte a cold build's (tests/test_rebuild_equality.py).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator import interrupt, pipeline
from generator.builders import output_folders
from generator.builders.mkdocs_plugin import build_record, incremental
from generator.builders.mkdocs_plugin.build_record import BuildRecord, Sites
from generator.builders.mkdocs_plugin.incremental import Previous, SiteRecord
from generator.pipeline import RenderedSite
from generator.safety import built_site
from generator.site import routes, site_source
from generator.terminal import inert_lines

ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest time a zip file can hold
ZIP_EPOCH_MAX = 4354819198  # 2107-12-31 23:59:58, the latest
GZIP_LATEST = 2**32 - 1  # 2106-02-07, the latest time a gzip file can hold



WEBSITE, OFFLINE = "source.website", "source.offline"
"""The scratch folders of the two outputs' site sources (no site's slug holds a dot); a
translation's go inside them, in its language's folder (`source.website/es`)."""


class BuilderFailed(Exception):
    """A site builder other than MkDocs could not build a site source; says why."""


@dataclass(frozen=True)
class Builder:
    """A site builder: the site source it reads, and how it builds one into a site folder."""

    name: site_source.Builder
    build: Callable[[Path, Path, Previous | None], SiteRecord | None]
    """Build a site source folder into a site folder, then secure and check every page it
    built. Given the record of the previous build of that folder, which the folder still holds,
    rebuild only what changed; return this build's record (None from a builder that keeps none).
    """
    keeps_records: bool = False
    """Whether the builder rebuilds from a record of the previous build."""


def build_outputs(rendered: RenderedSite, config_file: Path, site_dir: Path,
                  dist_dir: Path, builder: Builder | None = None) -> Path:
    """Build the website into `site_dir` and the offline zip into `dist_dir`; return the zip.

    Each language is a site of its own, built from its own site source: the site's own
    language at the root of each output, each translation in its language's folder (`es/`).
    `builder` is MkDocs unless given. Raises SiteSourceError (before any folder is touched)
    when the site source cannot be made, UnsafePages when a built page is not safe to
    publish, and MkDocsException or BuilderFailed when the builder fails.
    """
    builder = builder or MKDOCS
    _show_mkdocs_messages()
    sources = {(name, folder): source
               for name, offline in ((WEBSITE, False), (OFFLINE, True))
               for folder, source in pipeline.site_sources(
                   rendered, config_file, offline=offline, builder=builder.name).items()}
    # Without a site address, `build` says what is left out and what to add, once.
    zip_name = f"{rendered.project.site.slug}-offline.zip"
    if not builder.keeps_records:
        build_record.forget_outputs(site_dir, dist_dir)
    # The scratch folder is made here, so a temporary one goes even if the forked build is
    # killed; the kept one stays, its record forgotten until this build has succeeded.
    with _scratch(builder, site_dir, dist_dir) as (scratch, kept):
        record = build_record.load(scratch) if kept else BuildRecord()
        if kept:
            build_record.forget(scratch)  # from here on, the folder holds a build under way
        with _replace_dirs_on_success([site_dir, dist_dir]) as (new_site, new_dist), \
                _build_date(rendered.build_epoch):
            folders = [folder for name, folder in sources if name == WEBSITE]
            bundle_dir = scratch / rendered.project.site.slug

            def prepare(name: str) -> dict[str, Previous]:
                """Write an output's site sources; return its previous build, by language
                folder, to start from (the website's pages are where it was published)."""
                for (output, folder), source in sources.items():
                    if output == name:
                        (site_source.update if kept else site_source.write)(
                            source, scratch / name / folder)
                if name == WEBSITE:
                    return build_record.previous_website(record, site_dir)
                return {folder: Previous(site) for folder, site in record.offline.items()} \
                    if build_record.kept_bundle(record, bundle_dir) else {}

            built = _build_both(builder, scratch, folders, new_site, bundle_dir,
                                new_dist / zip_name, rendered.build_epoch, prepare)
            if kept:
                built.website_files = build_record.file_digests(new_site)
                built.offline_files = build_record.file_digests(bundle_dir)
        if kept:  # both outputs are in place, and the folder is still this build's alone
            build_record.save(built, scratch)
    return dist_dir / zip_name


@contextmanager
def _scratch(builder: Builder, site_dir: Path, dist_dir: Path) -> Iterator[tuple[Path, bool]]:
    """Yield the folder to write the site sources and build the offline bundle in, and whether
    it is the one kept from the last build into these outputs (build_record.py); if not, a new
    temporary folder, deleted afterwards."""
    with contextlib.ExitStack() as stack:
        kept = stack.enter_context(build_record.kept_folder(site_dir, dist_dir)) \
            if builder.keeps_records else None
        if kept is not None:
            yield kept, True
        else:
            yield Path(stack.enter_context(tempfile.TemporaryDirectory())), False


def _build_both(builder: Builder, sources: Path, folders: list[str], site_dir: Path,
                bundle_dir: Path, zip_path: Path, epoch: int,
                prepare: Callable[[str], dict[str, Previous]]) -> BuildRecord:
    """Build the website here, and the offline bundle and its zip in a forked process.

    `sources` holds both outputs' site sources, each language's in its `folders` (the site's
    own language's first, at the root), which `prepare(WEBSITE)` and `prepare(OFFLINE)` write,
    each in its process, returning the records of what the output's folder holds from its
    previous build. The website goes to `site_dir`; the bundle to `bundle_dir`, zipped to
    `zip_path` with the build's date, `epoch`. The records of this build are returned.
    """
    fork = multiprocessing.get_context("fork")
    receive, send = fork.Pipe(duplex=False)
    offline = fork.Process(target=_build_offline,
                           args=(builder, send, os.getpid(), sources / OFFLINE, folders,
                                 bundle_dir, zip_path, epoch, prepare),
                           name="offline build")
    try:
        with interrupt.held():  # held back until the child has made them end it (end_with_parent)
            offline.start()
        send.close()
        website = _build_languages(builder, sources / WEBSITE, folders, site_dir,
                                   prepare(WEBSITE))
        try:
            result = receive.recv()
        except EOFError:  # the process died; it printed its traceback
            result = RuntimeError("the offline build stopped unexpectedly")
        offline.join()
    finally:
        if offline.is_alive():  # the website build failed or was stopped first
            offline.terminate()
            offline.join(timeout=5)
        if offline.is_alive():  # it never got to take its signals back (see `held`)
            offline.kill()
            offline.join()
    if isinstance(result, BaseException):
        raise result
    return BuildRecord(website=website, offline=result)


def _build_languages(builder: Builder, source_dir: Path, folders: list[str],
                     site_dir: Path, previous: dict[str, Previous]) -> Sites:
    """Build each language's site source into its folder of `site_dir`, the site's own first,
    and return their records.

    A language is rebuilt from its previous record when that record still applies
    (`incremental.reusable`). The site's own language is built first, and a cold build of it
    empties the whole folder, so its translations are then built cold too.
    """
    records: Sites = {}
    reuse = True
    for folder in folders:
        before = incremental.reusable(previous.get(folder), source_dir / folder) \
            if reuse else None
        reuse = reuse and (before is not None or folder != folders[0])
        if (record := builder.build(source_dir / folder, site_dir / folder, before)) is not None:
            records[folder] = record
    return records


def _build_offline(builder: Builder, send: Connection, parent: int, source_dir: Path,
                   folders: list[str], bundle_dir: Path, zip_path: Path, epoch: int,
                   prepare: Callable[[str], dict[str, Previous]]) -> None:
    """Build the offline bundle into `bundle_dir`, then zip it (in the forked process).

    The zip goes into the parent's staging folder, so it is written only while the parent
    lives: its end, or a signal, ends this process too. The bundle's records go back to the
    parent, or the error that stopped it.
    """
    interrupt.end_with_parent(parent)
    try:
        records = _build_languages(builder, source_dir, folders, bundle_dir, prepare(OFFLINE))
        if not interrupt.parent_is_alive(parent):
            return
        write_zip(bundle_dir, zip_path, epoch)
    except (MkDocsException, BuilderFailed, built_site.UnsafePages) as error:
        send.send(error)  # the parent reports it like its own
        return
    send.send(records)


def write_zip(folder: Path, target: Path, epoch: int) -> None:
    """Zip a folder reproducibly: sorted entries, fixed times and permissions."""
    stamp = _zip_time(epoch)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes())


def _build(source_dir: Path, site_dir: Path, previous: Previous | None = None) -> SiteRecord:
    """Build a site source with strict MkDocs, then secure and check every page it built.

    With the `previous` record of what `site_dir` holds, only what changed is built again
    (incremental.py); the pages it keeps were secured and checked when they were built.
    """
    config = load_config(str(source_dir / site_source.CONFIG), site_dir=str(site_dir),
                         strict=True)
    plugin = incremental.IncrementalPlugin(incremental.shared_inputs(source_dir), previous)
    config.plugins[incremental.NAME] = plugin
    kept = built_site.page_stamps(site_dir) if previous else {}
    with _dirty_warning_dropped():
        build(config, dirty=previous is not None)
    if not config.site_url:  # a sitemap may only list full addresses
        for name in (routes.SITEMAP, f"{routes.SITEMAP}.gz"):
            (site_dir / name).unlink(missing_ok=True)
    built_site.secure_site(site_dir, config.site_url, kept={**kept, **plugin.kept_outputs})
    assert plugin.record is not None
    return plugin.record


MKDOCS = Builder("mkdocs", _build, keeps_records=True)


@contextmanager
def _dirty_warning_dropped() -> Iterator[None]:
    """Keep MkDocs' warning about dirty builds out of a strict build's count."""
    logger = logging.getLogger("mkdocs.commands.build")
    logger.addFilter(incremental.without_dirty_warning)
    try:
        yield
    finally:
        logger.removeFilter(incremental.without_dirty_warning)


@contextmanager
def _build_date(epoch: int) -> Iterator[None]:
    """Give MkDocs the build's date, for the sitemap, the only way it takes one without a plugin.

    MkDocs stamps sitemap.xml.gz with it, and gzip holds only 1970 to 2106.
    """
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(min(max(epoch, 0), GZIP_LATEST))
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


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
