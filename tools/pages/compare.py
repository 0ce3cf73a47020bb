"""Writes the side-by-side pages: for each pair of texts joined by cross-links, one page with each
linked passage of the one text beside the passage of the other it is linked to (stacked on a phone),
the linked words marked, one row per link, and links to walk from one row to the next.

Plain HTML, no script: the pages work from the offline zip as well as hosted."""
from __future__ import annotations

from collections import defaultdict

from tools.annotate.edition import AnnotatedEdition, LinkEnd
from tools.model import Text
from tools.pages.markup import attr_value, html_escape, md_escape
from tools.pages.parts import front_matter, lang_attribute, short_label
from tools.source.quotes import Span
from tools.strings import Words

FOLDER = "compare"


def compare_page(first: Text, second: Text) -> str:
    """The side-by-side page of two texts, relative to docs/ (the earlier text in reading order first)."""
    return f"{FOLDER}/{first.slug}--{second.slug}.md"


def pairs(edition: AnnotatedEdition) -> dict[tuple[str, str], list[LinkEnd]]:
    """Each pair of linked texts (earlier text first) and its links, seen from the earlier text."""
    found: dict[tuple[str, str], list[LinkEnd]] = defaultdict(list)
    for annotated in edition.texts:
        here = annotated.text
        for end in annotated.links:
            if edition.position(here.slug) < edition.position(end.other.slug):
                found[(here.slug, end.other.slug)].append(end)
    return found


def _passage(text: Text, span: Span, lang: str) -> str:
    """A paragraph's words, escaped, with the linked words marked."""
    paragraph = next(p for p in text.paragraphs if p.number == span.paragraph)
    body = paragraph.text
    words = html_escape(body[: span.start]) + f"<mark>{html_escape(body[span.start : span.end])}</mark>" + html_escape(body[span.end :])
    return f'<p class="sbs-text"{lang}><span class="pnum-static">{span.paragraph}</span> {words}</p>'


def _side(text: Text, span: Span, words: Words, lang: str) -> str:
    link = f"../texts/{text.slug}.md#p{span.paragraph}"
    where = html_escape(words("compare.in_text", number=span.paragraph))
    return (
        f'<div class="sbs-side" markdown="1">\n<p class="sbs-where" markdown="1">[{md_escape(text.shown_title)}]({link}): {where}</p>\n'
        f"{_passage(text, span, lang)}\n</div>"
    )


def write_compare_page(first: Text, second: Text, ends: list[LinkEnd], edition: AnnotatedEdition) -> tuple[str, str]:
    """One pair's page: its path under docs/ and its Markdown."""
    settings = edition.edition.settings
    words = settings.words
    ends = sorted(ends, key=lambda e: (e.here.paragraph, e.here.start))
    title = words("compare.title", first=short_label(first), second=short_label(second))
    front = front_matter(title, title, "search:\n  exclude: true\nhide:\n  - toc\n")
    rows = []
    total = len(ends)
    for n, end in enumerate(ends, start=1):
        walk = []
        if n > 1:
            walk.append(f'<a class="sbs-walk" href="#link-{n - 1}">{html_escape(words("compare.previous"))}</a>')
        if n < total:
            walk.append(f'<a class="sbs-walk" href="#link-{n + 1}">{html_escape(words("compare.next"))}</a>')
        position = html_escape(words("compare.position", number=n, total=total))
        rows.append(
            f'<section class="sbs-row" id="link-{n}" aria-label="{attr_value(words("compare.link", number=n))}" markdown="1">\n'
            f'<p class="sbs-head"><span class="sbs-count">{position}</span> <span class="sbs-label">{html_escape(end.link.label)}</span> '
            f'<span class="sbs-nav">{" ".join(walk)}</span></p>\n'
            f'<div class="sbs-pair" markdown="1">\n{_side(first, end.here, words, lang_attribute(first, settings))}\n'
            f"{_side(second, end.there, words, lang_attribute(second, settings))}\n</div>\n</section>"
        )
    contents = "\n".join(
        f"{n}. [{md_escape(end.link.label)}](#link-{n}) (¶{end.here.paragraph} · ¶{end.there.paragraph})" for n, end in enumerate(ends, start=1)
    )
    parts = [
        front,
        f"# {md_escape(title)}\n",
        f'<p class="sbs-intro">{html_escape(words.count("compare.intro", total))}</p>\n',
        contents + "\n",
        "\n\n".join(rows),
    ]
    return compare_page(first, second), "\n".join(parts).rstrip() + "\n"


def write_compare_pages(edition: AnnotatedEdition) -> list[tuple[str, str]]:
    """A side-by-side page for every pair of texts that cross-links join."""
    texts = {t.text.slug: t.text for t in edition.texts}
    return [write_compare_page(texts[a], texts[b], ends, edition) for (a, b), ends in sorted(pairs(edition).items())]
