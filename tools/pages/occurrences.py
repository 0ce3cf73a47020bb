"""Writes the occurrence pages: for each glossary entry found in more places than the glossary page
lists (SHOWN), one page with every place it appears in the texts, in reading order, in context.

The pages show the entry's term, linking back to its glossary entry, and not its definitions: an
edit of a definition then changes the glossary page and the tooltip data only. They are kept out of
the navigation and of the search index (the glossary page and the texts hold what they show)."""
from __future__ import annotations

from tools.annotate.edition import AnnotatedEdition, Occurrence
from tools.model import Term
from tools.pages.markup import md_escape, yaml_string
from tools.pages.parts import LINK, lang_attribute, snippet, text_page, with_links
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


def _front(title: str, description: str) -> str:
    return f"---\ntitle: {yaml_string(title)}\ndescription: {yaml_string(description)}\nsearch:\n  exclude: true\nhide:\n  - toc\n---\n"


def write_occurrence_page(term: Term, occurrences: list[Occurrence], edition: AnnotatedEdition) -> tuple[str, str]:
    """One entry's page: its path under docs/ and its Markdown."""
    words: Words = edition.edition.settings.words
    title = words("occurrences.title", term=term.term)
    entry = f"[{md_escape(term.term)}](../glossary.md#{term.id})"
    intro = with_links(words.count("occurrences.intro", len(occurrences), entry=LINK), entry)
    parts = [
        _front(title, words.count("occurrences.intro", len(occurrences), entry=term.term)),
        f"# {md_escape(title)}\n",
        intro + "\n",
        occurrence_list(occurrences, edition, "../"),
    ]
    return occurrence_page(term), "\n".join(parts).rstrip() + "\n"


def write_occurrence_pages(edition: AnnotatedEdition) -> list[tuple[str, str]]:
    """A page for every entry found in more places than the glossary page lists."""
    pages = []
    for term in edition.edition.terms:
        occurrences = edition.occurrences_of(term)
        if has_page(occurrences):
            pages.append(write_occurrence_page(term, occurrences, edition))
    return pages
