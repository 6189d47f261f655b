"""A site built before its address is known, with a contact: what the builder and readers see."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, html

CONTACT = """\
contact:
  description: Tell us about a mistake, or a page that is hard to use.
  email: feedback@muscle-guide.org
  url: https://muscle-guide.org/feedback
"""
NOTICE = ("The site has no web address, so the embed code (on \"Embed our questions\"), "
          "canonical links, the sitemap and oEmbed files are left out. To add them, write the "
          "address where the site is published in content/site.yml, like `url: https://…`, or "
          "set SITE_URL, then build again.")


@pytest.fixture(scope="module")
def unpublished(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Build the shipped content, with a contact added and no address; return site/ and output."""
    project = tmp_path_factory.mktemp("unpublished")
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    site_file = project / "content/site.yml"
    site = site_file.read_text(encoding="utf-8")
    assert "\nurl:" not in site
    site_file.write_text(site.replace("emergency:\n", CONTACT + "emergency:\n", 1),
                         encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project,
                            capture_output=True, text=True, check=False,
                            env={**env, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site", result.stdout + result.stderr


def test_the_build_says_once_how_to_give_the_site_address(unpublished: tuple[Path, str]) -> None:
    _, output = unpublished

    assert output.splitlines().count(NOTICE) == 1
    assert "No site address" not in output  # MkDocs' own line is not said as well


def test_the_embed_page_says_what_the_publisher_must_add(unpublished: tuple[Path, str]) -> None:
    site, _ = unpublished
    article = html(site, "pages/embed-our-questions/index.html").select_one("article")
    missing = article.find("h2", string="No code to copy yet")
    said = [p.get_text() for p in missing.find_next_siblings("p")[:2]]

    assert article.select("pre.embed-code") == []
    assert said == [
        "The code has to name this guide's web address, and the guide does not know it yet.",
        "To show the code, the people who publish this guide add the address to the file "
        "content/site.yml, in one line like url: https://…, then build the site again.",
    ]


def test_every_footer_and_the_accessibility_statement_show_the_contact(
        unpublished: tuple[Path, str]) -> None:
    site, _ = unpublished

    for path in ("index.html", "conditions/muscle-spasm/index.html"):
        footer = html(site, path).select_one("footer .footer-contact")
        assert " ".join(footer.get_text().split()) == (
            "Tell us about a mistake, or a page that is hard to use. "
            "Email: feedback@muscle-guide.org; Web page: https://muscle-guide.org/feedback")
        assert [a["href"] for a in footer.select("a")] == [
            "mailto:feedback@muscle-guide.org", "https://muscle-guide.org/feedback"]
    statement = html(site, "pages/accessibility/index.html").select_one("article")
    links = statement.find("h2", string="How to contact us").find_next_sibling("ul")
    assert [a["href"] for a in links.select("a")] == [
        "mailto:feedback@muscle-guide.org", "https://muscle-guide.org/feedback"]
    assert "No contact is given yet" not in statement.get_text()
