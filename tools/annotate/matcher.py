"""Find glossary terms in running text: one Aho-Corasick pass, whatever the glossary's size.

Rules: spaces, no-break spaces and hyphens are interchangeable; patterns with capitals and no lower
case (ABM, NATO) match case-sensitively, others ignore case, unless the entry says otherwise; a
match must start and end on a word boundary, where a plural "s"/"es" may extend a pattern ending in a
letter or digit ("ABMs", "SM-3s"; possessives need nothing: the apostrophe is a boundary); of overlapping candidates the leftmost, then the longest wins.

Any script: letters, digits and combining marks (a decomposed accent, an Indic vowel sign) are word
characters; case folds one character for one (Greek final sigma as sigma). Scripts written without
spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) have no word boundaries to find:
beside a character of one of them, in the pattern or in the text ("NATO加盟国"), no boundary is needed.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import ahocorasick

from tools.model import Term
from tools.source.normalize import fold_case, for_terms

PLURALS = ("es", "s")
SEPARATOR = "\x00"  # joins texts for find_all(); the loader refuses it in texts and glossaries


class Match(NamedTuple):
    """A term found at characters start..end of a string."""

    start: int
    end: int
    term_id: str


Found = tuple[int, int, str]  # a Match as a plain tuple: start, end, term id


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
    plural suffix and a space). The view shows the candidate's words; what lies between them is
    checked in the text (spaces by counting them, other punctuation by folding), and so are the
    words as written for a case-sensitive pattern (a plural suffix in lower case). Where two entries
    give the same pattern, the one added last counts; where a case-sensitive and a case-insensitive
    pattern match the same words, the case-sensitive one wins.
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
        keys = list(dict.fromkeys([*exact, *folded]))
        self._joinable = not any(SEPARATOR in key for key in keys)
        views = _view("".join(keys))  # one character for one: all keys in one call, then cut apart
        words: dict[str, tuple[_Form, ...]] = {}
        end = 0
        for key in keys:
            start, end = end, end + len(key)
            view = views[start:end]
            spaces = key.count(" ") if view == key else None
            words[" " + view] = words.get(" " + view, ()) + ((key, spaces, exact.get(key), folded.get(key)),)
        self._automaton = ahocorasick.Automaton()
        # Patterns that start with a spaced script's word, stored without the space before them: after a
        # character of an unspaced script (Latin "ABM" in Chinese text) they start on a boundary too.
        # Used only for texts holding such characters.
        self._after_unspaced = ahocorasick.Automaton()
        for word, forms in words.items():
            # The forms of one word differ only in punctuation, so they end in the same kind of character.
            entry = (len(word) - 1, _unspaced(word[-1]), word[-1].isalnum(), forms)
            if _unspaced(word[1]):  # no boundary before it: found anywhere, not only after a space
                self._automaton.add_word(word[1:], entry)
            else:
                self._automaton.add_word(word, entry)
                self._after_unspaced.add_word(word[1:], entry)
        if words:
            self._automaton.make_automaton()
        if len(self._after_unspaced):
            self._after_unspaced.make_automaton()

    def find_all(self, texts: Sequence[str]) -> list[list[Found]]:
        """find() for each text, as plain tuples, in one pass over them all (joined by a character no
        pattern holds, so that no match crosses from one to the next): much less work per text for
        short ones."""
        if not self._joinable:
            return [self._spans(text, (0, len(text) + 1))[0] for text in texts]
        bounds = list(itertools.accumulate((len(text) + len(SEPARATOR) for text in texts), initial=0))
        return self._spans(SEPARATOR.join(texts), bounds)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, leftmost-longest, in text order."""
        return [Match(*found) for found in self._spans(text, (0, len(text) + 1))[0]]

    def _spans(self, text: str, bounds: Sequence[int]) -> list[list[Found]]:
        """The matches in text, split among its parts: part i is text[bounds[i] : bounds[i + 1] - 1]
        (a separator after each); each match counted from the start of its part."""
        found: list[list[Found]] = [[] for _ in bounds[1:]]
        if not len(self._automaton):
            return found
        plain = for_terms(text)
        view = " " + _view(plain) + " "  # view[i + 1] is plain[i], folded, or a space
        # Leftmost, then longest, then case-sensitive, then the shorter pattern ("nuclear" with a
        # plural "s" before "nuclears"); no two candidates tie on all four.
        candidates: list[tuple[int, int, bool, int, str]] = []  # start, -stop, case-insensitive, end, term id
        hits: Iterable[tuple[int, tuple[int, bool, bool, tuple[_Form, ...]]]] = self._automaton.iter(view)
        if len(self._after_unspaced) and _UNSPACED.search(view):
            after = ((end, entry) for end, entry in self._after_unspaced.iter(view) if _unspaced(view[end - entry[0]]))
            hits = itertools.chain(hits, after)
        for end, (length, open_end, pluralisable, forms) in hits:
            if view.startswith(" ", end + 1) or open_end or _unspaced(view[end + 1]):
                stop = end
            elif pluralisable and view.startswith("s ", end + 1):
                stop = end + 1
            elif pluralisable and view.startswith("es ", end + 1):
                stop = end + 2
            else:
                continue  # the start of a longer word
            start = end - length
            for key, spaces, exact, folded_id in forms:
                if spaces is None:
                    if fold_case(plain[start:end]) != key:
                        continue  # the same words with other punctuation
                elif spaces and plain.count(" ", start, end) != spaces:
                    continue  # the same words with punctuation for a space
                if exact and (term_id := exact.get(plain[start:end])) is not None and plain[end:stop] == view[end + 1 : stop + 1]:
                    candidates.append((start, -stop, False, end, term_id))
                if folded_id is not None:
                    candidates.append((start, -stop, True, end, folded_id))
        candidates.sort()
        part: list[Found] = []
        reached = offset = limit = 0  # limit: where the current part ends
        for start, negative_stop, _, _, term_id in candidates:
            if start >= reached:
                if start >= limit:
                    index = bisect_right(bounds, start) - 1
                    offset, limit, part = bounds[index], bounds[index + 1], found[index]
                reached = -negative_stop
                part.append((start - offset, reached - offset, term_id))
        return found


