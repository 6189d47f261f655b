"""The content format: strict, typed and documented."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from generator.models import Comparison, Condition, Flowchart, Review, Site

SITE: dict[str, Any] = {
    "title": "Guide",
    "description": "About muscles.",
    "locale": "en-GB",
    "url": "https://example.org/",
    "publisher": "Guide team",
    "emergency": {"message": "Get help now."},
    "intro": "Hello.",
    "review": {"last_reviewed": datetime.date(2026, 1, 1),
               "next_review_due": datetime.date(2027, 1, 1)},
}


def test_the_emergency_number_follows_the_locale() -> None:
    assert Site.model_validate(SITE).emergency_number == "999"
    assert Site.model_validate({**SITE, "locale": "de-DE"}).emergency_number == "112"
    assert Site.model_validate({**SITE, "locale": "en-US"}).emergency_number == "911"


def test_an_explicit_emergency_number_wins() -> None:
    site = Site.model_validate({**SITE, "emergency": {"message": "Help.", "number": "000"}})

    assert site.emergency_number == "000"


def test_text_is_trimmed_and_names_stay_on_one_line() -> None:
    site = Site.model_validate({**SITE, "title": "  Muscle\n  guide  "})

    assert site.title == "Muscle guide"


def test_numbers_are_not_silently_turned_into_text() -> None:
    with pytest.raises(ValidationError) as raised:
        Site.model_validate({**SITE, "title": 42})

    assert raised.value.errors()[0]["type"] == "string_type"


def test_a_review_cannot_fall_due_before_it_was_done() -> None:
    with pytest.raises(ValidationError):
        Review(last_reviewed=datetime.date(2026, 5, 1), next_review_due=datetime.date(2026, 4, 1))


@pytest.mark.parametrize("model", [Site, Condition, Comparison, Flowchart, Review])
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    schema = model.model_json_schema()
    described = [
        name for definition in [schema, *schema.get("$defs", {}).values()]
        for name, field in definition.get("properties", {}).items()
        if not field.get("description")
    ]

    assert described == []
