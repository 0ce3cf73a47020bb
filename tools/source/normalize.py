"""Length-preserving normalisation shared by the term matcher and quote finder.

Every function maps one character to exactly one character, so a span found in the normalised
string is the same span in the original: the text itself is never altered.
"""
from __future__ import annotations

import unicodedata

SPACES = frozenset("\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\t\n\r\f\v")
HYPHENS = frozenset("-\u2010\u2011")
APOSTROPHES = frozenset("\u2019\u02bc\u2018")

# (character, replacement) pairs, applied with str.replace only for characters present: most texts
# hold few of them, and a per-character loop or a regular expression is several times slower. An
# ASCII text is only searched for the ASCII ones.
_FOR_QUOTES = tuple((c, " ") for c in sorted(SPACES))
_FOR_TERMS = _FOR_QUOTES + tuple((c, " ") for c in sorted(HYPHENS)) + tuple((c, "'") for c in sorted(APOSTROPHES))
_ASCII_FOR_QUOTES = tuple(p for p in _FOR_QUOTES if p[0].isascii())
_ASCII_FOR_TERMS = tuple(p for p in _FOR_TERMS if p[0].isascii())
CAPITAL_SIGMA = "\u03a3"  # str.lower() makes it final or not by context; one character alone never is
SIGMA, FINAL_SIGMA = "\u03c3", "\u03c2"


def _replace(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for char, replacement in pairs:
        if char in text:
            text = text.replace(char, replacement)
    return text


def for_quotes(text: str) -> str:
    """No-break and other spaces become plain spaces; nothing else changes."""
    return _replace(text, _ASCII_FOR_QUOTES if text.isascii() else _FOR_QUOTES)


def for_terms(text: str) -> str:
    """Spaces and hyphens become one space, typographic apostrophes a plain one."""
    return _replace(text, _ASCII_FOR_TERMS if text.isascii() else _FOR_TERMS)


def fold_case(text: str) -> str:
    """Lower case, one character for one (characters whose lower case is longer stay as they are);
    Greek final sigma folds to sigma, as capitals cannot show which one was meant.

    str.lower() maps each character to one or more, so an unchanged length means one for one; it then
    equals the character-by-character result unless a capital sigma took its contextual final form."""
    lowered = text.lower()
    if len(lowered) != len(text) or CAPITAL_SIGMA in text:
        lowered = "".join(low if len(low := c.lower()) == 1 else c for c in text)
    return lowered.replace(FINAL_SIGMA, SIGMA) if FINAL_SIGMA in lowered else lowered


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def match_key(value: str) -> str:
    """A name as the matcher compares it: NFC, case-folded, hyphens and spaces one space, apostrophes
    one kind. Two names with the same key are one name to the matcher (and 'related' finds an entry so)."""
    return " ".join(fold_case(for_terms(unicodedata.normalize("NFC", value))).casefold().split())
