"""The edition's domain: frozen records that flow load -> validate -> annotate -> write."""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from tools.problems import Position
from tools.strings import Words, words_for

GlossMode = Literal["first-per-paragraph", "every", "first-per-page"]
GLOSS_MODES: tuple[str, ...] = ("first-per-paragraph", "every", "first-per-page")
NOTE_KINDS: tuple[str, ...] = ("context", "source", "disputed", "correction")
PASSAGE_ROLES: tuple[str, ...] = ("headline", "standfirst", "quotation")
SOURCE_KINDS: tuple[str, ...] = ("primary", "news report", "scholarship", "reference", "partisan outlet")
# Note kinds that rest on sources: such a note must cite at least this many.
NOTE_MIN_SOURCES: dict[str, int] = {"source": 1, "correction": 1, "disputed": 2}
# The most characters of a text's first line that stand as its title when it has no metadata.
TITLE_FROM_TEXT = 120


@dataclass(frozen=True)
class Kind:
    """A kind of glossary entry or of text, as the edition declares it (term_kinds, text_kinds)."""

    name: str
    plural: str
    description: str = ""
    position: Position = Position("seeds/edition.yml")

    @property
    def anchor(self) -> str:
        return slugify(self.name)


# The kinds an edition has when its edition.yml declares none.
DEFAULT_TERM_KINDS: tuple[Kind, ...] = (
    Kind("concept", "Concepts", "an idea or technical term"),
    Kind("treaty", "Treaties", "an agreement between states"),
    Kind("weapon system", "Weapon systems", "a weapon, missile or defence system"),
    Kind("organisation", "Organisations", "a state body, alliance, company or other organisation"),
    Kind("person", "People", "a person"),
    Kind("place", "Places", "a country, region, city or site"),
    Kind("event", "Events", "something that happened at a time"),
)
DEFAULT_TEXT_KINDS: tuple[Kind, ...] = (
    Kind("news report", "News reports", "an article reporting news"),
    Kind("commentary", "Commentaries", "an opinion piece or blog post"),
    Kind("official statement", "Official statements", "a statement issued by a government or organisation"),
)
TEXT_KINDS: tuple[str, ...] = tuple(k.name for k in DEFAULT_TEXT_KINDS)


def slugify(value: str) -> str:
    """A stable, readable anchor and file name for a term or title, in any script.

    Latin letters lose their accents ("Émigré" -> "emigre", "ABM Treaty" -> "abm-treaty"), as
    anchors always had; letters of other scripts stay as they are, in lower case ("Договор по ПРО" ->
    "договор-по-про", "导弹防御" -> "导弹防御"), as Python-Markdown's slugify_unicode keeps them. A
    name with no letter or digit at all ("§", "+++") gets its characters' code points ("u-a7")."""
    decomposed = unicodedata.normalize("NFKD", value)
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue  # an accent on a Latin letter
        kept.append(char)
    text = unicodedata.normalize("NFC", "".join(kept)).lower()
    words = "".join(c if c.isalnum() or unicodedata.category(c).startswith("M") else " " for c in text)
    slug = "-".join(words.split())
    if slug:
        return slug
    return "u-" + "-".join(f"{ord(c):x}" for c in value.strip()) if value.strip() else "entry"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month, the year, or not at all."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Literal["day", "month", "year", "unknown"]:
        if self.year is None:
            return "unknown"
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def iso(self) -> str:
        parts = [f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate((self.year, self.month, self.day)) if p]
        return "-".join(parts) or "unknown"

    def formatted(self, unknown: str, month_year: str, full: str) -> str:
        """The date in one of three patterns by precision (fields {year}, {month} by name, {day}); a year alone stands as it is."""
        if self.year is None:
            return unknown
        if self.month is None:
            return str(self.year)
        pattern = month_year if self.day is None else full
        return pattern.format(year=self.year, month=calendar.month_name[self.month], day=self.day)

    @staticmethod
    def parse(value: str) -> PartialDate | None:
        """Parse 'unknown', YYYY, YYYY-MM or YYYY-MM-DD; None when the value is not one of these."""
        if value.strip().lower() == "unknown":
            return PartialDate()
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            return None
        if day is not None and (month is None or not 1 <= day <= calendar.monthrange(year or 1, month)[1]):
            return None
        return PartialDate(year, month, day)


