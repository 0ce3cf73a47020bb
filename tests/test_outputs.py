"""The real edition's outputs for readers' tools, in the built site and the offline zip: the citation_*
meta tags of every text page checked against the metadata, and every citation download read back."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import bibtexparser
import pytest
import rispy
from conftest import ROOT, Element, parse_html
from pyld import jsonld

from tests.browser_support import build_edition
from tools.model import Edition, Text
from tools.source.load import load_edition

SEEDS = ROOT / "seeds"
SITE_URL = "https://example.org/edition/"


@dataclass(frozen=True)
class Built:
    edition: Edition
    site: Path
    offline: Path
    build: Path

    def page(self, text: Text) -> Element:
        return parse_html((self.site / "texts" / text.slug / "index.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real edition built with SITE_URL set, the offline zip unpacked beside it."""
    tmp = tmp_path_factory.mktemp("outputs")
    built = build_edition(SEEDS, tmp, {**os.environ, "SITE_URL": SITE_URL, "SOURCE_DATE_EPOCH": "1700000000"})
    edition, _ = load_edition(SEEDS)
    return Built(edition, built.site, built.offline, tmp / "build")


def head_meta(page: Element) -> list[tuple[str, str]]:
    [head] = page.find_all("head")
    return [(m.attrs["name"], m.attrs.get("content", "")) for m in head.find_all("meta") if m.attrs.get("name", "").startswith("citation_")]


def edition_name(edition: Edition) -> str:
    s = edition.settings
    return f"{s.title}: {s.subtitle}" if s.subtitle else s.title


def expected_tags(text: Text, edition: Edition) -> list[tuple[str, str]]:
    """The tags the metadata supports, written out from seeds/ independently of the generator."""
    meta = text.meta
    assert meta is not None
    tags = [("citation_title", f"[{meta.title}]" if meta.editorial_title else meta.title)]
    if meta.author:
        tags.append(("citation_author", meta.author))
    if meta.date.year is not None:
        tags.append(("citation_publication_date", meta.date.iso().replace("-", "/")))
    tags.append(("citation_book_title", edition_name(edition)))
    tags += [("citation_editor", e) for e in edition.settings.editors]
    if edition.settings.publisher:
        tags.append(("citation_publisher", edition.settings.publisher))
    tags.append(("citation_public_url", f"{SITE_URL}texts/{text.slug}/"))
    tags.append(("citation_language", edition.settings.language))
    return tags


def test_every_text_page_carries_the_citation_tags_its_metadata_supports(built: Built) -> None:
    assert built.edition.texts
    for text in built.edition.texts:
        assert head_meta(built.page(text)) == expected_tags(text, built.edition), text.slug


def test_the_undated_text_has_no_publication_date_tag(built: Built) -> None:
    undated = [t for t in built.edition.texts if t.meta and t.meta.date.year is None]
    assert undated, "the seeds have a text of unknown date (mirror-response)"
    for text in undated:
        assert "citation_publication_date" not in dict(head_meta(built.page(text)))
    precisions = {dict(head_meta(built.page(t))).get("citation_publication_date") for t in built.edition.texts}
    assert {"2011/10", "2020/07/31", None} <= precisions, precisions


def test_offline_pages_carry_the_same_tags_without_an_address(built: Built) -> None:
    for text in built.edition.texts:
        page = parse_html((built.offline / "texts" / f"{text.slug}.html").read_text(encoding="utf-8"))
        tags = head_meta(page)
        assert tags == expected_tags(text, built.edition), text.slug  # SITE_URL was set for this build


def download(built: Built, relative: str, offline: bool = False) -> str:
    folder = built.offline if offline else built.site
    assert folder is not None
    return (folder / relative).read_text(encoding="utf-8")


