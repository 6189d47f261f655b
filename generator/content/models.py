"""Stage 2: the content format, as strict typed models.

Every field's description documents the format for authors and feeds the JSON Schema.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal
from urllib.parse import SplitResult, urlsplit

import babel
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from generator import languages
from generator.content import phone, text_limits
from generator.safety import addresses, markdown_subset
from generator.site import care, routes
from generator.site.care import CareLevel, HelpLevel


def _markdown(text: str) -> str:
    # Too much Markdown is named first: "30,000 `[` open" says more than "30,000 characters".
    found = [p for p in [text_limits.markdown_problem(text), markdown_subset.text_problem(text)]
             if p] or markdown_subset.problems(text)
    if found:
        raise ValueError(found[0])
    return markdown_subset.MarkdownText(text)


def _one_line(text: str) -> str:
    problem = markdown_subset.text_problem(text)
    if problem:
        raise ValueError(problem)
    return " ".join(text.split())


def _web_address(url: str) -> str:
    problem = markdown_subset.web_address_problem(url)
    if problem:
        raise ValueError(problem)
    return url


def _known_language(locale: str) -> str:
    """Refuse a language that dates cannot be written in, such as zz-ZZ."""
    try:
        babel.Locale.parse(locale.replace("-", "_"))
    except babel.UnknownLocaleError:
        raise ValueError(f"`{locale}` is not a language and country this site can be written "
                         "in. Check the two letters before the hyphen, like en-US.") from None
    return _with_writing_rules(locale)


def _with_writing_rules(code: str) -> str:
    """Refuse a language whose reading level and A to Z the generator cannot tell yet."""
    if code[:2] not in languages.RULES:
        known = " and ".join(sorted(languages.RULES))
        raise ValueError(f"the generator has no writing rules for `{code[:2]}` yet, so it "
                         f"cannot check reading levels or sort names in it: it knows {known}. "
                         "Write the site in one of those, or ask a developer to add the "
                         "language (generator/languages.py).")
    return code


def _site_address(url: str) -> str:
    """Return the site's address in one spelling: lower-case host, no default port, final /."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"the port in `{url}` is not a number from 1 to 65535. Correct it, "
                         "or remove it.") from None
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    if port is not None and port != addresses.DEFAULT_PORTS.get(parts.scheme):
        host += f":{port}"
    # Page addresses are made by adding paths to this one, so it must end with a slash.
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    address = f"{parts.scheme}://{host}{path}"
    extras = _address_extras(url, parts)
    if extras:
        raise ValueError(f"the address `{url}` has {extras}, which a site address cannot have. "
                         f"Write it as `{address}`.")
    return address




def _address_extras(url: str, parts: SplitResult) -> str:
    """Return the parts of an address that do not belong in a site address, in words."""
    extras = []
    if "@" in parts.netloc:
        extras.append(f"a user name (`{parts.netloc.rpartition('@')[0]}@`)")
    if "?" in url.partition("#")[0]:
        extras.append(f"a query (`?{parts.query}`)")
    if "#" in url:
        extras.append(f"a fragment (`#{parts.fragment}`)")
    return " and ".join([", ".join(extras[:-1]), extras[-1]] if len(extras) > 2 else extras)


_RESERVED_HOSTS = ("example.org", "example.com", "example.net", "localhost")
_RESERVED_ENDINGS = (".example", ".test", ".invalid", ".localhost")


def _is_reserved(host: str) -> bool:
    """Tell whether a host name is kept for examples and tests, so that nobody answers it."""
    host = host.casefold().rstrip(".")
    return host in _RESERVED_HOSTS or host.endswith(_RESERVED_ENDINGS) or any(
        host.endswith("." + reserved) for reserved in _RESERVED_HOSTS)


def _published_address(url: str) -> str:
    """Refuse an address kept for examples and tests: no reader could ever open it."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    if _is_reserved(host):
        raise ValueError(f"`{host}` is kept for examples and tests, so no reader can open "
                         "this address. Write the address where the site is published, or "
                         "leave `url` out until you know it.")
    return url


def _answered_address(url: str) -> str:
    """Refuse a contact address kept for examples and tests: nobody would read the messages."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    if _is_reserved(host):
        raise ValueError(f"`{host}` is kept for examples and tests, so no reader can open "
                         "this address. Write the address where you read readers' messages.")
    return url


