"""What the glossary does not yet cover (`make suggest`): candidate terms in the texts and in the
glossary's own definitions, and the entries no text uses.

Heuristics, stated plainly (no dictionary, no network; they find names and abbreviations, not
lower-case jargon such as "counterforce", which only a reader can spot):
- an acronym is a word with at least two capitals and no lower-case letter except a plural s
  (ICBM, ICBMs, SM-3, U.S.), unless its lower-case form is also written in the edition (a shouted
  headline) or it is a Roman numeral up to XXXIX (Article XV);
- a name is two or more capitalised words in a row, joined only by spaces and by the small words
  of names (of, for, on, de, ...; "of the" and the like in pairs), e.g. "Department of Defense",
  "Treaty on the Limitation of Anti-Ballistic Missile Systems"; month and day names are not part
  of a name; a sentence's first word is left out when the edition also writes it in lower case
  ("Unless Washington" is "Washington"), or it is a small word (The, In, ...);
  a name made only of acronyms is not a name (each acronym counts on its own);
- an entry's own name written in a form its matcher does not find (SM-3s for SM-3) is listed as a
  variant, to add as an alias;
- a candidate is covered when the build's own matcher finds an entry over it: over the whole of
  an acronym, and over a name's last word (its head: "President Vladimir Putin" is covered by
  "Vladimir Putin", "Ballistic Missile Defense Review" is not by "missile defense").
Candidates from the texts are ranked by how many texts use them, then how often; those from the
definitions (words an entry's reader meets unexplained) by how often.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tools.annotate.matcher import Match, TermMatcher
from tools.model import Edition, Term
from tools.problems import Position

# A word: dotted capitals (U.S.), an initial before a name (the R. of "Joshua R. Shifrinson"), or letters
# and digits with inner hyphens and apostrophes.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]\.(?=[ \u00a0][^\W\d_])|[^\W_](?:[\w'’-]*[^\W_])?")
_CONNECTORS = frozenset({"of", "the", "for", "on", "de", "du", "des", "la", "le", "von", "van", "der", "al", "bin"})
_TWO_CONNECTORS = frozenset({("of", "the"), ("on", "the"), ("for", "the"), ("de", "la"), ("van", "der")})
# Small words and conjunctions that open sentences (English: the heuristics read English texts).
_OPENERS = frozenset(
    "a after although an and as at because before but by for from if in it its of on once or since so that the these this those though to "
    "unless until we when where whether while with".split()
)
# Month and weekday names are capitalised but name no thing to gloss ("the Review of January 2019").
_CALENDAR = frozenset(n for n in (*calendar.month_name, *calendar.day_name) if n)
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_END = re.compile(r"[.!?:;“”\"(\n]\s*$")


@dataclass(frozen=True)
class Candidate:
    """A word or name the glossary does not cover, where it was seen first, and how often."""

    words: str
    kind: str  # "acronym", "name", or "variant" (of an entry's name, in a form the build does not match)
    count: int
    texts: int
    first: Position


@dataclass(frozen=True)
class Suggestions:
    """What `make suggest` prints."""

    in_texts: tuple[Candidate, ...]
    in_definitions: tuple[Candidate, ...]
    unused: tuple[Term, ...]


@dataclass(frozen=True)
class _Found:
    words: str
    kind: str
    start: int
    end: int
    head: int  # where the last word starts: a name is covered when an entry's match covers it


def is_acronym(word: str) -> bool:
    """Two or more capitals, no lower case but a final plural s, not a Roman numeral."""
    core = word[:-1] if word.endswith("s") else word
    capitals = sum(c.isupper() for c in core)
    return capitals >= 2 and not any(c.islower() for c in core) and not _ROMAN.fullmatch(core)


def _capitalised(word: str) -> bool:
    """Each hyphenated part starts with a capital or a digit ("Ground-Based", "SM-3"; not "BMD-capable")."""
    return all(part[:1].isupper() or part[:1].isdigit() for part in word.split("-")) and word[0].isupper() and word not in _CALENDAR


def candidates(text: str, common: frozenset[str] = frozenset()) -> Iterator[_Found]:
    """Acronyms and capitalised names in one paragraph, with their character spans. common: words
    the edition writes in lower case; at the start of a sentence, a capitalised one is that word."""
    run: list[tuple[str, int, int]] = []

    def close() -> Iterator[_Found]:
        while run and run[-1][0] in _CONNECTORS:
            run.pop()
        capitals = [w for w, _, _ in run if _capitalised(w)]
        if len(capitals) >= 2 and not all(is_acronym(w) for w in capitals):
            yield _Found(" ".join(w for w, _, _ in run), "name", run[0][1], run[-1][2], run[-1][1])
        run.clear()

    previous_end = 0
    for token in _TOKEN.finditer(text):
        gap = text[previous_end : token.start()]
        if run and gap.strip(" \u00a0"):  # punctuation or a line break between two words ends a name
            yield from close()
        sentence_start = previous_end == 0 or bool(_SENTENCE_END.search(gap))
        word = _POSSESSIVE.sub("", token.group())
        start, end = token.start(), token.start() + len(word)
        if is_acronym(word):
            yield _Found(word[:-1] if word.endswith("s") else word, "acronym", start, end, start)
        ordinary = sentence_start and (word.lower() in _OPENERS or word.lower() in common)
        if is_acronym(word) and word.endswith("s"):  # a plural acronym ("ICBMs") is no part of a name
            yield from close()
        elif (_capitalised(word) and not ordinary) or _joins(run, word):
            run.append((word, start, end))
        else:
            yield from close()
        if word != token.group():  # a possessive ends a name: "Russia's Foreign Ministry"
            yield from close()
        previous_end = token.end()
    yield from close()


def _joins(run: list[tuple[str, int, int]], word: str) -> bool:
    """A small word inside a name: one at a time, or a pair such as "of the"."""
    if not run or word not in _CONNECTORS:
        return False
    last = run[-1][0]
    if is_acronym(last):  # "NATO of the ..." is no name
        return False
    return last not in _CONNECTORS or (last, word) in _TWO_CONNECTORS


def _covered(found: _Found, matches: list[Match]) -> bool:
    if found.kind == "acronym":
        return any(m.start <= found.start and m.end >= found.end for m in matches)
    return any(m.start <= found.head < m.end and m.end >= found.end for m in matches)


class _Tally:
    def __init__(self) -> None:
        self.count: dict[tuple[str, str], int] = {}
        self.first: dict[tuple[str, str], Position] = {}
        self.where: dict[tuple[str, str], set[str]] = {}

    def add(self, found: _Found, position: Position, source: str) -> None:
        key = (found.kind, found.words)
        self.count[key] = self.count.get(key, 0) + 1
        self.first.setdefault(key, position)
        self.where.setdefault(key, set()).add(source)

    def ranked(self, by_texts: bool) -> tuple[Candidate, ...]:
        made = [Candidate(words, kind, self.count[(kind, words)], len(self.where[(kind, words)]), self.first[(kind, words)]) for kind, words in self.count]
        return tuple(sorted(made, key=lambda c: (-c.texts if by_texts else 0, -c.count, c.first, c.words)))


def _variant(found: _Found, text: str, names: set[str]) -> _Found:
    """An entry's own name that its matcher did not find here: the form as written ("SM-3s"), a variant."""
    if found.words.casefold() not in names:
        return found
    return _Found(text[found.start : found.end], "variant", found.start, found.end, found.head)


