"""Every word a built page shows is content, the theme's own words, or from our word catalog.

The shipped content is built for real (both outputs, with MkDocs and with Zensical) in the
pseudo-locale, where every catalog text comes wrapped in ⟦…⟧ (`wording.pseudo`). Then each
built page is read as a browser reads it with scripts off, so that <noscript> counts as the
text it is then, and every visible text and every reader-facing attribute must be one of:

1. wrapped: inside ⟦…⟧. A catalog text may be split by markup (⟦Call <a>911</a> now⟧) or hold
   several paragraphs, so wraps are followed through the page's texts in order, not per node;
2. content: a string of the loaded content, as its Markdown renders (emphasis and links gone);
3. the theme's own words: the builder's theme's translated strings (Material's, or
   Zensical's own copy of them) for mkdocs.yml's `theme.language`;
4. no letters at all (a number, punctuation, a symbol), but never a date: dates are formatted
   inside catalog texts;
5. a language's name in itself, as the language switcher shows it ("Español").

A page of a translation (`es/…`) is read with its own language's content and theme words.

Inline elements are joined into the text of their block (a paragraph, a heading, a list item),
so a content sentence with emphasis reads as the sentence it is. A block's unwrapped text may be
made of several content strings and theme words with punctuation between them (a source's
title, a comma, its publisher); once those are taken out, no letter may be left.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import markdown  # type: ignore[import-untyped]  # no stubs
import material
import pytest
import zensical
from pydantic import BaseModel
from selectolax.lexbor import LexborHTMLParser, LexborNode

from generator import languages, pipeline, wording
from generator.builders.mkdocs_plugin.build import MKDOCS, Builder, build_outputs
from generator.builders.zensical_build import ZENSICAL
from generator.content.project import Project, load_project
from generator.pipeline import RenderedSite
from generator.safety import markdown_subset
from generator.site import routes

from conftest import CONTENT, PUBLISHED_AT, ROOT

OPEN, CLOSE = wording.PSEUDO_MARKS
SKIPPED = {"script", "style", "-comment"}
"""What never shows as text: code and styles (their words come in attributes or scripts)."""
INLINE = {"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i",
          "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
          "time", "u", "var", "wbr", "-text"}
"""Elements whose text runs on in the text of the block around them."""
TEXT_ATTRIBUTES = {"aria-label", "aria-description", "aria-roledescription", "aria-placeholder",
                   "aria-valuetext", "title", "alt", "placeholder", "label"}
"""Attributes a reader sees or hears, whatever element holds them."""
BUTTON_TYPES = {"button", "submit", "reset"}
"""Inputs whose `value` is their label."""
TEXT_METAS = {"description", "og:title", "og:description", "og:site_name", "og:image:alt",
              "twitter:title", "twitter:description", "application-name",
              "apple-mobile-web-app-title"}
"""Meta tags whose `content` is words: a page's summary and title where it is shared."""
IDENTIFIER = re.compile(r"[a-z0-9_]+(?:-+[a-z0-9_]+)*|[#./].*|[a-z]+://.*")
"""A data attribute's names, ids and addresses, which scripts use but never show."""
IDENTIFIER_FIELDS = {"id", "value", "next", "start", "conditions", "care", "field", "locale"}
"""Content fields that hold ids, not words: a page that shows one as a word shows English."""
LETTER = re.compile(r"[^\W\d_]")
DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
BUILDERS = {"mkdocs": MKDOCS, "zensical": ZENSICAL}
THEME_WORDS = {"mkdocs": Path(material.__file__).parent / "templates/partials/languages",
               "zensical": Path(zensical.__file__).parent / "templates/partials/languages"}
"""Where each builder's theme keeps its words: Zensical renders with its own copy of Material."""
MATERIAL_PAIR = re.compile(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)",?$', re.MULTILINE)
NOT_WORDS = ("language", "direction", "search.config.")
"""Material's settings kept with its words, which no page shows."""


# Reading a page


