"""A page's machine-readable description as front-matter fields, for the head hook (tools/site/head.py)."""
from __future__ import annotations

from tools.escape import yaml_json


def head_fields(meta: list[tuple[str, str]], jsonld: dict[str, object] | None = None) -> str:
    """Front-matter lines (YAML; JSON values are valid YAML) for meta tags and JSON-LD; "" for none."""
    lines = []
    if meta:
        lines.append("head_meta: " + yaml_json([[name, value] for name, value in meta]))
    if jsonld:
        lines.append("head_jsonld: " + yaml_json(jsonld))
    return "".join(line + "\n" for line in lines)
