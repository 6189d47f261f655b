"""Settings of the health-content MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class HealthContentConfig(Config):  # type: ignore[no-untyped-call]
    """Where the content lives, and which npm files to copy, relative to mkdocs.yml."""

    content_dir = c.Type(str, default="content")
    npm_assets = c.Type(dict, default={})
    """Site path → file under node_modules/ (relative to mkdocs.yml), copied into the site."""
