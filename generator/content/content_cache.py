"""What loading made of each content file, kept between builds.

Reading a file (YAML into data and positions) and checking it (data into a model) depend only
on the file's text and on the generator's code. A `ContentCache` keeps both results in memory,
by the text's hash, and on disk between builds, stamped with a fingerprint of the generator's
files and of every installed library: a rebuild after editing one file parses and checks that
file alone (every file is still read, to hash it), and any change to the generator starts
afresh.

The cache is an object, never a module global: whoever loads the content (the conductor, the
CLI, the preview, a test) makes one or is handed one, and `load_project` passes it down to the
loader. A load given none makes its own, filled from disk; the preview keeps one across its
rebuilds, which is what makes a rebuild after an edit fast.

The cache file is a pickle, which can run code when it is read, so it lives only in the user's
own cache folder (`$XDG_CACHE_HOME` or `~/.cache`, then `health-generator/`), which only the
user may write to, and never beside the content, which may be shared or somewhere anyone writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import distributions
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.content.fast_yaml import Positions

Parsed = tuple[Any, Positions]


@dataclass
class ContentCache:
    """Each file's parsed data by text hash, and the model checked from that very data.

    One object serves one owner: two caches share nothing but the files on disk.
    """

    parsed: dict[str, Parsed] = field(default_factory=dict)
    checked: dict[tuple[str, str, str], tuple[object, BaseModel]] = field(default_factory=dict)
    """By model, file name and text hash: the data the model was made from, and the model."""
    used: set[str] = field(default_factory=set)
    """The text hashes met during the current load: all that its save keeps."""
    changed: bool = False
    on_disk: Path | None = None
    """The cache file that holds exactly what is in memory, if any."""
    save_every_load: bool = True
    """False in the preview: once the cache is on disk, a rebuild does not write the whole file
    again (0.15 s at 1,000 topics); `save_pending` writes it when the preview stops."""
    pending: Path | None = None
    """Where the changes the preview has not saved yet belong."""

    def get_parsed(self, digest: str) -> Parsed | None:
        """Return what the fast parser made of this text before, if anything."""
        self.used.add(digest)
        return self.parsed.get(digest)

    def add_parsed(self, digest: str, parsed: Parsed) -> None:
        """Keep what the fast parser made of this text."""
        self.parsed[digest] = parsed
        self.changed = True

    def get_checked(self, model: type[BaseModel], name: str, digest: str,
                    data: object) -> BaseModel | None:
        """Return the model checked before from this very data, read from this file, if any.

        `made_from is data` holds after a restore too: `parsed` and `checked` are pickled in
        one dump, which keeps the data they share one object.
        """
        made_from, checked = self.checked.get((model.__name__, name, digest), (None, None))
        return checked if made_from is data and isinstance(checked, model) else None

    def add_checked(self, model: BaseModel, name: str, digest: str, data: object) -> None:
        """Keep a model checked without mistakes from this data, read from this file."""
        self.checked[(type(model).__name__, name, digest)] = (data, model)
        self.changed = True

    @contextlib.contextmanager
    def kept_on_disk(self, content_dir: Path) -> Iterator[None]:
        """Fill an empty cache from disk, then save what this load used.

        A cache file that is missing, damaged or from another version of the generator is
        ignored; one that cannot be written is not written. Neither stops a build.
        """
        path = cache_file(content_dir)
        if not self.parsed:
            self._restore(path)
        self.used = set()
        try:
            yield
        finally:
            self._keep_only_used()
            if self.changed or self.on_disk != path:
                if self.save_every_load or self.on_disk is None:
                    self._save(path)
                else:
                    self.pending = path

    def save_pending(self) -> None:
        """Write what the preview kept in memory only (see `save_every_load`)."""
        if self.pending is not None and self.changed:
            self._save(self.pending)
        self.pending = None

    def _restore(self, path: Path) -> None:
        try:
            if not (private(path.parent) and private(path)):
                return
            with path.open("rb") as file:
                fingerprint, parsed, checked = pickle.load(file)
            if fingerprint != generator_fingerprint():
                return
        except Exception:  # any unreadable cache is simply not used
            return
        self.parsed, self.checked, self.changed = parsed, checked, False
        self.on_disk = path

    def _keep_only_used(self) -> None:
        """Forget every file version the last load did not meet: older versions of edited files."""
        if self.used != self.parsed.keys():
            self.parsed = {d: p for d, p in self.parsed.items() if d in self.used}
            self.checked = {k: v for k, v in self.checked.items() if k[2] in self.used}
            self.changed = True  # the file on disk holds more than memory now

    def _save(self, path: Path) -> None:
        self.on_disk = None
        temporary: str | None = None
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not private(path.parent):
                return
            with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as file:
                temporary = file.name
                # One dump, so each model's data stays the very object in `parsed` (get_checked).
                pickle.dump((generator_fingerprint(), self.parsed, self.checked), file,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException as error:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
            if isinstance(error, Exception):
                return  # a cache that cannot be written is not written
            raise  # Ctrl-C
        self.changed, self.on_disk = False, path


def text_digest(text: str) -> str:
    """Return the hash that names a file's text in the cache."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def cache_folder() -> Path:
    """Return the user's own folder for the generator's caches."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "health-generator"


def cache_file(content_dir: Path) -> Path:
    """Return where the cache of a content folder is kept: one file a folder."""
    where = str(content_dir.resolve()).encode("utf-8", "surrogateescape")
    return cache_folder() / f"content-{hashlib.sha256(where).hexdigest()[:32]}.pickle"


def private(path: Path) -> bool:
    """Tell whether only this user can change the file or folder (always, without owners)."""
    if not hasattr(os, "getuid"):
        return True
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


@lru_cache(maxsize=1)
def generator_fingerprint() -> str:
    """Return a hash of the generator's files, every installed library and Python's version."""
    digest = hashlib.sha256(sys.version.encode())
    libraries = sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions())
    digest.update("\n".join(libraries).encode())
    package = Path(__file__).parents[1]
    for source in sorted(package.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            digest.update(source.relative_to(package).as_posix().encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()
