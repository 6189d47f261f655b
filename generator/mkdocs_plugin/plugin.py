"""Add the pages generated from `content/` to a MkDocs build, in memory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.errors import ContentErrors
from generator.mkdocs_plugin.config import HealthContentConfig
from generator.navigation import site_nav
from generator.project import load_project
from generator.render import Pages, render_files, render_site


class HealthContentPlugin(BasePlugin[HealthContentConfig]):  # type: ignore[no-untyped-call]
    """Validate the content, render it to Markdown and hand the pages to MkDocs."""

    def __init__(self) -> None:
        self.pages: Pages = {}
        self.files: Pages = {}

    def content_dir(self, config: MkDocsConfig) -> Path:
        """Return the content folder, relative to mkdocs.yml."""
        return Path(config.config_file_path).parent / self.config.content_dir

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load the content, and take the site's name and settings from it."""
        try:
            project = load_project(self.content_dir(config))
        except ContentErrors as errors:
            raise PluginError(errors.report()) from None
        self.pages = render_site(project)
        self.files = render_files(project)
        # MkDocs templates print these values without escaping them, so they go in as
        # already-escaped Markup: printed raw it is safe, and `| e` leaves it alone.
        config.nav = config.nav or _escaped(site_nav(project))
        site = project.site
        config.site_name = escape(site.title)
        config.site_description = escape(site.description)
        config.site_url = config.site_url or site.url
        config.copyright = escape(f"Published by {site.publisher}")
        config.extra["health"] = {
            "emergency_message": escape(site.emergency.message),
            "emergency_number": escape(site.emergency_number),
        }
        return config

    def on_page_markdown(self, markdown: str, *, page: Page, **kwargs: Any) -> str:
        """Escape the title and description the page's front matter gave MkDocs."""
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        return markdown

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add every generated page, replacing any file at the same path."""
        root = Path(config.config_file_path).parent
        generated = [File.generated(config, path, content=text)
                     for path, text in {**self.pages, **self.files}.items()]
        for target, source in self.config.npm_assets.items():
            if not (root / source).is_file():
                raise PluginError(f"{source} is missing: run `npm ci` (or `make site`) first.")
            generated.append(File.generated(config, target, abs_src_path=str(root / source)))
        for file in generated:
            existing = files.get_file_from_path(file.src_uri)
            if existing is not None:
                files.remove(existing)
            files.append(file)
        return files

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild the preview whenever a content file changes."""
        server.watch(str(self.content_dir(config)))
        return server


def _escaped(nav: Any) -> Any:
    """Return a nav structure with every title escaped."""
    if isinstance(nav, list):
        return [_escaped(item) for item in nav]
    if isinstance(nav, dict):
        return {escape(title): _escaped(value) for title, value in nav.items()}
    return nav
