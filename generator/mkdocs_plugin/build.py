"""Build the site with MkDocs into a temporary folder, then swap it into place."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def build_site(config_file: Path, site_dir: Path, *, strict: bool = True) -> None:
    """Build the site into `site_dir`; on any failure the old `site_dir` is left as it was."""
    _show_mkdocs_messages()
    with _replace_dir_on_success(site_dir) as staging:
        config = load_config(str(config_file), site_dir=str(staging), strict=strict)
        build(config)


@contextmanager
def _replace_dir_on_success(target: Path) -> Iterator[Path]:
    """Yield an empty folder beside `target`; swap it in only when the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
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
