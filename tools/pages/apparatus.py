"""The edition's apparatus as data: every note as a W3C Web Annotation, and the glossary as JSON.

Each note becomes an Annotation whose target is its text's page: a FragmentSelector for the
paragraph (p3), refined by a TextQuoteSelector (the exact words, with up to 32 characters either
side as prefix and suffix, white space as a reader sees it). Its body is the note (HTML from the
editors' Markdown, purpose commenting), its kind (purpose classifying) and its sources (purpose
linking: the source's own address where it has one, else its entry on the bibliography page). Addresses are absolute when the
site's address is known, else relative to the file itself (in downloads/): the hosted pages.
"""
from __future__ import annotations

import json
import re

from tools.annotate.edition import AnnotatedEdition, AnnotatedText, Cited, PlacedNote, resolve
from tools.model import Source
from tools.pages.citation import DOWNLOADS, site_base
from tools.pages.linkeddata import term_url
from tools.pages.markup import render_markdown
from tools.pages.parts import related_terms, source_anchor
from tools.source.links import is_safe_url
from tools.source.normalize import match_key
from tools.strings import Words

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
AFFIX = 32


def annotations_path(slug: str) -> str:
    return f"{DOWNLOADS}/{slug}-annotations.jsonld"


def glossary_path(slug: str) -> str:
    return f"{DOWNLOADS}/{slug}-glossary.json"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _page(slug: str, site_url: str) -> str:
    return f"{site_base(site_url) or '../'}texts/{slug}/"


def quote_selector(paragraph: str, start: int, end: int) -> dict[str, str]:
    """A TextQuoteSelector for paragraph[start:end], white space squashed as a reader sees it."""
    before, exact, after = _squash(paragraph[:start]), _squash(paragraph[start:end]), _squash(paragraph[end:])
    return {"type": "TextQuoteSelector", "exact": exact, "prefix": before[-AFFIX:], "suffix": after[:AFFIX]}


def source_label(source: Source, words: Words, at: str | None = None) -> str:
    """A source as plain text: authors, title, outlet, details, date (and the locator cited)."""
    parts = [words.listing(list(source.authors)), source.title, source.outlet, source.details or "", words.date(source.date), at or ""]
    return ", ".join(p for p in parts if p)


def _source(cited: Cited, words: Words, site_url: str) -> dict[str, object]:
    source = cited.source
    bibliography = f"{site_base(site_url) or '../'}bibliography/#{source_anchor(source)}"
    address = source.url if source.url and is_safe_url(source.url) else bibliography
    return {"type": "SpecificResource", "purpose": "linking", "source": {"id": address, "type": "Text", "label": source_label(source, words, cited.at)}}


def annotation(text: AnnotatedText, placed: PlacedNote, words: Words, site_url: str) -> dict[str, object]:
    note, span = placed.note, placed.span
    paragraph = text.text.paragraphs[span.paragraph - 1].text
    body: list[dict[str, object]] = [
        {"type": "TextualBody", "purpose": "commenting", "value": render_markdown(note.body).strip(), "format": "text/html", "language": words.language},
        {"type": "TextualBody", "purpose": "classifying", "value": note.kind, "format": "text/plain"},
    ]
    body += [_source(cited, words, site_url) for cited in placed.sources]
    page = _page(text.text.slug, site_url)
    return {
        "id": f"{page}#note-{placed.number}",
        "type": "Annotation",
        "motivation": "commenting",
        "body": body,
        "target": {
            "source": page,
            "selector": {
                "type": "FragmentSelector",
                "conformsTo": "http://tools.ietf.org/rfc/rfc3986",
                "value": f"p{span.paragraph}",
                "refinedBy": quote_selector(paragraph, span.start, span.end),
            },
        },
    }


def annotations_jsonld(edition: AnnotatedEdition, site_url: str = "") -> str:
    """Every note of every text as one AnnotationCollection (JSON-LD), in reading order."""
    settings = edition.edition.settings
    base = site_base(site_url)
    items = [annotation(t, placed, settings.words, site_url) for t in edition.texts for placed in t.notes]
    collection = {
        "@context": CONTEXT,
        "id": f"{base}{annotations_path(settings.slug)}" if base else annotations_path(settings.slug).rsplit("/", 1)[1],
        "type": "AnnotationCollection",
        "label": settings.words("reuse.annotations_label", title=settings.title),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def glossary_json(edition: AnnotatedEdition, site_url: str = "") -> str:
    """The glossary as plain JSON: every entry with its anchor on the glossary page (and that
    anchor's address when the site's address is known)."""
    settings = edition.edition.settings
    by_key = {match_key(t.term): t for t in edition.edition.terms}
    words = settings.words
    entries = []
    base = site_base(site_url)
    for term in sorted(edition.edition.terms, key=lambda t: t.term.casefold()):
        related = [r.id for r in related_terms(term, by_key)]
        entries.append(
            {
                "id": term.id,
                "term": term.term,
                "expansion": term.expansion,
                "kind": term.kind,
                "short": term.short,
                "definition": term.definition,
                "aliases": [a.value for a in term.aliases],
                "related": related,
                "events": [{"date": e.date.iso(), "label": e.label} for e in sorted(term.events, key=lambda e: e.date)],
                "references": [
                    {"source": c.source.id, "at": c.at, "label": source_label(c.source, words), "url": c.source.url}
                    for c in resolve(edition.edition, term.references)
                ],
                "anchor": term.id,
            }
        )
        if base:
            entries[-1]["url"] = term_url(term, site_url)
    data = {"edition": settings.title, "language": settings.language, "definition_format": "text/markdown", "terms": entries}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
