"""The small Markdown subset that content text may use: emphasis, links and lists.

Text is checked with the renderer, not beside it: each field is parsed by Python-Markdown with
the extensions mkdocs.yml turns on, and the element tree it produces is inspected. A regular
expression that re-reads Markdown would disagree with the renderer somewhere.

The tree checked is the tree of the very string the page is built from, `escape_markdown(text)`
(the Jinja `finalize` hook hands Markdown that string), so every link either works as written or
is refused. The text is also read as plain Markdown, as the writer meant it, so that a link or
HTML that escaping would turn into words is refused rather than shown as typed.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import markdown  # type: ignore[import-untyped]  # no stubs; the calls used are few
from markdown import util
from markupsafe import Markup, escape

from generator.content import invisible_characters, text_limits
from generator.safety import addresses
from generator.site import anchors

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

_LOST_LINK = ("the link to `{target}` would not be a link on the page, because text shows as "
              "typed. Write it as [words]({target}).")
_CHANGED_LINK = ("a link here would not work as written on the page. Write each link as "
                 "[words](https://…).")

_BARE_ADDRESS = ("the web address `{address}` shows as text that cannot be tapped. Make it a "
                 "link: [words that say where it goes]({target}).")

# A web address typed as words. Marks that end a sentence or close brackets are not part of
# it: "(see https://www.nhs.uk.)" names https://www.nhs.uk.
_ADDRESS_IN_WORDS = re.compile(
    r"(?<![\w@./:-])(?:https?://|www\.)[^\s<>\"]*[^\s<>\"'.,;:!?)\]}*_]", re.IGNORECASE)
_ESCAPED = re.compile(r"[<>&{}]")
_URL_BREAKERS = set(" \"'<>()\\`")
# An HTML character reference: the page shows it as typed, never as the character it codes.
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[0-9A-Za-z]+);")
# Words after an address, in quotes: a link title in Markdown, but the quotes are escaped.
_TITLE = re.compile(r"\s+([\"'])(.*)$", re.S)
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


def escape_markdown(text: str) -> Markup:
    """Return subset Markdown safe in a page: HTML shows as typed, marks still work.

    This is the string the page's Markdown is made of, and the string `problems` checks.
    """
    return _replace(escape(text), _TEXT_MARKS)


def indent_lines(text: str, width: int) -> str:
    """Return the text with every line after the first indented, as a template nests it."""
    return text.replace("\n", "\n" + " " * width)


def _replace(text: Markup, marks: dict[int, str]) -> Markup:
    return Markup(str.translate(str(text), marks))


def text_problem(text: str) -> str | None:
    """Return why text cannot be used, or None: too long, or with characters nobody sees."""
    return text_limits.length_problem(text) or invisible_characters.problem(text)


def web_address_problem(url: str) -> str | None:
    """Return why a web address (not a mail or phone link) cannot be used, or None."""
    # A page shows the address as typed (escape_plain), so the browser reads it as typed.
    target = addresses.normalise(url)
    problem = url_problem(target)
    if problem and addresses.scheme(target) is not None:
        return problem
    parts = urlsplit(target)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"`{url}` is not a full web address. Start it with https://."
    return None


def link_target(href: str) -> str:
    """Return a link's `href` as a browser reads it: entities decoded, tabs and newlines gone."""
    # Python-Markdown writes an `&` as itself only where it starts a whole `&…;` reference
    # (and as `&amp;` elsewhere), so only those are decoded: `&copy=1` stays as typed.
    decoded = _ENTITY.sub(lambda found: html.unescape(found[0]),
                          href.replace(util.AMP_SUBSTITUTE, "&"))
    url = addresses.normalise(decoded)
    scheme = addresses.scheme(url)
    return url if scheme is None else scheme + url[len(scheme):]


def url_problem(target: str) -> str | None:
    """Return why a link target, as a browser reads it, is not allowed, or None."""
    scheme = addresses.scheme(target)
    if scheme is not None and scheme not in addresses.LINK_SCHEMES:
        return (f"a link starts with `{target[:len(scheme)]}:`. Links must start with "
                "https:, http:, mailto: or tel:.")
    problem = _written_wrongly(target)
    if problem:
        return problem
    if any(char in _URL_BREAKERS or char.isspace() for char in target):
        return (f"the link `{target}` contains a space or one of the characters \" ' < > ( ) "
                "\\ `. Remove them, or write them with % codes.")
    if scheme is None:
        # An address relative to the page would point somewhere else on each page that shows
        # the text (a topic, the comparison, the questions, an embed): only full ones work.
        return (f"the link `{target}` has no scheme. Links must be full addresses that start "
                "with https:, http:, mailto: or tel:.")
    rest = target[len(scheme) + 1:]
    if scheme in ("http", "https") and not (rest.startswith("//") and urlsplit(target).netloc):
        # `https:www.nhs.uk` is a path on the page's own site to a browser, not nhs.uk.
        fixed = f"{scheme}://{rest.lstrip('/')}"
        return (f"the link `{target}` needs // after `{scheme}:` to lead to another site. "
                f"Write it as {fixed}." if rest.strip("/") else
                f"the link `{target}` has no site name. Write the full address, such as "
                "https://www.nhs.uk/.")
    return None


