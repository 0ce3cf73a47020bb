"""Stage 3: find every term occurrence, choose which are glossed, place notes and cross-links, and
resolve citations to their sources (and each source to the places that cite it)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from tools.annotate.matcher import TermMatcher
from tools.model import Citation, CrossLink, Edition, Note, Paragraph, QuoteRef, Settings, Source, Term, Text
from tools.source.quotes import QuoteFinder, Span

# Paragraph roles whose words are never glossed: a headline is a heading.
PROTECTED_ROLES = frozenset({"headline"})


class Occurrence(NamedTuple):
    """One place a glossary term occurs; glossed ones become links with a tooltip.

    A named tuple, not a dataclass: an edition holds many, and a tuple is much quicker to make."""

    term: Term
    text: str
    paragraph: int
    start: int
    end: int
    glossed: bool


class Cited(NamedTuple):
    """A citation resolved to its source, numbered in the order the note (or entry, or text) gives them."""

    number: int
    source: Source
    at: str | None


@dataclass(frozen=True)
class PlacedNote:
    """A note anchored at the end of its quotation, numbered in reading order within its text, with its sources."""

    number: int
    note: Note
    span: Span
    sources: tuple[Cited, ...] = ()


@dataclass(frozen=True)
class CitingPlace:
    """A place that cites a source: a note, a text's headnote or quotation (paragraph), or a glossary entry."""

    text: Text | None = None
    note: PlacedNote | None = None
    paragraph: int | None = None
    term: Term | None = None


@dataclass(frozen=True)
class LinkEnd:
    """One end of a cross-link as seen from a text: here, and the passage it points to."""

    link: CrossLink
    here: Span
    other: Text
    there: Span
    there_quote: str


@dataclass(frozen=True)
class AnnotatedText:
    text: Text
    occurrences: tuple[Occurrence, ...]
    notes: tuple[PlacedNote, ...]
    links: tuple[LinkEnd, ...]
    sources: tuple[Cited, ...] = ()  # the headnote's
    quoted: tuple[tuple[int, Cited], ...] = ()  # each quotation paragraph's source

    def quoted_from(self, paragraph: Paragraph) -> Cited | None:
        return next((cited for number, cited in self.quoted if number == paragraph.number), None)

    def in_paragraph(self, paragraph: Paragraph) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if o.paragraph == paragraph.number)


@dataclass(frozen=True)
class AnnotatedEdition:
    edition: Edition
    texts: tuple[AnnotatedText, ...]

    def occurrences_of(self, term: Term) -> list[Occurrence]:
        return list(self._by_term.get(term.id, ()))

    def citing(self, source: Source) -> list[CitingPlace]:
        """Every place that cites the source: texts in reading order (headnote, quotations, notes), then entries A to Z."""
        return list(self._citing.get(source.id, ()))

    @cached_property
    def _citing(self) -> dict[str, list[CitingPlace]]:
        found: dict[str, list[CitingPlace]] = defaultdict(list)

        def add(citations: tuple[Citation, ...], place: CitingPlace) -> None:
            for source in dict.fromkeys(c.source for c in citations):
                found[source].append(place)

        for annotated in self.texts:
            text = annotated.text
            if text.meta:
                add(text.meta.sources, CitingPlace(text=text))
                for passage in text.meta.passages:
                    if passage.citation:
                        add((passage.citation,), CitingPlace(text=text, paragraph=passage.paragraph))
            for placed in annotated.notes:
                add(placed.note.sources, CitingPlace(text=text, note=placed))
        for term in sorted(self.edition.terms, key=lambda t: t.term.casefold()):
            add(term.references, CitingPlace(term=term))
        return found

    def text(self, slug: str) -> AnnotatedText:
        return self._by_slug[slug]

    def position(self, slug: str) -> int:
        """The text's place in reading order, from 0."""
        return self._positions[slug]

    # Indexes built on first use: a page writer asks once per entry or per occurrence, and a scan
    # of every text each time makes the glossary page quadratic in the edition's size.
    @cached_property
    def _by_term(self) -> dict[str, list[Occurrence]]:
        found: dict[str, list[Occurrence]] = defaultdict(list)
        for text in self.texts:
            for occurrence in text.occurrences:
                found[occurrence.term.id].append(occurrence)
        return found

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {text.text.slug: n for n, text in enumerate(self.texts)}

    @cached_property
    def _by_slug(self) -> dict[str, AnnotatedText]:
        texts: dict[str, AnnotatedText] = {}
        for text in self.texts:
            texts.setdefault(text.text.slug, text)
        return texts


