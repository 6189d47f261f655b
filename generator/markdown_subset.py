"""The small Markdown subset that content text may use: emphasis, links and lists."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from markupsafe import Markup, escape

ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")

# Inline links `[text](target)` and reference definitions `[label]: target`.
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.M)
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)|^\s{0,3}(=+|-{2,})\s*$", re.M)
_IMAGE = re.compile(r"!\[[^\]]*\]\(")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def link_targets(text: str) -> list[str]:
    """Return every link target written in the text."""
    return [inline or reference for inline, reference in _LINK_TARGET.findall(text)]


_URL_BREAKERS = re.compile(r"[\s\"'<>()\\`]")
# Marks that would make plain text (a name, a question) turn into Markdown.
_PLAIN_MARKS = {"\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "{": "&#123;",
                "}": "&#125;", "[": "&#91;", "]": "&#93;"}
# Attribute lists (`{: onclick=...}`) are not part of the subset.
_TEXT_MARKS = {"{": "&#123;", "}": "&#125;"}


class MarkdownText(str):
    """Text written in the Markdown subset: templates keep its marks."""

    __slots__ = ()


def escape_plain(text: str) -> Markup:
    """Return plain text safe in Markdown and in HTML: it shows exactly as typed."""
    return _replace(escape(text), _PLAIN_MARKS)


def escape_markdown(text: MarkdownText) -> Markup:
    """Return subset Markdown safe in a page: HTML shows as typed, marks still work."""
    return _replace(escape(text), _TEXT_MARKS)


def _replace(text: Markup, marks: dict[str, str]) -> Markup:
    return Markup("".join(marks.get(char, char) for char in text))


def text_problem(text: str) -> str | None:
    """Return why text cannot be used, or None: control characters are invisible mistakes."""
    for char in text:
        if char not in "\n\t" and unicodedata.category(char) == "Cc":
            return (f"this contains an invisible control character (U+{ord(char):04X}). "
                    "Delete it.")
    return None


def web_address_problem(url: str) -> str | None:
    """Return why a web address (not a mail or phone link) cannot be used, or None."""
    problem = url_problem(url)
    if problem:
        return problem
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"`{url}` is not a full web address. Start it with https://."
    return None


def url_problem(url: str) -> str | None:
    """Return why a link target is not allowed, or None when it is fine."""
    match = _SCHEME.match(url.strip())
    if match is not None and match.group(1).lower() not in ALLOWED_SCHEMES:
        return (f"a link starts with `{match.group(1)}:`. Links must start with "
                "https:, http:, mailto: or tel:.")
    if _URL_BREAKERS.search(url):
        return (f"the link `{url}` contains a space or one of the characters \" ' < > ( ) \\ `. "
                "Remove them, or write them with % codes.")
    if match is None and not (url.startswith(("/", "#", "./", "../")) or url.endswith(".md")
                              or "." not in url):
        return f"the link `{url}` has no scheme. Start it with https://."
    return None


def problems(text: str) -> list[str]:
    """Return every way the text steps outside the allowed Markdown subset."""
    found = [p for p in map(url_problem, link_targets(text)) if p]
    if _HEADING.search(text):
        found.append("headings (a line starting with `#`, or a line of `===` or `---`) are not "
                     "allowed in text; the page makes its own headings.")
    if _IMAGE.search(text):
        found.append("images are not allowed in text.")
    return found


_INLINE_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")


def plain_text(text: str) -> str:
    """Return the text without Markdown marks, on one line: for metadata such as JSON-LD."""
    text = _INLINE_LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())
