"""The conductor: load the content once, render it once, and return one built value.

Every consumer (the MkDocs builds, `export`, tests) takes this value; none loads the content
again. From it `site_source` makes the whole site as a builder reads it, for each output
(generator/site/site_source.py). It never imports MkDocs, so another site builder can take the same
site.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from generator import wording
from generator.content.content_cache import ContentCache
from generator.content.project import Project, load_project
from generator.site import alternates, front_matter, views
from generator.site.front_matter import FrontMatter
from generator.site.navigation import NavEntry, site_nav
from generator.site.render import Pages, render_files, render_pages
from generator.site.site_source import Builder, SiteSource, assemble
from generator.wording import Wording


@dataclass(frozen=True)
class RenderedSite:
    """The validated content of one site and every file made from it."""

    project: Project
    bodies: Pages
    """Each page's Markdown after its front matter, keyed by its path in the site, like
    `conditions/muscle-twitch.md`."""
    front_matter: dict[str, FrontMatter]
    """Each page's front matter values, by the same path."""
    files: Pages
    """Other generated files, such as robots.txt and the oEmbed files."""
    nav: list[NavEntry]
    """The site's navigation, in MkDocs' `nav` format."""
    large: bool
    """Whether the site has so many topics that its lists and menus go by letter, decided once
    here for every page and menu (`views.is_large`)."""
    build_epoch: int
    """The build's date as a Unix time: the same input gives the same output."""
    words: Wording
    """The words of the site's locale that are not content (generator/wording.py)."""
    folder: str = ""
    """The folder this language's site is published in: empty for the site's own language,
    `es/` for its Spanish translation."""
    translations: tuple[RenderedSite, ...] = ()
    """The site in each of its other languages, rendered with that language's words, each
    published in its language's folder (`es/`); none for a translation itself."""

    @property
    def editions(self) -> tuple[RenderedSite, ...]:
        """Return the site in every language, its own first."""
        return (self, *self.translations)

    @cached_property
    def pages(self) -> Pages:
        """Return the whole Markdown pages, front matter first, as `export` writes them."""
        return {path: front_matter.page(self.front_matter[path], body)
                for path, body in self.bodies.items()}


def render_content(content_dir: Path, *, build_epoch: int | None = None,
                   large_from: int = views.LARGE_SITE_FROM,
                   site_url: str | None = None,
                   today: datetime.date | None = None,
                   words: Wording | None = None,
                   cache: ContentCache | None = None) -> RenderedSite:
    """Load and check the content, then render every page, raising `ContentErrors` on mistakes.

    The build's date is `build_epoch` when given (SOURCE_DATE_EPOCH), else the newest review
    date in the content, so that two builds of the same content are byte-identical.
    From `large_from` topics on, the site takes its large layout (`views.LARGE_SITE_FROM`).
    `site_url` (the build's `--site-url`) is the address the site is published at; it
    replaces `url` in site.yml, and raises ValueError when it is not usable. A review date
    after `today` (by default the real today) is a mistake. The words that are not content
    are the catalog's for the site's locale, unless `words` are given (the pseudo-locale test).
    The content is loaded with `cache` (the preview's, kept across its rebuilds), or else with
    a new one filled from the last build's cache file.
    """
    project = load_project(content_dir, today=today, cache=cache)
    if site_url:
        project = project.published_at(site_url)
    large = views.is_large(project.conditions, large_from)
    epoch = project.latest_review_epoch if build_epoch is None else build_epoch
    translations = tuple(
        _render(translation, large=large, epoch=epoch,
                words=words or wording.for_locale(translation.site.locale),
                original=project)
        for translation in project.translations)
    rendered = dataclasses.replace(
        _render(project, large=large, epoch=epoch,
                words=words or wording.for_locale(project.site.locale)),
        translations=translations)
    return alternates.with_languages(rendered) if translations else rendered


def _render(project: Project, *, large: bool, epoch: int, words: Wording,
            original: Project | None = None) -> RenderedSite:
    """Render the site in one language; `original` is the site it is a translation of."""
    bodies, values = render_pages(project, large=large, words=words, original=original)
    return RenderedSite(
        folder=f"{project.language}/" if original else "",
        project=project,
        bodies=bodies,
        front_matter=values,
        files=render_files(project, words, original=original),
        nav=site_nav(project, large=large, words=words),
        large=large,
        build_epoch=epoch,
        words=words,
    )


def site_source(rendered: RenderedSite, config_file: Path, *, offline: bool = False,
                builder: Builder = "mkdocs") -> SiteSource:
    """Return the whole site in one language as `builder` reads it: the website, or the
    offline bundle.

    `config_file` is the project's mkdocs.yml, which holds the theme's settings. Raises
    SiteSourceError when it cannot be read or an npm asset is missing.
    """
    return assemble(rendered.project, rendered.bodies, rendered.front_matter, rendered.files,
                    rendered.nav, config_file, words=rendered.words, offline=offline,
                    builder=builder, folder=rendered.folder)


def site_sources(rendered: RenderedSite, config_file: Path, *, offline: bool = False,
                 builder: Builder = "mkdocs") -> dict[str, SiteSource]:
    """Return the site source of every language, by the folder its site is built into:
    `` for the site's own language, `es/` for Spanish (each built on its own, the
    translations inside the first's folder)."""
    return {edition.folder: site_source(edition, config_file, offline=offline, builder=builder)
            for edition in rendered.editions}
