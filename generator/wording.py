"""The words a reader sees that are not content: one gettext catalog per language, by key.

Every label, heading, link text and message of the templates, the theme overrides, the scripts
and the Python code is looked up here by a key such as `faq.title`, never written where it is
shown. The catalogs are gettext `.po` files in `locales/<locale>/LC_MESSAGES/messages.po`, which
translators' own tools read (Poedit, Weblate's monolingual gettext): `en` holds every key with
its English words, and a catalog for a language or a language and country holds only what it
changes. A locale's words come from its own catalog first, then its language's, then English:
`en-GB` reads `en_GB`, then `en`. So the care headings of a country (`care.*`) are chosen by
language and country together, while everything a country does not change is shared.

Words may hold values in braces, `{date}`, and plurals use gettext's plural forms. A key that
the English catalog lacks is a mistake in the generator, not in the content: it raises.

`pseudo()` wraps every looked-up text in markers, so that a test can prove that every word of a
built page is content, the theme's own translated strings, or from the catalog.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALES = Path(__file__).parent / "locales"
"""The catalogs: `<locale>/LC_MESSAGES/messages.po`, like `en/…` and `en_GB/…`."""
DOMAIN = "messages"
BASE = "en"
"""The language whose catalog holds every key."""
PSEUDO_MARKS = ("⟦", "⟧")
"""What `pseudo()` wraps each text in."""


class MissingWords(KeyError):
    """The generator asked for a key that the English catalog does not have."""


def catalog_path(locale: str, folder: Path = LOCALES) -> Path:
    """Return the `.po` file of a gettext locale name like `en_GB`."""
    return folder / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path) -> Catalog:
    """Return the catalog in a `.po` file."""
    with path.open("rb") as file:
        return read_po(file, domain=DOMAIN)


def fallbacks(locale: str) -> list[str]:
    """Return the catalogs a locale like `en-GB` reads, first to last: `en_GB`, `en`."""
    language, _, country = locale.replace("-", "_").partition("_")
    chain = [f"{language}_{country}"] if country else []
    chain += [language] if language != BASE else []
    return [*chain, BASE]


@dataclass(frozen=True, eq=False)
class Wording:
    """The words of one locale, looked up by key."""

    locale: str
    translations: NullTranslations
    keys: frozenset[str]
    """Every key of the English catalog: all there is to ask for."""
    marks: tuple[str, str] = ("", "")
    """What each text is wrapped in: nothing, but for the pseudo-locale."""

    def text(self, key: str, /, **values: object) -> str:
        """Return the words of `key`, with `values` put in its braces."""
        self._check(key)
        return self._wrap(_fill(self.translations.gettext(key), values))

    def plural(self, key: str, count: int, /, **values: object) -> str:
        """Return the words of `key` for `count` things (`{count}` in them is the number)."""
        self._check(key)
        return self._wrap(_fill(self.translations.ngettext(key, key, count),
                                {"count": count, **values}))

    def texts(self, prefix: str, /, **values: object) -> dict[str, str]:
        """Return every text whose key starts with `prefix`, by the rest of its key.

        The theme overrides and the scripts take their words this way, as plain values. The
        braces of a value not given stay as they are, for the script that shows the text to
        fill in (`You answered: {answer}.`).
        """
        return {key.removeprefix(prefix): self._wrap(_fill(
                    self.translations.gettext(key), values, keep_missing=True))
                for key in sorted(self.keys) if key.startswith(prefix)}

    def _check(self, key: str) -> None:
        if key not in self.keys:
            raise MissingWords(f"the catalog {catalog_path(BASE)} has no key `{key}`")

    def _wrap(self, text: str) -> str:
        before, after = self.marks
        return f"{before}{text}{after}" if text else text


def _fill(text: str, values: dict[str, object], *, keep_missing: bool = False) -> str:
    # Only the names a text uses are filled in, so a translation may leave a value out.
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    if keep_missing:
        values = {name: "{" + name + "}" for name in names} | values
    return text.format(**{name: values[name] for name in names}) if names else text


def for_locale(locale: str, folder: Path = LOCALES) -> Wording:
    """Return the words of a locale like `en-US`: its catalogs in `folder`, then English."""
    paths = [catalog_path(name, folder) for name in fallbacks(locale)]
    stamps = tuple((path, path.stat().st_mtime_ns) for path in paths if path.exists())
    return _load(locale, stamps)


@lru_cache(maxsize=8)
def _load(locale: str, stamps: tuple[tuple[Path, int], ...]) -> Wording:
    # Kept until a catalog file changes, as in the preview.
    chain: NullTranslations | None = None
    keys: frozenset[str] = frozenset()
    for path, _ in reversed(stamps):
        catalog = read_catalog(path)
        if path.parent.parent.name == BASE:
            keys = frozenset(str(message.id if isinstance(message.id, str) else message.id[0])
                             for message in catalog if message.id)
        translations = _translations(catalog)
        if chain is not None:
            translations.add_fallback(chain)
        chain = translations
    if chain is None or not keys:
        raise FileNotFoundError(f"no word catalog for {locale}: {catalog_path(BASE)} is missing")
    return Wording(locale, chain, keys)


def _translations(catalog: Catalog) -> Translations:
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def pseudo(wording: Wording) -> Wording:
    """Return the same words, each wrapped in PSEUDO_MARKS, for the pseudo-locale test."""
    return Wording(wording.locale, wording.translations, wording.keys, PSEUDO_MARKS)
