"""What loading made of each content file, kept between builds.

Reading a file (YAML into data and positions) and checking it (data into a model) depend only
on the file's text and on the generator's code. Both results are kept here in memory, by the
text's hash, and on disk between builds, in `.cache/` beside the content folder, stamped with
a fingerprint of the generator's code and libraries: a rebuild after editing one file reads
and checks that file alone, and any change to the generator starts the cache afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.fast_yaml import Positions

CACHE_DIR = ".cache/health-generator"
# Besides our own code, what decides what a file is read and checked into.
_LIBRARIES = ("pydantic", "pydantic-core", "ruamel.yaml", "PyYAML", "Markdown",
              "pymdown-extensions")
# Entries kept in memory at most; `mkdocs serve` keeps every version of every edited file.
_MAX_ENTRIES = 20_000

Parsed = tuple[Any, Positions]


@dataclass
class ContentCache:
    """Each file's parsed data by text hash, and the model checked from that very data."""

    parsed: dict[str, Parsed] = field(default_factory=dict)
    checked: dict[tuple[str, str, str], tuple[object, BaseModel]] = field(default_factory=dict)
    """By model, file name and text hash: the data the model was made from, and the model."""
    used: set[str] = field(default_factory=set)
    """The text hashes read since the cache was last saved: what the next save keeps."""
    changed: bool = False
    on_disk: Path | None = None
    """The cache file that holds exactly what is in memory, if any."""

    def get_parsed(self, digest: str) -> Parsed | None:
        """Return what the fast parser made of this text before, if anything."""
        self.used.add(digest)
        return self.parsed.get(digest)

    def add_parsed(self, digest: str, parsed: Parsed) -> None:
        """Keep what the fast parser made of this text."""
        if len(self.parsed) >= _MAX_ENTRIES:
            self.parsed.clear()
            self.checked.clear()
        self.parsed[digest] = parsed
        self.changed = True

    def get_checked(self, model: type[BaseModel], name: str, digest: str,
                    data: object) -> BaseModel | None:
        """Return the model checked before from this very data, read from this file, if any."""
        made_from, checked = self.checked.get((model.__name__, name, digest), (None, None))
        return checked if made_from is data and isinstance(checked, model) else None

    def add_checked(self, model: BaseModel, name: str, digest: str, data: object) -> None:
        """Keep a model checked without mistakes from this data, read from this file."""
        self.checked[(type(model).__name__, name, digest)] = (data, model)
        self.changed = True


CACHE = ContentCache()


def text_digest(text: str) -> str:
    """Return the hash that names a file's text in the cache."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@contextlib.contextmanager
def kept_on_disk(content_dir: Path) -> Iterator[None]:
    """Fill the cache from disk (once a process), then save what this load used.

    A cache file that is missing, damaged or from another version of the generator is
    ignored; one that cannot be written is not written. Neither stops a build.
    """
    path = cache_file(content_dir)
    if not CACHE.parsed:
        _restore(path)
    CACHE.used = set()
    try:
        yield
    finally:
        if CACHE.changed or CACHE.on_disk != path or CACHE.used != CACHE.parsed.keys():
            _save(path)


def cache_file(content_dir: Path) -> Path:
    """Return where the cache of a content folder is kept."""
    folder = content_dir.resolve()
    return folder.parent / CACHE_DIR / f"{folder.name}.pickle"


def _restore(path: Path) -> None:
    try:
        with path.open("rb") as file:
            fingerprint, parsed, checked = pickle.load(file)
    except Exception:  # any unreadable cache is simply not used
        return
    if fingerprint == generator_fingerprint():
        CACHE.parsed, CACHE.checked, CACHE.changed = parsed, checked, False
        CACHE.on_disk = path


def _save(path: Path) -> None:
    """Keep only what this load used, in memory and on disk."""
    CACHE.parsed = {d: p for d, p in CACHE.parsed.items() if d in CACHE.used}
    CACHE.checked = {k: v for k, v in CACHE.checked.items() if k[2] in CACHE.used}
    CACHE.on_disk = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as file:
            pickle.dump((generator_fingerprint(), CACHE.parsed, CACHE.checked), file,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, path)
    except OSError:
        with contextlib.suppress(OSError, NameError):
            os.unlink(file.name)
        return
    CACHE.changed, CACHE.on_disk = False, path


@lru_cache(maxsize=1)
def generator_fingerprint() -> str:
    """Return a hash of the generator's code, the libraries it reads with, and Python's version."""
    digest = hashlib.sha256(sys.version.encode())
    for library in _LIBRARIES:
        with contextlib.suppress(PackageNotFoundError):
            digest.update(f"{library}=={version(library)}".encode())
    package = Path(__file__).parent
    for source in sorted(package.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            digest.update(source.relative_to(package).as_posix().encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()
