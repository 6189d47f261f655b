"""The command line, as an author uses it: plain messages, exit code 1, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, old_build, one_language


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "generator", *args],
                           capture_output=True, text=True, env=env, check=False)


BROKEN = {
    "content/conditions/muscle-twitch.yml": """
        id: muscle-twitch
        name: Muscle twitch
        name: Twice
    """,
    "content/conditions/muscle-spasm.yml": """
        id: muscle-spasm
        colour: red
    """,
}


def test_check_reports_every_error_plainly(scratch: Callable[..., Path]) -> None:
    scratch(BROKEN)

    result = run("check")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert "content/conditions/muscle-twitch.yml:3:1: `name` appears more than once in the " \
           "same block. Keep only one." in lines
    assert "content/conditions/muscle-spasm.yml:2:1: colour: this field is not part of the " \
           "format. Remove it or check its spelling." in lines
    assert lines[-1].endswith("problems found in the content.")


def test_check_can_speak_json_for_editors(scratch: Callable[..., Path]) -> None:
    scratch(BROKEN)

    result = run("check", "--format", "json")

    assert result.returncode == 1
    errors = json.loads(result.stdout)
    assert {"file": "content/conditions/muscle-spasm.yml", "line": 2, "column": 1,
            "field": "colour", "message": "this field is not part of the format. "
            "Remove it or check its spelling.", "severity": "error"} in errors


def test_check_passes_the_shipped_content(scratch: Callable[..., Path]) -> None:
    scratch()

    result = run("check")

    assert result.returncode == 0, result.stderr
    # The one warning: the shipped site gives no contact (tests/test_contact.py).
    assert result.stdout == ("Content is fine: 2 conditions, 1 comparison, 1 flowchart, 3 pages, "
                             "with 1 warning.\n")
    assert result.stderr.startswith("content/site.yml:7:1: contact: no contact is given")


def test_a_failed_build_leaves_the_old_site_alone(scratch: Callable[..., Path]) -> None:
    project = scratch(BROKEN)
    old_build(project / "site", {"index.html": "old"})
    (project / "dist").mkdir()  # as builds left it before they stamped their folders
    (project / "dist/old-offline.zip").write_text("old", encoding="utf-8")

    result = run("build")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].endswith("problems found in the content.")
    assert (project / "site/index.html").read_text(encoding="utf-8") == "old"
    assert [p.name for p in (project / "dist").iterdir()] == ["old-offline.zip"]
    assert sorted(p.name for p in project.iterdir()) == ["content", "dist", "mkdocs.yml",
                                                         "overrides", "site"]


def test_export_writes_the_markdown_tree(scratch: Callable[..., Path]) -> None:
    project = scratch()
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)

    result = run("export", "out")

    assert result.returncode == 0, result.stderr
    assert result.stdout == ("Wrote 24 pages and the site's configuration to out/. Build it "
                             "with `mkdocs build -f out/mkdocs.yml`, then "
                             "`mkdocs build -f out/es/mkdocs.yml -d ../site/es/`.\n")
    for docs in ("out/docs", "out/es/docs"):
        written = sorted(p.relative_to(project / docs).as_posix()
                         for p in (project / docs).rglob("*.md"))
        assert written == ["checker/twitch-or-spasm.md", "compare/twitch-vs-spasm.md",
                           "conditions/index.md", "conditions/muscle-spasm.md",
                           "conditions/muscle-twitch.md",
                           "embed/muscle-spasm.md", "embed/muscle-twitch.md", "faq.md",
                           "index.md", "pages/about.md", "pages/accessibility.md",
                           "pages/embed-our-questions.md"]


def test_export_offline_writes_the_offline_bundles_source(scratch: Callable[..., Path]) -> None:
    project = scratch()
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)

    result = run("export", "--offline", "out")

    assert result.returncode == 0, result.stderr
    config = (project / "out/mkdocs.yml").read_text(encoding="utf-8")
    assert "plugins:\n- search\n- offline:\n    enabled: true\n" in config
    assert "home: ./index.html\n" in config  # links go to files, as from file://


def test_export_without_the_npm_assets_says_how_to_get_them(
    scratch: Callable[..., Path],
) -> None:
    project = scratch()

    result = run("export", "out")

    assert result.returncode == 1
    assert result.stderr == ("node_modules/iframe-worker/shim/index.js is missing: run `npm ci` "
                             "(or `make site`) first.\n")
    assert not (project / "out").exists()


def test_every_command_explains_itself() -> None:
    for command in ("build", "check", "export", "guard", "graph", "schema", "new", "review",
                    "guide"):
        result = run(command, "--help")
        assert result.returncode == 0
        assert "Usage:" in result.stdout


def test_graph_prints_a_flowchart_as_mermaid(scratch: Callable[..., Path]) -> None:
    scratch()

    by_id = run("graph", "twitch-or-spasm")
    by_file = run("graph", "content/flowcharts/twitch-or-spasm.yml")

    assert by_id.returncode == 0, by_id.stderr
    assert by_id.stdout.startswith("flowchart TD\n")
    assert by_file.stdout == by_id.stdout


def test_graph_names_the_flowcharts_it_knows(scratch: Callable[..., Path]) -> None:
    scratch()

    result = run("graph", "nope")

    assert result.returncode == 1
    assert result.stderr == "There is no flowchart `nope`. Flowcharts: twitch-or-spasm.\n"


def test_schema_documents_each_field_for_editors() -> None:
    result = run("schema", "condition")

    schema = json.loads(result.stdout)
    assert result.returncode == 0
    assert schema["additionalProperties"] is False
    assert schema["properties"]["other_names"]["description"] == "Other names for it."


def test_a_failed_mkdocs_build_is_reported_plainly_and_keeps_the_old_site(
    scratch: Callable[..., Path],
) -> None:
    # Valid content, but the npm files the site needs were never installed.
    project = scratch()
    old_build(project / "site", {"index.html": "old"})

    result = run("build")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "node_modules/iframe-worker/shim/index.js is missing: run `npm ci`" in result.stderr
    assert (project / "site/index.html").read_text(encoding="utf-8") == "old"


def test_a_bad_source_date_epoch_is_explained(scratch: Callable[..., Path]) -> None:
    scratch()

    result = subprocess.run([sys.executable, "-m", "generator", "build"], capture_output=True,
                            text=True, check=False,
                            env={**os.environ, "SOURCE_DATE_EPOCH": "yesterday"})

    assert result.returncode == 1
    assert result.stderr == "SOURCE_DATE_EPOCH must be a whole number of seconds, not " \
                            "'yesterday'.\n"


def test_a_confirmed_emergency_number_is_a_warning_that_strict_fails_on(
        scratch: Callable[..., Path]) -> None:
    site = (Path("content/site.yml").read_text(encoding="utf-8")
            .replace("locale: en-US", "locale: en-GB")
            .replace("  message:",
                     '  number: "118118"\n  number_confirmed_by: Sam Lee\n  message:'))
    one_language(scratch({"content/site.yml": site}))

    relaxed, strict = run("check"), run("check", "--strict")

    warning = ("content/site.yml:9:24: emergency.number_confirmed_by: every page tells readers "
               "to call 118118 in an emergency on the word of Sam Lee; `check` does not know it "
               "for GB (the country of locale en-GB), which answers 999 or 112. Check the "
               "number with the emergency services there at every review. (warning)")
    assert relaxed.returncode == 0, relaxed.stderr
    assert warning in relaxed.stderr.splitlines()
    assert strict.returncode == 1
    assert warning in strict.stderr.splitlines()


# A YAML key that erases the terminal's line and writes a success message over the error;
# C1's CSI (\x9b) and a right-to-left override (\u202e) do the same on other terminals.
SPOOFING_KEY = '"\\e[2K\\rContent is fine: 2 conditions.\\x9b\\u202e\\x7f"'
SPOOF_SHOWN = "\\x1b[2K\\x0dContent is fine: 2 conditions.\\x9b\\u202e\\x7f"


def test_text_from_a_file_cannot_rewrite_the_terminal(scratch: Callable[..., Path]) -> None:
    project = scratch()
    with (project / "content/site.yml").open("a", encoding="utf-8") as site:
        site.write(f"{SPOOFING_KEY}: 1\n")
    (project / "content/conditions/\x1b[2Kfine.txt").write_text("", encoding="utf-8")

    result = run("check")

    assert result.returncode == 1
    assert result.stdout == ""
    assert not _obeyed(result.stderr)
    lines = result.stderr.splitlines()
    assert (f"content/site.yml:18:1: {SPOOF_SHOWN}: this field is not part of the format. "
            "Remove it or check its spelling.") in lines
    assert any(line.startswith("content/conditions/\\x1b[2Kfine.txt:1:1: this is not a "
                               "content file") for line in lines)
    assert lines[-1] == "2 problems found in the content."


def test_json_output_escapes_what_a_terminal_obeys_and_keeps_the_exact_text(
    scratch: Callable[..., Path],
) -> None:
    project = scratch()
    with (project / "content/site.yml").open("a", encoding="utf-8") as site:
        site.write(f"{SPOOFING_KEY}: 1\n")

    result = run("check", "--format", "json")

    assert result.returncode == 1
    assert result.stdout.isascii() and not _obeyed(result.stdout)
    (error,) = json.loads(result.stdout)
    assert error["field"] == "\x1b[2K\rContent is fine: 2 conditions.\x9b\u202e\x7f"


def test_build_and_export_show_a_files_escapes_visibly(scratch: Callable[..., Path]) -> None:
    project = scratch()
    with (project / "content/site.yml").open("a", encoding="utf-8") as site:
        site.write(f"{SPOOFING_KEY}: 1\n")

    for result in (run("build"), run("export", "out")):
        assert result.returncode == 1
        assert not _obeyed(result.stdout + result.stderr)
        assert SPOOF_SHOWN in result.stderr


def test_graph_and_review_show_a_files_escapes_visibly(scratch: Callable[..., Path]) -> None:
    project = scratch()
    with (project / "content/flowcharts/twitch-or-spasm.yml").open("a", encoding="utf-8") as file:
        file.write(f"{SPOOFING_KEY}: 1\n")

    for result in (run("graph", "twitch-or-spasm"), run("review")):
        assert result.returncode == 1
        assert not _obeyed(result.stdout + result.stderr)
        assert f": {SPOOF_SHOWN}: this field is not part of the format." in result.stderr


def _obeyed(output: str) -> bool:
    """Tell whether the output holds a character that a terminal acts on instead of showing."""
    return any(char in output for char in "\x1b\r\x7f\x9b\u202e")


@pytest.mark.parametrize("epoch", ["-5", "99999999999999999999", "253402300800", "9" * 5000])
def test_a_source_date_epoch_out_of_range_is_explained(scratch: Callable[..., Path],
                                                       epoch: str) -> None:
    scratch()

    by_env = subprocess.run([sys.executable, "-m", "generator", "build"], capture_output=True,
                            text=True, check=False, env={**os.environ, "SOURCE_DATE_EPOCH": epoch})
    by_option = run("build", "--source-date-epoch", epoch)

    for result in (by_env, by_option):
        assert result.returncode == 1
        assert result.stderr.startswith("SOURCE_DATE_EPOCH must be between 0 and 253402300799 "
                                        "(the year 9999), not "), result.stderr
        assert "Traceback" not in result.stderr


def test_a_place_that_cannot_be_written_is_explained(scratch: Callable[..., Path]) -> None:
    project = scratch()
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    (project / "out/docs").mkdir(parents=True)
    (project / "out/docs/conditions").write_text("in the way", encoding="utf-8")

    results = {
        "out/docs/conditions: File exists": run("export", "out"),
        f"{'a' * 79}…: File name too long": run("export", "a" * 300),
        "nowhere/GUIDE.md: No such file or directory": run("guide", "--output",
                                                           "nowhere/GUIDE.md"),
    }
    (project / "content/pages").rename(project / "pages")
    (project / "content/pages").write_text("in the way", encoding="utf-8")
    results["content/pages: File exists"] = run("new", "page", "contact")

    for problem, result in results.items():
        assert result.returncode == 1
        assert result.stderr == (f"Could not write {problem}. Check the folder names, or choose "
                                 "another place.\n")


@pytest.mark.parametrize(("env", "option"), [("", None), ("yesterday", "5"), ("-5", "5")])
def test_a_bad_source_date_epoch_beside_a_good_option_is_explained(
    scratch: Callable[..., Path], env: str, option: str | None
) -> None:
    # MkDocs reads the variable itself, so it must be right even when the option is given.
    scratch()

    result = subprocess.run(
        [sys.executable, "-m", "generator", "build",
         *(["--source-date-epoch", option] if option else [])],
        capture_output=True, text=True, check=False, env={**os.environ, "SOURCE_DATE_EPOCH": env})

    assert result.returncode == 1
    assert result.stderr.startswith("SOURCE_DATE_EPOCH must be "), result.stderr
    assert "Traceback" not in result.stderr
