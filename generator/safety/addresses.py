"""Web addresses read as a browser reads them: one reading for the content checks and the guard.

Browsers drop tabs and newlines anywhere in an address, and control characters and spaces around
it, before they look at its scheme; `java\nscript:` is `javascript:` to them, so it is here too.
"""

from __future__ import annotations

import re

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""The schemes a link may use: web pages, email and phone calls."""
DEFAULT_PORTS = {"http": 80, "https": 443}

_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")


def normalise(address: str) -> str:
    """Return an address as a browser reads it: no tabs or newlines, no controls at its ends."""
    return _TAB_OR_NEWLINE.sub("", address).strip(_C0_OR_SPACE)


def scheme(address: str) -> str | None:
    """Return the lower-case scheme an address starts with, or None for a relative address."""
    match = _SCHEME.match(normalise(address))
    return match.group(1).lower() if match else None
