"""Translations as a workflow: which translations are behind their original, and which pages
have no translation yet.

Both are warnings, not errors: a site may publish an original before its translations are
made or brought up to date. `check` and `review` list them.
"""

from __future__ import annotations

from pathlib import Path

import babel

from generator.content.content_folder import display_name
from generator.content.load import read_document
from generator.content.models import Site
from generator.content.project import Project
from generator.content.translation import FIELD, as_written, version_of
from generator.content.translation_checks import counterparts, kind_at
from generator.content.validate import to_model
from generator.errors import ContentError, ContentErrors, ErrorCollector
from generator.kinds import SITE, Kind
from generator.writer import scaffold


def warnings(project: Project) -> list[ContentError]:
    """Return every stale translation, then every page with no translation, of the site."""
    return stale_warnings(project) + untranslated_warnings(project)


def stale_warnings(project: Project) -> list[ContentError]:
    """Return a warning at each translation made from an older version of its original."""
    found = []
    for translated in project.translations:
        for pair in counterparts(project, translated):
            made_from = pair.translation.data.get(FIELD)
            if pair.original is None or not isinstance(made_from, str):
                continue  # `check` names a missing original or version as an error
            now = version_of(pair.original)
            if made_from != now:
                line, column = pair.translation.position([FIELD])
                found.append(ContentError(
                    pair.translation.name, line, column, FIELD,
                    f"the original, {pair.original.name}, has changed since this translation "
                    f"was made from it (version {made_from}; it is now {now}). Update the "
                    "translation to say what the original says now, then set "
                    f"`{FIELD}: {as_written(now)}`."))
    return found


def untranslated_warnings(project: Project) -> list[ContentError]:
    """Return a warning at each page with no translation in a language the site lists."""
    root = Path(project.site_document.name).parent
    found = []
    for translated in project.translations:
        made = {pair.original_path for pair in counterparts(project, translated)}
        language = babel.Locale.parse("en").languages.get(translated.language,
                                                           translated.language)
        for document in project.documents:
            path = Path(document.name)
            if path in made:
                continue
            place = path.relative_to(root)
            kind = kind_at(place)
            # Never site.yml: without its translation, the language is not loaded at all.
            assert kind is not None and kind.folder is not None, place
            command = f"python -m generator new {kind.name} {path.stem} --language " \
                      f"{translated.language}"
            found.append(ContentError(
                document.name, 1, 1, "",
                f"this page has no {language} translation yet: there is no "
                f"{(root / translated.language / place).as_posix()}. Make one with "
                f"`{command}`, then translate its text."))
    return found


class NotStarted(Exception):
    """Why a translation cannot be started, in words for the writer."""


def start_translation(content_dir: Path, kind: Kind, item_id: str, language: str) -> Path:
    """Write a translation's first version: a copy of its original that names the original's
    version, in the language's folder. Return where it was written.

    Raises `NotStarted` when the language is not one the site lists for translations, the
    original does not exist or the translation does; `ContentErrors` when site.yml or the
    original has mistakes.
    """
    site = _site(content_dir)
    if language == site.language:
        raise NotStarted(f"`{language}` is the site's own language, so its files are originals. "
                         f"Start one with `python -m generator new {kind.name} {item_id}`.")
    if language not in site.all_languages:
        listed = ", ".join(site.all_languages)
        raise NotStarted(f"site.yml lists only {listed} in `languages`, not `{language}`. Add "
                         f"`{language}` there first (the guide's \"Translations\" says how), then "
                         "run this again.")
    original = content_dir / kind.place / f"{item_id}.yml"
    if not original.is_file():
        raise NotStarted(f"there is no {display_name(original)} to translate. Check the id, "
                         f"or write the original first: `python -m generator new {kind.name} "
                         f"{item_id}`.")
    target = content_dir / language / kind.place / f"{item_id}.yml"
    if target.exists() or target.is_symlink():
        raise NotStarted(f"{display_name(target)} already exists. Edit it, or delete it to "
                         "start again.")
    errors = ErrorCollector()
    document = read_document(original, display_name(original), errors)
    errors.raise_if_any()
    assert document is not None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(scaffold.translation(original.read_text(encoding="utf-8-sig"),
                                           version_of(document)), encoding="utf-8")
    return target


def _site(content_dir: Path) -> Site:
    """Return the site's settings, raising `ContentErrors` when site.yml has mistakes."""
    errors = ErrorCollector()
    path = content_dir / SITE.place
    if not path.is_file():
        errors.add(display_name(path), 1, 1, "", "this file is missing. Create it.")
        raise ContentErrors(errors.errors)
    document = read_document(path, display_name(path), errors)
    site = to_model(document, Site, errors) if document is not None else None
    errors.raise_if_any()
    assert site is not None
    return site.model
