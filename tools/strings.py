"""The reader-facing words of the generated edition: one table, English by default.

Every word a reader sees that does not come from seeds/ (headings, labels, button texts, aria labels,
the script's messages) is looked up here by key, so that an edition in another language (or with
other wording) changes them with `strings:` in seeds/edition.yml, and no edition's words live in code.

How to add a string:
  1. Add a key to STRINGS below, in the group of the page or script that uses it. Keys are lowercase
     words joined by dots and underscores ("text.headnote"); the value is the English wording.
  2. Name what the text interpolates in braces: "Paragraph {number}". Page writers call
     `words("text.paragraph", number=3)`; an override may leave a field out but never add one (the
     loader rejects an unknown field with its position). Write a literal brace as {{ or }}.
  3. A count that needs a singular gets two keys, "<key>.one" and "<key>.other"; call
     `words.count("<key>", n)`, which picks by the language's plural rule (Babel) and passes {count}.
     An edition may add the language's other forms ("<key>.few", "<key>.many", "<key>.two",
     "<key>.zero"), which the table need not list.
  4. Values are plain text, escaped where they are written, except keys ending in "_md": those are
     Markdown (links, `code`, lists), written as they are.
  5. Words the edition's script (tools/assets/edition.js) shows start with "script.": they are written
     into the page's script as window.EDITION_STRINGS and read there with `say("script.copy", {...})`.
  6. Editors find every key in this table (EDITING.md points here); tests/test_strings.py checks that
     every key is used by a page writer or the script, and that the script asks only for known keys.

Dates, numbers and lists are formatted for the edition's `language` with Babel (month names, date
order, thousands separators); the language also sets <html lang> and Material's own interface words.
"""
from __future__ import annotations

import datetime
import functools
import string
from collections.abc import Iterable, Mapping
from typing import Protocol

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_decimal


class Dated(Protocol):
    """A date known to the day, the month, the year or not at all (tools.model.PartialDate)."""

    @property
    def year(self) -> int | None: ...
    @property
    def month(self) -> int | None: ...
    @property
    def day(self) -> int | None: ...

