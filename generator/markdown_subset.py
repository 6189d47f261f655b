"""The small Markdown subset that content text may use: emphasis, links and lists."""

from __future__ import annotations

import re

ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")

# Inline links `[text](target)` and reference definitions `[label]: target`.
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.M)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s", re.M)
_IMAGE = re.compile(r"!\[[^\]]*\]\(")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def link_targets(text: str) -> list[str]:
    """Return every link target written in the text."""
    return [inline or reference for inline, reference in _LINK_TARGET.findall(text)]


def url_problem(url: str) -> str | None:
    """Return why a link target is not allowed, or None when it is fine."""
    match = _SCHEME.match(url.strip())
    if match is None:
        if url.startswith(("/", "#", "./", "../")) or url.endswith(".md") or "." not in url:
            return None
        return f"the link `{url}` has no scheme. Start it with https://."
    if match.group(1).lower() not in ALLOWED_SCHEMES:
        return (f"a link starts with `{match.group(1)}:`. Links must start with "
                "https:, http:, mailto: or tel:.")
    return None


def problems(text: str) -> list[str]:
    """Return every way the text steps outside the allowed Markdown subset."""
    found = [p for p in map(url_problem, link_targets(text)) if p]
    if _HEADING.search(text):
        found.append("headings (`#`) are not allowed in text; the page makes its own headings.")
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
