"""The folders `build` may replace: only ones it made, never one that holds someone's files.

A build replaces its output folders whole. Before anything is loaded or written, `problems`
names every output folder that is, holds or lies inside a folder people keep files in (the
content, the theme, the project, the current folder, a home folder, `/`), that overlaps the
other output, or that already holds files without the stamp a build leaves in its folders.
"""

from __future__ import annotations

import os
import pwd
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

STAMP = ".health-generator-output"
STAMP_TEXT = (
    "`python -m generator build` made this folder and replaces it whole on every build.\n"
    "Keep nothing else in it: the next build deletes it.\n"
)

# Homes of users who may not be in the password database (containers, network logins).
_HOME_PARENTS = (Path("/home"), Path("/Users"))

# How an output folder relates to a folder the build must leave alone, the worst first.
_SAME, _HOLDS, _INSIDE = range(3)


@dataclass(frozen=True)
class Output:
    """An output folder as the command line named it."""

    option: str
    path: Path
    example: str
    """A folder to suggest instead, like `site`."""


@dataclass(frozen=True)
class _Kept:
    """A folder whose files the build must never replace."""

    path: Path
    name: str
    loses: str
    """What the build would replace there, in a writer's words."""
    inside_too: bool
    """Whether writing inside it is also refused (its files are read, not just kept)."""


def problems(outputs: list[Output], *, content_dir: Path, config_file: Path) -> list[str]:
    """Return every reason not to replace these output folders, in plain words."""
    kept = _kept_folders(content_dir, config_file)
    found = {output: problem for output in outputs
             if (problem := _problem(output, kept)) is not None}
    fine = [output for output in outputs if output not in found]  # one reason per folder
    overlaps = [overlap for index, first in enumerate(fine) for second in fine[index + 1:]
                if (overlap := _overlap(first, second)) is not None]
    return [*found.values(), *overlaps]


def write_stamp(folder: Path) -> None:
    """Mark a folder as made by the build, so the next build may replace it."""
    (folder / STAMP).write_text(STAMP_TEXT, encoding="utf-8")


def made_by_a_build(folder: Path) -> bool:
    """Return whether replacing `folder` loses nothing: missing, empty, or a build's output."""
    if not folder.exists():
        return True
    if not folder.is_dir():
        return False
    return (folder / STAMP).is_file() or not any(folder.iterdir()) or _older_output(folder)


def _older_output(folder: Path) -> bool:
    """Return whether `folder` is what a build made before builds stamped their folders.

    A website MkDocs built (index.html and 404.html, index.html naming MkDocs as its
    generator), or a dist folder holding nothing but offline zips: `mkdocs build` itself
    would have replaced the first, and nothing but a build writes the second.
    """
    entries = list(folder.iterdir())
    if all(p.is_file() and p.name.endswith("-offline.zip") for p in entries):
        return True
    index, missing_page = folder / "index.html", folder / "404.html"
    if not (index.is_file() and missing_page.is_file()):
        return False
    with index.open(encoding="utf-8", errors="replace") as page:
        head = page.read(8192)
    return '<meta name="generator" content="mkdocs-' in head


def _problem(output: Output, kept: list[_Kept]) -> str | None:
    path = _resolved(output.path)
    clashes = sorted((relation, order, folder) for order, folder in enumerate(kept)
                     if (relation := _relation(path, folder)) is not None)
    instead = f"Choose another folder, like {output.example}."
    named = f"{output.option} {output.path.as_posix()}"
    if clashes:
        relation, _, folder = clashes[0]
        if relation == _SAME:
            return f"{named}: this is {folder.name}; the build would replace {folder.loses}. " \
                   f"{instead}"
        where = _shown(folder.path)
        if relation == _HOLDS:
            return f"{named}: this folder holds {folder.name} ({where}); the build would " \
                   f"replace {folder.loses}. {instead}"
        return f"{named}: this folder lies inside {folder.name} ({where}); the build would " \
               f"put its files among {folder.loses}. {instead}"
    if path.exists() and not path.is_dir():
        return f"{named}: this is a file, not a folder. {instead}"
    if not made_by_a_build(path):
        return f"{named}: this folder holds files the build did not make (it has no {STAMP} " \
               f"file); the build would delete them. {instead[:-1]}, or an empty folder."
    return None


def _overlap(first: Output, second: Output) -> str | None:
    one, other = _resolved(first.path), _resolved(second.path)
    named = f"{first.option} {first.path.as_posix()} and {second.option} " \
            f"{second.path.as_posix()}"
    instead = f"Choose two separate folders, like {first.example} and {second.example}."
    if one == other:
        return f"{named}: these are the same folder, and each build replaces its folder " \
               f"whole. {instead}"
    if one in other.parents or other in one.parents:
        return f"{named}: one folder lies inside the other, and each build replaces its " \
               f"folder whole. {instead}"
    return None


def _relation(output: Path, folder: _Kept) -> int | None:
    if output == folder.path:
        return _SAME
    if output in folder.path.parents:
        return _HOLDS
    if folder.inside_too and folder.path in output.parents:
        return _INSIDE
    return None


def _kept_folders(content_dir: Path, config_file: Path) -> list[_Kept]:
    """Return the folders to leave alone, in the order a refusal names them."""
    project = _resolved(config_file).parent
    config = _read_config(config_file)
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    theme_dirs = {"overrides", custom_dir} if isinstance(custom_dir, str) else {"overrides"}
    docs_dir = config.get("docs_dir", "docs")
    kept = [
        _Kept(Path("/"), "the root of the file system", "every file on the computer", False),
        _Kept(project, "the project folder", "every file of the project, .git included", False),
        _Kept(_resolved(Path.cwd()), "the current folder", "every file in it", False),
        _Kept(_resolved(content_dir), "the content folder", "your content files", True),
    ]
    kept += [_Kept(_resolved(project / name), "the theme folder",
                   "your page templates and styles", True) for name in sorted(theme_dirs)]
    if isinstance(docs_dir, str):
        kept.append(_Kept(_resolved(project / docs_dir), "MkDocs' docs folder",
                          "the files MkDocs reads", True))
    kept += [_Kept(home, "a home folder", "everything in it", False) for home in _homes()]
    return kept


def _homes() -> Iterator[Path]:
    yield _resolved(Path.home())
    for user in pwd.getpwall():
        if user.pw_dir not in ("", "/"):  # some system accounts live at /
            yield _resolved(Path(user.pw_dir))
    for parent in _HOME_PARENTS:
        if parent.is_dir():
            yield from (_resolved(p) for p in parent.iterdir() if p.is_dir())


class _ConfigReader(yaml.SafeLoader):  # type: ignore[misc]
    """Read mkdocs.yml without MkDocs: its `!ENV` and `!!python/name:` tags read as nothing."""


_ConfigReader.add_multi_constructor("", lambda loader, suffix, node: None)


def _read_config(config_file: Path) -> dict[str, Any]:
    # An unreadable configuration only means fewer folders are known here: the build itself
    # then reports what is wrong with it.
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigReader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _shown(path: Path) -> str:
    try:
        relative = path.relative_to(_resolved(Path.cwd())).as_posix()
    except ValueError:
        return path.as_posix()
    return relative if relative != "." else path.as_posix()
