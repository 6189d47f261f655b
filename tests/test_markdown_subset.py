"""The Markdown subset: links may only go to web pages, email and phone numbers."""

from __future__ import annotations

import pytest

from generator.markdown_subset import plain_text, problems


@pytest.mark.parametrize("text", [
    "[x](javascript:alert(1))",
    "[x]( JavaScript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x][1]\n\n[1]: javascript:alert(1)",
    "[x](data:text/html,hi)",
    "[x](vbscript:msgbox)",
])
def test_script_links_are_refused(text: str) -> None:
    assert problems(text) != []


@pytest.mark.parametrize("text", [
    "[a page](https://example.org/)",
    "[write](mailto:team@example.org)",
    "call [911](tel:911)",
    "*emphasis* and **strong**",
    "- a list\n- of items",
])
def test_the_allowed_subset_passes(text: str) -> None:
    assert problems(text) == []


def test_headings_and_images_are_refused() -> None:
    assert problems("# Big") and problems("![x](https://example.org/a.png)")


def test_plain_text_drops_the_marks() -> None:
    assert plain_text("See *this* [page](https://example.org/)\nnow") == "See this page now"
