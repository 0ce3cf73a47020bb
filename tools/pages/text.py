"""Writes one text's page: header and headnote, numbered paragraphs with glosses, note markers and
cross-links, the notes, the terms in the text, and the other texts."""
from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable

from tools.annotate.edition import AnnotatedEdition, AnnotatedText, LinkEnd, Occurrence, PlacedNote
from tools.pages.cite import cite_section
from tools.pages.citation import FORMATS, Citation, download_path, meta_tags, text_citation
from tools.pages.head import head_fields
from tools.pages.linkeddata import text_jsonld
from tools.pages.markup import html_escape, md_escape, plain_text, render_markdown
from tools.model import Paragraph, Settings, Term, Text
from tools.pages.parts import NOTE_LABELS, NOTE_SYMBOLS, front_matter, reading_time, references_html, text_page

GLOSSARY = "../glossary.md"


def _gloss(surface: str, term: Term) -> str:
    return f'[{md_escape(surface)}]({GLOSSARY}#{term.id}){{ .gloss aria-describedby="tip-{term.id}" }}'


def _marker(placed: PlacedNote) -> str:
    kind = placed.note.kind
    label = f"{NOTE_LABELS[kind]} note {placed.number}"
    return (
        f'[{NOTE_SYMBOLS[kind]}{placed.number}](#note-{placed.number})'
        f'{{ .note-ref .note-ref--{kind} aria-describedby="notetip-{placed.number}" aria-label="{label}" }}'
    )


def paragraph_body(
    paragraph: Paragraph,
    occurrences: tuple[Occurrence, ...],
    notes: list[PlacedNote],
    gloss: Callable[[str, Term], str] = _gloss,
    marker: Callable[[PlacedNote], str] = _marker,
) -> str:
    """The paragraph's words as Markdown: literal text, glossed terms as links, note markers after quotes.

    gloss and marker render a glossed term and a note marker (the print page links them within itself)."""
    glossed = sorted((o for o in occurrences if o.glossed), key=lambda o: o.start)
    inserts: list[tuple[int, str]] = []
    for placed in notes:
        at = placed.span.end
        for o in glossed:
            if o.start < at < o.end:
                at = o.end
        inserts.append((at, marker(placed)))
    events = sorted([(o.start, 1, o) for o in glossed] + [(at, 0, m) for at, m in inserts], key=lambda e: (e[0], e[1]))
    body, out, pos = paragraph.text, [], 0
    for at, _, item in events:
        out.append(md_escape(body[pos:at]))
        if isinstance(item, str):
            out.append(item)
            pos = at
        else:
            out.append(gloss(body[item.start : item.end], item.term))
            pos = item.end
    out.append(md_escape(body[pos:]))
    return "".join(out)


def _paragraph(paragraph: Paragraph, text: AnnotatedText) -> str:
    notes = [n for n in text.notes if n.span.paragraph == paragraph.number]
    role = f" para--{paragraph.role}" if paragraph.role else ""
    number = f'<a class="pnum" href="#{paragraph.anchor}" aria-label="Paragraph {paragraph.number}">{paragraph.number}</a>'
    html = (
        f'<p class="para{role}" id="{paragraph.anchor}" markdown="1">{number} '
        f"{paragraph_body(paragraph, text.in_paragraph(paragraph), notes)}</p>"
    )
    if paragraph.role == "quotation":
        html = (
            f'<figure class="quotation" markdown="1">\n<blockquote markdown="1">\n{html}\n</blockquote>\n'
            f'<figcaption><span class="attribution-label">Quoted from</span> {html_escape(paragraph.attribution)}</figcaption>\n</figure>'
        )
    links = [end for end in text.links if end.here.paragraph == paragraph.number]
    return html + ("\n\n" + _crosslinks(links, paragraph.number) if links else "")


