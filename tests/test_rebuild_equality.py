"""A rebuild gives what a cold build of the same content gives, byte for byte.

A writer edits and runs `python -m generator build` again, into the same site/ and dist/, with
the content cache and the build record the earlier builds left, so that only the pages whose
inputs changed are built again. After each of a seeded series of random edits, that rebuild is
compared with a cold build of the very same project (new output folders, an empty cache) for
both outputs: every file of the website, and the offline zip's members and bytes. The site has
its large layout, whose menus name letters rather than topics, so that an edited, renamed or
added topic is rebuilt page by page; the test also checks that those rebuilds kept pages as
they were, and that the edits every page depends on rebuilt them all.

Set REBUILD_EQUALITY_SEED to replay (or explore) another series of edits.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.site.views import LARGE_SITE_FROM

from conftest import PUBLISHED_AT, ROOT

SEED = int(os.environ.get("REBUILD_EQUALITY_SEED", "20261126"))
EXAMPLE_CONDITION = ROOT / "generator/writer/examples/conditions/leg-cramp.yml"
UNREFERENCED = tuple(f"leg-cramp-{n:02d}" for n in range(LARGE_SITE_FROM))
"""Topics the scratch site starts with besides the shipped ones, enough for its large layout:
no comparison or flowchart names them, so deleting one keeps the content valid."""
SENTENCES = (
    "It often stops after a short rest.",
    "Warm water may help the muscle relax.",
    "Most people feel better within a day.",
    "It can happen to anyone, at any age.",
)

Edit = Callable[[Path, random.Random, int], str]


def _conditions(project: Path) -> list[Path]:
    return sorted((project / "content/conditions").glob("*.yml"))


def _replace(path: Path, pattern: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.MULTILINE)
    assert count == 1, f"{path.name}: nothing matches {pattern!r}"
    path.write_text(changed, encoding="utf-8")


def change_a_sentence(project: Path, rng: random.Random, step: int) -> str:
    topic = rng.choice(_conditions(project))
    sentence = f"{rng.choice(SENTENCES)} This changed in edit {step}."
    _replace(topic, r"^summary:( >\n(?:  .*\n)+| .*\n)", f"summary: {sentence}\n")
    return f"changed the summary of {topic.name} to {sentence!r}"


def rename_a_topic(project: Path, rng: random.Random, step: int) -> str:
    """Rename a topic within its letter of the A to Z, so that the menu stays the same."""
    topic = rng.choice(_conditions(project))
    initial = re.search(r"^name: (.)", topic.read_text(encoding="utf-8"), re.MULTILINE)
    assert initial is not None
    name = f"{initial.group(1)} renamed in edit {step}"
    _replace(topic, r"^name: .*$", f"name: {name}")
    return f"renamed {topic.name} to {name!r}"


def add_a_topic(project: Path, rng: random.Random, step: int) -> str:
    topic_id = f"leg-cramp-{step}{rng.choice('xyz')}"
    write_condition(project, topic_id)
    return f"added conditions/{topic_id}.yml"


def delete_a_topic(project: Path, rng: random.Random, step: int) -> str:
    candidates = [p for p in _conditions(project) if p.stem.startswith("leg-cramp-")]
    topic = rng.choice(candidates)
    topic.unlink()
    return f"deleted conditions/{topic.name}"


def change_the_site_description(project: Path, rng: random.Random, step: int) -> str:
    description = f"Plain facts about muscles, kept up to date (edit {step})."
    _replace(project / "content/site.yml", r"^description: .*$", f"description: {description}")
    return f"changed the description in site.yml to {description!r}"


def change_a_theme_override(project: Path, rng: random.Random, step: int) -> str:
    if rng.random() < 0.5:
        with (project / "overrides/assets/stylesheets/health.css").open("a") as css:
            css.write(f"\n.md-copyright {{ padding-bottom: {step}px; }}\n")
        return "added a rule to overrides/assets/stylesheets/health.css"
    _replace(project / "overrides/partials/copyright.html", r'^<div class="md-copyright"[^>]*>',
             f'<div class="md-copyright" data-edit="{step}">')
    return "changed the footer in overrides/partials/copyright.html"


def change_a_comparison(project: Path, rng: random.Random, step: int) -> str:
    label = f"{rng.choice(['Does it hurt', 'Is it painful'])}? (edit {step})"
    _replace(project / "content/comparisons/twitch-vs-spasm.yml", r"^  - label: Painful\?.*$",
             f"  - label: {label}")
    return f"changed a row's label in the comparison of the two shipped topics to {label!r}"


def rename_a_comparison(project: Path, rng: random.Random, step: int) -> str:
    title = f"{rng.choice(['Twitch', 'Spasm'])} or the other one? (edit {step})"
    _replace(project / "content/comparisons/twitch-vs-spasm.yml", r"^title: .*$",
             f"title: {title}")
    return f"changed the comparison's title (in the menu, and on the topics it compares) to " \
           f"{title!r}"


EDITS: tuple[tuple[Edit, bool], ...] = (
    (change_a_sentence, True), (rename_a_topic, True), (add_a_topic, True),
    (delete_a_topic, False), (change_the_site_description, False),
    (change_a_theme_override, False), (change_a_comparison, True),
    (rename_a_comparison, False))
"""Each kind of edit, and whether a rebuild after it keeps pages as they were: a page gone, the
site's settings, the menu and the theme are part of every page."""


