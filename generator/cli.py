"""The command line: `python -m generator check|build|export`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from pydantic import BaseModel

from generator.errors import ContentErrors
from generator.flowchart import to_mermaid
from generator.models import Comparison, Condition, Flowchart, Site
from generator.pipeline import RenderedSite, render_content
from generator.project import Project, load_project

CONTENT = click.option(
    "--content", "content_dir", type=click.Path(file_okay=False, path_type=Path),
    default=Path("content"), show_default=True, help="Folder that holds the content files.",
)


@click.group()
def main() -> None:
    """Build a health reference site from the YAML files in content/."""


@main.command()
@CONTENT
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json prints one object per error, for editors and bots.")
def check(content_dir: Path, output: str) -> None:
    """Check the content files and report every problem, without building anything."""
    try:
        project = load_project(content_dir)
    except ContentErrors as errors:
        if output == "json":
            click.echo(json.dumps([e.as_dict() for e in errors.errors], indent=2))
        else:
            click.echo(errors.report(), err=True)
        sys.exit(1)
    if output == "json":
        click.echo("[]")
    else:
        click.echo(f"Content is fine: {_summary(project)}.")


def _epoch_or_exit(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        click.echo(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {value!r}.",
                   err=True)
        sys.exit(1)
    return int(value)


@main.command()
@CONTENT
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("mkdocs.yml"), show_default=True, help="The MkDocs configuration.")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("site"), show_default=True, help="Where to write the website.")
@click.option("--dist-dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("dist"), show_default=True, help="Where to write the offline zip.")
@click.option("--source-date-epoch", "epoch", envvar="SOURCE_DATE_EPOCH",
              help="The build's date in seconds since 1970 (default: the newest review date, "
                   "or SOURCE_DATE_EPOCH when set).")
def build(content_dir: Path, config_file: Path, site_dir: Path, dist_dir: Path,
          epoch: str | None) -> None:
    """Check the content, then build the website into site/ and the offline bundle into dist/.

    The content is loaded and rendered once, and both MkDocs builds take that result. MkDocs
    runs in strict mode: a warning fails the build. Both outputs are built in temporary
    folders and only replace the old ones when everything succeeded.
    """
    from mkdocs.exceptions import MkDocsException

    from generator.mkdocs_plugin.build import build_outputs

    rendered = _render_or_exit(content_dir, _epoch_or_exit(epoch))
    try:
        bundle = build_outputs(rendered, config_file, site_dir, dist_dir)
    except MkDocsException as error:
        click.echo(f"The build failed: {error}", err=True)
        sys.exit(1)
    click.echo(f"Built the website in {site_dir}/ and the offline bundle {bundle}")


@main.command()
@CONTENT
@click.argument("out_dir", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
def export(content_dir: Path, out_dir: Path) -> None:
    """Write the generated Markdown pages into DIR, for review or for another site builder."""
    pages = _render_or_exit(content_dir).pages
    for path, markdown in pages.items():
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    click.echo(f"Wrote {len(pages)} pages to {out_dir}/")


@main.command()
@CONTENT
@click.argument("flowchart")
def graph(content_dir: Path, flowchart: str) -> None:
    """Print FLOWCHART (its id, or its file) as Mermaid text, for review as a diagram."""
    project = _load_or_exit(content_dir)
    wanted = Path(flowchart).stem
    found = [f for f in project.flowcharts if f.id == wanted]
    if not found:
        known = ", ".join(f.id for f in project.flowcharts) or "none"
        click.echo(f"There is no flowchart `{wanted}`. Flowcharts: {known}.", err=True)
        sys.exit(1)
    click.echo(to_mermaid(found[0]), nl=False)


SCHEMAS: dict[str, type[BaseModel]] = {
    "site": Site, "condition": Condition, "comparison": Comparison, "flowchart": Flowchart,
}


@main.command()
@click.argument("kind", type=click.Choice(sorted(SCHEMAS)))
def schema(kind: str) -> None:
    """Print the JSON Schema of a content file KIND, for editors that check YAML as you type."""
    click.echo(json.dumps(SCHEMAS[kind].model_json_schema(), indent=2, sort_keys=True))


def _render_or_exit(content_dir: Path, epoch: int | None = None) -> RenderedSite:
    try:
        return render_content(content_dir, build_epoch=epoch)
    except ContentErrors as errors:
        click.echo(errors.report(), err=True)
        sys.exit(1)


def _load_or_exit(content_dir: Path) -> Project:
    try:
        return load_project(content_dir)
    except ContentErrors as errors:
        click.echo(errors.report(), err=True)
        sys.exit(1)


def _summary(project: Project) -> str:
    return (f"{len(project.conditions)} conditions, "
            f"{len(project.comparisons)} comparisons, {len(project.flowcharts)} flowcharts")
