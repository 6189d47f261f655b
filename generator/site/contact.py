"""How readers reach the people who publish a site: the links pages show, and the warning
while site.yml gives none."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.content.load import Document
from generator.content.models import Contact
from generator.errors import ContentError
from generator.wording import Wording


@dataclass(frozen=True)
class ContactLink:
    """One way to write to the publisher: what it is, the link's words and its address."""

    way: Literal["email", "web"]
    label: str
    text: str
    href: str


def contact_links(contact: Contact | None, words: Wording) -> list[ContactLink]:
    """Return the publisher's email address, then its web address, as links labelled in the
    site's words (none without)."""
    if contact is None:
        return []
    links = [ContactLink("email", words.text("contact.email"), contact.email,
                         f"mailto:{contact.email}")] if contact.email else []
    if contact.url:
        links.append(ContactLink("web", words.text("contact.web_page"), contact.url, contact.url))
    return links


MISSING = ("no contact is given, so readers cannot tell you about a mistake or a page that "
           "is hard to use, and pages with `show_contact: true` say that no contact is given "
           "yet. If you have one, add it under `publisher`: a line `contact:`, then indented "
           "under it `description: Tell us about a mistake, or a page that is hard to use.` "
           "and `email: feedback@example.org` or `url: https://…` with your own address.")


def missing_contact_warning(site_document: Document,
                            contact: Contact | None) -> list[ContentError]:
    """Return a warning at `publisher` in site.yml while the site gives no contact."""
    if contact is not None:
        return []
    # The field does not exist yet: point at `publisher`, the field it belongs beside.
    line, column = site_document.position(["publisher"], at_key=True)
    return [ContentError(site_document.name, line, column, "contact", MISSING)]
