"""Care levels: the number to call and the call to action, in the site's language and country."""

from __future__ import annotations

from generator.site.care import care_heading, emergency_number_for
from generator.wording import for_locale, pseudo


def test_emergency_numbers_by_locale() -> None:
    assert emergency_number_for("en-US") == "911"
    assert emergency_number_for("en-GB") == "999"
    assert emergency_number_for("fr-FR") == "112"
    assert emergency_number_for("de-AT") == "112"
    assert emergency_number_for("ja-JP") == "119"  # 112 does not work in Japan


def test_the_emergency_heading_wraps_the_number() -> None:
    heading = care_heading("emergency", for_locale("en-US"), "911")

    assert heading.prefix == "Emergency:"
    assert (heading.before, heading.number, heading.after) == (
        "Call ", "911", " or go to the emergency room now if:")


def test_british_wording_sends_people_to_a_and_e_and_a_gp() -> None:
    british = for_locale("en-GB")
    emergency = care_heading("emergency", british, "999")

    assert emergency.before + emergency.number + emergency.after == "Call 999 or go to A&E now if:"
    assert care_heading("urgent", british, "999").before == (
        "Ask for an urgent GP appointment or call 111 if:")
    assert care_heading("non-urgent", british, "999").before == "See a GP if:"


def test_american_and_british_words_differ_where_their_services_do() -> None:
    for level in ("emergency", "urgent", "non-urgent"):
        american = care_heading(level, for_locale("en-US"), "911")
        british = care_heading(level, for_locale("en-GB"), "911")
        assert (american.before, american.after) != (british.before, british.after), level
    assert (care_heading("self-care", for_locale("en-US"), "911")
            == care_heading("self-care", for_locale("en-GB"), "911"))


def test_a_country_with_no_words_of_its_own_gets_the_general_english_ones() -> None:
    irish = for_locale("en-IE")
    emergency = care_heading("emergency", irish, "112")

    assert emergency.before + emergency.number + emergency.after == (
        "Call 112 or go to the emergency department now if:")
    assert care_heading("urgent", irish, "112").before == "Get medical help today if:"
    assert care_heading("non-urgent", irish, "112").before == "See a doctor if:"


def test_non_urgent_advice_has_no_number() -> None:
    heading = care_heading("non-urgent", for_locale("en-US"), "911")

    assert (heading.prefix, heading.before, heading.number) == (
        "Non-urgent advice:", "See a doctor if:", None)


def test_the_number_stays_a_link_inside_pseudo_wrapped_words() -> None:
    heading = care_heading("emergency", pseudo(for_locale("en-GB")), "999")

    assert (heading.before, heading.number, heading.after) == (
        "⟦Call ", "999", " or go to A&E now if:⟧")
