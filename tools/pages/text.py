"""Writes one text's page: dateline and headnote, numbered paragraphs with glosses and note markers,
each beside its apparatus (notes and cross-links), the list of notes, the terms in the text, and the
other texts."""
from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable

from tools.annotate.edition import AnnotatedEdition, AnnotatedText, Cited, LinkEnd, Occurrence, PlacedNote
from tools.model import NOTE_KINDS, Paragraph, Settings, Term, Text
from tools.pages.citation import FORMATS, Citation, download_path, meta_tags, text_citation
from tools.pages.cite import cite_section
from tools.pages.compare import compare_page
from tools.pages.head import head_fields
from tools.pages.linkeddata import text_jsonld
from tools.pages.markup import attr_value, html_escape, md_escape, plain_text, render_markdown
from tools.pages.parts import (
    BIBLIOGRAPHY,
    LINK,
    cited_md,
    front_matter,
    lang_attribute,
    lead_sentences,
    length,
    render_inline,
    short_label,
    sources_html,
    text_page,
    with_links,
)
from tools.strings import Words

GLOSSARY = "../glossary.md"


def _gloss(surface: str, term: Term) -> str:
    return f"[{md_escape(surface)}]({GLOSSARY}#{term.id}){{ .gloss }}"


def note_label(placed: PlacedNote, words: Words) -> str:
    """"Context note 3": the note's kind and number, as markers and tips name it."""
    return words("note.label", kind=words(f"note.{placed.note.kind}"), number=placed.number)


