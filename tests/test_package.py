"""The package as written: its source files hold no invisible characters."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "tools").rglob("*.py"))
# C0 controls but tab and line feed, DEL, and C1 controls: in a string or a regular expression they
# are invisible (markup.py held a backspace, U+0008, where the word boundary \b was meant).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_control_characters_in_source(source: Path) -> None:
    text = source.read_text(encoding="utf-8")
    found = [(text.count("\n", 0, m.start()) + 1, f"U+{ord(m.group()):04X}") for m in _CONTROL.finditer(text)]
    assert not found, f"{source.relative_to(ROOT)}: invisible control characters at (line, character) {found}; write an escape (\\b, \\x08...)"
