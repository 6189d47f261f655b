"""Stage 0: find the content files, and report everything else in the content folder.

Only files of a known kind are read, and only from inside the folder: a symbolic link, a
stray page or a backup is an error, never something that is quietly published or skipped.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic.fields import FieldInfo

from generator import kinds
from generator.content.translation import LANGUAGE_FOLDER
from generator.errors import ErrorCollector
from generator.kinds import Kind

GUIDE_FILE = "GUIDE.md"
EXTENSION = ".yml"


@dataclass
class ContentFiles:
    """The content files of one site, by kind."""

    single: dict[str, Path] = field(default_factory=dict)
    """The files a site has one of, by name (`site.yml`); a site may leave some out."""
    folder_found: bool = False
    """Whether the content folder itself exists: without it, no file can be missing from it."""
    languages: dict[str, Path] = field(default_factory=dict)
    """The folders of translations, by language code (`es`): only in a site's own folder."""
    by_folder: dict[str, list[Path]] = field(
        default_factory=lambda: {kind.place: [] for kind in kinds.folder_kinds()})


def find_content(content_dir: Path, errors: ErrorCollector, *,
                 translation: bool = False) -> ContentFiles:
    """Return the content files in `content_dir`, recording every entry that does not belong.

    A folder named like a language code (`es/`) holds that language's translations, except in
    a `translation`'s own folder, which holds no other language.
    """
    found = ContentFiles()
    try:
        is_folder = content_dir.is_dir()
    except OSError as error:  # a name too long for the file system, say
        _refuse(errors, content_dir, f"this content folder cannot be opened "
                f"({error.strerror}). Check the name.")
        return found
    if not is_folder:
        _refuse(errors, content_dir, "this content folder does not exist. "
                "Check the name, or create it with a site.yml inside.")
        return found
    found.folder_found = True
    files = {kind.place for kind in kinds.single_files()}
    folders = {kind.place for kind in kinds.folder_kinds()}
    for entry in _entries(content_dir, errors):
        path = Path(entry.path)
        if _is_link(entry, path, errors):
            continue
        if entry.name in files and _is_file(entry, path, errors):
            found.single[entry.name] = path
        elif entry.name in folders and _is_folder(entry, path, errors):
            found.by_folder[entry.name] = _folder_files(path, errors)
        elif entry.name == GUIDE_FILE and _is_file(entry, path, errors):
            continue  # the writer's guide lives beside the files it explains; never published
        elif (not translation and LANGUAGE_FOLDER.match(entry.name)
              and _is_folder(entry, path, errors)):
            found.languages[entry.name] = path
        elif entry.name not in (GUIDE_FILE, *files, *folders) and not (
                not translation and LANGUAGE_FOLDER.match(entry.name)):
            _refuse(errors, path, f"this is not part of the content. The content folder "
                    f"holds only {_layout()}. Move it out of the folder or delete it.")
    return found


@dataclass(frozen=True)
class Misplaced:
    """A file whose fields make another kind than its folder holds."""

    place: str
    """Where it belongs: a folder of the content folder, or `site.yml`."""
    message: str


def misplaced(path: Path, fields: Collection[str],
              places: Mapping[str, Kind]) -> Misplaced | None:
    """Return where a file belongs when its fields make another kind than its folder holds.

    `places` gives each place in the content folder (a folder, or `site.yml`) its kind. A
    condition saved in pages/ would otherwise get a dozen "not part of the format" errors
    and never the one thing to do: move it.
    """
    here = path.parent.name
    if here not in places or set(fields) <= set(_fields(places[here])):
        return None

    def mistakes(place: str) -> int:
        """Count the fields the file would lack, and those it should not have, as this kind."""
        known = _fields(places[place])
        required = {name for name, info in known.items() if info.is_required()}
        return len(required - set(fields)) + len(set(fields) - set(known))

    best = min(places, key=mistakes)
    telling = [f"`{name}`" for name in fields
               if name in _fields(places[best]) and name not in _fields(places[here])][:3]
    if best == here or mistakes(best) >= mistakes(here) or not telling:
        return None  # a file of this folder's kind with mistakes: its fields are named one by one
    shown = ", ".join(telling[:-1]) + f" and {telling[-1]}" if len(telling) > 1 else telling[0]
    where = f"{display_name(path.parent.parent / best)}{'/' if places[best].folder else ''}"
    return Misplaced(best, f"this looks like {places[best].word} (it has {shown}), but it is "
                     f"in {display_name(path.parent)}/, which holds {here}. "
                     f"Move it to {where}.")