@dataclass(frozen=True)
class PageTexts:
    """What a page shows a reader: its blocks of text in page order, and its attribute texts."""

    blocks: list[str]
    attributes: list[str]


def page_texts(html: str) -> PageTexts:
    """Return a page's texts as a browser with scripts off shows them."""
    tree = LexborHTMLParser(html, scripting=False)
    blocks: list[str] = []
    attributes: list[str] = []
    if tree.root is not None:
        rest = _read(tree.root, blocks, attributes)
        blocks.append(rest)
    return PageTexts([b for b in (" ".join(b.split()) for b in blocks) if b],
                     [a for a in (" ".join(a.split()) for a in attributes) if a])


def _read(node: LexborNode, blocks: list[str], attributes: list[str]) -> str:
    """Collect the texts under `node`; return the inline text it leaves for its block."""
    text = ""
    for child in _children(node):
        tag = child.tag or ""
        if tag in SKIPPED:
            continue
        if tag == "-text":
            text += child.text_content or ""
            continue
        attributes.extend(_attribute_texts(tag, child.attributes))
        if tag == "br":
            text += " "
        elif tag == "pre" and child.text().lstrip().startswith("<"):
            # Code to copy into a page, like the embed code: its words show on that page.
            shown = page_texts(child.text())
            blocks += [text, *shown.blocks]
            attributes += shown.attributes
            text = ""
        elif tag in INLINE:
            text += _read(child, blocks, attributes)
        else:
            blocks.append(text)
            blocks.append(_read(child, blocks, attributes))
            text = ""
    return text


def _children(node: LexborNode) -> Iterator[LexborNode]:
    # A template's content lives outside the tree, but a script can put it on the page.
    if node.tag == "template":
        for fragment in node.template_fragments():
            yield from fragment.iter(include_text=True)
    yield from node.iter(include_text=True)


def _attribute_texts(tag: str, attributes: Mapping[str, str | None]) -> Iterator[str]:
    values = {name.lower(): value or "" for name, value in attributes.items()}
    yield from (value for name, value in values.items() if name in TEXT_ATTRIBUTES)
    if tag == "input" and values.get("type", "").lower() in BUTTON_TYPES:
        yield values.get("value", "")
    if tag == "meta" and (values.get("name") or values.get("property")) in TEXT_METAS:
        yield values.get("content", "")
    for name, value in values.items():
        if name.startswith("data-") and not name.startswith("data-md-"):  # Material's switches
            yield from (word for word in _data_strings(value) if not IDENTIFIER.fullmatch(word))


def _data_strings(value: str) -> Iterator[str]:
    """Return the strings of a data attribute: itself, or those of the JSON it holds."""
    try:
        data = json.loads(value) if value.lstrip()[:1] in ("{", "[") else value
    except json.JSONDecodeError:
        data = value
    yield from _strings(data)


def _strings(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for item in data.values():
            yield from _strings(item)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)


# Telling each text apart


@dataclass(frozen=True)
class Vocabulary:
    """The words a page may show outside a wrap: the content's and the theme's."""

    known: re.Pattern[str]
    texts: frozenset[str]

    @classmethod
    def of(cls, texts: Iterable[str]) -> Vocabulary:
        """Return the vocabulary of these texts, each matched as a whole, longest first."""
        words = sorted({t for t in texts if LETTER.search(t)}, key=lambda t: (-len(t), t))
        # Not inside a word: the content's "No." must not explain the "no" of "not".
        return cls(re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, words))
                              + r")(?![^\W_])" if words else r"(?!)"), frozenset(words))

    def unexplained(self, texts: list[str]) -> list[str]:
        """Return the pieces of these texts (in order) that no wrap, content or theme explains.

        A wrap may run on from one text into the next; one that never ends is unexplained.
        """
        found: list[str] = []
        depth, opened_in = 0, ""
        for text in texts:
            opened_in = text if depth == 0 else opened_in
            pieces, depth = _unwrapped(text, depth)
            found += [piece for piece in pieces if not self._explained(piece)]
            if depth < 0:
                found.append(f"{CLOSE} with no {OPEN} before it, in: {text}")
                depth = 0
        if depth > 0:
            found.append(f"{OPEN} with no {CLOSE} after it, in: {opened_in}")
        return found

    def _explained(self, piece: str) -> bool:
        if self._shortened(piece):
            return True
        rest = self.known.sub(" ", piece)
        return not LETTER.search(rest) and not DATE.search(piece)

    def _shortened(self, piece: str) -> bool:
        """Tell whether the piece is the start of a text, cut at a word (a page's summary)."""
        start = piece.removesuffix("…")
        return start != piece and any(text.startswith(start) and not text[len(start)].isalnum()
                                      for text in self.texts if len(text) > len(start))


