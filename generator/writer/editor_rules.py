"""What `check` refuses in one value, as patterns an editor runs while the writer types.

Editors run a schema's `pattern` with JavaScript's `RegExp(pattern, "u")`; the tests run each one
with Python's `re` too, and with node, so every pattern here is written in the part of the two
languages that means the same in both (no `(?i)`, no possessive `*+`, `[\\s\\S]` for any
character). A value must match the pattern, so a rule that refuses a form is written
`^(?![\\s\\S]*FORM)`. Each rule carries the message the editor shows in its place
(`errorMessage`, which the YAML language server reads): a writer never sees a pattern.

The forms follow what Python-Markdown makes of text in `check`
(generator/safety/markdown_subset.py): links, raw HTML, images and link definitions. What a
pattern cannot see is in `ONLY_CHECK`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.site import routes


@dataclass(frozen=True)
class Rule:
    """One thing a value must not be, as a pattern the value must match and the words to show."""

    pattern: str
    message: str

    def schema(self) -> dict[str, Any]:
        """Return the rule as a JSON Schema node, to go in an `allOf`."""
        return {"pattern": self.pattern, "errorMessage": self.message}


def anycase(word: str) -> str:
    """Return a pattern for a word in any mix of capitals: browsers read schemes so."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else
                   ("\\" + c if c in ".+?*()[]{}|^$\\" else c) for c in word)


def never(*forms: str) -> str:
    """Return a pattern that only a value holding none of the forms matches."""
    return r"^(?![\s\S]*(?:" + "|".join(forms) + "))"


# Pieces of addresses. A web address's site name starts with none of these characters.
_SCHEME = "[A-Za-z][A-Za-z0-9+.-]*"
_SITE_START = r"""[^\s/?#"'<>()\\`]"""
# Characters a link may not hold, as generator/safety/markdown_subset.py says (`_URL_BREAKERS`).
_BREAKERS = r"""\s"'<>()\\`"""
# The same, less the space and the `)` that may end a link.
_INSIDE_BREAKERS = '"' + r"'<>(\\`"
_WEB = anycase("http") + "[Ss]?://" + _SITE_START
_ALLOWED_TARGET = f"{_WEB}|{anycase('mailto:')}|{anycase('tel:')}"

# `<https://…>`, `<tel:911>` and `<name@example.org>`: Markdown makes links of them, the page
# shows them as typed.
_ADDRESS_IN_ANGLES = rf"""{_SCHEME}:(?://[^<>]*|[^\s"'<>@]*)>|[^<> !]+@[^@<> ]+>"""
# Python-Markdown's HTML_RE (inlinepatterns.py) without its possessive quantifiers, which
# JavaScript lacks; its parts cannot overlap, so the meaning is the same.
_HTML = (r"""<(?!""" + _ADDRESS_IN_ANGLES + r""")(?:/?[A-Za-z][^\s"'<>@]*"""
         r"""(?:\s+[^\s"'=<>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>]+))?)*\s*/?"""
         r"""|!--[\s\S]*?--|\?[\s\S]*?\?|!\[CDATA\[[\s\S]*?\]\])>""")
# A line `[label]: address`, alone or as a list item: Python-Markdown's ReferenceProcessor.
_DEFINITION = (r"(?:^|\n)(?: *(?:[-*+]|[0-9]{1,9}[.)]) +)* {0,3}\[[^\[\]]*\]: *\n? *\S+ *"
               r"(?:\n *)?(?:\([^\n]*\) *)?(?:\n|$)")

_LINK_HELP = "Write each link as [words](https://…)."


def placeholder(word: str) -> Rule:
    """Return the rule for a value a starter file left to write: only the placeholder."""
    return Rule(rf"^(?!\s*{word}\s*$)", f"Write this field: it still says {word}.")


TEXT = (
    Rule(never(_HTML), "HTML such as <b> or <br> is not allowed in text. Write plain words, with "
         "*emphasis*, **strong**, [links](https://…) and lists."),
    Rule(never(f"<(?:{_ADDRESS_IN_ANGLES})", r"\]\(\s*<"),
         f"A link in < > does not work in text. {_LINK_HELP}"),
    Rule(never(rf"\]\(\s*(?![\s<]|{_ALLOWED_TARGET})"),
         "A link must be a full address that starts with https://, http://, mailto: or tel:, "
         "like [the NHS](https://www.nhs.uk/)."),
    Rule(never(rf"\]\(\s*[^\s<)][^{_BREAKERS}]*(?:\s+[^\s)]|[{_INSIDE_BREAKERS}])"),
         "A link's address cannot hold spaces, quotes, brackets or words after it. "
         f"{_LINK_HELP} Write a space in an address as %20."),
    Rule(never(r"!\[[^\]]*\]\("), "Images are not allowed in text."),
    Rule(never(_DEFINITION), "A line like [1]: https://… defines a link for use elsewhere, "
         f"which text cannot use. {_LINK_HELP}"),
)
EMERGENCY_TEXT = Rule(
    never(rf"\]\(\s*(?![\s<]|{anycase('tel:')})"),
    "Here links may only call a phone number, like [Call 911](tel:911): nothing may lead "
    "readers away from calling for help.")
