"""Warnings that need the annotated texts (after stage 3): entries no text uses."""
from __future__ import annotations

from tools.annotate.edition import AnnotatedEdition
from tools.problems import Problem, warning
from tools.validate.rules import term_key


def usage_warnings(edition: AnnotatedEdition) -> list[Problem]:
    """Warnings that need the annotated texts: entries no text uses and no other entry points to."""
    used = {o.term.id for t in edition.texts for o in t.occurrences}
    related = {term_key(r.value) for t in edition.edition.terms for r in t.related}
    return [
        warning(
            t.position,
            "unused-term",
            f"'{t.term}' occurs in no text and no entry lists it under 'related'; add an alias matching the texts' wording, "
            "list it under a related entry's 'related', or remove it",
        )
        for t in edition.edition.terms
        if t.id not in used and term_key(t.term) not in related
    ]
