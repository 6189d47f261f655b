"""Checks of each translation against its original: what readers must get the same in every
language.

A translation may say things in its own words, but never lead somewhere else: a flowchart asks
the same questions, its answers lead to the same steps and its outcomes give the same care and
link to the same topics; a condition's "when to get help" has the same care levels in the same
order; a comparison compares the same topics in the same rows; and readers call the same
emergency number. Each difference is an error at the
translation's line, naming the original's line too, so that the writer can read both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import kinds
from generator.content.load import Document
from generator.content.models import Comparison, Condition, Flowchart, Site
from generator.content.translation import FIELD, as_written, version_of
from generator.errors import ErrorCollector, Loc
from generator.kinds import Kind

if TYPE_CHECKING:
    from generator.content.project import Project


@dataclass(frozen=True)
class Counterpart:
    """One file of a translation, its kind, and the original it translates."""

    kind: Kind
    translation: Document
    original: Document | None
    """None when the original did not load (its mistakes are named) or does not exist."""
    original_path: Path
    """Where the original is, or would be."""


def counterparts(original: Project, translated: Project) -> Iterator[Counterpart]:
    """Return each file of a translation with its original, in the translation's order."""
    root = Path(original.site_document.name).parent
    here = Path(translated.site_document.name).parent
    originals = {Path(document.name): document for document in original.documents}
    for document in translated.documents:
        place = Path(document.name).relative_to(here)
        kind = kind_at(place)
        if kind is not None:
            yield Counterpart(kind, document, originals.get(root / place), root / place)


def kind_at(place: Path) -> Kind | None:
    """Return the kind of a file from its place in a language's folder."""
    for kind in kinds.KINDS:
        if place.as_posix() == kind.file or (kind.folder and place.parts[0] == kind.folder):
            return kind
    return None


def check_translation(original: Project, translated: Project, errors: ErrorCollector) -> None:
    """Record each file of a translation that has no original, or differs from it where
    readers must get the same in every language."""
    ours, theirs = _models(translated), _models(original)
    for pair in counterparts(original, translated):
        if pair.original is None:
            if not pair.original_path.exists():
                _no_original(pair, errors)
            continue
        if not isinstance(pair.translation.data.get(FIELD), str):
            _no_version(pair.translation, pair.original, errors)
        compare = _COMPARISONS.get(pair.kind.name)
        t_model = ours.get((pair.kind.name, Path(pair.translation.name).stem))
        o_model = theirs.get((pair.kind.name, Path(pair.original.name).stem))
        if compare is not None and t_model is not None and o_model is not None:
            compare(Side(pair.translation, t_model), Side(pair.original, o_model), errors)


def _models(project: Project) -> dict[tuple[str, str], Any]:
    """Return the models of a project's files by kind and file name (a page's file name is
    its id)."""
    found: dict[tuple[str, str], Any] = {(kinds.SITE.name, Path(kinds.SITE.place).stem):
                                         project.site}
    for kind in kinds.folder_kinds():
        found.update(((kind.name, item.id), item) for item in project.of(kind))
    return found


@dataclass(frozen=True)
class Side:
    """One file of a pair, and the model it was read into."""

    document: Document
    model: Any

    def at(self, loc: Loc, *, at_key: bool = False) -> str:
        """Return where a value of this file is, as `file:line:col`."""
        line, column = self.document.position(loc, at_key=at_key)
        return f"{self.document.name}:{line}:{column}"


def _add(errors: ErrorCollector, side: Side, loc: Loc, message: str, *,
         at_key: bool = False) -> None:
    line, column = side.document.position(loc, at_key=at_key)
    errors.add(side.document.name, line, column, list(loc), message, side.document.data)


def _no_original(pair: Counterpart, errors: ErrorCollector) -> None:
    where = Path(pair.original_path).as_posix()
    errors.add(pair.translation.name, 1, 1, "",
               f"this translation has no original: there is no {where}. A translation has the "
               f"same folder, file name and id as the file it translates. Rename it like its "
               f"original, or delete it.")


def _no_version(translation: Document, original: Document, errors: ErrorCollector) -> None:
    line = f"{FIELD}: {as_written(version_of(original))}"
    first = next(iter(translation.data), None)
    at = translation.position([first], at_key=True) if first is not None else (1, 1)
    errors.add(translation.name, *at, FIELD,
               f"this translation does not say which version of its original "
               f"({original.name}:1:1) it was made from. Check that it says everything the "
               f"original says now, then add the line `{line}` above its first field.")