def _unwrapped(text: str, depth: int) -> tuple[list[str], int]:
    """Return the pieces of `text` outside every wrap, and how many wraps are open at its end."""
    pieces, piece = [], ""
    for char in text:
        if char == OPEN:
            depth += 1
        elif char == CLOSE:
            depth -= 1
            if depth < 0:
                break
        elif depth == 0:
            piece += char
            continue
        pieces.append(piece)
        piece = ""
    pieces.append(piece)
    return [p for p in (" ".join(p.split()) for p in pieces) if p], depth


def content_texts(project: Project) -> set[str]:
    """Return every text of the content, as pages show it: whole, and each block rendered."""
    found: set[str] = set()
    # Not the documents: they are the raw YAML, whose keys are field names, not content.
    for text in _content_strings((project.site, project.items, project.plain_words)):
        found.add(" ".join(text.split()))
        found.add(markdown_subset.plain_text(text))
        shown = markdown.markdown(str(markdown_subset.escape_markdown(text)),
                                  extensions=list(markdown_subset.MARKDOWN_EXTENSIONS))
        found.update(page_texts(shown).blocks)
    return found


def _content_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in IDENTIFIER_FIELDS:
                yield from _content_strings(getattr(value, name))
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _content_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _content_strings(item)


def theme_words(language: str, builder: str = "mkdocs") -> set[str]:
    """Return the builder's theme's translated strings for `language`, from the installed theme."""
    text = (THEME_WORDS[builder] / f"{language}.html").read_text(encoding="utf-8")
    return {json.loads(f'"{value}"') for key, value in MATERIAL_PAIR.findall(text)
            if not key.startswith(NOT_WORDS)}


def unexplained_texts(html: str, vocabulary: Vocabulary) -> list[str]:
    """Return every text of a built page that is not wrapped, content or the theme's."""
    texts = page_texts(html)
    return [*vocabulary.unexplained(texts.blocks),
            *(found for text in texts.attributes for found in vocabulary.unexplained([text]))]


def report(found: Mapping[str, list[str]], top: int = 40) -> str:
    """Return the unexplained texts, most pages first: each with its first pages and count."""
    pages_of: dict[str, list[str]] = defaultdict(list)
    for page, texts in found.items():
        for text in dict.fromkeys(texts):
            pages_of[text].append(page)
    ranked = sorted(pages_of.items(), key=lambda item: (-len(item[1]), item[0]))
    lines = [f"{len(pages):3} pages  {text!r}: {', '.join(pages[:3])}"
             + (", …" if len(pages) > 3 else "") for text, pages in ranked[:top]]
    more = f"\n… and {len(ranked) - top} more texts" if len(ranked) > top else ""
    return (f"Texts on built pages that are neither content, Material's words nor from the "
            f"word catalog (put them in generator/locales/en/…/messages.po): {len(ranked)}\n"
            + "\n".join(lines) + more)


# The pseudo-locale build


@dataclass(frozen=True)
class PseudoBuild:
    """The shipped site built in the pseudo-locale: each output's folder, and what made them."""

    builder: str
    rendered: RenderedSite
    outputs: dict[str, Path]

    def pages(self) -> Iterator[tuple[str, str]]:
        """Return every built page of both outputs as its name and its HTML."""
        for name, folder in self.outputs.items():
            for page in sorted(folder.rglob("*.html")):
                yield f"{name}/{page.relative_to(folder).as_posix()}", \
                    page.read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=list(BUILDERS))
