"""The front-end assets stay small enough for a slow phone connection."""

from __future__ import annotations

import gzip

from conftest import ROOT

ASSETS = ROOT / "overrides" / "assets"


def test_the_flowchart_widget_is_at_most_5_kb_gzipped() -> None:
    # Measured unminified, so the minified size is smaller still.
    source = (ASSETS / "javascripts/flowchart.js").read_bytes()
    source += (ASSETS / "stylesheets/flowchart.css").read_bytes()

    assert len(gzip.compress(source, 9)) <= 5 * 1024
