"""The edition as an EPUB 3 book, written from the annotated edition (not from the built site).

A title page, the introduction with the editorial principles, one chapter per text (headnote,
numbered paragraphs, cross-links), the glossary and a navigation document. Glossed terms and note
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
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from xml.sax import saxutils

from tools.annotate.edition import AnnotatedEdition, AnnotatedText, LinkEnd, Occurrence, PlacedNote
from tools.model import Paragraph, Reference, Term, Text
from tools.pages.citation import edition_name, site_url
from tools.pages.markup import is_safe_url, plain_text, render_markdown, shared_renderer
from tools.pages.parts import NOTE_LABELS, NOTE_SYMBOLS
from tools.site.bundle import zip_time

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
    lines = [f'<div class="title-page">\n<h1 epub:type="title">{escape(s.title)}</h1>']
    if s.subtitle:
        lines.append(f'<p class="subtitle" epub:type="subtitle">{escape(s.subtitle)}</p>')
    if s.editors:
        lines.append(f"<p>Edited by {escape(', '.join(s.editors))}</p>")
    published = ", ".join(p for p in (s.publisher or "", str(s.published.year or "")) if p)
    if published:
        lines.append(f"<p>{escape(published)}</p>")
    lines.append("</div>")
    return Chapter("title.xhtml", s.title, "\n".join(lines), nav=False)


def introduction(edition: AnnotatedEdition) -> Chapter:
    s = edition.edition.settings
    texts = "\n".join(
        f'<li><a href="{chapter_name(t.text)}">{escape(t.text.shown_title)}</a> ({escape(t.text.date.display())})</li>' for t in edition.texts
    )
    body = (
        f'<h1 id="introduction">Introduction</h1>\n{markdown_xhtml(s.introduction)}\n'
        f'<h2 id="texts">The texts</h2>\n<ol>\n{texts}\n</ol>\n'
        f'<h2 id="principles">Editorial principles</h2>\n{markdown_xhtml(s.principles)}\n'
        "<p>In each text, a glossed term or a note marker opens the definition or the note; the notes are also listed after each text, and the glossary is at the end of the book.</p>"
    )
    return Chapter("introduction.xhtml", "Introduction", body)


def _gloss(surface: str, term: Term) -> str:
    return f'<a class="gloss" epub:type="noteref" role="doc-noteref" href="#gloss-{term.id}">{escape(surface)}</a>'


def _marker(placed: PlacedNote) -> str:
    kind = placed.note.kind
    return (
        f'<a class="note-ref" epub:type="noteref" role="doc-noteref" href="#note-{placed.number}" '
        f'aria-label="{NOTE_LABELS[kind]} note {placed.number}">{escape(NOTE_SYMBOLS[kind])}{placed.number}</a>'
    )


def paragraph_xhtml(paragraph: Paragraph, occurrences: tuple[Occurrence, ...], notes: list[PlacedNote]) -> str:
    """The paragraph's words, escaped, with glossed terms and note markers as note references.

    A note marker goes after the end of its quotation, moved past a glossed term it would split
    (as on the site's pages)."""
    glossed = sorted((o for o in occurrences if o.glossed), key=lambda o: o.start)
    inserts: list[tuple[int, int, Callable[[], str], int]] = []
    for placed in notes:
        at = placed.span.end
        for o in glossed:
            if o.start < at < o.end:
                at = o.end
        inserts.append((at, 0, lambda placed=placed: _marker(placed), at))
    inserts += [(o.start, 1, lambda o=o: _gloss(paragraph.text[o.start : o.end], o.term), o.end) for o in glossed]
    body, out, pos = paragraph.text, [], 0
    for at, _, render, end in sorted(inserts, key=lambda e: (e[0], e[1])):
        out.append(escape(body[pos:at]))
        out.append(render())
        pos = end
    out.append(escape(body[pos:]))
    return "".join(out)


def _compare(ends: list[LinkEnd]) -> str:
    items = "".join(
        f'<li><a href="{chapter_name(end.other)}#p{end.there.paragraph}">{escape(end.other.shown_title)}, ¶{end.there.paragraph}</a>: '
        f"“{escape(end.there_quote)}” ({escape(end.link.label)})</li>"
        for end in ends
    )
    return f'<div class="compare"><p class="label">Compare</p><ul>{items}</ul></div>'


def _header(text: Text) -> str:
    meta = text.meta
    if meta is None:
        return '<dl class="text-meta"><dt>Date</dt><dd>date unknown</dd></dl>'
    rows = [("Source", escape(meta.source)), ("Author", escape(meta.author) if meta.author else "Not known")]
    date = escape(meta.date.display()) + (f" ({escape(meta.date_note)})" if meta.date_note else "")
    rows += [("Date", date), ("Kind", escape(meta.kind))]
    if meta.url and is_safe_url(meta.url):
        rows.append(("Published at", f'<a href={quoteattr(meta.url)}>{escape(meta.url)}</a>'))
    items = "\n".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    note = '<p class="title-note">The title in square brackets is supplied by the editors; the text has no title of its own.</p>\n' if meta.editorial_title else ""
    headnote = f'<div class="headnote"><p class="label">Headnote (editorial)</p>{markdown_xhtml(meta.headnote)}</div>'
    return f'{note}<dl class="text-meta">\n{items}\n</dl>\n{headnote}'


def _references(references: tuple[Reference, ...]) -> str:
    items = []
    for ref in references:
        link = f' <a href={quoteattr(ref.url)}>{escape(ref.url)}</a>' if ref.url and is_safe_url(ref.url) else ""
        items.append(f"<li><cite>{escape(ref.title)}</cite> ({escape(ref.year or 'n.d.')}).{link}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def text_chapter(text: AnnotatedText) -> Chapter:
    t = text.text
    parts = [f'<h1 id="top">{escape(t.shown_title)}</h1>', _header(t), '<h2 id="text">Text</h2>']
    for paragraph in t.paragraphs:
        notes = [n for n in text.notes if n.span.paragraph == paragraph.number]
        number = f'<span class="pnum">{paragraph.number}</span>'
        html = f'<p class="para" id="{paragraph.anchor}">{number} {paragraph_xhtml(paragraph, text.in_paragraph(paragraph), notes)}</p>'
        if paragraph.role == "quotation":
            html = f'<blockquote>{html}</blockquote>\n<p class="attribution">Quoted from {escape(paragraph.attribution)}</p>'
        parts.append(html)
        ends = [end for end in text.links if end.here.paragraph == paragraph.number]
        if ends:
            parts.append(_compare(ends))
    notes = []
    for placed in text.notes:
        note = placed.note
        sources = _references(note.sources)
        notes.append(
            f'<aside epub:type="footnote" role="doc-footnote" id="note-{placed.number}">'
            f'<p class="label">{escape(NOTE_SYMBOLS[note.kind])}{placed.number} {NOTE_LABELS[note.kind]} note, ¶{placed.span.paragraph}: '
            f"“{escape(note.anchor.quote)}”</p>{markdown_xhtml(note.body)}"
            + (f'<p class="label">Sources</p>{sources}' if sources else "")
            + "</aside>"
        )
    if notes:
        parts += ['<h2 id="notes">Notes</h2>', *notes]
    terms = {o.term.id: o.term for o in text.occurrences if o.glossed}
    if terms:
        parts.append('<h2 id="glosses">Glossed terms</h2>')
    parts += [
        f'<aside epub:type="footnote" role="doc-footnote" id="gloss-{term.id}"><p><dfn>{escape(term.term)}</dfn>'
        f'{(" (" + escape(term.expansion) + ")") if term.expansion else ""}: {escape(term.short)} '
        f'<a href="glossary.xhtml#{term.id}">Glossary entry</a></p></aside>'
        for term in sorted(terms.values(), key=lambda term: term.id)
    ]
    return Chapter(chapter_name(t), t.shown_title, "\n".join(parts))


def glossary_chapter(edition: AnnotatedEdition) -> Chapter:
    entries = []
    for term in sorted(edition.edition.terms, key=lambda t: t.term.casefold()):
        expansion = f" ({escape(term.expansion)})" if term.expansion else ""
        entries.append(
            f'<section id="{term.id}" epub:type="glossdef"><h2><dfn epub:type="glossterm">{escape(term.term)}</dfn>{expansion}</h2>'
            f'<p class="kind">{escape(term.kind)}</p><p>{escape(term.short)}</p>{markdown_xhtml(term.definition)}'
            + (f'<p class="label">References</p>{_references(term.references)}' if term.references else "")
            + "</section>"
        )
    body = '<h1 id="glossary">Glossary</h1>\n' + "\n".join(entries)
    return Chapter("glossary.xhtml", "Glossary", body)


def chapters(edition: AnnotatedEdition) -> list[Chapter]:
    with shared_renderer():
        return [title_page(edition), introduction(edition), *(text_chapter(t) for t in edition.texts), glossary_chapter(edition)]


# --- package ------------------------------------------------------------------------------------


def identifier(edition: AnnotatedEdition) -> str:
    """A stable identifier: a name-based UUID from the site's address, or from the edition's slug."""
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, site_url() or f"edition:{edition.edition.settings.slug}"))


