"""The small Markdown subset that content text may use: emphasis, links and lists.

Text is checked with the renderer, not beside it: each field is parsed by Python-Markdown with
the extensions mkdocs.yml turns on, and the element tree it produces is inspected. A regular
expression that re-reads Markdown would disagree with the renderer somewhere.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import markdown  # type: ignore[import-untyped]  # no stubs; the calls used are few
from markdown import util
from markupsafe import Markup, escape

from generator import addresses, anchors

# The same extensions as `markdown_extensions` in mkdocs.yml (a test keeps the two in step),
# so that the tree checked here is the tree the site renders.
MARKDOWN_EXTENSIONS = ("admonition", "attr_list", "md_in_html", "pymdownx.details", "toc")
_MARKDOWN_CONFIGS = {"toc": {"permalink": False, "slugify": anchors.slugify}}

# The elements the subset may make, and the attributes Markdown itself gives them. `br` comes
# from two spaces at the end of a line, an easy slip that does no harm.
_ALLOWED = {
    "p": set(), "em": set(), "strong": set(), "br": set(),
    "ul": set(), "ol": {"start"}, "li": set(), "a": {"href", "title"},
}
_REFUSED = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"),
                    "headings (a line starting with `#`, or a line of `===` or `---`) are not "
                    "allowed in text; the page makes its own headings."),
    "img": "images are not allowed in text.",
    "hr": "a line of `---`, `***` or `___` makes a dividing line, which is not allowed in text. "
          "Delete it.",
    "pre": "a line indented by four spaces or more becomes a code block, which is not allowed "
           "in text. Remove the spaces at the start of the line.",
    "code": "text in backticks (`) becomes code, which is not allowed in text. Remove the "
            "backticks.",
    "blockquote": "a line starting with `>` becomes a quotation, which is not allowed in text. "
                  "Remove the `>`.",
    "div": "a line starting with `!!!` makes a box, which is not allowed in text. Remove it.",
    "details": "a line starting with `???` makes a box, which is not allowed in text. Remove it.",
}
_OTHER_ELEMENT = ("this uses Markdown that text may not use (it would make a `<{tag}>`). Use "
                  "only *emphasis*, **strong**, [links](https://…) and lists.")
_HTML = ("HTML such as `{html}` is not allowed in text. Write plain words, with *emphasis*, "
         "**strong**, [links](https://…) and lists.")
_REFERENCE = ("the line `[{label}]: …` defines a link for use elsewhere, which is not allowed "
              "in text. Write the link where it is used: [text](https://…).")
_ATTRIBUTES = ("`{{: … }}` sets attributes (here `{name}`), which is not allowed in text. "
               "Remove it.")
_TOO_DEEP = ("this text is nested too deeply (lists or quotes inside each other hundreds of "
             "times). Simplify it.")

# Characters that change the order text is shown in, or hide text, without being seen.
_INVISIBLE = {
    *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C,  # bidi controls
    *range(0x200B, 0x200E), 0x2060, 0xFEFF,  # zero-width characters
    # Noncharacters, never meant for text (YAML front matter cannot even hold U+FFFE).
    *range(0xFDD0, 0xFDF0), *(plane + end for plane in range(0, 0x110000, 0x10000)
                              for end in (0xFFFE, 0xFFFF)),
}
_URL_BREAKERS = set(" \"'<>()\\`")
# Marks that would make plain text (a name, a question) turn into Markdown.
_PLAIN_MARKS = str.maketrans({"\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;",
                              "{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;"})
# A `#` typed by the author (not one of an entity made above): a closing `#` would vanish
# from a heading.
_TYPED_HASH = re.compile(r"(?<!&)#")
# Attribute lists (`{: onclick=...}`) are not part of the subset.
_TEXT_MARKS = str.maketrans({"{": "&#123;", "}": "&#125;"})


class MarkdownText(str):
    """Text written in the Markdown subset: templates keep its marks."""

    __slots__ = ()


def escape_plain(text: str) -> Markup:
    """Return plain text safe in Markdown and in HTML: it shows exactly as typed."""
    return Markup(_TYPED_HASH.sub("&#35;", _replace(escape(text), _PLAIN_MARKS)))


def escape_markdown(text: MarkdownText) -> Markup:
    """Return subset Markdown safe in a page: HTML shows as typed, marks still work."""
    return _replace(escape(text), _TEXT_MARKS)


def _replace(text: Markup, marks: dict[int, str]) -> Markup:
    return Markup(str.translate(str(text), marks))


# Control characters (Unicode category Cc) other than tab and newline, and the invisible ones.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(
    re.escape(chr(code)) for code in sorted(_INVISIBLE)) + "]")


def text_problem(text: str) -> str | None:
    """Return why text cannot be used, or None: invisible characters are hidden mistakes."""
    found = _HIDDEN.search(text)
    if found is None:
        return None  # the common case, found in one pass of the regular expression
    for char in text[found.start():]:
        if ord(char) in _INVISIBLE:
            return (f"this contains an invisible character (U+{ord(char):04X}) that can reorder "
                    "or hide text. Delete it.")
        if char not in "\n\t" and unicodedata.category(char) == "Cc":
            return (f"this contains an invisible control character (U+{ord(char):04X}). "
                    "Delete it.")
    return None


def web_address_problem(url: str) -> str | None:
    """Return why a web address (not a mail or phone link) cannot be used, or None."""
    problem = url_problem(url)
    if problem and addresses.scheme(link_target(url)) is not None:
        return problem
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"`{url}` is not a full web address. Start it with https://."
    return None


def link_target(url: str) -> str:
    """Return a link target as a browser reads it: entities decoded, tabs and newlines gone."""
    url = addresses.normalise(html.unescape(url.replace(util.AMP_SUBSTITUTE, "&")))
    scheme = addresses.scheme(url)
    return url if scheme is None else scheme + url[len(scheme):]


def url_problem(url: str) -> str | None:
    """Return why a link target is not allowed, or None when it is fine."""
    target = link_target(url)
    scheme = addresses.scheme(target)
    if scheme is not None and scheme not in addresses.LINK_SCHEMES:
        return (f"a link starts with `{target[:len(scheme)]}:`. Links must start with "
                "https:, http:, mailto: or tel:.")
    if any(char in _URL_BREAKERS or char.isspace() for char in url):
        return (f"the link `{url}` contains a space or one of the characters \" ' < > ( ) \\ `. "
                "Remove them, or write them with % codes.")
    if scheme is None:
        # An address relative to the page would point somewhere else on each page that shows
        # the text (a topic, the comparison, the questions, an embed): only full ones work.
        return (f"the link `{url}` has no scheme. Links must be full addresses that start "
                "with https:, http:, mailto: or tel:.")
    return None


@dataclass(frozen=True)
class _Parsed:
    """What Python-Markdown made of a text: its tree, stashed raw HTML and link definitions."""

    root: etree.Element | None
    stash: tuple[str, ...]
    references: tuple[str, ...]


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    # One instance per process, reset between texts: building one costs more than parsing.
    return markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS),
                             extension_configs=_MARKDOWN_CONFIGS)


@lru_cache(maxsize=16384)
def _parse(source: str) -> _Parsed:
    """Return the element tree Python-Markdown builds for the source, before it is serialised."""
    md = _renderer()
    md.reset()
    try:
        # Markdown.convert's first steps; the tree is inspected instead of serialised.
        lines = source.split("\n")
        for preprocessor in md.preprocessors:
            lines = preprocessor.run(lines)
        root = md.parser.parseDocument(lines).getroot()
        for treeprocessor in md.treeprocessors:
            replaced = treeprocessor.run(root)
            root = root if replaced is None else replaced
    except RecursionError:
        _renderer.cache_clear()  # the parser's state is left half-way; start afresh
        return _Parsed(None, (), ())
    stash = tuple(block if isinstance(block, str) else etree.tostring(block, "unicode")
                  for block in md.htmlStash.rawHtmlBlocks)
    return _Parsed(root, stash, tuple(md.references))


def _readings(text: str) -> list[_Parsed]:
    """Return the text parsed on its own and as a list item, the two ways pages hold it."""
    if "\n" not in text:
        return [_parse(text)]  # a single line means the same in both places
    # Indented under a `- `, some lines change meaning: four spaces less can turn a line of a
    # paragraph into a link definition. Both readings must pass.
    return [_parse(text), _parse("- " + text.replace("\n", "\n  "))]


def problems(text: str) -> list[str]:
    """Return every way the text steps outside the allowed Markdown subset."""
    found = []
    for parsed in _readings(text):
        if parsed.root is None:
            return [_TOO_DEEP]
        found += [_REFERENCE.format(label=label) for label in parsed.references]
        found += [_HTML.format(html=" ".join(block.split())[:40])
                  for block in parsed.stash if not _is_entity(block)]
        found += _element_problems(parsed.root)
    return list(dict.fromkeys(found))


def _is_entity(block: str) -> bool:
    # Python-Markdown stashes `&amp;`-style entities with raw HTML; they are only characters.
    return block.startswith("&") and block.endswith(";") and "<" not in block


def _element_problems(root: etree.Element) -> list[str]:
    """Return what is wrong with the elements under the root, once for each refused element."""
    found = []
    waiting = list(reversed(root))  # a stack, so that problems come in the order written
    while waiting:
        element = waiting.pop()
        tag = str(element.tag)
        if tag not in _ALLOWED:
            found.append(_REFUSED.get(tag, _OTHER_ELEMENT.format(tag=tag)))
            continue  # what is inside a refused element does not matter
        found += [_ATTRIBUTES.format(name=name) for name in element.attrib
                  if name not in _ALLOWED[tag]]
        if tag == "a":
            found += [p for p in [url_problem(element.get("href", ""))] if p]
        waiting += reversed(element)
    return found


@dataclass(frozen=True)
class Link:
    """One link as a page shows it: the words a reader sees, and where it leads."""

    shown: str
    target: str


def links(text: str) -> list[Link]:
    """Return every link the text makes: its visible words, and its target as a browser reads it."""
    found = [Link(_words(parsed, "".join(a.itertext())), link_target(a.get("href", "")))
             for parsed in _readings(text) if parsed.root is not None
             for a in parsed.root.iter("a")]
    return list(dict.fromkeys(found))


def link_targets(text: str) -> list[str]:
    """Return the target of every link the text makes, as a browser reads it."""
    return list(dict.fromkeys(link.target for link in links(text)))


def links_away_from_calling(text: str) -> list[str]:
    """Return every link target in the text that does not call a phone number (`tel:`).

    Emergency text may only link to a phone call: anything else leads a reader away.
    """
    return [target for target in link_targets(text) if not target.startswith("tel:")]


def plain_text(text: str) -> str:
    """Return the text without Markdown marks, on one line: for metadata such as JSON-LD."""
    parsed = _parse(text)
    if parsed.root is None:
        return " ".join(text.split())
    return " ".join(_words(parsed, "".join(parsed.root.itertext())).split())


def _words(parsed: _Parsed, words: str) -> str:
    """Return words from the tree as a reader sees them: entities and stashed text put back."""
    if util.AMP_SUBSTITUTE in words:  # an <address@example.org> written as entities
        words = html.unescape(words.replace(util.AMP_SUBSTITUTE, "&"))
    for index, block in enumerate(parsed.stash):
        shown = html.unescape(block) if _is_entity(block) else block
        words = words.replace(util.HTML_PLACEHOLDER % index, shown)
    return words
