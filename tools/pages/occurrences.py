"""Writes the occurrence pages: for each glossary entry found in more places than the glossary page
lists (SHOWN), one page with every place it appears in the texts, in reading order, in context.

The pages show the entry's term, linking back to its glossary entry, and not its definitions: an
edit of a definition then changes the glossary page and the tooltip data only. They are kept out of
the navigation and of the search index (the glossary page and the texts hold what they show)."""
from __future__ import annotations

from functools import partial

from tools.annotate.edition import AnnotatedEdition, Occurrence
from tools.model import Term
from tools.pages.markup import md_escape
from tools.pages.parts import LINK, front_matter, lang_attribute, snippet, text_page, with_links
from tools.pages.text import PageMemo, memoised
from tools.strings import Words

FOLDER = "occurrences"
SHOWN = 10  # places an entry lists on the glossary page; an entry with more gets its own page


def occurrence_page(term: Term) -> str:
    """The Markdown path of an entry's occurrence page, relative to docs/."""
    return f"{FOLDER}/{term.id}.md"


def has_page(occurrences: list[Occurrence]) -> bool:
    """True when the glossary page lists only the first SHOWN of these places and links to the rest."""
    return len(occurrences) > SHOWN


def occurrence_list(occurrences: list[Occurrence], edition: AnnotatedEdition, up: str = "") -> str:
    """Each place as a Markdown list item: the text's title and paragraph, linking there, and the words
    around it (marked with the text's language where it differs from the edition's).

    up is the way from the page to docs/ ("" for a page at the top, "../" for one in a folder)."""
    settings = edition.edition.settings
    items = []
    for o in occurrences:
        text = edition.text(o.text).text
        body = text.paragraphs[o.paragraph - 1].text
        words, lang = snippet(body, o.start, o.end), lang_attribute(text, settings)
        shown = f"<span{lang}>{words}</span>" if lang else words
        items.append(f"- [{md_escape(text.shown_title)}, ¶{o.paragraph}]({up}{text_page(text)}#p{o.paragraph}): {shown}")
    return "\n".join(items)


def write_occurrence_page(term: Term, occurrences: list[Occurrence], edition: AnnotatedEdition) -> tuple[str, str]:
    """One entry's page: its path under docs/ and its Markdown."""
    words: Words = edition.edition.settings.words
    title = words("occurrences.title", term=term.term)
    entry = f"[{md_escape(term.term)}](../glossary.md#{term.id})"
    intro = with_links(words.count("occurrences.intro", len(occurrences), entry=LINK), entry)
    parts = [
        front_matter(title, words.count("occurrences.intro", len(occurrences), entry=term.term), "search:\n  exclude: true\nhide:\n  - toc\n"),
        f"# {md_escape(title)}\n",
        intro + "\n",
        occurrence_list(occurrences, edition, "../"),
    ]
    return occurrence_page(term), "\n".join(parts).rstrip() + "\n"


def write_occurrence_pages(edition: AnnotatedEdition, memo: PageMemo | None = None) -> list[tuple[str, str]]:
    """A page for every entry found in more places than the glossary page lists.

    memo: the live preview's pages (as for the text pages), keyed on all a page shows (_shown)."""
    pages = []
    for term in edition.edition.terms:
        occurrences = edition.occurrences_of(term)
        if not has_page(occurrences):
            continue
        if memo is None:
            pages.append(write_occurrence_page(term, occurrences, edition))
            continue
        pages.append(memoised(memo, _shown(term, occurrences, edition), partial(write_occurrence_page, term, occurrences, edition)))
    return pages


def _shown(term: Term, occurrences: list[Occurrence], edition: AnnotatedEdition) -> tuple[object, ...]:
    """What an entry's occurrence page shows: its id and term, the interface words, and each place's
    text (title, language), paragraph and span; never the entry's definitions."""
    places = []
    for o in occurrences:
        text = edition.text(o.text).text
        places.append((text.slug, text.shown_title, text.language, text.paragraphs[o.paragraph - 1].text, o.paragraph, o.start, o.end))
    return (FOLDER, term.id, term.term, edition.edition.settings, tuple(places))
