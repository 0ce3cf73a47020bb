"""The edition as an EPUB 3 book, written from the annotated edition (not from the built site).

A title page, the introduction with the editorial principles, one chapter per text (headnote,
numbered paragraphs, cross-links), the glossary, the bibliography when the edition has sources, and
a navigation document. Glossed terms and note
markers are note references (epub:type="noteref", role doc-noteref) to <aside epub:type="footnote">
elements in the same chapter file, which reading systems such as Apple Books, Thorium and Calibre
show as pop-up footnotes. The bytes are the same for the same input and SOURCE_DATE_EPOCH: the
mimetype entry first and stored, the other entries sorted, every timestamp the epoch.
"""
from __future__ import annotations

import re
import time
import uuid
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from xml.sax import saxutils

from tools.annotate.edition import AnnotatedEdition, AnnotatedText, Cited, LinkEnd, Occurrence, PlacedNote, resolve
from tools.model import Paragraph, Settings, Term, Text
from tools.pages.apparatus import source_label
from tools.pages.bibliography import listed_sources
from tools.pages.citation import edition_name, site_base
from tools.pages.markup import plain_text, render_markdown, shared_renderer
from tools.pages.parts import NOTE_SYMBOLS, source_anchor
from tools.site.bundle import zip_time
from tools.source.links import is_safe_url
from tools.strings import Words

