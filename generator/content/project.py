"""Load the content: find and read every file, validate it, and return one project."""

from __future__ import annotations

import calendar
import dataclasses
import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from generator import kinds
from generator.content import translation, translation_checks
from generator.content.content_cache import ContentCache
from generator.content.content_folder import ContentFiles, display_name, find_content, misplaced
from generator.content.emergency import CallableNumbers
from generator.content.load import Document, read_document
from generator.content.models import (
    Comparison,
    Condition,
    Flowchart,
    Page,
    PlainWord,
    PlainWords,
    Site,
)
from generator.content.validate import Sourced, check_emergency_number, check_unique_ids, to_model
from generator.errors import ErrorCollector
from generator.kinds import Kind, Known
from generator.writer import review

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Project:
    """All validated content of one site."""

    site: Site
    items: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    """The files of each folder kind (generator/kinds.py) by the kind's name, in its order."""
    documents: tuple[Document, ...] = field(default=(), compare=False, repr=False)
    """The files it was read from, for checks that report lines (reading level, reviews)."""
    plain_words: tuple[PlainWord, ...] = ()
    """Words many readers do not know, with the plain words `check` asks for instead."""
    translations: tuple[Project, ...] = ()
    """The site in each of its other languages, in the order site.yml lists them; none for a
    translation itself."""

    @property
    def language(self) -> str:
        """Return the two-letter code of this project's language: `en`."""
        return self.site.language

    @property
    def languages(self) -> tuple[str, ...]:
        """Return every language of the site, its own first (the same for its translations)."""
        return self.site.all_languages

    def published_at(self, url: str) -> Project:
        """Return the project published at `url`, its translations each in its folder there.

        Raises ValueError, in words for the person building, when the address is not usable.
        """
        site = self.site.published_at(url)
        assert site.url is not None
        return dataclasses.replace(self, site=site, translations=tuple(
            dataclasses.replace(
                t, site=t.site.model_copy(update={"url": f"{site.url}{t.language}/"}))
            for t in self.translations))

    def of(self, kind: Kind) -> tuple[Any, ...]:
        """Return the files of one kind, in the kind's order."""
        return self.items.get(kind.name, ())

    def with_files(self, kind: Kind, items: tuple[Any, ...]) -> Project:
        """Return the project with other files of one kind, in the order given."""
        return dataclasses.replace(self, items={**self.items, kind.name: items})

    @property
    def conditions(self) -> tuple[Condition, ...]:
        """Return the conditions, by name."""
        return cast("tuple[Condition, ...]", self.of(kinds.CONDITION))

    @property
    def comparisons(self) -> tuple[Comparison, ...]:
        """Return the comparisons, by id."""
        return cast("tuple[Comparison, ...]", self.of(kinds.COMPARISON))

    @property
    def flowcharts(self) -> tuple[Flowchart, ...]:
        """Return the flowcharts, by id."""
        return cast("tuple[Flowchart, ...]", self.of(kinds.FLOWCHART))

    @property
    def pages(self) -> tuple[Page, ...]:
        """Return the plain pages (about, accessibility, for website owners), by title."""
        return cast("tuple[Page, ...]", self.of(kinds.PAGE))

    @property
    def latest_review_epoch(self) -> int:
        """Return the newest review date as a Unix time: a stable date for the build."""
        reviews = [self.site.review, *(item.review for kind in kinds.folder_kinds()
                                       if kind.reviewed for item in self.of(kind))]
        newest = max(r.last_reviewed for r in reviews)
        return calendar.timegm(newest.timetuple())

    @property
    def site_document(self) -> Document:
        """Return the file the site's settings were read from, site.yml (the first file)."""
        return self.documents[0]

    def condition(self, condition_id: str) -> Condition:
        """Return the condition with this id."""
        return self.conditions_by_id[condition_id]

    @cached_property
    def conditions_by_id(self) -> dict[str, Condition]:
        """Return the conditions by id, looked up once for every page that names one."""
        return {c.id: c for c in self.conditions}


def load_project(content_dir: Path, *, today: datetime.date | None = None,
                 cache: ContentCache | None = None) -> Project:
    """Load and check all content, raising `ContentErrors` with every problem found.

    Files that `cache` parsed and checked before are not parsed again; without one, the load
    makes its own, filled from the last build's cache file (generator/content/content_cache.py).
    Review dates after `today` (by default the real today) are mistakes.
    """
    cache = ContentCache() if cache is None else cache
    with cache.kept_on_disk(content_dir):
        return _load_project(content_dir, today or datetime.date.today(), cache)


def _load_project(content_dir: Path, today: datetime.date, cache: ContentCache) -> Project:
    errors = ErrorCollector()
    files = find_content(content_dir, errors)
    project = _load_language(files, content_dir, today, cache, errors, original=None)
    translations = _load_translations(project, files, content_dir, today, cache, errors)
    errors.raise_if_any()
    assert project is not None  # a missing site.yml is an error above
    return dataclasses.replace(project, translations=translations)