def _fields(kind: Kind) -> Mapping[str, FieldInfo]:
    return kind.model.model_fields


def _layout() -> str:
    """Return what the content folder holds, as the message about anything else says it."""
    files = ", ".join(f"`{kind.place}`" for kind in kinds.single_files())
    *others, last = [f"{kind.place}/" for kind in kinds.folder_kinds()]
    folders = f"{', '.join(others)} and {last}" if others else last
    return f"{files}, and `{EXTENSION}` files in {folders}"


def display_name(path: Path) -> str:
    """Return the path as an author would type it: relative to here when possible."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def _folder_files(folder: Path, errors: ErrorCollector) -> list[Path]:
    files = []
    for entry in _entries(folder, errors):
        path = Path(entry.path)
        if _is_link(entry, path, errors) or not _is_file(entry, path, errors):
            continue
        if entry.name.endswith(EXTENSION) and entry.name != EXTENSION:
            files.append(path)
        elif entry.name.lower().endswith((".yml", ".yaml")):
            stem = entry.name.rsplit(".", 1)[0]
            _refuse(errors, path, f"content files end in `.yml`, in small letters. "
                    f"Rename it to `{stem}{EXTENSION}`.")
        else:
            _refuse(errors, path, f"this is not a content file: only `.yml` files belong in "
                    f"{folder.name}/. Move it out of the folder or delete it.")
    return sorted(files)


def _entries(folder: Path, errors: ErrorCollector) -> list[os.DirEntry[str]]:
    # Hidden files (editor swap files, .DS_Store) are never read or published; but a content
    # file hidden by a dot would be lost without a word, so it is named.
    try:
        with os.scandir(folder) as entries:
            found = sorted(entries, key=lambda e: e.name)
    except OSError as error:
        _refuse(errors, folder, f"this folder cannot be read ({error.strerror}). Check that "
                "you may open it.")
        return []
    for entry in found:
        if entry.name.startswith(".") and entry.name.lower().endswith((".yml", ".yaml")):
            _refuse(errors, Path(entry.path), "this file's name starts with a dot, so it is "
                    "hidden and never read. Remove the dot to use it, or delete the file.")
    return [entry for entry in found if not entry.name.startswith(".")]


def _is_file(entry: os.DirEntry[str], path: Path, errors: ErrorCollector) -> bool:
    if entry.is_dir(follow_symlinks=False):
        _refuse(errors, path, "this is a folder, and folders are not read here. "
                "Move its files out and delete it.")
        return False
    if not stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
        _refuse(errors, path, "this is not an ordinary file. Delete it.")
        return False
    return True


def _is_folder(entry: os.DirEntry[str], path: Path, errors: ErrorCollector) -> bool:
    if not entry.is_dir(follow_symlinks=False):
        _refuse(errors, path, "this should be a folder of `.yml` files. "
                "Delete it and create a folder with this name.")
        return False
    return True


def _is_link(entry: os.DirEntry[str], path: Path, errors: ErrorCollector) -> bool:
    if entry.is_symlink():
        _refuse(errors, path, "this is a link to somewhere else, and links are "
                "not followed. Put the file or folder itself here instead.")
        return True
    return False


def _refuse(errors: ErrorCollector, path: Path, message: str) -> None:
    errors.add(display_name(path), 1, 1, "", message)
