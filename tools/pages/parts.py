"""Pieces shared by the page writers: links, reading time, references, snippets, front matter."""
from __future__ import annotations

import re

from tools.model import Reference, Settings, Term, Text
from tools.pages.markup import html_escape, md_escape, render_markdown, yaml_string
from tools.source.links import is_safe_url
from tools.strings import Words

WORDS_PER_MINUTE = 200


def front_matter(title: str, description: str, hide: tuple[str, ...] = ()) -> str:
    """A page's YAML front matter; hide names parts of Material's layout the page goes without ("toc")."""
    hidden = "".join(f"\n  - {part}" for part in hide)
    return f"---\ntitle: {yaml_string(title)}\ndescription: {yaml_string(description)}\n" + (f"hide:{hidden}\n" if hide else "") + "---\n"


def reading_time(count: int, words: Words) -> str:
    """"3 min": the time a text of count words takes to read."""
    return words("time.minutes", minutes=words.number(max(1, round(count / WORDS_PER_MINUTE))))


def length(count: int, words: Words, key: str) -> str:
    """A text's length in words and reading time, as the string key puts them ("1,234 words · 6 min read")."""
    return words(key, words=words.count("words.count", count), minutes=reading_time(count, words))


def lang_attribute(text: Text, settings: Settings) -> str:
    """' lang="de"' for a text in a language other than the edition's, else ''."""
    return f' lang="{text.language}"' if text.language and text.language != settings.language else ""


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


def references_html(references: tuple[Reference, ...], words: Words) -> str:
    """A list of sources named by title and year, linked only where a URL is given and safe."""
    items = []
    for ref in references:
        link = ""
        if ref.url and is_safe_url(ref.url):
            link = f' <a class="ref-link" href="{html_escape(ref.url)}">{html_escape(ref.url)}</a>'
        items.append(f"<li><cite>{html_escape(ref.title)}</cite> ({html_escape(ref.year or words('reference.no_date'))}).{link}</li>")
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


# A sentence ends at . ! or ? (after any closing quote or bracket) followed by space and a capital,
# an opening quote or bracket, or emphasis.
_SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"')\]]*\s+(?=[A-Z“‘\"(\[*_])")


def lead_sentences(markdown: str, words: int) -> tuple[str, str]:
    """An editor's Markdown split after its first sentence, or after as many whole sentences of its
    first paragraph as fit in about `words` words (at least one): (lead, the rest)."""
    first, _, later = markdown.strip().partition("\n\n")
    cut = 0
    for match in _SENTENCE_END.finditer(first):
        if cut and len(first[: match.start()].split()) > words:
            break
        cut = match.end()
        if len(first[:cut].split()) >= words:
            break
    if not cut:
        return first, later.strip()
    lead, rest = first[:cut].strip(), first[cut:].strip()
    return lead, "\n\n".join(p for p in (rest, later.strip()) if p)


def render_inline(markdown: str) -> str:
    """One paragraph of an editor's Markdown as inline HTML (no <p> around it)."""
    html = render_markdown(markdown).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return re.sub(r"</?p>", " ", html).strip()


def short_label(text: Text) -> str:
    """A text named in a few words for cross-links: its source and year, or its title."""
    if not text.meta or not text.meta.source:
        return text.shown_title
    return f"{text.meta.source} {text.date.year}" if text.date.year is not None else text.meta.source
