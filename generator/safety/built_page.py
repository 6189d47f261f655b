"""Read a built page once, the way a browser reads it, for the policy and the output guard.

The page is parsed by Lexbor (through selectolax), a conforming HTML5 parser written in C. It
builds the same tree a browser builds, including the HTML standard's error recovery, so what the
checks see is what readers' browsers run: markup that a lenient parser reads one way and a
browser another cannot slip past them. It is also fast enough to read every page of a large
site.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode


@dataclass(slots=True)  # not frozen: that makes each of a page's hundreds of elements slower
class Element:
    """One element of a built page, with lower-case tag and attribute names."""

    tag: str
    attributes: dict[str, str]  # an attribute written without a value has ""
    node: LexborNode

    def text(self) -> str:
        """Return the element's own text, as a browser hashes an inline script."""
        return self.node.text(deep=False)


@dataclass(frozen=True, slots=True)
class BuiltPage:
    """A built page's source and its elements in page order, <template> content included."""

    html: str
    elements: list[Element]
    scripting: bool

    @property
    def has_noscript(self) -> bool:
        """Tell whether part of the page is read differently when scripts are off."""
        return any(element.tag == "noscript" for element in self.elements)


def read_page(html: str, *, scripting: bool = True) -> BuiltPage:
    """Parse a page as a browser does with scripts on (the default) or off."""
    tree = LexborHTMLParser(html, scripting=scripting)
    elements = list(_elements(tree.root)) if tree.root is not None else []
    return BuiltPage(html, elements, scripting)


def _elements(top: LexborNode) -> Iterator[Element]:
    for node in top.traverse():
        tag, attributes = node.tag or "", node.attributes
        # SVG keeps camelCase names (attributeName, foreignObject); HTML ones are lower already.
        yield Element(tag.lower(),
                      {name.lower(): value or "" for name, value in attributes.items()}
                      if attributes else {}, node)
        if tag == "template":
            # A template's content lives outside the tree, but script can clone it into the page.
            for fragment in node.template_fragments():
                yield from _elements(fragment)