def test_each_text_links_its_citation_files_and_they_read_back(built: Built) -> None:
    for text in built.edition.texts:
        meta = text.meta
        assert meta is not None
        page = built.page(text)
        links = [a.attrs["href"] for a in page.find_all("a") if "/downloads/texts/" in a.attrs.get("href", "")]
        assert links == [f"../../downloads/texts/{text.slug}.{ext}" for ext in ("ris", "bib", "csl.json")], links
        [entry] = rispy.loads(download(built, f"downloads/texts/{text.slug}.ris"))
        assert entry["type_of_reference"] == "CHAP" and entry["secondary_title"] == edition_name(built.edition)
        assert entry["urls"] == [f"{SITE_URL}texts/{text.slug}/"]
        assert entry.get("authors", []) == ([meta.author] if meta.author else [])
        assert meta.source in entry["original_publication"]
        library = bibtexparser.parse_string(download(built, f"downloads/texts/{text.slug}.bib"))
        assert not library.failed_blocks
        [bib] = library.entries
        values = {f.key: f.value for f in bib.fields}
        assert bib.entry_type == "incollection" and values["booktitle"] == "{" + edition_name(built.edition) + "}"
        assert ("origdate" in values) == (meta.date.year is not None) and ("author" in values) == bool(meta.author)
        [item] = json.loads(download(built, f"downloads/texts/{text.slug}.csl.json"))
        assert item["container-title"] == edition_name(built.edition) and item["original-publisher"] == meta.source
        if meta.date.year is None:
            assert "original-date" not in item
        else:
            assert item["original-date"]["date-parts"][0] == [p for p in (meta.date.year, meta.date.month, meta.date.day) if p]


def test_index_offers_the_edition_citation_and_it_reads_back(built: Built) -> None:
    index = parse_html(download(built, "index.html"))
    assert [e for e in index.find_all("h2") if e.attrs.get("id") == "cite-and-reuse"], "the index has a Cite and reuse section"
    hrefs = [a.attrs["href"] for a in index.find_all("a")]
    slug = built.edition.settings.slug
    for ext in ("ris", "bib", "csl.json"):
        assert f"downloads/{slug}.{ext}" in hrefs
    [entry] = rispy.loads(download(built, f"downloads/{slug}.ris"))
    assert entry["type_of_reference"] == "EDBOOK" and entry["title"] == edition_name(built.edition) and entry["urls"] == [SITE_URL]
    [item] = json.loads(download(built, f"downloads/{slug}.csl.json"))
    assert item["type"] == "book" and "original-date" not in item


def test_every_download_linked_from_the_index_exists_offline_too(built: Built) -> None:
    index = parse_html(download(built, "index.html", offline=True))
    hrefs = [a.attrs["href"] for a in index.find_all("a") if a.attrs.get("href", "").startswith("downloads/")]
    assert len(hrefs) >= 3, hrefs
    for href in hrefs:
        assert (built.offline / href).is_file(), f"{href} is linked from the offline index but not in the zip"


# --- linked data (schema.org JSON-LD in the pages' heads) ---------------------------------------

SCHEMA = "https://schema.org/"


def no_network(url: str, options: object = None) -> dict[str, object]:
    """A JSON-LD document loader that fetches nothing: every context must be written in."""
    raise AssertionError(f"JSON-LD processing tried to load {url}")


def jsonld_in(page: Element) -> dict[str, object]:
    [head] = page.find_all("head")
    scripts = [s for s in head.find_all("script") if s.attrs.get("type") == "application/ld+json"]
    assert len(scripts) == 1, "one JSON-LD block in the head"
    return json.loads(scripts[0].text())


def graph(page: Element, base: str) -> dict[str, dict[str, list[object]]]:
    """The page's JSON-LD flattened by pyld: node id -> expanded properties."""
    flat = jsonld.flatten(jsonld_in(page), None, {"base": base, "documentLoader": no_network})
    return {node["@id"]: node for node in flat}


def values(node: dict[str, list[object]], prop: str) -> list[object]:
    return [v.get("@value", v.get("@id")) for v in node.get(SCHEMA + prop, [])]  # type: ignore[union-attr]


