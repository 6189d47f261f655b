"""Translations as a workflow: which translations are behind their original, and which pages
have no translation yet.

Both are warnings, not errors: a site may publish an original before its translations are
made or brought up to date. `check` and `review` list them.
"""

from __future__ import annotations

from pathlib import Path

import babel

from generator.content.project import Project
from generator.content.translation import FIELD, as_written, version_of
from generator.content.translation_checks import counterparts, kind_at
from generator.errors import ContentError


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
