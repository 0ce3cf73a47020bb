"""Writes one text's page: header and headnote, numbered paragraphs with glosses, note markers and
cross-links, the notes, the terms in the text, and the other texts."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from tools.annotate.edition import AnnotatedEdition, AnnotatedText, Cited, LinkEnd, Occurrence, PlacedNote
from tools.model import Paragraph, Settings, Term, Text
from tools.pages.citation import FORMATS, Citation, download_path, meta_tags, text_citation
from tools.pages.cite import cite_section
from tools.pages.head import head_fields
from tools.pages.linkeddata import text_jsonld
from tools.pages.markup import attr_value, html_escape, md_escape, plain_text, render_markdown
from tools.pages.parts import BIBLIOGRAPHY, LINK, NOTE_SYMBOLS, cited_md, front_matter, lang_attribute, length, sources_html, text_page, with_links
from tools.strings import Words

GLOSSARY = "../glossary.md"


def _gloss(surface: str, term: Term) -> str:
    return f'[{md_escape(surface)}]({GLOSSARY}#{term.id}){{ .gloss aria-describedby="tip-{term.id}" }}'


def note_label(placed: PlacedNote, words: Words) -> str:
    """"Context note 3": the note's kind and number, as markers and tips name it."""
    return words("note.label", kind=words(f"note.{placed.note.kind}"), number=placed.number)


def _marker(words: Words) -> Callable[[PlacedNote], str]:
    def marker(placed: PlacedNote) -> str:
        kind = placed.note.kind
        return (
            f'[{NOTE_SYMBOLS[kind]}{placed.number}](#note-{placed.number})'
            f'{{ .note-ref .note-ref--{kind} aria-describedby="notetip-{placed.number}" aria-label="{attr_value(note_label(placed, words))}" }}'
        )

    return marker


def paragraph_body(
    paragraph: Paragraph,
    occurrences: tuple[Occurrence, ...],
    notes: list[PlacedNote],
    gloss: Callable[[str, Term], str] = _gloss,
    marker: Callable[[PlacedNote], str] | None = None,
) -> str:
    """The paragraph's words as Markdown: literal text, glossed terms as links, note markers after quotes.

    gloss and marker render a glossed term and a note marker (the print page links them within itself;
    the default marker names notes with the default interface strings)."""
    marker = marker or _marker(Words())
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


SOURCES = f"../{BIBLIOGRAPHY}"  # the bibliography page, as a text page links to it


def quotation(html: str, cited: Cited | None, words: Words, bibliography: str = SOURCES) -> str:
    """A paragraph that is a quotation, in a figure with the source it is quoted from (linked to its
    bibliography entry: bibliography is the page holding it, "" for this page)."""
    source = cited_md(cited, bibliography, words) if cited else ""
    return (
        f'<figure class="quotation" markdown="1">\n<blockquote markdown="1">\n{html}\n</blockquote>\n'
        f'<figcaption markdown="1"><span class="attribution-label">{html_escape(words("text.quoted_from"))}</span> {source}</figcaption>\n</figure>'
    )


def _paragraph(paragraph: Paragraph, text: AnnotatedText, words: Words, lang: str) -> str:
    notes = [n for n in text.notes if n.span.paragraph == paragraph.number]
    role = f" para--{paragraph.role}" if paragraph.role else ""
    label = attr_value(words("text.paragraph", number=paragraph.number))
    number = f'<a class="pnum" href="#{paragraph.anchor}" aria-label="{label}">{paragraph.number}</a>'
    html = (
        f'<p class="para{role}" id="{paragraph.anchor}"{lang} markdown="1">{number} '
        f"{paragraph_body(paragraph, text.in_paragraph(paragraph), notes, _gloss, _marker(words))}</p>"
    )
    if paragraph.role == "quotation":
        html = quotation(html, text.quoted_from(paragraph), words)
    links = [end for end in text.links if end.here.paragraph == paragraph.number]
    return html + ("\n\n" + _crosslinks(links, paragraph.number, words) if links else "")


def _crosslinks(ends: list[LinkEnd], number: int, words: Words) -> str:
    items = []
    for end in ends:
        target = f"{end.other.slug}.md#p{end.there.paragraph}"
        where = f"{md_escape(end.other.shown_title)}, ¶{end.there.paragraph}"
        items.append(f"- [{where}]({target}){{ .crosslink }}: {md_escape(words('text.crosslink', quote=end.there_quote, label=end.link.label))}")
    label = attr_value(words("text.compare_label", number=number))
    return (
        f'<aside class="crosslinks" aria-label="{label}" markdown="1">\n'
        f'<p class="crosslinks-title">{html_escape(words("text.compare"))}</p>\n\n' + "\n".join(items) + "\n\n</aside>"
    )