def _compare_flowcharts(translation: Side, original: Side, errors: ErrorCollector) -> None:
    """Record each step of a translated flowchart that leads elsewhere than the original's."""
    ours: Flowchart = translation.model
    theirs: Flowchart = original.model
    if ours.start != theirs.start:
        _add(errors, translation, ["start"],
             f"this translation starts at `{ours.start}`, but its original starts at "
             f"`{theirs.start}` ({original.at(['start'])}). A translation asks the same "
             f"questions as its original: write `start: {theirs.start}`.")
    _compare_steps(translation, original, "questions", "question", _compare_answers, errors)
    _compare_steps(translation, original, "outcomes", "outcome", _compare_care, errors)


StepCheck = Callable[[Side, int, Side, int, ErrorCollector], None]
"""A comparison of one question (or outcome) of a translation, at its index, with the
original's of the same id, at its own."""


def _compare_steps(translation: Side, original: Side, field: str, word: str,
                   compare: StepCheck, errors: ErrorCollector) -> None:
    """Record a question (or outcome) only one of the two flowcharts has, then compare the
    others one by one."""
    ours = [step.id for step in getattr(translation.model, field)]
    theirs = [step.id for step in getattr(original.model, field)]
    for index, step in enumerate(ours):
        if step in theirs:
            compare(translation, index, original, theirs.index(step), errors)
            continue
        _add(errors, translation, [field, index, "id"],
             f"the original ({original.at([field], at_key=True)}) has no {word} `{step}`. A "
             f"translation has the same {word}s as its original, with the same ids: give this "
             f"one the id of the {word} it translates, or remove it.")
    for index, step in enumerate(theirs):
        if step not in ours:
            _add(errors, translation, [field],
                 f"the original has the {word} `{step}` ({original.at([field, index, 'id'])}), "
                 f"and this translation does not. Translate it here, with `id: {step}`.",
                 at_key=True)


def _compare_answers(translation: Side, ours_at: int, original: Side, theirs_at: int,
                     errors: ErrorCollector) -> None:
    """Record an answer only one of a question's two versions has, or one that leads
    elsewhere."""
    ours = translation.model.questions[ours_at]
    theirs = original.model.questions[theirs_at]
    theirs_loc: list[str | int] = ["questions", theirs_at, "answers"]
    where = {answer.value: index for index, answer in enumerate(theirs.answers)}
    for index, answer in enumerate(ours.answers):
        loc: list[str | int] = ["questions", ours_at, "answers", index]
        if answer.value not in where:
            _add(errors, translation, [*loc, "value"],
                 f"the original's question `{theirs.id}` "
                 f"({original.at(theirs_loc, at_key=True)}) has no answer `{answer.value}`. "
                 "A translation has the same answers as its original: give this one the "
                 "value of the answer it translates.")
            continue
        leads = theirs.answers[where[answer.value]].next
        if answer.next != leads:
            _add(errors, translation, [*loc, "next"],
                 f"this answer leads to `{answer.next}`, but in the original "
                 f"({original.at([*theirs_loc, where[answer.value], 'next'])}) it leads to "
                 f"`{leads}`. A translation's answers lead where the original's do: write "
                 f"`next: {leads}`.")
    values = {answer.value for answer in ours.answers}
    for index, answer in enumerate(theirs.answers):
        if answer.value not in values:
            _add(errors, translation, ["questions", ours_at, "answers"],
                 f"the original's question has the answer `{answer.value}` "
                 f"({original.at([*theirs_loc, index, 'value'])}), and this translation does "
                 f"not. Translate it here, with `value: {answer.value}`.", at_key=True)


def _compare_care(translation: Side, ours_at: int, original: Side, theirs_at: int,
                  errors: ErrorCollector) -> None:
    """Record an outcome that gives another care level than the original's."""
    ours = translation.model.outcomes[ours_at]
    theirs = original.model.outcomes[theirs_at]
    if ours.care != theirs.care:
        _add(errors, translation, ["outcomes", ours_at, "care"],
             f"this outcome's care level is `{ours.care}`, but in the original "
             f"({original.at(['outcomes', theirs_at, 'care'])}) it is `{theirs.care}`. "
             f"Readers in every language get the same care: write `care: {theirs.care}`.")
    if ours.conditions != theirs.conditions:
        _add(errors, translation, ["outcomes", ours_at, "conditions"],
             f"this outcome links to {_levels(ours.conditions) or 'no topic'}, but in the "
             f"original ({original.at(['outcomes', theirs_at, 'conditions'])}) it links to "
             f"{_levels(theirs.conditions) or 'no topic'}. Readers in every language are led "
             f"to the same topics: write `conditions: [{', '.join(theirs.conditions)}]`.")


