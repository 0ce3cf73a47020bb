"""The generator's stages in order: load -> validate -> annotate -> write."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tools.annotate.edition import AnnotatedEdition, annotate
from tools.annotate.usage import usage_warnings
from tools.pages.printed import PAGE as PRINT_PAGE
from tools.pages.text import PageMemo
from tools.pages.write import render_pages, write_pages
from tools.problems import Problem, has_errors, sorted_problems
from tools.source.load import load_edition
from tools.validate.rules import validate


@dataclass(frozen=True)
class Checked:
    """The outcome of checking seeds/: every problem, and the annotated edition when there is no error."""

    problems: list[Problem]
    edition: AnnotatedEdition | None


def check(seeds: Path) -> Checked:
    """Load, validate and annotate; nothing is written."""
    edition, problems = load_edition(seeds)
    problems += validate(edition)
    if has_errors(problems):
        return Checked(sorted_problems(problems), None)
    annotated = annotate(edition)
    return Checked(sorted_problems(problems + usage_warnings(annotated)), annotated)


def generate(seeds: Path, docs: Path, site_url: str = "", memo: PageMemo | None = None, hold_print: bool = False) -> tuple[Checked, list[str]]:
    """Check seeds/ and, when it has no error, write the pages into docs/; returns what changed.

    site_url: the hosted site's address, checked ("" when unknown); memo: the live preview's text pages;
    hold_print: neither render nor write the print page, and keep the one in docs/ (the live preview)."""
    checked = check(seeds)
    if checked.edition is None:
        return checked, []
    pages = render_pages(checked.edition, site_url, memo, hold_print)
    return checked, write_pages(pages, docs, held=(PRINT_PAGE,) if hold_print else ())
