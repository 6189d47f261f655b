"""The scale benchmark runs from a fresh clone and reports every figure (no timing is asserted)."""

from __future__ import annotations

import re

import pytest

from benchmarks import first_view, scale

BUILDS = ("our cold build (website + offline zip, no cache)",
          "our rebuild after editing one topic's text", "our rebuild after renaming one topic",
          "our rebuild after adding one topic", "plain Material, website",
          "plain Material, offline bundle")
RATIOS = ("rebuild after editing text / cold build", "rebuild after renaming / cold build",
          "rebuild after adding / cold build",
          "cold build / plain Material (website + offline)")


def test_the_benchmark_runs_at_a_tiny_size(capsys: pytest.CaptureFixture[str]) -> None:
    scale.main(["--topics", "5", "--runs", "1"])

    report = capsys.readouterr().out
    assert re.match(r"machine: \d+ CPUs \(.+\), Python 3\.\d+\.\d+\n    5 topics, ", report)
    zensical = ("Zensical (website + offline zip, no cache)",) if scale.zensical_installed() else ()
    for build in (*BUILDS, *zensical):
        assert re.search(rf"^  {re.escape(build)} +\d+\.\d\d s, peak +\d+ MB$", report,
                         re.MULTILINE), build
    for ratio in RATIOS:
        assert re.search(rf"^  ratio, {re.escape(ratio)} +\d+\.\d\d$", report, re.MULTILINE), ratio
    assert re.search(r"content stage \(load\+check\+render\) +\d+\.\d{3} s, "
                     r"with the cache \d+\.\d{3} s", report)
    assert re.search(r"HTML a page: average \d+\.\d KB, largest \d+\.\d KB \(\S+\.html\); "
                     r"site \d+\.\d MB, zip \d+\.\d MB", report)
    assert "first search downloads the index" in report
    if first_view.available():
        assert re.search(r"beyond the theme \d+\.\d KB: HTML \d+\.\d KB, CSS \d+\.\d KB, "
                         r"JS \d+\.\d KB, data \d+\.\d KB; search index not loaded", report)
    assert re.search(r"serve --dirty: first build \d+\.\d s; one edited topic served in "
                     r"\d+\.\d\d s", report)


def test_without_zensical_the_report_says_it_was_not_measured(
    capsys: pytest.CaptureFixture[str],
) -> None:
    scale.print_builds({build: scale.Run(2.0, 50.0) for build in BUILDS})

    report = capsys.readouterr().out
    assert ("  Zensical (website + offline zip, no cache): not measured (the zensical extra is "
            "not installed: pip install '.[zensical]')\n") in report
    assert re.search(r"ratio, cold build / plain Material \(website \+ offline\) +0\.50$",
                     report, re.MULTILINE)
