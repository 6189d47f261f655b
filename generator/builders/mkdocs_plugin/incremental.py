"""Rebuild only the pages whose inputs changed, and give what a cold build gives, byte for byte.

Every MkDocs build of a site folder leaves a `SiteRecord`: what all its pages share (the site
source's mkdocs.yml, the theme's overrides, the generator's files, every installed library,
Python and the build's date, in one digest) and, page by page, the hash of its Markdown with
what other pages need from it (its title, its anchors, the pages it links to by anchor).

The next build of the same folder starts from the previous output: the offline bundle is
built again where it is, and the website's kept pages are linked into the new website's folder
from the published one (a link, not a copy: MkDocs never writes a kept page, and every other
file is written anew). When what the pages share is the same, and no file the previous build
had is gone, `IncrementalPlugin` has MkDocs rebuild (`dirty`) only the pages whose Markdown
changed, or whose previous output is not what was built, with the pages that link by anchor to
a changed one (so MkDocs checks those links again, as a cold build does); it gives the
other pages what they showed before: their front matter (read again, for the sitemap and the
menu, as one JSON value a line when the page's last build proved that this reads what MkDocs
read), their title and their anchors; and it puts their search entries back, from the
previous index, where a cold build puts them. Every other file (the theme's, the docs' own) is
copied again. Anything else rebuilds the whole folder. A cold build runs the same plugin,
which then only records. tests/test_rebuild_equality.py proves a rebuild equals a cold build.

The plugin is handed to MkDocs in `build`'s own process only; the site source names no plugin
of ours, and builds to the same bytes without it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from generator.compiled_templates import keep_compiled
from generator.content.content_cache import generator_fingerprint
from generator.safety.built_site import Stamp, stamp
from generator.site import site_source

NAME = "health-incremental"
"""The plugin's name among MkDocs' plugins; never written in a site source."""
SEARCH_PLUGINS = ("material/search", "search")
SEARCH_INDEX = "search/search_index.json"


@dataclass(frozen=True)
class PageRecord:
    """What one page was built from, and what the other pages take from it."""

    text: str
    """The hash of the page's Markdown file, front matter included."""
    title: str | None
    """The title MkDocs took from the page's first heading, if any."""
    anchors: tuple[str, ...]
    """The ids on the page that links may point to."""
    linked: tuple[str, ...]
    """The pages this page links to by anchor (their source paths)."""
    plain: bool
    """Whether reading the front matter as one JSON value a line (`json_front_matter`) gives
    exactly what MkDocs read from it."""


@dataclass(frozen=True)
class SiteRecord:
    """What every page of one built site folder was built from."""

    inputs: str
    """The hash of what every page shares (`shared_inputs`)."""
    pages: dict[str, PageRecord]
    """Each page's record, by its source path (`conditions/muscle-twitch.md`)."""
    files: tuple[str, ...]
    """Every file of the site source's docs folder, pages included, by its path there."""

    def as_json(self) -> dict[str, Any]:
        """Return the record as plain JSON data."""
        return {"inputs": self.inputs, "files": list(self.files),
                "pages": {path: [page.text, page.title, list(page.anchors), list(page.linked),
                                 page.plain] for path, page in self.pages.items()}}

    @classmethod
    def from_json(cls, data: Any) -> SiteRecord | None:
        """Return the record that `as_json` gave, or None if the data is not one."""
        try:
            pages = {str(path): PageRecord(str(text), None if title is None else str(title),
                                           tuple(map(str, anchors)), tuple(map(str, linked)),
                                           plain is True)
                     for path, (text, title, anchors, linked, plain) in data["pages"].items()}
            return cls(str(data["inputs"]), pages, tuple(map(str, data["files"])))
        except (KeyError, TypeError, ValueError, AttributeError):
            return None


@dataclass(frozen=True)
class Previous:
    """The last build of a site folder: its record, and where its pages are."""

    record: SiteRecord
    elsewhere: Path | None = None
    """The folder that holds that build's output when it is not the folder being built into
    (the published website, whose kept pages are linked into the new one); None when the build
    writes over it in place (the offline bundle, kept in the build folder)."""
    digests: Mapping[str, str] = field(default_factory=dict)
    """The hash of each file of `elsewhere` as it was built, by its path there."""


