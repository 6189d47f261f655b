"""The command line: `python -m generator build|check|export|guard|new|review|guide|…`."""

from __future__ import annotations

import calendar
import datetime
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import click
from pydantic import TypeAdapter, ValidationError

from generator import interrupt, kinds, pipeline
from generator.builders import output_folders
from generator.content import emergency
from generator.content.flowchart import to_mermaid
from generator.content.load import Document
from generator.content.models import Slug
from generator.content.project import Project, load_project
from generator.errors import ContentError, ContentErrors, field_path
from generator.pipeline import RenderedSite, render_content
from generator.safety import built_site
from generator.site import contact, routes, site_source, views
from generator.terminal import as_json, echo
from generator.writer import (
    editor_schema,
    plain_words,
    readability,
    review,
    scaffold,
    translations,
)
from generator.writer.guide import guide as guide_text

if TYPE_CHECKING:
    from generator.builders.mkdocs_plugin.build import Builder

CONTENT = click.option(
    "--content", "content_dir", type=click.Path(file_okay=False, path_type=Path),
    default=Path("content"), show_default=True, help="Folder that holds the content files.",
)

SITE_URL = click.option(
    "--site-url", envvar="SITE_URL",
    help="The address the site is published at (default: `url` in site.yml, or SITE_URL "
         "when set). The Pages workflow passes the real one.",
)
CONFIG = click.option(
    "--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"), show_default=True,
    help="The project's MkDocs configuration: the theme's settings.",
)
TODAY = click.option(
    "--today", type=click.DateTime(["%Y-%m-%d"]), default=None, hidden=True,
    help="Pretend today is this date (for tests).",
)
GUIDE_FILE = Path(scaffold.GUIDE)


class _KindChoice(click.Choice[str]):
    """The kinds of content file a command takes, read from generator/kinds.py when it runs."""

    def __init__(self, names: Callable[[], Iterable[str]]) -> None:
        self._names = names
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        """Return the names of the kinds, as a writer types them."""
        return tuple(self._names())

    @choices.setter
    def choices(self, _: object) -> None:
        """Keep no list of its own: click's constructor sets one."""


@click.group()
@click.version_option(version("health-reference-generator"), prog_name="generator")
def main() -> None:
    """Build a health reference site from the YAML files in content/."""


@main.command()
@CONTENT
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json prints one object per error, for editors and bots.")
@click.option("--strict", is_flag=True,
              help="Fail on warnings too: a hard page or sentence, an overdue review, a "
                   "confirmed emergency number, or no contact.")
@TODAY
def check(content_dir: Path, output: str, strict: bool, today: datetime.datetime | None) -> None:
    """Check the content files and report every problem, without building anything.

    Warnings name pages above reading grade 8, sentences that are too long or too hard, pages
    whose review is overdue, an emergency number that rests on `number_confirmed_by`, a
    site.yml with no `contact`, a translation whose original has changed since it was made,
    and a page with no translation in a language the site lists. They do not fail the check
    unless --strict is given.
    """
    try:
        project = load_project(content_dir, today=_day(today))
    except ContentErrors as errors:
        if output == "json":
            echo(as_json([{**e.as_dict(), "severity": "error"} for e in errors.errors]))
        else:
            echo(errors.report(), err=True)
        sys.exit(1)
    warnings = _warnings(project, _day(today))
    if output == "json":
        echo(as_json([{**w.as_dict(), "severity": "warning"} for w in warnings]))
    else:
        for warning in warnings:
            echo(f"{warning} (warning)", err=True)
    if strict and warnings:
        if output == "text":
            echo(f"{_count(len(warnings), 'warning')}: --strict fails on warnings.",
                 err=True)
        sys.exit(1)
    if output == "text":
        also = f", with {_count(len(warnings), 'warning')}" if warnings else ""
        echo(f"Content is fine: {_summary(project)}{also}.")


def _warnings(project: Project, today: datetime.date) -> list[ContentError]:
    found = [w for language in (project, *project.translations)
             for w in _writing_warnings(language, today)]
    found += _confirmed_number_warnings(project)
    found += contact.missing_contact_warning(project.site_document, project.site.contact)
    found += translations.warnings(project)
    return sorted(found)


