"""Where each page of the site lives, how pages link to each other, and the names ids may not take.

Every page's source path is made here, by one function for each kind of page
(`condition("muscle-twitch")` is `conditions/muscle-twitch.md`), and from it the page's address
in each output (`address`) and the link from one page to another (`link`). Templates and the
rest of the generator receive these ready-made: nothing else writes a path.

A content id becomes a file name in one of these folders, so an id that is already the name of
a page or folder of the site (`index`, `letters`) would take that page's address: those names
are kept (`RESERVED_IDS`).
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

HOME = "index.md"
TOPICS = "conditions/index.md"
FAQ = "faq.md"
ROBOTS = "robots.txt"
SITEMAP = "sitemap.xml"

_TOPIC_LETTER = "conditions/letters/{}.md"
_CONDITION = "conditions/{}.md"
_COMPARISON = "compare/{}.md"
_CHECKER = "checker/{}.md"
_FAQ_LETTER = "faq/{}.md"
_EMBED = "embed/{}.md"
_PLAIN_PAGE = "pages/{}.md"
_OEMBED = "oembed/{}.json"

ROUTES = (HOME, TOPICS, _TOPIC_LETTER, _CONDITION, _COMPARISON, _CHECKER, FAQ, _FAQ_LETTER,
          _EMBED, _PLAIN_PAGE, _OEMBED, ROBOTS)
"""Every path the generator writes, with `{}` where an id or a letter goes."""

WEBSITE_ONLY = (_EMBED, _OEMBED)
"""The paths the offline bundle leaves out: the embeddable FAQ pages and their oEmbed files
serve frames on other websites, which nobody opens from a copy of the site on a USB stick."""


def condition(condition_id: str) -> str:
    """Return the source path of a condition's page: `conditions/muscle-twitch.md`."""
    return _CONDITION.format(condition_id)


def comparison(comparison_id: str) -> str:
    """Return the source path of a comparison's page: `compare/twitch-vs-spasm.md`."""
    return _COMPARISON.format(comparison_id)


def checker(flowchart_id: str) -> str:
    """Return the source path of a flowchart's checker page: `checker/twitch-or-spasm.md`."""
    return _CHECKER.format(flowchart_id)


def plain_page(page_id: str) -> str:
    """Return the source path of a plain page: `pages/about.md`."""
    return _PLAIN_PAGE.format(page_id)


def embed(condition_id: str) -> str:
    """Return the source path of a condition's embeddable FAQ page: `embed/muscle-twitch.md`."""
    return _EMBED.format(condition_id)


def oembed(condition_id: str) -> str:
    """Return the path of a condition's oEmbed file: `oembed/muscle-twitch.json`."""
    return _OEMBED.format(condition_id)


def website_only(path: str) -> bool:
    """Return whether the page or file at `path` is on the website but not in the offline bundle."""
    return any(_fills(template, path) for template in WEBSITE_ONLY)


def _fills(template: str, path: str) -> bool:
    """Return whether `path` is `template` with a name (no folder) where its `{}` is."""
    before, _, after = template.partition("{}")
    name = path[len(before):len(path) - len(after)]
    return (path.startswith(before) and path.endswith(after)
            and len(path) > len(before) + len(after) and "/" not in name)


def topic_letter(slug: str) -> str:
    """Return the source path of the page of one letter's topics: `conditions/letters/m.md`."""
    return _TOPIC_LETTER.format(slug)


def faq_letter(slug: str) -> str:
    """Return the source path of a large site's page of one letter's questions: `faq/m.md`."""
    return _FAQ_LETTER.format(slug)


def link(page: str, target: str) -> str:
    """Return the Markdown link from the page at source path `page` to the one at `target`.

    The link is relative, between source paths (`../conditions/muscle-twitch.md`): MkDocs turns
    it into each output's address, and it works from any address the site is published at.
    """
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def address(path: str, *, folders: bool) -> str:
    """Return the address of the page or file at `path`, from the site's root.

    The website gives each page a folder address (`pages/about/`, and `./` for the home page);
    the offline bundle, opened from `file://` where a folder shows a file listing, gives its
    file (`pages/about.html`, `index.html`). These are the addresses MkDocs makes.
    """
    if not path.endswith(".md"):
        return quote(path)
    folder, _, name = path[:-len(".md")].rpartition("/")
    if name == "index":
        index = f"{folder}/" if folder else ""
        return quote((index or "./") if folders else index + "index.html")
    page = f"{folder}/{name}" if folder else name
    return quote(f"{page}/" if folders else f"{page}.html")


def between(page: str, target: str) -> str:
    """Return the relative address from one page to another, both given by `address` from the
    root of the whole site, language folders included (`es/conditions/x/`, `index.html`).

    Unlike `link`, it is not a Markdown link that the builder turns into an address: it goes
    from one language's site into another's, which no builder of one language can see.
    """
    page, target = page.removeprefix("./"), target.removeprefix("./")
    folder = page if page.endswith("/") or not page else posixpath.dirname(page)
    relative = posixpath.relpath(target or ".", folder or ".")
    if target.endswith("/") or not target:
        return "./" if relative == "." else relative + "/"
    return relative


def root_address(path: str, *, folders: bool) -> str:
    """Return a page's address as a page at the site's root links to it: `./conditions/`.

    The 404 page, served at any depth, reads these against a `<base>` at the site's root.
    """
    return "./" + address(path, folders=folders).removeprefix("./")


BUILDER_FILES = ("404.html", SITEMAP, f"{SITEMAP}.gz", "search/", "assets/")
"""What MkDocs and the theme write beside the pages: the search index goes in search/."""


def page_route(path: str) -> str:
    """Return a page's address within the site, from its source path: `conditions/x/`.

    The home page's is the empty string.
    """
    route = path.removesuffix(".md")
    return "" if route == "index" else route.removesuffix("/index") + "/"


def _names(path: str) -> set[str]:
    """Return the fixed folder and file names in a path, without their extensions."""
    return {part.split(".", 1)[0] for part in path.split("/") if part and "{}" not in part}


RESERVED_IDS: tuple[str, ...] = tuple(sorted(set().union(*map(_names, ROUTES + BUILDER_FILES))))
"""The page and folder names of the site, which no content id may be."""


def kept_name_problem(item_id: str) -> str | None:
    """Return, in a writer's words, why an id cannot name a page; None when it can."""
    if item_id not in RESERVED_IDS:
        return None
    # The id is the page's file name: `index` in conditions/ would replace the A to Z.
    return (f"`{item_id}` is the name of a page or folder the site makes itself, so this page "
            "would take its address. Choose another id, and give the file the same name. The "
            f"site keeps these names: {KEPT_NAMES}.")


KEPT_NAMES = ", ".join(f"`{name}`" for name in RESERVED_IDS)
"""The kept names, as a writer reads them in a message."""
