"""Secure every page of a built site, and refuse the site if any page is unsafe.

This pass runs over the HTML files in a site folder, whichever builder wrote them: `build`
runs it before it puts a new site in place, and `python -m generator guard SITE_DIR` runs it
on a site built from `export` by another builder. Each page gets its Content-Security-Policy
(generator/safety/csp.py), and the output guard (generator/safety/output_guard.py) checks
the page as a browser reads it. Every unsafe page is named, with each unsafe element, before
the pass fails.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator.safety.csp import publishable_page

Stamp = tuple[int, int, int]
"""What tells that a file was written again: its inode, size and time of change."""


class UnsafePages(Exception):
    """Built pages that are not safe to publish, each with what is wrong in it."""


def secured_page(html: str, name: str, site_url: str | None, *,
                 live_reload: bool = False) -> str:
    """Return the page with its Content-Security-Policy; raise UnsafePages if it is unsafe."""
    try:
        page = publishable_page(html, site_url, live_reload=live_reload)
    except ValueError as error:
        raise UnsafePages(f"{name}: {error}.") from None
    if page.problems:
        raise UnsafePages(f"{name}: the built page is not safe to publish:\n  "
                          + "\n  ".join(page.problems))
    return page.html


def page_stamps(site_dir: Path) -> dict[Path, Stamp]:
    """Return the stamp of every HTML page under `site_dir`, before a rebuild writes some."""
    return {path: stamp(path) for path in site_dir.rglob("*.html") if path.is_file()}


def stamp(path: Path) -> Stamp:
    """Return what tells that a file was written again since."""
    info = path.lstat()
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def secure_site(site_dir: Path, site_url: str | None,
                kept: Mapping[Path, Stamp] | None = None) -> int:
    """Give every HTML page under `site_dir` its policy; return how many pages there are.

    `site_url` is the address the site is published at, whose files a page may load by their
    full address; without it, pages may load only by relative addresses. Raises UnsafePages
    naming every unsafe page, in path order, once every page has been read; an unsafe page is
    left as it was (`build` then publishes none of them). The pages of a rebuild that still
    have the stamps in `kept` (`page_stamps`) were secured when they were built, and are left
    as they are.
    """
    kept = kept or {}
    pages = [path for path in sorted(site_dir.rglob("*.html"))
             if (path.is_file() or path.is_symlink())
             and not (path in kept and stamp(path) == kept[path])]
    refused: list[str] = []
    for path in pages:
        name = path.relative_to(site_dir).as_posix()
        if path.is_symlink():  # securing it would write to whatever file it names
            refused.append(f"{name}: the page is a link to another file; a built page must be "
                           "a file of its own.")
            continue
        try:
            html = secured_page(_read(path, name), name, site_url)
        except UnsafePages as unsafe:
            refused.append(str(unsafe))
            continue
        path.write_bytes(html.encode("utf-8"))
    if refused:
        raise UnsafePages("\n".join(refused))
    return len(pages)


def _read(path: Path, name: str) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise UnsafePages(f"{name}: the page is not UTF-8 text, so it cannot be checked.") \
            from None