STRINGS: dict[str, str] = {
    # Navigation and page titles (tools/site/build.py, the page writers).
    "nav.home": "Home",
    "nav.texts": "Texts",
    "nav.texts_range": "Texts {first}–{last}",
    "nav.glossary": "Glossary",
    "nav.timeline": "Timeline",
    "nav.term_map": "Term map",
    "nav.bibliography": "Bibliography",
    "nav.print": "Print edition",
    # Material's colour-scheme toggle and heading permalinks (tools/site/build.py).
    "theme.dark_mode": "Switch to dark mode",
    "theme.light_mode": "Switch to light mode",
    "theme.permalink": "Link to this section",
    # Shared pieces.
    "date.unknown": "date unknown",
    "time.minutes": "{minutes} min",
    "words.count.one": "{count} word",
    "words.count.other": "{count} words",
    # Notes (kinds are the generator's: context, source, disputed, correction).
    "note.context": "Context",
    "note.source": "Source",
    "note.disputed": "Disputed",
    "note.correction": "Correction",
    "note.context.help": "background the reader needs",
    "note.source.help": "where a quotation or figure comes from",
    "note.disputed.help": "a claim the record contests, with both sides",
    "note.correction.help": "a slip in the text, such as a wrong chronology",
    "note.label": "{kind} note {number}",
    "note.back": "Back to paragraph {number}",
    "note.to_marker": "Back to the marker of note {number}",
    "note.sources": "Sources",
    # A text's page (tools/pages/text.py).
    "text.source": "Source",
    "text.author": "Author",
    "text.author_unknown": "Not known",
    "text.date": "Date",
    "text.kind": "Kind",
    "text.published_at": "Published at",
    "text.metadata": "Metadata",
    "text.metadata_missing": "not yet added by the editors",
    "text.length": "Length",
    "text.length_value": "{words} · {minutes} read",
    "text.title_note": "The title in square brackets is supplied by the editors; the text has no title of its own.",
    "text.headnote": "Headnote",
    "text.headnote_label": "Headnote (editorial)",
    "text.heading": "Text",
    "text.paragraph": "Paragraph {number}",
    "text.quoted_from": "Quoted from",
    "text.compare": "Compare",
    "text.crosslink": "“{quote}” — {label}",
    "text.passages.one": "{count} passage",
    "text.passages.other": "{count} passages",
    "text.note_more": "more",
    "text.note_less": "less",
    "text.full_record": "Full headnote and record",
    "text.note_key": "Notes:",
    "text.notes": "Notes",
    "text.terms": "Terms in this text",
    "text.cite": "Cite this text",
    "text.other_texts": "The other texts",
    "text.nearby_texts": "Nearby texts",
    "text.nearby_lead": "Texts {first} to {last} of the {total} in reading order; the {list} has them all.",
    "text.list_of_texts": "list of texts",
    "text.no_kind": "text",
    # Citations (tools/pages/cite.py); the citation styles' own words stay as the styles define them.
    "cite.url_placeholder": "[address of this page]",
    "cite.accessed_placeholder": "[date you accessed this page]",
    "cite.hint": (
        "The address of this page and the date you read it are shown as placeholders in square brackets, "
        "to be filled in by you; with JavaScript on, this page fills them in."
    ),
    "cite.downloads": "Download this citation for a reference manager: {links}",
    # The index page's "Cite and reuse" section and the downloads (tools/pages/reuse.py, apparatus.py, linkeddata.py).
    "reuse.title": "Cite and reuse",
    "reuse.epub": "The whole edition as an e-book (EPUB 3) for an e-reader or a reading app, with the notes and glosses as pop-up footnotes: {link}.",
    "reuse.citation": (
        "A citation of the whole edition for a reference manager (Zotero, EndNote, BibTeX, CSL): {links}. "
        "Each text's page offers its own, under “{cite}”, and carries the tags Zotero reads when you save the page."
    ),
    "reuse.annotations": "All editorial notes as W3C Web Annotations (JSON-LD), each anchored to its words and paragraph: {link}.",
    "reuse.annotations_link": "annotations",
    "reuse.annotations_label": "Editorial notes: {title}",
    "reuse.glossary": "The glossary as data (JSON): {link}.",
    "reuse.glossary_link": "glossary",
    "reuse.glossary_name": "Glossary: {title}",
    # The EPUB edition (tools/site/epub.py); it also uses the text page's and the print page's words.
    "epub.edited_by": "Edited by {editors}",
    "epub.title_page": "Title page",
    "epub.how_to_read": (
        "In each text, a glossed term or a note marker opens the definition or the note; the notes are also "
        "listed after each text, and the glossary is at the end of the book."
    ),
    "epub.note_head": "{label}, paragraph {paragraph}:",
    "epub.glosses": "Glossed terms",
    "epub.glossary_entry": "Glossary entry",
    # The index page (tools/pages/index.py).
    "index.texts": "The texts",
    "index.number": "#",
    "index.text": "Text",
    "index.source": "Source",
    "index.not_described": "not yet described",
    "index.length_value": "{words}, {minutes}",
    "index.counts": "{texts} texts ({words}), {terms} glossary entries, {notes} editorial notes and {crosslinks} cross-links between passages.",
    "index.how_to_read": "How to read this edition",
    "index.how_to_read_md": (
        "- **Glossed terms** are underlined with dots. Hover over one, move to it with the Tab key, or tap it,\n"
        "  and a short definition appears without leaving the page, with a link to the full entry in the\n"
        "  {glossary}; Escape, its close button or a second tap closes it.\n"
        "- **Paragraph numbers** stand at the start of each paragraph. Each number opens a small panel to go\n"
        "  to the paragraph, copy its link or cite it (a paragraph's address ends in `#p` and its number).\n"
        "- **Editorial notes** are marked in the text by a small superscript number after a shape and colour\n"
        "  that give the note's kind:\n"
        "{note_kinds}\n"
        "- On a wide screen each note stands in the margin beside its line: its number, kind, the words it is\n"
        "  on and its first sentence, with \"more\" for the rest and its sources. On a narrower screen, select a\n"
        "  note's number to open the note in place under its line. All notes are also listed after each text.\n"
        "- **Compare** leads from a paragraph to passages in the other texts that make the same or a related point.\n"
        "- **Show or hide**, above each text, turns the glossary underlining, each kind of note and the\n"
        "  cross-links on or off, or shows the text only; the choice is remembered.\n"
        "- **Search** (the magnifier at the top, or press `/`) covers the texts, the notes and the glossary.\n"
    ),
    "index.glossary_link": "glossary",
    "index.principles": "Editorial principles",
    # The glossary (tools/pages/glossary.py, tools/pages/parts.py).
    "glossary.title": "Glossary",
    "glossary.intro": "{count} entries on the names and terms the texts use. Each lists the places it appears in the texts, with the words around it.",
    "glossary.by_letter": "Entries by letter",
    "glossary.by_kind": "Browse by kind",
    "glossary.also_written": "Also written",
    "glossary.related": "Related",
    "glossary.dates": "Dates",
    "glossary.references": "References",
    "glossary.appears_in": "Appears in",
    "glossary.not_found": "Not found in the texts of this edition.",
    "glossary.all_places.one": "All {count} place",
    "glossary.all_places.other": "All {count} places",
    # An entry's page of every place it appears (tools/pages/occurrences.py); {entry} links to the entry.
    "occurrences.title": "{term}: every place in the texts",
    "occurrences.intro.one": "The {count} place in the texts where {entry} appears, with the words around it.",
    "occurrences.intro.other": "The {count} places in the texts where {entry} appears, in reading order, with the words around it.",
    # The bibliography (tools/pages/bibliography.py); source kinds are the generator's (tools/model.py).
    "bibliography.title": "Bibliography",
    "bibliography.intro.one": (
        "{count} source: every work the notes, the headnotes and the glossary cite, sorted by author or, where a work "
        "names no author, by title. A title in square brackets describes a work that has no title of its own. "
        "Each entry says what kind of source it is and where the edition cites it."
    ),
    "bibliography.intro.other": (
        "{count} sources: every work the notes, the headnotes and the glossary cite, sorted by author or, where a work "
        "names no author, by title. A title in square brackets describes a work that has no title of its own. "
        "Each entry says what kind of source it is and where the edition cites it."
    ),
    "bibliography.cited_in": "Cited in",
    "bibliography.in_note": "{title}, note {number}",
    "bibliography.in_quotation": "{title}, quotation in ¶{number}",
    "bibliography.in_headnote": "{title}, headnote",
    "bibliography.in_glossary": "Glossary: {term}",
    "source.primary": "Primary source",
    "source.news_report": "News report",
    "source.scholarship": "Scholarship",
    "source.reference": "Reference work",
    "source.partisan_outlet": "Partisan outlet, cited for what it reports",
    # The timeline (tools/pages/timeline.py).
    "timeline.title": "Timeline",
    "timeline.intro": (
        "Dated events from the glossary and the dates the texts were published, in order. Dates are given "
        "only as precisely as they are known: a year alone means the month and day are not recorded here. "
        "The space between years grows with the time between them."
    ),
    "timeline.empty_md": "No dated events yet: add `events` to glossary entries, or dates to the texts' metadata.",
    "timeline.overview": "Overview to scale, {first} to {last}: {events} and {texts}",
    "timeline.overview_note": "Taller marks are the texts; a year known only as a year is drawn as the whole year.",
    "timeline.events.one": "{count} event",
    "timeline.events.other": "{count} events",
    "timeline.publications.one": "{count} publication date",
    "timeline.publications.other": "{count} publication dates",
    "timeline.gap": "{years} years",
    "timeline.text_badge": "text",
    "timeline.date_unknown": "Date unknown",
    "timeline.undated": "publication date not known; see its headnote",
    # The term map (tools/pages/termmap.py).
    "termmap.title": "Term map",
    "termmap.intro": (
        "Which of the {count} glossary entries each text uses, and how often. "
        "Each count links to the first paragraph where the term occurs in that text; the darker the cell, the more often."
    ),
    "termmap.columns": "Columns are the texts, in reading order:",
    "termmap.ranking": "With {texts} texts, each row names the {top} texts that use the entry most.",
    "termmap.absent": "{count} further entries do not occur in the texts; they explain names and ideas the notes and other entries use. See the {glossary}.",
    "termmap.entry": "Entry",
    "termmap.kind": "Kind",
    "termmap.texts": "Texts",
    "termmap.used_most_in": "Used most in",
    "termmap.all": "All",
    "termmap.cell": "{term} in {title}: {count}, in {where}",
    # The print page (tools/pages/printed.py).
    # Side-by-side pages (tools/pages/compare.py).
    "compare.title": "Side by side: {first} and {second}",
    "compare.intro.one": "The {count} passage the editors link between these two texts, each beside the other, the linked words marked.",
    "compare.intro.other": "The {count} passages the editors link between these two texts, each beside the other, the linked words marked.",
    "compare.in_text": "paragraph {number}",
    "compare.position": "{number} of {total}",
    "compare.link": "Link {number}",
    "compare.previous": "Previous",
    "compare.next": "Next",
    "compare.open": "side by side",
    "compare.open_label": "{first} and {second} side by side, at this link",
    "print.title": "Print edition",
    "print.description": "The whole edition on one page, for printing: {introduction}",
    "print.about": (
        "The whole edition on one page, to print or save as PDF with the browser's Print command: the introduction, "
        "each text with its paragraph numbers and notes, and the glossary with every entry's short and full definition. "
        "Glossed terms are underlined with dots and defined in the glossary at the end."
    ),
    "print.contents": "Contents",
    "print.introduction": "Introduction",
    "print.headnote_to": "Headnote to {title}",
    # The edition's script (tools/assets/edition.js).
    "script.layers": "Show or hide",
    "script.layers_label": "Layers shown with the text",
    "script.layer_gloss": "Glossary underlining",
    "script.layer_context": "Context notes",
    "script.layer_source": "Source notes",
    "script.layer_disputed": "Disputed notes",
    "script.layer_correction": "Correction notes",
    "script.layer_links": "Cross-links",
    "script.text_only": "Text only",
    "script.glossary_term": "Glossary term.",
    "script.full_entry": "Full entry in the glossary",
    "script.close": "Close",
    "script.close_note": "Close note {number}",
    "script.local_copy": "(This address is of a local copy of the edition, on this computer only.)",
    "script.link_copied_local": "Link copied: it is the address of a local copy",
    "script.go_to_paragraph": "Go to paragraph {number}",
    "script.search": "Search",
    "script.sort_label": "Sort the term map",
    "script.sort_by": "Sort by:",
    "script.sort_frequency": "Most frequent",
    "script.sort_name": "A to Z",
    "script.sort_kind": "Kind",
    "script.copy": "Copy",
    "script.copy_the": "Copy the {name}",
    "script.copied": "{name} copied",
    "script.copy_failed": "Could not copy: select the text shown and copy it",
    "script.access_hint": "The access date is today's date; change it if you cite the page later.",
    "script.chicago": "Chicago citation",
    "script.apa": "APA citation",
    "script.bibtex": "BibTeX entry",
    "script.citation": "citation",
    "script.copy_link": "Copy link",
    "script.cite_paragraph": "Cite this paragraph",
    "script.link_copied": "Link copied",
    "script.citation_copied": "Citation copied",
    "script.paragraph": "Paragraph {number}",
    "script.paragraph_tools": "Paragraph {number}: link or cite",
    # The edition's search (tools/assets/search.js; tools/pages/search.py names the glossary with nav.glossary).
    "script.search_clear": "Clear",
    "script.search_type": "Type to search the texts, notes and glossary",
    "script.search_loading": "Searching…",
    "script.search_none": "No results",
    "script.search_results.one": "{count} result",
    "script.search_results.other": "{count} results",
    "script.search_pages.one": "{count} page",
    "script.search_pages.other": "{count} pages",
    "script.search_summary": "{results} on {pages}",
    "script.search_first": "{summary}; the first {count} are listed",
    "script.search_more": "More results",
    "script.search_title": "Title and source",
    "script.search_paragraph": "¶{number}",
    "script.search_note": "Note {number}",
}

