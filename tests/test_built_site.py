"""The pass over a built site: every page gets its policy, and an unsafe page from any builder
stops it, named with each unsafe element."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.safety.built_site import UnsafePages, secure_site

from conftest import ROOT

SAFE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A page</title>
<script src="../assets/javascripts/health.js"></script></head>
<body><a href="../muscle-spasm/">Muscle spasm</a></body></html>
"""
UNSAFE = SAFE.replace('<a href="../muscle-spasm/">', '<a href="javascript:alert(1)">').replace(
    "</body>", '<img src="https://tracker.example/pixel.gif" alt=""></body>')


def site(folder: Path, pages: dict[str, str]) -> Path:
    """Write a site as some builder might have written it: these pages, and a stylesheet."""
    for name, text in {**pages, "assets/site.css": "body { margin: 0 }\n"}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def guard(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "guard", *args], cwd=ROOT,
                          capture_output=True, text=True, check=False)


def test_every_page_gets_its_policy_and_other_files_are_left_alone(tmp_path: Path) -> None:
    built = site(tmp_path, {"index.html": SAFE, "conditions/muscle-twitch/index.html": SAFE})

    assert secure_site(built, None) == 2

    for name in ("index.html", "conditions/muscle-twitch/index.html"):
        html = (built / name).read_text(encoding="utf-8")
        assert html.startswith('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
                               '<meta http-equiv="Content-Security-Policy" content="default-src')
    assert (built / "assets/site.css").read_text(encoding="utf-8") == "body { margin: 0 }\n"


def test_securing_a_secured_site_again_changes_nothing(tmp_path: Path) -> None:
    built = site(tmp_path, {"index.html": SAFE})
    secure_site(built, None)
    once = (built / "index.html").read_bytes()

    secure_site(built, None)

    assert (built / "index.html").read_bytes() == once


def test_an_unsafe_page_from_any_builder_is_refused_with_every_unsafe_page_named(
    tmp_path: Path,
) -> None:
    built = site(tmp_path, {"index.html": SAFE, "a/index.html": UNSAFE, "b.html": UNSAFE})

    with pytest.raises(UnsafePages) as refused:
        secure_site(built, "https://example.org/guide/")

    problems = (
        '  <a href="javascript:alert(1)"> uses the `javascript:` scheme; links may only use '
        "http:, https:, mailto:, tel: or a relative address\n"
        '  <img src="https://tracker.example/pixel.gif"> loads from another host '
        "(tracker.example); pages may only load files from this site")
    assert str(refused.value) == (
        f"a/index.html: the built page is not safe to publish:\n{problems}\n"
        f"b.html: the built page is not safe to publish:\n{problems}")
    assert (built / "a/index.html").read_text(encoding="utf-8") == UNSAFE


def test_a_script_the_theme_never_writes_is_refused(tmp_path: Path) -> None:
    built = site(tmp_path, {"404.html": SAFE.replace(
        "</body>", "<footer><script>navigator.sendBeacon('/t')</script></footer></body>")})

    with pytest.raises(UnsafePages, match=r"^404\.html: the built page is not safe to publish:"
                                          r"\n  <script> \(navigator\.sendBeacon\('/t'\)\) is "
                                          "not one of the scripts the theme or overrides/ write"):
        secure_site(built, None)


def test_only_the_sites_own_address_may_be_loaded_in_full(tmp_path: Path) -> None:
    own = SAFE.replace("../assets/javascripts/health.js",
                       "https://example.org/guide/assets/javascripts/health.js")
    built = site(tmp_path, {"index.html": own})

    assert secure_site(built, "https://example.org/guide/") == 1
    with pytest.raises(UnsafePages, match="loads from another host"):
        secure_site(built, None)


def test_a_page_without_a_head_or_not_in_utf8_or_linked_elsewhere_is_refused(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside.html"
    outside.write_text(SAFE, encoding="utf-8")
    built = site(tmp_path / "site", {"fragment.html": "<p>A fragment</p>"})
    (built / "latin.html").write_bytes(SAFE.replace("A page", "Caf\xe9").encode("latin-1"))
    (built / "linked.html").symlink_to(outside)

    with pytest.raises(UnsafePages) as refused:
        secure_site(built, None)

    assert str(refused.value).splitlines() == [
        "fragment.html: the page has no <head> to hold its Content-Security-Policy.",
        "latin.html: the page is not UTF-8 text, so it cannot be checked.",
        "linked.html: the page is a link to another file; a built page must be a file of its "
        "own."]
    assert outside.read_text(encoding="utf-8") == SAFE


def test_the_guard_command_secures_a_site_or_names_its_unsafe_pages(tmp_path: Path) -> None:
    safe = site(tmp_path / "safe", {"index.html": SAFE})
    unsafe = site(tmp_path / "unsafe", {"index.html": SAFE, "bad/index.html": UNSAFE})

    secured, refused = guard(str(safe)), guard(str(unsafe), "--site-url", "https://example.org/")

    assert secured.returncode == 0, secured.stderr
    assert secured.stdout == f"Secured 1 page in {safe}/: every page is safe to publish.\n"
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert refused.stderr.startswith("bad/index.html: the built page is not safe to publish:\n"
                                     '  <a href="javascript:alert(1)"> uses the `javascript:`')
    assert "Traceback" not in refused.stderr
