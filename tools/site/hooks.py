"""MkDocs hook (named in the generated configs): trims the whitespace Material's templates leave, and
tells the edition's search which links the build uses (directory URLs, or .html files offline).

Material's navigation templates indent every item over many lines, so each navigation entry costs
about 500 bytes, most of it spaces. A run of whitespace that holds a line break renders exactly like
one line break everywhere except in preformatted text, so such runs become one line break outside
<pre>, <code>, <textarea> and <script> (code turns preformatted in print). A text page loses about a quarter of its bytes.
"""
from __future__ import annotations

import re
from typing import Any

_KEPT = re.compile(r"(<(pre|code|textarea|script)\b.*?</\2>)", re.S | re.I)
_RUN = re.compile(r"[ \t]*\n\s*")


def trim_whitespace(html: str) -> str:
    """html with each whitespace run that holds a line break as one line break, except in <pre>, <code>,
    <textarea> and <script> elements."""
    parts = _KEPT.split(html)
    # split() gives: text, element, element name, text, element, element name, ..., text
    return "".join(_RUN.sub("\n", part) if i % 3 == 0 else part for i, part in enumerate(parts) if i % 3 != 2)


def mark_file_urls(html: str) -> str:
    """html whose <html> element says that links end in .html (the offline build), for search.js."""
    return html.replace("<html ", '<html data-edition-urls="files" ', 1)


def on_post_page(output: str, config: Any, **kwargs: Any) -> str:
    trimmed = trim_whitespace(output)
    return trimmed if config.use_directory_urls else mark_file_urls(trimmed)
