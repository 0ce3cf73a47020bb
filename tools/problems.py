"""Positioned problems (errors and warnings) and the one way they are printed."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based place in an editor's file."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (error) or worth a look (warning) in seeds/."""

    position: Position
    severity: Severity
    message: str
    code: str

    def format(self) -> str:
        return f"{self.position}: {self.severity}: {self.message} [{self.code}]"


def error(position: Position, code: str, message: str) -> Problem:
    return Problem(position, "error", message, code)


def warning(position: Position, code: str, message: str) -> Problem:
    return Problem(position, "warning", message, code)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in file order, duplicates removed."""
    return sorted(set(problems), key=lambda p: (p.position, p.severity, p.code, p.message))


class EditionError(Exception):
    """A failure an editor or maintainer must see as a clean message, never a traceback."""

    def __init__(self, message: str, problems: Iterable[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = sorted_problems(problems)
