"""Benchmark: our builds against plain Material and Zensical on the same site, at several sizes.

Run from the project folder (after `make site`):

    .venv/bin/python tests/benchmarks/scale.py --topics 100 1000 --runs 3

It first names the machine (CPUs, their model, Python). For each size it makes a scratch
project of made-up topics, then runs, interleaved and `--runs` times each, as whole processes:

- `python -m generator build` (website and offline zip) without its cache folder (a cold
  build: no content cache, no record of the last build), then again after editing one topic's
  text, after renaming one topic (its `name`) and after adding one topic (a new file):
  rebuilds, which parse only the file that changed and rebuild only the pages it changes;
- plain MkDocs with Material, our theme overrides and our menu, without our plugin (and no
  policy pass), on the site sources that `python -m generator export` and
  `export --offline` wrote: the website, and the offline bundle with Material's `offline` plugin;
- `python -m generator build --builder zensical` (both outputs, no cache), when the zensical
  extra is installed.

It prints the median wall times and the peak memory of each build, the ratios the issue "A
rebuild costs what changed" sets goals on (each rebuild / our cold build, our cold build /
plain Material's two builds), the content stage alone (load, check and render the Markdown,
in-process, with and without the cache), the size of the pages (average and largest), the site
and the zip, what Chromium downloads to show a condition page before the reader touches
anything (gzipped; needs Chromium, see `first_view.py`), and what a first search downloads, and
how soon `make serve`'s preview (`mkdocs serve --dirty`) shows an edited topic.
Not a test: times vary by machine. `tests/benchmarks/test_scale.py` only checks that it runs.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import importlib.util
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable, as under pytest
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import first_view

ROOT = Path(__file__).resolve().parents[2]
WORDS = ["amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "heron", "iris", "juniper",
         "kestrel", "lotus", "maple", "nectar", "onyx", "pine", "quartz", "raven", "sage", "tulip",
         "umber", "violet", "willow", "xenon", "yarrow", "zephyr"]
USER_CACHE = "user-cache"
OURS = [sys.executable, "-m", "generator", "build"]
ZENSICAL = [*OURS, "--builder", "zensical", "--site-dir", "zensical-site",
            "--dist-dir", "zensical-dist"]
CONTENT_STAGE = """
import sys, time
from pathlib import Path
from generator.pipeline import render_content
start = time.perf_counter()
render_content(Path("content"))
print(time.perf_counter() - start)
"""
TOPIC = "content/conditions/amber-example-0.yml"
"""The made-up topic that the rebuilds edit and rename."""

COLD = "our cold build (website + offline zip, no cache)"
EDITED = "our rebuild after editing one topic's text"
RENAMED = "our rebuild after renaming one topic"
ADDED = "our rebuild after adding one topic"
PLAIN_WEBSITE = "plain Material, website"
PLAIN_OFFLINE = "plain Material, offline bundle"
ZENSICAL_BOTH = "Zensical (website + offline zip, no cache)"
RATIOS = [
    ("rebuild after editing text / cold build", EDITED, (COLD,)),
    ("rebuild after renaming / cold build", RENAMED, (COLD,)),
    ("rebuild after adding / cold build", ADDED, (COLD,)),
    ("cold build / plain Material (website + offline)", COLD, (PLAIN_WEBSITE, PLAIN_OFFLINE)),
]
"""Each ratio the issue sets a goal on: its name, its numerator and the rows it divides by."""
LABEL = 54
"""The width of the builds' and ratios' names, so that their figures line up."""


@dataclass(frozen=True)
class Run:
    """One timed process: wall seconds and peak memory in MB."""

    seconds: float
    peak_mb: float


Step = Callable[[Path, int], Run]
"""One build the benchmark times at every run: given the project folder and the run's number."""


def machine() -> str:
    """Return the machine the figures come from: CPUs, their model and Python's version."""
    cpuinfo = Path("/proc/cpuinfo")
    text = cpuinfo.read_text(encoding="utf-8") if cpuinfo.is_file() else ""
    found = re.search(r"^model name\s*:\s*(.*)$", text, re.MULTILINE)
    model = found.group(1).strip() if found else platform.processor() or "unknown CPU"
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}"


def make_project(folder: Path, topics: int) -> None:
    """Copy the shipped project and add `topics` made-up conditions."""
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    for i in range(topics):
        write_topic(folder, f"{WORDS[i % 26]}-example-{i}", f"{WORDS[i % 26].title()} example {i}")


def write_topic(folder: Path, slug: str, name: str) -> Path:
    """Write a made-up condition, a copy of the shipped muscle twitch; return its file."""
    template = (ROOT / "content/conditions/muscle-twitch.yml").read_text(encoding="utf-8")
    text = template.replace("id: muscle-twitch", f"id: {slug}")
    text = text.replace("name: Muscle twitch", f"name: {name}")
    topic = folder / f"content/conditions/{slug}.yml"
    topic.write_text(text, encoding="utf-8")
    return topic


