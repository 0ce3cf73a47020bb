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
    """All patterns of a glossary in one Aho-Corasick automaton over case-folded text.

    One pass finds every candidate; a case-sensitive pattern is then checked against the text as
    written. Each key keeps its forms in order: the last case-sensitive one and the last
    case-insensitive one added for a key are the ones that count (as two automata, one per case
    rule, would keep them), and a case-sensitive form wins a tie with a case-insensitive one.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        forms: dict[str, dict[bool, tuple[str, str]]] = {}
        for term in terms:
            for pattern in term.patterns:
                key = for_terms(pattern).strip()
                if key:
                    exact = is_case_sensitive(pattern, term.case_sensitive)
                    forms.setdefault(fold_case(key), {})[exact] = (key, term.id)
        self._automaton = ahocorasick.Automaton()
        for folded, by_rule in forms.items():
            # Case-sensitive first: of two candidates on the same span, the first one wins.
            ordered = tuple((exact, *by_rule[exact]) for exact in (True, False) if exact in by_rule)
            self._automaton.add_word(folded, (len(folded), ordered))
        if forms:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, leftmost-longest, in text order."""
        if not len(self._automaton):
            return []
        plain = for_terms(text)
        candidates: list[tuple[int, int, bool, str]] = []
        for last, (length, forms) in self._automaton.iter(fold_case(plain)):
            start, end = last + 1 - length, last + 1
            if start and is_word_char(plain[start - 1]):
                continue  # inside a word: most candidates stop here, before any other work
            for exact, key, term_id in forms:
                if exact and plain[start:end] != key:
                    continue
                stop = _boundary_end(plain, end, folded=not exact)
                if stop is not None:
                    candidates.append((start, -stop, not exact, term_id))
        candidates.sort(key=lambda c: c[:3])
        chosen: list[Match] = []
        reached = 0
        for start, negative_stop, _, term_id in candidates:
            if start >= reached:
                chosen.append(Match(start, -negative_stop, term_id))
                reached = -negative_stop
        return chosen


def _boundary_end(text: str, end: int, folded: bool) -> int | None:
    """Where a match starting on a word boundary ends once the end boundary and a plural suffix are
    checked, or None if it ends inside a word.

    A plural suffix is lower case ("ABMs", not "ABMS"); a case-insensitive phrase takes either case.
    """
    if end == len(text) or not is_word_char(text[end]):
        return end
    if text[end - 1].isalpha():
        for suffix in PLURALS:
            stop = end + len(suffix)
            written = text[end:stop].lower() if folded else text[end:stop]
            if written == suffix and (stop == len(text) or not is_word_char(text[stop])):
                return stop
    return None
