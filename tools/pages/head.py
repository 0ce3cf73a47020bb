"""A page's machine-readable description as front-matter fields, for the head hook (tools/site/head.py)."""
from __future__ import annotations

import json


def head_fields(meta: list[tuple[str, str]], jsonld: dict[str, object] | None = None) -> str:
    """Front-matter lines (YAML; JSON values are valid YAML) for meta tags and JSON-LD; "" for none."""
    lines = []
    if meta:
        lines.append("head_meta: " + json.dumps([[name, value] for name, value in meta], ensure_ascii=False))
    if jsonld:
        lines.append("head_jsonld: " + json.dumps(jsonld, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
