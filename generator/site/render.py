"""Stage 4: turn the validated project into Markdown pages with Jinja2 templates."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator import kinds
from generator.compiled_templates import keep_compiled
from generator.content.models import Comparison, Condition, Flowchart, Page, Review, Site
from generator.content.project import Project
from generator.kinds import Kind
from generator.safety.markdown_subset import (
    MarkdownText,
    escape_markdown,
    escape_plain,
    indent_lines,
)
from generator.site import contact, front_matter, routes, structured_data, views
from generator.site.front_matter import FrontMatter
from generator.site.navigation import PageMenu, condition_menu, page_menu
from generator.site.structured_data import JsonLd
from generator.wording import Wording

Pages = dict[str, str]
Values = dict[str, Any]


TEMPLATES = Path(__file__).parent / "templates"


def environment(words: Wording) -> Environment:
    """Return the Jinja2 environment, in which every printed value from content is escaped.

    Plain text shows exactly as typed, in Markdown and in HTML alike; Markdown-subset text
    keeps its emphasis, links and lists, but never HTML or attribute lists. The templates'
    own words come from the catalog (generator/wording.py) through Jinja's i18n extension:
    `{{ _("faq.title") }}`, `{{ _("page.written", date=…) }}`, `{{ plural("faq.topics", n) }}`,
    and are escaped like any text. The compiled templates are kept until a template file
    changes (as in `mkdocs serve`).
    """
    changed = max(path.stat().st_mtime_ns for path in TEMPLATES.iterdir())
    return _environment(changed, words)


@lru_cache(maxsize=4)
def _environment(templates_changed: int, words: Wording) -> Environment:
    env = Environment(
        loader=PackageLoader("generator.site", "templates"),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # `environment()` notices template changes, once per call
        finalize=_escape_for_markdown,
    )
    env.filters["indent"] = _indent
    # A catalog text that holds Markdown marks (code spans) keeps them: `_("x") | markdown`.
    env.filters["markdown"] = MarkdownText
    # Not newstyle: its Markup would skip the Markdown escaping that every text gets.
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=words.text, ngettext=_ngettext(words), newstyle=False)
    env.globals["plural"] = words.plural
    return keep_compiled(env)


def _ngettext(words: Wording) -> Callable[..., str]:
    def ngettext(key: str, _plural_key: str, count: int, **values: object) -> str:
        return words.plural(key, count, **values)
    return ngettext


def _escape_for_markdown(value: object) -> object:
    if isinstance(value, Markup):
        return value  # made safe already: by Jinja's tojson, or escaped by markdown_subset
    if isinstance(value, MarkdownText):
        return escape_markdown(value)
    if isinstance(value, str):
        return escape_plain(value)
    return value


def _indent(value: str, width: int) -> str:
    # Jinja's own indent returns a plain str, which would lose the Markdown of the text.
    indented = indent_lines(value, width)
    return MarkdownText(indented) if isinstance(value, MarkdownText) else indented


class _PageWriter:
    """Render pages with what every page carries: review dates, description and JSON-LD."""

    def __init__(self, project: Project, large: bool, words: Wording,
                 original: Project | None = None) -> None:
        self.env = environment(words)
        self.words = words
        self.site = project.site
        self.language = project.language
        self.original = original
        """The site this one is a translation of; None for the site's own language."""
        self.large = large
        self.site_menu = page_menu(project, large=large)
        """The menu of a page with no section of its own (None on a small site)."""
        self.bodies: Pages = {}
        self.front_matter: dict[str, FrontMatter] = {}

    def condition_menu(self, project: Project, condition: Condition) -> PageMenu | None:
        """Return a condition page's own menu, from the site's (None on a small site)."""
        return (condition_menu(self.site_menu, project, condition, self.words)
                if self.site_menu else None)

    def add(self, path: str, template: str, *, title: str, description: str, review: Review,
            about: tuple[JsonLd, ...] = (), menu: PageMenu | None = None, home: bool = False,
            hide_toc: bool = False, embed_page: bool = False, search_boost: int | None = None,
            oembed: list[dict[str, str]] | None = None, **context: Any) -> None:
        """Render one page's body and its front matter values into `bodies` and `front_matter`."""
        site = self.site
        web_page = structured_data.medical_web_page(site, path, title, description, review)
        values = front_matter.page_front_matter(
            title=title, description=views.page_description(description), home=home,
            hide_toc=hide_toc, embed_page=embed_page, search_boost=search_boost, oembed=oembed,
            menu=menu.as_front_matter() if menu else None,
            notice=views.translation_notice(review, self.original.language, site.locale,
                                            self.words) if self.original else None,
            structured_data=structured_data.graph(web_page, *about))
        self.front_matter[path] = values
        self.bodies[path] = self.env.get_template(template).render(
            site=site, emergency_number=site.emergency_number, title=title,
            review=views.review_dates(review, site.locale, self.words),
            page_address=views.print_address(site, path), **context)