MIMETYPE = b"application/epub+zip"
# Characters XML 1.0 does not allow; a text reproduced verbatim may still hold one (a form feed).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    """Text as XML character data; characters XML cannot hold become U+FFFD."""
    return saxutils.escape(_NOT_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    return saxutils.quoteattr(_NOT_XML.sub("\ufffd", text))


CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""
STYLE = """\
body { font-family: serif; line-height: 1.5; margin: 0 5%; }
h1 { font-size: 1.5em; margin: 1.5em 0 0.5em; }
h2 { font-size: 1.2em; margin: 1.5em 0 0.5em; }
.title-page { text-align: center; margin-top: 20%; }
.title-page h1 { font-size: 2em; }
.subtitle { font-size: 1.2em; font-style: italic; }
.text-meta dt { font-weight: bold; }
.text-meta dd { margin: 0 0 0.4em 1.5em; }
.headnote { border-left: 3px solid #888; padding-left: 0.8em; margin: 1em 0; }
.label { font-variant: small-caps; font-weight: bold; margin-bottom: 0.2em; }
p.para { text-indent: 0; margin: 0.8em 0; }
.pnum { font-size: 0.75em; color: #555; font-family: sans-serif; margin-right: 0.4em; }
blockquote { margin: 0.8em 1.5em; }
.attribution { font-size: 0.9em; margin: 0 1.5em 0.8em; }
a.gloss { color: inherit; text-decoration: underline dotted; }
a.note-ref { font-size: 0.75em; vertical-align: super; line-height: 0; text-decoration: none; }
.compare { font-size: 0.9em; margin: 0 0 1em 1.5em; }
aside { font-size: 0.9em; margin: 0.6em 0; }
dfn { font-style: normal; font-weight: bold; }
.kind { font-style: italic; }
"""


@dataclass(frozen=True)
class Chapter:
    """One XHTML file of the book: its name in the package, its title, and its body."""

    name: str
    title: str
    body: str
    nav: bool = True


def chapter_name(text: Text) -> str:
    return f"text-{text.slug}.xhtml"


class _Xhtml(HTMLParser):
    """Re-serialises the safe renderer's HTML as well-formed XHTML (void elements closed, text escaped).

    Links that do not leave the book (relative site links) become plain text: they point into the
    website, whose pages are not in the book."""

    VOID = frozenset({"br", "hr", "img", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropped: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href") or ""
            keep = bool(re.match(r"(?i)(https?|mailto):", href)) and is_safe_url(href)
            self.dropped.append(not keep)
            if not keep:
                return
            attrs = [("href", href)]
        attributes = "".join(f" {name}={quoteattr(value or '')}" for name, value in attrs)
        self.out.append(f"<{tag}{attributes}/>" if tag in self.VOID else f"<{tag}{attributes}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if tag == "a" and self.dropped and self.dropped.pop():
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data))


def xhtml(html: str) -> str:
    """HTML from the safe Markdown renderer as XHTML."""
    parser = _Xhtml()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def markdown_xhtml(text: str) -> str:
    return xhtml(render_markdown(text))


def page(title: str, body: str, language: str, kind: str = "") -> str:
    """A complete XHTML content document."""
    section = f' epub:type="{kind}"' if kind else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang={quoteattr(language)} lang={quoteattr(language)}>\n'
        f"<head>\n<meta charset=\"UTF-8\"/>\n<title>{escape(title)}</title>\n"
        '<link rel="stylesheet" type="text/css" href="style.css"/>\n</head>\n'
        f"<body>\n<section{section}>\n{body}\n</section>\n</body>\n</html>\n"
    )


# --- chapters -----------------------------------------------------------------------------------


def title_page(edition: AnnotatedEdition) -> Chapter:
    s = edition.edition.settings
    words = s.words
    lines = [f'<div class="title-page">\n<h1 epub:type="title">{escape(s.title)}</h1>']
    if s.subtitle:
        lines.append(f'<p class="subtitle" epub:type="subtitle">{escape(s.subtitle)}</p>')
    if s.editors:
        lines.append(f"<p>{escape(words('epub.edited_by', editors=words.listing(list(s.editors))))}</p>")
    published = ", ".join(p for p in (s.publisher or "", str(s.published.year or "")) if p)
    if published:
        lines.append(f"<p>{escape(published)}</p>")
    lines.append("</div>")
    return Chapter("title.xhtml", s.title, "\n".join(lines), nav=False)


def introduction(edition: AnnotatedEdition) -> Chapter:
    s = edition.edition.settings
    words = s.words
    texts = "\n".join(
        f'<li><a href="{chapter_name(t.text)}">{escape(t.text.shown_title)}</a> ({escape(words.date(t.text.date))})</li>' for t in edition.texts
    )
    title = words("print.introduction")
    body = (
        f'<h1 id="introduction">{escape(title)}</h1>\n{markdown_xhtml(s.introduction)}\n'
        f'<h2 id="texts">{escape(words("index.texts"))}</h2>\n<ol>\n{texts}\n</ol>\n'
        f'<h2 id="principles">{escape(words("index.principles"))}</h2>\n{markdown_xhtml(s.principles)}\n'
        f"<p>{escape(words('epub.how_to_read'))}</p>"
    )
    return Chapter("introduction.xhtml", title, body)


def _gloss(surface: str, term: Term) -> str:
    return f'<a class="gloss" epub:type="noteref" role="doc-noteref" href="#gloss-{term.id}">{escape(surface)}</a>'


def _note_label(placed: PlacedNote, words: Words) -> str:
    return words("note.label", kind=words(f"note.{placed.note.kind}"), number=placed.number)


def _marker(placed: PlacedNote, words: Words) -> str:
    return (
        f'<a class="note-ref" epub:type="noteref" role="doc-noteref" href="#note-{placed.number}" '
        f"aria-label={quoteattr(_note_label(placed, words))}>{escape(NOTE_SYMBOLS[placed.note.kind])}{placed.number}</a>"
    )


def paragraph_xhtml(paragraph: Paragraph, occurrences: tuple[Occurrence, ...], notes: list[PlacedNote], words: Words) -> str:
    """The paragraph's words, escaped, with glossed terms and note markers as note references.

    A note marker goes after the end of its quotation, moved past a glossed term it would split
    (as on the site's pages)."""
    glossed = sorted((o for o in occurrences if o.glossed), key=lambda o: o.start)
    inserts: list[tuple[int, int, str, int]] = []
    for placed in notes:
        at = placed.span.end
        for o in glossed:
            if o.start < at < o.end:
                at = o.end
        inserts.append((at, 0, _marker(placed, words), at))
    inserts += [(o.start, 1, _gloss(paragraph.text[o.start : o.end], o.term), o.end) for o in glossed]
    body, out, pos = paragraph.text, [], 0
    for at, _, html, end in sorted(inserts, key=lambda e: (e[0], e[1])):
        out.append(escape(body[pos:at]))
        out.append(html)
        pos = end
    out.append(escape(body[pos:]))
    return "".join(out)


def _compare(ends: list[LinkEnd], words: Words) -> str:
    items = "".join(
        f'<li><a href="{chapter_name(end.other)}#p{end.there.paragraph}">{escape(end.other.shown_title)}, ¶{end.there.paragraph}</a>: '
        f"“{escape(end.there_quote)}” ({escape(end.link.label)})</li>"
        for end in ends
    )
    return f'<div class="compare"><p class="label">{escape(words("text.compare"))}</p><ul>{items}</ul></div>'


def _header(annotated: AnnotatedText, words: Words) -> str:
    text = annotated.text
    meta = text.meta
    if meta is None:
        rows = [(words("text.date"), escape(words("date.unknown"))), (words("text.metadata"), escape(words("text.metadata_missing")))]
        return '<dl class="text-meta">' + "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"
    author = escape(meta.author) if meta.author else escape(words("text.author_unknown"))
    date = escape(words.date(meta.date)) + (f" ({escape(meta.date_note)})" if meta.date_note else "")
    rows = [(words("text.source"), escape(meta.source)), (words("text.author"), author), (words("text.date"), date), (words("text.kind"), escape(meta.kind))]
    if meta.url and is_safe_url(meta.url):
        rows.append((words("text.published_at"), f"<a href={quoteattr(meta.url)}>{escape(meta.url)}</a>"))
    items = "\n".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows)
    note = f'<p class="title-note">{escape(words("text.title_note"))}</p>\n' if meta.editorial_title else ""
    sources = _sources(annotated.sources, words("note.sources"), words)
    headnote = f'<div class="headnote"><p class="label">{escape(words("text.headnote_label"))}</p>{markdown_xhtml(meta.headnote)}{sources}</div>'
    return f'{note}<dl class="text-meta">\n{items}\n</dl>\n{headnote}'


