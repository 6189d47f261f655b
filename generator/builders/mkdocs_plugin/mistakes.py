"""What the preview shows while the content has mistakes: a notice above every page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from generator.errors import ContentErrors
from generator.site.site_source import named_palette, override_words
from generator.wording import BASE, for_locale

NO_SITE_PAGE = "# The content has mistakes\n"
"""The only page of a preview whose content never loaded; the notice shows above it."""


def show_no_site(config: MkDocsConfig) -> None:
    """Give the theme what it shows while no site settings were ever read: no menu, no
    emergency text of the site's, and the theme's words (and palette toggles' names) in
    English."""
    words = for_locale(BASE)
    config.nav = []
    config.extra["health"] = {"emergency_message": "", "emergency_number": "",
                              **override_words(words, site="", number="")}
    if isinstance(palette := config.theme.get("palette"), list):
        config.theme["palette"] = named_palette(palette, words)


def notice(errors: ContentErrors, *, shown_site: bool) -> str:
    """Return Markdown that lists the content's mistakes above a preview page."""
    count = len(errors.errors)
    title = f"The content has {count} mistake{'s' if count != 1 else ''}"
    then = ("This preview shows the last version without mistakes."
            if shown_site else "The preview will show the site once they are fixed.")
    listing = "\n".join(f"        {line}" for line in errors.report().splitlines())
    return (f'!!! failure content-mistakes "{title}"\n\n    Fix them and save the file: the '
            f"page reloads by itself. {then}\n\n{listing}\n\n")