def _crosslinks(ends: list[LinkEnd], number: int) -> str:
    items = []
    for end in ends:
        target = f"{end.other.slug}.md#p{end.there.paragraph}"
        where = f"{md_escape(end.other.shown_title)}, ¶{end.there.paragraph}"
        items.append(f'- [{where}]({target}){{ .crosslink }}: “{md_escape(end.there_quote)}” — {md_escape(end.link.label)}')
    return (
        f'<aside class="crosslinks" aria-label="Passages in other texts related to paragraph {number}" markdown="1">\n'
        '<p class="crosslinks-title">Compare</p>\n\n' + "\n".join(items) + "\n\n</aside>"
    )


def header(text: Text) -> str:
    """The text's metadata, title note and headnote."""
    meta = text.meta
    rows: list[tuple[str, str]] = []
    if meta:
        source = html_escape(meta.source)
        rows.append(("Source", source))
        rows.append(("Author", html_escape(meta.author) if meta.author else "Not known"))
        date = html_escape(meta.date.display())
        if meta.date_note:
            date += f' <span class="date-note">({html_escape(meta.date_note)})</span>'
        rows.append(("Date", date))
        rows.append(("Kind", html_escape(meta.kind)))
        if meta.url:
            rows.append(("Published at", f'<span class="source-url">{html_escape(meta.url)}</span>'))
    else:
        rows.append(("Date", "date unknown"))
        rows.append(("Metadata", "not yet added by the editors"))
    rows.append(("Length", f"{text.words:,} words · {reading_time(text.words)} read"))
    items = "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in rows)
    title_note = ""
    if meta and meta.editorial_title:
        title_note = '<p class="title-note">The title in square brackets is supplied by the editors; the text has no title of its own.</p>'
    headnote = ""
    if meta:
        headnote = f'<section class="headnote" aria-label="Headnote"><p class="headnote-label">Headnote (editorial)</p>{render_markdown(meta.headnote)}</section>'
    return f'<div class="text-header">\n{title_note}<dl class="text-meta">{items}</dl>\n{headnote}\n</div>'


def _notes(text: AnnotatedText, prefix: str = "", level: str = "##") -> str:
    """The notes list; prefix goes before every id and paragraph anchor (the print page holds all texts)."""
    if not text.notes:
        return ""
    items = []
    for placed in text.notes:
        note, anchor = placed.note, f"{prefix}p{placed.span.paragraph}"
        sources = references_html(note.sources)
        sources_block = f'<div class="note-sources"><p>Sources</p>{sources}</div>' if sources else ""
        items.append(
            f'<li class="note note--{note.kind}" id="{prefix}note-{placed.number}">'
            f'<p class="note-head"><span class="note-symbol" aria-hidden="true">{html_escape(NOTE_SYMBOLS[note.kind])}{placed.number}</span> '
            f'<span class="note-kind">{NOTE_LABELS[note.kind]}</span> '
            f'<a class="note-back" href="#{anchor}" aria-label="Back to paragraph {placed.span.paragraph}">¶{placed.span.paragraph}</a> '
            f'<q class="note-quote">{html_escape(note.anchor.quote)}</q></p>'
            f'{render_markdown(note.body)}'
            f"{sources_block}</li>"
        )
    return f'{level} Notes {{ #{prefix}notes }}\n\n<ol class="notes">\n' + "\n".join(items) + "\n</ol>\n"


def _terms(text: AnnotatedText) -> str:
    counts = Counter(o.term.id for o in text.occurrences)
    if not counts:
        return ""
    terms = {o.term.id: o.term for o in text.occurrences}
    ordered = sorted(terms.values(), key=lambda t: t.term.casefold())
    items = [
        f"- [{md_escape(t.term)}]({GLOSSARY}#{t.id}) ({counts[t.id]}): "
        + ", ".join(f"[¶{n}](#p{n})" for n in sorted({o.paragraph for o in text.occurrences if o.term.id == t.id}))
        + f'<span class="term-short"> — {md_escape(t.short)}</span>'
        for t in ordered
    ]
    return "## Terms in this text { #terms }\n\n" + "\n".join(items) + "\n"


