"""How many phone screens each built page takes, and where the first care card's heading ends.

Chromium opens every page of a built website at 360 by 740 CSS pixels (a common phone) and
reports its height in screens (page height / 740) and, on condition pages, the bottom edge of
the first care card's heading and of its first item, in pixels from the top of the first screen.
It measures; it asserts nothing.

    .venv/bin/python tests/benchmarks/phone_screens.py            # builds the shipped content
    .venv/bin/python tests/benchmarks/phone_screens.py --site site  # measures a built site
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable, as under pytest
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.first_view import CHROMIUM, _served

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 360, "height": 740}

# The page as a reader first gets it: a closed section counts as its summary line only.
MEASURE = """() => {
    const bottom = selector => {
        // The first one shown: a checker's outcomes are hidden until reached.
        const shown = [...document.querySelectorAll(selector)]
            .find(element => element.getClientRects().length > 0);
        return shown === undefined ? null : shown.getBoundingClientRect().bottom;
    };
    return {height: document.documentElement.scrollHeight,
            heading: bottom('.md-content .care-card .care-card__heading'),
            item: bottom('.md-content .care-card li')};
}"""


@dataclass(frozen=True)
class PageSize:
    """One page at phone size."""

    route: str
    height: int
    heading_bottom: float | None
    item_bottom: float | None

    @property
    def screens(self) -> float:
        """Return the page's height in screens of the phone."""
        return self.height / PHONE["height"]


def routes(site: Path) -> list[str]:
    """Return the address, from the site's root, of every page of the website but the 404."""
    return sorted(path.relative_to(site).as_posix().removesuffix("index.html")
                  for path in site.rglob("*.html") if path.name != "404.html")


def measure(site: Path) -> list[PageSize]:
    """Open every page of `site` at phone size and return its measurements."""
    from playwright.sync_api import sync_playwright

    sizes = []
    with _served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                             args=["--no-sandbox"])
        tab = browser.new_page(viewport=PHONE)  # type: ignore[arg-type]
        for route in routes(site):
            tab.goto(base + route)
            found = tab.evaluate(MEASURE)
            sizes.append(PageSize(route or "/", found["height"], found["heading"],
                                  found["item"]))
        browser.close()
    return sizes


def build(out: Path) -> Path:
    """Build the shipped content into `out` and return the website's folder."""
    from generator.builders.mkdocs_plugin.build import build_outputs
    from generator.pipeline import render_content

    build_outputs(render_content(ROOT / "content"), ROOT / "mkdocs.yml", out / "site",
                  out / "dist")
    return out / "site"


def table(sizes: list[PageSize]) -> str:
    """Return the measurements as a Markdown table."""
    def px(value: float | None) -> str:
        return "" if value is None else f"{value:.0f} px"

    lines = ["| page | screens | first care heading ends | its first item ends |",
             "|---|---|---|---|"]
    lines += [f"| `{size.route}` | {size.screens:.1f} | {px(size.heading_bottom)} "
              f"| {px(size.item_bottom)} |" for size in sizes]
    return "\n".join(lines)


def main() -> None:
    """Measure a built site, or build the shipped content and measure that."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built website folder (default: build one)")
    options = parser.parse_args()
    if options.site is not None:
        print(table(measure(options.site)))
        return
    with tempfile.TemporaryDirectory() as out:
        print(table(measure(build(Path(out)))))


if __name__ == "__main__":
    main()