def env_for(folder: Path) -> dict[str, str]:
    """Return the environment of every process run in a scratch project."""
    # The content cache goes in the scratch project, never in the user's cache folder.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "XDG_CACHE_HOME": str(folder / USER_CACHE)}


def export_plain(folder: Path, *, offline: bool) -> Path:
    """Export a site source, whose mkdocs.yml builds that output with plain Material."""
    name = "plain-offline" if offline else "plain-website"
    subprocess.run([sys.executable, "-m", "generator", "export", name,
                    *(["--offline"] if offline else [])], cwd=folder,
                   env=env_for(folder), check=True, capture_output=True)
    return folder / name / "mkdocs.yml"


def timed(command: list[str], folder: Path) -> Run:
    """Run a command to the end; return its wall time and peak memory."""
    # Errors go to a file, not a pipe: a full pipe would stop a talkative build.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=folder, env=env_for(folder),
                                   stdout=subprocess.DEVNULL, stderr=errors)
        # The peak is the largest process's, the forked offline build's included.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode()}")
    return Run(seconds, usage.ru_maxrss / 1024)


def steps(folder: Path) -> dict[str, Step]:
    """Return every timed build by its row, in the order of a run; Zensical's when installed."""
    found: dict[str, Step] = {
        COLD: cold_build,
        EDITED: rebuild_after_editing,
        RENAMED: rebuild_after_renaming,
        ADDED: rebuild_after_adding,
        PLAIN_WEBSITE: functools.partial(plain_build, export_plain(folder, offline=False)),
        PLAIN_OFFLINE: functools.partial(plain_build, export_plain(folder, offline=True)),
    }
    if zensical_installed():
        found[ZENSICAL_BOTH] = zensical_build
    return found


def zensical_installed() -> bool:
    """Return whether the zensical extra is installed beside the generator."""
    return importlib.util.find_spec("zensical") is not None


def cold_build(folder: Path, run: int) -> Run:
    """Build both outputs with an empty content cache."""
    _forget_cache(folder)
    return timed(OURS, folder)


def rebuild_after_editing(folder: Path, run: int) -> Run:
    """Edit one topic's summary, as a writer would, and build again."""
    topic = folder / TOPIC
    text = re.sub(r"(?m)^summary: >\n  .*$",
                  f"summary: >\n  A small, fast movement (edit {run}) in part of a muscle.",
                  topic.read_text(encoding="utf-8"), count=1)
    topic.write_text(text, encoding="utf-8")
    return timed(OURS, folder)


def rebuild_after_renaming(folder: Path, run: int) -> Run:
    """Rename one topic, which changes every menu and list that names it, and build again."""
    _rename_topic(folder, f"Amber renamed {run}")
    return timed(OURS, folder)


def rebuild_after_adding(folder: Path, run: int) -> Run:
    """Add one topic file and build again; then take it away, so every run has the same size."""
    added = write_topic(folder, f"added-example-{run}", f"Added example {run}")
    try:
        return timed(OURS, folder)
    finally:
        added.unlink()


def plain_build(config: Path, folder: Path, run: int) -> Run:
    """Build an exported site source with plain MkDocs and Material."""
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], folder)


def zensical_build(folder: Path, run: int) -> Run:
    """Build both outputs with Zensical, with an empty content cache as our cold build."""
    _forget_cache(folder)
    return timed(ZENSICAL, folder)


def content_stage(folder: Path, *, cached: bool) -> float:
    """Return the seconds the content stage takes in a new process, with or without its cache."""
    if not cached:
        _forget_cache(folder)
    out = subprocess.run([sys.executable, "-c", CONTENT_STAGE], cwd=folder, env=env_for(folder),
                         check=True, capture_output=True, text=True).stdout
    return float(out)


def _forget_cache(folder: Path) -> None:
    shutil.rmtree(folder / USER_CACHE, ignore_errors=True)


def _topic_name(folder: Path) -> str:
    """Return the name of the first made-up topic."""
    found = re.search(r"^name: (.*)$", (folder / TOPIC).read_text(encoding="utf-8"),
                      re.MULTILINE)
    assert found is not None
    return found.group(1)


def _rename_topic(folder: Path, name: str) -> None:
    """Edit one topic, as a writer would: give the first made-up topic a new name."""
    topic = folder / TOPIC
    text = topic.read_text(encoding="utf-8")
    topic.write_text(text.replace(f"name: {_topic_name(folder)}\n", f"name: {name}\n", 1),
                     encoding="utf-8")


def html_sizes(site: Path) -> dict[str, int]:
    """Return the size of every HTML page in a built site, by path."""
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}