def header(annotated: AnnotatedText, words: Words, headnote_label: str = "", bibliography: str = SOURCES) -> str:
    """The text's metadata, title note and headnote (whose landmark is named headnote_label, or "Headnote"),
    with the headnote's sources linked to the bibliography (the page bibliography, "" for this page)."""
    text = annotated.text
    meta = text.meta
    rows: list[tuple[str, str]] = []
    if meta:
        source = html_escape(meta.source)
        rows.append((words("text.source"), source))
        rows.append((words("text.author"), html_escape(meta.author) if meta.author else html_escape(words("text.author_unknown"))))
        date = html_escape(words.date(meta.date))
        if meta.date_note:
            date += f' <span class="date-note">({html_escape(meta.date_note)})</span>'
        rows.append((words("text.date"), date))
        rows.append((words("text.kind"), html_escape(meta.kind)))
        if meta.url:
            rows.append((words("text.published_at"), f'<span class="source-url">{html_escape(meta.url)}</span>'))
    else:
        rows.append((words("text.date"), html_escape(words("date.unknown"))))
        rows.append((words("text.metadata"), html_escape(words("text.metadata_missing"))))
    rows.append((words("text.length"), html_escape(length(text.words, words, "text.length_value"))))
    items = "".join(f"<div><dt>{html_escape(k)}</dt><dd>{v}</dd></div>" for k, v in rows)
    title_note = ""
    if meta and meta.editorial_title:
        title_note = f'<p class="title-note">{html_escape(words("text.title_note"))}</p>'
    headnote = ""
    if meta:
        label = attr_value(headnote_label or words("text.headnote"))
        sources = sources_html(annotated.sources, bibliography, words("note.sources"), words)
        headnote = (
            f'<section class="headnote" aria-label="{label}" markdown="1"><p class="headnote-label">{html_escape(words("text.headnote_label"))}</p>'
            f"{render_markdown(meta.headnote)}{sources}</section>"
        )
    return f'<div class="text-header" markdown="1">\n{title_note}\n<dl class="text-meta">{items}</dl>\n{headnote}\n</div>'


def notes_section(text: AnnotatedText, words: Words, prefix: str = "", level: str = "##", bibliography: str = SOURCES) -> str:
    """The notes list, each note with its sources numbered and linked to the bibliography (the page
    bibliography, "" for this page); prefix goes before every id and paragraph anchor (the print page
    holds all texts)."""
    if not text.notes:
        return ""
    items = []
    for placed in text.notes:
        note, anchor = placed.note, f"{prefix}p{placed.span.paragraph}"
        sources_block = sources_html(placed.sources, bibliography, words("note.sources"), words)
        items.append(
            f'<li class="note note--{note.kind}" id="{prefix}note-{placed.number}" markdown="1">'
            f'<p class="note-head"><span class="note-symbol" aria-hidden="true">{html_escape(NOTE_SYMBOLS[note.kind])}{placed.number}</span> '
            f'<span class="note-kind">{html_escape(words(f"note.{note.kind}"))}</span> '
            f'<a class="note-back" href="#{anchor}" aria-label="{attr_value(words("note.back", number=placed.span.paragraph))}">¶{placed.span.paragraph}</a> '
            f'<q class="note-quote">{html_escape(note.anchor.quote)}</q></p>'
            f'{render_markdown(note.body)}'
            f"{sources_block}</li>"
        )
    return f'{level} {md_escape(words("text.notes"))} {{ #{prefix}notes }}\n\n<ol class="notes" markdown="1">\n' + "\n".join(items) + "\n</ol>\n"


def _terms(text: AnnotatedText, words: Words) -> str:
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
    return f"## {md_escape(words('text.terms'))} {{ #terms }}\n\n" + "\n".join(items) + "\n"


# Texts listed either side of this one under "The other texts": every page would otherwise list the
# whole edition, and a page's size would grow with it.
NEIGHBOURS = 4


