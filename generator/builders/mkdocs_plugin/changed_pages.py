"""Hand MkDocs the preview's pages in memory, and tell `mkdocs serve --dirty` which ones changed.

MkDocs rebuilds a page in a dirty build only when its file says it was modified; a generated
page has no file to date, so each one is compared with what this preview last wrote for it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


class _GeneratedFile(File):
    """A generated page that knows whether it changed since this preview last wrote it."""

    changed = True

    def is_modified(self) -> bool:
        """Return whether the page must be built again."""
        return self.changed or not Path(self.abs_dest_path).is_file()


@dataclass
class BuiltPages:
    """The hash of each page's text as last written by one preview, by site folder and path."""

    built: dict[tuple[str, str], int] = field(default_factory=dict)

    def publish(self, files: Files, config: MkDocsConfig, texts: Mapping[str, str],
                assets: Mapping[str, Path]) -> Files:
        """Put these pages, files and assets in place of the docs folder's own files."""
        for stray in [f for f in files if f.generated_by is None and f.abs_src_path
                      and Path(f.abs_src_path).is_relative_to(config.docs_dir)]:
            files.remove(stray)
        generated = [self.generated_file(config, path, text) for path, text in texts.items()]
        generated += [File.generated(config, path, abs_src_path=str(origin))
                      for path, origin in assets.items()]
        for file in generated:
            if (existing := files.get_file_from_path(file.src_uri)) is not None:
                files.remove(existing)
            files.append(file)
        return files

    def generated_file(self, config: MkDocsConfig, path: str, text: str) -> File:
        """Return a generated file (a whole page, front matter first, or another file)."""
        file = _GeneratedFile.generated(config, path, content=text)
        assert isinstance(file, _GeneratedFile)
        key, built = (config.site_dir, path), hash(text)
        file.changed = self.built.get(key) != built
        # Recorded now, and forgotten if the build fails, so a failed build never hides a page.
        self.built[key] = built
        return file

    def forget(self) -> None:
        """Build every page again next time."""
        self.built.clear()


def without_dirty_warning(record: logging.LogRecord) -> bool:
    """Drop MkDocs' warning about `--dirty`: the generated pages report their own changes.

    Its "inaccurate navigation" would alarm a writer for no reason; the preview says in its
    place what does wait for a restart.
    """
    return not record.getMessage().startswith("A 'dirty' build is being performed")