_FORMATTER = string.Formatter()
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")  # CLDR's plural categories


def default_of(key: str) -> str | None:
    """The English string a key overrides: its own, or for a plural form the table lacks
    ("words.count.few"), the plural's "other" form; None for no such key."""
    if key in STRINGS:
        return STRINGS[key]
    base, _, form = key.rpartition(".")
    return STRINGS.get(f"{base}.other") if form in PLURAL_FORMS else None


def fields_of(text: str) -> set[str]:
    """The {fields} a string interpolates; ValueError when its braces are unbalanced."""
    return {name for _, name, _, _ in _FORMATTER.parse(text) if name}


class Words:
    """The interface strings of one edition: defaults with its overrides, and its language's formats."""

    def __init__(self, language: str = "en", overrides: Iterable[tuple[str, str]] = ()) -> None:
        self.language = language
        self.locale = locale_of(language) or Locale("en")
        self.table: Mapping[str, str] = {**STRINGS, **dict(overrides)}

    def __call__(self, key: str, **fields: object) -> str:
        return self.table[key].format(**fields)

    def count(self, key: str, count: int, **fields: object) -> str:
        """The singular or plural string for count, by the language's plural rule."""
        form = self.locale.plural_form(count)
        if f"{key}.{form}" not in self.table:
            form = "one" if form == "one" else "other"
        return self(f"{key}.{form}", count=self.number(count), **fields)

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def listing(self, items: list[str]) -> str:
        """'a, b and c' in the edition's language."""
        return format_list(items, locale=self.locale) if items else ""

    def date(self, date: Dated) -> str:
        """A date as precisely as it is known, in the language's form: 2 March 2018, March 2018, 2018."""
        if date.year is None:
            return self("date.unknown")
        if date.month is None:
            return str(date.year)
        day = datetime.date(date.year, date.month, date.day or 1)
        if date.day is None:
            return format_skeleton("yMMMM", day, locale=self.locale)
        return format_date(day, format="long", locale=self.locale)

    def script(self) -> dict[str, str]:
        """The strings the edition's script shows, by key."""
        return {k: v for k, v in self.table.items() if k.startswith("script.")}


def locale_of(language: str) -> Locale | None:
    """The Babel locale for a language code such as en, de, pt-BR or sr-Latn; None when unknown."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


@functools.lru_cache(maxsize=32)
def words_for(language: str, overrides: tuple[tuple[str, str], ...]) -> Words:
    """One Words per edition settings (the page writers ask for it on every page)."""
    return Words(language, overrides)
