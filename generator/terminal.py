"""Make text from content files inert before it reaches a terminal.

A file name, a YAML key or a value quoted in a message can hold characters a terminal obeys
rather than shows: an escape sequence erases the line and prints something else over it, and a
bidirectional control reorders what follows. Printed raw, a failed check could then read
"Content is fine". Every such character is shown as a visible escape instead, like `\\x1b` or
`\\u202e`. The CLI prints through `echo` alone, and errors escape their text themselves.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import click

# What prints as itself: every printable character, and spaces of any width. The rest are
# controls (C0, DEL, C1), format characters (bidi controls, zero-width joiners and spaces, soft
# hyphen), line and paragraph separators, surrogates, and code points without a meaning yet.
_SHOWN_CATEGORIES = frozenset({"Zs"})


def inert(text: str) -> str:
    """Return the text with every control or invisible format character as a visible escape."""
    if text.isprintable():  # nearly every message: one fast check
        return text
    return "".join(_visible(char) for char in text)


def shortened(text: str, limit: int = 80) -> str:
    """Return the text made inert, and cut to `limit` characters with an ellipsis if longer."""
    visible = inert(text)
    return visible if len(visible) <= limit else visible[: limit - 1] + "…"


def inert_lines(text: str) -> str:
    """Return the text made inert line by line, keeping its own line breaks."""
    return "\n".join(inert(line) for line in text.split("\n"))


def echo(message: str, *, err: bool = False, nl: bool = True) -> None:
    """Print a message of the CLI, to standard error when `err`, with nothing left to obey."""
    click.echo(inert_lines(message), err=err, nl=nl)  # noqa: TID251 (the one place allowed)


def as_json(value: Any) -> str:
    """Return the value as indented JSON in printable ASCII: every other character escaped."""
    # ensure_ascii escapes C0, C1, bidi controls and all other non-ASCII; DEL is ASCII, so it
    # is escaped by hand. The JSON still decodes to the exact text of the file.
    return json.dumps(value, indent=2, ensure_ascii=True).replace("\x7f", "\\u007f")


def _visible(char: str) -> str:
    if char.isprintable() or unicodedata.category(char) in _SHOWN_CATEGORIES:
        return char
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
