"""The citation model and its files: each format read back by a kept parser (rispy, bibtexparser,
citeproc-py) carries exactly the metadata's fields, and nothing the metadata does not give."""
from __future__ import annotations

import json
from dataclasses import replace

import bibtexparser
import rispy
from citeproc import Citation as CiteprocCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from tools.model import PartialDate, Settings, Text, TextMeta
from tools.pages import cite
from tools.pages.citation import (
    bibtex,
    csl_json,
    edition_citation,
    meta_tags,
    page_url,
    ris,
    text_citation,
)
from tools.problems import Position

SETTINGS = Settings(
    title="Test Edition",
    subtitle="Texts for tests",
    slug="test-edition",
    language="en",
    gloss="first-per-paragraph",
    introduction="",
    principles="",
)
DECLARED = replace(SETTINGS, editors=("Ada Lovelace", "Charles Babbage"), publisher="Example Press", published=PartialDate(2026, 11))


OCTOBER_2011 = PartialDate(2011, 10)


def text(author: str | None = "Jane Roe", date: PartialDate = OCTOBER_2011, url: str | None = "https://example.org/a", editorial: bool = False) -> Text:
    meta = TextMeta(
        title="A {special} title & 100% more_",
        editorial_title=editorial,
        order=1,
        source="Test Press",
        author=author,
        url=url,
        date=date,
        date_note=None,
        kind="news report",
        headnote="",
        passages=(),
        sources=(),
        position=Position("x.yml"),
    )
    return Text("one", "seeds/texts/one.txt", "Words.\n", (), meta)


def test_the_text_is_a_section_of_the_edition() -> None:
    c = text_citation(text(), SETTINGS)
    assert c.kind == "section" and c.title == "A {special} title & 100% more_" and c.authors == ("Jane Roe",)
    assert c.edition_title == "Test Edition: Texts for tests"
    assert c.original is not None and (c.original.source, c.original.date, c.original.url) == ("Test Press", PartialDate(2011, 10), "https://example.org/a")
    assert c.url is None, "without SITE_URL the page's address is unknown"


def test_page_url_comes_from_the_sites_address() -> None:
    assert page_url(text(), "https://example.org/ed") == "https://example.org/ed/texts/one/"
    assert edition_citation(SETTINGS, "https://example.org/ed").url == "https://example.org/ed/"
    assert page_url(text(), "") is None and edition_citation(SETTINGS).url is None


def test_meta_tags_carry_only_what_is_known() -> None:
    tags = meta_tags(text_citation(text(author=None, date=PartialDate()), SETTINGS))
    assert tags == [
        ("citation_title", "A {special} title & 100% more_"),
        ("citation_book_title", "Test Edition: Texts for tests"),
        ("citation_language", "en"),
    ]


def test_meta_tags_with_everything_declared() -> None:
    tags = meta_tags(text_citation(text(date=PartialDate(2020, 7, 31)), DECLARED, "https://example.org/"))
    assert tags == [
        ("citation_title", "A {special} title & 100% more_"),
        ("citation_author", "Jane Roe"),
        ("citation_publication_date", "2020/07/31"),
        ("citation_book_title", "Test Edition: Texts for tests"),
        ("citation_editor", "Ada Lovelace"),
        ("citation_editor", "Charles Babbage"),
        ("citation_publisher", "Example Press"),
        ("citation_public_url", "https://example.org/texts/one/"),
        ("citation_language", "en"),
    ]


def test_ris_reads_back_with_rispy() -> None:
    [entry] = rispy.loads(ris(text_citation(text(), DECLARED)))
    assert entry["type_of_reference"] == "CHAP"
    assert entry["title"] == "A {special} title & 100% more_"
    assert entry["authors"] == ["Jane Roe"]
    assert entry["secondary_title"] == "Test Edition: Texts for tests"
    assert entry["secondary_authors"] == ["Ada Lovelace", "Charles Babbage"]
    assert entry["publisher"] == "Example Press" and entry["year"] == "2026" and entry["date"] == "2026/11//"
    assert entry["original_publication"] == "Originally published by Test Press, 2011-10, at https://example.org/a"
    assert entry["language"] == "en" and "urls" not in entry


