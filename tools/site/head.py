"""MkDocs hook (named in the generated configs): puts a page's machine-readable description in its head.

The generator writes it into the page's front matter (tools/pages/head.py): `head_meta`, a list of
[name, content] pairs (the citation_* tags Zotero and Google Scholar read), and `head_jsonld`, JSON-LD
for search engines and linked-data tools. Here they become <meta> elements and a
<script type="application/ld+json"> before </head>; nothing else about the page changes.
"""
from __future__ import annotations

import html
import json
from typing import Any


def head_elements(meta: dict[str, Any]) -> str:
    """The <meta> and JSON-LD elements for a page's front matter, or "" when it has none."""
    lines = [
        f'<meta name="{html.escape(str(name))}" content="{html.escape(str(content))}">'
        for name, content in meta.get("head_meta") or []
    ]
    data = meta.get("head_jsonld")
    if data:
        # No markup character appears in the script element: "</script" would end it early, and "<!--"
        # would change how it is parsed. \u003c and the others are the same JSON strings.
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        lines.append(f'<script type="application/ld+json">{text}</script>')
    return "\n".join(lines)


def on_post_page(output: str, page: Any, **kwargs: Any) -> str:
    elements = head_elements(getattr(page, "meta", None) or {})
    if not elements:
        return output
    at = output.find("</head>")
    return output if at < 0 else output[:at] + elements + "\n" + output[at:]