def _marker(words: Words) -> Callable[[PlacedNote], str]:
    def marker(placed: PlacedNote) -> str:
        kind, n = placed.note.kind, placed.number
        return (
            f'<a class="note-ref note-ref--{kind}" id="ref-{n}" href="#note-{n}" data-note="{n}" '
            f'aria-label="{attr_value(note_label(placed, words))}">{n}</a>'
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


def _paragraph(paragraph: Paragraph, text: AnnotatedText, words: Words, lang: str, sides: dict[LinkEnd, str]) -> str:
    """One passage: the numbered paragraph, and beside it (below it on narrow screens) its apparatus."""
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
    apparatus = "".join(_side_note(n, words) for n in notes) + (_side_links(links, paragraph.number, words, sides) if links else "")
    if not apparatus:
        return f'<div class="passage" markdown="1">\n{html}\n</div>'
    return (
        f'<div class="passage" markdown="1">\n{html}\n'
        f'<div class="apparatus" data-search-exclude="" markdown="1">{apparatus}</div>\n</div>'
    )


def _side_note(placed: PlacedNote, words: Words) -> str:
    """A note in the margin: number, kind, the words it is on and its first sentence, all in the summary
    of a disclosure that holds the rest and the sources. The full note is also listed after the text."""
    note, n = placed.note, placed.number
    first, rest = lead_sentences(note.body, 0)
    summary = (
        f'<span class="side-head"><span class="side-num">{n}</span> '
        f'<span class="side-kind">{html_escape(words(f"note.{note.kind}"))}</span> '
        f'<q class="side-quote">{html_escape(note.anchor.quote)}</q></span> '
        f'<span class="side-lead">{render_inline(first)}</span>'
    )
    more = (render_markdown(rest) if rest else "") + sources_html(placed.sources, SOURCES, words("note.sources"), words)
    if more:
        toggles = f'data-more="{attr_value(words("text.note_more"))}" data-less="{attr_value(words("text.note_less"))}"'
        # markdown="1" down to the sources, whose links MkDocs rewrites for the site's URL style.
        body = (
            f'<details class="side-more" markdown="1"><summary {toggles}>{summary}</summary>\n'
            f'<div class="side-rest" markdown="1">\n{more}\n</div>\n</details>'
        )
    else:
        body = f'<p class="side-only">{summary}</p>'
    return (
        f'<div class="side-note side-note--{note.kind}" id="side-{n}" data-note="{n}" role="note" '
        f'aria-label="{attr_value(note_label(placed, words))}" markdown="1">\n{body}\n</div>'
    )


def _side_links(ends: list[LinkEnd], number: int, words: Words, sides: dict[LinkEnd, str]) -> str:
    """A paragraph's cross-links as short labels with their relation and a side-by-side view, in one disclosure."""
    items = []
    for end in ends:
        target = f"{end.other.slug}.md#p{end.there.paragraph}"
        label = attr_value(words("compare.open_label", first=short_label(end.other), second=f"¶{number}"))
        items.append(
            f'<li markdown="1">[{md_escape(short_label(end.other))}, ¶{end.there.paragraph}]({target})'
            f'{{ .crosslink data-text="{end.other.slug}" data-paragraph="{end.there.paragraph}" data-here="{number}" }} '
            f'<span class="relation">{html_escape(end.link.label)}</span>'
            f'<span class="crosslink-quote"> {html_escape(words("text.crosslink", quote=end.there_quote, label=end.link.label))}</span>'
            f' [{md_escape(words("compare.open"))}]({sides[end]}){{ .side-by-side aria-label="{label}" }}</li>'
        )
    count = html_escape(words.count("text.passages", len(ends)))
    return (
        f'<details class="side-links" data-paragraph="{number}" markdown="1"><summary>{html_escape(words("text.compare"))} '
        f'<span class="side-from">¶{number}</span> <span class="side-count">{count}</span></summary>'
        f'<ul markdown="1">{"".join(items)}</ul></details>'
    )


def header(annotated: AnnotatedText, words: Words, headnote_label: str = "", bibliography: str = SOURCES) -> str:
    """The text's full metadata, title note and headnote (whose landmark is named headnote_label, or
    "Headnote"), with the headnote's sources linked to the bibliography (the page bibliography, "" for
    this page): the print page's header, and the "full record" on a text page."""
    text = annotated.text
    return (
        f'<div class="text-header" markdown="1">\n{_title_note(text, words)}\n{_meta_list(text, words)}\n'
        f"{_headnote(annotated, words, headnote_label, bibliography)}\n</div>"
    )


def _meta_list(text: Text, words: Words) -> str:
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
    return f'<dl class="text-meta">{items}</dl>'


def _title_note(text: Text, words: Words) -> str:
    if text.meta and text.meta.editorial_title:
        return f'<p class="title-note">{html_escape(words("text.title_note"))}</p>'
    return ""


def _headnote(annotated: AnnotatedText, words: Words, headnote_label: str = "", bibliography: str = SOURCES) -> str:
    meta = annotated.text.meta
    if not meta:
        return ""
    label = attr_value(headnote_label or words("text.headnote"))
    sources = sources_html(annotated.sources, bibliography, words("note.sources"), words)
    return (
        f'<section class="headnote" aria-label="{label}" markdown="1"><p class="headnote-label">{html_escape(words("text.headnote_label"))}</p>'
        f"{render_markdown(meta.headnote)}{sources}</section>"
    )


# The headnote's opening shown before the text: whole sentences up to about this many words.
LEAD_WORDS = 45


def opening(annotated: AnnotatedText, words: Words) -> str:
    """The text first: a one-line dateline (source, date, kind, length), the headnote's first sentences,
    the rest of the headnote and the full record behind one control, and the key to the note kinds."""
    text = annotated.text
    meta = text.meta
    parts = [html_escape(meta.source)] if meta and meta.source else []
    parts.append(html_escape(words.date(text.date)))
    if meta:
        parts.append(html_escape(meta.kind))
    parts.append(html_escape(length(text.words, words, "index.length_value")))
    separator = '<span class="dateline-sep" aria-hidden="true"> · </span>'
    dateline = '<p class="dateline">' + separator.join(f"<span>{p}</span>" for p in parts) + "</p>"
    lead = ""
    if meta:
        first, _ = lead_sentences(meta.headnote, LEAD_WORDS)
        lead = f'<p class="headnote-lead"><span class="headnote-tag">{html_escape(words("text.headnote"))}</span> {render_inline(first)}</p>'
    full = (
        f'<details class="text-record" markdown="1">\n<summary>{html_escape(words("text.full_record"))}</summary>\n'
        f"{_title_note(text, words)}\n{_meta_list(text, words)}\n{_headnote(annotated, words)}\n</details>"
    )
    # markdown="1" on the wrappers, so that the headnote's source links inside go through MkDocs.
    return f'<div class="text-opening" markdown="1">\n{dateline}\n{lead}\n{full}\n{note_key(words)}\n</div>'


def note_key(words: Words) -> str:
    """One line naming the note kinds by their colour and shape."""
    kinds = "".join(
        f'<span class="key-kind key-kind--{kind}"><span class="key-mark" aria-hidden="true"></span>{html_escape(words(f"note.{kind}"))}</span>'
        for kind in NOTE_KINDS
    )
    return f'<p class="note-key"><span class="key-title">{html_escape(words("text.note_key"))}</span> {kinds}</p>'


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
            f'<p class="note-head"><a class="note-symbol" href="#{prefix}ref-{placed.number}" '
            f'aria-label="{attr_value(words("note.to_marker", number=placed.number))}">{placed.number}</a> '
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
    # Each term is a gloss: its short definition shows in a tooltip from the shared glossary data, so
    # that an edit of a definition changes no text page (issue 16).
    items = [
        f"- [{md_escape(t.term)}]({GLOSSARY}#{t.id}){{ .gloss }} ({counts[t.id]}): "
        + ", ".join(f"[¶{n}](#p{n})" for n in sorted({o.paragraph for o in text.occurrences if o.term.id == t.id}))
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
    lead = with_links(words("text.nearby_lead", first=low + 1, last=low + len(window), total=words.number(total), list=LINK), listing)
    return f"## {md_escape(words('text.nearby_texts'))} {{ #other-texts }}\n\n{lead}\n\n" + "\n".join(items) + "\n"


def citation_downloads(citation: Citation, up: str, words: Words) -> str:
    """Links to the citation's RIS, BibTeX and CSL-JSON files; up leads from the page to docs/."""
    links = " · ".join(f"[{label}]({up}{download_path(citation, ext)})" for ext, label in FORMATS)
    return with_links(words("cite.downloads", links=LINK), links) + "\n{: .cite-downloads }"


# Pages already rendered, keyed on all a page depends on (_page's arguments, of whose text's occurrences
# only each entry's id and term): the live preview keeps one across generations, so that a save renders
# again only the pages it changed.
PageMemo = dict[tuple[object, ...], tuple[str, str]]
MEMO_LIMIT = 4096  # pages a memo holds before it starts again: edits leave old pages behind


def memoised(memo: PageMemo, key: tuple[object, ...], make: Callable[[], tuple[str, str]]) -> tuple[str, str]:
    """The page memo holds for key, made (and kept) if it holds none."""
    if key not in memo:
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        memo[key] = make()
    return memo[key]


def write_text_page(text: AnnotatedText, edition: AnnotatedEdition, site_url: str = "", memo: PageMemo | None = None) -> tuple[str, str]:
    """The page's path under docs/ and its Markdown; site_url is the hosted site's address, or ""."""
    here = edition.position(text.text.slug)
    low, high = max(0, here - NEIGHBOURS), min(len(edition.texts), here + NEIGHBOURS + 1)
    window = tuple(t.text for t in edition.texts[low:high])
    made = (window, low, len(edition.texts), edition.edition.settings, site_url, _sides(text, edition))
    if memo is None:
        return _page(text, *made)
    # The whole annotated text but its occurrences (headnote and quotation sources included), and of
    # those what the page shows.
    key = (dataclasses.replace(text, occurrences=()), _glossed(text), *made)
    return memoised(memo, key, lambda: _page(text, *made))


def _glossed(text: AnnotatedText) -> tuple[tuple[str, str, int, int, int, bool], ...]:
    """What the page shows of the text's occurrences: an entry's id and term, never its definitions
    (they are in the glossary data), so that an edit of an entry keeps the page in the memo."""
    return tuple((o.term.id, o.term.term, o.paragraph, o.start, o.end, o.glossed) for o in text.occurrences)


def _sides(text: AnnotatedText, edition: AnnotatedEdition) -> tuple[str, ...]:
    """For each of the text's cross-links (in order), its row on the two texts' side-by-side page:
    the rows follow the earlier text's order, so each end can tell its number from its own links."""
    here = edition.position(text.text.slug)
    targets = []
    for end in text.links:
        other = end.other
        earlier = here < edition.position(other.slug)
        siblings = sorted(
            (e for e in text.links if e.other.slug == other.slug),
            key=lambda e: (e.here.paragraph, e.here.start) if earlier else (e.there.paragraph, e.there.start),
        )
        first, second = (text.text, other) if earlier else (other, text.text)
        targets.append(f"../{compare_page(first, second)}#link-{siblings.index(end) + 1}")
    return tuple(targets)


def _page(
    text: AnnotatedText, window: tuple[Text, ...], low: int, total: int, settings: Settings, site_url: str, sides: tuple[str, ...]
) -> tuple[str, str]:
    t = text.text
    words = settings.words
    description = plain_text(t.meta.headnote)[:300] if t.meta else t.title
    lang = lang_attribute(t, settings)
    row_of = dict(zip(text.links, sides, strict=True))
    citation = text_citation(t, settings, site_url)
    parts = [
        front_matter(t.shown_title, description, head_fields(meta_tags(citation), text_jsonld(t, settings, site_url)) + "hide:\n  - toc\n"),
        f"# {md_escape(t.shown_title)}" + (f" {{ lang={t.language} }}" if lang else "") + "\n",
        opening(text, words),
        f"## {md_escape(words('text.heading'))} {{ #text }}\n",
        '<div class="reading" markdown="1">\n' + "\n\n".join(_paragraph(p, text, words, lang, row_of) for p in t.paragraphs) + "\n</div>",
        notes_section(text, words),
        _terms(text, words),
        f"## {md_escape(words('text.cite'))} {{ #cite }}\n",
        cite_section(t, settings, site_url),
        citation_downloads(citation, "../", words),
        _others(t, window, low, total, words),
    ]
    return text_page(t), "\n\n".join(p for p in parts if p).rstrip() + "\n"

