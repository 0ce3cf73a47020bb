"""Writes the term map: glossary entries by texts, with occurrence counts shaded by count.

Up to MATRIX_TEXTS texts, a column per text; a larger edition gets a row per entry with the number
of texts that use it and the texts that use it most, so that the page grows with the glossary, not
with the glossary times the texts. The table is complete without JavaScript (most frequent first);
the edition's script adds buttons that re-sort it by name, kind or frequency (the last column).
"""
from __future__ import annotations

from collections import Counter

from tools.annotate.edition import AnnotatedEdition, Occurrence
from tools.model import Term, Text
from tools.pages.markup import attr_value, md_escape
from tools.pages.parts import LINK, front_matter, text_page, with_links
from tools.strings import Words

LEVELS = (1, 2, 4, 8)  # a count at or above LEVELS[i] gets shade i + 1
MATRIX_TEXTS = 20  # the most texts shown as columns
TOP_TEXTS = 3  # texts named per entry in the larger edition's table


def shade(count: int) -> int:
    """0 for none, then 1 to 4 as the count passes 1, 2, 4 and 8."""
    return sum(count >= level for level in LEVELS)


def _cell(count: int, found: list[Occurrence], page: str, term: str, title: str, words: Words) -> str:
    if not count:
        return '<span class="tm-zero">0</span>'
    paragraphs = sorted({o.paragraph for o in found})
    where = ", ".join(f"¶{n}" for n in paragraphs)
    label = attr_value(words("termmap.cell", term=term, title=title, count=count, where=where))
    return f'[{count}]({page}#p{paragraphs[0]}){{ .tm-count .tm-shade-{shade(count)} title="{label}" }}'


def _head(words: Words, *keys: str) -> str:
    return " | ".join(md_escape(words(k)) for k in keys)


def _matrix(texts: list[Text], terms: list[Term], counts: dict[str, Counter[str]], found: dict[tuple[str, str], list[Occurrence]], words: Words) -> list[str]:
    """A row per entry, a column per text, and the total."""
    header = f"| {_head(words, 'termmap.entry', 'termmap.kind')} | " + " | ".join(f"{n}" for n in range(1, len(texts) + 1)) + f" | {_head(words, 'termmap.all')} |"
    rows = [header, "|---|---|" + "---:|" * len(texts) + "---:|"]
    for term in terms:
        cells = [
            _cell(counts[term.id][t.slug], found.get((term.id, t.slug), []), text_page(t), term.term, t.shown_title, words)
            for t in texts
        ]
        rows.append(f"| {_entry(term)} | {md_escape(term.kind)} | " + " | ".join(cells) + f" | {sum(counts[term.id].values())} |")
    return rows


def _ranking(texts: list[Text], terms: list[Term], counts: dict[str, Counter[str]], found: dict[tuple[str, str], list[Occurrence]], words: Words) -> list[str]:
    """A row per entry: how many texts use it, the texts that use it most, and the total."""
    by_slug = {t.slug: t for t in texts}
    rows = [f"| {_head(words, 'termmap.entry', 'termmap.kind', 'termmap.texts', 'termmap.used_most_in', 'termmap.all')} |", "|---|---|---:|---|---:|"]
    for term in terms:
        top = sorted(counts[term.id].items(), key=lambda item: (-item[1], item[0]))[:TOP_TEXTS]
        most = " ".join(
            f'<span class="tm-top">{_cell(count, found[(term.id, slug)], text_page(by_slug[slug]), term.term, by_slug[slug].shown_title, words)} '
            f"{md_escape(by_slug[slug].shown_title)}</span>"
            for slug, count in top
        )
        rows.append(f"| {_entry(term)} | {md_escape(term.kind)} | {len(counts[term.id])} | {most} | {sum(counts[term.id].values())} |")
    return rows


def _entry(term: Term) -> str:
    return f"[{md_escape(term.term)}](glossary.md#{term.id})"


def write_term_map_page(edition: AnnotatedEdition) -> tuple[str, str]:
    """The term map page's path under docs/ and its Markdown."""
    texts = [t.text for t in edition.texts]
    counts: dict[str, Counter[str]] = {}
    found: dict[tuple[str, str], list[Occurrence]] = {}
    for annotated in edition.texts:
        for o in annotated.occurrences:
            counts.setdefault(o.term.id, Counter())[o.text] += 1
            found.setdefault((o.term.id, o.text), []).append(o)
    terms = sorted((t for t in edition.edition.terms if t.id in counts), key=lambda t: (-sum(counts[t.id].values()), t.term.casefold()))
    absent = len(edition.edition.terms) - len(terms)
    words = edition.edition.settings.words
    intro = words("termmap.intro", count=words.number(len(edition.edition.terms)))
    if len(texts) <= MATRIX_TEXTS:
        table = _matrix(texts, terms, counts, found, words)
        lead = md_escape(f"{intro} {words('termmap.columns')}") + "\n\n" + "\n".join(
            f"{n}. [{md_escape(t.shown_title)}]({text_page(t)})" for n, t in enumerate(texts, start=1)
        )
    else:
        table = _ranking(texts, terms, counts, found, words)
        lead = md_escape(f"{intro} {words('termmap.ranking', texts=words.number(len(texts)), top=TOP_TEXTS)}")
    title = words("termmap.title")
    parts = [
        front_matter(title, intro),
        f"# {md_escape(title)}\n",
        lead + "\n",
        '<div class="term-map" markdown="1">\n',
        *table,
        "\n</div>\n",
    ]
    if absent:
        glossary = f"[{md_escape(words('index.glossary_link'))}](glossary.md)"
        parts.append(with_links(words("termmap.absent", count=words.number(absent), glossary=LINK), glossary) + "\n")
    return "term-map.md", "\n".join(parts)
