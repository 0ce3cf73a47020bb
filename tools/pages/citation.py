"""One citation model for a text and for the edition, and every machine-readable form of it.

A text is cited as a section of the edition (a book section, a chapter) that reproduces an original
publication; the edition is cited as a whole (an edited book). Every field comes from the metadata
as given: the text's title (an editorial title keeps its square brackets), its author only if known,
its source, date (at its known precision) and URL; the edition's title, editors, publisher and date
only as seeds/edition.yml declares them; the page's address only when the site's address is known
(SITE_URL, checked by the command line and passed in as site_url).
A field that is not known is left out of every format, never filled in.

The same Citation feeds the page's meta tags (Zotero, Google Scholar), the RIS, BibTeX and CSL-JSON
downloads, and the Chicago, APA and BibTeX citations on the page (tools/pages/cite.py).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal

from tools.model import PartialDate, Settings, Text
from tools.pages.parts import text_page

DOWNLOADS = "downloads"


@dataclass(frozen=True)
class Original:
    """Where and when a reproduced text was first published."""

    source: str
    date: PartialDate
    url: str | None


@dataclass(frozen=True)
class Citation:
    """A text as a section of the edition, or the edition itself (original is None)."""

    key: str
    kind: Literal["section", "edition"]
    title: str
    authors: tuple[str, ...]
    original: Original | None
    edition_title: str
    editors: tuple[str, ...]
    publisher: str | None
    published: PartialDate
    language: str
    url: str | None


def edition_name(settings: Settings) -> str:
    """The edition's title with its subtitle, as citations name it."""
    return f"{settings.title}: {settings.subtitle}" if settings.subtitle else settings.title


def site_base(site_url: str) -> str | None:
    """The hosted site's address ending in /, or None when it is not known ("")."""
    return site_url.rstrip("/") + "/" if site_url else None


def page_url(text: Text, site_url: str) -> str | None:
    """The text's hosted URL, or None when the site's address is not known."""
    base = site_base(site_url)
    return base + text_page(text).removesuffix(".md") + "/" if base else None


def text_citation(text: Text, settings: Settings, site_url: str = "") -> Citation:
    """The text as a section of the edition."""
    meta = text.meta
    original = Original(meta.source, meta.date, meta.url) if meta else Original("", PartialDate(), None)
    return Citation(
        key=text.slug,
        kind="section",
        title=text.shown_title,
        authors=(meta.author,) if meta and meta.author else (),
        original=original,
        edition_title=edition_name(settings),
        editors=settings.editors,
        publisher=settings.publisher,
        published=settings.published,
        language=settings.language,
        url=page_url(text, site_url),
    )


def edition_citation(settings: Settings, site_url: str = "") -> Citation:
    """The edition as a whole."""
    return Citation(
        key=settings.slug,
        kind="edition",
        title=edition_name(settings),
        authors=(),
        original=None,
        edition_title=edition_name(settings),
        editors=settings.editors,
        publisher=settings.publisher,
        published=settings.published,
        language=settings.language,
        url=site_base(site_url),
    )


# Where the downloads live, relative to docs/ (and so to the built site's root).
def download_path(citation: Citation, extension: str) -> str:
    folder = f"{DOWNLOADS}/texts" if citation.kind == "section" else DOWNLOADS
    return f"{folder}/{citation.key}.{extension}"


FORMATS = (("ris", "RIS"), ("bib", "BibTeX"), ("csl.json", "CSL-JSON"))


def downloads(citation: Citation) -> dict[str, str]:
    """The citation's files: path under docs/ -> content."""
    return {
        download_path(citation, "ris"): ris(citation),
        download_path(citation, "bib"): bibtex(citation) + "\n",
        download_path(citation, "csl.json"): csl_json(citation),
    }


# --- Highwire Press meta tags (read by Zotero and Google Scholar) -------------------------------


def highwire_date(date: PartialDate) -> str:
    """YYYY/MM/DD, YYYY/MM or YYYY."""
    return date.iso().replace("-", "/")


def meta_tags(citation: Citation) -> list[tuple[str, str]]:
    """citation_* name/content pairs; citation_book_title makes Zotero save a book section.

    The date is the original publication's, at its precision: Highwire has no separate tag for it,
    and it is the date every citation of the text gives."""
    tags = [("citation_title", citation.title)]
    tags += [("citation_author", author) for author in citation.authors]
    date = citation.original.date if citation.original else citation.published
    if date.year is not None:
        tags.append(("citation_publication_date", highwire_date(date)))
    if citation.kind == "section":
        tags.append(("citation_book_title", citation.edition_title))
    tags += [("citation_editor", editor) for editor in citation.editors]
    if citation.publisher:
        tags.append(("citation_publisher", citation.publisher))
    if citation.url:
        tags.append(("citation_public_url", citation.url))
    if citation.language:
        tags.append(("citation_language", citation.language))
    return tags


# --- RIS ----------------------------------------------------------------------------------------


def _original_line(original: Original) -> str:
    """"Originally published by The Duran, 2011-10, at https://..." with only what is known."""
    parts = [f"Originally published by {original.source}" if original.source else "Originally published"]
    if original.date.year is not None:
        parts.append(original.date.iso())
    line = ", ".join(parts)
    return line + (f", at {original.url}" if original.url else "")


