"""Crash-safe publishing (issue 13, item 6): at every instant a complete previous or new site+zip pair
exists, and the next command puts the previous pair back after an interrupted publish."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, write_seeds

from tools.site.publish import JOURNAL, RETIRED, publish, recover

ZIP = "test-edition-offline.zip"
# The steps of a publish: write the journal, move the site and the zip aside, move the new ones in, commit.
STEPS = ("journal", "site aside", "zip aside", "new site in", "new zip in", "commit")


def outputs(build: Path, which: str) -> None:
    (build / "site").mkdir(parents=True)
    (build / "site" / "index.html").write_text(which, encoding="utf-8")
    (build / ZIP).write_text(which, encoding="utf-8")


def pair(build: Path) -> tuple[str, str]:
    return (build / "site" / "index.html").read_text(encoding="utf-8"), (build / ZIP).read_text(encoding="utf-8")


KILLER = """
import os, signal, sys
from pathlib import Path
from tools.site import publish as module

step, build = int(sys.argv[1]), Path(sys.argv[2])
count = 0
rename, unlink = Path.rename, Path.unlink

def counted():
    global count
    count += 1
    if count == step:
        os.kill(os.getpid(), signal.SIGKILL)

def killing_rename(self, target):
    counted()
    return rename(self, target)

def killing_unlink(self, missing_ok=False):
    if self.name == module.JOURNAL:
        counted()
    return unlink(self, missing_ok=missing_ok)

Path.rename, Path.unlink = killing_rename, killing_unlink
staging = build / ".staging"
module.publish(build, [(staging / "site", "site"), (staging / "ZIP", "ZIP")])
"""


@pytest.mark.parametrize("step", range(1, len(STEPS) + 1), ids=STEPS)
def test_a_publish_killed_at_any_step_leaves_a_complete_pair_after_recovery(tmp_path: Path, step: int) -> None:
    build = tmp_path / "build"
    outputs(build, "old")
    outputs(build / ".staging", "new")
    script = KILLER.replace("ZIP", ZIP)
    result = subprocess.run([sys.executable, "-c", script, str(step), str(build)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == -9, result.stderr  # killed, as a power cut or the OOM killer would
    recover(build)
    assert pair(build) == ("old", "old")  # not committed: the previous pair, complete
    assert not (build / RETIRED).exists() and not (build / JOURNAL).exists()


def test_a_completed_publish_leaves_the_new_pair_and_nothing_else(tmp_path: Path) -> None:
    build = tmp_path / "build"
    outputs(build, "old")
    outputs(build / ".staging", "new")
    publish(build, [(build / ".staging" / "site", "site"), (build / ".staging" / ZIP, ZIP)])
    assert pair(build) == ("new", "new")
    assert sorted(p.name for p in build.iterdir()) == [".staging", "site", ZIP]


def test_a_new_site_without_a_zip_removes_the_stale_zip_with_it(tmp_path: Path) -> None:
    build = tmp_path / "build"
    outputs(build, "old")
    outputs(build / ".staging", "new")
    publish(build, [(build / ".staging" / "site", "site"), (None, ZIP)])
    assert (build / "site" / "index.html").read_text(encoding="utf-8") == "new"
    assert not (build / ZIP).exists()


def test_a_failed_build_after_a_killed_publish_finds_the_previous_site_in_place(tmp_path: Path) -> None:
    """Issue 13: killed right after the old site was moved aside, build/site was gone, and the next failed
    build still said "the previous site is unchanged"."""
    write_seeds(tmp_path, glossary="- term: [broken\n")
    build = tmp_path / "build"
    outputs(build, "old")
    (build / RETIRED).mkdir()
    (build / JOURNAL).write_text(json.dumps({"places": ["site", ZIP], "existed": ["site", ZIP]}), encoding="utf-8")
    (build / "site").rename(build / RETIRED / "site")
    (build / ZIP).rename(build / RETIRED / ZIP)
    result = subprocess.run(
        [sys.executable, "-m", "tools", "--seeds", "seeds", "--docs", "docs", "--build", "build", "build"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert "the previous site is unchanged" in result.stderr
    assert pair(build) == ("old", "old")


def test_generate_waits_for_a_running_build(tmp_path: Path) -> None:
    """Issue 13: `make generate` during `make site` could change what was published; they share the lock."""
    seeds = write_seeds(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent("""
            import sys, time
            from pathlib import Path
            from tools.site.publish import build_lock
            with build_lock(Path(sys.argv[1])):
                print("locked", flush=True)
                time.sleep(3)
        """), str(tmp_path / "build")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    result = subprocess.run(
        [sys.executable, "-m", "tools", "--seeds", str(seeds), "--docs", str(tmp_path / "docs"), "--build", str(tmp_path / "build"), "generate"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    holder.wait(timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("another build is running in this folder; waiting for it to finish\n")