@dataclass(frozen=True)
class Source:
    """One work the edition relies on (seeds/sources.yml), cited elsewhere by its id."""

    id: str
    authors: tuple[str, ...]
    title: str
    outlet: str
    details: str | None
    date: PartialDate
    url: str | None
    kind: str
    note: str | None
    position: Position
    url_at: Position | None = None  # where the URL was written, for messages

    @property
    def descriptive(self) -> bool:
        """True when the title is the editors' description of an untitled work, written in [square brackets]."""
        return self.title.startswith("[") and self.title.endswith("]")

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Bibliography order: the first author's surname (last word of the name), else the title."""
        first = self.authors[0].split()[-1] if self.authors else self.title.strip("[]“”\"' ")
        return (first.casefold(), self.title.casefold(), self.id)


@dataclass(frozen=True)
class Citation:
    """A reference to a source by its id, with an optional locator (page, document, paragraph)."""

    source: str
    at: str | None
    position: Position


@dataclass(frozen=True)
class DatedEvent:
    date: PartialDate
    label: str
    position: Position


@dataclass(frozen=True)
class Passage:
    """A paragraph's role in a text: headline, standfirst, or a quotation with the source it is quoted from."""

    paragraph: int
    role: str
    citation: Citation | None
    position: Position


@dataclass(frozen=True)
class TextMeta:
    """Editorial metadata of one text (seeds/texts/<slug>.yml)."""

    title: str
    editorial_title: bool
    order: int | None
    source: str
    author: str | None
    url: str | None
    date: PartialDate
    date_note: str | None
    kind: str
    headnote: str
    passages: tuple[Passage, ...]
    sources: tuple[Citation, ...]
    position: Position
    kind_at: Position = Position("seeds/texts")
    language: str | None = None
    title_at: Position | None = None  # where each field was written, for messages
    headnote_at: Position | None = None
    url_at: Position | None = None


@dataclass(frozen=True)
class Paragraph:
    """One blank-line-separated block of a text, numbered from 1."""

    number: int
    text: str
    line: int
    role: str | None = None
    citation: Citation | None = None

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


@dataclass(frozen=True)
class Text:
    """A source text exactly as published, split into paragraphs, with its metadata if any."""

    slug: str
    path: str
    raw: str
    paragraphs: tuple[Paragraph, ...]
    meta: TextMeta | None

    @property
    def title(self) -> str:
        """The metadata's title, else the text's first line (its first TITLE_FROM_TEXT characters, cut
        between words: a one-line text is not a title)."""
        if self.meta:
            return self.meta.title
        # Only a prefix is looked at: pages ask for the title once per occurrence, and a one-line text
        # of a megabyte split on every call made generation quadratic.
        start = self.paragraphs[0].text[: TITLE_FROM_TEXT * 4] if self.paragraphs else self.slug
        line, newline, _ = start.partition("\n")
        first = " ".join(line.split())
        cut_off = not newline and bool(self.paragraphs) and len(self.paragraphs[0].text) > len(start)
        if len(first) <= TITLE_FROM_TEXT and not cut_off:
            return first
        cut = first[:TITLE_FROM_TEXT].rsplit(" ", 1)[0] if " " in first[:TITLE_FROM_TEXT] else first[:TITLE_FROM_TEXT]
        return cut + "…"

    @property
    def shown_title(self) -> str:
        """The title as readers see it: editorial titles in square brackets."""
        return f"[{self.title}]" if self.meta and self.meta.editorial_title else self.title

    @property
    def date(self) -> PartialDate:
        return self.meta.date if self.meta else PartialDate()

    @property
    def words(self) -> int:
        return len(self.raw.split())

    @property
    def language(self) -> str | None:
        """The text's own language when its metadata declares one (else the edition's applies)."""
        return self.meta.language if self.meta else None