def test_each_text_page_describes_the_text_as_part_of_the_edition(built: Built) -> None:
    settings = built.edition.settings
    for text in built.edition.texts:
        meta = text.meta
        assert meta is not None
        url = f"{SITE_URL}texts/{text.slug}/"
        nodes = graph(built.page(text), url)
        work, edition = nodes[url], nodes[f"{SITE_URL}#edition"]
        assert work["@type"] == [SCHEMA + "CreativeWork"] and edition["@type"] == [SCHEMA + "Book"]
        assert values(work, "name") == [f"[{meta.title}]" if meta.editorial_title else meta.title]
        assert values(work, "isPartOf") == [f"{SITE_URL}#edition"] and values(work, "url") == [url]
        assert values(edition, "name") == [edition_name(built.edition)]
        assert values(edition, "editor") == [] and values(edition, "datePublished") == [] and not settings.editors, "nothing declared, nothing said"
        authors = [values(nodes[a], "name")[0] for a in values(work, "author")]  # type: ignore[index]
        assert authors == ([meta.author] if meta.author else [])
        [original] = [nodes[o] for o in values(work, "isBasedOn")]  # type: ignore[index]
        assert values(original, "datePublished") == ([meta.date.iso()] if meta.date.year is not None else [])
        assert values(original, "url") == ([meta.url] if meta.url else [])
        [publisher] = [nodes[p] for p in values(original, "publisher")]  # type: ignore[index]
        assert values(publisher, "name") == [meta.source]


def test_the_glossary_is_a_defined_term_set_with_anchors(built: Built) -> None:
    page = parse_html((built.site / "glossary" / "index.html").read_text(encoding="utf-8"))
    base = f"{SITE_URL}glossary/"
    nodes = graph(page, base)
    glossary = nodes[base]
    assert glossary["@type"] == [SCHEMA + "DefinedTermSet"]
    terms = [nodes[t] for t in values(glossary, "hasDefinedTerm")]  # type: ignore[index]
    assert len(terms) == len(built.edition.terms)
    by_name = {t.term: t for t in built.edition.terms}
    for node in terms:
        assert node["@type"] == [SCHEMA + "DefinedTerm"] and values(node, "inDefinedTermSet") == [base]
        term = by_name[values(node, "name")[0]]  # type: ignore[index]
        assert values(node, "url") == [f"{base}#{term.id}"] and values(node, "description") == [term.short]
        assert page.by_id(term.id) is not None, f"no anchor {term.id} on the glossary page"


def test_the_index_describes_the_edition_and_its_parts(built: Built) -> None:
    nodes = graph(parse_html(download(built, "index.html")), SITE_URL)
    edition = nodes[f"{SITE_URL}#edition"]
    assert values(edition, "hasPart") == [f"{SITE_URL}texts/{t.slug}/" for t in built.edition.texts]
    assert values(edition, "inLanguage") == [built.edition.settings.language]


# --- the notes as Web Annotations, the glossary as JSON -----------------------------------------

# The terms of the Web Annotation context (http://www.w3.org/ns/anno.jsonld) that the collection
# uses, with the IRIs the Web Annotation Vocabulary gives them; served in place of the real file.
OA, DCTERMS = "http://www.w3.org/ns/oa#", "http://purl.org/dc/terms/"
ANNO_CONTEXT = {
    "@context": {
        "oa": OA, "as": "http://www.w3.org/ns/activitystreams#", "dc": "http://purl.org/dc/elements/1.1/",
        "dcterms": DCTERMS, "dctypes": "http://purl.org/dc/dcmitype/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
        "id": {"@type": "@id", "@id": "@id"}, "type": {"@type": "@id", "@id": "@type"},
        "Annotation": "oa:Annotation", "Text": "dctypes:Text", "TextualBody": "oa:TextualBody",
        "SpecificResource": "oa:SpecificResource", "FragmentSelector": "oa:FragmentSelector",
        "TextQuoteSelector": "oa:TextQuoteSelector", "AnnotationCollection": "as:OrderedCollection",
        "AnnotationPage": "as:OrderedCollectionPage",
        "commenting": "oa:commenting", "classifying": "oa:classifying", "describing": "oa:describing", "linking": "oa:linking",
        "body": {"@type": "@id", "@id": "oa:hasBody"}, "target": {"@type": "@id", "@id": "oa:hasTarget"},
        "source": {"@type": "@id", "@id": "oa:hasSource"}, "selector": {"@type": "@id", "@id": "oa:hasSelector"},
        "refinedBy": {"@type": "@id", "@id": "oa:refinedBy"}, "conformsTo": {"@type": "@id", "@id": "dcterms:conformsTo"},
        "items": {"@type": "@id", "@id": "as:items", "@container": "@list"}, "first": {"@type": "@id", "@id": "as:first"},
        "motivation": {"@type": "@vocab", "@id": "oa:motivatedBy"}, "purpose": {"@type": "@vocab", "@id": "oa:hasPurpose"},
        "format": "dc:format", "language": "dc:language", "value": "rdf:value", "exact": "oa:exact", "prefix": "oa:prefix",
        "suffix": "oa:suffix", "label": "rdfs:label",
        "total": {"@id": "as:totalItems", "@type": "xsd:nonNegativeInteger"},
        "startIndex": {"@id": "as:startIndex", "@type": "xsd:nonNegativeInteger"},
    }
}