def render_pages(project: Project, *, large: bool, words: Wording,
                 original: Project | None = None) -> tuple[Pages, dict[str, FrontMatter]]:
    """Return every page's Markdown body and its front matter values, by path.

    Each file of a folder kind (generator/kinds.py) is a page, with its kind's template. On a
    `large` site (`views.is_large`), lists of topics get a page per letter, in the order of
    the project's language. Every word that is not content comes from `words`. The pages of a
    translation (of `original`) each say that a health professional has not reviewed it yet,
    unless a reviewer is named.
    """
    writer = _PageWriter(project, large, words, original)
    _home_and_topics(writer, project)
    for kind in kinds.folder_kinds():
        for item in project.of(kind):
            _kind_page(writer, project, kind, item)
    _questions(writer, project)
    return writer.bodies, writer.front_matter


def _home_and_topics(writer: _PageWriter, project: Project) -> None:
    site, home = project.site, routes.HOME
    has_faq = any(c.faq for c in project.conditions)
    writer.add(home, "home.md.j2", title=site.title, description=site.description,
               review=site.review, menu=writer.site_menu, home=True,
               topics=views.topic_index(project.conditions, home, large=writer.large,
                                        language=writer.language),
               comparisons=views.linked(project.comparisons, home, routes.comparison),
               flowcharts=views.linked(project.flowcharts, home, routes.checker),
               faq_link=routes.link(home, routes.FAQ) if has_faq else None)
    words = writer.words
    writer.add(routes.TOPICS, "topics.md.j2", title=words.text("topics.title"),
               description=words.text("topics.description", site=site.title),
               review=site.review,
               topics=views.topic_index(project.conditions, routes.TOPICS, large=writer.large,
                                        language=writer.language))
    if not writer.large:
        return
    for letter in views.letters(project.conditions, writer.language):
        names = ", ".join(c.name for c in letter.conditions[:3])
        writer.add(letter.path, "topics_letter.md.j2",
                   title=words.text("topics.letter.title", letter=letter.letter),
                   description=words.text("topics.letter.description", letter=letter.letter,
                                          names=names),
                   review=site.review, letter=letter.letter, topics=views.letter_index(letter))


def _kind_page(writer: _PageWriter, project: Project, kind: Kind, item: Any) -> None:
    """Render one file's page: its template gets the file by its kind's name, and any values
    its kind's page adds (`_PAGE_VALUES`)."""
    assert kind.template is not None, f"the kind {kind.name} names no template for its pages"
    path = kind.page_path(item.id)
    values: dict[str, Any] = {"menu": writer.site_menu}
    if kind.name in _PAGE_VALUES:
        values.update(_PAGE_VALUES[kind.name](writer, project, item, path))
    writer.add(path, kind.template, title=kind.title(item),
               description=item.summary, review=item.review, **{kind.name: item}, **values)


def _condition_values(writer: _PageWriter, project: Project, condition: Condition,
                      path: str) -> Values:
    return {"about": _condition_data(condition), "search_boost": 2,
            "menu": writer.condition_menu(project, condition),
            "questions": views.faq_questions(condition),
            "sources": views.cited_sources(condition.sources, project.site.locale,
                                           writer.words),
            "care_cards": views.care_cards(condition.when_to_get_help, project.site,
                                           writer.words, condition.warning_signs),
            "comparisons": views.linked(views.comparisons_of(project.comparisons, condition),
                                        path, routes.comparison),
            "flowcharts": views.linked(views.flowcharts_about(project.flowcharts, condition),
                                       path, routes.checker)}


def _comparison_values(writer: _PageWriter, project: Project, comparison: Comparison,
                       path: str) -> Values:
    compared = [project.condition(cid) for cid in comparison.conditions]
    return {"conditions": views.linked(compared, path, routes.condition),
            "rows": views.comparison_rows(comparison, compared, writer.words)}


def _flowchart_values(writer: _PageWriter, project: Project, flow: Flowchart,
                      path: str) -> Values:
    return {"chart": views.flowchart_view(flow, project.site, project.conditions_by_id,
                                          writer.words, level=2, page=path),
            "hide_toc": True}


def _page_values(writer: _PageWriter, project: Project, page: Page, path: str) -> Values:
    with_faq = [c for c in project.conditions if c.faq]
    embeds = [views.EmbedCode(c, _embed_snippet(writer.env, project.site, c, writer.words))
              for c in with_faq] if page.embed_codes else []
    return {"embeds": embeds, "has_address": project.site.url is not None,
            "contact": project.site.contact,
            "contact_links": contact.contact_links(project.site.contact, writer.words)}


