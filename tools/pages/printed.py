"""Writes the print page: the whole edition on one page (introduction, principles, every text with its
notes, the glossary's short and full definitions), for printing and for `make pdf`.

Every id is prefixed with its text's slug so that the texts' paragraph numbers and notes do not clash;
glossed terms and note markers link within the page. The page is kept out of the search index: it
repeats what the other pages hold.
"""
from __future__ import annotations

from collections.abc import Callable

from tools.annotate.edition import AnnotatedEdition, AnnotatedText, PlacedNote, resolve
from tools.model import Edition, Paragraph, Settings, Term
from tools.pages.bibliography import entries
from tools.pages.markup import attr_value, html_escape, md_escape, plain_text, render_markdown
from tools.pages.parts import entry_head, front_matter, label, lang_attribute, related_terms, sources_html
from tools.pages.text import header, note_label, notes_section, paragraph_body, quotation
from tools.source.normalize import match_key
from tools.strings import Words

PAGE = "print.md"
SAME_PAGE = ""  # citations link to the bibliography section of this page


def _gloss(surface: str, term: Term) -> str:
    return f"[{md_escape(surface)}](#g-{term.id}){{ .gloss }}"


def _marker(prefix: str, words: Words) -> Callable[[PlacedNote], str]:
    def marker(placed: PlacedNote) -> str:
        kind = placed.note.kind
        return (
            f"[{placed.number}](#{prefix}note-{placed.number})"
            f'{{ #{prefix}ref-{placed.number} .note-ref .note-ref--{kind} aria-label="{attr_value(note_label(placed, words))}" }}'
        )

    return marker


def _paragraph(paragraph: Paragraph, text: AnnotatedText, prefix: str, words: Words, lang: str) -> str:
    notes = [n for n in text.notes if n.span.paragraph == paragraph.number]
    role = f" para--{paragraph.role}" if paragraph.role else ""
    body = paragraph_body(paragraph, text.in_paragraph(paragraph), notes, _gloss, _marker(prefix, words))
    html = (
        f'<p class="para{role}" id="{prefix}p{paragraph.number}"{lang} markdown="1">'
        f'<span class="pnum">{paragraph.number}</span> {body}</p>'
    )
    if paragraph.role == "quotation":
        html = quotation(html, text.quoted_from(paragraph), words, SAME_PAGE)
    return html


def _text(text: AnnotatedText, settings: Settings) -> str:
    t = text.text
    words = settings.words
    prefix = f"{t.slug}-"
    lang = lang_attribute(t, settings)
    title_attrs = f" lang={t.language}" if lang else ""
    parts = [
        f"## {md_escape(t.shown_title)} {{ #{t.slug} .print-text{title_attrs} }}\n",
        header(text, words, headnote_label=words("print.headnote_to", title=t.shown_title), bibliography=SAME_PAGE),  # landmarks' names must differ
        "\n\n".join(_paragraph(p, text, prefix, words, lang) for p in t.paragraphs),
        notes_section(text, words, prefix=prefix, level="###", bibliography=SAME_PAGE),
    ]
    return "\n\n".join(p for p in parts if p)


def _entry(term: Term, names: dict[str, Term], words: Words, edition: Edition) -> str:
    parts = entry_head(term, f"g-{term.id}")
    related = related_terms(term, names)
    if related:
        parts.append(f"{label(words, 'glossary.related')} " + " · ".join(f"[{md_escape(r.term)}](#g-{r.id})" for r in related) + "\n{ .entry-related }")
    references = sources_html(resolve(edition, term.references), SAME_PAGE, words("glossary.references"), words)
    if references:
        parts.append(f'<div class="entry-references" markdown="1">{references}</div>')
    return "\n\n".join(parts)


def write_print_page(edition: AnnotatedEdition) -> tuple[str, str]:
    """The print page's path under docs/ and its Markdown."""
    settings = edition.edition.settings
    words = settings.words
    terms = sorted(edition.edition.terms, key=lambda t: t.term.casefold())
    names = {match_key(t.term): t for t in terms}
    description = words("print.description", introduction=plain_text(settings.introduction))[:300]
    front = front_matter(words("print.title"), description, "search:\n  exclude: true\n")
    subtitle = f'<p class="edition-subtitle">{html_escape(settings.subtitle)}</p>\n' if settings.subtitle else ""
    about = f'<p class="print-about">{html_escape(words("print.about"))}</p>\n'
    glossary = md_escape(words("glossary.title"))
    bibliography = md_escape(words("bibliography.title"))
    contents = "\n".join(
        [f"- [{md_escape(t.text.shown_title)}](#{t.text.slug})" for t in edition.texts]
        + [f"- [{glossary}](#glossary)"]
        + ([f"- [{bibliography}](#bibliography)"] if edition.edition.sources else [])
    )
    parts = [
        front,
        f"# {md_escape(settings.title)}\n",
        subtitle,
        about,
        f"## {md_escape(words('print.contents'))} {{ #contents }}\n",
        contents + "\n",
        f"## {md_escape(words('print.introduction'))} {{ #introduction }}\n",
        f'<div class="introduction">{render_markdown(settings.introduction)}</div>\n',
        f"## {md_escape(words('index.principles'))} {{ #principles }}\n",
        f'<div class="principles">{render_markdown(settings.principles)}</div>\n',
        "\n\n".join(_text(t, settings) for t in edition.texts),
        f"## {glossary} {{ #glossary .print-glossary }}\n",
        "\n\n".join(_entry(t, names, words, edition.edition) for t in terms) + "\n",
    ]
    if edition.edition.sources:
        parts += [f"## {bibliography} {{ #bibliography .print-bibliography }}\n", entries(edition, cited_in=False)]
    return PAGE, "\n".join(p for p in parts if p).rstrip() + "\n"
