"""Text as MkDocs reads and prints it: values of the generated config, and what its templates print
unescaped. Shared by the validator, which checks what the config will hold, and the writers."""
from __future__ import annotations

import html
import json
import re

# Characters PyYAML refuses to read (U+FFFE, U+FFFF, C1 controls) or reads as line breaks (U+0085,
# U+2028, U+2029), which break a key or value that MkDocs reads; JSON's \uXXXX escapes are YAML's too.
_YAML_UNREADABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def yaml_json(value: object, indent: int | None = None) -> str:
    """value as JSON that PyYAML (and so MkDocs) reads back unchanged, whatever characters it holds."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _YAML_UNREADABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def template_text(text: str) -> str:
    """Text that MkDocs or Material templates print unescaped (titles, site name, descriptions).

    & < > and " are escaped, which is all element content and Material's double-quoted attributes
    need; the apostrophe is left alone, as Material escapes some titles again (aria-label="{{ title | e }}")
    and a title such as Russia's would otherwise read "Russia&#x27;s" there."""
    return html.escape(text, quote=False).replace('"', "&quot;")