def ris(citation: Citation) -> str:
    """One RIS record (CHAP for a text, EDBOOK for the edition), CRLF-free, ending in 'ER  - '."""
    lines = [("TY", "CHAP" if citation.kind == "section" else "EDBOOK"), ("ID", citation.key), ("TI", citation.title)]
    lines += [("AU", author) for author in citation.authors]
    if citation.kind == "section":
        lines.append(("T2", citation.edition_title))
    lines += [("A2", editor) for editor in citation.editors]
    if citation.publisher:
        lines.append(("PB", citation.publisher))
    if citation.published.year is not None:
        lines.append(("PY", str(citation.published.year)))
        lines.append(("DA", _ris_date(citation.published)))
    original = citation.original
    if original and (original.source or original.date.year is not None or original.url):
        lines.append(("OP", _original_line(original)))
    if citation.url:
        lines.append(("UR", citation.url))
    if citation.language:
        lines.append(("LA", citation.language))
    body = "".join(f"{tag}  - {_one_line(value)}\n" for tag, value in lines)
    return body + "ER  - \n"


def _ris_date(date: PartialDate) -> str:
    """RIS DA: YYYY/MM/DD/ with empty parts for what is unknown."""
    month = f"{date.month:02d}" if date.month else ""
    day = f"{date.day:02d}" if date.day else ""
    return f"{date.year:04d}/{month}/{day}/"


def _one_line(value: str) -> str:
    return " ".join(value.split())


# --- BibTeX (biblatex) --------------------------------------------------------------------------

_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_~^])")


def bibtex_escape(text: str) -> str:
    """Text as a BibTeX field value: TeX's special characters escaped."""

    def one(match: re.Match[str]) -> str:
        char = match.group(1)
        return {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}.get(char, "\\" + char)

    return _BIBTEX_SPECIAL.sub(one, _one_line(text))


def bibtex_fields(citation: Citation) -> list[tuple[str, str]]:
    """The entry's fields in order, values already escaped (without the outer braces); no url/urldate."""
    fields = [("title", "{" + bibtex_escape(citation.title) + "}")]
    fields += [("author", " and ".join("{" + bibtex_escape(a) + "}" for a in citation.authors))] if citation.authors else []
    if citation.kind == "section":
        fields.append(("booktitle", "{" + bibtex_escape(citation.edition_title) + "}"))
    if citation.editors:
        fields.append(("editor", " and ".join("{" + bibtex_escape(e) + "}" for e in citation.editors)))
    if citation.publisher:
        fields.append(("publisher", bibtex_escape(citation.publisher)))
    if citation.published.year is not None:
        fields.append(("date", citation.published.iso()))
    original = citation.original
    if original:
        if original.source:
            fields.append(("origpublisher", bibtex_escape(original.source)))
        if original.date.year is not None:
            fields.append(("origdate", original.date.iso()))
        if original.url:
            fields.append(("note", f"Originally published at \\url{{{original.url}}}"))
    # No langid: biblatex wants a babel name there ("english"), not the edition's language code.
    return fields


def bibtex_entry_type(citation: Citation) -> str:
    return "incollection" if citation.kind == "section" else "collection"


def bibtex(citation: Citation) -> str:
    """A biblatex entry (@incollection for a text, @collection for the edition)."""
    lines = [f"@{bibtex_entry_type(citation)}{{{citation.key},"]
    lines += [f"  {name:<12} = {{{value}}}," for name, value in bibtex_fields(citation)]
    if citation.url:
        lines.append(f"  {'url':<12} = {{{citation.url}}},")
    lines.append("}")
    return "\n".join(lines)


# --- CSL-JSON -----------------------------------------------------------------------------------


def csl_date(date: PartialDate) -> dict[str, list[list[int]]]:
    """A CSL date at its precision: [[2011, 10]] for October 2011."""
    return {"date-parts": [[p for p in (date.year, date.month, date.day) if p is not None]]}


def csl_item(citation: Citation) -> dict[str, object]:
    """The citation as one CSL-JSON item (original-* fields for the original publication)."""
    item: dict[str, object] = {"id": citation.key, "type": "chapter" if citation.kind == "section" else "book", "title": citation.title}
    if citation.authors:
        item["author"] = [{"literal": a} for a in citation.authors]
    if citation.kind == "section":
        item["container-title"] = citation.edition_title
    if citation.editors:
        item["editor"] = [{"literal": e} for e in citation.editors]
    if citation.publisher:
        item["publisher"] = citation.publisher
    if citation.published.year is not None:
        item["issued"] = csl_date(citation.published)
    original = citation.original
    if original:
        if original.source:
            item["original-publisher"] = original.source
        if original.date.year is not None:
            item["original-date"] = csl_date(original.date)
        if original.url:
            item["note"] = f"Originally published at {original.url}"
    if citation.url:
        item["URL"] = citation.url
    if citation.language:
        item["language"] = citation.language
    return item


def csl_json(citation: Citation) -> str:
    """A CSL-JSON file: a list holding the one item."""
    return json.dumps([csl_item(citation)], ensure_ascii=False, indent=2) + "\n"
