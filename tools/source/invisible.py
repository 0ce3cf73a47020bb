"""Characters that show nothing: named in messages, and never enough to make a paragraph."""
from __future__ import annotations

import re
import unicodedata

# Characters that show nothing and silently stop a name from matching the texts (ZWJ and ZWNJ are
# left alone: some scripts need them inside words).
INVISIBLE = re.compile("[\u00ad\u180e\u200b\u2060-\u2064\ufeff]")


def invisible_problem(value: str) -> str | None:
    """A description of the first invisible character in value and where it is, or None."""
    found = INVISIBLE.search(value)
    if found is None:
        return None
    char = found.group()
    before = value[max(0, found.start() - 12) : found.start()]
    where = f"after '{before}'" if before else "at its start"
    return f"an invisible {unicodedata.name(char, 'character')} (U+{ord(char):04X}) {where}"


def is_blank(line: str) -> bool:
    """True when line has no visible character: only whitespace and INVISIBLE characters."""
    return not INVISIBLE.sub("", line).strip()
