"""The content format: strict, typed and documented."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from generator.content.models import Comparison, Condition, Flowchart, Review, Site

SITE: dict[str, Any] = {
    "title": "Guide",
    "description": "About muscles.",
    "locale": "en-GB",
    "url": "https://a-guide.org/",
    "publisher": "Guide team",
    "emergency": {"message": "Get help now."},
    "intro": "Hello.",
    "review": {"last_reviewed": datetime.date(2026, 1, 1),
               "next_review_due": datetime.date(2027, 1, 1)},
}


def test_the_emergency_number_follows_the_locale() -> None:
    assert Site.model_validate(SITE).emergency_number == "999"
    assert Site.model_validate({**SITE, "locale": "es-ES"}).emergency_number == "112"
    assert Site.model_validate({**SITE, "locale": "en-US"}).emergency_number == "911"


def test_an_explicit_emergency_number_wins() -> None:
    site = Site.model_validate({**SITE, "emergency": {"message": "Help.", "number": "000"}})

    assert site.emergency_number == "000"


def test_other_emergency_numbers_are_phone_numbers_with_a_name() -> None:
    other = {"number": "1-800-222-1222", "name": "Poison Help"}
    site = Site.model_validate({**SITE, "emergency": {"message": "Help.",
                                                      "other_numbers": [other]}})

    assert site.emergency.other_numbers[0].number == "1-800-222-1222"
    with pytest.raises(ValidationError, match="this should be a phone number"):
        Site.model_validate({**SITE, "emergency": {
            "message": "Help.", "other_numbers": [{**other, "number": "call Poison Help"}]}})


def test_text_is_trimmed_and_names_stay_on_one_line() -> None:
    site = Site.model_validate({**SITE, "title": "  Muscle\n  guide  "})

    assert site.title == "Muscle guide"


@pytest.mark.parametrize(("url", "address"), [
    ("https://a-guide.org/guide/", "https://a-guide.org/guide/"),
    ("https://a-guide.org/guide", "https://a-guide.org/guide/"),
    ("HTTPS://A-Guide.ORG/Guide/", "https://a-guide.org/Guide/"),
    ("https://a-guide.org:443/", "https://a-guide.org/"),
    ("http://a-guide.org:80", "http://a-guide.org/"),
    ("https://a-guide.org:8443/", "https://a-guide.org:8443/"),
    ("http://a-guide.org:443/", "http://a-guide.org:443/"),
    ("https://[2001:DB8::1]:443/", "https://[2001:db8::1]/"),
])
def test_the_site_address_has_one_spelling(url: str, address: str) -> None:
    assert Site.model_validate({**SITE, "url": url}).url == address


@pytest.mark.parametrize(("url", "message"), [
    ("https://evil@a-guide.org/", "the address `https://evil@a-guide.org/` has a user name "
     "(`evil@`), which a site address cannot have. Write it as `https://a-guide.org/`."),
    ("https://a-guide.org/guide/?ref=1", "the address `https://a-guide.org/guide/?ref=1` has a "
     "query (`?ref=1`), which a site address cannot have. Write it as `https://a-guide.org/guide/`."),
    ("https://a-guide.org/#top", "the address `https://a-guide.org/#top` has a fragment "
     "(`#top`), which a site address cannot have. Write it as `https://a-guide.org/`."),
    ("https://a:b@A-guide.org:443/?#", "the address `https://a:b@A-guide.org:443/?#` has a user "
     "name (`a:b@`), a query (`?`) and a fragment (`#`), which a site address cannot have. "
     "Write it as `https://a-guide.org/`."),
    ("https://a-guide.org:99999/", "the port in `https://a-guide.org:99999/` is not a number "
     "from 1 to 65535. Correct it, or remove it."),
])
def test_a_site_address_with_extra_parts_is_refused(url: str, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Site.model_validate({**SITE, "url": url})

    assert raised.value.errors()[0]["ctx"]["error"].args[0] == message


@pytest.mark.parametrize("url", [
    "https://example.org/guide/", "https://www.example.com/", "http://example.net/",
    "https://guide.example/", "https://muscles.test/", "https://site.invalid/",
    "http://localhost:8000/", "https://EXAMPLE.ORG./",
])
def test_an_address_kept_for_examples_is_refused(url: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Site.model_validate({**SITE, "url": url})

    assert "is kept for examples and tests, so no reader can open this address" in str(
        raised.value)


def test_a_site_can_be_built_before_its_address_is_known() -> None:
    site = Site.model_validate({k: v for k, v in SITE.items() if k != "url"})

    assert site.url is None
    assert site.published_at("https://A-guide.org/x").url == "https://a-guide.org/x/"
    with pytest.raises(ValueError, match="kept for examples"):
        site.published_at("https://example.org/")


def test_a_contact_gives_an_email_or_a_web_address_with_a_sentence() -> None:
    contact = {"description": "Tell us about a mistake.", "email": "help@muscle-guide.org"}

    site = Site.model_validate({**SITE, "contact": contact})

    assert site.contact is not None
    assert site.contact.email == "help@muscle-guide.org"
    with pytest.raises(ValidationError, match=r"add `email:` or `url:` \(or both\)"):
        Site.model_validate({**SITE, "contact": {"description": "Write to us."}})


@pytest.mark.parametrize("email", [
    "help", "help@", "@muscle-guide.org", "help@muscle-guide", "a@b@muscle-guide.org",
    "help me@muscle-guide.org", "help@muscle-guide.org?subject=hi", "<help@muscle-guide.org>",
    "help@muscle-guide.org, more@muscle-guide.org",
])
def test_a_contact_email_is_one_plain_address(email: str) -> None:
    with pytest.raises(ValidationError, match="is not one email address"):
        Site.model_validate({**SITE, "contact": {"description": "Write.", "email": email}})


@pytest.mark.parametrize(("field", "address"), [
    ("email", "feedback@example.org"), ("email", "me@mail.guide.test"),
    ("url", "https://example.com/feedback"), ("url", "http://localhost:8000/contact"),
])
def test_a_contact_at_an_address_kept_for_examples_is_refused(field: str, address: str) -> None:
    with pytest.raises(ValidationError, match="is kept for examples and tests"):
        Site.model_validate({**SITE, "contact": {"description": "Write.", field: address}})


def test_a_contact_web_address_is_a_full_web_address() -> None:
    with pytest.raises(ValidationError, match="is not a full web address"):
        Site.model_validate({**SITE, "contact": {"description": "Write.",
                                                 "url": "mailto:help@muscle-guide.org"}})


@pytest.mark.parametrize(("title", "slug"), [
    ("Muscle Twitch and Spasm Guide", "muscle-twitch-and-spasm-guide"),
    ("A guide " * 40, "a-guide-a-guide-a-guide-a-guide-a-guide-a-guide-a-guide-a"),
    ("Twitch" * 40, "twitch" * 10),
    ("¿¡!?", "site"),
])
def test_the_slug_for_file_names_is_short(title: str, slug: str) -> None:
    assert Site.model_validate({**SITE, "title": title}).slug == slug


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
