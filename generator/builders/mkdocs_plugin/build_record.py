"""What a build keeps of its two outputs, so that the next one rebuilds only what changed.

One folder a pair of output folders, in the user's own cache folder beside the content cache
(generator/content/content_cache.py), never in the published folders: the site sources the
last build wrote (which the next one updates file by file, `site_source.update`), the offline
bundle it zipped, and `record.json`: each site folder's `SiteRecord`
(generator/builders/mkdocs_plugin/incremental.py) for the website and the offline bundle, and
the hash of every file the website and the bundle hold.

The next build starts each output from what it holds now only if that is exactly what the
record says was built, file by file. A folder changed by hand, another builder's output, an
interrupted build or an unreadable record: that output is built from nothing, as it was the
first time. A build that finds the folder in use by another build uses a folder of its own, and
builds from nothing.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.builders.mkdocs_plugin.incremental import Previous, SiteRecord
from generator.builders.output_folders import STAMP
from generator.content.content_cache import cache_folder, private

VERSION = 2
"""Raised when the record's layout changes: an older record is then not read."""

Sites = dict[str, SiteRecord]
"""One output's site records, by language folder (`` for the site's own, `es/`)."""


@dataclass
class BuildRecord:
    """What the last build of two output folders made, and from what."""

    website: Sites = field(default_factory=dict)
    offline: Sites = field(default_factory=dict)
    website_files: dict[str, str] = field(default_factory=dict)
    """The hash of every file of the website, by its path there (the stamp left out)."""
    offline_files: dict[str, str] = field(default_factory=dict)
    """The hash of every file of the offline bundle, by its path there."""


RECORD = "record.json"


def build_folder(site_dir: Path, dist_dir: Path) -> Path:
    """Return the folder where the builds into these two output folders keep what they made."""
    where = f"{site_dir.resolve()}\0{dist_dir.resolve()}".encode("utf-8", "surrogateescape")
    return cache_folder() / f"build-{hashlib.sha256(where).hexdigest()[:32]}"


@contextlib.contextmanager
def kept_folder(site_dir: Path, dist_dir: Path) -> Iterator[Path | None]:
    """Yield the build folder of these outputs, for this build alone; None when another build
    uses it, or when it is not the user's own (its mkdocs.yml names Python code to run)."""
    folder = build_folder(site_dir, dist_dir)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock = (folder / "lock").open("a")
    except OSError:
        yield None
        return
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield None
            return
        yield folder if private(folder.parent) and private(folder) else None


def load(folder: Path) -> BuildRecord:
    """Return the record of the last build kept in this folder (an empty one if none)."""
    try:
        data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            return BuildRecord()
        return BuildRecord(_sites(data["website"]), _sites(data["offline"]),
                           _digests(data["website_files"]), _digests(data["offline_files"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return BuildRecord()


def _digests(data: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in data.items()}


def _sites(data: Any) -> Sites:
    found = {str(folder): SiteRecord.from_json(site) for folder, site in data.items()}
    return {folder: site for folder, site in found.items() if site is not None}


def save(record: BuildRecord, folder: Path) -> None:
    """Keep the record of the build just put in place; a record that cannot be written is not
    (the next build is then a cold one)."""
    target = folder / RECORD
    data = {"version": VERSION,
            "website": {k: v.as_json() for k, v in record.website.items()},
            "offline": {k: v.as_json() for k, v in record.offline.items()},
            "website_files": record.website_files, "offline_files": record.offline_files}
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent,
                                         suffix=".tmp", delete=False) as out:
            temporary = out.name
            json.dump(data, out, separators=(",", ":"))
        os.replace(temporary, target)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def forget(folder: Path) -> None:
    """Forget the last build: the next one starts from nothing (done before a build changes
    what the folder holds, so that an interrupted build is never taken for a finished one)."""
    with contextlib.suppress(OSError):
        (folder / RECORD).unlink()


def forget_outputs(site_dir: Path, dist_dir: Path) -> None:
    """Forget the last build into these output folders (another builder is replacing them)."""
    shutil.rmtree(build_folder(site_dir, dist_dir), ignore_errors=True)


def file_digests(folder: Path) -> dict[str, str]:
    """Return the hash of every file in a built folder, by its path there (not the stamp)."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*"))
            if path.is_file() and path.name != STAMP}


def previous_website(record: BuildRecord, site_dir: Path) -> dict[str, Previous]:
    """Return the last build of the website, by language folder, published in `site_dir`:
    each page it keeps is checked against the record before it is linked into the new one."""
    if not record.website_files or not site_dir.is_dir():
        return {}
    return {folder: Previous(site, site_dir / folder,
                             {path[len(folder):]: digest
                              for path, digest in record.website_files.items()
                              if path.startswith(folder)})
            for folder, site in record.website.items()}


def kept_bundle(record: BuildRecord, bundle_dir: Path) -> bool:
    """Return whether `bundle_dir` holds exactly the offline bundle the record names; if not,
    empty it."""
    if record.offline_files and bundle_dir.is_dir() \
            and file_digests(bundle_dir) == record.offline_files:
        return True
    shutil.rmtree(bundle_dir, ignore_errors=True)
    return False