# One address: a name before a single @, then a host name with a dot in it. No `?` or `#`,
# which a `mailto:` link would read as a subject or a fragment rather than the address.
_EMAIL = re.compile(r"[^@\s?#/]+@[\w-]+(\.[\w-]+)+")


def _email_address(address: str) -> str:
    """Refuse anything but one email address that a `mailto:` link can write to."""
    problem = markdown_subset.url_problem(f"mailto:{address}")
    if problem or not _EMAIL.fullmatch(address):
        raise ValueError(f"`{address}` is not one email address. Write it like "
                         "feedback@example.org, with your own address.")
    host = address.rpartition("@")[2]
    if _is_reserved(host):
        raise ValueError(f"`{host}` is kept for examples and tests, so nobody would read "
                         "messages sent there. Write the address where you read readers' "
                         "messages.")
    return address


Line = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_one_line)
]
"""Plain text on one line, such as a name or a question. Markdown marks show as typed."""
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_markdown)
]
"""Text that may use emphasis, links and lists."""
Url = Annotated[Line, AfterValidator(_web_address)]
"""A full http or https web address."""
SiteAddress = Annotated[Url, AfterValidator(_site_address), AfterValidator(_published_address)]
"""The address where a site is published, in one spelling, never a reserved example address."""
ContactAddress = Annotated[Url, AfterValidator(_answered_address)]
"""A web address where readers can write to the site's publisher, never a reserved example."""
EmailAddress = Annotated[Line, AfterValidator(_email_address)]
"""One email address, never at a domain reserved for examples."""
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]


def _own_address(slug: str) -> str:
    problem = routes.kept_name_problem(slug)
    if problem:
        raise ValueError(problem)
    return slug


PageId = Annotated[Slug, AfterValidator(_own_address)]
"""The id of a page's file, which names its address: never a page or folder the site keeps."""
_PAGE_ID = (" Not one of the names the site keeps for its own pages and folders: "
            f"{routes.KEPT_NAMES}.")
ComparisonField = Literal[
    "summary",
    "other_names",
    "symptoms.painful",
    "symptoms.how_long",
    "symptoms.what_you_notice",
    "causes.common",
    "causes.less_common",
    "causes.rare_but_serious",
    "when_to_get_help",
    "treatment",
    "prevention",
]
"""The condition fields a comparison row can show, named as the condition file names them."""
RENAMED_COMPARISON_FIELDS = {"when_to_see_a_doctor": "when_to_get_help"}
"""Names comparison rows once used, with the name that replaced each."""


class Model(BaseModel):
    """Base for every content model: unknown keys and loose types are errors."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Review(Model):
    """When a page was last checked and when it must be checked again."""

    last_reviewed: datetime.date = Field(
        description="Date of the last review by `reviewed_by`, like 2026-11-26; if nobody has "
        "reviewed the page yet, the date it was written. Never a date in the future."
    )
    next_review_due: datetime.date = Field(
        description="Date the next review is due: after the last review, and at most three "
        "years after it."
    )
    reviewed_by: Line | None = Field(
        default=None, description="Name of the person who reviewed it. Leave out if nobody did."
    )

    @field_validator("next_review_due")
    @classmethod
    def _next_after_last(cls, due: datetime.date, info: ValidationInfo) -> datetime.date:
        last = info.data.get("last_reviewed")
        if last is not None and due <= last:
            raise ValueError(f"the next review must be after the last review ({last}).")
        latest = latest_next_review(last) if last is not None else None
        if latest is not None and due > latest:
            raise ValueError(f"the next review is more than {MAX_REVIEW_YEARS} years after the "
                             f"last one ({last}). Health advice changes: set it no later than "
                             f"{latest}.")
        return due


MAX_REVIEW_YEARS = 3
"""The longest time a page may go between reviews."""


def latest_next_review(last: datetime.date) -> datetime.date | None:
    """Return the latest date the next review may be due, or None past the calendar's end."""
    try:
        return last.replace(year=last.year + MAX_REVIEW_YEARS)
    except ValueError:  # 29 February, or beyond the year 9999
        if last.year + MAX_REVIEW_YEARS > datetime.MAXYEAR:
            return None
        return last.replace(year=last.year + MAX_REVIEW_YEARS, day=28)