def write_condition(project: Path, topic_id: str) -> None:
    """Write a valid topic that nothing else names, made from the writer's example."""
    text = EXAMPLE_CONDITION.read_text(encoding="utf-8")
    text = text.replace("id: leg-cramp\n", f"id: {topic_id}\n", 1)
    text = text.replace("name: Leg cramp\n", f"name: Leg cramp {topic_id[10:]}\n", 1)
    (project / f"content/conditions/{topic_id}.yml").write_text(text, encoding="utf-8")


def build(project: Path, out: Path, cache_home: Path) -> None:
    """Build as a writer does, in a process of its own, with this user cache folder."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("SOURCE_DATE_EPOCH", "SITE_URL")}  # the content's review date rules
    env.update(XDG_CACHE_HOME=str(cache_home), NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--site-dir", str(out / "site"),
         "--dist-dir", str(out / "dist"), "--site-url", PUBLISHED_AT],
        cwd=project, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def page_dates(site: Path) -> dict[str, int]:
    """Return when each page of a built website was last written, by its path."""
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def _first_line_apart(ours: bytes, theirs: bytes) -> str:
    try:
        left, right = ours.decode("utf-8").splitlines(), theirs.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return f"binary, {len(ours)} and {len(theirs)} bytes"
    for number, (a, b) in enumerate(zip(left, right, strict=False), start=1):
        if a != b:
            # Long lines (the search index is one) are shown from just before they part.
            column = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                          min(len(a), len(b)))
            start = max(column - 40, 0)
            return (f"line {number}, column {column + 1}: {a[start:start + 120]!r} "
                    f"!= {b[start:start + 120]!r}")
    return f"{len(left)} and {len(right)} lines, the same up to the shorter"


def differences(rebuilt: dict[str, bytes], cold: dict[str, bytes], shown: int = 5) -> list[str]:
    """Name the first files that differ (by relative path), with the first line apart in each."""
    found = [f"{name}: only in the rebuild" for name in sorted(rebuilt.keys() - cold.keys())]
    found += [f"{name}: only in the cold build" for name in sorted(cold.keys() - rebuilt.keys())]
    found += [f"{name}: {_first_line_apart(rebuilt[name], cold[name])}"
              for name in sorted(rebuilt.keys() & cold.keys()) if rebuilt[name] != cold[name]]
    return found[:shown] + ([f"... and {len(found) - shown} more"] if len(found) > shown else [])


def folder_files(folder: Path) -> dict[str, bytes]:
    """Return every file under a folder by its relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def zip_members(folder: Path) -> tuple[list[str], dict[str, bytes]]:
    """Return the one zip in an offline-bundle folder: its members in order, and their bytes."""
    (bundle,) = folder.glob("*.zip")
    with zipfile.ZipFile(bundle) as archive:
        return archive.namelist(), {name: archive.read(name) for name in archive.namelist()}


