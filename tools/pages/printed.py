"""Writes the print page: the whole edition on one page (introduction, principles, every text with its
notes, the glossary's short and full definitions), for printing and for `make pdf`.

Every id is prefixed with its text's slug so that the texts' paragraph numbers and notes do not clash;
glossed terms and note markers link within the page. The page is kept out of the search index: it
repeats what the other pages hold.
"""
from __future__ import annotations

from collections.abc import Callable

from tools.annotate.edition import AnnotatedEdition, AnnotatedText, PlacedNote
from tools.model import Paragraph, Term
from tools.pages.markup import html_escape, md_escape, plain_text, render_markdown, yaml_string
from tools.pages.parts import NOTE_LABELS, entry_head, references_html
from tools.pages.text import _notes, paragraph_body, record

PAGE = "print.md"
TITLE = "Print edition"


def _gloss(surface: str, term: Term) -> str:
    return f"[{md_escape(surface)}](#g-{term.id}){{ .gloss }}"


def _marker(prefix: str) -> Callable[[PlacedNote], str]:
    def marker(placed: PlacedNote) -> str:
        kind = placed.note.kind
        return (
            f"[{placed.number}](#{prefix}note-{placed.number})"
            f'{{ #{prefix}ref-{placed.number} .note-ref .note-ref--{kind} aria-label="{NOTE_LABELS[kind]} note {placed.number}" }}'
        )

    return marker


def _paragraph(paragraph: Paragraph, text: AnnotatedText, prefix: str) -> str:
    notes = [n for n in text.notes if n.span.paragraph == paragraph.number]
    role = f" para--{paragraph.role}" if paragraph.role else ""
    body = paragraph_body(paragraph, text.in_paragraph(paragraph), notes, _gloss, _marker(prefix))
    html = (
        f'<p class="para{role}" id="{prefix}p{paragraph.number}" markdown="1">'
        f'<span class="pnum">{paragraph.number}</span> {body}</p>'
    )
    if paragraph.role == "quotation":
        html = (
            f'<figure class="quotation" markdown="1">\n<blockquote markdown="1">\n{html}\n</blockquote>\n'
            f'<figcaption><span class="attribution-label">Quoted from</span> {html_escape(paragraph.attribution)}</figcaption>\n</figure>'
        )
    return html


def _text(text: AnnotatedText) -> str:
    t = text.text
    prefix = f"{t.slug}-"
    headnote = f'aria-label="Headnote to {html_escape(t.shown_title)}"'  # landmarks' names must differ
    parts = [
        f"## {md_escape(t.shown_title)} {{ #{t.slug} .print-text }}\n",
        record(t).replace('aria-label="Headnote"', headnote),
        "\n\n".join(_paragraph(p, text, prefix) for p in t.paragraphs),
        _notes(text, prefix=prefix, level="###"),
    ]
    return "\n\n".join(p for p in parts if p)


def _entry(term: Term, names: dict[str, Term]) -> str:
    parts = entry_head(term, f"g-{term.id}")
    related = [names[r.value.casefold()] for r in term.related if r.value.casefold() in names]
    if related:
        parts.append("**Related:** " + " · ".join(f"[{md_escape(r.term)}](#g-{r.id})" for r in related) + "\n{ .entry-related }")
    if term.references:
        parts.append(f'<div class="entry-references"><p><strong>References:</strong></p>{references_html(term.references)}</div>')
    return "\n\n".join(parts)


def write_print_page(edition: AnnotatedEdition) -> tuple[str, str]:
    """The print page's path under docs/ and its Markdown."""
    settings = edition.edition.settings
    terms = sorted(edition.edition.terms, key=lambda t: t.term.casefold())
    names = {t.term.casefold(): t for t in terms}
    description = f"The whole edition on one page, for printing: {plain_text(settings.introduction)}"[:300]
    front = f"---\ntitle: {yaml_string(TITLE)}\ndescription: {yaml_string(description)}\nsearch:\n  exclude: true\n---\n"
    subtitle = f'<p class="edition-subtitle">{html_escape(settings.subtitle)}</p>\n' if settings.subtitle else ""
    about = (
        '<p class="print-about">The whole edition on one page, to print or save as PDF with the browser\'s Print '
        "command: the introduction, each text with its paragraph numbers and notes, and the glossary with every "
        "entry's short and full definition. Glossed terms are underlined with dots and defined in the glossary at the end.</p>\n"
    )
    contents = "\n".join(
        [f"- [{md_escape(t.text.shown_title)}](#{t.text.slug})" for t in edition.texts] + ["- [Glossary](#glossary)"]
    )
    parts = [
        front,
        f"# {md_escape(settings.title)}\n",
        subtitle,
        about,
        "## Contents { #contents }\n",
        contents + "\n",
        "## Introduction { #introduction }\n",
        f'<div class="introduction">{render_markdown(settings.introduction)}</div>\n',
        "## Editorial principles { #principles }\n",
        f'<div class="principles">{render_markdown(settings.principles)}</div>\n',
        "\n\n".join(_text(t) for t in edition.texts),
        "## Glossary { #glossary .print-glossary }\n",
        "\n\n".join(_entry(t, names) for t in terms) + "\n",
    ]
    return PAGE, "\n".join(p for p in parts if p).rstrip() + "\n"