def modified(epoch: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def package(edition: AnnotatedEdition, book: list[Chapter], epoch: int) -> str:
    s = edition.edition.settings
    meta = [
        f'<dc:identifier id="book-id">{identifier(edition)}</dc:identifier>',
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
    if plain_text(s.introduction):
        meta.append(f"<dc:description>{escape(plain_text(s.introduction)[:500])}</dc:description>")
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
    entries = "\n".join(f'<li><a href="{c.name}">{escape(c.title)}</a></li>' for c in book if c.nav)
    texts = [c for c in book if c.name.startswith("text-")]
    landmarks = (
        f'<li><a epub:type="titlepage" href="{book[0].name}">Title page</a></li>'
        + (f'<li><a epub:type="bodymatter" href="{texts[0].name}">The texts</a></li>' if texts else "")
        + '<li><a epub:type="glossary" href="glossary.xhtml">Glossary</a></li>'
    )
    body = (
        f'<nav epub:type="toc" id="toc" role="doc-toc"><h1>Contents</h1>\n<ol>\n{entries}\n</ol>\n</nav>\n'
        f'<nav epub:type="landmarks" id="landmarks" hidden="hidden"><h2>Landmarks</h2><ol>{landmarks}</ol></nav>'
    )
    return page("Contents", body, edition.edition.settings.language).replace("<section>\n", "").replace("\n</section>", "")


def epub_files(edition: AnnotatedEdition, epoch: int) -> dict[str, bytes]:
    """Every file of the book but the mimetype: its path in the zip and its bytes."""
    book = chapters(edition)
    language = edition.edition.settings.language
    kinds = {"glossary.xhtml": "glossary", "introduction.xhtml": "introduction", "title.xhtml": "titlepage"}
    files = {
        "META-INF/container.xml": CONTAINER,
        "EPUB/package.opf": package(edition, book, epoch),
        "EPUB/nav.xhtml": navigation(edition, book),
        "EPUB/style.css": STYLE,
    }
    for c in book:
        files[f"EPUB/{c.name}"] = page(c.title, c.body, language, kinds.get(c.name, "chapter"))
    return {name: content.encode("utf-8") for name, content in files.items()}


def write_epub(edition: AnnotatedEdition, target: Path, epoch: int) -> Path:
    """Write the book to target: byte-identical for identical input and epoch."""
    stamp = zip_time(epoch)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as archive:
        first = zipfile.ZipInfo("mimetype", date_time=stamp)
        first.compress_type = zipfile.ZIP_STORED
        first.external_attr = 0o100644 << 16
        first.create_system = 3
        archive.writestr(first, MIMETYPE)
        for name, data in sorted(epub_files(edition, epoch).items()):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            archive.writestr(info, data, compresslevel=9)
    return target
