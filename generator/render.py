"""Stage 4: turn the validated project into Markdown pages with Jinja2 templates."""

from __future__ import annotations

import json
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator import views
from generator.project import Project

Pages = dict[str, str]


def environment() -> Environment:
    """Return the Jinja2 environment; every value from content is HTML-escaped."""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml_string"] = _yaml_string
    env.filters["link_text"] = _link_text
    return env


def render_site(project: Project) -> Pages:
    """Return every page of the site as Markdown, keyed by its path."""
    env = environment()
    site = project.site
    common = {"site": site, "emergency_number": site.emergency_number}
    pages: Pages = {}

    def page(path: str, template: str, **context: Any) -> None:
        pages[path] = env.get_template(template).render(**common, **context)

    page("index.md", "home.md.j2",
         letters=views.a_to_z(project.conditions),
         comparisons=project.comparisons,
         flowcharts=project.flowcharts,
         has_faq=any(c.faq for c in project.conditions),
         review=views.review_dates(site.review, site.locale),
         description=views.page_description(site.description))
    for condition in project.conditions:
        page(f"conditions/{condition.id}.md", "condition.md.j2",
             condition=condition,
             care_cards=views.care_cards(condition.when_to_get_help, site),
             comparisons=[c for c in project.comparisons if condition.id in c.conditions],
         flowcharts=[f for f in project.flowcharts
                     if any(condition.id in o.conditions for o in f.outcomes)],
             review=views.review_dates(condition.review, site.locale),
             description=views.page_description(condition.summary))
    for comparison in project.comparisons:
        compared = [project.condition(cid) for cid in comparison.conditions]
        page(f"compare/{comparison.id}.md", "comparison.md.j2",
             comparison=comparison,
             conditions=compared,
             rows=views.comparison_rows(comparison, compared),
             review=views.review_dates(comparison.review, site.locale),
             description=views.page_description(comparison.summary))
    by_id = {c.id: c for c in project.conditions}
    for flow in project.flowcharts:
        page(f"checker/{flow.id}.md", "flowchart.md.j2",
             chart=views.flowchart_view(flow, site, by_id, level=2, page_root="../"),
             hide_toc=True,
             review=views.review_dates(flow.review, site.locale),
             description=views.page_description(flow.summary))
    with_faq = [c for c in project.conditions if c.faq]
    if with_faq:
        page("faq.md", "faq.md.j2",
             conditions=with_faq,
             review=views.review_dates(
                 views.earliest_review([c.review for c in with_faq]), site.locale),
             description=f"Common questions about {site.title}.")
    return pages


def _yaml_string(value: object) -> Markup:
    # A JSON string is a valid YAML scalar, so front matter can never be broken out of.
    return Markup(json.dumps(str(value), ensure_ascii=False))


def _link_text(value: object) -> str:
    # A bracket in a name would end the Markdown link text early.
    return str(value).replace("[", "\\[").replace("]", "\\]")
