"""Every page carries a Content-Security-Policy that allows exactly its own inline scripts."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.safety.csp import (
    IFRAME_WORKER_IMPORT_SCRIPTS,
    IFRAME_WORKER_POST_MESSAGE,
    IFRAME_WORKER_SCRIPT,
    iframe_worker_script,
    secure_page,
)

from conftest import ROOT, template_scripts, theme_script, theme_settings

ALERT_HASH = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"  # of "alert(1)"
EXECUTABLE = {None, "", "text/javascript", "module"}
SCOPE = theme_script("partials/javascripts/base.html", "../..")
PALETTE = theme_script("partials/javascripts/palette.html")
TAB_TARGET = theme_script("partials/javascripts/content.html")


def page(head: str = "", body: str = "") -> str:
    return (f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n{head}\n'
            f"</head>\n<body>{body}</body>\n</html>\n")


def policy_of(html: str) -> dict[str, list[str]]:
    """Return the page's policy as {directive: [sources]}."""
    meta = BeautifulSoup(html, "html.parser").find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, "the page has no Content-Security-Policy"
    directives = [d.split() for d in str(meta["content"]).split(";")]
    return {d[0]: d[1:] for d in directives}


def hashes_of(html: str) -> set[str]:
    return {s for s in policy_of(html)["script-src"] if s.startswith("'sha256-")}


def test_the_policy_comes_right_after_the_charset_before_any_script() -> None:
    html = secure_page(page('<script src="a.js"></script><title>x</title>'))

    head = BeautifulSoup(html, "html.parser").head
    first = [tag.name + (" " + next(iter(tag.attrs), "")) for tag in head.find_all(True)][:4]
    assert first == ["meta charset", "meta http-equiv", "meta name", "script src"]
    assert head.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"


def test_without_a_charset_the_policy_opens_the_head() -> None:
    html = secure_page("<html><head><script>alert(1)</script></head><body></body></html>")

    assert html.startswith('<html><head><meta http-equiv="Content-Security-Policy"')


def test_the_policy_refuses_plugins_other_bases_and_form_posts() -> None:
    policy = policy_of(secure_page(page()))

    assert policy == {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'none'"],
    }


def test_each_known_inline_script_is_allowed_by_its_hash_and_no_other() -> None:
    html = secure_page(page(
        f"<script>{SCOPE}</script><script>alert(1)</script>"
        '<script type="module">import "./a.js"</script>',
        f"<header><script>{PALETTE}</script></header><script>{SCOPE}</script>"))

    assert hashes_of(html) == {_hash(SCOPE), _hash(PALETTE)}
    assert ALERT_HASH not in hashes_of(html)


@pytest.mark.parametrize("script", [
    '<script type="application/ld+json">{"@type": "WebPage"}</script>',
    '<script id="__config" type="application/json">{"base": "."}</script>',
    '<script src="../assets/bundle.js"></script>',
])
def test_data_and_external_scripts_need_no_hash(script: str) -> None:
    assert hashes_of(secure_page(page(script))) == set()


def test_the_hash_is_of_the_text_the_browser_sees() -> None:
    # The HTML parser turns CR LF into LF before the browser hashes the script.
    script = template_scripts(ROOT / "overrides/404.html")[-1]
    crlf = secure_page(page(f"<script>{script.replace(chr(10), chr(13) + chr(10))}</script>"))

    assert "\r\n" in crlf
    assert hashes_of(crlf) == {_hash(script)}


def test_a_script_is_read_up_to_where_a_browser_ends_it() -> None:
    # After "<!--<script>" inside a script, a browser ends it at the second </script>: the
    # palette script that a lenient parser would find is, for the browser, part of the first.
    html = secure_page(page(body=f'<script>a="<!--<script>"</script><script>{PALETTE}</script>'))

    assert hashes_of(html) == set()


def test_an_svg_script_is_known_by_its_text() -> None:
    # SVG decodes character references in a script; HTML runs them as they are written.
    written = TAB_TARGET.replace("(", "&#40;")

    assert hashes_of(secure_page(page(body=f"<svg><script>{written}</script></svg>"))) == {
        _hash(TAB_TARGET)}
    assert hashes_of(secure_page(page(body=f"<script>{written}</script>"))) == set()