_PAGE_VALUES: dict[str, Callable[[_PageWriter, Project, Any, str], Values]] = {
    kinds.CONDITION.name: _condition_values,
    kinds.COMPARISON.name: _comparison_values,
    kinds.FLOWCHART.name: _flowchart_values,
    kinds.PAGE.name: _page_values,
}
"""What a kind's pages show beyond the file itself: related pages, ready-made views. A kind
that is not here gets its file, its title, its review dates and the site's menu."""


def _questions(writer: _PageWriter, project: Project) -> None:
    site = project.site
    with_faq = [c for c in project.conditions if c.faq]
    if not with_faq:
        return
    if writer.large:
        _questions_by_letter(writer, with_faq)
    else:
        writer.add(routes.FAQ, "faq.md.j2",
                   title=writer.words.text("faq.title"),
                   description=writer.words.text("faq.description", site=site.title),
                   review=views.earliest_review([c.review for c in with_faq], writer.words),
                   menu=writer.site_menu,
                   about=(structured_data.faq_page(with_faq),),
                   conditions=views.linked(with_faq, routes.FAQ, routes.condition))
    for condition in with_faq:
        path = routes.embed(condition.id)
        writer.add(path, "embed.md.j2",
                   title=writer.words.text("embed.title", name=condition.name),
                   description=writer.words.text("embed.description", name=condition.name),
                   review=condition.review,
                   about=(structured_data.faq_page([condition]),),
                   condition=condition, embed_page=True,
                   full_page=routes.link(path, routes.condition(condition.id)),
                   # Discovery lives on the embed page only: Material's script fetches a
                   # sitemap for every <link rel="alternate"> on pages that load it.
                   oembed=views.oembed_links(site, [condition], writer.words))


def _questions_by_letter(writer: _PageWriter, with_faq: list[Condition]) -> None:
    """Write a large site's questions: a page of letters, and a page of questions a letter.

    Each letter's page lists the questions and links to the topic's page, which holds the
    answers, so no page grows with the number of topics.
    """
    site, words = writer.site, writer.words
    writer.add(routes.FAQ, "faq_letters.md.j2",
               title=words.text("faq.title"),
               description=words.text("faq.description", site=site.title),
               review=views.earliest_review([c.review for c in with_faq], words),
               menu=writer.site_menu,
               letters=views.topic_groups(with_faq, routes.FAQ, routes.faq_letter,
                                          writer.language),
               count=len(with_faq))
    for group in views.letters(tuple(with_faq), writer.language):
        path = routes.faq_letter(group.slug)
        writer.add(path, "faq_letter.md.j2",
                   title=words.text("faq.letter.title", letter=group.letter),
                   description=words.text("faq.letter.description", letter=group.letter),
                   review=views.earliest_review([c.review for c in group.conditions], words),
                   menu=writer.site_menu, letter=group.letter,
                   conditions=views.linked(group.conditions, path, routes.condition),
                   all_letters=routes.link(path, routes.FAQ))


def render_files(project: Project, words: Wording, original: Project | None = None) -> Pages:
    """Return the site's other generated files: robots.txt and one oEmbed file per embed.

    Without a site address, robots.txt names no sitemap and there are no oEmbed files. A
    translation (of `original`) has its own oEmbed files but no robots.txt: the site's own,
    at its root, names every language's sitemap.
    """
    site = project.site
    env = environment(words)
    files: Pages = {}
    if original is None:
        sitemaps = "".join(f"Sitemap: {edition.site.url}{routes.SITEMAP}\n"
                           for edition in (project, *project.translations) if edition.site.url)
        files[routes.ROBOTS] = f"User-agent: *\nAllow: /\n{sitemaps}"
    for condition in project.conditions:
        if condition.faq and site.url:
            oembed = {
                "version": "1.0",
                "type": "rich",
                "title": views.embed_title(site, condition, words),
                "provider_name": site.title,
                "provider_url": site.url,
                "html": _embed_snippet(env, site, condition, words),
                "width": 600,
                "height": 600,
            }
            files[routes.oembed(condition.id)] = json.dumps(
                oembed, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return files


def _embed_snippet(env: Environment, site: Site, condition: Condition,
                   words: Wording) -> str | None:
    """Return the HTML another site pastes to embed a condition's questions.

    None without a site address: the code must name where the questions live.
    """
    if site.url is None:
        return None
    return env.get_template("embed_snippet.html.j2").render(
        src=views.embed_url(site, condition), title=views.embed_title(site, condition, words),
        origin=views.site_origin(site)).strip()


def _condition_data(condition: Condition) -> tuple[JsonLd, ...]:
    about = structured_data.medical_condition(condition)
    faq = (structured_data.faq_page([condition]),) if condition.faq else ()
    return (about, *faq)
