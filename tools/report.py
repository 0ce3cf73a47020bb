"""Problems printed for a person (text), for GitHub's pull-request view (workflow commands), or as JSON.

GitHub reads lines such as `::error file=seeds/glossary.yml,line=3,col=9,title=choice::message` from a
workflow step's output and shows each on the changed line of the pull request. Its escaping (from the
actions/toolkit `command` module): in the message, % CR LF become %25 %0D %0A; in a property value also
: and , become %3A and %2C, since they separate the properties.
"""
from __future__ import annotations

import json
from typing import Literal

from tools.problems import Problem

Format = Literal["text", "github", "json"]
FORMATS: tuple[str, ...] = ("text", "github", "json")


def summary(problems: list[Problem]) -> str:
    """'N error(s), M warning(s)'."""
    errors = sum(p.severity == "error" for p in problems)
    return f"{errors} error(s), {len(problems) - errors} warning(s)"


def escape_data(value: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit does."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A workflow command's property value (file=, title=), escaped as GitHub's toolkit does."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_command(problem: Problem) -> str:
    """One problem as a GitHub workflow command (::error or ::warning)."""
    where = problem.position
    properties = {"file": where.path, "line": str(where.line), "col": str(where.col), "title": problem.code}
    shown = ",".join(f"{name}={escape_property(value)}" for name, value in properties.items())
    return f"::{problem.severity} {shown}::{escape_data(problem.message)}"


def as_json(problems: list[Problem]) -> str:
    """Every problem as one JSON document: file, line, col, severity, code, message; and the counts."""
    errors = sum(p.severity == "error" for p in problems)
    document = {
        "problems": [
            {
                "file": p.position.path,
                "line": p.position.line,
                "col": p.position.col,
                "severity": p.severity,
                "code": p.code,
                "message": p.message,
            }
            for p in problems
        ],
        "errors": errors,
        "warnings": len(problems) - errors,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