def _phone_number(number: str) -> str:
    if not re.fullmatch(r"\+?[0-9]{2,15}", phone.digits(number)):
        raise ValueError("this should be a phone number: digits, with spaces or hyphens "
                         "between them if you like, and + first for an international number, "
                         "like 1-800-222-1222.")
    return number


class OtherNumber(Model):
    """Another number that emergency text may link to, such as a poison help line."""

    number: Annotated[Line, AfterValidator(_phone_number)] = Field(
        description="The phone number, as readers dial it, like 1-800-222-1222."
    )
    name: Line = Field(description="Who answers it, like `Poison Help`.")


class Emergency(Model):
    """How a reader gets emergency help: shown on every page."""

    message: Line = Field(description="Short message that tells people when to call for help.")
    number: Annotated[str, StringConstraints(pattern=r"^[0-9]{2,6}$")] | None = Field(
        default=None,
        description="Emergency phone number, one that the country of `locale` answers in an "
        "emergency (`check` knows them). Leave out to use the usual number for the locale.",
    )
    number_confirmed_by: Line | None = Field(
        default=None,
        description="Only for a `number` that `check` does not know for the country of "
        "`locale`: the name of the person who confirmed that it is the number to call in an "
        "emergency there. `check` warns while it is set.",
    )
    other_numbers: list[OtherNumber] = Field(
        default_factory=list,
        description="Other numbers that emergency text may call, besides the emergency number, "
        "each with who answers it. Leave empty unless your sources give one.",
    )


class Contact(Model):
    """How readers reach the people who publish the site, shown in the footer of every page."""

    description: Line = Field(
        description="One sentence that says what readers may write to you about, like `Tell "
        "us about a mistake, or a page that is hard to use.`"
    )
    email: EmailAddress | None = Field(
        default=None,
        description="An email address where you read readers' messages. Give `email`, `url` "
        "or both.",
    )
    url: ContactAddress | None = Field(
        default=None,
        description="The web address of a page or form for readers' messages, starting with "
        "https://. Give `email`, `url` or both.",
    )

    @model_validator(mode="after")
    def _has_an_address(self) -> Contact:
        if self.email is None and self.url is None:
            raise ValueError("add `email:` or `url:` (or both) under `contact`, so that readers "
                             "know where to write.")
        return self


Version = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]
"""The version of a content file: 12 letters and digits that change whenever its content does
(generator/content/translation.py)."""
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$"),
                         AfterValidator(_with_writing_rules)]

_TRANSLATED_FROM = (
    "Only in a translation (a file in `content/<language>/`): the version of the original file "
    "it was translated from, like `3f9a0c51d2e8`. `check` names the original's version, and "
    "warns when the original has changed since. Leave it out of an original."
)


def translated_from_field() -> Version | None:
    """Return the `translated_from` field every kind of translated file has."""
    return Field(default=None, description=_TRANSLATED_FROM)


SLUG_LENGTH = 60
"""The longest site slug, which names files such as the offline zip."""