# Texts listed either side of this one under "The other texts": every page would otherwise list the
# whole edition, and a page's size would grow with it.
NEIGHBOURS = 4


def _others(text: Text, window: tuple[Text, ...], low: int, total: int) -> str:
    """The texts of window (this text's neighbours in reading order, from number low + 1) but this one."""
    others = [t for t in window if t.slug != text.slug]
    if not others:
        return ""
    items = [
        f"- [{md_escape(o.shown_title)}]({o.slug}.md): {md_escape(o.meta.kind if o.meta else 'text')}, {md_escape(o.date.display())}"
        for o in others
    ]
    if len(others) == total - 1:
        return "## The other texts { #other-texts }\n\n" + "\n".join(items) + "\n"
    return (
        "## Nearby texts { #other-texts }\n\n"
        f"Texts {low + 1} to {low + len(window)} of the {total:,} in reading order; the [list of texts](../index.md#texts) has them all.\n\n"
        + "\n".join(items) + "\n"
    )


def citation_downloads(citation: Citation, up: str) -> str:
    """Links to the citation's RIS, BibTeX and CSL-JSON files; up leads from the page to docs/."""
    links = " · ".join(f"[{label}]({up}{download_path(citation, ext)})" for ext, label in FORMATS)
    return f'Download this citation for a reference manager: {links}\n{{: .cite-downloads }}'


def _tips(text: AnnotatedText) -> str:
    terms = {o.term.id: o.term for o in text.occurrences if o.glossed}
    tips = [
        f'<span class="tip" role="tooltip" id="tip-{t.id}"><b>{html_escape(t.term)}</b>'
        f'{(" (" + html_escape(t.expansion) + ")") if t.expansion else ""}: {html_escape(t.short)}</span>'
        for t in sorted(terms.values(), key=lambda t: t.id)
    ]
    tips += [
        f'<span class="tip tip--note" role="tooltip" id="notetip-{p.number}"><b>{NOTE_LABELS[p.note.kind]} note {p.number}</b>: '
        f"{html_escape(plain_text(p.note.body))}</span>"
        for p in text.notes
    ]
    if not tips:
        return ""
    return '<div class="edition-tips" data-search-exclude hidden>\n' + "\n".join(tips) + "\n</div>\n"


def write_text_page(text: AnnotatedText, edition: AnnotatedEdition) -> tuple[str, str]:
    """The page's path under docs/ and its Markdown."""
    here = edition.position(text.text.slug)
    low, high = max(0, here - NEIGHBOURS), min(len(edition.texts), here + NEIGHBOURS + 1)
    window = tuple(t.text for t in edition.texts[low:high])
    return _page(text, window, low, len(edition.texts), edition.edition.settings)


# A page depends only on these arguments, so the live preview, which generates the edition again
# after every save, renders again only the pages whose text, terms, notes or neighbours changed.
@functools.lru_cache(maxsize=4096)
def _page(text: AnnotatedText, window: tuple[Text, ...], low: int, total: int, settings: Settings) -> tuple[str, str]:
    t = text.text
    description = plain_text(t.meta.headnote)[:300] if t.meta else t.title
    citation = text_citation(t, settings)
    parts = [
        front_matter(t.shown_title, description, head_fields(meta_tags(citation), text_jsonld(t, settings))),
        f"# {md_escape(t.shown_title)}\n",
        header(t),
        "## Text { #text }\n",
        "\n\n".join(_paragraph(p, text) for p in t.paragraphs),
        _notes(text),
        _terms(text),
        "## Cite this text { #cite }\n",
        cite_section(t, settings),
        citation_downloads(citation, "../"),
        _others(t, window, low, total),
        _tips(text),
    ]
    return text_page(t), "\n\n".join(p for p in parts if p).rstrip() + "\n"


def clear_cache() -> None:
    """Forget the pages rendered so far (the benchmark times generation from nothing)."""
    _page.cache_clear()