def _occurrences(text: Text, matcher: TermMatcher, terms: dict[str, Term], settings: Settings) -> tuple[Occurrence, ...]:
    found: list[Occurrence] = []
    modes = {kind: settings.gloss_for(kind) for kind in {t.kind for t in terms.values()}}
    in_text: set[str] = set()  # terms met so far in the text (first-per-page)
    paragraphs = [p for p in text.paragraphs if p.role not in PROTECTED_ROLES]
    for paragraph, matches in zip(paragraphs, matcher.find_all([p.text for p in paragraphs]), strict=True):
        in_paragraph: set[str] = set()
        for start, end, term_id in matches:
            term = terms[term_id]
            mode = modes[term.kind]
            seen = in_text if mode == "first-per-page" else in_paragraph
            found.append(Occurrence(term, text.slug, paragraph.number, start, end, mode == "every" or term_id not in seen))
            in_paragraph.add(term_id)
            in_text.add(term_id)
    return tuple(found)


def _locate(texts: dict[str, Text], finders: dict[str, QuoteFinder], ref: QuoteRef) -> tuple[Text, Span] | None:
    """The passage a quotation refers to, if it occurs exactly once (finders: one per text, made on first use)."""
    text = texts.get(ref.text)
    if text is None:
        return None
    if ref.text not in finders:
        finders[ref.text] = QuoteFinder(text)
    spans = finders[ref.text].find(ref.quote)
    return (text, spans[0]) if len(spans) == 1 else None


def resolve(edition: Edition, citations: tuple[Citation, ...]) -> tuple[Cited, ...]:
    """Citations resolved to their sources, numbered from 1; a citation of an unknown id is left out."""
    found = [(edition.source(c.source), c.at) for c in citations]
    return tuple(Cited(n, source, at) for n, (source, at) in enumerate(((s, a) for s, a in found if s is not None), start=1))


def _quoted(edition: Edition, text: Text) -> tuple[tuple[int, Cited], ...]:
    passages = text.meta.passages if text.meta else ()
    return tuple((p.paragraph, cited[0]) for p in passages if p.citation and (cited := resolve(edition, (p.citation,))))


def annotate(edition: Edition) -> AnnotatedEdition:
    """Occurrences, placed notes and both ends of each cross-link, per text (validated input expected)."""
    terms = {t.id: t for t in edition.terms}
    matcher = TermMatcher(edition.terms)
    texts: dict[str, Text] = {}
    for text in edition.texts:
        texts.setdefault(text.slug, text)
    finders: dict[str, QuoteFinder] = {}
    notes: dict[str, list[tuple[Span, Note]]] = defaultdict(list)
    for note in edition.notes:
        where = _locate(texts, finders, note.anchor)
        if where:
            notes[where[0].slug].append((where[1], note))
    links: dict[str, list[LinkEnd]] = defaultdict(list)
    for link in edition.crosslinks:
        a, b = _locate(texts, finders, link.start), _locate(texts, finders, link.end)
        if a and b:
            links[a[0].slug].append(LinkEnd(link, a[1], b[0], b[1], link.end.quote))
            links[b[0].slug].append(LinkEnd(link, b[1], a[0], a[1], link.start.quote))
    annotated = []
    for text in edition.texts:
        placed = sorted(notes[text.slug], key=lambda item: (item[0].paragraph, item[0].end, item[0].start))
        annotated.append(
            AnnotatedText(
                text=text,
                occurrences=_occurrences(text, matcher, terms, edition.settings),
                notes=tuple(PlacedNote(n, note, span, resolve(edition, note.sources)) for n, (span, note) in enumerate(placed, start=1)),
                links=tuple(sorted(links[text.slug], key=lambda e: (e.here.paragraph, e.here.start))),
                sources=resolve(edition, text.meta.sources) if text.meta else (),
                quoted=_quoted(edition, text),
            )
        )
    return AnnotatedEdition(edition, tuple(annotated))
