"""The record a build keeps of its two outputs, so that the next one rebuilds only what changed.

One JSON file a pair of output folders, in the user's own cache folder beside the content
cache (generator/content/content_cache.py), never in the published folders: each site folder's
`SiteRecord` (generator/builders/mkdocs_plugin/incremental.py) for the website and the offline
bundle, the hash of every file the website holds, and the hash of the offline zip.

The next build starts each output from what it holds now only if that is exactly what the
record says was built: the website file by file, the bundle from its zip. A folder changed by
hand, a missing zip, another builder's output or an unreadable record: that output is built
from nothing, as it was the first time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.builders.mkdocs_plugin.incremental import SiteRecord
from generator.builders.output_folders import STAMP
from generator.content.content_cache import cache_folder

VERSION = 1
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
    zip_digest: str = ""
    """The hash of the offline zip."""


def record_file(site_dir: Path, dist_dir: Path) -> Path:
    """Return where the record of these two output folders is kept."""
    where = f"{site_dir.resolve()}\0{dist_dir.resolve()}".encode("utf-8", "surrogateescape")
    return cache_folder() / f"build-{hashlib.sha256(where).hexdigest()[:32]}.json"


def load(site_dir: Path, dist_dir: Path) -> BuildRecord:
    """Return the record of the last build into these folders (an empty one if none)."""
    try:
        data = json.loads(record_file(site_dir, dist_dir).read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            return BuildRecord()
        return BuildRecord(_sites(data["website"]), _sites(data["offline"]),
                           {str(k): str(v) for k, v in data["website_files"].items()},
                           str(data["zip"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return BuildRecord()


def _sites(data: Any) -> Sites:
    found = {str(folder): SiteRecord.from_json(site) for folder, site in data.items()}
    return {folder: site for folder, site in found.items() if site is not None}


def save(record: BuildRecord, site_dir: Path, dist_dir: Path) -> None:
    """Keep the record of the build just put in place; a record that cannot be written is not
    (the next build is then a cold one)."""
    target = record_file(site_dir, dist_dir)
    data = {"version": VERSION,
            "website": {k: v.as_json() for k, v in record.website.items()},
            "offline": {k: v.as_json() for k, v in record.offline.items()},
            "website_files": record.website_files, "zip": record.zip_digest}
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


def forget(site_dir: Path, dist_dir: Path) -> None:
    """Forget the last build into these folders: the next one starts from nothing."""
    with contextlib.suppress(OSError):
        record_file(site_dir, dist_dir).unlink()


def file_digests(folder: Path) -> dict[str, str]:
    """Return the hash of every file in a built folder, by its path there (not the stamp)."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*"))
            if path.is_file() and path.name != STAMP}


def zip_digest(path: Path) -> str:
    """Return the hash of a zip ("" if it cannot be read)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def copy_previous_website(record: BuildRecord, site_dir: Path, staging: Path) -> bool:
    """Copy the website into the empty `staging` if it is what the record says was built.

    Each file keeps its date, so that a web server's "last modified" stays true for the pages
    a rebuild keeps. Returns whether it copied; if not, `staging` is left empty.
    """
    if not record.website_files or not site_dir.is_dir():
        return False
    found = [p for p in sorted(site_dir.rglob("*")) if p.is_file() and p.name != STAMP]
    if len(found) != len(record.website_files):
        return False
    copied: list[Path] = []
    for path in found:
        name = path.relative_to(site_dir).as_posix()
        data = path.read_bytes()
        if record.website_files.get(name) != hashlib.sha256(data).hexdigest():
            for done in copied:
                done.unlink()
            return False
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        times = path.stat()
        os.utime(target, ns=(times.st_atime_ns, times.st_mtime_ns))
        copied.append(target)
    return True


def extract_previous_bundle(record: BuildRecord, zip_path: Path, bundle_dir: Path) -> bool:
    """Unzip the offline bundle into `bundle_dir` if the zip is the one the record names.

    Its files are dated 1970, so that a page the rebuild writes again is told apart from one
    it keeps (`built_site.page_stamps`) even within the same tick of the clock.
    """
    if not record.zip_digest or zip_digest(zip_path) != record.zip_digest:
        return False
    prefix = f"{bundle_dir.name}/"
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        if not all(name.startswith(prefix) and ".." not in name.split("/") for name in names):
            return False
        archive.extractall(bundle_dir.parent)
    for path in bundle_dir.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(0, 0))
    return True
