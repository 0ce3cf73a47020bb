"""Pieces shared by the page writers: links, reading time, references, snippets, front matter."""
from __future__ import annotations

import re

from tools.pages.markup import html_escape, is_safe_url, md_escape, render_markdown, yaml_string
from tools.model import Reference, Term, Text

WORDS_PER_MINUTE = 200
NOTE_SYMBOLS = {"context": "i", "source": "§", "disputed": "±", "correction": "sic"}
NOTE_LABELS = {
    "context": "Context",
    "source": "Source",
    "disputed": "Disputed",
    "correction": "Correction",
}


def front_matter(title: str, description: str, extra: str = "") -> str:
    """The page's YAML front matter; extra is further lines, each ending in a line break."""
    return f"---\ntitle: {yaml_string(title)}\ndescription: {yaml_string(description)}\n{extra}---\n"


def reading_time(words: int) -> str:
    minutes = max(1, round(words / WORDS_PER_MINUTE))
    return f"{minutes} min"


def text_page(text: Text) -> str:
    """The Markdown path of a text's page, relative to docs/."""
    return f"texts/{text.slug}.md"


def entry_head(term: Term, anchor: str) -> list[str]:
    """A glossary entry's heading (with its anchor), kind and expansion, short definition and definition."""
    expansion = f' <span class="expansion">{html_escape(term.expansion)}</span>' if term.expansion else ""
    return [
        f"### {md_escape(term.term)} {{ #{anchor} }}",
        f'<p class="entry-meta"><span class="kind-badge kind-{term.kind.replace(" ", "-")}">{html_escape(term.kind)}</span>{expansion}</p>',
        f'<p class="entry-short"><dfn>{html_escape(term.term)}</dfn>: {html_escape(term.short)}</p>',
        f'<div class="entry-definition">{render_markdown(term.definition)}</div>',
    ]


def references_html(references: tuple[Reference, ...]) -> str:
    """A list of sources named by title and year, linked only where a URL is given and safe."""
    items = []
    for ref in references:
        link = ""
        if ref.url and is_safe_url(ref.url):
            link = f' <a class="ref-link" href="{html_escape(ref.url)}">{html_escape(ref.url)}</a>'
        items.append(f"<li><cite>{html_escape(ref.title)}</cite> ({html_escape(ref.year or 'n.d.')}).{link}</li>")
    return f'<ul class="references">{"".join(items)}</ul>' if items else ""


def snippet(body: str, start: int, end: int, width: int = 48) -> str:
    """Keyword in context as Markdown: whole words around a span, the span in bold."""
    left, right = body[max(0, start - width) : start], body[end : end + width]
    lead = tail = ""
    if start > width:
        left, lead = left.split(" ", 1)[-1], "…"
    if end + width < len(body):
        right, tail = right.rsplit(" ", 1)[0], "…"
    return f"{lead}{md_escape(_squash(left))}**{md_escape(_squash(body[start:end]))}**{md_escape(_squash(right))}{tail}"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)