def _load_translations(project: Project | None, files: ContentFiles, content_dir: Path,
                       today: datetime.date, cache: ContentCache,
                       errors: ErrorCollector) -> tuple[Project, ...]:
    """Load each other language the site lists from its folder, naming a folder it does not
    list and a language it lists without a folder, and compare each translation with its
    original (generator/content/translation_checks.py)."""
    listed = project.site.all_languages[1:] if project else ()
    for code, folder in files.languages.items():
        if project and code not in listed:
            languages = ", ".join(project.site.all_languages)
            errors.add(display_name(folder), 1, 1, "",
                       f"this folder would hold the translations into `{code}`, but site.yml "
                       f"lists only {languages} in `languages`. Add `{code}` there, or move "
                       "the folder out of the content folder.")
    translations = []
    for code in listed:
        assert project is not None
        if (place := files.languages.get(code)) is None:
            where = project.site_document.position(
                ["languages", project.site.all_languages.index(code)])
            errors.add(project.site_document.name, *where, ["languages"],
                       f"`{code}` is listed, but there is no folder of its translations. "
                       f"Create {display_name(content_dir / code)}/ with its site.yml, or "
                       f"take `{code}` out of the list.")
            continue
        found = find_content(place, errors, translation=True)
        loaded = _load_language(found, place, today, cache, errors, original=project)
        if loaded is not None:
            translation_checks.check_translation(project, loaded, errors)
            translations.append(loaded)
    return tuple(translations)


def _load_language(files: ContentFiles, content_dir: Path, today: datetime.date,
                   cache: ContentCache, errors: ErrorCollector,
                   original: Project | None) -> Project | None:
    """Load and check the files of one language: the site's own, or a translation of
    `original`. Return None when its site.yml has mistakes (they are recorded)."""
    single = _load_single_files(files, content_dir, errors, cache)
    site = cast("Sourced[Site] | None", single.get(kinds.SITE.name))
    plain_words = cast("Sourced[PlainWords] | None", single.get(kinds.PLAIN_WORDS.name))
    # Conditions saved in another folder, by file name: links to them are not mistakes too.
    lost: set[str] = set()
    by_kind = {kind: _load_all(files.by_folder[kind.place], kind.model, errors, cache, lost)
               for kind in kinds.folder_kinds()}
    for kind, items in by_kind.items():
        check_unique_ids(items, kind.name, errors)
    # Phone links are checked against the emergency number once that number is right.
    numbers = CallableNumbers.of(site.model) if site and check_emergency_number(
        site, errors) else None
    known = Known(_condition_ids(files, by_kind[kinds.CONDITION], lost), numbers)
    for kind, items in [*((k, [single[k.name]]) for k in kinds.single_files() if k.name in single),
                        *by_kind.items()]:
        for item in items:
            for check in kind.checks:
                check(item, known, errors)
            if original is None:
                translation.check_is_original(item, errors)
    # Not part of the cached checks: a date that is fine today can be read again tomorrow.
    documents = (*([site.document] if site else []),
                 *(item.document for kind, items in by_kind.items() if kind.reviewed
                   for item in items))
    for document in documents:
        review.check_not_in_future(document, today, errors)
    if site is None:
        return None
    settings = site.model
    if original is not None:
        settings = translation.site_of_translation(site, content_dir.name, original.site, errors)
    return Project(
        site=settings,
        items={kind.name: tuple(sorted((item.model for item in items),
                                       key=partial(kind.sort_key, language=settings.language)))
               for kind, items in by_kind.items()},
        documents=documents,
        plain_words=tuple(plain_words.model.words) if plain_words else (),
    )


def _load_single_files(files: ContentFiles, content_dir: Path, errors: ErrorCollector,
                       cache: ContentCache) -> dict[str, Sourced[Any]]:
    """Return the files a site has one of, by kind, recording a missing one it must have."""
    loaded: dict[str, Sourced[Any]] = {}
    for kind in kinds.single_files():
        path = files.single.get(kind.place)
        if path is None:
            if kind.required and files.folder_found:
                errors.add(display_name(content_dir / kind.place), 1, 1, "",
                           "this file is missing. Create it.")
        elif item := _load(path, kind.model, errors, cache):
            loaded[kind.name] = item
    return loaded


def _condition_ids(files: ContentFiles, conditions: list[Sourced[Any]],
                   lost: set[str]) -> set[str]:
    """Return the ids of every condition, and the names of condition files with mistakes.

    A condition file with mistakes still counts (by its file name), so that its mistakes are
    not reported again by every page that links to it.
    """
    loaded = {Path(item.document.name).stem for item in conditions}
    mistaken = {path.stem for path in files.by_folder[kinds.CONDITION.place]
                if path.stem not in loaded}
    return {item.model.id for item in conditions} | mistaken | lost


def _places() -> dict[str, Kind]:
    """Return the kind each place in the content folder holds, to tell a file in the wrong one."""
    return {kind.place: kind for kind in kinds.KINDS if kind.word is not None}


def _load(path: Path, model: type[M], errors: ErrorCollector, cache: ContentCache,
          lost_conditions: set[str] | None = None) -> Sourced[M] | None:
    document = read_document(path, display_name(path), errors, cache)
    if document is None:
        return None
    # site.yml (no `lost_conditions`) is in no folder of a kind.
    if lost_conditions is not None and (elsewhere := misplaced(path, document.data, _places())):
        errors.add(document.name, 1, 1, "", elsewhere.message)
        if elsewhere.place == kinds.CONDITION.place:
            lost_conditions.add(path.stem)
        return None
    digest = document.digest
    checked = cache.get_checked(model, document.name, digest, document.data) if digest else None
    if isinstance(checked, model):
        return Sourced(checked, document)
    mistakes = len(errors.errors)
    sourced = to_model(document, model, errors)
    if digest and sourced is not None and len(errors.errors) == mistakes:
        cache.add_checked(sourced.model, document.name, digest, document.data)
    return sourced


def _load_all(paths: list[Path], model: type[M], errors: ErrorCollector, cache: ContentCache,
              lost_conditions: set[str]) -> list[Sourced[M]]:
    loaded = (_load(path, model, errors, cache, lost_conditions) for path in paths)
    return [item for item in loaded if item is not None]
