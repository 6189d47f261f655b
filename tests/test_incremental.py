"""What a rebuild takes from the previous build: front matter read back, and records kept."""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import meta

from generator.builders.mkdocs_plugin import build_record
from generator.builders.mkdocs_plugin.build_record import BuildRecord
from generator.builders.mkdocs_plugin.incremental import (
    PageRecord,
    SiteRecord,
    json_front_matter,
    kept_pages,
    same_data,
)
from generator.site import front_matter

TRICKY = {"title": 'Cramp "quoted" \u2028 é 🙂', "search": {"boost": 2}, "hide": ["toc"],
          "noindex": True, "menu": {"letters": [{"title": "A", "url": "a/"}], "section": None}}


def test_a_kept_page_s_front_matter_reads_back_as_mkdocs_reads_it() -> None:
    page = front_matter.page(TRICKY, "# Cramp\n\nText.\n")

    read = json_front_matter(page)

    assert read is not None
    markdown, values = meta.get_data(page)
    assert read[0] == markdown
    assert same_data(read[1], values)
    assert same_data(read[1], TRICKY)


def test_front_matter_written_another_way_is_left_to_mkdocs() -> None:
    for page in ("---\ntitle: Cramp\n---\n\nText.\n",  # YAML, not JSON
                 "---\nmenu:\n  letters: []\n---\n\nText.\n",  # a block over several lines
                 '---\ntitle: "A"\ntitle: "B"\n---\n\nText.\n',  # a key said twice
                 "No front matter at all.\n"):
        assert json_front_matter(page) is None, page


def test_values_that_python_calls_equal_are_not_the_same_data() -> None:
    assert not same_data({"boost": 1}, {"boost": True})
    assert not same_data([1], [1.0])
    assert same_data({"a": [1, "x", None]}, {"a": [1, "x", None]})


def _record(text: str, linked: tuple[str, ...] = ()) -> PageRecord:
    return PageRecord(text, None, (), linked, True)


def test_a_page_is_kept_when_its_markdown_and_the_pages_it_links_to_by_anchor_are_kept() -> None:
    previous = SiteRecord("inputs", {"a.md": _record("1"), "b.md": _record("2", ("a.md",)),
                                     "c.md": _record("3"), "d.md": _record("4")}, ())

    kept = kept_pages(previous, {"a.md": "changed", "b.md": "2", "c.md": "3", "d.md": "4",
                                 "new.md": "5"})

    # b links to an anchor of a, which is rebuilt: MkDocs must check that link again.
    assert kept == {"c.md", "d.md"}


def test_a_record_reads_back_as_it_was_written(tmp_path: Path) -> None:
    site = SiteRecord("inputs", {"a.md": PageRecord("1", "Title", ("x", "y"), ("b.md",), True)},
                      ("a.md", "b.md"))
    record = BuildRecord(website={"": site}, offline={"es/": site},
                         website_files={"index.html": "d1"}, offline_files={"index.html": "d2"})

    build_record.save(record, tmp_path)

    assert build_record.load(tmp_path) == record


def test_an_unreadable_record_is_no_record(tmp_path: Path) -> None:
    (tmp_path / build_record.RECORD).write_text("{not json", encoding="utf-8")
    assert build_record.load(tmp_path) == BuildRecord()
    (tmp_path / build_record.RECORD).write_text('{"version": 2, "website": 3}', encoding="utf-8")
    assert build_record.load(tmp_path) == BuildRecord()


def test_each_language_starts_from_its_own_folder_of_the_published_website(
        tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "es").mkdir(parents=True)
    (site / "index.html").write_text("home", encoding="utf-8")
    (site / "es/index.html").write_text("inicio", encoding="utf-8")
    english, spanish = (SiteRecord(inputs=name, pages={}, files=()) for name in ("en", "es"))
    record = BuildRecord(website={"": english, "es/": spanish},
                         website_files=build_record.file_digests(site))

    previous = build_record.previous_website(record, site)

    assert previous[""].record == english and previous[""].elsewhere == site
    assert previous["es/"].record == spanish and previous["es/"].elsewhere == site / "es/"
    assert previous["es/"].digests == {"index.html": record.website_files["es/index.html"]}
    assert build_record.previous_website(record, tmp_path / "gone") == {}