def _compare_conditions(translation: Side, original: Side, errors: ErrorCollector) -> None:
    """Record "when to get help" groups whose care levels differ from the original's."""
    ours_model: Condition = translation.model
    theirs_model: Condition = original.model
    ours = [group.care for group in ours_model.when_to_get_help]
    theirs = [group.care for group in theirs_model.when_to_get_help]
    if ours != theirs:
        first = _first_difference(ours, theirs)
        theirs_at = original.at(_at_item("when_to_get_help", "care", theirs, first))
        _add(errors, translation, _at_item("when_to_get_help", "care", ours, first),
             f"the groups here have the care levels {_levels(ours)}, but the original's "
             f"({theirs_at}) have {_levels(theirs)}. A translation "
             "has the same groups as its original, in the same order: translate each of the "
             "original's groups in its place.")


def _at_item(field: str, key: str, values: Sequence[str], index: int) -> list[str | int]:
    """Return where a list's item `index` has its `key`; the list itself past its end."""
    return [field, index, key] if index < len(values) else [field]


def _levels(levels: Sequence[str]) -> str:
    return ", ".join(f"`{level}`" for level in levels)


def _first_difference(ours: Sequence[Any], theirs: Sequence[Any]) -> int:
    return next((i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b),
                min(len(ours), len(theirs)))


def _compare_comparisons(translation: Side, original: Side, errors: ErrorCollector) -> None:
    """Record a comparison that compares other topics, or whose rows are not the
    original's, in its order."""
    ours_model: Comparison = translation.model
    theirs_model: Comparison = original.model
    if ours_model.conditions != theirs_model.conditions:
        _add(errors, translation, ["conditions"],
             f"this comparison compares {_levels(ours_model.conditions)}, but the original "
             f"({original.at(['conditions'])}) compares {_levels(theirs_model.conditions)}. A "
             "translation compares the same topics in the same order: write "
             f"`conditions: [{', '.join(theirs_model.conditions)}]`.")
    ours = [row.field for row in ours_model.rows]
    theirs = [row.field for row in theirs_model.rows]
    if ours != theirs:
        first = _first_difference(ours, theirs)
        theirs_at = original.at(_at_item("rows", "field", theirs, first))
        _add(errors, translation, _at_item("rows", "field", ours, first),
             f"the rows here show {_levels(ours)}, but the original's ({theirs_at}) show "
             f"{_levels(theirs)}. A translation has the same rows as its original, in the same "
             "order: translate each row's `label`, and keep its `field`.")


def _compare_sites(translation: Side, original: Side, errors: ErrorCollector) -> None:
    """Record a translation whose readers would call another emergency number."""
    ours: Site = translation.model
    theirs: Site = original.model
    if ours.emergency_number != theirs.emergency_number:
        country = theirs.locale[3:]
        fix = (f"write `locale: {ours.language}-{country}`, in the original's country"
               if ours.locale[3:] != country and not ours.emergency.number else
               f"write `number: \"{theirs.emergency_number}\"` under `emergency`")
        _add(errors, translation, _number_at(ours),
             f"readers of this translation would call {ours.emergency_number} in an "
             f"emergency, but readers of the original ({original.at(_number_at(theirs))}) "
             f"call {theirs.emergency_number}. Readers in every language call the same "
             f"number: {fix}.")


def _number_at(site: Site) -> list[str | int]:
    """Return where a site's emergency number comes from: its own number, or its locale."""
    return ["emergency", "number"] if site.emergency.number else ["locale"]


_COMPARISONS: dict[str, Callable[[Side, Side, ErrorCollector], None]] = {
    kinds.FLOWCHART.name: _compare_flowcharts,
    kinds.CONDITION.name: _compare_conditions,
    kinds.COMPARISON.name: _compare_comparisons,
    kinds.SITE.name: _compare_sites,
}
"""What must be the same in a translation and its original, by kind."""