def shared_inputs(source_dir: Path) -> str:
    """Return the hash of what every page of a site source shares.

    Its mkdocs.yml (the menu, the site's settings and words), the theme's overrides, the
    generator's files with every installed library and Python's version (which also stand
    for Material's theme), and the build's date.
    """
    digest = hashlib.sha256(generator_fingerprint().encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    digest.update((source_dir / site_source.CONFIG).read_bytes())
    theme = source_dir / site_source.THEME
    for path in sorted(theme.rglob("*")):
        if path.is_file():
            digest.update(b"\0" + path.relative_to(theme).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def docs_files(source_dir: Path) -> tuple[str, ...]:
    """Return every file of a site source's docs folder by its path there, sorted."""
    docs = source_dir / site_source.DOCS
    return tuple(sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()))


def reusable(previous: Previous | None, source_dir: Path) -> Previous | None:
    """Return the previous build if its output can be rebuilt page by page.

    Only when every page shares what it shared then, and every file of the previous site
    source is still there: a page gone would leave its old output, and links to it.
    """
    if previous is None or previous.record.inputs != shared_inputs(source_dir):
        return None
    return previous if set(previous.record.files) <= set(docs_files(source_dir)) else None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def json_front_matter(source: str) -> tuple[str, dict[str, Any]] | None:
    """Return a page's Markdown and its front matter read as one JSON value a line, the way
    generator/site/front_matter.py writes it; None if it is not written so.

    libyaml's C parser is fast, but PyYAML builds its values in Python: at 1,000 topics
    reading every kept page's front matter so took two seconds a rebuild, and `json` takes
    a tenth of that.
    """
    found = meta.YAML_RE.match(source)
    if found is None:
        return None
    values: dict[str, Any] = {}
    for line in found.group(1)[:-1].split("\n"):
        key, colon, value = line.partition(": ")
        if not colon or not _KEY.fullmatch(key) or key in values:
            return None
        try:
            values[key] = json.loads(value)
        except ValueError:
            return None
    return source[found.end():].lstrip("\n"), values


def same_data(one: Any, other: Any) -> bool:
    """Return whether two values read from front matter are the same, type for type."""
    if type(one) is not type(other):
        return False
    if isinstance(one, dict):
        return one.keys() == other.keys() and all(same_data(v, other[k]) for k, v in one.items())
    if isinstance(one, list):
        return len(one) == len(other) and all(map(same_data, one, other))
    return bool(one == other)


class _Rebuilt(File):
    """A file MkDocs writes again in a dirty build."""

    def is_modified(self) -> bool:
        """Return True: build or copy it."""
        return True


class _Kept(File):
    """A page whose previous output stays as it is."""

    def is_modified(self) -> bool:
        """Return False: neither read nor built."""
        return False


def without_dirty_warning(record: logging.LogRecord) -> bool:
    """Drop MkDocs' warning about a dirty build, which would fail a strict one: every page
    whose inputs changed is rebuilt, and the menu is part of every page's inputs."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


@dataclass
class _Build:
    """What the plugin learns about the site while MkDocs builds it."""

    pages: list[File] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    """Each page's Markdown file, as MkDocs reads it."""
    texts: dict[str, str] = field(default_factory=dict)
    """The hash of each page's Markdown file."""
    kept: set[str] = field(default_factory=set)
    stamps: dict[Path, Stamp] = field(default_factory=dict)
    """The stamp of each kept page's output, linked from the previous website."""
    entries: dict[str, list[Any]] = field(default_factory=dict)
    """The previous index's search entries, by the address of their page."""


class IncrementalPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Rebuild what changed since `previous`, or everything without it; record every page."""

    def __init__(self, inputs: str, previous: Previous | None) -> None:
        self.inputs = inputs
        self.previous = previous.record if previous else None
        self.elsewhere = previous.elsewhere if previous else None
        self.digests = previous.digests if previous else {}
        self.build = _Build()
        self.record: SiteRecord | None = None
        """The record of this build, once it has succeeded."""

    @event_priority(-100)  # after any other plugin has added or removed files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Choose the pages to rebuild; every other file is copied again."""
        build = self.build = _Build(pages=list(files.documentation_pages()))
        build.sources = {f.src_uri: f.content_string for f in build.pages}
        build.texts = {path: _digest(text) for path, text in build.sources.items()}
        if self.previous is None:
            return files
        build.kept = kept_pages(self.previous, build.texts)
        if self.elsewhere is not None:
            index = self.elsewhere / SEARCH_INDEX
            if self.digests.get(SEARCH_INDEX) != _file_digest(index):
                build.kept = set()  # its kept pages' search entries cannot be trusted
            build.kept = self._link_kept(build.kept)
        build.entries = _entries_by_page(
            (self.elsewhere or Path(config.site_dir)) / SEARCH_INDEX)
        for file in files:
            file.__class__ = _Kept if file.src_uri in build.kept else _Rebuilt
        return files

    def _link_kept(self, kept: set[str]) -> set[str]:
        """Link each kept page's previous output into the new site; return the pages linked.

        A page whose previous output is not what was built (changed by hand) is built again.
        """
        assert self.elsewhere is not None
        linked = set()
        for file in self.build.pages:
            if file.src_uri not in kept:
                continue
            earlier = self.elsewhere / file.dest_uri
            if _file_digest(earlier) != self.digests.get(file.dest_uri):
                continue
            target = Path(file.abs_dest_path)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(earlier, target)
            except OSError:  # a file system without links
                shutil.copy2(earlier, target)
            self.build.stamps[target] = stamp(target)
            linked.add(file.src_uri)
        return linked

    @property
    def kept_outputs(self) -> dict[Path, Stamp]:
        """Return the stamp of each kept page linked into the new site, to be left alone."""
        return self.build.stamps

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Give each kept page what the others read from it: front matter, title, anchors.

        The theme's templates are compiled once, not at every build (compiled_templates.py).
        """
        keep_compiled(env)
        assert self.previous is not None or not self.build.kept
        for file in self.build.pages:
            if file.src_uri in self.build.kept and (page := file.page) is not None:
                kept = self.previous.pages[file.src_uri]  # type: ignore[union-attr]
                read = json_front_matter(self.build.sources[file.src_uri]) if kept.plain else None
                if read is None:
                    page.read_source(config)
                else:
                    page.markdown, page.meta = read
                page.content = ""  # built before: its HTML is the previous build's
                page._title_from_render = kept.title
                page.present_anchor_ids = set(kept.anchors)
        return env

    @event_priority(100)  # before the search plugin writes the index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Put the kept pages' search entries back in place; record this build."""
        if self.build.kept:
            search = next((config.plugins[name] for name in SEARCH_PLUGINS
                           if name in config.plugins), None)
            if search is not None and getattr(search.config, "enabled", True):
                index = search.search_index  # type: ignore[attr-defined]
                index.entries = self._merged_entries(index.entries)
        self.record = SiteRecord(self.inputs, {file.src_uri: self._page_record(file)
                                               for file in self.build.pages},
                                 self._docs_files(config))

    def _merged_entries(self, rebuilt: list[Any]) -> list[Any]:
        """Return the search entries in a cold build's order: page by page, as built."""
        new = _by_page(rebuilt)
        merged: list[Any] = []
        for file in self.build.pages:
            if file.page is not None:
                source = self.build.entries if file.src_uri in self.build.kept else new
                merged += source.get(file.page.url, [])
        return merged

    def _page_record(self, file: File) -> PageRecord:
        if file.src_uri in self.build.kept:
            return self.previous.pages[file.src_uri]  # type: ignore[union-attr]
        page: Page | None = file.page
        assert page is not None
        read = json_front_matter(self.build.sources[file.src_uri])
        return PageRecord(self.build.texts[file.src_uri], page._title_from_render,
                          tuple(sorted(page.present_anchor_ids or ())),
                          tuple(sorted(f.src_uri for f in page.links_to_anchors or {})),
                          read is not None and same_data(read[1], page.meta)
                          and read[0] == page.markdown)

    @staticmethod
    def _docs_files(config: MkDocsConfig) -> tuple[str, ...]:
        return docs_files(Path(config.config_file_path).parent)


def kept_pages(previous: SiteRecord, texts: dict[str, str]) -> set[str]:
    """Return the pages whose previous output stays: the same Markdown as then, and no link
    by anchor to a page that is rebuilt (so that MkDocs checks that link again)."""
    same = {path for path, text in texts.items()
            if (before := previous.pages.get(path)) is not None and before.text == text}
    return {path for path in same
            if all(linked in same for linked in previous.pages[path].linked)}


def _entries_by_page(index: Path) -> dict[str, list[Any]]:
    """Return a search index's entries by the address of their page ({} without one)."""
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))["docs"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return _by_page(entries)


def _by_page(entries: Iterable[Any]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for entry in entries:
        found.setdefault(str(entry["location"]).split("#", 1)[0], []).append(entry)
    return found