def test_ris_leaves_out_what_is_unknown() -> None:
    [entry] = rispy.loads(ris(text_citation(text(author=None, date=PartialDate(), url=None), SETTINGS)))
    assert set(entry) == {"type_of_reference", "id", "title", "secondary_title", "original_publication", "language"}
    assert entry["original_publication"] == "Originally published by Test Press"


def test_edition_ris_is_an_edited_book() -> None:
    [entry] = rispy.loads(ris(edition_citation(DECLARED, "https://example.org/")))
    assert entry["type_of_reference"] == "EDBOOK" and entry["title"] == "Test Edition: Texts for tests"
    assert entry["secondary_authors"] == ["Ada Lovelace", "Charles Babbage"] and entry["urls"] == ["https://example.org/"]
    assert "authors" not in entry and "original_publication" not in entry


def fields(source: str) -> tuple[str, str, dict[str, str]]:
    library = bibtexparser.parse_string(source)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    [entry] = library.entries
    return entry.entry_type, entry.key, {f.key: f.value for f in entry.fields}


def test_bibtex_reads_back_with_bibtexparser() -> None:
    kind, key, values = fields(bibtex(text_citation(text(), DECLARED)))
    assert (kind, key) == ("incollection", "one")
    assert values == {
        "title": r"{A \{special\} title \& 100\% more\_}",
        "author": "{Jane Roe}",
        "booktitle": "{Test Edition: Texts for tests}",
        "editor": "{Ada Lovelace} and {Charles Babbage}",
        "publisher": "Example Press",
        "date": "2026-11",
        "origpublisher": "Test Press",
        "origdate": "2011-10",
        "note": r"Originally published at \url{https://example.org/a}",
    }


def test_bibtex_of_the_edition_and_of_an_undated_text() -> None:
    kind, key, values = fields(bibtex(edition_citation(SETTINGS)))
    assert (kind, key, values) == ("collection", "test-edition", {"title": "{Test Edition: Texts for tests}"})
    _, _, values = fields(bibtex(text_citation(text(author=None, date=PartialDate(), url=None), SETTINGS)))
    assert set(values) == {"title", "booktitle", "origpublisher"}


def test_on_page_bibtex_is_the_download_plus_url_and_access_date() -> None:
    t = text()
    page = cite.bibtex(t, SETTINGS, "PAGE", "TODAY")
    download = bibtex(text_citation(t, SETTINGS))
    assert page.replace("&amp;", "&").replace("&quot;", '"') == download[:-1] + "  url          = {PAGE},\n  urldate      = {TODAY},\n}"


def render_csl(source: str) -> str:
    items = CiteProcJSON(json.loads(source))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, items, formatter.plain)
    key = json.loads(source)[0]["id"]
    bibliography.register(CiteprocCitation([CitationItem(key)]))
    return str(bibliography.bibliography()[0])


def test_csl_json_renders_with_citeproc() -> None:
    source = csl_json(text_citation(text(), DECLARED))
    [item] = json.loads(source)
    assert item["type"] == "chapter" and item["container-title"] == "Test Edition: Texts for tests"
    assert item["original-date"] == {"date-parts": [[2011, 10]]} and item["original-publisher"] == "Test Press"
    assert item["issued"] == {"date-parts": [[2026, 11]]} and item["editor"] == [{"literal": "Ada Lovelace"}, {"literal": "Charles Babbage"}]
    rendered = render_csl(source)
    for part in ("Jane Roe", "2026", "A {special} title & 100% more_", "Test Edition: Texts for tests", "Example Press"):
        assert part in rendered, f"{part!r} missing from {rendered!r}"


def test_csl_json_leaves_out_what_is_unknown() -> None:
    [item] = json.loads(csl_json(text_citation(text(author=None, date=PartialDate(), url=None), SETTINGS)))
    assert set(item) == {"id", "type", "title", "container-title", "original-publisher", "language"}
    assert "(no date)" in render_csl(csl_json(text_citation(text(author=None, date=PartialDate(), url=None), SETTINGS)))


def test_chicago_names_declared_editors_and_publisher() -> None:
    html = cite.chicago(text(), DECLARED, "PAGE", "TODAY")
    assert "Reproduced in <i>Test Edition: Texts for tests</i>, edited by Ada Lovelace and Charles Babbage. Example Press, 2026." in html
    assert "edited by" not in cite.chicago(text(), SETTINGS, "PAGE", "TODAY")
