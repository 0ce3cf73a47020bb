"""Names editors give (terms, text file names) that would become the same anchor or address as
something the generated pages make themselves: a gloss would land on the wrong heading, a
citation would 404. Each rule names both places.

Rules (code: what it catches):
  reserved-name     a text named 'index': its page would be the texts' folder page
  anchor-collision  a term whose glossary anchor is one of the glossary page's own (by-kind,
                    kind-..., letter-...), or a text whose name is an anchor of the print page
                    (contents, introduction, principles, glossary, bibliography, g-..., source-...,
                    or another text's NAME-notes, NAME-pN, NAME-note-N)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from tools.model import Edition
from tools.problems import Position, Problem, error

# The glossary page's own anchors (tools/pages/glossary.py): the kind index and the letter headings.
GLOSSARY_PAGE = re.compile(r"by-kind|kind-.+|letter-.+")
# The print page's own anchors (tools/pages/printed.py), and the prefixes of its glossary and source entries.
PRINT_PAGE = frozenset({"contents", "introduction", "principles", "glossary", "bibliography"})
PRINT_PREFIXES = ("g-", "source-")
# What the print page adds to a text's name for its parts.
_TEXT_PART = re.compile(r"(?P<base>.+)-(?P<part>notes|p\d+|note-\d+)")
RESERVED_TEXT_NAMES = frozenset({"index"})


def anchor_problems(edition: Edition) -> Iterator[Problem]:
    """Every editor-given name that collides with a generated anchor or address."""
    for term in edition.terms:
        if GLOSSARY_PAGE.fullmatch(term.id):
            yield error(
                term.position,
                "anchor-collision",
                f"the term '{term.term}' gets the glossary anchor '#{term.id}', which the glossary page uses for its own "
                "headings (by-kind, kind-..., letter-...), so its glosses would land there; write the term differently",
            )
    slugs = {t.slug: t for t in edition.texts}
    for text in edition.texts:
        where = Position(text.path)
        if text.slug in RESERVED_TEXT_NAMES:
            yield error(where, "reserved-name", f"a text cannot be named '{text.slug}': its page would be the texts' folder page and its address would not work; rename the file")
        elif text.slug in PRINT_PAGE or text.slug.startswith(PRINT_PREFIXES):
            yield error(
                where,
                "anchor-collision",
                f"the text's name '{text.slug}' is an anchor the print page uses itself ('#{text.slug}'), so links to the text there "
                "would land on the wrong section; rename the file",
            )
        part = _TEXT_PART.fullmatch(text.slug)
        if part and part.group("base") in slugs:
            other = slugs[part.group("base")]
            yield error(
                where,
                "anchor-collision",
                f"the text's name '{text.slug}' is also the print page's anchor for {part.group('part')} of {other.path} "
                f"('#{text.slug}'); rename one of the two files",
            )
