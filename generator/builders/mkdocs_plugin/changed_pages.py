"""Tell `mkdocs serve --dirty` (`make serve`) which generated pages an edit changed.

MkDocs rebuilds a page in a dirty build only when its file says it was modified; a generated
page has no file to date, so each one is compared with what this process last wrote for it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

_BUILT: dict[tuple[str, str], int] = {}
"""The hash of each page's text as last written in this process, by site folder and path."""


class _GeneratedFile(File):
    """A generated page that knows whether it changed since this process last wrote it."""

    changed = True

    def is_modified(self) -> bool:
        """Return whether the page must be built again."""
        return self.changed or not Path(self.abs_dest_path).is_file()


def generated_file(config: MkDocsConfig, path: str, text: str) -> File:
    """Return a generated file (a whole page, front matter first, or another file)."""
    file = _GeneratedFile.generated(config, path, content=text)
    assert isinstance(file, _GeneratedFile)
    key, built = (config.site_dir, path), hash(text)
    file.changed = _BUILT.get(key) != built
    # Recorded now, and forgotten if the build fails, so a failed build never hides a page.
    _BUILT[key] = built
    return file


def forget_built_pages() -> None:
    """Build every page again next time."""
    _BUILT.clear()


def without_dirty_warning(record: logging.LogRecord) -> bool:
    """Drop MkDocs' warning about `--dirty`: the generated pages report their own changes.

    Its "inaccurate navigation" would alarm a writer for no reason; the preview says in its
    place what does wait for a restart.
    """
    return not record.getMessage().startswith("A 'dirty' build is being performed")
