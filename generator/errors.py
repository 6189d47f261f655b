"""The one path for mistakes a content author can make."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from generator.terminal import inert

Loc = Sequence[str | int]


# The word for one item of a list, as a writer names it: "question 5, answer 3".
_ITEM_WORDS = {"questions": "question", "answers": "answer", "outcomes": "outcome",
               "items": "item", "sources": "source", "rows": "row", "sections": "section",
               "conditions": "condition", "when_to_get_help": "when_to_get_help group",
               "faq": "faq question", "words": "word"}


def field_path(loc: Loc, data: Any = None) -> str:
    """Return a location as a writer counts, from 1, with ids where the data has them.

    `["questions", 4, "answers", 2, "next"]` reads
    "question 5 (`spasm-how-long`), answer 3 (`longer`), next"; `["causes", "common", 2]`
    reads "causes.common item 3".
    """
    segments: list[str] = []
    names: list[str] = []
    node = data
    for part in loc:
        node = _child(node, part)
        if isinstance(part, str):
            names.append(part)
            continue
        name = names.pop() if names else ""
        word = _ITEM_WORDS.get(name)
        label = ".".join([*names, name]) + " item" if word is None else " ".join(
            [".".join(names), word] if names else [word])
        label = f"{label.strip()} {part + 1}"
        ident = node.get("id") or node.get("value") if isinstance(node, dict) else None
        segments.append(label + (f" (`{ident}`)" if isinstance(ident, str) else ""))
        names = []
    if names:
        segments.append(".".join(names))
    return ", ".join(segments)


def _child(node: Any, part: str | int) -> Any:
    if isinstance(node, dict) and isinstance(part, str):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


@dataclass(frozen=True, order=True)
class ContentError:
    """One mistake in one content file, with where it is and what to do."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        # The file name, the field and the message can all quote a content file, so each is
        # made inert: no message can erase or reorder what a terminal shows.
        where = f"{inert(self.file)}:{self.line}:{self.column}: "
        return where + (f"{inert(self.field)}: " if self.field else "") + inert(self.message)

    def as_dict(self) -> dict[str, str | int]:
        """Return the error, with the file's exact text, for JSON output (`terminal.as_json`)."""
        return asdict(self)


class ContentErrors(Exception):
    """Every content error of a run, raised together once loading has finished."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        """Return all errors, one per line, then a count."""
        lines = [str(error) for error in self.errors]
        count = len(self.errors)
        lines.append(f"{count} problem{'s' if count != 1 else ''} found in the content.")
        return "\n".join(lines)


class ErrorCollector:
    """Gather errors from every stage, then raise them all at once."""

    def __init__(self) -> None:
        self.errors: list[ContentError] = []

    def add(self, file: str, line: int, column: int, field: Loc | str, message: str,
            data: Any = None) -> None:
        """Record one error; `data` is the file's data, which names the items in `field`."""
        name = field if isinstance(field, str) else field_path(field, data)
        self.errors.append(ContentError(file, line, column, name, message))

    def raise_if_any(self) -> None:
        """Raise `ContentErrors` when anything was recorded."""
        if self.errors:
            raise ContentErrors(self.errors)