def _cited(cited: Cited, words: Words) -> str:
    """A citation: the source, linked to its entry in the book's bibliography, and the locator."""
    at = f", {escape(cited.at)}" if cited.at else ""
    return f'<a href="bibliography.xhtml#{source_anchor(cited.source)}">{escape(source_label(cited.source, words))}</a>{at}'


def _sources(cited: tuple[Cited, ...], label: str, words: Words) -> str:
    items = "".join(f"<li>{_cited(c, words)}</li>" for c in cited)
    return f'<p class="label">{escape(label)}</p><ol>{items}</ol>' if cited else ""


def _lang(text: Text, settings: Settings) -> str:
    """xml:lang and lang for a text in another language than the edition's, else ''."""
    language = text.language
    return f" xml:lang={quoteattr(language)} lang={quoteattr(language)}" if language and language != settings.language else ""


def text_chapter(text: AnnotatedText, settings: Settings) -> Chapter:
    t, words = text.text, settings.words
    lang = _lang(t, settings)
    parts = [f'<h1 id="top"{lang}>{escape(t.shown_title)}</h1>', _header(text, words), f'<h2 id="text">{escape(words("text.heading"))}</h2>']
    for paragraph in t.paragraphs:
        notes = [n for n in text.notes if n.span.paragraph == paragraph.number]
        number = f'<span class="pnum">{paragraph.number}</span>'
        html = f'<p class="para" id="{paragraph.anchor}"{lang}>{number} {paragraph_xhtml(paragraph, text.in_paragraph(paragraph), notes, words)}</p>'
        if paragraph.role == "quotation":
            cited = text.quoted_from(paragraph)
            source = _cited(cited, words) if cited else ""
            html = f'<blockquote>{html}</blockquote>\n<p class="attribution">{escape(words("text.quoted_from"))} {source}</p>'
        parts.append(html)
        ends = [end for end in text.links if end.here.paragraph == paragraph.number]
        if ends:
            parts.append(_compare(ends, words))
    asides: list[str] = []
    for placed in text.notes:
        note = placed.note
        sources = _sources(placed.sources, words("note.sources"), words)
        head = words("epub.note_head", label=_note_label(placed, words), paragraph=placed.span.paragraph)
        asides.append(
            f'<aside epub:type="footnote" role="doc-footnote" id="note-{placed.number}">'
            f'<p class="label">{escape(NOTE_SYMBOLS[note.kind])}{placed.number} {escape(head)} “{escape(note.anchor.quote)}”</p>'
            f"{markdown_xhtml(note.body)}"
            + sources
            + "</aside>"
        )
    if asides:
        parts += [f'<h2 id="notes">{escape(words("text.notes"))}</h2>', *asides]
    terms = {o.term.id: o.term for o in text.occurrences if o.glossed}
    if terms:
        parts.append(f'<h2 id="glosses">{escape(words("epub.glosses"))}</h2>')
    parts += [
        f'<aside epub:type="footnote" role="doc-footnote" id="gloss-{term.id}"><p><dfn>{escape(term.term)}</dfn>'
        f'{(" (" + escape(term.expansion) + ")") if term.expansion else ""}: {escape(term.short)} '
        f'<a href="glossary.xhtml#{term.id}">{escape(words("epub.glossary_entry"))}</a></p></aside>'
        for term in sorted(terms.values(), key=lambda term: term.id)
    ]
    return Chapter(chapter_name(t), t.shown_title, "\n".join(parts))


