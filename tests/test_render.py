"""Rendering: the shipped content becomes the same Markdown every time."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape as html_unescape
from pathlib import Path

import markdown
import pytest

from generator.content.project import load_project

from conftest import CONTENT, GOLDEN, check_golden, render_site

PAGES = render_site(load_project(CONTENT))


@pytest.mark.parametrize("path", sorted(PAGES))
def test_shipped_pages_match_the_golden_markdown(path: str, update_goldens: bool) -> None:
    check_golden(PAGES[path], GOLDEN / "markdown" / path, update_goldens)


def test_every_golden_page_is_still_generated() -> None:
    goldens = {p.relative_to(GOLDEN / "markdown").as_posix()
               for p in (GOLDEN / "markdown").rglob("*.md")}

    assert goldens == set(PAGES)


def test_rendering_twice_gives_identical_markdown() -> None:
    assert render_site(load_project(CONTENT)) == PAGES


def test_condition_sections_come_in_the_order_a_reader_needs() -> None:
    page = PAGES["conditions/muscle-twitch.md"]
    headings = [line.split(" { #")[0] for line in page.splitlines() if line.startswith("## ")]

    # What to do comes straight after the summary: a worried reader looks for that first.
    assert headings == ["## When to get help", "## What it is", "## Symptoms", "## Causes",
                        "## Treatment", "## Prevention", "## Compare",
                        "## Questions people ask", "## Sources"]
    assert page.index("Page written:") > page.index("## Sources")


def test_what_to_do_follows_the_summary_and_each_later_section_is_a_heading_and_a_body() -> None:
    page = PAGES["conditions/muscle-twitch.md"]
    body = page.split("\n---\n", 1)[1]
    sections = re.findall(r'^<div class="page-section" markdown="block">\n\n## (.+) \{ #[a-z-]+ \}'
                          r'\n\n<div class="page-section__body" markdown="block">$',
                          body, flags=re.MULTILINE)

    # Only the title, the summary and the other names come before what to do.
    assert body.index("## When to get help") < body.index("Not sure if this is what you have?")
    assert "On this page" not in body
    # A phone closes each of these to its heading (page-sections.js finds them by these names).
    assert sections == ["What it is", "Symptoms", "Causes", "Treatment", "Prevention", "Compare",
                        "Questions people ask", "Sources"]
    assert body.count("<div") == body.count("</div>")


def test_text_from_content_cannot_add_html_or_break_front_matter(
    scratch: Callable[..., Path],
) -> None:
    project = scratch()
    path = project / "content/conditions/muscle-twitch.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: Muscle twitch", 'name: "Twitch\\" <script>x</script>"')
                        .replace("  painful: No. A twitch does not hurt.",
                                 "  painful: \"{{ site.title }} --> x\""),
                    encoding="utf-8")

    page = render_site(load_project(Path("content")))["conditions/muscle-twitch.md"]

    assert 'title: "Twitch\\" <script>x</script>"' in page
    assert "# Twitch&#34; &lt;script&gt;x&lt;/script&gt;" in page
    assert "&#123;&#123; site.title &#125;&#125; --&gt; x" in page
    assert "<script>" not in page.split("---", 2)[2]


def test_markdown_in_a_name_is_shown_as_typed_not_made_a_link(
    scratch: Callable[..., Path],
) -> None:
    project = scratch()
    path = project / "content/conditions/muscle-twitch.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: Muscle twitch",
                                 'name: "[x](javascript:alert(1)) *y* {: onclick=alert(2) }"'),
                    encoding="utf-8")

    page = render_site(load_project(Path("content")))["conditions/muscle-twitch.md"]
    body = markdown.markdown(page.split("---", 2)[2], extensions=["attr_list", "md_in_html"])

    assert "<h1>[x](javascript:alert(1)) *y* {: onclick=alert(2) }</h1>" in html_unescape(body)
    assert "<a " not in body.split("</h1>")[0]
    assert "onclick" not in body.split("</h1>")[0].replace("onclick=alert(2)", "")


def test_a_source_shows_what_is_known_of_it(scratch: Callable[..., Path]) -> None:
    project = scratch()
    path = project / "content/conditions/muscle-twitch.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - title: Muscle Twitch & Spasms\n",
                                 "  - title: Muscle Twitch & Spasms\n"
                                 "    author: Sam Lee\n"
                                 "    publisher: Health Weekly\n"
                                 "    published: 2019-05-14\n"
                                 "    url: https://health-weekly.org/twitch\n", 1),
                    encoding="utf-8")

    page = render_site(load_project(Path("content")))["conditions/muscle-twitch.md"]
    section = page.split("## Sources { #sources }\n\n", 1)[1].splitlines()
    cited = next(line for line in section if line.startswith("- "))

    assert cited.startswith(
        "- [Muscle Twitch &amp; Spasms](https://health-weekly.org/twitch), by Sam Lee, "
        'Health Weekly, published <time datetime="2019-05-14">May 14, 2019</time>. '
        "The article this page is based on.")


def test_a_printed_page_names_the_guide_and_its_address(scratch: Callable[..., Path]) -> None:
    project = scratch()
    site = project / "content/site.yml"
    unpublished = PAGES["conditions/muscle-twitch.md"]
    site.write_text(site.read_text(encoding="utf-8").replace(
        "locale: en-US\n", "locale: en-US\nurl: https://muscle-guide.org/guide/\n"),
        encoding="utf-8")

    published = render_site(load_project(Path("content")))["conditions/muscle-twitch.md"]

    line = ("From Muscle Twitch and Spasm Guide. Page address: {}\n"
            "{{: .print-only data-search-exclude }}")
    assert line.format("/conditions/muscle-twitch/") in unpublished
    assert line.format("https://muscle-guide.org/guide/conditions/muscle-twitch/") in published
    assert line.format("/") in PAGES["index.md"]
