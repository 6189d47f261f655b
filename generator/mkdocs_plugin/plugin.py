"""Add the pages generated from `content/` to a MkDocs build, in memory."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import generator
from generator import content_cache, front_matter
from generator.contact import contact_links
from generator.csp import publishable_page
from generator.errors import ContentErrors
from generator.mkdocs_plugin.config import HealthContentConfig
from generator.mkdocs_plugin.template_cache import keep_compiled_templates
from generator.models import Contact
from generator.pipeline import RenderedSite, render_content
from generator.views import missing_address_notice, plain_page_path, search_help_links

log = logging.getLogger("mkdocs.plugins.health_content")


class HealthContentPlugin(BasePlugin[HealthContentConfig]):  # type: ignore[no-untyped-call]
    """Hand the rendered content to MkDocs: its pages, settings and nothing else."""

    def __init__(self) -> None:
        self.prepared: RenderedSite | None = None
        """Set by `python -m generator build`, which has loaded and rendered the content once.
        Left empty when MkDocs runs on its own (`mkdocs serve`, `mkdocs build`)."""
        self.rendered: RenderedSite | None = None
        self.live_reload = False
        self.last_good: RenderedSite | None = None
        """The last content without mistakes, which the preview keeps showing."""
        self.mistakes: ContentErrors | None = None
        """The preview's current content mistakes, shown on every page until they are fixed."""
        self.showed_mistakes = False
        """Whether the last build listed mistakes: its pages must all be built again."""

    def content_dir(self, config: MkDocsConfig) -> Path:
        """Return the content folder, relative to mkdocs.yml."""
        return Path(config.config_file_path).parent / self.config.content_dir

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Take the rendered content, loading it only when MkDocs runs on its own."""
        self.rendered = self.prepared or self._render(self.content_dir(config))
        if self.rendered is None:
            # A preview of content that never loaded: only the page listing the mistakes.
            config.nav = []
            config.extra["health"] = {"emergency_message": "", "emergency_number": ""}
            return config
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
            # Source paths: `on_files` makes them addresses of this build (website or offline).
            "footer_links": [{"title": p.title, "path": plain_page_path(p)}
                             for p in project.pages],
            "search_help": search_help_links(project),
            "contact": _footer_contact(site.contact),
        }
        offline = config.plugins.get("material/offline")
        notice = missing_address_notice(project)
        # `python -m generator build` says it once itself; MkDocs on its own says it here.
        if self.prepared is None and notice and not config.site_url and not (
                offline and offline.config.enabled):
            log.info(notice)
        return config

    def _render(self, content_dir: Path) -> RenderedSite | None:
        """Render the content; in the preview, keep the last good site when it has mistakes.

        A failed build would leave `mkdocs serve` waiting for a good one, with every page
        request hanging, so the preview builds the last good site (or an error page) instead.
        """
        try:
            self.last_good = render_content(content_dir)
            self.mistakes = None
        except ContentErrors as errors:
            if not self.live_reload:
                raise PluginError(errors.report()) from None
            log.error(errors.report())
            self.mistakes = errors
        return self.last_good

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """Give MkDocs a generated page's body alone: we have its front matter values already.

        MkDocs would read them back with its pure-Python YAML parser, one of the slowest steps
        of a large build; `on_page_markdown` sets them instead. An empty block (`{}`) stops
        MkDocs from reading the page's first lines as MultiMarkdown metadata.
        """
        if self.rendered is None or page.file.src_uri not in self.rendered.front_matter:
            return None
        return "---\n{}\n---\n" + page.file.content_string  # the page's body (`on_files`)

    def on_page_markdown(self, markdown: str, *, page: Page, files: Files,
                         **kwargs: Any) -> str:
        """Set the page's front matter values, with its title and description escaped.

        A page's own menu names pages by source path: give each link its page's address.
        """
        if self.rendered is not None and page.file.src_uri in self.rendered.front_matter:
            page.meta = dict(self.rendered.front_matter[page.file.src_uri])  # ours to change
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        if isinstance(page.meta.get("menu"), dict):
            page.meta["menu"] = _menu_links(page.meta["menu"], files)
        if self.mistakes is not None:
            return mistakes_notice(self.mistakes, shown_site=self.rendered is not None) + markdown
        return markdown

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Compile each theme template once a process, not once a build (see template_cache)."""
        return keep_compiled_templates(env)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Publish the generated pages and the npm assets, and nothing from the docs folder."""
        root = Path(config.config_file_path).parent
        if self.mistakes is not None or self.showed_mistakes:
            _forget_built_pages()  # every page gains, or loses, the list of mistakes
        self.showed_mistakes = self.mistakes is not None
        for stray in [f for f in files if f.generated_by is None and _in(f, config.docs_dir)]:
            # docs_dir holds nothing publishable: whatever lands there is never copied.
            files.remove(stray)
        rendered = ({**self.rendered.bodies, **self.rendered.files} if self.rendered
                    else {"index.md": "# The content has mistakes\n"})
        values = self.rendered.front_matter if self.rendered else {}
        generated: list[File] = [_changed_since_last_build(config, path, text, values.get(path))
                                 for path, text in rendered.items()]
        for target, source in self.config.npm_assets.items():
            if not (root / source).is_file():
                raise PluginError(f"{source} is missing: run `npm ci` (or `make site`) first.")
            generated.append(File.generated(config, target, abs_src_path=str(root / source)))
        for file in generated:
            existing = files.get_file_from_path(file.src_uri)
            if existing is not None:
                files.remove(existing)
            files.append(file)
        health = config.extra["health"]
        for key in ("footer_links", "search_help"):
            if key in health:
                health[key] = [_link(entry, files) for entry in health[key]]
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Leave out the sitemap without a site address: it may only list full addresses."""
        if not config.site_url:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (Path(config.site_dir) / name).unlink(missing_ok=True)

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        """Date the page with the build's date (for the sitemap), not the clock's."""
        if self.rendered is not None:
            page.update_date = self.rendered.build_date
        return page

    def on_build_error(self, *, error: Exception) -> None:
        """Build every page again next time: this build may have stopped half-way."""
        _forget_built_pages()

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild the preview whenever content or a page template changes."""
        server.watch(str(self.content_dir(config)))
        server.watch(str(Path(generator.__file__).parent / "templates"))
        if config.theme.custom_dir:
            # MkDocs watches theme files only with --watch-theme; overrides are ours to edit.
            server.watch(config.theme.custom_dir)
        return server

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Note whether this is `mkdocs serve`, whose live reload runs an inline script.

        The preview also saves the content cache when it stops rather than after every rebuild.
        """
        self.live_reload = command == "serve"
        content_cache.CACHE.save_every_load = not self.live_reload
        if self.live_reload and dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_without_dirty_warning)
            log.info("The preview rebuilds only the pages an edit changes. Other pages' menus "
                     "show a renamed page when the preview is started again.")

    def on_shutdown(self) -> None:
        """Save what the preview's rebuilds added to the content cache."""
        content_cache.save_pending()

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
        try:
            page = publishable_page(html, config.site_url, live_reload=self.live_reload)
        except ValueError as error:
            raise PluginError(f"{name}: {error}.") from None
        if page.problems:
            raise PluginError(f"{name}: the built page is not safe to publish:\n  "
                              + "\n  ".join(page.problems))
        return page.html


