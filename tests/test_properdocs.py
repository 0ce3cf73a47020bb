"""The edition builds the same with ProperDocs, the maintained continuation of MkDocs 1.x.

MkDocs 2.0 is a different program (no plugins, no themes), so the edition must keep building when
MkDocs 1.x is gone: the generated docs are built with both, hosted and offline, and every file must be
the same, but for the generator meta tag each program writes into its pages.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tools.pipeline import generate
from tools.site.build import write_config

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _build(program: str, config: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run([sys.executable, "-m", program, "build", "--strict", "-f", str(config)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"{program} could not build {config.name}:\n{result.stdout}{result.stderr}"


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, HTML without its generator meta tag."""
    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".html":
            assert len(GENERATOR.findall(data)) <= 1, f"{path}: more than one generator tag"
            data = GENERATOR.sub(b"", data)
        files[path.relative_to(site).as_posix()] = data
    return files


@pytest.mark.parametrize("offline", [False, True], ids=["hosted", "offline"])
def test_properdocs_builds_what_mkdocs_builds(tmp_path: Path, offline: bool) -> None:
    checked, _ = generate(ROOT / "seeds", tmp_path / "docs")
    assert checked.edition is not None, [p.format() for p in checked.problems]
    sites = {}
    for program in ("mkdocs", "properdocs"):
        site = tmp_path / f"{program}-site"
        _build(program, write_config(ROOT, tmp_path / "docs", checked.edition, site, tmp_path / f"{program}.yml", offline=offline))
        sites[program] = _files(site)
    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    assert sorted(properdocs) == sorted(mkdocs), "ProperDocs and MkDocs wrote different files"
    differ = [name for name in mkdocs if properdocs[name] != mkdocs[name]]
    assert not differ, f"ProperDocs' output differs from MkDocs' beyond the generator tag in {differ}"
    assert any(name.endswith(".html") for name in mkdocs)


def test_generator_tag_is_all_that_is_removed() -> None:
    """The comparison ignores the generator tag and nothing else."""
    page = b'<head><meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1"><meta name="description" content="x"></head>'
    assert GENERATOR.sub(b"", page) == b'<head><meta name="description" content="x"></head>'
