"""Pieces shared by the page writers: links, reading time, citations of sources, snippets, front matter."""
from __future__ import annotations

import re

from tools.annotate.edition import Cited
from tools.model import Settings, Source, Term, Text
from tools.pages.markup import html_escape, md_escape, render_markdown, yaml_string
from tools.source.links import is_safe_url
from tools.source.normalize import match_key
from tools.strings import Words

WORDS_PER_MINUTE = 200
# The EPUB's note signs (tools/site/epub.py); the web pages show kinds by shape and colour (edition.css).
NOTE_SYMBOLS = {"context": "i", "source": "§", "disputed": "±", "correction": "sic"}


def front_matter(title: str, description: str, extra: str = "") -> str:
    """The page's YAML front matter; extra is further lines, each ending in a line break."""
    return f"---\ntitle: {yaml_string(title)}\ndescription: {yaml_string(description)}\n{extra}---\n"


def reading_time(count: int, words: Words) -> str:
    """"3 min": the time a text of count words takes to read."""
    return words("time.minutes", minutes=words.number(max(1, round(count / WORDS_PER_MINUTE))))


def length(count: int, words: Words, key: str) -> str:
    """A text's length in words and reading time, as the string key puts them ("1,234 words · 6 min read")."""
    return words(key, words=words.count("words.count", count), minutes=reading_time(count, words))


# Stands for a Markdown link in an interface string while the string is escaped (letters only, so
# escaping leaves it as it is); with_links puts the link in.
LINK = "EDITIONLINKSLOT"


def related_terms(term: Term, by_key: dict[str, Term]) -> list[Term]:
    """The entries term lists under 'related', found as the validator finds them (by_key: every entry by
    match_key of its term)."""
    return [by_key[key] for key in (match_key(r.value) for r in term.related) if key in by_key]


def label(words: Words, key: str) -> str:
    """A bold run-in label: **Related:**."""
    return f"**{md_escape(words(key))}:**"


def with_links(text: str, *links: str) -> str:
    """An interface string as Markdown (escaped), with each LINK in it replaced by a link, in order."""
    escaped = md_escape(text)
    for link in links:
        escaped = escaped.replace(LINK, link, 1)
    return escaped


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


BIBLIOGRAPHY = "bibliography.md"


def source_anchor(source: Source) -> str:
    """The id of a source's entry on the bibliography page."""
    return f"source-{source.id}"


def source_md(source: Source, words: Words) -> str:
    """A source as Markdown: authors, title (italic unless a bracketed description), outlet, details, date."""
    title = md_escape(source.title) if source.descriptive else f"*{md_escape(source.title)}*"
    parts = [md_escape(words.listing(list(source.authors))), title, md_escape(source.outlet)]
    if source.details:
        parts.append(md_escape(source.details))
    parts.append(md_escape(words.date(source.date)))
    return ", ".join(p for p in parts if p)


def cited_md(cited: Cited, href: str, words: Words) -> str:
    """One citation as Markdown: the source linked to its bibliography entry (href + anchor), then the locator."""
    at = f", {md_escape(cited.at)}" if cited.at else ""
    return f"[{source_md(cited.source, words)}]({href}#{source_anchor(cited.source)}){{ .source-link }}{at}"


def sources_html(cited: tuple[Cited, ...], href: str, label: str, words: Words) -> str:
    """A numbered list of citations, each linking to the bibliography page (href) or a section holding it.

    Written as HTML whose elements say markdown="1", so that it may sit inside other HTML (a note) and
    its links still go through MkDocs, which rewrites them for the site's URL style."""
    if not cited:
        return ""
    items = "".join(f'<li markdown="1">{cited_md(c, href, words)}</li>' for c in cited)
    # The line break before it matters: glued to the end of a raw block (a note's </ul>), md_in_html
    # would leave the markdown attributes, and the links, unprocessed.
    return f'\n<div class="sources" markdown="1"><p class="sources-label">{html_escape(label)}</p><ol class="sources-list" markdown="1">{items}</ol></div>'


def source_url_html(source: Source) -> str:
    """The source's address as a link, or nothing when it has none (or an unsafe one)."""
    if not source.url or not is_safe_url(source.url):
        return ""
    return f'<a class="ref-link" href="{html_escape(source.url)}">{html_escape(source.url)}</a>'


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
