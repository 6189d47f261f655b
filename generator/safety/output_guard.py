"""Refuse a built page that could run script, link to an unsafe address or load from elsewhere.

The content checks should stop all of this earlier; this guard looks at the HTML readers
actually get, so it also catches what a future field, template or theme update forgets. Only
the theme's and our own scripts may be on a page (generator/safety/page_scripts.py). It reads
the page with a conforming HTML5 parser (generator/safety/built_page.py), so it sees the
elements and attributes a browser builds, not those of a lenient parser that a crafted page
could fool.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from generator.safety import addresses
from generator.safety.built_page import BuiltPage, Element, read_page
from generator.safety.page_scripts import script_problems
from generator.terminal import shortened

# The attributes through which each element makes the browser fetch something.
LOADING_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "script": ("src", "href", "xlink:href"),  # SVG's script loads from href
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

# The elements that take an address, or change one.
_ADDRESS_TAGS = frozenset({*LOADING_ATTRIBUTES, *NAVIGATING_ATTRIBUTES, "base", "animate", "set",
                           "meta", "iframe"})


Origin = tuple[str, str, int]


def find_problems(html: str, site_url: str | None) -> list[str]:
    """Return one plain sentence for each unsafe element of a built page, in page order."""
    return page_problems(read_page(html), site_url)


def page_problems(page: BuiltPage, site_url: str | None) -> list[str]:
    """Return one plain sentence for each unsafe element of a page already read."""
    own_origin = _origin(site_url) if site_url else None
    problems = [problem for element in page.elements if element.attributes
                for problem in element_problems(element, own_origin)]
    problems += script_problems(page)
    if page.scripting and page.has_noscript:
        # Without scripts, <noscript> holds elements rather than text: check those readers' page.
        for problem in page_problems(read_page(page.html, scripting=False), site_url):
            if problem not in problems:
                problems.append(problem)
    return problems


def element_problems(element: Element, own_origin: Origin | None) -> list[str]:
    """Return what is unsafe about one element, each in a plain sentence."""
    tag, values = element.tag, element.attributes
    problems = [_problem(element, name, value, "runs script from an event attribute")
                for name, value in values.items() if name.startswith("on")]
    if tag not in _ADDRESS_TAGS:  # most elements: checked quickly, as every page has hundreds
        return problems
    for name in NAVIGATING_ATTRIBUTES.get(tag, ()):
        if name in values:
            problems += _link_problems(element, name, values[name])
    if _loads(tag, values):
        for name in LOADING_ATTRIBUTES[tag]:
            if name in values:
                problems += _load_problems(element, name, values[name], own_origin)
    if tag == "base" and "href" in values:
        problems.append(_problem(element, "href", values["href"],
                                 "changes where every relative address on the page points"))
    if tag in ("animate", "set") and values.get("attributename") in ("href", "xlink:href"):
        problems.append(_problem(element, "attributename", values["attributename"],
                                 "rewrites a link's address after the page has loaded"))
    if tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
        problems.append(_problem(element, "http-equiv", values["http-equiv"],
                                 "sends the reader to another address by itself"))
    if tag == "iframe" and "srcdoc" in values:
        problems.append(_problem(element, "srcdoc", values["srcdoc"],
                                 "holds a whole page of its own, which is not checked"))
    return problems


def _link_problems(element: Element, name: str, value: str) -> list[str]:
    scheme = addresses.scheme(value)
    if scheme is None or scheme in addresses.LINK_SCHEMES:
        return []
    return [_problem(element, name, value, f"uses the `{scheme}:` scheme; links may only use "
                     "http:, https:, mailto:, tel: or a relative address")]


def _load_problems(element: Element, name: str, value: str,
                   own_origin: Origin | None) -> list[str]:
    addresses = _srcset_addresses(value) if name.endswith("srcset") else [value]
    for address in addresses:
        reason = _foreign_load(address, own_origin)
        if reason:
            return [_problem(element, name, value, reason)]
    return []


def _foreign_load(address: str, own_origin: Origin | None) -> str | None:
    """Say why loading this address leaves the site, or return None if it does not."""
    address = addresses.normalise(address)
    scheme = addresses.scheme(address)
    # Browsers read "\" as "/" in web addresses, so "/\host" is "//host".
    rest = (address[len(scheme) + 1:] if scheme else address).replace("\\", "/")
    if scheme is None and not rest.startswith("//"):
        return None
    if scheme not in (None, "http", "https"):
        return f"loads a `{scheme}:` address; pages may only load files from this site"
    authority = re.split(r"[/?#]", rest.lstrip("/"), maxsplit=1)[0]
    if own_origin is not None and _same_origin(scheme, authority, own_origin):
        return None
    host = urlsplit("//" + authority).hostname or authority
    return f"loads from another host ({host}); pages may only load files from this site"


def _problem(element: Element, name: str, value: str, reason: str) -> str:
    # The parser keeps no line numbers, so an element's id, when it has one, helps find it.
    element_id = element.attributes.get("id", "") if name != "id" else ""
    named = f' id="{_shorten(element_id)}"' if element_id else ""
    return f'<{element.tag}{named} {name}="{_shorten(value)}"> {reason}'


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
    port = parts.port or addresses.DEFAULT_PORTS.get(scheme, 0)
    return scheme, (parts.hostname or "").lower(), port


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
    return ((effective, host, port or addresses.DEFAULT_PORTS.get(effective, 0)) == own
            and bool(host))


def _shorten(value: str) -> str:
    """Return an attribute value short enough for a message, with controls made visible."""
    return shortened(value.replace('"', "&quot;"))