class Site(Model):
    """Settings for the whole site, in `content/site.yml`."""

    translated_from: Version | None = translated_from_field()
    title: Line = Field(description="Name of the site, shown in the header and the browser tab.")
    description: Line = Field(description="One sentence that says what the site is for.")
    locale: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}-[A-Z]{2}$"),
                      AfterValidator(_known_language)] = Field(
        description="Language and country, like en-US. Sets the date format and emergency number."
    )
    languages: list[LanguageCode] | None = Field(
        default=None, min_length=1,
        description="The site's languages as two-letter codes, like `[en, es]`; the first is the "
        "language of `locale`, shown at the site's address. Each other language has a folder "
        "of its translations, like `content/es/`, shown at `es/`. Leave it out for a site in "
        "one language.",
    )
    url: SiteAddress | None = Field(
        default=None,
        description="Full web address where the site is published, starting with https://, "
        "with no user name, query or fragment. Leave it out until you know it: the build then "
        "leaves out what needs it (canonical links, sitemap, oEmbed files and embed code).",
    )
    publisher: Line = Field(description="Who publishes the site.")
    contact: Contact | None = Field(
        default=None,
        description="How readers reach the publisher: shown in every page's footer and on "
        "pages with `show_contact`. Without it, those pages say that no contact is given yet, "
        "and `check` warns. Never invent one.",
    )
    emergency: Emergency = Field(description="How to get emergency help.")
    intro: Text = Field(description="Opening paragraph of the home page.")
    review: Review = Field(description="Review dates for the home page and index pages.")

    @field_validator("languages")
    @classmethod
    def _languages_once_each(cls, languages: list[str] | None,
                             info: ValidationInfo) -> list[str] | None:
        if languages is None:
            return None
        repeated = sorted({code for code in languages if languages.count(code) > 1})
        if repeated:
            raise ValueError(f"`{repeated[0]}` is listed twice. List each language once.")
        locale = info.data.get("locale")
        if isinstance(locale, str) and languages and languages[0] != locale[:2]:
            raise ValueError(f"the first language is the site's own, `{locale[:2]}` (from its "
                             f"locale, {locale}). Put `{locale[:2]}` first.")
        return languages

    @property
    def language(self) -> str:
        """Return the two-letter code of the site's language, from its locale: `en`."""
        return self.locale[:2]

    @property
    def all_languages(self) -> tuple[str, ...]:
        """Return every language of the site, its own first."""
        return tuple(self.languages or (self.language,))

    def published_at(self, url: str) -> Site:
        """Return these settings with the site's address set, as a build option gives it.

        Raises ValueError, in words for the person building, when the address is not usable.
        """
        try:
            address = TypeAdapter(SiteAddress).validate_python(url)
        except ValidationError as error:
            message = error.errors(include_url=False)[0]["msg"]
            raise ValueError(message.removeprefix("Value error, ")) from None
        return self.model_copy(update={"url": address})

    @property
    def slug(self) -> str:
        """Return the site's title as a short file name, like muscle-twitch-and-spasm-guide."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.title.casefold()).strip("-")
        if len(slug) > SLUG_LENGTH:
            # A long title made file names the file system refuses; cut between words.
            slug = slug[: SLUG_LENGTH + 1].rpartition("-")[0] or slug[:SLUG_LENGTH]
        return slug or "site"

    @property
    def emergency_number(self) -> str:
        """Return the emergency number: the one set in site.yml, else the locale's usual one."""
        number = self.emergency.number or care.emergency_number_for(self.locale)
        if number is None:
            # `check` refuses such a site (validate.check_emergency_number), so this is a bug.
            raise ValueError(f"no emergency number is known for the locale {self.locale}")
        return number


class Symptoms(Model):
    """How the condition looks and feels."""

    what_you_notice: list[Text] = Field(
        min_length=1, description="What a person may see or feel, one point per item."
    )
    painful: Text = Field(description="Whether it hurts, in a short sentence.")
    how_long: Text = Field(description="How long it usually lasts.")


class Causes(Model):
    """What can bring the condition on."""

    common: list[Text] = Field(
        min_length=1,
        description="The main causes. Say how common a cause is only when your sources do.",
    )
    less_common: list[Text] = Field(
        default_factory=list, description="Other causes, shown as `Other causes`."
    )
    rare_but_serious: list[Text] = Field(
        default_factory=list,
        description="Causes your sources call rare but serious. Leave empty if they name none.",
    )


class CareAdvice(Model):
    """One group of reasons to get help, all at the same care level."""

    care: HelpLevel = Field(description="How soon to get help: non-urgent, urgent or emergency.")
    items: list[Text] = Field(min_length=1, description="The signs that call for this care.")
    note: Text | None = Field(
        default=None,
        description="A short note shown under the signs, such as why this care helps.",
    )


class FaqEntry(Model):
    """One question a reader may ask, with its answer."""

    question: Line = Field(description="The question, in the reader's words.")
    answer: Text = Field(description="A short, plain answer.")


