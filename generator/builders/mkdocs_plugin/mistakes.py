"""What the preview shows while the content has mistakes: a notice above every page."""

from __future__ import annotations

from generator.errors import ContentErrors
from generator.site.site_source import override_words
from generator.wording import BASE, for_locale

NO_SITE_PAGE = "# The content has mistakes\n"
"""The only page of a preview whose content never loaded; the notice shows above it."""
def no_site_extra() -> dict[str, object]:
    """Return the overrides' `extra.health` values when no site settings were ever read:
    no emergency text of the site's, and the theme's words in English."""
    return {"emergency_message": "", "emergency_number": "",
            **override_words(for_locale(BASE), site="", number="")}


def notice(errors: ContentErrors, *, shown_site: bool) -> str:
    """Return Markdown that lists the content's mistakes above a preview page."""
    count = len(errors.errors)
    title = f"The content has {count} mistake{'s' if count != 1 else ''}"
    then = ("This preview shows the last version without mistakes."
            if shown_site else "The preview will show the site once they are fixed.")
    listing = "\n".join(f"        {line}" for line in errors.report().splitlines())
    return (f'!!! failure content-mistakes "{title}"\n\n    Fix them and save the file: the '
            f"page reloads by itself. {then}\n\n{listing}\n\n")
