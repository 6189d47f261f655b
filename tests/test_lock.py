"""The hashed lock: it pins exactly what pyproject.toml asks for, and every entry has a hash."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

REGENERATE = "see README.md, Tests, for the `uv pip compile` command that regenerates it"


def locked() -> dict[str, tuple[str, list[str]]]:
    """Return each locked package's version and hashes, by normalised name."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries: dict[str, tuple[str, list[str]]] = {}
    # An entry is `name==version [; marker] \` followed by its `--hash=sha256:...` lines.
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        head = re.match(r"([A-Za-z0-9._-]+)==(\S+)", block)
        if head:
            entries[canonicalize_name(head[1])] = (
                head[2], re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return entries


def wanted() -> list[Requirement]:
    """Return the project's dependencies, its test extras and the Zensical builder."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    return [Requirement(r) for r in
            [*project["dependencies"], *extras["test"], *extras["zensical"]]]


def test_every_dependency_and_test_extra_is_locked_at_its_pinned_version() -> None:
    lock = locked()
    missing = [str(r) for r in wanted()
               if canonicalize_name(r.name) not in lock
               or not r.specifier.contains(lock[canonicalize_name(r.name)][0])]

    assert missing == [], f"requirements.lock does not match pyproject.toml: {REGENERATE}"


def test_every_locked_package_has_a_hash() -> None:
    lock = locked()

    assert len(lock) > 20
    assert [name for name, (_, hashes) in lock.items() if not hashes] == []
