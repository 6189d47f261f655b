"""Translations: where a language's files live, and the version of an original they name.

A site in more than one language keeps each other language's files in a folder named by its
code (`content/es/`), the same files under the same names as the originals. Each translation
names the version of its original it was made from (`translated_from`), so that `check` can
tell when the original has changed since.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import PurePosixPath
from typing import Any

from generator import kinds
from generator.content.load import Document
from generator.content.models import Site
from generator.content.validate import Sourced
from generator.errors import ErrorCollector

LANGUAGE_FOLDER = re.compile(r"^[a-z]{2}$")
"""The name of a language's folder in the content folder: its two-letter code, like `es`."""
FIELD = "translated_from"
VERSION_LENGTH = 12


def version_of(document: Document) -> str:
    """Return the version of a content file: the start of a hash of what it says.

    Only its values count, never its comments, spacing or key order; and never its own
    `translated_from`, so that a translation's version is that of what it says. Nor, in a
    site.yml, what translations take from it rather than translate (`url`, `contact`,
    `languages`): adding a language or a contact leaves no translation stale.
    """
    data = document.data
    if isinstance(data, dict):
        leave_out = {FIELD, *(_FROM_ORIGINAL if _is_site_file(document) else ())}
        data = {key: value for key, value in data.items() if key not in leave_out}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=_plain)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:VERSION_LENGTH]


_READ_AS_NUMBER = re.compile(r"[0-9]+(e[0-9]+)?")
"""A version YAML would read as a number, not text: 120385766091, or 12e4 and digits."""


def as_written(version: str) -> str:
    """Return a version as a content file writes it: in quotes when YAML would read a number."""
    return f'"{version}"' if _READ_AS_NUMBER.fullmatch(version) else version


def _is_site_file(document: Document) -> bool:
    """Tell whether a content file is a site.yml, the original's or a translation's."""
    return PurePosixPath(document.name).name == kinds.SITE.file


def _plain(value: Any) -> str:
    """Return a value JSON cannot hold (a date) as the text YAML wrote it with."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def check_is_original(item: Sourced[Any], errors: ErrorCollector) -> None:
    """Record a `translated_from` in a file of the site's own language."""
    if getattr(item.model, FIELD, None) is None:
        return
    line, column = item.document.position([FIELD], at_key=True)
    errors.add(item.document.name, line, column, [FIELD],
               "only a translation names the original it was made from, and this file is in "
               "the site's own language. Remove this line.")


_FROM_ORIGINAL = {
    "url": "the build publishes a translation in its language's folder of the original's "
           "address",
    "contact": "a translation shows the contact of the original's site.yml",
    "languages": "only the original's site.yml lists the site's languages",
}
"""The settings a translation's site.yml leaves to its original's, and why."""


def site_of_translation(site: Sourced[Site], code: str, original: Site,
                        errors: ErrorCollector) -> Site:
    """Return a translation's settings, with what it takes from the original's site.yml.

    Records a setting that only the original may make, and a locale of another language than
    the folder's.
    """
    document = site.document
    for name, why in _FROM_ORIGINAL.items():
        if getattr(site.model, name) is not None:
            errors.add(document.name, *document.position([name], at_key=True), [name],
                       f"{why}. Remove `{name}` here.")
    if site.model.language != code:
        errors.add(document.name, *document.position(["locale"]), ["locale"],
                   f"this is the site file of the `{code}` translation, so its locale is in "
                   f"that language, like {code}-{original.locale[3:]}.")
    return site.model.model_copy(update={
        "url": f"{original.url}{code}/" if original.url else None,
        "contact": original.contact,
        "languages": original.languages,
    })