def glossary_chapter(edition: AnnotatedEdition) -> Chapter:
    words = edition.edition.settings.words
    entries = []
    for term in sorted(edition.edition.terms, key=lambda t: t.term.casefold()):
        expansion = f" ({escape(term.expansion)})" if term.expansion else ""
        references = _sources(resolve(edition.edition, term.references), words("glossary.references"), words)
        entries.append(
            f'<section id="{term.id}" epub:type="glossdef"><h2><dfn epub:type="glossterm">{escape(term.term)}</dfn>{expansion}</h2>'
            f'<p class="kind">{escape(term.kind)}</p><p>{escape(term.short)}</p>{markdown_xhtml(term.definition)}'
            + references
            + "</section>"
        )
    title = words("glossary.title")
    body = f'<h1 id="glossary">{escape(title)}</h1>\n' + "\n".join(entries)
    return Chapter("glossary.xhtml", title, body)


def bibliography_chapter(edition: AnnotatedEdition) -> Chapter | None:
    """Every source once, sorted as on the bibliography page, each with its address; None without sources."""
    words = edition.edition.settings.words
    sources = listed_sources(edition)
    if not sources:
        return None
    items = []
    for source in sources:
        link = f' <a href={quoteattr(source.url)}>{escape(source.url)}</a>' if source.url and is_safe_url(source.url) else ""
        note = f" {escape(source.note)}" if source.note else ""
        items.append(f'<p class="source" id="{source_anchor(source)}">{escape(source_label(source, words))}.{link}{note}</p>')
    title = words("bibliography.title")
    body = f'<h1 id="bibliography">{escape(title)}</h1>\n' + "\n".join(items)
    return Chapter("bibliography.xhtml", title, body)


def chapters(edition: AnnotatedEdition) -> list[Chapter]:
    settings = edition.edition.settings
    with shared_renderer():
        book = [title_page(edition), introduction(edition), *(text_chapter(t, settings) for t in edition.texts), glossary_chapter(edition)]
        bibliography = bibliography_chapter(edition)
    return book + ([bibliography] if bibliography else [])


# --- package ------------------------------------------------------------------------------------


def identifier(edition: AnnotatedEdition, site_url: str) -> str:
    """A stable identifier: a name-based UUID from the site's address, or from the edition's slug."""
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, site_base(site_url) or f"edition:{edition.edition.settings.slug}"))


