"""Writes the glossary page: entries A to Z, browsing by kind, and where each entry appears, in context:
the first places, and a link to the entry's occurrence page when there are more (tools/pages/occurrences.py)."""
from __future__ import annotations

from itertools import groupby

from tools.annotate.edition import AnnotatedEdition, resolve
from tools.model import Kind, Term
from tools.pages.head import head_fields
from tools.pages.linkeddata import glossary_jsonld
from tools.pages.markup import attr_value, md_escape
from tools.pages.occurrences import SHOWN, has_page, occurrence_list, occurrence_page
from tools.pages.parts import BIBLIOGRAPHY, entry_head, front_matter, label, related_terms, sources_html
from tools.source.normalize import match_key
from tools.strings import Words


def _letter(term: Term) -> str:
    first = term.term.strip()[:1].upper()
    return first if first.isalpha() else "#"


def _sort_key(term: Term) -> str:
    return term.term.casefold()


def _by_kind(terms: list[Term], kinds: tuple[Kind, ...], words: Words) -> str:
    lines = []
    for kind in kinds:
        members = [t for t in terms if t.kind == kind.name]
        if members:
            links = " · ".join(f"[{md_escape(t.term)}](#{t.id})" for t in members)
            lines.append(f'<p class="by-kind" id="kind-{kind.anchor}" markdown="1">**{md_escape(kind.plural)}** ({len(members)}): {links}</p>')
    return f"## {md_escape(words('glossary.by_kind'))} {{ #by-kind }}\n\n" + "\n\n".join(lines) + "\n"


def _entry(term: Term, edition: AnnotatedEdition, names: dict[str, Term], words: Words) -> str:
    parts = entry_head(term, term.id)
    if term.aliases:
        parts.append(f"{label(words, 'glossary.also_written')} " + ", ".join(md_escape(a.value) for a in term.aliases) + "\n{ .entry-aliases }")
    related = related_terms(term, names)
    if related:
        parts.append(f"{label(words, 'glossary.related')} " + " · ".join(f"[{md_escape(r.term)}](#{r.id})" for r in related) + "\n{ .entry-related }")
    if term.events:
        events = "\n".join(f"- {md_escape(words.date(e.date))}: {md_escape(e.label)}" for e in sorted(term.events, key=lambda e: e.date))
        parts.append(f"{label(words, 'glossary.dates')}\n\n" + events)
    references = sources_html(resolve(edition.edition, term.references), BIBLIOGRAPHY, words("glossary.references"), words)
    if references:
        parts.append(f'<div class="entry-references" markdown="1">{references}</div>')
    occurrences = edition.occurrences_of(term)
    if occurrences:
        listed = f"**{md_escape(words('glossary.appears_in'))}** ({words.number(len(occurrences))}):\n\n" + occurrence_list(occurrences[:SHOWN], edition)
        if has_page(occurrences):
            every = words.count("glossary.all_places", len(occurrences))
            listed += f"\n\n[{md_escape(every)}]({occurrence_page(term)})\n{{ .entry-all-places }}"
        parts.append(listed)
    else:
        parts.append(f"*{md_escape(words('glossary.not_found'))}*")
    return "\n\n".join(parts)


def write_glossary_page(edition: AnnotatedEdition, site_url: str = "") -> tuple[str, str]:
    """The glossary page's path under docs/ and its Markdown."""
    settings = edition.edition.settings
    words = settings.words
    terms = sorted(edition.edition.terms, key=_sort_key)
    names = {match_key(t.term): t for t in terms}
    letters = [letter for letter, _ in groupby(terms, key=_letter)]
    az = " ".join(f"[{md_escape(letter)}](#letter-{_letter_id(letter)})" for letter in letters)
    sections = []
    for letter, group in groupby(terms, key=_letter):
        entries = "\n\n".join(_entry(t, edition, names, words) for t in group)
        sections.append(f"## {md_escape(letter)} {{ #letter-{_letter_id(letter)} }}\n\n{entries}")
    intro = words("glossary.intro", count=words.number(len(terms)))
    title = words("glossary.title")
    parts = [
        front_matter(title, intro, head_fields([], glossary_jsonld(edition, site_url))),
        f"# {md_escape(title)}\n",
        md_escape(intro) + "\n",
        f'<nav class="glossary-az" aria-label="{attr_value(words("glossary.by_letter"))}" markdown="1">{az}</nav>\n',
        _by_kind(terms, settings.term_kinds, words),
        "\n\n".join(sections),
    ]
    return "glossary.md", "\n\n".join(parts).rstrip() + "\n"


def _letter_id(letter: str) -> str:
    return "other" if letter == "#" else letter.lower()