def _writing_warnings(project: Project, today: datetime.date) -> list[ContentError]:
    """Return the warnings on how one language's files are written, by its own rules."""
    language = project.language
    found = [w for d in project.documents for w in readability.warnings(d, language=language)]
    hard_words = plain_words.HardWords(project.plain_words, language=language)
    found += [w for d in project.documents for w in plain_words.warnings(d, hard_words)]
    found += review.overdue_warnings(project.documents, today)
    return found


def _confirmed_number_warnings(project: Project) -> list[ContentError]:
    warning = emergency.confirmed_number_warning(project.site)
    if warning is None:
        return []
    loc, message = warning
    document = project.site_document
    line, column = document.position(loc)
    return [ContentError(document.name, line, column, field_path(loc, document.data), message)]


def _day(today: datetime.datetime | None) -> datetime.date:
    return today.date() if today else datetime.date.today()


# The last second of the year 9999: dates past it cannot be written as YYYY-MM-DD.
LATEST_EPOCH = calendar.timegm((9999, 12, 31, 23, 59, 59))


def _epoch_or_exit(value: str | None) -> int | None:
    # MkDocs reads SOURCE_DATE_EPOCH too, and fails on a bad one even when the option is given.
    from_env = os.environ.get("SOURCE_DATE_EPOCH")
    if from_env is not None and from_env != value:
        _seconds_or_exit(from_env)
    return _seconds_or_exit(value) if value else None


def _seconds_or_exit(value: str) -> int:
    number = value.strip()
    if not re.fullmatch(r"[-+]?[0-9]+", number):
        echo(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {value!r}.",
             err=True)
        sys.exit(1)
    # Lengths first: Python refuses to read a number of more than 4,300 digits.
    digits = number.lstrip("+-").lstrip("0")
    negative = number.startswith("-") and digits != ""
    if negative or len(digits) > len(str(LATEST_EPOCH)) or int(number) > LATEST_EPOCH:
        echo(f"SOURCE_DATE_EPOCH must be between 0 and {LATEST_EPOCH} (the year 9999), "
             f"not {number if len(number) <= 30 else number[:27] + '...'}.", err=True)
        sys.exit(1)
    return int(number)


