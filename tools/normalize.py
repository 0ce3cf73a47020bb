"""Length-preserving normalisation shared by the term matcher and quote finder.

Every function maps one character to exactly one character, so a span found in the normalised
string is the same span in the original: the text itself is never altered.
"""
from __future__ import annotations

SPACES = frozenset("\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\t\n\r\f\v")
HYPHENS = frozenset("-\u2010\u2011")
APOSTROPHES = frozenset("\u2019\u02bc\u2018")


def for_quotes(text: str) -> str:
    """No-break and other spaces become plain spaces; nothing else changes."""
    return "".join(" " if c in SPACES else c for c in text)


def for_terms(text: str) -> str:
    """Spaces and hyphens become one space, typographic apostrophes a plain one."""
    out = []
    for c in text:
        if c in SPACES or c in HYPHENS:
            out.append(" ")
        elif c in APOSTROPHES:
            out.append("'")
        else:
            out.append(c)
    return "".join(out)


def fold_case(text: str) -> str:
    """Lower case, one character for one (characters whose lower case is longer stay as they are)."""
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"
