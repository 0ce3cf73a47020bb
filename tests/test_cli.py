"""The command line: problems printed as path:line:col lines with a summary, and the exit code."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GLOSSARY, ROOT, write_seeds

from tools.cli import main

BROKEN_NOTES = """\
- text: one
  quote: not in the text
  kind: context
  note: A note.
- text: tow
  quote: ABM
  kind: contxt
  note: Another.
"""
PROBLEM = re.compile(r"^[^:\s]+:\d+:\d+: (error|warning): .+ \[[a-z-]+\]$")


def test_check_broken_edition(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_seeds(here, notes=BROKEN_NOTES)
    assert main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert lines == [
        "seeds/notes.yml:2:10: error: the quote “not in the text” is not in seeds/texts/one.txt; copy the words exactly "
        "from one paragraph (quotes and apostrophes included) [quote-missing]",
        "seeds/notes.yml:5:9: error: there is no text 'tow'; texts: one [unknown-text]",
        "seeds/notes.yml:7:9: error: 'kind' in a note is 'contxt' (did you mean 'context'?); "
        "choose one of: context, source, disputed, correction [choice]",
        "3 error(s), 0 warning(s)",
    ]
    assert all(PROBLEM.match(line) for line in lines[:-1])


def test_check_good_edition(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_seeds(here)
    assert main(["check"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert re.fullmatch(r"seeds OK: 1 texts, 2 glossary entries, 0 notes, 0 cross-links \(\d+\.\d\d s\)\n", out)


def test_check_with_warnings_only_passes(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = "- term: Warhead\n  kind: concept\n  short: S.\n  definition: D.\n  references:\n    - source: abm-treaty\n"
    write_seeds(here, glossary=GLOSSARY + extra)
    assert main(["check"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines()[0].startswith("seeds/glossary.yml:18:3: warning: 'Warhead' occurs in no text")
    assert err.splitlines()[-1] == "0 error(s), 1 warning(s)"
    assert out.startswith("seeds OK: ")


def test_seeds_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """--seeds names another folder; messages show paths relative to the working directory."""
    monkeypatch.chdir(tmp_path)
    write_seeds(tmp_path / "elsewhere", notes=BROKEN_NOTES)
    assert main(["--seeds", "elsewhere/seeds", "check"]) == 1
    assert capsys.readouterr().err.startswith("elsewhere/seeds/notes.yml:2:10: error: ")


def test_missing_seeds_folder(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "seeds/edition.yml:1:1: error: edition.yml is missing from seeds; create it (see EDITING.md) [missing-file]" in err.splitlines()
    assert "Traceback" not in err


def test_generate_reports_what_changed(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_seeds(here)
    assert main(["generate"]) == 0
    assert capsys.readouterr().out.startswith("docs: ")
    assert main(["generate"]) == 0
    assert capsys.readouterr().out == "docs: 0 page(s) written, nothing changed\n"


def test_generate_with_errors_writes_nothing(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_seeds(here, notes=BROKEN_NOTES)
    assert main(["generate"]) == 1
    assert not (here / "docs").exists()
    assert capsys.readouterr().err.splitlines()[-1] == "3 error(s), 0 warning(s)"


def test_python_dash_m_tools_check(tmp_path: Path) -> None:
    """The real entry point, in a child process: exit codes 1 and 0."""
    write_seeds(tmp_path, notes=BROKEN_NOTES)
    broken = subprocess.run([sys.executable, "-m", "tools", "check"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert broken.returncode == 1
    assert broken.stderr.splitlines()[0].startswith("seeds/notes.yml:2:10: error: the quote “not in the text”")
    assert broken.stderr.splitlines()[-1] == "3 error(s), 0 warning(s)"
    good = subprocess.run([sys.executable, "-m", "tools", "--seeds", str(ROOT / "seeds"), "check"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert good.returncode == 0, good.stderr
    assert good.stdout.startswith("seeds OK: 3 texts, ")
    assert " error: " not in good.stderr


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["chek"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'chek'" in capsys.readouterr().err


def test_a_changed_site_url_reaches_the_pages_in_one_process(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 12: text pages were cached on everything but SITE_URL, so a second generation in one
    process (the live preview, a test run) kept the first address in every citation."""
    write_seeds(here)
    page = here / "docs" / "texts" / "one.md"
    for address in ("https://first.example/edition/", "https://second.example/edition/"):
        monkeypatch.setenv("SITE_URL", address)
        assert main(["generate"]) == 0
        assert f"{address}texts/one/" in page.read_text(encoding="utf-8")
    monkeypatch.delenv("SITE_URL")
    assert main(["generate"]) == 0
    assert "example/edition" not in page.read_text(encoding="utf-8")


def test_generate_refuses_a_site_url_it_cannot_use(here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    write_seeds(here)
    monkeypatch.setenv("SITE_URL", "javascript:alert(1)")
    assert main(["generate"]) == 1
    assert "error: SITE_URL 'javascript:alert(1)' cannot be used" in capsys.readouterr().err
    assert not (here / "docs" / "texts" / "one.md").exists()


def test_an_unexpected_failure_is_one_message_not_a_traceback(here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 13, item 7: no traceback ever reaches an editor, even from a bug."""
    import tools.cli

    def broken(seeds: Path) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(tools.cli, "check", broken)
    monkeypatch.delenv("EDITION_DEBUG", raising=False)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: the generator failed unexpectedly (RecursionError: maximum recursion depth exceeded); nothing was published.")
    assert "Traceback" not in err
