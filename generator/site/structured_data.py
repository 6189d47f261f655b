"""JSON-LD for every page: what a page is about, in schema.org terms, for search engines."""

from __future__ import annotations

from typing import Any

from generator.content.models import Condition, Review, Site
from generator.safety.markdown_subset import plain_text
from generator.site import routes

JsonLd = dict[str, Any]


def page_url(site: Site, path: str) -> str | None:
    """Return a generated page's public address, like https://…/conditions/muscle-twitch/.

    None when the site has no address yet: a guessed one would mislead search engines.
    """
    if site.url is None:
        return None
    return site.url.rstrip("/") + "/" + routes.page_route(path)


def medical_web_page(site: Site, path: str, title: str, description: str,
                     review: Review) -> JsonLd:
    """Return the MedicalWebPage that every page is."""
    publisher: JsonLd = {"@type": "Organization", "name": site.publisher}
    page: JsonLd = {
        "@type": "MedicalWebPage",
        "name": title,
        "description": plain_text(description),
        "inLanguage": site.locale,
        "publisher": publisher,
    }
    address = page_url(site, path)
    if address:
        page["url"] = address
        publisher["url"] = site.url
    # `lastReviewed` means an expert's check: without a named reviewer it is only a date.
    if review.reviewed_by:
        page["lastReviewed"] = review.last_reviewed.isoformat()
        page["reviewedBy"] = {"@type": "Person", "name": review.reviewed_by}
    else:
        page["dateModified"] = review.last_reviewed.isoformat()
    return page


def medical_condition(condition: Condition) -> JsonLd:
    """Return the MedicalCondition a condition page is about."""
    return {
        "@type": "MedicalCondition",
        "name": condition.name,
        "alternateName": list(condition.other_names),
        "description": plain_text(condition.summary),
        "signOrSymptom": [{"@type": "MedicalSignOrSymptom", "name": plain_text(s)}
                          for s in condition.symptoms.what_you_notice],
        "cause": [{"@type": "MedicalCause", "name": plain_text(c)}
                  for c in [*condition.causes.common, *condition.causes.less_common,
                            *condition.causes.rare_but_serious]],
        "possibleTreatment": [{"@type": "MedicalTherapy", "name": plain_text(t)}
                              for t in condition.treatment],
    }


def faq_page(conditions: list[Condition]) -> JsonLd:
    """Return the FAQPage for a page's questions and answers (for meaning only)."""
    return {
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": entry.question,
             "acceptedAnswer": {"@type": "Answer", "text": plain_text(entry.answer)}}
            for condition in conditions for entry in condition.faq
        ],
    }


def graph(*items: JsonLd) -> JsonLd:
    """Return one JSON-LD document holding several items."""
    return {"@context": "https://schema.org", "@graph": list(items)}
