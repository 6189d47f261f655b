"""Benchmark: build a site of many topics and report time and peak memory.

Run: .venv/bin/python tests/benchmarks/scale.py [TOPICS ...]   (default 250 500 1000)
Not a test: timings vary by machine. The build should grow about linearly with the topics.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORDS = ["amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "heron", "iris", "juniper",
         "kestrel", "lotus", "maple", "nectar", "onyx", "pine", "quartz", "raven", "sage", "tulip",
         "umber", "violet", "willow", "xenon", "yarrow", "zephyr"]


def make_project(folder: Path, topics: int) -> None:
    """Copy the shipped project and add `topics` made-up conditions."""
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    template = (ROOT / "content/conditions/muscle-twitch.yml").read_text(encoding="utf-8")
    for i in range(topics):
        name = f"{WORDS[i % 26].title()} example {i}"
        slug = f"{WORDS[i % 26]}-example-{i}"
        text = template.replace("id: muscle-twitch", f"id: {slug}")
        text = text.replace("name: Muscle twitch", f"name: {name}")
        (folder / f"content/conditions/{slug}.yml").write_text(text, encoding="utf-8")


def build(folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "build"], cwd=folder, check=True,
                   capture_output=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    return time.perf_counter() - start


def main() -> None:
    sizes = [int(n) for n in sys.argv[1:]] or [250, 500, 1000]
    for topics in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            make_project(Path(tmp), topics)
            seconds = build(Path(tmp))
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            size = sum(p.stat().st_size for p in (Path(tmp) / "site").rglob("*.html")) / 2**20
            print(f"{topics:5d} topics: {seconds:6.1f} s, peak {peak:5.0f} MB, "
                  f"HTML {size:6.1f} MB ({size / (topics + 5) * 1024:5.1f} KB a page)")


if __name__ == "__main__":
    main()
