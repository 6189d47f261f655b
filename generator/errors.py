"""The one path for mistakes a content author can make."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

Loc = Sequence[str | int]


def field_path(loc: Loc) -> str:
    """Return a location tuple as `causes.common[2]`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True, order=True)
class ContentError:
    """One mistake in one content file, with where it is and what to do."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}: "
        return where + (f"{self.field}: " if self.field else "") + self.message

    def as_dict(self) -> dict[str, str | int]:
        """Return the error as a plain dictionary for JSON output."""
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

    def add(self, file: str, line: int, column: int, field: Loc | str, message: str) -> None:
        """Record one error."""
        name = field if isinstance(field, str) else field_path(field)
        self.errors.append(ContentError(file, line, column, name, message))

    def raise_if_any(self) -> None:
        """Raise `ContentErrors` when anything was recorded."""
        if self.errors:
            raise ContentErrors(self.errors)