def test_a_page_whose_head_cannot_be_found_in_its_text_is_refused() -> None:
    with pytest.raises(ValueError, match="could not be placed in <head> before the page's "
                                         "first script"):
        secure_page("<!-- <head> --><html><head><script>alert(1)</script></head></html>")

def test_the_preview_allows_live_reloads_inline_script() -> None:
    html = secure_page(page("<script>alert(1)</script>"), live_reload=True)

    assert policy_of(html)["script-src"] == ["'self'", "'unsafe-inline'"]


def test_a_page_without_a_head_is_refused() -> None:
    with pytest.raises(ValueError, match="no <head>"):
        secure_page("<p>A fragment</p>")


def test_the_search_shim_gets_the_hash_of_the_script_it_writes() -> None:
    settings = theme_settings("..")
    html = secure_page(page(
        '<script src="../assets/javascripts/iframe-worker-shim.js"></script>',
        f'<script id="__config" type="application/json">{json.dumps(settings)}</script>'))

    assert hashes_of(html) == {_hash(iframe_worker_script(settings["search"]))}


def test_the_search_shim_gets_no_hash_for_settings_the_theme_never_writes() -> None:
    settings = theme_settings("..") | {"search": 'x"});alert(1)//'}
    html = secure_page(page(
        '<script src="../assets/javascripts/iframe-worker-shim.js"></script>',
        f'<script id="__config" type="application/json">{json.dumps(settings)}</script>'))

    assert hashes_of(html) == set()


def test_the_search_shim_from_npm_still_writes_that_script() -> None:
    shim = (ROOT / "node_modules/iframe-worker/shim/index.js").read_text(encoding="utf-8")
    template = (IFRAME_WORKER_SCRIPT.replace(IFRAME_WORKER_POST_MESSAGE, "${c}")
                .replace(IFRAME_WORKER_IMPORT_SCRIPTS, "${d}").replace("{url}", "${e}"))

    changed = "iframe-worker changed: update generator/safety/csp.py"
    assert IFRAME_WORKER_POST_MESSAGE in shim, changed
    assert IFRAME_WORKER_IMPORT_SCRIPTS in shim, changed
    assert f"<body><script>{template}<\\/script>" in shim, changed


def built_pages(built: Path) -> dict[str, str]:
    """Return every HTML page of the website and of the offline bundle, by name."""
    pages = {f"site/{p.relative_to(built / 'site')}": p.read_text(encoding="utf-8")
             for p in sorted((built / "site").rglob("*.html"))}
    (bundle,) = (built / "dist").glob("*.zip")
    with zipfile.ZipFile(bundle) as archive:
        pages |= {f"offline/{name}": archive.read(name).decode("utf-8")
                  for name in archive.namelist() if name.endswith(".html")}
    return pages


def test_every_built_page_allows_exactly_its_own_inline_scripts(built: Path) -> None:
    pages = built_pages(built)
    assert "site/404.html" in pages
    assert any(name.startswith("offline/") for name in pages)

    for name, html in pages.items():
        soup = BeautifulSoup(html, "html.parser")
        scripts = [s.string or "" for s in soup.find_all("script")
                   if not s.has_attr("src") and s.get("type") in EXECUTABLE]
        expected = {_hash(text) for text in scripts}
        config = soup.find("script", id="__config")
        shim = soup.find("script", src=re.compile(r"iframe-worker-shim\.js$"))
        if config and shim:
            search = json.loads(config.string)["search"]
            expected.add(_hash(iframe_worker_script(search)))
        assert hashes_of(html) == expected, name
        first = soup.head.find_all(True)[:3]
        assert [t.get("http-equiv") or t.get("name") for t in first[1:]] == [
            "Content-Security-Policy", "referrer"], name


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_securing_a_secured_page_again_gives_the_same_page() -> None:
    once = secure_page(page(f"<script>{PALETTE}</script>"))

    assert secure_page(once) == once
    assert once.count("Content-Security-Policy") == 1
