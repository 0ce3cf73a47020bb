"""Warnings that need a complete, annotated edition (after stage 3), so that they never follow from
another error: entries no text uses, sources nothing cites."""
from __future__ import annotations

from tools.annotate.edition import AnnotatedEdition
from tools.problems import Problem, warning
from tools.source.normalize import match_key
from tools.validate.rules import citations


def usage_warnings(edition: AnnotatedEdition) -> list[Problem]:
    """Entries no text uses and no other entry points to; sources that no note, entry or text cites."""
    used = {o.term.id for t in edition.texts for o in t.occurrences}
    related = {match_key(r.value) for t in edition.edition.terms for r in t.related}
    cited = {c.source for c in citations(edition.edition)}
    unused_sources = [
        warning(s.position, "unused-source", f"the source '{s.id}' is cited nowhere; cite it from a note, a glossary entry or a text's metadata, or remove it")
        for s in edition.edition.sources
        if s.id not in cited
    ]
    return unused_sources + [
        warning(
            t.position,
            "unused-term",
            f"'{t.term}' occurs in no text and no entry lists it under 'related'; add an alias matching the texts' wording, "
            "list it under a related entry's 'related', or remove it",
        )
        for t in edition.edition.terms
        if t.id not in used and match_key(t.term) not in related
    ]
