"""Problems as GitHub workflow commands and as JSON: `python -m tools check --format github|json`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import write_seeds
from test_cli import BROKEN_NOTES

from tools.cli import main
from tools.problems import Position, error, warning
from tools.report import as_json, escape_data, escape_property, github_command


def test_escaping_follows_githubs_toolkit() -> None:
    assert escape_data("50% of it\r\nnext: a, b") == "50%25 of it%0D%0Anext: a, b"
    assert escape_property("dir,x/a:b%\n.yml") == "dir%2Cx/a%3Ab%25%0A.yml"


def test_error_command_pinned() -> None:
    problem = error(Position("seeds/glossary.yml", 3, 9), "choice", "'kind' is 'x'; choose one of: a, b")
    assert github_command(problem) == "::error file=seeds/glossary.yml,line=3,col=9,title=choice::'kind' is 'x'; choose one of: a, b"


def test_warning_command_with_every_special_character() -> None:
    problem = warning(Position("seeds/odd,name:1%.yml", 12, 1), "unused-term", "100% unused\nsecond line\r")
    assert github_command(problem) == (
        "::warning file=seeds/odd%2Cname%3A1%25.yml,line=12,col=1,title=unused-term::100%25 unused%0Asecond line%0D"
    )


def test_check_format_github_pinned(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_seeds(here, notes=BROKEN_NOTES)
    assert main(["check", "--format", "github"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "::error file=seeds/notes.yml,line=2,col=10,title=quote-missing::the quote “not in the text” is not in "
        "seeds/texts/one.txt; copy the words exactly from one paragraph (quotes and apostrophes included)",
        "::error file=seeds/notes.yml,line=5,col=9,title=unknown-text::there is no text 'tow'; texts: one",
        "::error file=seeds/notes.yml,line=7,col=9,title=choice::'kind' in a note is 'contxt' (did you mean 'context'?); "
        "choose one of: context, source, disputed, correction",
    ]
    assert err == "3 error(s), 0 warning(s)\n"


def test_check_format_json_pinned(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_seeds(here, notes=BROKEN_NOTES)
    assert main(["check", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    assert json.loads(out) == {
        "problems": [
            {
                "file": "seeds/notes.yml",
                "line": 2,
                "col": 10,
                "severity": "error",
                "code": "quote-missing",
                "message": "the quote “not in the text” is not in seeds/texts/one.txt; copy the words exactly "
                "from one paragraph (quotes and apostrophes included)",
            },
            {"file": "seeds/notes.yml", "line": 5, "col": 9, "severity": "error", "code": "unknown-text", "message": "there is no text 'tow'; texts: one"},
            {
                "file": "seeds/notes.yml",
                "line": 7,
                "col": 9,
                "severity": "error",
                "code": "choice",
                "message": "'kind' in a note is 'contxt' (did you mean 'context'?); choose one of: context, source, disputed, correction",
            },
        ],
        "errors": 3,
        "warnings": 0,
    }


def test_json_layout_pinned() -> None:
    """The exact text, so that a tool reading it line by line sees the same bytes every time."""
    assert as_json([warning(Position("seeds/glossary.yml", 2, 3), "unused-term", "“MAD” occurs in no text")]) == (
        "{\n"
        '  "problems": [\n'
        "    {\n"
        '      "file": "seeds/glossary.yml",\n'
        '      "line": 2,\n'
        '      "col": 3,\n'
        '      "severity": "warning",\n'
        '      "code": "unused-term",\n'
        '      "message": "“MAD” occurs in no text"\n'
        "    }\n"
        "  ],\n"
        '  "errors": 0,\n'
        '  "warnings": 1\n'
        "}"
    )


def test_good_edition_in_each_format(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_seeds(here)
    assert main(["check", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {"problems": [], "errors": 0, "warnings": 0} and err == ""
    assert main(["check", "--format", "github"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("seeds OK: 1 texts") and err == ""
