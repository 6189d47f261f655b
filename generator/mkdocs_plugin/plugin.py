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

import generator
from generator.errors import ContentErrors
from generator.mkdocs_plugin.config import HealthContentConfig
from generator.pipeline import RenderedSite, render_content


class HealthContentPlugin(BasePlugin[HealthContentConfig]):  # type: ignore[no-untyped-call]
    """Hand the rendered content to MkDocs: its pages, settings and nothing else."""

    def __init__(self) -> None:
        self.prepared: RenderedSite | None = None
        """Set by `python -m generator build`, which has loaded and rendered the content once.
        Left empty when MkDocs runs on its own (`mkdocs serve`, `mkdocs build`)."""
        self.rendered: RenderedSite | None = None

    def content_dir(self, config: MkDocsConfig) -> Path:
        """Return the content folder, relative to mkdocs.yml."""
        return Path(config.config_file_path).parent / self.config.content_dir

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Take the rendered content, loading it only when MkDocs runs on its own."""
        self.rendered = self.prepared or _render(self.content_dir(config))
        project = self.rendered.project
        # MkDocs templates print these values without escaping them, so they go in as
        # already-escaped Markup: printed raw it is safe, and `| e` leaves it alone.
        config.nav = config.nav or _escaped(self.rendered.nav)
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

    def on_page_markdown(self, markdown: str, *, page: Page, files: Files,
                         **kwargs: Any) -> str:
        """Escape the title and description the page's front matter gave MkDocs.

        A page's own menu names pages by source path: give each link its page's address.
        """
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        if isinstance(page.meta.get("menu"), dict):
            page.meta["menu"] = _menu_links(page.meta["menu"], files)
        return markdown

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Publish the generated pages and the npm assets, and nothing from the docs folder."""
        assert self.rendered is not None  # set in on_config
        root = Path(config.config_file_path).parent
        for stray in [f for f in files if f.generated_by is None and _in(f, config.docs_dir)]:
            # docs_dir holds nothing publishable: whatever lands there is never copied.
            files.remove(stray)
        rendered = {**self.rendered.pages, **self.rendered.files}
        generated = [File.generated(config, path, content=text) for path, text in rendered.items()]
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

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        """Date the page with the build's date (for the sitemap), not the clock's."""
        assert self.rendered is not None
        page.update_date = self.rendered.build_date
        return page

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild the preview whenever content or a page template changes."""
        server.watch(str(self.content_dir(config)))
        server.watch(str(Path(generator.__file__).parent / "templates"))
        return server

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Note whether this is `mkdocs serve`, whose live reload runs an inline script."""
        self.live_reload = command == "serve"

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Add the page's Content-Security-Policy; refuse the page if anything in it is unsafe."""
        return self._publishable(output, page.file.src_uri, config)

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        """Treat the theme's own HTML pages (404.html) like every other page."""
        if not template_name.endswith(".html"):
            return output_content
        return self._publishable(output_content, template_name, config)

    def _publishable(self, html: str, name: str, config: MkDocsConfig) -> str:
        from generator.csp import secure_page
        from generator.output_guard import find_problems

        try:
            secured = secure_page(html, live_reload=getattr(self, "live_reload", False))
        except ValueError as error:
            raise PluginError(f"{name}: {error}.") from None
        problems = find_problems(secured, config.site_url)
        if problems:
            raise PluginError(f"{name}: the built page is not safe to publish:\n  "
                              + "\n  ".join(problems))
        return secured


def _render(content_dir: Path) -> RenderedSite:
    try:
        return render_content(content_dir)
    except ContentErrors as errors:
        raise PluginError(errors.report()) from None


def _in(file: File, folder: str) -> bool:
    return file.abs_src_path is not None and Path(file.abs_src_path).is_relative_to(folder)


def _menu_links(menu: dict[str, Any], files: Files) -> dict[str, Any]:
    """Return a page menu with each link's title escaped and its source path made an address."""
    def link(entry: dict[str, str]) -> dict[str, Any]:
        target = files.get_file_from_path(entry["path"])
        if target is None:
            raise PluginError(f"The menu links to {entry['path']}, which is not a page.")
        return {"title": escape(entry["title"]), "url": target.url}

    return {"section": link(menu["section"]) if menu["section"] else None,
            "letters": [link(e) for e in menu["letters"]],
            "related": [link(e) for e in menu["related"]]}


def _escaped(nav: Any) -> Any:
    """Return a nav structure with every title escaped."""
    if isinstance(nav, list):
        return [_escaped(item) for item in nav]
    if isinstance(nav, dict):
        return {escape(title): _escaped(value) for title, value in nav.items()}
    return nav