def anno_loader(url: str, options: object = None) -> dict[str, object]:
    assert url == "http://www.w3.org/ns/anno.jsonld", f"JSON-LD processing tried to load {url}"
    return {"contextUrl": None, "documentUrl": url, "document": ANNO_CONTEXT}


def first(node: dict[str, list[dict[str, object]]], prop: str) -> object:
    [value] = node[prop]
    return value.get("@value", value.get("@id"))


def test_every_note_is_an_annotation_whose_quote_anchors_in_the_built_page(built: Built) -> None:
    slug = built.edition.settings.slug
    document = json.loads(download(built, f"downloads/{slug}-annotations.jsonld"))
    flat = jsonld.flatten(document, None, {"documentLoader": anno_loader})
    nodes = {n["@id"]: n for n in flat}
    annotations = [n for n in flat if n.get("@type") == [OA + "Annotation"]]
    assert len(annotations) == len(built.edition.notes) == document["total"]
    pages: dict[str, Element] = {}
    for annotation in annotations:
        assert [m["@id"] for m in annotation[OA + "motivatedBy"]] == [OA + "commenting"]
        target = nodes[first(annotation, OA + "hasTarget")]  # type: ignore[index]
        page_url = first(target, OA + "hasSource")
        assert isinstance(page_url, str) and page_url.startswith(SITE_URL + "texts/")
        fragment = nodes[first(target, OA + "hasSelector")]  # type: ignore[index]
        assert fragment["@type"] == [OA + "FragmentSelector"]
        quote = nodes[first(fragment, OA + "refinedBy")]  # type: ignore[index]
        assert quote["@type"] == [OA + "TextQuoteSelector"]
        exact, prefix, suffix = (first(quote, OA + p) for p in ("exact", "prefix", "suffix"))
        slug_here = page_url.removeprefix(SITE_URL + "texts/").rstrip("/")
        page = pages.setdefault(slug_here, parse_html((built.site / "texts" / slug_here / "index.html").read_text(encoding="utf-8")))
        paragraph = page.by_id(str(first(fragment, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value")))
        assert paragraph is not None
        shown = " ".join(paragraph.text(skip=lambda e: bool({"pnum", "note-ref"} & e.classes)).split())
        assert shown.count(f"{prefix}{exact}{suffix}".strip()) == 1, f"{annotation['@id']}: {prefix!r}{exact!r}{suffix!r} not once in ¶ {shown!r}"
        bodies = [nodes[b["@id"]] if "@id" in b else b for b in annotation[OA + "hasBody"]]
        purposes = [[p["@id"] for p in b[OA + "hasPurpose"]] for b in bodies]
        assert purposes[:2] == [[OA + "commenting"], [OA + "classifying"]] and all(p in ([OA + "linking"], [OA + "describing"]) for p in purposes[2:])
        assert annotation["@id"] == f"{page_url}#note-{annotation['@id'].rsplit('-', 1)[1]}"
    kinds = sorted(str(first(nodes[b["@id"]] if "@id" in b else b, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value")) for a in annotations for b in a[OA + "hasBody"][1:2])
    assert kinds == sorted(n.kind for n in built.edition.notes)


def test_the_glossary_json_names_every_entry_and_its_anchor(built: Built) -> None:
    slug = built.edition.settings.slug
    data = json.loads(download(built, f"downloads/{slug}-glossary.json"))
    page = parse_html((built.site / "glossary" / "index.html").read_text(encoding="utf-8"))
    assert [e["term"] for e in data["terms"]] == sorted((t.term for t in built.edition.terms), key=str.casefold)
    for entry in data["terms"]:
        assert page.by_id(entry["anchor"]) is not None and entry["url"] == f"{SITE_URL}glossary/#{entry['anchor']}"
