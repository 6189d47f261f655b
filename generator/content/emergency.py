"""What emergency text must do: call a number meant for emergencies, and show the number it calls.

A reader in an emergency trusts the number a link shows and the number it dials. Both are read
from the tree Python-Markdown makes (markdown_subset.links), as the page renders the link.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from generator.content import emergency_numbers, phone
from generator.content.emergency_numbers import in_words
from generator.content.models import Condition, Flowchart, OtherNumber, Outcome, Site
from generator.safety import markdown_subset

Loc = tuple[str | int, ...]


def condition_texts(condition: Condition) -> list[tuple[Loc, str]]:
    """Return the texts a condition shows in its emergency callout, with where each is."""
    texts: list[tuple[Loc, str]] = [
        (("warning_signs", index), text) for index, text in enumerate(condition.warning_signs)]
    for group_index, group in enumerate(condition.when_to_get_help):
        if group.care != "emergency":
            continue
        where: Loc = ("when_to_get_help", group_index)
        texts += [((*where, "items", index), text) for index, text in enumerate(group.items)]
        if group.note is not None:
            texts.append(((*where, "note"), group.note))
    return texts


def outcome_texts(index: int, result: Outcome) -> list[tuple[Loc, str]]:
    """Return the advice and note of an emergency outcome (nothing for other outcomes)."""
    if result.care != "emergency":
        return []
    texts: list[tuple[Loc, str]] = [(("outcomes", index, "advice", item), text)
                                     for item, text in enumerate(result.advice)]
    if result.note is not None:
        texts.append((("outcomes", index, "note"), result.note))
    return texts


def flowchart_texts(flow: Flowchart) -> list[tuple[Loc, str]]:
    """Return the texts of emergency outcomes, and the hints of questions that lead to one."""
    texts = [text for index, result in enumerate(flow.outcomes)
             for text in outcome_texts(index, result)]
    # A reader answering such a question may be in an emergency already.
    emergencies = {result.id for result in flow.outcomes if result.care == "emergency"}
    texts += [(("questions", index, "hint"), question.hint)
              for index, question in enumerate(flow.questions)
              if question.hint is not None and any(a.next in emergencies
                                                   for a in question.answers)]
    return texts


@dataclass(frozen=True)
class CallableNumbers:
    """The numbers emergency text may call: the site's emergency number, then the others listed."""

    emergency: str
    others: tuple[OtherNumber, ...] = ()

    @classmethod
    def of(cls, site: Site) -> CallableNumbers:
        """Return the numbers a site's emergency text may call."""
        return cls(site.emergency_number, tuple(site.emergency.other_numbers))

    def allows(self, dialled: str) -> bool:
        """Return whether a number, as a phone dials it, is one of these."""
        return dialled == phone.digits(self.emergency) or any(
            dialled == phone.digits(other.number) for other in self.others)

    def in_words(self) -> str:
        """Return the numbers as a writer reads them, for a message."""
        others = [f"{other.name} ({other.number})" for other in self.others]
        if not others:
            return f"the emergency number {self.emergency}"
        return (f"the emergency number {self.emergency} or a number listed in "
                f"`emergency.other_numbers` in site.yml: {', '.join(others)}")


def phone_link_problems(text: str, numbers: CallableNumbers | None) -> list[str]:
    """Return what is wrong with each phone link in an emergency text.

    A link must dial one of the numbers (when they are known) and show no other number.
    """
    found = []
    for link in markdown_subset.links(text):
        dialled = phone.dialled(link.target)
        if dialled is None:
            continue  # a link that calls nobody is refused on its own
        written = unquote(link.target[len(phone.TEL):])
        other_shown = [n for n in phone.shown(link.words) if phone.digits(n) != dialled]
        allowed = numbers is None or numbers.allows(dialled)
        if allowed and not other_shown:
            continue
        dials = written or "no number"
        said = (f"this link shows {other_shown[0]} but dials {dials}." if other_shown
                else f"this link dials {dials}.")
        if numbers is not None and not allowed:
            found.append(f"{said} In an emergency text a phone link must call "
                         f"{numbers.in_words()}: write [Call {numbers.emergency}]"
                         f"(tel:{numbers.emergency}).")
        elif numbers is not None:
            found.append(f"{said} A reader calls the number the words show, so show the "
                         f"number the link dials: write [Call {written}]({link.target}).")
        else:
            found.append(f"{said} A reader calls the number the words show: make the words "
                         "and the link give the same number.")
    return found


def number_problem(site: Site) -> tuple[Loc, str] | None:
    """Return where and why the site's emergency number is not one its country answers."""
    number, emergency = site.emergency.number, site.emergency
    listed = emergency_numbers.numbers_for(site.locale)
    country = _country(site)
    if number is None:
        if listed:
            return None
        return (("locale",), f"`check` does not know the emergency numbers of {country}, so "
                "it cannot choose the number every page shows. Under `emergency`, add "
                "`number:` with the number to call in an emergency there, and "
                "`number_confirmed_by:` with the name of the person who confirmed it.")
    if number in listed or emergency.number_confirmed_by is not None:
        return None
    if listed:
        return (("emergency", "number"), f"{number} is not an emergency number in {country}, "
                f"which answers {in_words(listed)}. Write one of those, or leave `number` out "
                f"to show {listed[0]}. If {number} really is the number to call in an "
                "emergency there, add `number_confirmed_by:` with the name of the person who "
                "confirmed it.")
    return (("emergency", "number"), f"`check` does not know the emergency numbers of "
            f"{country}, so it cannot tell whether {number} is one. If it is, add "
            "`number_confirmed_by:` under `emergency` with the name of the person who "
            "confirmed it.")


def confirmed_number_warning(site: Site) -> tuple[Loc, str] | None:
    """Return a warning while the site relies on a person's word for its emergency number."""
    confirmed_by = site.emergency.number_confirmed_by
    if confirmed_by is None:
        return None
    loc: Loc = ("emergency", "number_confirmed_by")
    number, country = site.emergency_number, _country(site)
    listed = emergency_numbers.numbers_for(site.locale)
    if number in listed:
        return loc, (f"{number} is an emergency number `check` knows for {country}, so "
                     "`number_confirmed_by` is not needed. Remove it.")
    known = f", which answers {in_words(listed)}" if listed else ""
    return loc, (f"every page tells readers to call {number} in an emergency on the word of "
                 f"{confirmed_by}; `check` does not know it for {country}{known}. Check the "
                 "number with the emergency services there at every review.")


def _country(site: Site) -> str:
    return f"{emergency_numbers.country(site.locale)} (the country of locale {site.locale})"
