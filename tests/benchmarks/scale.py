"""Benchmark: our full build against plain Material on the same Markdown, at several sizes.

Run from the project folder (after `make site`):

    .venv/bin/python tests/benchmarks/scale.py --topics 100 1000 --runs 3

For each size it makes a scratch project of made-up topics, then runs, interleaved and
`--runs` times each, as whole processes:

- `python -m generator build` (website and offline zip), without its content cache (a first
  build), then again after editing one topic (a rebuild, which reads only that file);
- plain MkDocs with Material and our theme overrides, without our plugin, on the site source
  that `python -m generator export` wrote (website only, and no policy pass).

It prints the median wall times and their ratio, the content stage alone (load, check and
render the Markdown, in-process, with and without the cache), the peak memory of each build,
the size of the pages (average and largest), the site and the zip, what Chromium downloads
to show a condition page before the reader touches anything (gzipped; needs Chromium, see
`first_view.py`), and what a first search downloads, and how soon `make serve`'s preview
(`mkdocs serve --dirty`) shows an edited topic.
Not a test: times vary by machine. `tests/benchmarks/test_scale.py` only checks that it runs.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
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
CONTENT_STAGE = """
import sys, time
from pathlib import Path
from generator.pipeline import render_content
start = time.perf_counter()
render_content(Path("content"))
print(time.perf_counter() - start)
"""

@dataclass(frozen=True)
class Run:
    """One timed process: wall seconds and peak memory in MB."""

    seconds: float
    peak_mb: float


def make_project(folder: Path, topics: int) -> None:
    """Copy the shipped project and add `topics` made-up conditions."""
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    template = (ROOT / "content/conditions/muscle-twitch.yml").read_text(encoding="utf-8")
    for i in range(topics):
        name = f"{WORDS[i % 26].title()} example {i}"
        slug = f"{WORDS[i % 26]}-example-{i}"
        text = template.replace("id: muscle-twitch", f"id: {slug}")
        text = text.replace("name: Muscle twitch", f"name: {name}")
        (folder / f"content/conditions/{slug}.yml").write_text(text, encoding="utf-8")


def env_for(folder: Path) -> dict[str, str]:
    """Return the environment of every process run in a scratch project."""
    # The content cache goes in the scratch project, never in the user's cache folder.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "XDG_CACHE_HOME": str(folder / USER_CACHE)}


def make_plain_config(folder: Path) -> Path:
    """Export the site source, whose mkdocs.yml builds the website with plain Material."""
    subprocess.run([sys.executable, "-m", "generator", "export", "plain-source"], cwd=folder,
                   env=env_for(folder), check=True, capture_output=True)
    return folder / "plain-source/mkdocs.yml"


def timed(command: list[str], folder: Path) -> Run:
    """Run a command to the end; return its wall time and peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=folder, env=env_for(folder), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    return Run(seconds, usage.ru_maxrss / 1024)


def content_stage(folder: Path, *, cached: bool) -> float:
    """Return the seconds the content stage takes in a new process, with or without its cache."""
    if not cached:
        _forget_cache(folder)
    out = subprocess.run([sys.executable, "-c", CONTENT_STAGE], cwd=folder, env=env_for(folder),
                         check=True, capture_output=True, text=True).stdout
    return float(out)


def _forget_cache(folder: Path) -> None:
    shutil.rmtree(folder / USER_CACHE, ignore_errors=True)


TOPIC = "content/conditions/amber-example-0.yml"


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
        plain_config = make_plain_config(folder)
        ours, rebuilt, plain, cold, warm = [], [], [], [], []
        build = [sys.executable, "-m", "generator", "build"]
        for run in range(runs):
            _forget_cache(folder)
            ours.append(timed(build, folder))
            plain.append(timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                                str(plain_config)], folder))
            _rename_topic(folder, f"Amber rebuilt {run}")
            rebuilt.append(timed(build, folder))
            cold.append(content_stage(folder, cached=False))
            warm.append(content_stage(folder, cached=True))
        ours_s = statistics.median(r.seconds for r in ours)
        rebuilt_s = statistics.median(r.seconds for r in rebuilt)
        plain_s = statistics.median(r.seconds for r in plain)
        pages = html_sizes(folder / "site")
        print(f"{topics:5d} topics, {len(pages)} pages a build, median of {runs}:")
        print(f"  full build (website + offline zip) {ours_s:7.2f} s, "
              f"peak {max(r.peak_mb for r in ours):5.0f} MB")
        print(f"  rebuild after editing one topic    {rebuilt_s:7.2f} s, "
              f"peak {max(r.peak_mb for r in rebuilt):5.0f} MB")
        print(f"  plain Material (website only)      {plain_s:7.2f} s, "
              f"peak {max(r.peak_mb for r in plain):5.0f} MB")
        print(f"  ratio full / plain                 {ours_s / plain_s:7.2f}")
        print(f"  ratio rebuild / plain              {rebuilt_s / plain_s:7.2f}")
        print(f"  content stage (load+check+render)  {statistics.median(cold):7.3f} s, "
              f"with the cache {statistics.median(warm):.3f} s")
        print_pages(folder / "site", sum(z.stat().st_size for z in (folder / "dist").glob("*.zip")))
        print_first_view(folder / "site")
        first, edit = serve_edit(folder)
        print(f"  serve --dirty: first build {first:.1f} s; one edited topic served in "
              f"{edit:.2f} s")


def main(argv: list[str] | None = None) -> None:
    """Parse the sizes and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, nargs="+", default=[100, 300, 1000],
                        help="made-up topics to add, one benchmark each (default 100 300 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each build (default 3)")
    args = parser.parse_args(argv)
    for topics in args.topics:
        measure(topics, args.runs)


if __name__ == "__main__":
    main()
