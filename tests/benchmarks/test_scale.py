"""The scale benchmark runs from a fresh clone and reports every figure (no timing is asserted)."""

from __future__ import annotations

import re

import pytest

from benchmarks import first_view, scale


def test_the_benchmark_runs_at_a_tiny_size(capsys: pytest.CaptureFixture[str]) -> None:
    scale.main(["--topics", "2", "--runs", "1"])

    report = capsys.readouterr().out
    assert report.startswith("    2 topics, ")
    for figure in ("full build (website + offline zip)", "rebuild after editing one topic",
                   "plain Material (website only)", "ratio full / plain",
                   "ratio rebuild / plain", "content stage (load+check+render)",
                   "HTML a page: average", "site ", "zip ",
                   "first search downloads the index"):
        assert figure in report
    assert re.search(r"ratio full / plain +\d+\.\d\d", report)
    assert re.search(r"content stage \(load\+check\+render\) +\d+\.\d{3} s, "
                     r"with the cache \d+\.\d{3} s", report)
    assert re.search(r"HTML a page: average \d+\.\d KB, largest \d+\.\d KB \(\S+\.html\)", report)
    if first_view.available():
        assert re.search(r"beyond the theme \d+\.\d KB: HTML \d+\.\d KB, CSS \d+\.\d KB, "
                         r"JS \d+\.\d KB, data \d+\.\d KB; search index not loaded", report)
    assert re.search(r"serve --dirty: first build \d+\.\d s; one edited topic served in "
                     r"\d+\.\d\d s", report)
