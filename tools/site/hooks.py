"""MkDocs hook (named in the generated configs): the edition's page language, less whitespace, and
which links the build uses (directory URLs, or .html files offline), for the edition's search.

Material writes <html lang> from its own interface language, which falls back to English for a
language it has no translation for; the page keeps the edition's language (extra.edition_language).

Material's navigation templates indent every item over many lines, so each navigation entry costs
about 500 bytes, most of it spaces. A run of whitespace that holds a line break renders exactly like
one line break everywhere except in preformatted text, so such runs become one line break outside
<pre>, <code>, <textarea> and <script> (code turns preformatted in print). A text page loses about a quarter of its bytes.
"""
from __future__ import annotations

import re
from html import escape
from typing import Any

_HTML_LANG = re.compile(r'<html lang="[^"]*"')
_KEPT = re.compile(r"(<(pre|code|textarea|script)\b.*?</\2>)", re.S | re.I)
_RUN = re.compile(r"[ \t]*\n\s*")


def trim_whitespace(html: str) -> str:
    """html with each whitespace run that holds a line break as one line break, except in <pre>, <code>,
    <textarea> and <script> elements."""
    parts = _KEPT.split(html)
    # split() gives: text, element, element name, text, element, element name, ..., text
    return "".join(_RUN.sub("\n", part) if i % 3 == 0 else part for i, part in enumerate(parts) if i % 3 != 2)


def page_language(html: str, language: str) -> str:
    """html with its <html lang> set to language."""
    return _HTML_LANG.sub(f'<html lang="{escape(language)}"', html, count=1)


def mark_file_urls(html: str) -> str:
    """html whose <html> element says that links end in .html (the offline build), for search.js."""
    return html.replace("<html ", '<html data-edition-urls="files" ', 1)


def on_post_page(output: str, config: Any = None, **kwargs: Any) -> str:
    language = (config or {}).get("extra", {}).get("edition_language")
    html = trim_whitespace(page_language(output, language) if language else output)
    return mark_file_urls(html) if config is not None and not config.get("use_directory_urls", True) else html


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """Static pages (404.html) get the edition's language too."""
    language = config.get("extra", {}).get("edition_language")
    return page_language(output_content, language) if language and template_name.endswith(".html") else output_content
