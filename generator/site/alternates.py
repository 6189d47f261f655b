"""The same page in each language: what the language switcher and `hreflang` links point to.

A translation has the same id, and so the same path, as its original (`conditions/x.md` in
English and in Spanish), so a page's counterpart in another language is the page at its path
in that language's site, when there is one. A page with none leads to that language's home
page instead, and names no `hreflang` alternate: alternates always come in pairs, each page
naming the other (generator/site/site_source.py makes them addresses for each output).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from generator import languages
from generator.site import routes

if TYPE_CHECKING:
    from generator.pipeline import RenderedSite


def with_languages(rendered: RenderedSite) -> RenderedSite:
    """Return the rendered site with every page of every language listing each language's
    version of it, under `languages` in its front matter."""
    editions = rendered.editions
    listed = [dataclasses.replace(edition, front_matter={
        path: {**values, "languages": page_languages(path, edition, editions)}
        for path, values in edition.front_matter.items()}) for edition in editions]
    return dataclasses.replace(listed[0], translations=tuple(listed[1:]))


def page_languages(path: str, current: RenderedSite,
                   editions: tuple[RenderedSite, ...]) -> list[dict[str, Any]]:
    """Return the versions of the page at `path` in every language, the site's own first."""
    return [{"code": edition.project.language,
             "locale": edition.project.site.locale,
             "name": languages.rules(edition.project.language).name,
             "folder": edition.folder,
             "path": path if path in edition.bodies else routes.HOME,
             "counterpart": path in edition.bodies,
             "current": edition is current}
            for edition in editions]
