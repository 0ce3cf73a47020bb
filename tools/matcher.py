"""Find glossary terms in running text: one Aho-Corasick pass, whatever the glossary's size.

Rules: spaces, no-break spaces and hyphens are interchangeable; patterns with capitals and no lower
case (ABM, NATO) match case-sensitively, others ignore case, unless the entry says otherwise; a
match must start and end on a word boundary, where a plural "s"/"es" may extend it (possessives need
nothing: the apostrophe is a boundary); of overlapping candidates the leftmost, then the longest wins.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from tools.model import Term
from tools.normalize import fold_case, for_terms, is_word_char

PLURALS = ("es", "s")


@dataclass(frozen=True, order=True)
class Match:
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
    """All patterns of a glossary compiled into two automata (exact case and folded case)."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._exact = ahocorasick.Automaton()
        self._folded = ahocorasick.Automaton()
        for term in terms:
            for pattern in term.patterns:
                key = for_terms(pattern).strip()
                if not key:
                    continue
                if is_case_sensitive(pattern, term.case_sensitive):
                    self._exact.add_word(key, (len(key), term.id))
                else:
                    self._folded.add_word(fold_case(key), (len(key), term.id))
        for automaton in (self._exact, self._folded):
            if len(automaton):
                automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, leftmost-longest, in text order."""
        plain = for_terms(text)
        candidates: list[Match] = []
        for automaton, haystack, folded in ((self._exact, plain, False), (self._folded, fold_case(plain), True)):
            if not len(automaton):
                continue
            for last, (length, term_id) in automaton.iter(haystack):
                end = _boundary_end(plain, last + 1 - length, last + 1, folded)
                if end is not None:
                    candidates.append(Match(last + 1 - length, end, term_id))
        candidates.sort(key=lambda m: (m.start, -m.end))
        chosen: list[Match] = []
        reached = 0
        for match in candidates:
            if match.start >= reached:
                chosen.append(match)
                reached = match.end
        return chosen


def _boundary_end(text: str, start: int, end: int, folded: bool) -> int | None:
    """Where the match ends once boundaries and a plural suffix are checked, or None if it is no word.

    A plural suffix is lower case ("ABMs", not "ABMS"); a case-insensitive phrase takes either case.
    """
    if start > 0 and is_word_char(text[start - 1]):
        return None
    if end == len(text) or not is_word_char(text[end]):
        return end
    if text[end - 1].isalpha():
        for suffix in PLURALS:
            stop = end + len(suffix)
            written = text[end:stop].lower() if folded else text[end:stop]
            if written == suffix and (stop == len(text) or not is_word_char(text[stop])):
                return stop
    return None