@dataclass(frozen=True)
class Named:
    """A name written in a YAML file (an alias, a related entry), with where it was written."""

    value: str
    position: Position


@dataclass(frozen=True)
class Term:
    """A glossary entry."""

    id: str
    term: str
    expansion: str | None
    kind: str
    short: str
    definition: str
    aliases: tuple[Named, ...]
    case_sensitive: bool | None
    related: tuple[Named, ...]
    events: tuple[DatedEvent, ...]
    references: tuple[Citation, ...]
    position: Position
    kind_at: Position = Position("seeds/glossary.yml")
    short_at: Position | None = None  # where each field was written, for messages
    definition_at: Position | None = None

    @property
    def patterns(self) -> tuple[str, ...]:
        """Every form matched in running text: the term, its expansion, its aliases."""
        forms = [self.term] + ([self.expansion] if self.expansion else []) + [a.value for a in self.aliases]
        return tuple(dict.fromkeys(forms))


@dataclass(frozen=True)
class QuoteRef:
    """An exact quotation in one text, as written in notes.yml or crosslinks.yml."""

    text: str
    quote: str
    position: Position
    text_position: Position


@dataclass(frozen=True)
class Note:
    kind: str
    anchor: QuoteRef
    body: str
    sources: tuple[Citation, ...]
    position: Position
    body_at: Position | None = None  # where the note's text was written, for messages


@dataclass(frozen=True)
class CrossLink:
    label: str
    start: QuoteRef
    end: QuoteRef
    position: Position


@dataclass(frozen=True)
class Settings:
    """Edition-wide settings (seeds/edition.yml)."""

    title: str
    subtitle: str
    slug: str
    language: str
    gloss: GlossMode
    introduction: str
    principles: str
    editors: tuple[str, ...] = ()
    publisher: str | None = None
    published: PartialDate = PartialDate()
    introduction_at: Position = Position("seeds/edition.yml")
    title_at: Position = Position("seeds/edition.yml")
    principles_at: Position = Position("seeds/edition.yml")
    term_kinds: tuple[Kind, ...] = DEFAULT_TERM_KINDS
    text_kinds: tuple[Kind, ...] = DEFAULT_TEXT_KINDS
    strings: tuple[tuple[str, str], ...] = ()

    # (term kind, gloss mode) pairs that override gloss for terms of that kind.
    gloss_by_kind: tuple[tuple[str, GlossMode], ...] = ()

    @property
    def words(self) -> Words:
        """The edition's interface strings and its language's formats."""
        return words_for(self.language, self.strings)

    def gloss_for(self, kind: str) -> GlossMode:
        """The gloss mode for terms of one kind."""
        return dict(self.gloss_by_kind).get(kind, self.gloss)


@dataclass(frozen=True)
class Edition:
    """Everything an edition is made of, as loaded from seeds/."""

    settings: Settings
    texts: tuple[Text, ...]
    terms: tuple[Term, ...]
    notes: tuple[Note, ...]
    crosslinks: tuple[CrossLink, ...]
    sources: tuple[Source, ...] = ()
    # Names of texts whose file exists but could not be read (its error is reported once, at the file).
    unreadable: frozenset[str] = frozenset()

    def text(self, slug: str) -> Text | None:
        return next((t for t in self.texts if t.slug == slug), None)

    def source(self, id: str) -> Source | None:
        """The source with this id (the first, if an editor gave two the same id)."""
        return self._sources_by_id.get(id)

    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        found: dict[str, Source] = {}
        for source in self.sources:
            found.setdefault(source.id, source)
        return found
