"""Citations of a text in this edition: Chicago, APA and BibTeX, and a template for one paragraph.

Everything about the original comes from the text's metadata as given (title, with an editorial
title's square brackets; author only if given; source; date at its known precision, else "n.d.";
URL only if given). The edition's page URL and the access date are known only when the page is read:
they are placeholders (spans the edition's script fills in) unless the site's address is given (the
command line's SITE_URL), when the page URL is written in. Nothing is invented.
"""
from __future__ import annotations

import re

from tools.model import PartialDate, Settings, Text
from tools.pages.markup import html_escape
from tools.pages.parts import text_page
from tools.strings import Words

PARAGRAPH = "{P}"  # in the paragraph template: the paragraph number, then the page URL and access date
URL = "{URL}"
ACCESSED = "{ACCESSED}"


def site_page_url(text: Text, site_url: str) -> str | None:
    """The text's hosted URL under site_url (MkDocs' site_url, checked), or None when there is none."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + text_page(text).removesuffix(".md") + "/"


def chicago_date(date: PartialDate) -> str:
    return date.formatted("n.d.", "{month} {year}", "{month} {day}, {year}")


def apa_date(date: PartialDate) -> str:
    return date.formatted("n.d.", "{year}, {month}", "{year}, {month} {day}")


def _period(text: str) -> str:
    """Text ending in a full stop, unless it already ends in one (or in ? or !)."""
    return text if re.search(r"[.?!]$", text) else text + "."


def _title(text: Text, quoted: bool) -> str:
    """The title as the metadata gives it: editorial titles in brackets, others in quotation marks (Chicago)."""
    if text.meta and text.meta.editorial_title:
        return _period(text.shown_title)
    return f"“{_period(text.title)}”" if quoted else _period(text.title)


def _edition_name(settings: Settings) -> str:
    return f"{settings.title}: {settings.subtitle}" if settings.subtitle else settings.title


def _slots(url: str | None, style: str, words: Words) -> tuple[str, str]:
    """The page URL and access date as HTML: spans the script fills in, or the URL written in."""
    if url:
        page = f'<span class="cite-url" data-fixed="true">{html_escape(url)}</span>'
    else:
        page = f'<span class="cite-url">{html_escape(words("cite.url_placeholder"))}</span>'
    accessed = f'<span class="cite-accessed" data-style="{style}">{html_escape(words("cite.accessed_placeholder"))}</span>'
    return page, accessed


def chicago(text: Text, settings: Settings, page: str, accessed: str, paragraph: str = "") -> str:
    """Chicago (bibliography style) as HTML; page and accessed are HTML already, the rest is escaped here."""
    meta = text.meta
    parts = []
    if meta and meta.author:
        parts.append(html_escape(_period(meta.author)))
    parts.append(html_escape(_title(text, quoted=True)))
    source = meta.source if meta else ""
    where = ", ".join(p for p in (source, chicago_date(text.date)) if p)
    parts.append(html_escape(where) + html_escape(paragraph) + ".")
    if meta and meta.url:
        parts.append(html_escape(_period(meta.url)))
    parts.append(f"Reproduced in <i>{html_escape(_edition_name(settings))}</i>.")
    parts.append(f"Accessed {accessed}.")
    parts.append(f"{page}.")
    return " ".join(parts)


def apa(text: Text, settings: Settings, page: str, accessed: str) -> str:
    """APA (7th edition) as HTML."""
    meta = text.meta
    title = html_escape(_title(text, quoted=False))
    date = html_escape(f"({apa_date(text.date)}).")
    parts = [html_escape(_period(meta.author)), date, title] if meta and meta.author else [title, date]
    if meta and meta.source:
        parts.append(html_escape(_period(meta.source)))
    if meta and meta.url:
        parts.append(html_escape(meta.url))
    parts.append(f"Reproduced in <i>{html_escape(_edition_name(settings))}</i>. Retrieved {accessed}, from {page}")
    return " ".join(parts)


_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_~^])")


def bibtex_escape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        char = match.group(1)
        return {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}.get(char, "\\" + char)

    return _BIBTEX_SPECIAL.sub(one, text)


def bibtex(text: Text, settings: Settings, page: str, accessed: str) -> str:
    """A biblatex @online entry as HTML (escaped for HTML here; page and accessed are HTML already)."""
    meta = text.meta
    date = text.date
    fields: list[tuple[str, str]] = [("title", "{" + bibtex_escape(text.shown_title) + "}")]
    if meta and meta.author:
        fields.append(("author", "{" + bibtex_escape(meta.author) + "}"))
    if meta and meta.source:
        fields.append(("organization", bibtex_escape(meta.source)))
    fields.append(("date", date.iso() if date.year is not None else "n.d."))
    note = bibtex_escape(f"Reproduced in {_edition_name(settings)}")
    if meta and meta.url:
        note += f". Originally published at \\url{{{meta.url}}}"
    fields.append(("note", note))
    lines = [f"@online{{{text.slug},"]
    lines += [f"  {name:<12} = {{{html_escape(value)}}}," for name, value in fields]
    lines.append(f"  {'url':<12} = {{{page}}},")
    lines.append(f"  {'urldate':<12} = {{{accessed}}},")
    lines.append("}")
    return "\n".join(lines)


def paragraph_template(text: Text, settings: Settings, url: str | None) -> str:
    """Chicago for one paragraph as plain text, with {P}, {URL} and {ACCESSED} for the script to fill."""
    page = (url or URL) + "#p" + PARAGRAPH
    html = chicago(text, settings, page, ACCESSED, paragraph=f", para. {PARAGRAPH}")
    return re.sub(r"</?i>", "", html)


def cite_section(text: Text, settings: Settings, site_url: str) -> str:
    """The "Cite this text" section as raw HTML (no Markdown inside); site_url is the hosted site's address, or ""."""
    url = site_page_url(text, site_url)
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
