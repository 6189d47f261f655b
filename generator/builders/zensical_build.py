"""Build a site source with Zensical, Material's successor, instead of MkDocs.

Zensical reads the mkdocs.yml that generator/site/site_source.py writes for it, and runs no MkDocs
plugin: its own Rust builder renders the pages with Material's theme and our overrides. Each
built site then takes the same guard and Content-Security-Policy pass as MkDocs' before the
atomic swap (generator/builders/mkdocs_plugin/build.py). What it does not do as MkDocs
does is said in LIMITS, which `build --builder zensical` prints, and in the README's table.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click
import zensical
from zensical.config import get_config

from generator.builders.mkdocs_plugin.build import Builder, BuilderFailed
from generator.safety import built_site
from generator.site import site_source

BUILT = "site"
"""Where Zensical writes the site: it must be inside the site source's folder."""

LIMITS = ("Zensical 0.0.73 cannot do everything MkDocs does here: its search dialog is unstyled "
          "(our Content-Security-Policy blocks the styles its script adds), speaks English "
          "whatever the site's language, has no help for a search that finds nothing, loads "
          "the index with every page and finds nothing from file:// in the offline bundle; "
          "see README.md, Zensical.")
"""What Zensical's site lacks beside MkDocs', in one line for `build` to print."""


def build_site(source_dir: Path, site_dir: Path, previous: object = None) -> None:
    """Build a site source with strict Zensical, then secure and check every page it built.

    Zensical keeps no record between builds here: each of its builds is a cold one.
    """
    config_file = (source_dir / site_source.CONFIG).resolve()
    try:
        zensical.build(str(config_file), {"strict": True, "clean": True})
    except (RuntimeError, click.ClickException) as error:
        message = error.format_message() if isinstance(error, click.ClickException) else error
        raise BuilderFailed(f"Zensical could not build {config_file.as_posix()}: {message}") \
            from None
    site_url = get_config().get("site_url")
    _move_children(source_dir / BUILT, site_dir)
    if not site_url:  # a sitemap may only list full addresses, as with MkDocs
        (site_dir / "sitemap.xml").unlink(missing_ok=True)
    built_site.secure_site(site_dir, site_url)


def _move_children(built: Path, target: Path) -> None:
    """Put what Zensical built into `target`, which is missing or empty."""
    target.mkdir(parents=True, exist_ok=True)
    for child in sorted(built.iterdir()):
        shutil.move(child, target / child.name)


ZENSICAL = Builder("zensical", build_site)
