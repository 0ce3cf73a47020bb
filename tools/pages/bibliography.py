"""Writes the bibliography page: every source once, sorted by author or title, each with the kind of
source it is and links back to the notes, headnotes, quotations and glossary entries that cite it."""
from __future__ import annotations

from tools.annotate.edition import AnnotatedEdition, CitingPlace
from tools.model import Source
from tools.pages.markup import html_escape, md_escape
from tools.pages.parts import BIBLIOGRAPHY, SOURCE_KIND_LABELS, front_matter, source_anchor, source_md, source_url_html, text_page

BIBLIOGRAPHY_TITLE = "Bibliography"
CITED_IN_LABEL = "Cited in"


def _place(place: CitingPlace) -> str:
    """One citing place as a Markdown link from the bibliography page."""
    if place.term is not None:
        return f"[Glossary: {md_escape(place.term.term)}](glossary.md#{place.term.id})"
    assert place.text is not None
    page, title = text_page(place.text), md_escape(place.text.shown_title)
    if place.note is not None:
        return f"[{title}, note {place.note.number}]({page}#note-{place.note.number})"
    if place.paragraph is not None:
        return f"[{title}, quotation in ¶{place.paragraph}]({page}#p{place.paragraph})"
    return f"[{title}, headnote]({page})"


def _sentence(words: str) -> str:
    """A note on a source as a sentence: capital first letter, full stop."""
    words = words[:1].upper() + words[1:]
    return words if words.endswith((".", "!", "?")) else words + "."


def _entry(source: Source, edition: AnnotatedEdition, cited_in: bool) -> str:
    url = source_url_html(source)
    lines = [
        f'<div class="bib-entry" id="{source_anchor(source)}" markdown="1">',
        "",
        f"{source_md(source)}." + (f" {url}" if url else "") + (f" {md_escape(_sentence(source.note))}" if source.note else ""),
        "",
        f'<p class="bib-kind"><span class="source-kind source-kind--{source.kind.replace(" ", "-")}">{html_escape(SOURCE_KIND_LABELS.get(source.kind, source.kind))}</span></p>',
    ]
    places = edition.citing(source) if cited_in else []
    if places:
        lines += ["", f'<p class="bib-cited" markdown="1"><span class="bib-cited-label">{CITED_IN_LABEL}:</span> ' + " · ".join(_place(p) for p in places) + "</p>"]
    return "\n".join(lines + ["", "</div>"])


def entries(edition: AnnotatedEdition, cited_in: bool = True) -> str:
    """Every source as an entry with the anchor citations link to; cited_in adds the links back."""
    ordered = sorted(edition.edition.sources, key=lambda s: s.sort_key)
    seen: set[str] = set()
    blocks = []
    for source in ordered:
        if source.id not in seen:  # an id given twice is an error; the page still builds for the preview
            seen.add(source.id)
            blocks.append(_entry(source, edition, cited_in))
    return "\n\n".join(blocks) + "\n"


def write_bibliography_page(edition: AnnotatedEdition) -> tuple[str, str]:
    """The bibliography page's path under docs/ and its Markdown."""
    count = len({s.id for s in edition.edition.sources})
    intro = (
        f"{count} source{'' if count == 1 else 's'}: every work the notes, the headnotes and the glossary cite, sorted by "
        "author or, where a work names no author, by title. A title in square brackets describes a work that has no "
        "title of its own. Each entry says what kind of source it is and where the edition cites it."
    )
    parts = [
        front_matter(BIBLIOGRAPHY_TITLE, intro),
        f"# {BIBLIOGRAPHY_TITLE}\n",
        intro + "\n",
        f'<div class="bibliography" markdown="1">\n\n{entries(edition)}\n</div>',
    ]
    return BIBLIOGRAPHY, "\n\n".join(parts).rstrip() + "\n"