WEB_ADDRESS = Rule(
    rf"^\s*{_WEB}[^{_BREAKERS}]*\s*$",
    "Write a full web address that starts with https://, like https://www.nhs.uk/, with no "
    "spaces, quotes or brackets.")
SITE_ADDRESS = (
    Rule(r"^(?![^/]*//[^/?#]*@)[^?#]*$",
         "Write just the site's address, like https://health-guides.github.io/muscle-guide/: "
         "no user name (…@), no ? and no #."),
    Rule(r"^(?!\s*" + _SCHEME + r"://(?:[^/?#]*@)?(?:(?:[^/?#:]*\.)?(?:"
         + "|".join(anycase(host) for host in ("example.org", "example.com", "example.net",
                                                "localhost"))
         + r")|[^/?#:]*\.(?:" + "|".join(anycase(end) for end in ("example", "test", "invalid"))
         + r"))\.?(?:[:/?#]|\s*$))",
         "This address is kept for examples and tests, so no reader can open it. Write the "
         "address where the site is published, or leave url out until you know it."),
)
# A real date: the 29th and 30th in every month but February, the 31st in the long months, and
# 29 February in leap years (every fourth year; of the centuries, only those 400 divides).
_LEAP_YEAR = "[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00"
DATE = Rule(
    r"^(?:(?!0000)[0-9]{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    r"|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
    rf"|(?:{_LEAP_YEAR})-02-29)$",
    "Write a real date as year-month-day, like 2026-11-26, without quotes.")
OWN_ADDRESS = Rule(
    "^(?!(?:" + "|".join(routes.RESERVED_IDS) + ")$)",
    "This is the name of a page or folder the site makes itself, so this page would take its "
    f"address. Choose another id, and give the file the same name. Kept names: "
    f"{', '.join(routes.RESERVED_IDS)}.")

BY_VALIDATOR: dict[str, tuple[Rule, ...]] = {
    "_markdown": TEXT,
    "_web_address": (WEB_ADDRESS,),
    "_site_address": SITE_ADDRESS[:1],
    "_published_address": SITE_ADDRESS[1:],
    "_own_address": (OWN_ADDRESS,),
}
"""The rules for a value, by the name of the model's validator that `check` runs on it."""

PATTERN_MESSAGES = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "Use only small letters, digits and single hyphens, like "
                                "muscle-twitch.",
    "^[a-z]{2}-[A-Z]{2}$": "Write a language and country, like en-US.",
    "^[a-z]{2}$": "Write a language as its two small letters, like es.",
    "^[0-9a-f]{12}$": "Write the version `check` names: 12 digits and letters from a to f, "
                      "like 3f9a0c51d2e8.",
    "^[0-9]{2,6}$": "Write the emergency number as 2 to 6 digits, like 911.",
    "^[a-zß-öø-ÿ]+([ '-][a-zß-öø-ÿ]+)*$": "Write the word in small letters, like involuntary "
                                          "or contracción; words of a phrase are joined by "
                                          "one space, hyphen or apostrophe.",
}
"""The words for each pattern the models set themselves, by the pattern."""

ONLY_CHECK = (
    "Ids that name other files (in comparisons, flowchart outcomes and answers), and a file "
    "whose name is not its id",
    "The flowchart's paths: a step nobody can reach, a dead end, a circle of questions",
    "Review dates: a last review in the future, a next review before the last or more than "
    "three years after it, and reviews that are overdue",
    "A date in quotes: `\"2026-11-26\"` is text, not a date",
    "A `#` after text on the same line, which would leave the words after it off the page",
    "Which number a phone link in emergency text calls",
    "Other Markdown: headings, code in backticks, lines that start with `>`, boxes, dividing "
    "lines, `{: … }`, and lines indented by four spaces",
    "Characters nobody can see, and text too long to check",
    "Codes such as `&amp;` in a link, and a wrong port in the site's address",
    "A `locale` that dates cannot be written in, and an emergency number its country does not "
    "answer",
    "The same item twice in a list, such as a condition in a comparison",
    "The reading level, sentences that are hard to read, and words from `plain-words.yml`",
    "A web address typed as words (`https://…` or `www.…`), which cannot be tapped",
    "The same question twice in a topic's questions",
)
"""What only `make check` finds, in a writer's words: the guide lists these."""
