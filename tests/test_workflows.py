"""The pull-request workflow checks seeds/ in GitHub's format, builds the site and keeps it."""
from __future__ import annotations

import yaml
from conftest import ROOT


def test_pull_request_workflow_checks_builds_and_uploads() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "check-pr.yml").read_text(encoding="utf-8"))
    trigger = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert trigger == {"pull_request": {"paths": ["seeds/**"]}}
    (job,) = workflow["jobs"].values()
    runs = [step.get("run") for step in job["steps"]]
    assert "build/venv/bin/python -m tools check --format github" in runs
    assert runs.index("build/venv/bin/python -m tools check --format github") < runs.index("make site")
    upload = next(step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "build/site"