def _line_of(text: str, offset: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, offset)


def _common(edition: Edition) -> frozenset[str]:
    """Words the texts and the definitions write in lower case: ordinary words, whatever the language."""
    parts = [p.text for text in edition.texts for p in text.paragraphs] + [part for t in edition.terms for part in (t.short, t.definition)]
    return frozenset(m.group() for part in parts for m in _TOKEN.finditer(part) if m.group().islower())


def _definition_line(lines: list[str], term: Term, words: str) -> int:
    """The first line of the entry, from its start, that holds the words (else the entry's first line)."""
    for number in range(term.position.line, len(lines) + 1):
        if words in lines[number - 1]:
            return number
    return term.position.line


def _uncovered(text: str, matches: list[Match], common: frozenset[str], names: set[str], own: frozenset[str] = frozenset()) -> Iterator[_Found]:
    """The candidates of one paragraph or definition that no entry covers (matches: what the matcher found
    in it; an entry's name in a form its matcher misses becomes a variant); an acronym the edition also
    writes in lower case is shouting."""
    for found in candidates(text, common):
        shouted = found.kind == "acronym" and found.words.lower() in common
        if not shouted and found.words.casefold() not in own and not _covered(found, matches):
            yield _variant(found, text, names)


def suggest(edition: Edition) -> Suggestions:
    """Candidates from the texts and from the definitions, and the entries no text uses."""
    matcher = TermMatcher(edition.terms)
    common = _common(edition)
    names = {pattern.casefold() for term in edition.terms for pattern in term.patterns}
    in_texts = _Tally()
    used: set[str] = set()
    for text in edition.texts:
        for paragraph in text.paragraphs:
            matches = matcher.find(paragraph.text)
            used.update(m.term_id for m in matches)
            for found in _uncovered(paragraph.text, matches, common, names):
                in_texts.add(found, Position(text.path, _line_of(paragraph.text, found.start, paragraph.line)), text.slug)
    in_definitions = _Tally()
    files: dict[str, list[str]] = {}
    for term in edition.terms:
        own = frozenset(pattern.casefold() for pattern in term.patterns)
        for part in (term.short, term.definition):
            for found in _uncovered(part, matcher.find(part), common, names, own):
                if term.position.path not in files:
                    files[term.position.path] = _read_lines(term.position.path)
                line = _definition_line(files[term.position.path], term, found.words)
                in_definitions.add(found, Position(term.position.path, line), term.id)
    unused = tuple(t for t in edition.terms if t.id not in used)
    return Suggestions(in_texts.ranked(by_texts=True), in_definitions.ranked(by_texts=False), unused)


def _read_lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


def report(found: Suggestions) -> Iterable[str]:
    """The lines `make suggest` prints."""
    yield f"Candidate terms in the texts that the glossary does not cover: {len(found.in_texts)} (most texts, then most often, first)"
    if found.in_texts:
        yield f"  {'texts':>5}  {'count':>5}  {'what':<8} {'candidate':<40} first seen"
        for c in found.in_texts:
            yield f"  {c.texts:>5}  {c.count:>5}  {c.kind:<8} {c.words:<40} {c.first.path}:{c.first.line}"
    yield ""
    yield f"Names and acronyms in the glossary's own definitions that no entry explains: {len(found.in_definitions)}"
    if found.in_definitions:
        yield f"  {'count':>5}  {'what':<8} {'candidate':<40} first seen"
        for c in found.in_definitions:
            yield f"  {c.count:>5}  {c.kind:<8} {c.words:<40} {c.first.path}:{c.first.line}"
    yield ""
    yield f"Glossary entries no text uses: {len(found.unused)}"
    for term in found.unused:
        yield f"  {term.position.path}:{term.position.line}  {term.term}"
