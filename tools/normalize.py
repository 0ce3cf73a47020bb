"""Length-preserving normalisation shared by the term matcher and quote finder.

Every function maps one character to exactly one character, so a span found in the normalised
string is the same span in the original: the text itself is never altered.
"""
from __future__ import annotations

import re

SPACES = frozenset("\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\t\n\r\f\v")
HYPHENS = frozenset("-\u2010\u2011")
APOSTROPHES = frozenset("\u2019\u02bc\u2018")

# One regex pass each (C speed): most characters need no change, so a per-character loop is wasted.
_SPACES = re.compile("[" + re.escape("".join(sorted(SPACES))) + "]")
_SPACES_AND_HYPHENS = re.compile("[" + re.escape("".join(sorted(SPACES | HYPHENS))) + "]")
_APOSTROPHES = re.compile("[" + re.escape("".join(sorted(APOSTROPHES))) + "]")
CAPITAL_SIGMA = "\u03a3"  # str.lower() makes it final or not by context; one character alone never is


def for_quotes(text: str) -> str:
    """No-break and other spaces become plain spaces; nothing else changes."""
    return _SPACES.sub(" ", text)


def for_terms(text: str) -> str:
    """Spaces and hyphens become one space, typographic apostrophes a plain one."""
    return _APOSTROPHES.sub("'", _SPACES_AND_HYPHENS.sub(" ", text))


def fold_case(text: str) -> str:
    """Lower case, one character for one (characters whose lower case is longer stay as they are).

    str.lower() maps each character to one or more, so an unchanged length means one for one; it then
    equals the character-by-character result unless a capital sigma took its contextual final form."""
    lowered = text.lower()
    if len(lowered) == len(text) and CAPITAL_SIGMA not in text:
        return lowered
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"
