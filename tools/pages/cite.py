"""Citations of a text in this edition, on its page: Chicago, APA and BibTeX, and a template for one paragraph.

All three are rendered from the one citation model (tools/pages/citation.py) that also gives the
meta tags and the RIS, BibTeX and CSL-JSON downloads, so they carry the same data. The edition's page
URL and the access date are known only when the page is read: they are placeholders (spans the
edition's script fills in) unless the site's address is given (the command line's SITE_URL), when
the page URL is written in. Nothing is invented.
"""
from __future__ import annotations

import re

from tools.model import PartialDate, Settings, Text
from tools.pages.citation import Citation, bibtex_entry_type, bibtex_fields, text_citation
from tools.pages.markup import html_escape
from tools.strings import Words

PARAGRAPH = "{P}"  # in the paragraph template: the paragraph number, then the page URL and access date
URL = "{URL}"
ACCESSED = "{ACCESSED}"


def chicago_date(date: PartialDate) -> str:
    return date.formatted("n.d.", "{month} {year}", "{month} {day}, {year}")


def apa_date(date: PartialDate) -> str:
    return date.formatted("n.d.", "{year}, {month}", "{year}, {month} {day}")


def _period(text: str) -> str:
    """Text ending in a full stop, unless it already ends in one (or in ? or !)."""
    return text if re.search(r"[.?!]$", text) else text + "."


def _title(citation: Citation, editorial: bool, quoted: bool) -> str:
    """The title as the metadata gives it (an editorial title keeps its brackets), in quotation marks when
    quoted (Chicago) unless it is editorial."""
    title = _period(citation.title)
    return f"“{title}”" if quoted and not editorial else title


def _names(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _in_edition(citation: Citation) -> str:
    """"Reproduced in <i>Edition</i>, edited by X. Publisher, 2026." as HTML, with only what the edition declares."""
    html = f"Reproduced in <i>{html_escape(citation.edition_title)}</i>"
    if citation.editors:
        html += f", edited by {html_escape(_names(citation.editors))}"
    html += "."
    published = ", ".join(p for p in (citation.publisher or "", str(citation.published.year or "")) if p)
    return html + (f" {html_escape(published)}." if published else "")


def _slots(url: str | None, style: str, words: Words) -> tuple[str, str]:
    """The page URL and access date as HTML: spans the script fills in, or the URL written in."""
    if url:
        page = f'<span class="cite-url" data-fixed="true">{html_escape(url)}</span>'
    else:
        page = f'<span class="cite-url">{html_escape(words("cite.url_placeholder"))}</span>'
    accessed = f'<span class="cite-accessed" data-style="{style}">{html_escape(words("cite.accessed_placeholder"))}</span>'
    return page, accessed


def _editorial(text: Text) -> bool:
    return bool(text.meta and text.meta.editorial_title)


def chicago(text: Text, settings: Settings, page: str, accessed: str, paragraph: str = "") -> str:
    """Chicago (bibliography style) as HTML; page and accessed are HTML already, the rest is escaped here."""
    citation = text_citation(text, settings)
    original = citation.original
    parts = [html_escape(_period(_names(citation.authors)))] if citation.authors else []
    parts.append(html_escape(_title(citation, _editorial(text), quoted=True)))
    where = ", ".join(p for p in ((original.source if original else ""), chicago_date(original.date if original else PartialDate())) if p)
    parts.append(html_escape(where) + html_escape(paragraph) + ".")
    if original and original.url:
        parts.append(html_escape(_period(original.url)))
    parts.append(_in_edition(citation))
    parts.append(f"Accessed {accessed}.")
    parts.append(f"{page}.")
    return " ".join(parts)


def apa(text: Text, settings: Settings, page: str, accessed: str) -> str:
    """APA (7th edition) as HTML."""
    citation = text_citation(text, settings)
    original = citation.original
    title = html_escape(_title(citation, _editorial(text), quoted=False))
    date = html_escape(f"({apa_date(original.date if original else PartialDate())}).")
    parts = [html_escape(_period(_names(citation.authors))), date, title] if citation.authors else [title, date]
    if original and original.source:
        parts.append(html_escape(_period(original.source)))
    if original and original.url:
        parts.append(html_escape(original.url))
    in_edition = _in_edition(citation)
    parts.append(f"{in_edition} Retrieved {accessed}, from {page}")
    return " ".join(parts)


def bibtex(text: Text, settings: Settings, page: str, accessed: str) -> str:
    """The downloadable biblatex entry as HTML, with the page URL and access date as slots."""
    citation = text_citation(text, settings)
    lines = [f"@{bibtex_entry_type(citation)}{{{citation.key},"]
    lines += [f"  {name:<12} = {{{html_escape(value)}}}," for name, value in bibtex_fields(citation)]
    lines.append(f"  {'url':<12} = {{{page}}},")
    lines.append(f"  {'urldate':<12} = {{{accessed}}},")
    lines.append("}")
    return "\n".join(lines)


def paragraph_template(text: Text, settings: Settings, url: str | None) -> str:
    """Chicago for one paragraph as plain text, with {P}, {URL} and {ACCESSED} for the script to fill."""
    page = (url or URL) + "#p" + PARAGRAPH
    html = chicago(text, settings, page, ACCESSED, paragraph=f", para. {PARAGRAPH}")
    return re.sub(r"</?i>", "", html)


def cite_section(text: Text, settings: Settings, site_url: str = "") -> str:
    """The "Cite this text" section as raw HTML (no Markdown inside); site_url is the hosted site's address, or ""."""
    url = text_citation(text, settings, site_url).url
    words = settings.words
    blocks = []
    for style, label, render in (("chicago", "Chicago", chicago), ("apa", "APA", apa)):
        page, accessed = _slots(url, style, words)
        blocks.append(
            f'<div class="cite-block"><p class="cite-label">{label}</p>'
            f'<p class="cite-text" data-cite="{style}">{render(text, settings, page, accessed)}</p></div>'
        )
    page, accessed = _slots(url, "iso", words)
    blocks.append(
        '<div class="cite-block"><p class="cite-label">BibTeX</p>'
        f'<pre class="cite-bibtex" data-cite="bibtex"><code>{bibtex(text, settings, page, accessed)}</code></pre></div>'
    )
    template = html_escape(paragraph_template(text, settings, url))
    hint = f'<p class="cite-hint">{html_escape(words("cite.hint"))}</p>'
    return (
        f'<div class="cite-this" data-search-exclude data-cite-paragraph="{template}">\n'
        f"{hint}\n" + "\n".join(blocks) + "\n</div>"
    )
