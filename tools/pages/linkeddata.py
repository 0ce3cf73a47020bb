"""Schema.org JSON-LD for the pages' heads: the edition, each text as a part of it, the glossary.

Built from the same citation model as the meta tags and citation files, so it carries the same
fields and no others: an unknown author, date, editor or publisher is left out, never filled in.
The context is written in (schema.org as the vocabulary), so no reader or tool has to fetch one.
Nodes are named by their addresses when the site's address is known (site_url), else they are
blank nodes in the page.
"""
from __future__ import annotations

from tools.annotate.edition import AnnotatedEdition
from tools.model import PartialDate, Settings, Term, Text
from tools.pages.citation import Citation, edition_citation, site_base, text_citation

# url is an address (resolved against the page when relative), as in schema.org's own context.
CONTEXT = {"@vocab": "https://schema.org/", "url": {"@type": "@id"}}
GLOSSARY_PAGE = "glossary/"


def _date(date: PartialDate) -> str | None:
    return date.iso() if date.year is not None else None


def edition_id(site_url: str) -> str:
    """The edition's node: the site's address with #edition, or a blank node."""
    base = site_base(site_url)
    return f"{base}#edition" if base else "_:edition"


def edition_node(settings: Settings, site_url: str) -> dict[str, object]:
    """The edition as a schema.org Book, with what seeds/edition.yml declares."""
    citation = edition_citation(settings, site_url)
    node: dict[str, object] = {"@id": edition_id(site_url), "@type": "Book", "name": citation.title, "inLanguage": citation.language}
    if citation.editors:
        node["editor"] = [{"@type": "Person", "name": e} for e in citation.editors]
    return node | _published(citation.publisher, citation.published, citation.url)


def _published(publisher: str | None, date: PartialDate, url: str | None) -> dict[str, object]:
    """Who published a work, when and where, as schema.org fields: only those known."""
    fields: dict[str, object] = {}
    if publisher:
        fields["publisher"] = {"@type": "Organization", "name": publisher}
    if (iso := _date(date)) is not None:
        fields["datePublished"] = iso
    if url:
        fields["url"] = url
    return fields


def _original(citation: Citation) -> dict[str, object] | None:
    """The original publication the text reproduces, as far as it is known."""
    original = citation.original
    if original is None:
        return None
    fields = _published(original.source, original.date, original.url)
    return {"@type": "CreativeWork", **fields} if fields else None


def text_node(text: Text, settings: Settings, site_url: str) -> dict[str, object]:
    """The text as a CreativeWork that is part of the edition."""
    citation = text_citation(text, settings, site_url)
    node: dict[str, object] = {
        "@id": citation.url or f"_:text-{text.slug}",
        "@type": "CreativeWork",
        "name": citation.title,
        "isPartOf": {"@id": edition_id(site_url)},
        "inLanguage": citation.language,
    }
    if citation.authors:
        node["author"] = [{"name": a} for a in citation.authors]
    if citation.url:
        node["url"] = citation.url
    if text.meta:
        node["genre"] = text.meta.kind
    original = _original(citation)
    if original:
        node["isBasedOn"] = original
    return node


def text_jsonld(text: Text, settings: Settings, site_url: str = "") -> dict[str, object]:
    """A text page's JSON-LD: the text and the edition it is part of."""
    return {"@context": CONTEXT, "@graph": [text_node(text, settings, site_url), edition_node(settings, site_url)]}


def term_url(term: Term, site_url: str) -> str:
    """The term's anchor on the glossary page: absolute when the site's address is known, else
    relative to that page (where this JSON-LD is)."""
    base = site_base(site_url)
    return f"{base}{GLOSSARY_PAGE}#{term.id}" if base else f"#{term.id}"


def glossary_jsonld(edition: AnnotatedEdition, site_url: str = "") -> dict[str, object]:
    """The glossary as a DefinedTermSet of DefinedTerms, each with its anchor as its URL."""
    settings = edition.edition.settings
    base = site_base(site_url)
    set_id = f"{base}{GLOSSARY_PAGE}" if base else "_:glossary"
    terms = []
    for term in sorted(edition.edition.terms, key=lambda t: t.term.casefold()):
        node: dict[str, object] = {
            "@type": "DefinedTerm",
            "name": term.term,
            "description": term.short,
            "url": term_url(term, site_url),
            "inDefinedTermSet": {"@id": set_id},
        }
        if base:
            node["@id"] = term_url(term, site_url)
        names = [n for n in (term.expansion, *(a.value for a in term.aliases)) if n and n != term.term]
        if names:
            node["alternateName"] = list(dict.fromkeys(names))
        terms.append(node)
    glossary: dict[str, object] = {
        "@id": set_id,
        "@type": "DefinedTermSet",
        "name": settings.words("reuse.glossary_name", title=settings.title),
        "isPartOf": {"@id": edition_id(site_url)},
        "inLanguage": settings.language,
        "hasDefinedTerm": terms,
    }
    if base:
        glossary["url"] = set_id
    return {"@context": CONTEXT, "@graph": [glossary, edition_node(settings, site_url)]}


def edition_jsonld(edition: AnnotatedEdition, site_url: str = "") -> dict[str, object]:
    """The index page's JSON-LD: the edition and its texts as its parts."""
    settings = edition.edition.settings
    node = edition_node(settings, site_url)
    texts = [text_node(t.text, settings, site_url) for t in edition.texts]
    node["hasPart"] = [{"@id": t["@id"]} for t in texts]
    return {"@context": CONTEXT, "@graph": [node, *texts]}