def _others(text: Text, window: tuple[Text, ...], low: int, total: int, words: Words) -> str:
    """The texts of window (this text's neighbours in reading order, from number low + 1) but this one."""
    others = [t for t in window if t.slug != text.slug]
    if not others:
        return ""
    items = [
        f"- [{md_escape(o.shown_title)}]({o.slug}.md): {md_escape(o.meta.kind if o.meta else words('text.no_kind'))}, {md_escape(words.date(o.date))}"
        for o in others
    ]
    if len(others) == total - 1:
        return f"## {md_escape(words('text.other_texts'))} {{ #other-texts }}\n\n" + "\n".join(items) + "\n"
    listing = f"[{md_escape(words('text.list_of_texts'))}](../index.md#texts)"
    lead = md_escape(words("text.nearby_lead", first=low + 1, last=low + len(window), total=words.number(total), list="\0")).replace("\0", listing)
    return f"## {md_escape(words('text.nearby_texts'))} {{ #other-texts }}\n\n{lead}\n\n" + "\n".join(items) + "\n"


def citation_downloads(citation: Citation, up: str, words: Words) -> str:
    """Links to the citation's RIS, BibTeX and CSL-JSON files; up leads from the page to docs/."""
    links = " · ".join(f"[{label}]({up}{download_path(citation, ext)})" for ext, label in FORMATS)
    return with_links(words("cite.downloads", links=LINK), links) + "\n{: .cite-downloads }"


def _tips(text: AnnotatedText, words: Words) -> str:
    terms = {o.term.id: o.term for o in text.occurrences if o.glossed}
    tips = [
        f'<span class="tip" role="tooltip" id="tip-{t.id}"><b>{html_escape(t.term)}</b>'
        f'{(" (" + html_escape(t.expansion) + ")") if t.expansion else ""}: {html_escape(t.short)}</span>'
        for t in sorted(terms.values(), key=lambda t: t.id)
    ]
    tips += [
        f'<span class="tip tip--note" role="tooltip" id="notetip-{p.number}"><b>{html_escape(note_label(p, words))}</b>: '
        f"{html_escape(plain_text(p.note.body))}</span>"
        for p in text.notes
    ]
    if not tips:
        return ""
    return '<div class="edition-tips" data-search-exclude hidden>\n' + "\n".join(tips) + "\n</div>\n"


# Pages already rendered, keyed on every argument of _page (which is all a page depends on): the live
# preview keeps one across generations, so that a save renders again only the pages it changed.
PageMemo = dict[tuple[object, ...], tuple[str, str]]
MEMO_LIMIT = 4096  # pages a memo holds before it starts again: edits leave old pages behind


def write_text_page(text: AnnotatedText, edition: AnnotatedEdition, site_url: str = "", memo: PageMemo | None = None) -> tuple[str, str]:
    """The page's path under docs/ and its Markdown; site_url is the hosted site's address, or ""."""
    here = edition.position(text.text.slug)
    low, high = max(0, here - NEIGHBOURS), min(len(edition.texts), here + NEIGHBOURS + 1)
    window = tuple(t.text for t in edition.texts[low:high])
    key = (text, window, low, len(edition.texts), edition.edition.settings, site_url)
    if memo is None:
        return _page(*key)
    if key not in memo:
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        memo[key] = _page(*key)
    return memo[key]


def _page(text: AnnotatedText, window: tuple[Text, ...], low: int, total: int, settings: Settings, site_url: str) -> tuple[str, str]:
    t = text.text
    words = settings.words
    description = plain_text(t.meta.headnote)[:300] if t.meta else t.title
    lang = lang_attribute(t, settings)
    citation = text_citation(t, settings, site_url)
    parts = [
        front_matter(t.shown_title, description, head_fields(meta_tags(citation), text_jsonld(t, settings, site_url))),
        f"# {md_escape(t.shown_title)}" + (f" {{ lang={t.language} }}" if lang else "") + "\n",
        header(text, words),
        f"## {md_escape(words('text.heading'))} {{ #text }}\n",
        "\n\n".join(_paragraph(p, text, words, lang) for p in t.paragraphs),
        notes_section(text, words),
        _terms(text, words),
        f"## {md_escape(words('text.cite'))} {{ #cite }}\n",
        cite_section(t, settings, site_url),
        citation_downloads(citation, "../", words),
        _others(t, window, low, total, words),
        _tips(text, words),
    ]
    return text_page(t), "\n\n".join(p for p in parts if p).rstrip() + "\n"

