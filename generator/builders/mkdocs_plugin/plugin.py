"""Preview the site with `mkdocs serve`: the site source in memory, its mistakes, its reloads.

`build` and `export` need no plugin: MkDocs builds the site source (generator/site/site_source.py)
as it is. The preview hands MkDocs the same pages and settings in memory, renders them again
after every edit, shows the last good site with the content's mistakes above every page, and
secures each page as `build` does, with the live-reload script allowed.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import generator.site
from generator.builders.mkdocs_plugin import changed_pages, mistakes
from generator.builders.mkdocs_plugin.config import HealthContentConfig
from generator.builders.mkdocs_plugin.template_cache import keep_compiled_templates
from generator.content.content_cache import ContentCache
from generator.errors import ContentErrors
from generator.pipeline import render_content, site_source
from generator.safety.built_site import UnsafePages, secured_page
from generator.site import routes
from generator.site.site_source import SiteSource, SiteSourceError
from generator.site.views import missing_address_notice

log = logging.getLogger("mkdocs.plugins.health_content")


class HealthContentPlugin(BasePlugin[HealthContentConfig]):  # type: ignore[no-untyped-call]
    """Hand MkDocs the site source in memory, again after every edit."""

    def __init__(self) -> None:
        self.source: SiteSource | None = None
        """The last site source without content mistakes, which the preview keeps showing."""
        self.mistakes: ContentErrors | None = None
        """The content's current mistakes, shown on every page until they are fixed."""
        self.showed_mistakes = False
        """Whether the last build listed mistakes: its pages must all be built again."""
        self.live_reload = False
        self.cache = ContentCache()
        """What the content was parsed and checked into, kept across the preview's rebuilds."""
        self.built = changed_pages.BuiltPages()
        """What each page was when this preview last wrote it, for `mkdocs serve --dirty`."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Note whether this is `mkdocs serve`; it saves the content cache when it stops."""
        self.live_reload = command == "serve"
        self.cache.save_every_load = not self.live_reload
        if self.live_reload and dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(changed_pages.without_dirty_warning)
            log.info("The preview rebuilds only the pages an edit changes. Other pages' menus "
                     "show a renamed page when the preview is started again.")

    def on_shutdown(self) -> None:
        """Save what the preview's rebuilds added to the content cache."""
        self.cache.save_pending()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Render the content and put the site's settings in, as the site source has them.

        With mistakes, a failed build would leave `mkdocs serve` waiting for a good one, every
        page request hanging, so the preview builds the last good site (or a notice) instead.
        """
        config_file = Path(config.config_file_path)
        try:
            rendered = render_content(config_file.parent / self.config.content_dir,
                                      cache=self.cache)
            self.source = site_source(rendered, config_file)
            self.mistakes = None
            # `build` says this itself, and runs MkDocs without this plugin.
            if not rendered.project.site.url and (notice := missing_address_notice(
                    rendered.project)):
                log.info(notice)
        except ContentErrors as errors:
            if not self.live_reload:
                raise PluginError(errors.report()) from None
            log.error(errors.report())
            self.mistakes = errors
        except SiteSourceError as error:
            raise PluginError(str(error)) from None
        if self.source is None:  # content that never loaded: only the notice is shown
            mistakes.show_no_site(config)
            return config
        # As site_source does for `build`: the content's values over mkdocs.yml's, `extra` merged.
        config.extra.update(self.source.settings["extra"])
        config.update({k: v for k, v in self.source.settings.items() if k != "extra"})
        # The palette toggles' names, from the catalog.
        if "palette" in (theme := self.source.config.get("theme") or {}):
            config.theme["palette"] = theme["palette"]
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Publish the site source's pages and files, and nothing from the docs folder."""
        if self.mistakes is not None or self.showed_mistakes:
            self.built.forget()  # every page gains, or loses, the notice
        self.showed_mistakes = self.mistakes is not None
        if (source := self.source) is None:
            return self.built.publish(files, config, {routes.HOME: mistakes.NO_SITE_PAGE}, {})
        return self.built.publish(files, config, {**source.pages, **source.files}, source.assets)

    def on_page_markdown(self, markdown: str, *, page: Page, **kwargs: Any) -> str:
        """List the content's mistakes above the page."""
        if self.mistakes is not None:
            return mistakes.notice(self.mistakes, shown_site=self.source is not None) + markdown
        return markdown

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Compile each theme template once a process, not once a build (see template_cache)."""
        return keep_compiled_templates(env)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Secure the page as `build` does; `mkdocs serve` adds its own inline script."""
        return self._secured(output, page.file.src_uri, config)

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        """Secure the theme's own HTML pages (404.html) too."""
        if not template_name.endswith(".html"):
            return output_content
        return self._secured(output_content, template_name, config)

    def _secured(self, html: str, name: str, config: MkDocsConfig) -> str:
        try:
            return secured_page(html, name, config.site_url, live_reload=self.live_reload)
        except UnsafePages as unsafe:
            raise PluginError(str(unsafe)) from None

    def on_build_error(self, *, error: Exception) -> None:
        """Build every page again next time: this build may have stopped half-way."""
        self.built.forget()

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild the preview whenever content, a page template or an override changes."""
        server.watch(str(Path(config.config_file_path).parent / self.config.content_dir))
        server.watch(str(Path(generator.site.__file__).parent / "templates"))
        if config.theme.custom_dir:  # MkDocs watches theme files only with --watch-theme
            server.watch(config.theme.custom_dir)
        return server
