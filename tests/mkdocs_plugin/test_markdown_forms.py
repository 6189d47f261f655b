"""Each unsafe Markdown form is refused by `check`; and if a check ever missed one, the build would.

Every form goes through both: `check` must refuse it, and a real MkDocs build with the text check
switched off must either be stopped (by the output guard, or by strict MkDocs) or publish no
unsafe element.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from ruamel.yaml import YAML

from generator.builders.mkdocs_plugin.build import _build
from generator.content.project import load_project
from generator.errors import ContentErrors
from generator.pipeline import render_content
from generator.pipeline import site_source as source_of
from generator.safety import markdown_subset
from generator.safety.built_site import UnsafePages
from generator.site import site_source

from conftest import ROOT

FORMS = {
    "inline": "[x](javascript:alert(1))",
    "upper-case scheme": "[x](JavaScript:alert(1))",
    "entity-encoded": "[x](&#106;avascript:alert(1))",
    "newline inside": "[x](java\nscript:alert(1))",
    "tab inside": "[x](java\tscript:alert(1))",
    "reference": "[Read more][more]\n\n[more]: javascript:alert(1)",
    "collapsed reference": "[x][]\n\n[x]: javascript:alert(1)",
    "shortcut reference": "[x]\n\n[x]: javascript:alert(1)",
    "empty reference": "[][]\n\n[]: javascript:alert(1)",
    "autolink": "<javascript:alert(1)>",
    "raw HTML": "Hello <b onclick='x'>there</b>",
    "script element": "Hi <script>alert(document.cookie)</script>",
    "inline image": "![p](https://tracker.example/pixel.gif)",
    "reference image": "![p][px]\n\n[px]: https://tracker.example/pixel.gif",
    "attr_list": "[x](https://example.org/){: onclick=alert(1) }",
    "attr_list href": "[x](https://example.org/){: href='javascript:alert(1)' }",
}
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")


def with_prevention_item(project: Path, text: str) -> None:
    path = project / "content/conditions/muscle-twitch.yml"
    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    data["prevention"].append(text)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)


def unsafe_elements(site: Path) -> list[str]:
    """Return what a browser would run or fetch from elsewhere, read without the guard."""
    found = []
    for page in site.rglob("*.html"):
        for element in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all():
            href = "".join(str(element.get("href", "")).split()).lower()
            if element.name == "a" and ":" in href.split("/")[0] and \
                    not href.startswith(SAFE_SCHEMES):
                found.append(f"{page.name}: {element}")
            if any(name.lower().startswith("on") for name in element.attrs):
                found.append(f"{page.name}: {element}")
            source = str(element.get("src", ""))
            if source.startswith(("http:", "https:", "//")):
                found.append(f"{page.name}: {element}")
    return found


@pytest.mark.parametrize("text", FORMS.values(), ids=FORMS.keys())
def test_check_refuses_it_and_the_build_would_never_publish_it(
    text: str, scratch: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    project = scratch()
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    with_prevention_item(project, text)

    with pytest.raises(ContentErrors) as refused:
        load_project(Path("content"))
    assert any(e.field.startswith("prevention") for e in refused.value.errors)

    monkeypatch.setattr(markdown_subset, "problems", lambda text: [])
    site_source.write(source_of(render_content(Path("content")), project / "mkdocs.yml"),
                      project / "source")
    site = project / "site"
    try:
        _build(project / "source", site)
    except UnsafePages as unsafe:  # stopped by the output guard, naming each page
        assert ("conditions/muscle-twitch/index.html: the built page is not safe to publish:\n"
                in str(unsafe))
    except Abort:  # stopped by strict MkDocs, for a link that is no address at all
        assert "'conditions/muscle-twitch.md' contains an unrecognized relative link" in caplog.text
    else:
        assert unsafe_elements(site) == []