def pseudo_build(request: pytest.FixtureRequest,
                 tmp_path_factory: pytest.TempPathFactory) -> PseudoBuild:
    """Build the shipped content in the pseudo-locale with each builder, as `build` does."""
    builder: Builder = BUILDERS[request.param]
    out = tmp_path_factory.mktemp(f"pseudo-locale-{builder.name}")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        words = wording.for_locale(load_project(CONTENT).site.locale)
        rendered = pipeline.render_content(CONTENT, site_url=PUBLISHED_AT,
                                           words=wording.pseudo(words))
        bundle = build_outputs(rendered, ROOT / "mkdocs.yml", out / "site", out / "dist",
                               builder)
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(out / "offline")
    return PseudoBuild(builder.name, rendered, {"website": out / "site",
                                  "offline": out / "offline" / rendered.project.site.slug})


@pytest.fixture(scope="module")
def vocabularies(pseudo_build: PseudoBuild) -> dict[str, Vocabulary]:
    """Return the words each language's pages may show outside a wrap, by its folder."""
    names = {rules.name for rules in languages.RULES.values()}
    return {edition.folder: Vocabulary.of(
                content_texts(edition.project) | names
                | theme_words(edition.project.language, pseudo_build.builder))
            for edition in pseudo_build.rendered.editions}


def vocabulary_of(page: str, vocabularies: dict[str, Vocabulary]) -> Vocabulary:
    """Return the vocabulary of a page, named by its output and path (`website/es/…`)."""
    path = page.split("/", 1)[1]
    return next((vocabulary for folder, vocabulary in vocabularies.items()
                 if folder and path.startswith(folder)), vocabularies[""])


# The shipped site


def test_every_page_of_both_outputs_is_read(pseudo_build: PseudoBuild) -> None:
    pages = [name for name, _ in pseudo_build.pages()]
    # Each language's pages in each output, and its 404 page: the offline bundle has no
    # embed pages.
    editions = pseudo_build.rendered.editions
    website = [page for edition in editions for page in edition.bodies]
    offline = [page for page in website if not routes.website_only(page)]

    assert len([page for page in pages if page.startswith("website/")]) == \
        len(website) + len(editions)
    assert len([page for page in pages if page.startswith("offline/")]) == \
        len(offline) + len(editions)
    assert {"website/404.html", "offline/404.html", "website/faq/index.html",
            "offline/faq.html", "website/es/faq/index.html", "offline/es/faq.html"} <= set(pages)


def test_every_text_of_every_page_is_content_theme_words_or_from_the_catalog(
    pseudo_build: PseudoBuild, vocabularies: dict[str, Vocabulary],
) -> None:
    found = {name: texts for name, html in pseudo_build.pages()
             if (texts := unexplained_texts(html, vocabulary_of(name, vocabularies)))}

    assert not found, report(found)


@pytest.mark.parametrize("name", ["website/faq/index.html", "offline/faq.html"])
def test_the_questions_page_shows_its_title_from_the_catalog(
    pseudo_build: PseudoBuild, name: str,
) -> None:
    title = pseudo_build.rendered.words.text("faq.title")
    html = dict(pseudo_build.pages())[name]
    tree = LexborHTMLParser(html)

    assert title == f"{OPEN}Questions people ask{CLOSE}"
    assert [heading.text(strip=True) for heading in tree.css("h1")] == [title]
    site = pseudo_build.rendered.project.site.title
    assert [head.text() for head in tree.css("title")] == [f"{title} - {site}"]
    assert sum(text.startswith(OPEN) for text in page_texts(html).blocks) >= 2