# A pattern as the automaton stores it: folded, the spaces between its words if it holds no other
# punctuation, and the entries it belongs to when written exactly so (case-sensitive, by spelling)
# or in any case.
_Form = tuple[str, "int | None", "dict[str, str] | None", "str | None"]


# Every ASCII character that is not a word character (letter, digit, underscore) becomes a space,
# every capital its lower case.
_ASCII_VIEW = bytes(ord(chr(c).lower()) if chr(c).isalnum() or chr(c) == "_" else 32 for c in range(128)) + b" " * 128
# Combining marks (Unicode categories Mn, Mc, Me) in the Basic Multilingual Plane: part of a word,
# though \w does not count them.
_MARKS = "".join(chr(c) for c in range(0x300, 0x10000) if unicodedata.category(chr(c)).startswith("M"))
_NON_WORD = re.compile(rf"[^\w {re.escape(_MARKS)}]")
# Scripts written without spaces between words: CJK ideographs, kana, Thai, Lao, Myanmar, Khmer.
_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003ffff]")


def _unspaced(char: str) -> bool:
    """True for a character of a script written without spaces between words."""
    return char > "\u0dff" and _UNSPACED.match(char) is not None
# Typographic punctuation, made a space first so that most English paragraphs take the ASCII path.
_TYPOGRAPHIC = ("\u201c", "\u201d", "\u2014", "\u2013", "\u2026", "\u00ab", "\u00bb")


def _view(text: str) -> str:
    """text folded, with every character that is not a word character as a space (one for one)."""
    if not text.isascii():
        for char in _TYPOGRAPHIC:
            if char in text:
                text = text.replace(char, " ")
        if not text.isascii():
            return _NON_WORD.sub(" ", fold_case(text))
    return text.encode("ascii").translate(_ASCII_VIEW).decode("ascii")