class Source(Model):
    """Where the facts on a page come from."""

    title: Line = Field(description="Title of the source.")
    author: Line | None = Field(
        default=None, description="Who wrote it, as the source names them. Leave out if it "
        "names nobody.")
    publisher: Line | None = Field(default=None, description="Who published it, if known.")
    published: datetime.date | None = Field(
        default=None, description="The date it was published, like 2019-05-14, if the source "
        "gives one.")
    url: Url | None = Field(default=None, description="Web address, if there is one.")
    note: Text | None = Field(default=None, description="Which facts come from this source.")


class Condition(Model):
    """One health topic, in `content/conditions/<id>.yml`."""

    translated_from: Version | None = translated_from_field()
    id: PageId = Field(
        description="Short name used in the page address, like muscle-twitch." + _PAGE_ID)
    name: Line = Field(description="Name of the condition, as the page title.")
    other_names: list[Line] = Field(default_factory=list, description="Other names for it.")
    search_terms: list[Line] = Field(
        default_factory=list,
        description="Everyday words readers search for when they mean this topic, like "
        "`twitching`. Search finds the page by them, and the page shows them as `Also searched "
        "for`. List only words your sources tie to this topic.",
    )
    summary: Text = Field(description="One or two sentences that sum it up.")
    what_it_is: Text = Field(description="What the condition is.")
    symptoms: Symptoms = Field(description="How it looks and feels, and how long it lasts.")
    causes: Causes = Field(description="What causes it.")
    treatment: list[Text] = Field(min_length=1, description="What helps, one step per item.")
    prevention: list[Text] = Field(min_length=1, description="How to prevent it, one per item.")
    when_to_get_help: list[CareAdvice] = Field(
        min_length=1,
        description="When to get help, grouped by care level. One group must be `emergency`.",
    )
    warning_signs: list[Text] = Field(
        default_factory=list,
        description="Signs that call for emergency help, exactly as your sources list them; "
        "shown first in the emergency callout. Leave empty when the sources list none: never "
        "guess.",
    )
    faq: list[FaqEntry] = Field(default_factory=list, description="Questions and answers.")
    sources: list[Source] = Field(min_length=1, description="Where the facts come from.")
    review: Review = Field(description="Review dates.")

    @field_validator("when_to_get_help")
    @classmethod
    def _has_a_way_to_emergency_help(cls, groups: list[CareAdvice]) -> list[CareAdvice]:
        if groups and not any(group.care == "emergency" for group in groups):
            raise ValueError("add a group with `care: emergency`, so that the page tells "
                             "readers when to call for emergency help.")
        return groups


class ComparisonRow(Model):
    """One row of a comparison table; each cell comes from a condition's own field."""

    label: Line = Field(description="Row heading, like `Painful?`.")
    field: ComparisonField = Field(
        description="Which condition field fills the row's cells. `when_to_get_help` shows "
        "every reason to get help short of an emergency, most urgent first: the emergency "
        "signs are on each topic's page."
    )

    @field_validator("field", mode="before")
    @classmethod
    def _not_an_old_name(cls, name: object) -> object:
        new = RENAMED_COMPARISON_FIELDS.get(name) if isinstance(name, str) else None
        if new is not None:
            raise ValueError(f"`{name}` is now called `{new}`, like the field in condition "
                             f"files. Write `field: {new}`.")
        return name


class Comparison(Model):
    """A side-by-side table of conditions, in `content/comparisons/<id>.yml`."""

    translated_from: Version | None = translated_from_field()
    id: PageId = Field(description="Short name used in the page address." + _PAGE_ID)
    title: Line = Field(description="Page title, like `Muscle twitch or muscle spasm?`.")
    summary: Text = Field(description="Opening text above the table.")
    conditions: list[Slug] = Field(min_length=2, description="Ids of the conditions compared.")
    rows: list[ComparisonRow] = Field(min_length=1, description="The rows, top to bottom.")
    review: Review = Field(description="Review dates.")