def output_differences(rebuilt: Path, cold: Path) -> list[str]:
    """Say how two builds' outputs differ: website files, zip members and the zip's own bytes."""
    found = [f"site/{d}" for d in differences(folder_files(rebuilt / "site"),
                                              folder_files(cold / "site"))]
    found += [f"dist/{d}" for d in differences(folder_files(rebuilt / "dist"),
                                               folder_files(cold / "dist"))]
    rebuilt_names, rebuilt_members = zip_members(rebuilt / "dist")
    cold_names, cold_members = zip_members(cold / "dist")
    found += [f"zip member {d}" for d in differences(rebuilt_members, cold_members)]
    if not found and rebuilt_names != cold_names:
        found.append("the zip holds the same members in another order")
    return found


@pytest.fixture
def large_site(scratch: Callable[..., Path]) -> Path:
    """Return a copy of the shipped project, with enough topics nothing links to for the
    large layout."""
    project = scratch()
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    for topic_id in UNREFERENCED:
        write_condition(project, topic_id)
    return project


def test_every_rebuild_after_an_edit_equals_a_cold_build_byte_for_byte(
        large_site: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    rng = random.Random(SEED)
    edits = rng.sample(EDITS, len(EDITS))  # each kind once, in a random order
    writer_cache = Path(os.environ["XDG_CACHE_HOME"])  # the test's own (conftest.py)
    build(large_site, large_site, writer_cache)
    kept = [*(writer_cache / "health-generator").glob("content-*.pickle"),
            *(writer_cache / "health-generator").glob("build-*/record.json")]
    assert len(kept) == 2, "the first build kept no content cache or no build record, so the " \
                           "rebuilds would prove nothing"
    done: list[str] = []
    for step, (edit, keeps_pages) in enumerate(edits, start=1):
        done.append(f"{step}. {edit(large_site, rng, step)}")
        before = page_dates(large_site / "site")
        cold = tmp_path_factory.mktemp(f"cold-{step}")
        build(large_site, large_site, writer_cache)
        build(large_site, cold, tmp_path_factory.mktemp(f"empty-cache-{step}"))

        found = output_differences(large_site, cold)
        after = page_dates(large_site / "site")

        assert not found, (f"REBUILD_EQUALITY_SEED={SEED}, after these edits:\n"
                           + "\n".join(done) + "\nthe rebuild differs from a cold build:\n"
                           + "\n".join(found))
        untouched = [page for page, date in after.items() if before.get(page) == date]
        if keeps_pages:
            assert len(untouched) > len(after) / 2, f"{done[-1]}: the rebuild wrote nearly " \
                                                    "every page again"
        else:
            assert not untouched, f"{done[-1]}: the rebuild kept {untouched[:3]}"


def test_a_page_changed_by_hand_is_built_again_and_the_others_are_kept(
        large_site: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    writer_cache = Path(os.environ["XDG_CACHE_HOME"])
    build(large_site, large_site, writer_cache)
    page = large_site / "site/conditions/leg-cramp-00/index.html"
    page.write_text("Changed by hand.", encoding="utf-8")
    before = page_dates(large_site / "site")
    cold = tmp_path_factory.mktemp("cold")

    build(large_site, large_site, writer_cache)
    build(large_site, cold, tmp_path_factory.mktemp("empty-cache"))

    assert output_differences(large_site, cold) == []
    after = page_dates(large_site / "site")
    untouched = [p for p, date in after.items() if before.get(p) == date]
    assert "conditions/leg-cramp-00/index.html" not in untouched
    assert len(untouched) > len(after) / 2, "the rebuild wrote nearly every page again"


def test_a_search_index_changed_by_hand_has_every_page_of_its_language_built_again(
        large_site: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    writer_cache = Path(os.environ["XDG_CACHE_HOME"])
    build(large_site, large_site, writer_cache)
    index = large_site / "site/search/search_index.json"
    index.write_text('{"config": {}, "docs": []}', encoding="utf-8")
    before = page_dates(large_site / "site")
    cold = tmp_path_factory.mktemp("cold")

    build(large_site, large_site, writer_cache)
    build(large_site, cold, tmp_path_factory.mktemp("empty-cache"))

    assert output_differences(large_site, cold) == []
    after = page_dates(large_site / "site")
    untouched = [p for p, date in after.items() if before.get(p) == date]
    assert [p for p in untouched if not p.startswith("es/")] == []
    assert untouched, "the Spanish pages, which have their own search index, were built again"
