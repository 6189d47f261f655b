"""Where each page of the site lives, and the names that no content id may take.

A page's source path is made here (`conditions/muscle-twitch.md`); MkDocs turns it into an
address (`conditions/muscle-twitch/`). A content id becomes a file name in one of these
folders, so an id that is already the name of a page or folder of the site (`index`,
`letters`) would take that page's address: those names are kept (`RESERVED_IDS`).
"""

from __future__ import annotations

from urllib.parse import quote

HOME = "index.md"
TOPICS = "conditions/index.md"
TOPIC_LETTER = "conditions/letters/{}.md"
CONDITION = "conditions/{}.md"
COMPARISON = "compare/{}.md"
CHECKER = "checker/{}.md"
FAQ = "faq.md"
FAQ_LETTER = "faq/{}.md"
EMBED = "embed/{}.md"
PLAIN_PAGE = "pages/{}.md"
OEMBED = "oembed/{}.json"
ROBOTS = "robots.txt"

ROUTES = (HOME, TOPICS, TOPIC_LETTER, CONDITION, COMPARISON, CHECKER, FAQ, FAQ_LETTER, EMBED,
          PLAIN_PAGE, OEMBED, ROBOTS)
"""Every path the generator writes, with `{}` where an id or a letter goes."""


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

BUILDER_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/", "assets/")
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
