"""Whatever an author types, the built site has no element, attribute or script it did not make.

Every free-text field of the shipped content gets a payload of HTML, comment, attribute and
template-breaking text; the built pages must keep exactly the shape of the clean build.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from ruamel.yaml import YAML

from conftest import PUBLISHED_AT, ROOT, html

PAYLOAD = (' <script>alert(1)</script> --> <!-- "\'><img src=x onerror=alert(1)> '
           "</title></textarea> {{ site.title }} {% if x %} *a*{: onmouseover=alert(3) } "
           "[call](tel:911) {: onclick=alert(2) }")
# Text fields refuse HTML and `{: }` (check says why), so they get what check lets through.
TEXT_PAYLOAD = " --> \"'> {{ site.title }} {% if x %} *a* [call](tel:911) 2 < 3 & 4"
TEXT = {"intro", "summary", "what_it_is", "what_you_notice", "painful", "how_long", "common",
        "less_common", "rare_but_serious", "treatment", "prevention", "items", "answer", "note",
        "hint", "advice", "body", "warning_signs"}
# Fields that hold ids, dates, addresses or fixed words rather than free text.
NOT_TEXT = {"id", "start", "next", "value", "care", "field", "conditions", "locale", "url",
            "number", "last_reviewed", "next_review_due", "languages", "translated_from",
            # The plain-words list is advice to writers; no page shows it.
            "word", "plain"}


def add_payload(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        for name in list(value):
            value[name] = add_payload(value[name], name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            value[index] = add_payload(item, key)
    elif isinstance(value, str) and key not in NOT_TEXT:
        return str(value) + (TEXT_PAYLOAD if key in TEXT else PAYLOAD)
    return value


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("payload")
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    yaml = YAML()
    for path in (project / "content").rglob("*.yml"):
        data = yaml.load(path.read_text(encoding="utf-8"))
        add_payload(data)
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(data, out)
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project,
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1",
                                 "SITE_URL": PUBLISHED_AT})
    assert result.returncode == 0, result.stderr
    return project / "site"


# What the Markdown subset of text fields may make: links, emphasis and lists.
SUBSET = {("a", ("href",)), ("em", ()), ("strong", ()), ("ul", ()), ("li", ())}


def shape(site: Path, path: str) -> Counter[tuple[str, tuple[str, ...]]]:
    """Count every element by name and attribute names, leaving out the Markdown subset."""
    page = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
    found = ((tag.name, tuple(sorted(tag.attrs))) for tag in page.find_all(True))
    return Counter(item for item in found if item not in SUBSET)


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_markdown_in_plain_text_shows_as_typed(payload_site: Path) -> None:
    # Names and questions are plain text: their Markdown marks are not links or emphasis.
    h1 = html(payload_site, "conditions/muscle-twitch/index.html").h1

    assert h1.select("a, em") == []


def test_payloads_add_no_element_or_attribute_to_any_page(
    payload_site: Path, built_site: Path
) -> None:
    assert pages(payload_site) == pages(built_site)
    for path in pages(built_site):
        assert shape(payload_site, path) == shape(built_site, path), path


def test_no_page_has_an_event_handler_or_a_script_link(payload_site: Path) -> None:
    for path in pages(payload_site):
        page = BeautifulSoup((payload_site / path).read_text(encoding="utf-8"), "html.parser")
        handlers = [a for tag in page.find_all(True) for a in tag.attrs if a.startswith("on")]
        schemes = {urlsplit(a["href"]).scheme for a in page.select("a[href]")}
        assert handlers == [], path
        assert schemes <= {"", "http", "https", "mailto", "tel"}, path


def test_payloads_show_as_typed(payload_site: Path) -> None:
    page = html(payload_site, "conditions/muscle-twitch/index.html")

    assert page.h1.get_text() == "Muscle twitch" + PAYLOAD
    assert page.title.get_text().startswith("Muscle twitch" + PAYLOAD)
    assert TEXT_PAYLOAD.split(" *")[0] in page.select_one('meta[name="description"]')["content"]


def test_payloads_survive_in_json_ld_flowchart_data_and_oembed(payload_site: Path) -> None:
    condition = html(payload_site, "conditions/muscle-twitch/index.html")
    graph = json.loads(condition.select_one('script[type="application/ld+json"]').string)
    checker = html(payload_site, "checker/twitch-or-spasm/index.html")
    flow = json.loads(checker.select_one(".flowchart")["data-graph"])
    oembed = json.loads((payload_site / "oembed/muscle-twitch.json").read_text(encoding="utf-8"))

    assert graph["@graph"][1]["name"] == "Muscle twitch" + PAYLOAD
    assert flow["steps"]["painful"]["text"] == "Does the muscle movement hurt?" + PAYLOAD
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in oembed["html"]
    assert "<script>alert(1)" not in oembed["html"]
