"""Writes the glossary's short texts once, as a script every page loads (assets/glossary-data.js).

The tooltips of glossed terms are built from it in the browser, so a page holds only links to the
glossary, not a copy of each definition. A <script src> file loads from file:// too, where fetch() of
a JSON file would not."""
from __future__ import annotations

import json

from tools.annotate.edition import AnnotatedEdition

PATH = "assets/glossary-data.js"


def write_glossary_data(edition: AnnotatedEdition) -> tuple[str, str]:
    """The script's path under docs/ and its content: window.EDITION_GLOSSARY = {id: {t, x, s}}."""
    entries = {
        term.id: {"t": term.term, "x": term.expansion or "", "s": term.short}
        for term in edition.edition.terms
    }
    data = json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # Editor text stays data: no "</script" or "<!--" can end or open anything, and U+2028/9 stay escaped.
    data = data.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return PATH, f"window.EDITION_GLOSSARY = {data};\n"
