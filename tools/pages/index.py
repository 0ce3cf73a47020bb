"""Writes the index page: what the edition is, how to read it, the texts, and the editorial principles."""
from __future__ import annotations

from tools.annotate.edition import AnnotatedEdition
from tools.model import NOTE_KINDS
from tools.pages.head import head_fields
from tools.pages.linkeddata import edition_jsonld
from tools.pages.markup import html_escape, md_escape, plain_text, render_markdown
from tools.pages.parts import front_matter, length
from tools.pages.reuse import reuse_section
from tools.strings import Words


def _texts_table(edition: AnnotatedEdition, words: Words) -> str:
    heads = ("index.number", "index.text", "text.kind", "index.source", "text.date", "text.length")
    rows = ["| " + " | ".join(md_escape(words(h)) for h in heads) + " |", "|---|---|---|---|---|---|"]
    for n, annotated in enumerate(edition.texts, start=1):
        t = annotated.text
        kind = t.meta.kind if t.meta else words("index.not_described")
        source = t.meta.source if t.meta else words("index.not_described")
        rows.append(
            f"| {n} | [{md_escape(t.shown_title)}](texts/{t.slug}.md) | {md_escape(kind)} | {md_escape(source)} "
            f"| {md_escape(words.date(t.date))} | {md_escape(length(t.words, words, 'index.length_value'))} |"
        )
    return "\n".join(rows)


def write_index_page(edition: AnnotatedEdition, site_url: str = "") -> tuple[str, str]:
    """The index page's path under docs/ and its Markdown (site_url: the hosted site's address, or "")."""
    settings = edition.edition.settings
    words = settings.words
    kinds = "\n".join(
        f'    - <span class="key-kind key-kind--{k}"><span class="key-mark" aria-hidden="true"></span>{html_escape(words(f"note.{k}"))}</span>: '
        f"{md_escape(words(f'note.{k}.help'))}"
        for k in NOTE_KINDS
    )
    ed = edition.edition
    counts = md_escape(
        words(
            "index.counts",
            texts=words.number(len(ed.texts)),
            words=words.count("words.count", sum(t.text.words for t in edition.texts)),
            terms=words.number(len(ed.terms)),
            notes=words.number(len(ed.notes)),
            crosslinks=words.number(len(ed.crosslinks)),
        )
    )
    glossary = f"[{md_escape(words('index.glossary_link'))}](glossary.md)"
    subtitle = f'<p class="edition-subtitle">{md_escape(settings.subtitle)}</p>\n' if settings.subtitle else ""
    parts = [
        front_matter(settings.title, plain_text(settings.introduction)[:300], head_fields([], edition_jsonld(edition, site_url))),
        f"# {md_escape(settings.title)}\n",
        subtitle,
        f'<div class="introduction">{render_markdown(settings.introduction)}</div>\n',
        f"## {md_escape(words('index.texts'))} {{ #texts }}\n",
        _texts_table(edition, words) + "\n",
        counts + "\n",
        f"## {md_escape(words('index.how_to_read'))} {{ #how-to-read }}\n",
        words("index.how_to_read_md", note_kinds=kinds, glossary=glossary),
        f"## {md_escape(words('index.principles'))} {{ #principles }}\n",
        f'<div class="principles">{render_markdown(settings.principles)}</div>\n',
        reuse_section(edition),
    ]
    return "index.md", "\n".join(p for p in parts if p).rstrip() + "\n"
