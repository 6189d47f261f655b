"""Plain words: the hard words of `content/plain-words.yml`, found where readers would meet them.

Each word is looked for in the text readers see, as the page shows it (the words of a link,
never its address), and reported at the line and column where the writer typed it. A
translation has its own list (`content/es/plain-words.yml`), read in its own language: which
plurals count as the word is the language's rule (generator/languages.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator import languages
from generator.content import content_cache
from generator.content.load import Document
from generator.content.models import PlainWord
from generator.errors import ContentError, field_path
from generator.writer.readability import Where, prose

# A topic's own names: readers need to know what doctors call it, so the page may say them.
_OWN_NAMES = ("name", "other_names")
# Letters or digits on either side would make the word part of another word. Letters are
# those of every alphabet (\w), accented ones included: "contracción" is one word.
_BEFORE, _AFTER = r"(?<![^\W_])", r"(?![^\W_])"


class HardWords:
    """The listed words, found in any case and in their plural forms (English: -s or -es)."""

    def __init__(self, words: Iterable[PlainWord], language: str = "en") -> None:
        forms_of = languages.rules(language).word_forms
        self._by_form: dict[str, PlainWord] = {}
        spellings: set[str] = set()
        for entry in words:
            for form in forms_of(" ".join(entry.word.split())):
                spellings.add(form)
                self._by_form.setdefault(_key(form), entry)
        # Longest first, so that a phrase wins over a word it starts with.
        choices = sorted(spellings, key=lambda form: (-len(form), form))
        spelled = "|".join(r"\s+".join(map(re.escape, form.split())) for form in choices)
        self.pattern = re.compile(f"{_BEFORE}(?:{spelled}){_AFTER}", re.IGNORECASE)

    def __bool__(self) -> bool:
        return bool(self._by_form)

    def entry(self, found: str) -> PlainWord:
        """Return the listed word that a piece of text, as found, is a form of."""
        return self._by_form[_key(found)]

    def in_text(self, text: str) -> list[str]:
        """Return each listed word in a text, as written there, in order."""
        return [match[0] for match in self.pattern.finditer(text)]


def warnings(document: Document, words: HardWords) -> list[ContentError]:
    """Return a warning at each listed word in the document's reader-facing text."""
    if not words:
        return []
    own = {words.entry(w).word for text in _own_names(document.data) for w in words.in_text(text)}
    found = []
    for loc, text in prose(document.data):
        if loc and loc[0] in _OWN_NAMES:
            continue
        seen: dict[str, int] = {}
        for written in words.in_text(text):
            entry = words.entry(written)
            if entry.word in own:
                continue
            nth = seen[_key(written)] = seen.get(_key(written), -1) + 1
            line, column = _typed_at(document, loc, words, written, nth)
            found.append(ContentError(
                document.name, line, column, field_path(loc, document.data),
                f"“{written}” is a word many readers do not know. Write “{entry.plain}” "
                "instead."))
    return found


def _own_names(data: Any) -> Iterator[str]:
    if not isinstance(data, dict):
        return
    for key in _OWN_NAMES:
        value = data.get(key)
        names = value if isinstance(value, list) else [value]
        yield from (name for name in names if isinstance(name, str))


def _typed_at(document: Document, loc: Where, words: HardWords, written: str,
              nth: int) -> tuple[int, int]:
    """Return where the nth time a word is written in a field's text was typed in the file.

    The field's own position is kept when the file has changed since it was read.
    """
    line, column = document.position(list(loc))
    source = _source(document.name, document.digest)
    if source is None:
        return line, column
    lines = source.split("\n")
    start = sum(len(text) + 1 for text in lines[:line - 1]) + column - 1
    count = -1
    for match in words.pattern.finditer(source, start):
        if _key(match[0]) != _key(written) or _in_address(source, match.start()):
            continue
        count += 1
        if count == nth:
            before = source[:match.start()]
            return before.count("\n") + 1, match.start() - (before.rfind("\n") + 1) + 1
    return line, column


def _key(written: str) -> str:
    return " ".join(unicodedata.normalize("NFC", written).casefold().split())


def _in_address(source: str, index: int) -> bool:
    """Return whether a word is part of a link's address, which readers never see."""
    token = source[max(source.rfind(space, 0, index) for space in " \n\t") + 1:index]
    return "](" in token or "://" in token or "www." in token.casefold()


@lru_cache(maxsize=256)
def _source(name: str, digest: str | None) -> str | None:
    """Return a content file's text, if it is still the text the document was read from."""
    try:
        text = Path(name).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if digest is None or content_cache.text_digest(text) != digest:
        return None
    return text