def modified(epoch: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def package(edition: AnnotatedEdition, book: list[Chapter], epoch: int, site_url: str) -> str:
    s = edition.edition.settings
    meta = [
        f'<dc:identifier id="book-id">{identifier(edition, site_url)}</dc:identifier>',
        f"<dc:title>{escape(edition_name(s))}</dc:title>",
        f"<dc:language>{escape(s.language)}</dc:language>",
        f'<meta property="dcterms:modified">{modified(epoch)}</meta>',
    ]
    for n, editor in enumerate(s.editors, start=1):
        meta.append(f'<dc:creator id="editor-{n}">{escape(editor)}</dc:creator>')
        meta.append(f'<meta refines="#editor-{n}" property="role" scheme="marc:relators">edt</meta>')
    if s.publisher:
        meta.append(f"<dc:publisher>{escape(s.publisher)}</dc:publisher>")
    if s.published.year is not None:
        meta.append(f"<dc:date>{s.published.iso()}</dc:date>")
    introduction = plain_text(s.introduction)
    if introduction:
        meta.append(f"<dc:description>{escape(introduction[:500])}</dc:description>")
    items = [
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
        '<item id="style" href="style.css" media-type="text/css"/>',
    ]
    items += [f'<item id="c{n}" href="{c.name}" media-type="application/xhtml+xml"/>' for n, c in enumerate(book)]
    spine = [f'<itemref idref="c{n}"/>' for n in range(len(book))]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang={quoteattr(s.language)}>\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n' + "\n".join(meta) + "\n</metadata>\n"
        "<manifest>\n" + "\n".join(items) + "\n</manifest>\n"
        "<spine>\n" + "\n".join(spine) + "\n</spine>\n</package>\n"
    )


def navigation(edition: AnnotatedEdition, book: list[Chapter]) -> str:
    words = edition.edition.settings.words
    entries = "\n".join(f'<li><a href="{c.name}">{escape(c.title)}</a></li>' for c in book if c.nav)
    texts = [c for c in book if c.name.startswith("text-")]
    landmarks = (
        f'<li><a epub:type="titlepage" href="{book[0].name}">{escape(words("epub.title_page"))}</a></li>'
        + (f'<li><a epub:type="bodymatter" href="{texts[0].name}">{escape(words("index.texts"))}</a></li>' if texts else "")
        + f'<li><a epub:type="glossary" href="glossary.xhtml">{escape(words("glossary.title"))}</a></li>'
    )
    contents = words("print.contents")
    body = (
        f'<nav epub:type="toc" id="toc" role="doc-toc"><h1>{escape(contents)}</h1>\n<ol>\n{entries}\n</ol>\n</nav>\n'
        f'<nav epub:type="landmarks" id="landmarks" hidden="hidden"><h2>{escape(words("epub.title_page"))}</h2><ol>{landmarks}</ol></nav>'
    )
    return page(contents, body, edition.edition.settings.language).replace("<section>\n", "").replace("\n</section>", "")


def epub_files(edition: AnnotatedEdition, epoch: int, site_url: str = "") -> dict[str, bytes]:
    """Every file of the book but the mimetype: its path in the zip and its bytes."""
    book = chapters(edition)
    language = edition.edition.settings.language
    kinds = {"glossary.xhtml": "glossary", "introduction.xhtml": "introduction", "title.xhtml": "titlepage", "bibliography.xhtml": "bibliography"}
    files = {
        "META-INF/container.xml": CONTAINER,
        "EPUB/package.opf": package(edition, book, epoch, site_url),
        "EPUB/nav.xhtml": navigation(edition, book),
        "EPUB/style.css": STYLE,
    }
    for c in book:
        files[f"EPUB/{c.name}"] = page(c.title, c.body, language, kinds.get(c.name, "chapter"))
    return {name: content.encode("utf-8") for name, content in files.items()}


def write_epub(edition: AnnotatedEdition, target: Path, epoch: int, site_url: str = "") -> Path:
    """Write the book to target: byte-identical for identical input, epoch and site address."""
    stamp = zip_time(epoch)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as archive:
        first = zipfile.ZipInfo("mimetype", date_time=stamp)
        first.compress_type = zipfile.ZIP_STORED
        first.external_attr = 0o100644 << 16
        first.create_system = 3
        archive.writestr(first, MIMETYPE)
        for name, data in sorted(epub_files(edition, epoch, site_url).items()):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            archive.writestr(info, data, compresslevel=9)
    return target