def test_every_page_shows_the_emergency_call_in_the_catalogs_words(
    pseudo_build: PseudoBuild,
) -> None:
    words = pseudo_build.rendered.words
    call = words.text("theme.emergency.call", number="911")
    without_it = []
    for name, html in pseudo_build.pages():
        banner = LexborHTMLParser(html).css_first(".emergency-banner")
        if banner is None or banner.css_first("a[href='tel:911']") is None or (
                banner.css_first("a[href='tel:911']").text(strip=True) != call):
            without_it.append(name)

    assert call == f"{OPEN}Call 911{CLOSE}"
    assert without_it == []


# The classifier itself, on made-up pages


SMALL = Vocabulary.of({"Does a muscle twitch hurt?", "Answer a few questions, one at a time.",
                       "Muscle twitch", "Harvard Health", "No.",
                       *theme_words("en")})


def page(body: str) -> str:
    """Return a small page with this body."""
    return f"<!doctype html><html><head><title>⟦Home⟧</title></head><body>{body}</body></html>"


def test_a_wrapped_text_passes_even_when_markup_splits_it() -> None:
    assert unexplained_texts(page("<p>⟦Call <a href='tel:911'>911</a> now⟧</p>"
                                  "<p>⟦First paragraph</p><p>second paragraph⟧</p>"), SMALL) == []


def test_an_english_word_outside_the_content_and_the_catalog_fails() -> None:
    found = unexplained_texts(page("<p>⟦Last reviewed⟧ by our team</p>"
                                   "<button aria-label='Close the menu'>&times;</button>"), SMALL)

    assert found == ["by our team", "Close the menu"]


def test_a_content_sentence_with_emphasis_passes() -> None:
    assert unexplained_texts(page("<h2>Does a muscle twitch <em>hurt</em>?</h2>"
                                  "<p><a href='x'>Muscle twitch</a>, Harvard Health</p>"),
                             SMALL) == []


def test_content_explains_only_whole_words() -> None:
    assert unexplained_texts(page("<p>Not now.</p><p>Muscle twitches</p>"), SMALL) == [
        "Not now.", "Muscle twitches"]


def test_a_summary_cut_at_a_word_passes_but_not_one_cut_inside_a_word() -> None:
    assert unexplained_texts(page("<meta name='description' content='Answer a few questions…'>"
                                  "<meta name='description' content='Answer a few quest…'>"),
                             SMALL) == ["Answer a few quest…"]


def test_embed_code_is_read_as_the_page_it_goes_into() -> None:
    code = "&lt;iframe title=&quot;Questions from us&quot;&gt;&lt;/iframe&gt;&lt;script&gt;f()"
    assert unexplained_texts(page(f"<pre><code>{code}</code></pre>"), SMALL) == [
        "Questions from us"]


def test_the_themes_own_words_pass_and_numbers_pass_but_a_date_fails() -> None:
    assert unexplained_texts(page("<a href='#main'>Skip to content</a><p>911</p><p>→ 3/4</p>"
                                  "<p>2025-03-01</p><input placeholder='Search'>"), SMALL) == [
        "2025-03-01"]


def test_noscript_text_templates_and_data_words_are_read_but_ids_are_not() -> None:
    found = unexplained_texts(page(
        "<noscript><p>Turn on JavaScript</p></noscript><template><p>Step two</p></template>"
        "<script>var shown = 'never read';</script>"
        "<div data-graph='{\"start\": \"spasm-pain\", \"text\": \"Go back\"}' data-step='yes'"
        " data-md-color-media='(prefers-color-scheme: dark)'></div>"), SMALL)

    assert found == ["Turn on JavaScript", "Step two", "Go back"]


def test_a_wrap_that_never_closes_fails() -> None:
    assert unexplained_texts(page("<p>⟦Call now</p>"), SMALL) == [
        "⟦ with no ⟧ after it, in: ⟦Call now"]


def test_the_report_names_each_text_once_with_its_first_pages() -> None:
    found = {f"website/p{n}.html": ["Made with", "Made with"] for n in range(5)}

    assert report(found) == (
        "Texts on built pages that are neither content, Material's words nor from the word "
        "catalog (put them in generator/locales/en/…/messages.po): 1\n"
        "  5 pages  'Made with': website/p0.html, website/p1.html, website/p2.html, …")
