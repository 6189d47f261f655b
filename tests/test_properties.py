"""Property-based tests: any valid content renders, and any corrupted file gets a clear error."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from generator.content.project import load_project
from generator.errors import ContentErrors
from generator.safety import addresses, markdown_subset
from generator.site import render
from generator.wording import for_locale

from conftest import CONTENT, render_site

# PROPERTY_EXAMPLES=400 for a longer hunt; 40 keeps `make test` quick.
SETTINGS = settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "40")), deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
WORDS = st.text(st.characters(categories=["L", "N", "P", "S", "Zs"]), min_size=1, max_size=40)
# Text with a space at either end is left out: a line of block text that starts with a no-break
# space is refused as indented with one (tests/golden/errors/no-break-space-indent.txt), and
# YAML trims the others.
TEXT = WORDS.filter(lambda t: t.strip() == t != "" and not markdown_subset.problems(t))
ERROR_LINE = re.compile(r"^content/\S+\.yml:\d+:\d+: .+$")
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "pymdownx.details", "toc"]


def project_copy(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content", dirs_exist_ok=True)
    return tmp_path / "content"


@SETTINGS
@given(name=TEXT, summary=TEXT, symptom=TEXT, question=TEXT, answer=TEXT)
@example(name="Twitch #", summary="0", symptom="0", question="0", answer="0")  # found by it
@example(name="'", summary="0", symptom="0", question="0", answer="0")
def test_any_valid_condition_renders(tmp_path: Path, name: str, summary: str, symptom: str,
                                     question: str, answer: str) -> None:
    content = project_copy(tmp_path)
    yaml = YAML()
    path = content / "conditions/muscle-twitch.yml"
    data = yaml.load(path.read_text(encoding="utf-8"))
    data["name"], data["summary"] = name, summary
    data["symptoms"]["what_you_notice"][0] = symptom
    data["faq"][0] = {"question": question, "answer": answer}
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)

    pages = render_site(load_project(content))

    body = markdown.markdown(pages["conditions/muscle-twitch.md"].split("---", 2)[2],
                             extensions=EXTENSIONS)
    page = BeautifulSoup(body, "html.parser")
    assert page.h1.get_text() == " ".join(name.split())  # plain text shows as typed
    assert page.select("h1 *, script, [onclick], [onerror]") == []


# Pieces of links, put together at random: every text the check lets through must make on the
# page exactly the links the check saw.
LINK_PIECES = st.lists(st.sampled_from([
    "[x](", "[", "]", "(", ")", "<", ">", "&", "amp;", "#38;", "copy", "\"", "'", " ", "\n", "\t",
    "https://", "https:", "http://", "//", "a.org", "/", "?q=", "mailto:b@a.org", "tel:1",
    "*", "_", "\\", "`", "!", "{", "}", ":", "=", ";", "x",
]), min_size=1, max_size=24).map("".join)
PLACES = markdown_subset.MarkdownText("{{ text }}\n\n- {{ text | indent(2) }}\n")


@SETTINGS
@given(text=LINK_PIECES)
@example(text='[x](https://a.org "t")')
@example(text="[x](<https://a.org>)")
@example(text="[x](https://a.org/?a&amp;b)")
@example(text="[x](https:www.a.org)")
def test_a_text_that_passes_makes_the_links_the_check_saw(text: str) -> None:
    text = text.strip()
    if not text or markdown_subset.problems(text):
        return  # refused: nothing of it reaches a page
    rendered = render.environment(for_locale("en-US")).from_string(PLACES).render(
        text=markdown_subset.MarkdownText(text))
    page = BeautifulSoup(markdown.markdown(rendered, extensions=EXTENSIONS), "html.parser")
    checked = [(link.target, link.words) for link in markdown_subset.links(text)]

    for place in (page.find_all("p", recursive=False), page.find_all("li")[-1:]):
        shown = [(browser_reads(a["href"]), " ".join(a.get_text().split()))
                 for element in place for a in element.find_all("a")]
        assert shown == checked


def browser_reads(href: str) -> str:
    """Return an address as a browser reads it: trimmed, and its scheme in any case."""
    address = addresses.normalise(href)
    scheme = addresses.scheme(address)
    return address if scheme is None else scheme + address[len(scheme):]


MUTATION = st.tuples(
    st.sampled_from(["delete", "insert", "tab", "duplicate-line", "truncate"]),
    st.floats(0, 1), st.binary(min_size=1, max_size=8))


def corrupt(data: bytes, kind: str, where: float, extra: bytes) -> bytes:
    at = int(where * len(data))
    if kind == "delete":
        return data[:at] + data[at + len(extra):]
    if kind == "insert":
        return data[:at] + extra + data[at:]
    if kind == "tab":
        start = data.rfind(b"\n", 0, at) + 1
        return data[:start] + b"\t" + data[start:]
    if kind == "duplicate-line":
        start = data.rfind(b"\n", 0, at) + 1
        end = data.find(b"\n", at) + 1 or len(data)
        return data[:end] + data[start:end] + data[end:]
    return data[:at]


@SETTINGS
@given(file=st.sampled_from(["site.yml", "conditions/muscle-spasm.yml",
                             "comparisons/twitch-vs-spasm.yml", "flowcharts/twitch-or-spasm.yml"]),
       mutations=st.lists(MUTATION, min_size=1, max_size=3))
def test_any_corrupted_file_gives_clear_errors_and_never_a_traceback(
    tmp_path: Path, monkeypatch: object, file: str,
    mutations: list[tuple[str, float, bytes]],
) -> None:
    content = project_copy(tmp_path)
    path = content / file
    data = path.read_bytes()
    for kind, where, extra in mutations:
        data = corrupt(data, kind, where, extra)
    path.write_bytes(data)
    monkeypatch.chdir(tmp_path)  # type: ignore[attr-defined]

    try:
        render_site(load_project(Path("content")))
    except ContentErrors as errors:
        assert errors.errors
        for error in errors.errors:
            assert ERROR_LINE.match(str(error)), str(error)
