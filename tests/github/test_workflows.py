"""The GitHub workflows: checked by actionlint, pinned by commit, time-limited, no stored token."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINT = ["node", str(ROOT / "tests" / "actionlint.cjs")]
# `uses: owner/repo[/path]@<full commit SHA> # vX.Y.Z`
PINNED = re.compile(r"uses: [\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+")


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


def jobs(workflow: Path) -> dict[str, dict[str, Any]]:
    """Return a workflow's jobs by id."""
    loaded = YAML(typ="safe").load(workflow.read_text(encoding="utf-8"))
    return dict(loaded["jobs"])


def steps(workflow: Path) -> list[dict[str, Any]]:
    """Return every step of every job in a workflow."""
    return [step for job in jobs(workflow).values() for step in job.get("steps", [])]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_tag_in_a_comment(workflow: Path) -> None:
    # A tag can be moved to other code after review; a commit cannot.
    lines = [line.strip() for line in workflow.read_text(encoding="utf-8").splitlines()
             if re.match(r"\s*(- )?uses:", line)]

    assert len(lines) == sum("uses" in step for step in steps(workflow)) > 0
    unpinned = [line for line in lines
                if not PINNED.fullmatch(line.removeprefix("- "))]
    assert unpinned == []


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_has_a_time_limit(workflow: Path) -> None:
    limits = {name: job.get("timeout-minutes") for name, job in jobs(workflow).items()}

    assert all(isinstance(limit, int) and 0 < limit <= 60 for limit in limits.values()), limits


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_no_checkout_leaves_the_token_in_the_git_config(workflow: Path) -> None:
    checkouts = [step for step in steps(workflow)
                 if str(step.get("uses", "")).startswith("actions/checkout@")]

    assert checkouts
    assert [step.get("with", {}).get("persist-credentials") for step in checkouts] == [
        False] * len(checkouts)
