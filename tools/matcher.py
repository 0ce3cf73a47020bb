"""Find glossary terms in running text: one Aho-Corasick pass, whatever the glossary's size.

Rules: spaces, no-break spaces and hyphens are interchangeable; patterns with capitals and no lower
case (ABM, NATO) match case-sensitively, others ignore case, unless the entry says otherwise; a
match must start and end on a word boundary, where a plural "s"/"es" may extend it (possessives need
nothing: the apostrophe is a boundary); of overlapping candidates the leftmost, then the longest wins.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import NamedTuple

import ahocorasick

from tools.model import Term
from tools.normalize import fold_case, for_terms

PLURALS = ("es", "s")
SEPARATOR = "\x00"  # joins texts for find_all(); the loader refuses it in texts and glossaries


class Match(NamedTuple):
    """A term found at characters start..end of a string."""

    start: int
    end: int
    term_id: str


def is_case_sensitive(pattern: str, entry_setting: bool | None) -> bool:
    """An entry's own setting, else: acronym-like patterns (no lower case letters) are case-sensitive."""
    if entry_setting is not None:
        return entry_setting
    if pattern.islower() or pattern.isupper():  # the common cases, without a loop in Python
        return pattern.isupper()
    return any(c.isupper() for c in pattern) and not any(c.islower() for c in pattern)


class TermMatcher:
    """All patterns of a glossary in one Aho-Corasick automaton over a word view of the text.

    The automaton reads the case-folded text with every character that is not a word character
    shown as a space, and a space at each end; each pattern is stored the same way, after a space.
    So it only finds candidates that start on a word boundary and spends almost no time inside
    words, whatever the glossary's size. Each candidate's end is checked in the view (a space, or a
    plural suffix and a space), then its words are compared with the folded text and, for a
    case-sensitive pattern, with the text as written (a plural suffix in lower case). Where two
    entries give the same pattern, the one added last counts; where a case-sensitive and a
    case-insensitive pattern match the same words, the case-sensitive one wins.
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
        keys = dict.fromkeys([*exact, *folded])
        self._joinable = not any(SEPARATOR in key for key in keys)
        words: dict[str, list[_Form]] = {}
        for key in keys:
            words.setdefault(" " + _view(key), []).append((key, exact.get(key), folded.get(key)))
        self._automaton = ahocorasick.Automaton()
        for word, forms in words.items():
            # The forms of one word differ only in punctuation, so they end in the same kind of character.
            self._automaton.add_word(word, (len(word) - 1, word[-1].isalpha(), tuple(forms)))
        if words:
            self._automaton.make_automaton()

    def find_all(self, texts: Sequence[str]) -> list[list[Match]]:
        """find() for each text, in one pass over them all (joined by a character no pattern holds,
        so that no match crosses from one to the next): much less work per text for short ones."""
        if not self._joinable:
            return [self.find(text) for text in texts]
        found: list[list[Match]] = [[] for _ in texts]
        starts = list(itertools.accumulate((len(text) + len(SEPARATOR) for text in texts[:-1]), initial=0))
        index = 0
        for start, end, term_id in self._spans(SEPARATOR.join(texts)):
            while index + 1 < len(starts) and start >= starts[index + 1]:
                index += 1
            offset = starts[index]
            found[index].append(Match(start - offset, end - offset, term_id))
        return found

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, leftmost-longest, in text order."""
        return [Match(*span) for span in self._spans(text)]

    def _spans(self, text: str) -> list[tuple[int, int, str]]:
        """find() as plain (start, end, term id) tuples."""
        if not len(self._automaton):
            return []
        plain = for_terms(text)
        lowered = fold_case(plain)
        view = " " + _view(lowered) + " "  # view[i + 1] is lowered[i]
        candidates: list[tuple[int, int, bool, str]] = []  # start, -end, case-insensitive, term id
        for end, (length, pluralisable, forms) in self._automaton.iter(view):
            if view.startswith(" ", end + 1):
                stop = end
            elif pluralisable and view.startswith("s ", end + 1):
                stop = end + 1
            elif pluralisable and view.startswith("es ", end + 1):
                stop = end + 2
            else:
                continue  # the start of a longer word
            start = end - length
            for key, exact, folded_id in forms:
                if lowered[start:end] != key:
                    continue  # the same words with other punctuation
                if exact and (term_id := exact.get(plain[start:end])) is not None and plain[end:stop] == lowered[end:stop]:
                    candidates.append((start, -stop, False, term_id))
                if folded_id is not None:
                    candidates.append((start, -stop, True, folded_id))
        candidates.sort(key=_ORDER)
        chosen: list[tuple[int, int, str]] = []
        reached = 0
        for start, negative_end, _, term_id in candidates:
            if start >= reached:
                chosen.append((start, -negative_end, term_id))
                reached = -negative_end
        return chosen


# A pattern as the automaton stores it: folded, and the entries it belongs to when written exactly
# so (case-sensitive, by spelling) or in any case.
_Form = tuple[str, "dict[str, str] | None", "str | None"]
# Leftmost, then longest, then case-sensitive; candidates tied on all three keep the order found.
_ORDER = itemgetter(0, 1, 2)


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
