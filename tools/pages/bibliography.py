"""Writes the bibliography page: every source once, sorted by author or title, each with the kind of
source it is and links back to the notes, headnotes, quotations and glossary entries that cite it."""
from __future__ import annotations

from tools.annotate.edition import AnnotatedEdition, CitingPlace
from tools.model import Source
from tools.pages.markup import html_escape, md_escape
from tools.pages.parts import BIBLIOGRAPHY, front_matter, source_anchor, source_md, source_url_html, text_page
from tools.strings import Words

# The interface string naming each kind of source (tools/model.py SOURCE_KINDS).
SOURCE_KIND_KEYS = {
    "primary": "source.primary",
    "news report": "source.news_report",
    "scholarship": "source.scholarship",
    "reference": "source.reference",
    "partisan outlet": "source.partisan_outlet",
}


def kind_label(source: Source, words: Words) -> str:
    """The reader's name for the kind of source ("Primary source")."""
    return words(SOURCE_KIND_KEYS[source.kind]) if source.kind in SOURCE_KIND_KEYS else source.kind


def _place(place: CitingPlace, words: Words) -> str:
    """One citing place as a Markdown link from the bibliography page."""
    if place.term is not None:
        return f"[{md_escape(words('bibliography.in_glossary', term=place.term.term))}](glossary.md#{place.term.id})"
    assert place.text is not None
    page, title = text_page(place.text), place.text.shown_title
    if place.note is not None:
        return f"[{md_escape(words('bibliography.in_note', title=title, number=place.note.number))}]({page}#note-{place.note.number})"
    if place.paragraph is not None:
        return f"[{md_escape(words('bibliography.in_quotation', title=title, number=place.paragraph))}]({page}#p{place.paragraph})"
    return f"[{md_escape(words('bibliography.in_headnote', title=title))}]({page})"


def _sentence(text: str) -> str:
    """A note on a source as a sentence: capital first letter, full stop."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _entry(source: Source, edition: AnnotatedEdition, words: Words, cited_in: bool) -> str:
    url = source_url_html(source)
    line = f"{source_md(source, words)}." + (f" {url}" if url else "") + (f" {md_escape(_sentence(source.note))}" if source.note else "")
    kind = html_escape(kind_label(source, words))
    lines = [
        f'<div class="bib-entry" id="{source_anchor(source)}" markdown="1">',
        "",
        line,
        "",
        f'<p class="bib-kind"><span class="source-kind source-kind--{source.kind.replace(" ", "-")}">{kind}</span></p>',
    ]
    places = edition.citing(source) if cited_in else []
    if places:
        label = html_escape(words("bibliography.cited_in"))
        links = " · ".join(_place(p, words) for p in places)
        lines += ["", f'<p class="bib-cited" markdown="1"><span class="bib-cited-label">{label}:</span> {links}</p>']
    return "\n".join(lines + ["", "</div>"])


def listed_sources(edition: AnnotatedEdition) -> list[Source]:
    """Every source once, in the bibliography's order (an id given twice is an error; the page still
    builds for the preview, with the first)."""
    found: dict[str, Source] = {}
    for source in sorted(edition.edition.sources, key=lambda s: s.sort_key):
        found.setdefault(source.id, source)
    return list(found.values())


def entries(edition: AnnotatedEdition, cited_in: bool = True) -> str:
    """Every source as an entry with the anchor citations link to; cited_in adds the links back."""
    words = edition.edition.settings.words
    return "\n\n".join(_entry(source, edition, words, cited_in) for source in listed_sources(edition)) + "\n"


def write_bibliography_page(edition: AnnotatedEdition) -> tuple[str, str]:
    """The bibliography page's path under docs/ and its Markdown."""
    words = edition.edition.settings.words
    title = words("bibliography.title")
    intro = words.count("bibliography.intro", len({s.id for s in edition.edition.sources}))
    parts = [
        front_matter(title, intro),
        f"# {md_escape(title)}\n",
        md_escape(intro) + "\n",
        f'<div class="bibliography" markdown="1">\n\n{entries(edition)}\n</div>',
    ]
    return BIBLIOGRAPHY, "\n\n".join(parts).rstrip() + "\n"
