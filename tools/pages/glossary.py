"""Writes the glossary page: entries A to Z, browsing by kind, and every occurrence in context."""
from __future__ import annotations

from itertools import groupby

from tools.annotate.edition import AnnotatedEdition
from tools.model import TERM_KINDS, Term
from tools.pages.markup import md_escape
from tools.pages.parts import entry_head, front_matter, references_html, snippet

KIND_PLURALS = {
    "concept": "Concepts",
    "treaty": "Treaties",
    "weapon system": "Weapon systems",
    "organisation": "Organisations",
    "person": "People",
    "place": "Places",
    "event": "Events",
}


def _letter(term: Term) -> str:
    first = term.term.strip()[:1].upper()
    return first if first.isalpha() else "#"


def _sort_key(term: Term) -> str:
    return term.term.casefold()


def _by_kind(terms: list[Term]) -> str:
    lines = []
    for kind in TERM_KINDS:
        members = [t for t in terms if t.kind == kind]
        if members:
            links = " · ".join(f"[{md_escape(t.term)}](#{t.id})" for t in members)
            lines.append(f'<p class="by-kind" id="kind-{kind.replace(" ", "-")}" markdown="1">**{KIND_PLURALS[kind]}** ({len(members)}): {links}</p>')
    return "## Browse by kind { #by-kind }\n\n" + "\n\n".join(lines) + "\n"


def _entry(term: Term, edition: AnnotatedEdition, names: dict[str, Term]) -> str:
    parts = entry_head(term, term.id)
    if term.aliases:
        parts.append("**Also written:** " + ", ".join(md_escape(a.value) for a in term.aliases) + "\n{ .entry-aliases }")
    related = [names[r.value.casefold()] for r in term.related if r.value.casefold() in names]
    if related:
        parts.append("**Related:** " + " · ".join(f"[{md_escape(r.term)}](#{r.id})" for r in related) + "\n{ .entry-related }")
    if term.events:
        events = "\n".join(f"- {md_escape(e.date.display())}: {md_escape(e.label)}" for e in sorted(term.events, key=lambda e: e.date))
        parts.append("**Dates:**\n\n" + events)
    if term.references:
        parts.append("**References:**\n\n" + f'<div class="entry-references">{references_html(term.references)}</div>')
    occurrences = edition.occurrences_of(term)
    if occurrences:
        items = []
        for o in occurrences:
            text = edition.text(o.text).text
            body = text.paragraphs[o.paragraph - 1].text
            items.append(f"- [{md_escape(text.shown_title)}, ¶{o.paragraph}](texts/{text.slug}.md#p{o.paragraph}): {snippet(body, o.start, o.end)}")
        parts.append(f"**Appears in** ({len(occurrences)}):\n\n" + "\n".join(items))
    else:
        parts.append("*Not found in the texts of this edition.*")
    return "\n\n".join(parts)


def write_glossary_page(edition: AnnotatedEdition) -> tuple[str, str]:
    """The glossary page's path under docs/ and its Markdown."""
    terms = sorted(edition.edition.terms, key=_sort_key)
    names = {t.term.casefold(): t for t in terms}
    letters = [letter for letter, _ in groupby(terms, key=_letter)]
    az = " ".join(f"[{md_escape(letter)}](#letter-{_letter_id(letter)})" for letter in letters)
    sections = []
    for letter, group in groupby(terms, key=_letter):
        entries = "\n\n".join(_entry(t, edition, names) for t in group)
        sections.append(f"## {md_escape(letter)} {{ #letter-{_letter_id(letter)} }}\n\n{entries}")
    intro = (
        f"{len(terms)} entries: the concepts, treaties, weapon systems, organisations, people, places and events "
        "the texts name. Each lists every place it appears in the texts, with the words around it."
    )
    parts = [
        front_matter("Glossary", intro),
        "# Glossary\n",
        intro + "\n",
        f'<nav class="glossary-az" aria-label="Entries by letter" markdown="1">{az}</nav>\n',
        _by_kind(terms),
        "\n\n".join(sections),
    ]
    return "glossary.md", "\n\n".join(parts).rstrip() + "\n"


def _letter_id(letter: str) -> str:
    return "other" if letter == "#" else letter.lower()
