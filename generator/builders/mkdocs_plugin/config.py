"""Settings of the health-content MkDocs plugin, which only the preview needs."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class HealthContentConfig(Config):  # type: ignore[no-untyped-call]
    """Where the content lives, relative to mkdocs.yml."""

    content_dir = c.Type(str, default="content")
