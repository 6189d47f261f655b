"""Refuse a built page that could run script, link to an unsafe address or load from elsewhere.

The content checks should stop all of this earlier; this guard looks at the HTML readers
actually get, so it also catches what a future field, template or theme update forgets.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# The attributes through which each element makes the browser fetch something.
LOADING_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "script": ("src",),
    "object": ("data",),
    "embed": ("src",),
    "source": ("src", "srcset"),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "input": ("src",),  # only type=image loads it
    "link": ("href", "imagesrcset"),  # only for the rels below
    "image": ("href", "xlink:href"),  # SVG
}

# `<link>` rels that only describe a page and fetch nothing, so may name another address.
# Any other rel (stylesheet, icon, preload, modulepreload, prefetch, preconnect, manifest,
# search...) is treated as a load.
DESCRIBING_RELS = frozenset({
    "alternate", "author", "bookmark", "canonical", "external", "help", "license", "me",
    "next", "nofollow", "noopener", "noreferrer", "prev", "sitemap", "tag",
})

# Where an element navigates to, and so must use a link scheme.
NAVIGATING_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href", "xlink:href"),
    "area": ("href",),
    "form": ("action",),
    "button": ("formaction",),
    "input": ("formaction",),
}

# The URL standard drops these anywhere in an address, and these around it, before parsing.
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_DEFAULT_PORTS = {"http": 80, "https": 443}

Origin = tuple[str, str, int]


def find_problems(html: str, site_url: str | None) -> list[str]:
    """Return one plain sentence for each unsafe element of a built page, in page order."""
    guard = _Guard(_origin(site_url) if site_url else None)
    guard.feed(html)
    guard.close()
    return guard.problems


def normalise_address(value: str) -> str:
    """Return an address the way a browser reads it: no tabs or newlines, no edge controls."""
    return _TAB_OR_NEWLINE.sub("", value).strip(_C0_OR_SPACE)


def address_scheme(value: str) -> str | None:
    """Return the lower-case scheme of an address, or None for a relative address."""
    match = _SCHEME.match(normalise_address(value))
    return match.group(1).lower() if match else None


class _Guard(HTMLParser):
    def __init__(self, own_origin: Origin | None) -> None:
        super().__init__(convert_charrefs=True)  # attribute values arrive unescaped
        self.own_origin = own_origin
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in attrs:
            if name.startswith("on"):
                self._report(tag, name, value or "", "runs script from an event attribute")
        for name in NAVIGATING_ATTRIBUTES.get(tag, ()):
            if name in values:
                self._check_link(tag, name, values[name])
        if _loads(tag, values):
            for name in LOADING_ATTRIBUTES[tag]:
                if name in values:
                    self._check_load(tag, name, values[name])
        if tag == "base" and "href" in values:
            self._report(tag, "href", values["href"],
                         "changes where every relative address on the page points")
        if tag in ("animate", "set") and values.get("attributename") in ("href", "xlink:href"):
            self._report(tag, "attributename", values["attributename"],
                         "rewrites a link's address after the page has loaded")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def _check_link(self, tag: str, name: str, value: str) -> None:
        scheme = address_scheme(value)
        if scheme is not None and scheme not in LINK_SCHEMES:
            self._report(tag, name, value, f"uses the `{scheme}:` scheme; links may only use "
                         "http:, https:, mailto:, tel: or a relative address")

    def _check_load(self, tag: str, name: str, value: str) -> None:
        addresses = _srcset_addresses(value) if name.endswith("srcset") else [value]
        for address in addresses:
            reason = self._foreign_load(address)
            if reason:
                self._report(tag, name, value, reason)
                return

    def _foreign_load(self, address: str) -> str | None:
        """Say why loading this address leaves the site, or return None if it does not."""
        address = normalise_address(address)
        scheme = address_scheme(address)
        # Browsers read "\" as "/" in web addresses, so "/\host" is "//host".
        rest = (address[len(scheme) + 1:] if scheme else address).replace("\\", "/")
        if scheme is None and not rest.startswith("//"):
            return None
        if scheme not in (None, "http", "https"):
            return f"loads a `{scheme}:` address; pages may only load files from this site"
        authority = re.split(r"[/?#]", rest.lstrip("/"), maxsplit=1)[0]
        if self.own_origin is not None and _same_origin(scheme, authority, self.own_origin):
            return None
        host = urlsplit("//" + authority).hostname or authority
        return f"loads from another host ({host}); pages may only load files from this site"

    def _report(self, tag: str, name: str, value: str, reason: str) -> None:
        line = self.getpos()[0]
        self.problems.append(f"line {line}: <{tag} {name}=\"{_shorten(value)}\"> {reason}")


def _loads(tag: str, values: dict[str, str]) -> bool:
    """Tell whether this element fetches what its loading attributes name."""
    if tag not in LOADING_ATTRIBUTES:
        return False
    if tag == "input":
        return values.get("type", "").strip().lower() == "image"
    if tag == "link":
        rels = values.get("rel", "").lower().split()
        return not rels or not set(rels) <= DESCRIBING_RELS
    return True


def _srcset_addresses(srcset: str) -> list[str]:
    """Return the addresses in a srcset.

    Splitting at every comma can cut an address in two, but each piece still starts where
    an address or a descriptor starts, so no foreign address is missed.
    """
    return [candidate.split()[0] for candidate in srcset.split(",") if candidate.split()]


def _origin(url: str) -> Origin:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or _DEFAULT_PORTS.get(scheme, 0)


def _same_origin(scheme: str | None, authority: str, own: Origin) -> bool:
    """Tell whether `scheme://authority` is the site's own origin (no scheme: the page's)."""
    if "@" in authority:
        return False
    try:
        parts = urlsplit("//" + authority)
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:  # a malformed port
        return False
    effective = scheme or own[0]
    return ((effective, host, port or _DEFAULT_PORTS.get(effective, 0)) == own
            and bool(host))


def _shorten(value: str, limit: int = 80) -> str:
    """Return an attribute value short enough for a message, with controls made visible."""
    visible = "".join(f"\\x{ord(char):02x}" if ord(char) < 0x20 or ord(char) == 0x7F
                      else char for char in value).replace('"', "&quot;")
    return visible if len(visible) <= limit else visible[: limit - 1] + "…"
