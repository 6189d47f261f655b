"""The phone-screens measurement reads every page of a built site (no figure is asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import first_view, phone_screens


@pytest.mark.skipif(not first_view.available(), reason="needs Chromium to measure with")
def test_the_measurement_reports_every_page_and_each_condition_pages_first_care_card(
    built_site: Path,
) -> None:
    report = phone_screens.table(phone_screens.measure(built_site)).splitlines()

    assert len(report) == 2 + len(phone_screens.routes(built_site))
    twitch = next(line for line in report if "`conditions/muscle-twitch/`" in line)
    screens, heading, item = (cell.strip() for cell in twitch.strip("|").split("|")[1:])
    assert float(screens) > 0
    assert heading.endswith(" px") and item.endswith(" px")
