"""The package as written and shipped: no invisible characters in its sources, no environment read below the
command line, no private name used outside its module, and a wheel that holds every module."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
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


# Where the environment may be read: the command line (SITE_URL), the site build (SOURCE_DATE_EPOCH,
# and the environment MkDocs runs in), the Chromium finder (CHROMIUM) and the development tools.
# Everything else, page rendering above all, gets its inputs as arguments.
READS_ENVIRONMENT = {"tools/cli.py", "tools/site/build.py", "tools/site/chromium.py"}
GENERATOR = [p for p in SOURCES if p.relative_to(ROOT).as_posix() not in READS_ENVIRONMENT and "dev" not in p.relative_to(ROOT).parts]


@pytest.mark.parametrize("source", GENERATOR, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_environment_read_below_the_command_line(source: Path) -> None:
    name = source.relative_to(ROOT).as_posix()
    text = source.read_text(encoding="utf-8")
    assert not re.search(r"\bos\.environ\b|\bgetenv\b|\benviron\[", text), f"{name} reads the environment; take the value as an argument from tools/cli.py"


_PRIVATE_IMPORT = re.compile(r"^\s*from tools[\w.]* import [^\n]*(?<![\w.])_[a-z]\w*", re.M)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_module_uses_another_modules_private_names(source: Path) -> None:
    """A module's _names are its own (the print page used the text page's private _notes)."""
    found = _PRIVATE_IMPORT.findall(source.read_text(encoding="utf-8"))
    assert not found, f"{source.relative_to(ROOT)} imports private names: {found}; make them public or keep them where they are"


def test_the_wheel_holds_every_module_and_asset(tmp_path: Path) -> None:
    """Issue 12: the wheel left out tools/bench (a package list written by hand). Built from a copy of
    pyproject.toml and tools/, with the pinned setuptools, and compared with the source tree."""
    source = tmp_path / "source"
    shutil.copytree(ROOT / "tools", source / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", source)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--quiet", "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name for name in archive.namelist() if name.startswith("tools/")}
    expected = {p.relative_to(source).as_posix() for p in (source / "tools").rglob("*") if p.is_file() and p.name != "constraints.txt"}
    assert sorted(expected - shipped) == [], "files the wheel leaves out"
    assert "tools/dev/bench/__main__.py" in shipped and "tools/assets/edition.js" in shipped
