"""The edition's apparatus as data: every note as a W3C Web Annotation, and the glossary as JSON.

Each note becomes an Annotation whose target is its text's page: a FragmentSelector for the
paragraph (p3), refined by a TextQuoteSelector (the exact words, with up to 32 characters either
side as prefix and suffix, white space as a reader sees it). Its body is the note (HTML from the
editors' Markdown, purpose commenting), its kind (purpose classifying) and its sources (linking,
where a URL is given; describing, where only a title and year are). Addresses are absolute when the
site's address is known, else relative to the file itself (in downloads/): the hosted pages.
"""
from __future__ import annotations

import json
import re

from tools.annotate.edition import AnnotatedEdition, AnnotatedText, PlacedNote
from tools.model import Reference
from tools.pages.citation import DOWNLOADS, site_base
from tools.pages.markup import render_markdown

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


def _source(reference: Reference) -> dict[str, object]:
    label = f"{reference.title} ({reference.year or 'n.d.'})"
    if reference.url:
        return {"type": "SpecificResource", "purpose": "linking", "source": {"id": reference.url, "type": "Text", "label": label}}
    return {"type": "TextualBody", "purpose": "describing", "value": label, "format": "text/plain"}


def annotation(text: AnnotatedText, placed: PlacedNote, language: str, site_url: str) -> dict[str, object]:
    note, span = placed.note, placed.span
    paragraph = text.text.paragraphs[span.paragraph - 1].text
    body: list[dict[str, object]] = [
        {"type": "TextualBody", "purpose": "commenting", "value": render_markdown(note.body).strip(), "format": "text/html", "language": language},
        {"type": "TextualBody", "purpose": "classifying", "value": note.kind, "format": "text/plain"},
    ]
    body += [_source(s) for s in note.sources]
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
    items = [annotation(t, placed, settings.language, site_url) for t in edition.texts for placed in t.notes]
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
    by_name = {t.term.casefold(): t for t in edition.edition.terms}
    entries = []
    for term in sorted(edition.edition.terms, key=lambda t: t.term.casefold()):
        related = [by_name[r.value.casefold()].id for r in term.related if r.value.casefold() in by_name]
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
                "references": [{"title": r.title, "year": r.year, "url": r.url} for r in term.references],
                "anchor": term.id,
            }
        )
        if site_base(site_url):
            entries[-1]["url"] = f"{site_base(site_url)}glossary/#{term.id}"
    data = {"edition": settings.title, "language": settings.language, "definition_format": "text/markdown", "terms": entries}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
