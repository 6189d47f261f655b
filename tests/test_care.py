"""Care levels: the number to call and the call to action, by locale."""

from __future__ import annotations

from generator.site.care import care_heading, emergency_number_for


def test_emergency_numbers_by_locale() -> None:
    assert emergency_number_for("en-US") == "911"
    assert emergency_number_for("en-GB") == "999"
    assert emergency_number_for("fr-FR") == "112"
    assert emergency_number_for("de-AT") == "112"
    assert emergency_number_for("ja-JP") == "119"  # 112 does not work in Japan


def test_the_emergency_heading_wraps_the_number() -> None:
    heading = care_heading("emergency", "en-US", "911")

    assert heading.prefix == "Emergency:"
    assert (heading.before, heading.number, heading.after) == (
        "Call ", "911", " or go to the emergency room now if:")


def test_british_wording_sends_people_to_a_and_e() -> None:
    heading = care_heading("emergency", "en-GB", "999")

    assert heading.before + heading.number + heading.after == "Call 999 or go to A&E now if:"


def test_non_urgent_advice_has_no_number() -> None:
    heading = care_heading("non-urgent", "en-US", "911")

    assert (heading.prefix, heading.before, heading.number) == (
        "Non-urgent advice:", "See a doctor if:", None)