def _written_wrongly(target: str) -> str | None:
    """Return why a target is Markdown that only works unescaped: < >, a title, an entity."""
    if target.startswith("<") and target.endswith(">"):
        return (f"the link `{target}` is written inside < >, which text cannot use. Remove the "
                f"< and >: [words]({target[1:-1]}).")
    title = _TITLE.search(target)
    if title:
        address = target[:title.start()]
        return (f"the link `{target}` has words in quotes after the address, which text "
                f"cannot use. Remove them: [words]({address}).")
    entity = _ENTITY.search(target)
    if entity and html.unescape(entity[0]) != entity[0]:
        return (f"the link `{target}` has `{entity[0]}`, the HTML way of writing "
                f"`{html.unescape(entity[0])}`, and a link keeps it as typed. Write "
                f"`{html.unescape(entity[0])}` instead.")
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


def _readings(source: str) -> list[_Parsed]:
    """Return the source parsed on its own and as a list item, the two ways pages hold it."""
    if "\n" not in source:
        return [_parse(source)]  # a single line means the same in both places
    # Indented under a `- `, some lines change meaning: four spaces less can turn a line of a
    # paragraph into a link definition. Both readings must pass.
    return [_parse(source), _parse("- " + indent_lines(source, 2))]


def _shown(text: str) -> list[_Parsed]:
    """Return the text parsed as its pages show it: from the string the template renders."""
    return _readings(str(escape_markdown(text)))


def problems(text: str) -> list[str]:
    """Return every way the text steps outside the allowed Markdown subset.

    Text passes only when both readings pass: as the page shows it, and as plain Markdown
    reads it (what the writer meant); and when both make the same links.
    """
    limit = text_limits.markdown_problem(text) or text_limits.length_problem(text)
    if limit:
        return [limit]  # before parsing, which would take minutes
    shown = _shown(text)
    # Plain Markdown reads the text differently only where escaping changed it; quotes change
    # only link titles, which the page's reading refuses.
    meant = _readings(text) if _ESCAPED.search(text) else []
    found = []
    for parsed in meant + shown:
        if parsed.root is None:
            return [_TOO_DEEP]
        found += [_REFERENCE.format(label=label) for label in parsed.references]
        found += [_HTML.format(html=" ".join(block.split())[:40])
                  for block in parsed.stash if not _is_entity(block)]
        found += _element_problems(parsed.root)
    if meant and not found:
        found += _lost_links(meant[0], shown[0])
    if not found:
        found += _bare_addresses(shown[0])
    return list(dict.fromkeys(found))


def _bare_addresses(parsed: _Parsed) -> list[str]:
    """Return a problem for each web address the page shows as words, outside any link."""
    found = []
    for words in _words_outside_links(parsed):
        for address in _ADDRESS_IN_WORDS.findall(words):
            target = address if "://" in address else "https://" + address
            found.append(_BARE_ADDRESS.format(address=address, target=target))
    return found


def _words_outside_links(parsed: _Parsed) -> list[str]:
    """Return each run of words the page shows that is not inside a link, as a reader sees it."""
    if parsed.root is None:
        return []
    runs: list[str] = []
    waiting: list[etree.Element | str] = [parsed.root]
    while waiting:
        element = waiting.pop()
        if isinstance(element, str):
            runs.append(element)
            continue
        if element.tag != "a":
            runs.append(element.text or "")
            waiting += [part for child in reversed(element)
                        for part in (child.tail or "", child)]
    return [_shown_words(run, parsed) for run in runs if run.strip()]


def _lost_links(meant: _Parsed, shown: _Parsed) -> list[str]:
    """Return a problem for each link plain Markdown makes that the page would not."""
    meant_targets, shown_targets = Counter(_targets(meant)), Counter(_targets(shown))
    lost = meant_targets - shown_targets
    if lost:
        return [_LOST_LINK.format(target=target) for target in lost]
    return [_CHANGED_LINK] if shown_targets != meant_targets else []


def _targets(parsed: _Parsed) -> list[str]:
    return [] if parsed.root is None else [link_target(a.get("href", ""))
                                           for a in parsed.root.iter("a")]


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
            found += [p for p in [url_problem(link_target(element.get("href", "")))] if p]
        waiting += reversed(element)
    return found


@dataclass(frozen=True)
class Link:
    """A link as the page shows it: where it goes, as a browser reads it, and its words."""

    target: str
    words: str


def links(text: str) -> list[Link]:
    """Return every link the text makes on its page, in order."""
    parsed = _shown(text)[0]
    if parsed.root is None:
        return []
    return [Link(link_target(a.get("href", "")), _words(a, parsed)) for a in parsed.root.iter("a")]


def link_targets(text: str) -> list[str]:
    """Return the target of every link the text makes, as a browser reads it."""
    return list(dict.fromkeys(target for parsed in _shown(text) for target in _targets(parsed)))


def links_away_from_calling(text: str) -> list[str]:
    """Return every link target in the text that does not call a phone number (`tel:`).

    Emergency text may only link to a phone call: anything else leads a reader away.
    """
    return [target for target in link_targets(text) if not target.startswith("tel:")]


def plain_text(text: str) -> str:
    """Return the text without Markdown marks, on one line: for metadata such as JSON-LD."""
    parsed = _shown(text)[0]
    if parsed.root is None:
        return " ".join(text.split())
    return _words(parsed.root, parsed)


def _words(element: etree.Element, parsed: _Parsed) -> str:
    """Return the words of an element as a reader sees them, on one line."""
    return _shown_words("".join(element.itertext()), parsed)


def _shown_words(words: str, parsed: _Parsed) -> str:
    """Return words from the parsed tree as a reader sees them, on one line."""
    for index, block in enumerate(parsed.stash):
        words = words.replace(util.HTML_PLACEHOLDER % index, block)
    # Entities (the escaped `<`, `&`, quotes) and a mail address's coded letters are characters.
    words = html.unescape(words.replace(util.AMP_SUBSTITUTE, "&"))
    return " ".join(words.split())
