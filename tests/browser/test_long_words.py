"""A writer's very long word wraps on a small phone: nothing is pushed off the screen.

A long word (a drug's chemical name, an address, a word typed without spaces) would otherwise
widen its box past the screen: the call button leaves the emergency banner, and the reader
must scroll sideways to read the page.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from browser.conftest import _local_only, build_edited_site, serve

pytestmark = pytest.mark.browser

WORD = "Supercalifragilisticexpialidocious" * 6  # 204 letters, no place to break
WIDTH = 320
PAGE_TYPES = {
    "home": "",
    "condition": "conditions/muscle-twitch/",
    "topics A to Z": "conditions/",
    "comparison": "compare/twitch-vs-spasm/",
    "checker": "checker/twitch-or-spasm/",
    "questions": "faq/",
    "embed": "embed/muscle-twitch/",
    "plain page": "pages/about/",
    "not found": "no/such/page/",
}
EDITS = {
    "site.yml": {"get emergency help now.": f"get emergency help now, {WORD}."},
    "conditions/muscle-twitch.yml": {
        "name: Muscle twitch\n": f"name: Muscle {WORD}\n",
        "A small, fast movement": f"A small, fast {WORD} movement",
        "question: Does a muscle twitch hurt?": f"question: Does a muscle {WORD} hurt?",
        # The comparison's first row shows this field.
        "painful: No. A twitch does not hurt.": f"painful: No. A {WORD} does not hurt.",
    },
    "flowcharts/twitch-or-spasm.yml": {
        "text: Do you have serious medical symptoms?":
            f"text: Do you have serious {WORD} symptoms?",
        "title: This sounds like a muscle twitch": f"title: This sounds like a {WORD}",
    },
    "pages/about.yml": {"title: About this guide": f"title: About {WORD}",
                        "heading: Who checks the pages": f"heading: Who checks {WORD}"},
}

# What sticks out past the screen: the page's own width, the call button's box, and any
# scrolling box (the comparison table's) that must be scrolled sideways to be read.
MEASURE = """() => {
    const call = document.querySelector('.emergency-banner__call').getBoundingClientRect();
    const scrollers = [...document.querySelectorAll('.md-content *')].filter(element =>
        ['auto', 'scroll'].includes(getComputedStyle(element).overflowX)
        && element.scrollWidth > element.clientWidth + 1);
    return {page: document.documentElement.scrollWidth,
            call: call.left >= 0 && call.right <= innerWidth && call.width >= 44,
            scrollers: scrollers.map(element => element.className)};
}"""


@pytest.fixture(scope="module")
def long_words_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serve(build_edited_site(tmp_path_factory.mktemp("long-words"), EDITS))


def test_a_200_letter_word_wraps_on_every_kind_of_page_at_320_px(
    browser: Browser, long_words_url: str,
) -> None:
    context = browser.new_context(viewport={"width": WIDTH, "height": 640})
    context.route("**/*", _local_only)
    page = context.new_page()
    seen = {}
    for name, path in PAGE_TYPES.items():
        page.goto(long_words_url + path)
        assert WORD in page.content(), name
        seen[name] = page.evaluate(MEASURE)
    context.close()

    assert seen == {name: {"page": WIDTH, "call": True, "scrollers": []} for name in PAGE_TYPES}
