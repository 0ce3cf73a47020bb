"""A new text needs only a file: dropped into seeds/texts/, it is in the nav, the index, search and the glossary."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

NEW_TEXT = "A Later Letter\n\nThe writer says the ABM Treaty mattered and NATO did not.\n"


def test_dropped_text_file_is_everywhere_after_a_build(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "texts" / "later-letter.txt").write_text(NEW_TEXT, encoding="utf-8")
    command = [sys.executable, "-m", "tools", "--seeds", str(seeds), "--docs", str(tmp_path / "docs"), "--build", str(tmp_path / "build"), "build", "--no-offline"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "later-letter.txt:1:1: warning: this text has no metadata: its title is its first line and its date unknown" in result.stderr

    site = tmp_path / "build" / "site"
    page = (site / "texts" / "later-letter" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="a-later-letter">A Later Letter<' in page, "its title is its first line"
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="texts/later-letter/"' in index, "the index lists the new text"
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert glossary.count('href="../texts/later-letter/#p2"') >= 2, "ABM Treaty and NATO list the new text under Appears in"
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert 'href="../texts/later-letter/"' in timeline, "the timeline lists it under Date unknown"
    index = json.loads((site / "search" / "index.js").read_text(encoding="utf-8").removeprefix("editionSearch.index(").removesuffix(");\n"))
    number = [p["u"] for p in index["pages"]].index("texts/later-letter/")
    assert "ABM Treaty mattered" in (site / "search" / f"c-{number}-0.js").read_text(encoding="utf-8"), "search holds the new text"
    other = (site / "texts" / "mirror-response" / "index.html").read_text(encoding="utf-8")
    assert 'href="../later-letter/"' in other, "the navigation of every page has the new text"