def print_pages(site: Path, zip_bytes: int) -> None:
    """Print the size of the pages, the site and the zip."""
    pages = html_sizes(site)
    largest = max(pages, key=pages.__getitem__)
    site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    print(f"  HTML a page: average {statistics.mean(pages.values()) / 1024:.1f} KB, "
          f"largest {pages[largest] / 1024:.1f} KB ({largest}); "
          f"site {site_bytes / 2**20:.1f} MB, zip {zip_bytes / 2**20:.1f} MB")


def print_first_view(site: Path) -> None:
    """Print what a first view of a condition page and a first search download, gzipped."""
    index = (site / "search/search_index.json").read_bytes()
    if not first_view.available():
        print(f"  first view of a condition page: not measured ({first_view.CHROMIUM} missing)")
    else:
        view = first_view.first_view(site, "conditions/muscle-twitch/")
        rest = {kind: view.total(theme=False, kind=kind) / 1024
                for kind in ("HTML", "CSS", "JS", "data")}
        print(f"  first view of a condition page, gzipped: {view.total() / 1024:.1f} KB in "
              f"{len(view.downloads)} files; the theme's CSS and JS "
              f"{view.total(theme=True) / 1024:.1f} KB (cached across pages)")
        print(f"    beyond the theme {view.total(theme=False) / 1024:.1f} KB: "
              + ", ".join(f"{kind} {kb:.1f} KB" for kind, kb in rest.items())
              + f"; search index {'LOADED' if view.loads_search_index else 'not loaded'}")
    print(f"  first search downloads the index: {len(gzip.compress(index)) / 1024:.0f} KB "
          f"gzipped ({len(index) / 2**20:.1f} MB)")


def serve_edit(folder: Path) -> tuple[float, float]:
    """Start `make serve`'s preview and edit one topic: return the first build's and edit's time."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    page = f"http://127.0.0.1:{port}/conditions/amber-example-0/"
    start = time.perf_counter()
    preview = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a",
                                f"127.0.0.1:{port}"], cwd=folder, env=env_for(folder),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(page, _topic_name(folder))
        first = time.perf_counter() - start
        time.sleep(1)  # let the watcher settle
        _rename_topic(folder, "Amber served 0")
        start = time.perf_counter()
        _wait_for(page, "Amber served 0")
        return first, time.perf_counter() - start
    finally:
        preview.terminate()
        preview.wait()


def _wait_for(address: str, text: str) -> None:
    deadline = time.perf_counter() + 600
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(address, timeout=60) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"{address} never showed {text!r}")


def measure(topics: int, runs: int) -> None:
    """Build one size `runs` times each way, interleaved, and print the medians."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_project(folder, topics)
        timed_steps = steps(folder)
        timings: dict[str, list[Run]] = {row: [] for row in timed_steps}
        cold, warm = [], []
        for run in range(runs):
            for row, step in timed_steps.items():
                timings[row].append(step(folder, run))
            cold.append(content_stage(folder, cached=False))
            warm.append(content_stage(folder, cached=True))
        pages = html_sizes(folder / "site")
        print(f"{topics:5d} topics, {len(pages)} pages a build, median of {runs}:")
        print_builds({row: median(found) for row, found in timings.items()})
        print(f"  content stage (load+check+render)  {statistics.median(cold):7.3f} s, "
              f"with the cache {statistics.median(warm):.3f} s")
        print_pages(folder / "site", sum(z.stat().st_size for z in (folder / "dist").glob("*.zip")))
        print_first_view(folder / "site")
        first, edit = serve_edit(folder)
        print(f"  serve --dirty: first build {first:.1f} s; one edited topic served in "
              f"{edit:.2f} s")


def median(runs: list[Run]) -> Run:
    """Return the median wall time of a build's runs, with the highest peak memory."""
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs))


def print_builds(builds: dict[str, Run]) -> None:
    """Print each build's time and peak memory, then the ratios the issue sets goals on."""
    for row, build in builds.items():
        print(f"  {row:<{LABEL}} {build.seconds:7.2f} s, peak {build.peak_mb:5.0f} MB")
    if ZENSICAL_BOTH not in builds:
        print(f"  {ZENSICAL_BOTH}: not measured (the zensical extra is not installed: "
              "pip install '.[zensical]')")
    for name, numerator, denominators in RATIOS:
        ratio = builds[numerator].seconds / sum(builds[row].seconds for row in denominators)
        print(f"  {'ratio, ' + name:<{LABEL}} {ratio:7.2f}")


def main(argv: list[str] | None = None) -> None:
    """Parse the sizes, name the machine and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, nargs="+", default=[100, 300, 1000],
                        help="made-up topics to add, one benchmark each (default 100 300 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each build (default 3)")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    for topics in args.topics:
        measure(topics, args.runs)


if __name__ == "__main__":
    main()
