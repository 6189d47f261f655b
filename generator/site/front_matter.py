"""A page's front matter: the settings a site builder reads before the page's Markdown.

The values are built here, in Python, and written as YAML with one line of JSON per key
(JSON is valid YAML), so text from content can never break out of its line, and a site builder
reads back exactly these values (generator/site/site_source.py writes the pages it builds).
"""

from __future__ import annotations

import json
from typing import Any

FrontMatter = dict[str, Any]

# Characters JSON leaves as they are but YAML does not read as themselves: line breaks
# (U+0085, U+2028, U+2029), which it would fold, and the other characters it refuses to read.
# JSON escapes the other control characters, and content cannot hold unpaired surrogates.
_YAML_UNREADABLE = str.maketrans({code: f"\\u{code:04x}" for code in (
    *range(0x7F, 0xA0), 0x2028, 0x2029, 0xFFFE, 0xFFFF)})


def page_front_matter(*, title: str, description: str, structured_data: object,
                      home: bool = False, hide_toc: bool = False, embed_page: bool = False,
                      search_boost: int | None = None, menu: dict[str, Any] | None = None,
                      oembed: list[dict[str, str]] | None = None,
                      notice: str | None = None) -> FrontMatter:
    """Return a page's front matter values, in the order they are written."""
    values: FrontMatter = {}
    if not home:  # the home page takes the site's name as its tab title: not said twice
        values["title"] = title
    values["description"] = description
    if hide_toc:
        values["hide"] = ["toc"]
    if embed_page:
        values.update(template="embed.html", noindex=True, search={"exclude": True})
    elif search_boost:
        values["search"] = {"boost": search_boost}
    if menu:
        values["menu"] = menu
    if oembed:
        values["oembed"] = oembed
    if notice:
        values["notice"] = notice
    values["structured_data"] = structured_data
    return values


def as_text(values: FrontMatter) -> str:
    """Return the front matter block that opens a Markdown page, with its closing line."""
    lines = [f"{key}: {_json(value)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def page(values: FrontMatter, body: str) -> str:
    """Return a whole Markdown page: its front matter block, then its body."""
    return as_text(values) + "\n" + body


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).translate(_YAML_UNREADABLE)