def _without_dirty_warning(record: logging.LogRecord) -> bool:
    """Drop MkDocs' warning about `--dirty`: this plugin knows which pages changed.

    Its generated pages report their own changes (`_GeneratedFile`), so the warning's
    "inaccurate navigation" would alarm a writer for no reason; the preview says in its place
    what does wait for a restart.
    """
    return not record.getMessage().startswith("A 'dirty' build is being performed")


_BUILT: dict[tuple[str, str], tuple[int, front_matter.FrontMatter | None]] = {}
"""Each page as last written in this process (its text's hash and its front matter values),
by site folder and page path."""


class _GeneratedFile(File):
    """A generated page that knows whether it changed since this process last wrote it.

    `mkdocs serve --dirty` (`make serve`) then rebuilds only the pages an edit changed.
    """

    changed = True

    def is_modified(self) -> bool:
        """Return whether the page must be built again."""
        return self.changed or not Path(self.abs_dest_path).is_file()


def _changed_since_last_build(config: MkDocsConfig, path: str, text: str,
                              values: front_matter.FrontMatter | None) -> File:
    """Return a generated file (a page's body and its front matter values, or another file)."""
    file = _GeneratedFile.generated(config, path, content=text)
    assert isinstance(file, _GeneratedFile)
    key, built = (config.site_dir, path), (hash(text), values)
    file.changed = _BUILT.get(key) != built
    # Recorded now, and forgotten if the build fails, so a failed build never hides a page.
    _BUILT[key] = built
    return file


def _forget_built_pages() -> None:
    _BUILT.clear()


def mistakes_notice(errors: ContentErrors, *, shown_site: bool) -> str:
    """Return Markdown that lists the content's mistakes above a preview page."""
    count = len(errors.errors)
    title = f"The content has {count} mistake{'s' if count != 1 else ''}"
    then = ("This preview shows the last version without mistakes."
            if shown_site else "The preview will show the site once they are fixed.")
    listing = "\n".join(f"        {line}" for line in errors.report().splitlines())
    return (f'!!! failure content-mistakes "{title}"\n\n    Fix them and save the file: the '
            f"page reloads by itself. {then}\n\n{listing}\n\n")


def _in(file: File, folder: str) -> bool:
    return file.abs_src_path is not None and Path(file.abs_src_path).is_relative_to(folder)


def _menu_links(menu: dict[str, Any], files: Files) -> dict[str, Any]:
    """Return a page menu with each link's title escaped and its source path made an address."""
    return {"section": _link(menu["section"], files) if menu["section"] else None,
            "letters": [_link(e, files) for e in menu["letters"]],
            "related": [_link(e, files) for e in menu["related"]]}


def _link(entry: dict[str, str], files: Files) -> dict[str, Any]:
    """Return a link to a page, named by its source path, as its title (escaped) and address.

    The address is the page's in this build: `pages/about/` on the website, `pages/about.html`
    in the offline bundle, where a folder's address would open a file listing.
    """
    target = files.get_file_from_path(entry["path"])
    if target is None:
        raise PluginError(f"A link goes to {entry['path']}, which is not a page.")
    return {"title": escape(entry["title"]), "url": target.url}


def _footer_contact(contact: Contact | None) -> dict[str, Any] | None:
    """Return the footer's contact line: its sentence and links, escaped (None without one)."""
    if contact is None:
        return None
    return {"description": escape(contact.description),
            "links": [{"label": escape(link.label), "text": escape(link.text),
                       "href": escape(link.href)} for link in contact_links(contact)]}


def _escaped(nav: Any) -> Any:
    """Return a nav structure with every title escaped."""
    if isinstance(nav, list):
        return [_escaped(item) for item in nav]
    if isinstance(nav, dict):
        return {escape(title): _escaped(value) for title, value in nav.items()}
    return nav
