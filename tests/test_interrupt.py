"""A build stopped by a signal leaves the old site, no half-built folder and no process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import ROOT, old_build

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads the processes from /proc")


def children_of(parent: int) -> list[int]:
    """Return the processes whose parent is `parent`, read from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()  # the name may hold spaces
        except (OSError, IndexError):
            continue  # it ended while we looked
        if int(fields[1]) == parent:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def wait_for(condition: Callable[[], object], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited too long"
        time.sleep(0.05)


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith((".site-", ".dist-")))


HANG = """\
import os, pathlib, time

def on_pre_build(config):
    pathlib.Path(os.environ["BUILDS_STARTED"], str(os.getpid())).touch()
    time.sleep(120)
"""
"""An MkDocs hook that says its build has started, then holds the build there, so that a
test stops builds that are surely under way, however fast the machine."""


@contextmanager
def build_under_way(project: Path) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """Start a build, and yield it with its offline build once both are building."""
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    (project / "hang.py").write_text(HANG, encoding="utf-8")
    started = project / "started"
    started.mkdir()
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"\nhooks:\n  - {(project / 'hang.py').as_posix()}\n")
    build = subprocess.Popen(
        [sys.executable, "-m", "generator", "build"], cwd=project, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "BUILDS_STARTED": str(started)})
    try:
        wait_for(lambda: len(list(started.iterdir())) == 2, 120)  # both MkDocs builds
        [offline] = children_of(build.pid)
        yield build, offline
    finally:
        if build.poll() is None:
            build.kill()
        build.communicate()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT],
                         ids=["SIGTERM", "SIGHUP", "Ctrl-C"])
def test_a_stopped_build_cleans_up_and_ends_the_offline_build(
    scratch: Callable[..., Path], stop: signal.Signals
) -> None:
    project = scratch()
    old_build(project / "site", {"index.html": "old"})

    with build_under_way(project) as (build, offline):
        build.send_signal(stop)
        _, stderr = build.communicate(timeout=60)

    assert build.returncode == 128 + stop
    assert stderr.splitlines()[-1] == f"The build was stopped ({stop.name}); no half-built " \
                                      "folder is left."
    assert "Traceback" not in stderr
    assert not alive(offline)
    assert leftovers(project) == []
    assert sorted(p.name for p in (project / "site").iterdir()) == [".health-generator-output",
                                                                   "index.html"]
    assert (project / "site/index.html").read_text(encoding="utf-8") == "old"
    assert not (project / "dist").exists()


def test_the_offline_build_ends_with_a_killed_build_and_writes_no_zip(
    scratch: Callable[..., Path],
) -> None:
    project = scratch()

    with build_under_way(project) as (build, offline):
        build.kill()  # no cleanup can run: the staging folders stay
        build.wait(timeout=60)
        wait_for(lambda: not alive(offline), 5)

    [staging] = [project / name for name in leftovers(project) if name.startswith(".dist-new-")]
    assert list(staging.iterdir()) == []