class Answer(Model):
    """One answer to a flowchart question, and where it leads."""

    value: Slug = Field(description="Short name of the answer, kept in the page address.")
    text: Line = Field(description="The answer as the reader sees it, like `Yes, it hurts`.")
    next: Slug = Field(description="Id of the question or outcome this answer leads to.")


class Question(Model):
    """One step of a flowchart: a question with two or more answers."""

    id: Slug = Field(description="Short name of the question, unique in the flowchart.")
    text: Line = Field(description="The question, shown as a heading.")
    hint: Text | None = Field(default=None, description="Extra help for answering.")
    answers: list[Answer] = Field(description="Two or more answers.")


class Outcome(Model):
    """Where a flowchart ends: advice at a care level, and pages to read next."""

    id: Slug = Field(description="Short name of the outcome, unique in the flowchart.")
    title: Line = Field(description="What the answers point to, shown as a heading.")
    care: CareLevel = Field(
        description="How soon to get help: self-care, non-urgent, urgent or emergency."
    )
    advice: list[Text] = Field(min_length=1, description="What to do, one point per item.")
    note: Text | None = Field(
        default=None,
        description="A short note shown under the advice, such as what this guide cannot tell.",
    )
    conditions: list[Slug] = Field(
        default_factory=list, description="Ids of condition pages to read next."
    )


class Flowchart(Model):
    """A question-by-question guide to advice, in `content/flowcharts/<id>.yml`."""

    translated_from: Version | None = translated_from_field()
    id: PageId = Field(description="Short name used in the page address." + _PAGE_ID)
    title: Line = Field(description="Page title, like `Twitch or spasm? What should I do?`.")
    summary: Text = Field(description="Opening text above the first question.")
    start: Slug = Field(description="Id of the first question.")
    questions: list[Question] = Field(min_length=1, description="The questions.")
    outcomes: list[Outcome] = Field(min_length=1, description="The outcomes.")
    review: Review = Field(description="Review dates.")


class PageSection(Model):
    """One part of a plain page: a heading and its text."""

    heading: Line = Field(description="The section heading.")
    body: Text = Field(description="The section's text.")


class Page(Model):
    """A plain page, such as About or Accessibility, in `content/pages/<id>.yml`."""

    translated_from: Version | None = translated_from_field()
    id: PageId = Field(
        description="Short name used in the page address, like `about`." + _PAGE_ID)
    title: Line = Field(description="Page title, shown as its heading and in the footer.")
    summary: Text = Field(description="Opening text, also used in search results.")
    sections: list[PageSection] = Field(
        default_factory=list, description="The page's sections, top to bottom."
    )
    embed_codes: bool = Field(
        default=False,
        description="Show, after the sections, the code website owners copy to embed each "
        "topic's questions. Needs the site's `url`.",
    )
    show_contact: bool = Field(
        default=False,
        description="Show, after the sections, how readers reach the publisher (`contact` in "
        "site.yml), or that no contact is given yet.",
    )
    review: Review = Field(description="Review dates.")


PLAIN_WORD_PATTERN = r"^[a-zß-öø-ÿ]+([ '-][a-zß-öø-ÿ]+)*$"
"""A word or a short phrase, in small letters, accented ones too (contracción, cigüeña)."""


class PlainWord(Model):
    """A word many readers do not know, and the plain words to write instead."""

    word: Annotated[str, StringConstraints(pattern=PLAIN_WORD_PATTERN, max_length=60)] = Field(
        description="The hard word (or a few words), in small letters, like `involuntary` "
        "or `contracción`. `check` finds it with capitals too, and in its plural: with -s or "
        "-es at the end in English; in Spanish as Spanish forms it (`contracciones`)."
    )
    plain: Line = Field(
        description="The plain words to write instead, like `that you cannot control`."
    )


class PlainWords(Model):
    """Words many readers do not know, with plain words to use, in `content/plain-words.yml`."""

    words: list[PlainWord] = Field(
        min_length=1,
        description="The hard words, each with the plain words to write instead. `check` warns "
        "at each one in text readers see, and `check --strict` fails on them. A topic's page "
        "may use the words of its own `name` and `other_names`: readers need to know what "
        "doctors call it.",
    )
