"""The preview compiles each theme template once, and again only when its file changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import ROOT


def test_a_rebuild_compiles_only_the_theme_templates_that_changed(
    scratch: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = scratch()
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counting(env: jinja2.Environment, source: str, name: str | None = None,
                 *args: Any, **kwargs: Any) -> Any:
        compiled.append(name or "")
        return compile_template(env, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)

    def rebuild() -> str:
        """Build as `mkdocs serve` does, with a new configuration; return the twitch page."""
        compiled.clear()
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
        return (project / "site/conditions/muscle-twitch/index.html").read_text(encoding="utf-8")

    rebuild()
    assert "main.html" in compiled  # this project's override: new to this process
    rebuild()
    assert not {"main.html", "base.html", "partials/header.html"} & set(compiled)

    main = project / "overrides/main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block extrahead %}", "{% block extrahead %}<meta name=\"edited\" content=\"yes\">"),
        encoding="utf-8")
    page = rebuild()

    assert compiled.count("main.html") == 1 and "base.html" not in compiled
    assert '<meta name="edited" content="yes">' in page
