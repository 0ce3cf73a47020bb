"""Writes the index page: what the edition is, how to read it, the texts, and the editorial principles."""
from __future__ import annotations

from tools.annotate.edition import AnnotatedEdition
from tools.pages.markup import md_escape, plain_text, render_markdown
from tools.pages.head import head_fields
from tools.pages.linkeddata import edition_jsonld
from tools.pages.reuse import reuse_section
from tools.pages.parts import NOTE_LABELS, NOTE_SYMBOLS, front_matter, reading_time

HOW_TO_READ = """\
- **Glossed terms** are underlined with dots. Hover over one, move to it with the Tab key, or tap it,
  and a short definition appears without leaving the page; Escape closes it. Click (or tap again) to
  open the full entry in the [glossary](glossary.md).
- **Paragraph numbers** stand at the start of each paragraph. Each number is a link to that
  paragraph: copy it to cite a passage (for example `texts/<text>/#p3`).
- **Editorial notes** are marked in the text by a small sign and number, by kind:
{note_kinds}
  Hover over or focus a marker to read the note; all notes are listed after each text.
- **Compare** boxes under a paragraph lead to passages in the other texts that answer it.
- **Search** (the magnifier at the top, or press `/`) covers the texts, the notes and the glossary.
"""


def _texts_table(edition: AnnotatedEdition) -> str:
    rows = ["| # | Text | Kind | Source | Date | Length |", "|---|---|---|---|---|---|"]
    for n, annotated in enumerate(edition.texts, start=1):
        t = annotated.text
        kind = t.meta.kind if t.meta else "not yet described"
        source = t.meta.source if t.meta else "not yet described"
        rows.append(
            f"| {n} | [{md_escape(t.shown_title)}](texts/{t.slug}.md) | {md_escape(kind)} | {md_escape(source)} "
            f"| {md_escape(t.date.display())} | {t.words:,} words, {reading_time(t.words)} |"
        )
    return "\n".join(rows)


def write_index_page(edition: AnnotatedEdition) -> tuple[str, str]:
    """The index page's path under docs/ and its Markdown."""
    settings = edition.edition.settings
    kinds = "\n".join(f"  - `{NOTE_SYMBOLS[k]}` {NOTE_LABELS[k].lower()}: {d}" for k, d in (
        ("context", "background the reader needs"),
        ("source", "where a quotation or figure comes from"),
        ("disputed", "a claim the record contests, with both sides"),
        ("correction", "a slip in the text, such as a wrong chronology"),
    ))
    words = sum(t.text.words for t in edition.texts)
    ed = edition.edition
    counts = (
        f"{len(ed.texts)} texts ({words:,} words), {len(ed.terms)} glossary entries, "
        f"{len(ed.notes)} editorial notes and {len(ed.crosslinks)} cross-links between passages."
    )
    subtitle = f'<p class="edition-subtitle">{md_escape(settings.subtitle)}</p>\n' if settings.subtitle else ""
    parts = [
        front_matter(settings.title, plain_text(settings.introduction)[:300], head_fields([], edition_jsonld(edition))),
        f"# {md_escape(settings.title)}\n",
        subtitle,
        f'<div class="introduction">{render_markdown(settings.introduction)}</div>\n',
        "## The texts { #texts }\n",
        _texts_table(edition) + "\n",
        counts + "\n",
        "## How to read this edition { #how-to-read }\n",
        HOW_TO_READ.format(note_kinds=kinds),
        "## Editorial principles { #principles }\n",
        f'<div class="principles">{render_markdown(settings.principles)}</div>\n',
        reuse_section(edition),
    ]
    return "index.md", "\n".join(p for p in parts if p).rstrip() + "\n"
