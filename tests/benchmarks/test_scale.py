"""The scale benchmark runs from a fresh clone and reports every figure (no timing is asserted)."""

from __future__ import annotations

import re

import pytest

from benchmarks import scale


def test_the_benchmark_runs_at_a_tiny_size(capsys: pytest.CaptureFixture[str]) -> None:
    scale.main(["--topics", "2", "--runs", "1"])

    report = capsys.readouterr().out
    assert report.startswith("    2 topics, ")
    for figure in ("full build (website + offline zip)", "plain Material (website only)",
                   "ratio full / plain", "content stage (load+check+render)",
                   "HTML a page: average"):
        assert figure in report
    assert re.search(r"ratio full / plain +\d+\.\d\d", report)