@main.command()
@CONTENT
@CONFIG
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("site"), show_default=True, help="Where to write the website.")
@click.option("--dist-dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("dist"), show_default=True, help="Where to write the offline zip.")
@click.option("--source-date-epoch", "epoch", envvar="SOURCE_DATE_EPOCH",
              help="The build's date in seconds since 1970 (default: the newest review date, "
                   "or SOURCE_DATE_EPOCH when set).")
@SITE_URL
@click.option("--builder", type=click.Choice(["mkdocs", "zensical"]), default="mkdocs",
              show_default=True,
              help="The site builder: MkDocs, or Zensical (its extra: pip install '.[zensical]').")
def build(content_dir: Path, config_file: Path, site_dir: Path, dist_dir: Path,
          epoch: str | None, site_url: str | None, builder: str) -> None:
    """Check the content, then build the website into site/ and the offline bundle into dist/.

    The content is loaded and rendered once, and both MkDocs builds take that result, as the
    site source `export` writes. MkDocs runs in strict mode: a warning fails the build. Every
    built page then gets its Content-Security-Policy, and an unsafe page fails the build. Both
    outputs are built in temporary folders and only replace the old ones when everything
    succeeded. Only a folder a build made (it holds a .health-generator-output file), an
    empty one or a new one is replaced. With `--builder zensical`, Zensical builds both
    outputs from the same site source, and `build` says in one line what it leaves out.
    """
    from mkdocs.exceptions import MkDocsException

    from generator.builders.mkdocs_plugin.build import BuilderFailed, build_outputs

    chosen = _builder_or_exit(builder)
    build_epoch = _epoch_or_exit(epoch)
    _outputs_or_exit(site_dir, dist_dir, content_dir, config_file)
    try:
        with interrupt.stop_on_signals():
            rendered = _render_or_exit(content_dir, build_epoch, site_url)
            # The folders checked are the folders replaced, wherever a link points.
            bundle = build_outputs(rendered, config_file, site_dir.resolve(), dist_dir.resolve(),
                                   chosen)
    except (MkDocsException, BuilderFailed, built_site.UnsafePages,
            site_source.SiteSourceError) as error:
        echo(f"The build failed: {error}", err=True)
        sys.exit(1)
    except interrupt.Stopped as stop:
        echo(f"The build was stopped ({stop.name}); no half-built folder is left.", err=True)
        sys.exit(stop.exit_code)
    echo(f"Built the website in {site_dir}/ and the offline bundle {dist_dir / bundle.name}"
         + (" with Zensical" if builder == "zensical" else ""))
    if builder == "zensical":
        from generator.builders.zensical_build import LIMITS
        echo(LIMITS, err=True)
    notice = views.missing_address_notice(rendered.project)
    if notice:
        echo(notice, err=True)
    for warning in review.overdue_warnings(rendered.project.documents, datetime.date.today()):
        echo(f"{warning} (warning)", err=True)


def _builder_or_exit(name: str) -> Builder | None:
    """Return the chosen builder (None for MkDocs), or say how to install Zensical and exit."""
    if name != "zensical":
        return None
    try:
        from generator.builders.zensical_build import ZENSICAL
    except ImportError:
        echo("Zensical is not installed. Install it with `pip install '.[zensical]'` in the "
             "project folder (`make` does), or build with MkDocs.", err=True)
        sys.exit(1)
    return ZENSICAL


def _outputs_or_exit(site_dir: Path, dist_dir: Path, content_dir: Path,
                     config_file: Path) -> None:
    found = output_folders.problems(
        [output_folders.Output("--site-dir", site_dir, "site"),
         output_folders.Output("--dist-dir", dist_dir, "dist")],
        content_dir=content_dir, config_file=config_file)
    if found:
        echo("\n".join(found), err=True)
        sys.exit(1)


@main.command()
@CONTENT
@CONFIG
@click.option("--offline", is_flag=True,
              help="Write the offline bundle's source instead: file addresses, offline plugin on.")
@SITE_URL
@click.option("--builder", type=click.Choice(["mkdocs", "zensical"]), default="mkdocs",
              show_default=True, help="The site builder the source is written for.")
@click.argument("out_dir", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
def export(content_dir: Path, config_file: Path, offline: bool, site_url: str | None,
           builder: site_source.Builder, out_dir: Path) -> None:
    """Write the whole site source into DIR, for review or for any site builder.

    DIR gets mkdocs.yml, the pages' Markdown and the other files in docs/, and the theme in
    overrides/. `mkdocs build -f DIR/mkdocs.yml` builds the website from it with no plugin of
    ours; then `python -m generator guard DIR/site` gives its pages their
    Content-Security-Policy and checks that each is safe to publish, as `build` does. With
    `--builder zensical`, `zensical build -f DIR/mkdocs.yml` builds it instead. Each other
    language's source goes in DIR/<code>/ (DIR/es/), to be built into the site's `es/` folder
    after the first: `mkdocs build -f DIR/es/mkdocs.yml -d ../site/es`.
    """
    rendered = _render_or_exit(content_dir, site_url=site_url)
    with _writing_or_exit():
        sources = _sources_or_exit(rendered, config_file, offline=offline, builder=builder)
        for folder, source in sources.items():
            site_source.write(source, out_dir / folder)
    command = "zensical build -f" if builder == "zensical" else "mkdocs build -f"
    count = sum(len(source.pages) for source in sources.values())
    echo(f"Wrote {count} pages and the site's configuration to {out_dir}/. Build it with "
         f"`{command} {(out_dir / site_source.CONFIG).as_posix()}`"
         + "".join(f", then `{command} {(out_dir / folder / site_source.CONFIG).as_posix()}"
                   f"{'' if builder == 'zensical' else f' -d ../site/{folder}'}`"
                   for folder in sources if folder) + ".")


def _sources_or_exit(rendered: RenderedSite, config_file: Path, *, offline: bool,
                     builder: site_source.Builder = "mkdocs") -> dict[str, site_source.SiteSource]:
    try:
        return pipeline.site_sources(rendered, config_file, offline=offline, builder=builder)
    except site_source.SiteSourceError as error:
        echo(str(error), err=True)
        sys.exit(1)


@main.command()
@click.argument("site_dir", metavar="SITE_DIR",
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--site-url", envvar="SITE_URL",
              help="The address the site is published at, from which pages may load files by "
                   "their full address (default: SITE_URL when set; without it, pages may load "
                   "files only by relative addresses).")
def guard(site_dir: Path, site_url: str | None) -> None:
    """Give every built page in SITE_DIR its Content-Security-Policy, or say which are unsafe.

    `build` runs this same pass before it replaces site/; run it yourself on a site another
    builder made from `export`. Exits with code 1, naming every unsafe page and what is unsafe
    in it, when a page could run a script, load from elsewhere or link to an unsafe address.
    """
    try:
        with _writing_or_exit():
            count = built_site.secure_site(site_dir, site_url)
    except built_site.UnsafePages as unsafe:
        echo(str(unsafe), err=True)
        sys.exit(1)
    echo(f"Secured {_count(count, 'page')} in {site_dir}/: every page is safe to publish.")


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
        echo(f"There is no flowchart `{wanted}`. Flowcharts: {known}.", err=True)
        sys.exit(1)
    echo(to_mermaid(found[0]), nl=False)


@main.command()
@click.argument("kind", required=False,
                type=_KindChoice(lambda: sorted(kind.name for kind in kinds.KINDS)))
@click.option("--write", is_flag=True,
              help=f"Write every kind's schema into {scaffold.SCHEMA_FOLDER}/, for editors.")
def schema(kind: str | None, write: bool) -> None:
    """Print the JSON Schema (draft 7) of a content file KIND, or write them all with --write.

    Editors that check YAML as you type read the written files: each content file names its
    schema on its first line, and .vscode/settings.json maps the folders to them.
    """
    if write:
        with _writing_or_exit():
            for path in editor_schema.write_all(Path(scaffold.SCHEMA_FOLDER), kinds.models()):
                echo(f"Wrote {path}")
    elif kind:
        echo(editor_schema.as_json(kinds.named(kind).model), nl=False)
    else:
        raise click.UsageError("Name a KIND, or give --write.")


@main.command()
@CONTENT
@click.argument("kind", type=_KindChoice(lambda: [kind.name for kind in kinds.folder_kinds()]))
@click.argument("item_id", metavar="ID")
@click.option("--language", metavar="CODE",
              help="Start the translation into this language (one site.yml lists, like es) of "
                   "the file with this ID: a copy of the original to translate.")
def new(content_dir: Path, kind: str, item_id: str, language: str | None) -> None:
    """Start a new content file of KIND with this ID: every field, with what goes there.

    The ID is the file's name and the page's address, like leg-cramp. With --language, start
    its translation instead, in content/CODE/, from the original with this ID.
    """
    problem = _id_problem(item_id)
    if problem:
        echo(problem, err=True)
        sys.exit(1)
    kept = routes.kept_name_problem(item_id)
    if kept:
        echo(kept, err=True)
        sys.exit(1)
    if language is not None:
        _new_translation(content_dir, kinds.named(kind), item_id, language)
        return
    target = content_dir / kinds.named(kind).place / f"{item_id}.yml"
    with _writing_or_exit():
        if target.exists() or target.is_symlink():
            echo(f"{target.as_posix()} already exists. Choose another id, or edit it.",
                 err=True)
            sys.exit(1)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(scaffold.starter(kind, item_id), encoding="utf-8")
    echo(f"Wrote {target.as_posix()}. Replace every TODO ({scaffold.GUIDE} explains "
         "each field), then run `make check` in the project folder.")


def _new_translation(content_dir: Path, kind: kinds.Kind, item_id: str, language: str) -> None:
    try:
        with _writing_or_exit():
            target = translations.start_translation(content_dir, kind, item_id, language)
    except translations.NotStarted as refused:
        echo(f"Cannot start the translation: {refused}", err=True)
        sys.exit(1)
    except ContentErrors as errors:
        echo(errors.report(), err=True)
        sys.exit(1)
    echo(f"Wrote {target.as_posix()}, a copy of the original to translate. Translate its text, "
         "and keep every id, answer value, `next`, `care` and row `field` as it is; then run "
         "`make check` in the project folder.")


def _id_problem(item_id: str) -> str | None:
    """Return why a new file cannot have this id, by the rule the content format checks."""
    try:
        TypeAdapter(Slug).validate_python(item_id)
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        if detail["type"] == "string_too_long":
            shown = item_id if len(item_id) <= 40 else item_id[:39] + "…"
            return (f"`{shown}` is {len(item_id)} characters long: an id has at most "
                    f"{detail['ctx']['max_length']}. Choose a shorter one, like leg-cramp.")
        return (f"`{item_id}` cannot be an id: use only small letters, digits and single "
                "hyphens, like leg-cramp.")
    return None


@main.command(name="review")
@CONTENT
@click.option("--within", "days", type=click.IntRange(min=0), default=30, show_default=True,
              help="Also list pages due for review within this many days.")
@TODAY
def review_command(content_dir: Path, days: int, today: datetime.datetime | None) -> None:
    """List the pages whose review is overdue or due soon, then the pages nobody has reviewed,
    then the translations to bring up to date and the pages with no translation yet.

    Exits with code 1 when any page is overdue, so that a scheduled job can fail on it.
    """
    day = _day(today)
    project = _load_or_exit(content_dir, day)
    every = review.reviews(_every_language(project), day)
    due = [item for item in every if item.reviewed_by and item.days_left <= days]
    unreviewed = [item for item in every if not item.reviewed_by]
    if due:
        echo(f"Reviewed pages due for review within {review.days(days)}:")
        echo("\n".join(f"  {item}" for item in due))
    elif not unreviewed:
        echo(f"No page is due for review in the next {review.days(days)}.")
    if unreviewed:
        echo(f"Pages nobody has reviewed yet ({len(unreviewed)}): each needs a review "
             "by a health professional, who is then named in `reviewed_by`.")
        echo("\n".join(f"  {item}" for item in unreviewed))
    _translations_to_do(project)
    overdue = sum(item.overdue for item in every)
    if overdue:
        echo(f"{_count(overdue, 'page')} overdue for review.", err=True)
        sys.exit(1)


def _every_language(project: Project) -> tuple[Document, ...]:
    """Return the files of the site and of each of its translations."""
    return (*project.documents, *(d for t in project.translations for d in t.documents))


def _translations_to_do(project: Project) -> None:
    """List the translations whose original has changed, then the pages not yet translated."""
    for heading, found in [
            ("Translations whose original has changed since", translations.stale_warnings),
            ("Pages with no translation yet", translations.untranslated_warnings)]:
        warnings = found(project)
        if warnings:
            echo(f"{heading} ({len(warnings)}):")
            echo("\n".join(f"  {warning}" for warning in sorted(warnings)))


@main.command()
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=GUIDE_FILE,
              show_default=True, help="Where to write the guide.")
def guide(output: Path) -> None:
    """Write the writer's guide: every field of every kind of file, with worked examples."""
    with _writing_or_exit():
        output.write_text(guide_text(), encoding="utf-8")
    echo(f"Wrote {output.as_posix()}")


@contextmanager
def _writing_or_exit() -> Iterator[None]:
    """Report a file the system would not let us write, plainly, and exit."""
    try:
        yield
    except OSError as error:
        where = str(error.filename or "")
        shown = where if len(where) <= 80 else where[:79] + "…"
        echo(f"Could not write {shown}: {error.strerror or error}. Check the folder "
             "names, or choose another place.", err=True)
        sys.exit(1)


def _render_or_exit(content_dir: Path, epoch: int | None = None,
                    site_url: str | None = None) -> RenderedSite:
    try:
        return render_content(content_dir, build_epoch=epoch, site_url=site_url)
    except ContentErrors as errors:
        echo(errors.report(), err=True)
        sys.exit(1)
    except ValueError as error:
        if not site_url:
            raise  # a bug, not a mistake in the option: keep the traceback
        echo(f"--site-url: {error}", err=True)
        sys.exit(1)


def _load_or_exit(content_dir: Path, today: datetime.date | None = None) -> Project:
    try:
        return load_project(content_dir, today=today)
    except ContentErrors as errors:
        echo(errors.report(), err=True)
        sys.exit(1)


def _summary(project: Project) -> str:
    return ", ".join(_count(len(project.of(kind)), kind.name) for kind in kinds.folder_kinds())


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
