"""Writes the index page: what the edition is, how to read it, the texts, and the editorial principles."""
from __future__ import annotations

from tools.annotate.edition import AnnotatedEdition
from tools.pages.markup import md_escape, plain_text, render_markdown
from tools.pages.parts import NOTE_LABELS, front_matter, reading_time

HOW_TO_READ = """\
- **Glossed terms** are underlined with dots. Hover over one, move to it with the Tab key, or tap it,
  and a short definition appears without leaving the page, with a link to the full entry in the
  [glossary](glossary.md); Escape, its close button or a second tap closes it.
- **Paragraph numbers** stand at the start of each paragraph. Each number opens a small panel to go
  to the paragraph, copy its link or cite it (a paragraph's address ends in `#p` and its number).
- **Editorial notes** are marked in the text by a small superscript number after a shape and colour
  that give the note's kind:
{note_kinds}
- On a wide screen each note stands in the margin beside its line: its number, kind, the words it is
  on and its first sentence, with "more" for the rest and its sources. On a narrower screen, select a
  note's number to open the note in place under its line. All notes are also listed after each text.
- **Compare** leads from a paragraph to passages in the other texts that make the same or a related point.
- **Show or hide**, above each text, turns the glossary underlining, each kind of note and the
  cross-links on or off, or shows the text only; the choice is remembered.
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
    kinds = "\n".join(
        f'    - <span class="key-kind key-kind--{k}"><span class="key-mark" aria-hidden="true"></span>{NOTE_LABELS[k]}</span>: {d}'
        for k, d in (
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
        front_matter(settings.title, plain_text(settings.introduction)[:300]),
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
    ]
    return "index.md", "\n".join(p for p in parts if p).rstrip() + "\n"
