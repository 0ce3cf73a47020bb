"""Find glossary terms in running text: one Aho-Corasick pass, whatever the glossary's size.

Rules: spaces, no-break spaces and hyphens are interchangeable; patterns with capitals and no lower
case (ABM, NATO) match case-sensitively, others ignore case, unless the entry says otherwise; a
match must start and end on a word boundary, where a plural "s"/"es" may extend it (possessives need
nothing: the apostrophe is a boundary); of overlapping candidates the leftmost, then the longest wins.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from operator import itemgetter
from typing import NamedTuple

import ahocorasick

from tools.model import Term
from tools.normalize import fold_case, for_terms, is_word_char

PLURALS = ("es", "s")


class Match(NamedTuple):
    """A term found at characters start..end of a string."""

    start: int
    end: int
    term_id: str


def is_case_sensitive(pattern: str, entry_setting: bool | None) -> bool:
    """An entry's own setting, else: acronym-like patterns (no lower case letters) are case-sensitive."""
    if entry_setting is not None:
        return entry_setting
    return any(c.isupper() for c in pattern) and not any(c.islower() for c in pattern)


class TermMatcher:
    """All patterns of a glossary in one Aho-Corasick automaton over a word-start view of the text.

    The automaton reads the case-folded text with every character that is not a word character
    shown as a space and a space in front, and each pattern is stored the same way after a space:
    so it only ever finds candidates that start on a word boundary, and it spends almost no time
    inside words, whatever the glossary's size. Each candidate is then compared with the folded text
    (and, for a case-sensitive pattern, with the text as written). Where two entries give the same
    pattern, the one added last counts; where a case-sensitive and a case-insensitive pattern match
    the same words, the case-sensitive one wins.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        exact: dict[str, dict[str, str]] = {}  # folded key -> {key as written: term id}
        folded: dict[str, str] = {}  # folded key -> term id
        for term in terms:
            for pattern in term.patterns:
                key = for_terms(pattern).strip()
                if not key:
                    continue
                if is_case_sensitive(pattern, term.case_sensitive):
                    exact.setdefault(fold_case(key), {})[key] = term.id
                else:
                    folded[fold_case(key)] = term.id
        views: dict[str, list[tuple[str, dict[str, str] | None, str | None]]] = {}
        for key in dict.fromkeys([*exact, *folded]):
            views.setdefault(" " + _view(key), []).append((key, exact.get(key), folded.get(key)))
        self._automaton = ahocorasick.Automaton()
        for view, forms in views.items():
            self._automaton.add_word(view, (len(view) - 1, tuple(forms)))
        if views:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, leftmost-longest, in text order."""
        if not len(self._automaton):
            return []
        plain = for_terms(text)
        lowered = fold_case(plain)
        candidates: list[tuple[int, int, bool, str]] = []  # start, -end, case-insensitive, term id
        for end, (length, forms) in self._automaton.iter(" " + _view(lowered)):
            start = end - length  # the view has one character more in front: its last index is the end here
            for key, exact, folded_id in forms:
                if lowered[start:end] != key:
                    continue
                if exact and (term_id := exact.get(plain[start:end])) is not None:
                    stop = _boundary_end(plain, end, folded=False)
                    if stop is not None:
                        candidates.append((start, -stop, False, term_id))
                if folded_id is not None:
                    stop = _boundary_end(plain, end, folded=True)
                    if stop is not None:
                        candidates.append((start, -stop, True, folded_id))
        candidates.sort(key=_ORDER)
        chosen: list[Match] = []
        reached = 0
        for start, negative_end, _, term_id in candidates:
            if start >= reached:
                chosen.append(Match(start, -negative_end, term_id))
                reached = -negative_end
        return chosen


# Every ASCII character that is not a word character (letter, digit, underscore) becomes a space.
_ASCII_VIEW = bytes(c if chr(c).isalnum() or chr(c) == "_" else 32 for c in range(128)) + b" " * 128
_NON_WORD = re.compile(r"[^\w ]")
# Typographic punctuation, made a space first so that most English paragraphs take the ASCII path.
_TYPOGRAPHIC = ("\u201c", "\u201d", "\u2014", "\u2013", "\u2026", "\u00ab", "\u00bb")


def _view(text: str) -> str:
    """text with every character that is not a word character as a space (one for one)."""
    if not text.isascii():
        for char in _TYPOGRAPHIC:
            if char in text:
                text = text.replace(char, " ")
        if not text.isascii():
            return _NON_WORD.sub(" ", text)
    return text.encode("ascii").translate(_ASCII_VIEW).decode("ascii")


# Leftmost, then longest, then case-sensitive; candidates tied on all three keep the order found.
_ORDER = itemgetter(0, 1, 2)


def _boundary_end(text: str, end: int, folded: bool) -> int | None:
    """Where a match starting on a word boundary ends once the end boundary and a plural suffix are
    checked, or None if it ends inside a word.

    A plural suffix is lower case ("ABMs", not "ABMS"); a case-insensitive phrase takes either case.
    """
    if end == len(text) or not ((after := text[end]).isalnum() or after == "_"):
        return end
    if text[end - 1].isalpha():
        for suffix in PLURALS:
            stop = end + len(suffix)
            written = text[end:stop].lower() if folded else text[end:stop]
            if written == suffix and (stop == len(text) or not is_word_char(text[stop])):
                return stop
    return None
