"""Writes the edition's search index: small JavaScript files under docs/search/ that the reader's
browser loads with <script> on first use of the search box (tools/assets/search.js), hosted or from
file://, with no worker, fetch or WebAssembly.

Each title (with its text's metadata), paragraph, note and glossary entry is one document. Its number
follows from the page table (search/index.js): a text page holds its title, then its paragraphs, then
its notes; the glossary page its entries in order. Terms are folded (compatibility decomposition,
marks dropped, lower case) exactly as search.js folds the reader's query, and split into shards by
prefix, each small enough to load at once: search/s-<prefix>.js holds, per term, its postings (document
numbers delta-coded, each with its weighted term frequency) and the words around the term in the
documents where it weighs most, so a query shows snippets without loading the documents. The documents'
whole text is in search/c-<page>-<chunk>.js, loaded only for a result no snippet covers.
"""
from __future__ import annotations

import bisect
import heapq
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from tools.annotate.edition import AnnotatedEdition
from tools.pages.markup import plain_text

# Field weights: a term found in a glossary entry's name weighs most, then a text's title, a paragraph, a note.
ENTRY_NAME = 10
TITLE = 6
PARAGRAPH = 3
METADATA = 2
NOTE = 2
DEFINITION = 2

SHARD_BYTES = 24_000  # a shard larger than this is split by one more character of its terms' prefix
FIRST_PREFIX = 2
LONGEST_PREFIX = 6
SNIPPETS_PER_TERM = 12  # documents per term whose words around the term are kept in the shard
CHUNK = 64  # documents per content file
BEFORE, AFTER = 40, 120  # characters of context either side of a term in a snippet

_APOSTROPHES = {"\u2019": "'", "\u02bc": "'", "\u2018": "'"}
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


class _FoldTable(dict[int, str]):
    """str.translate's table for folding, filled as characters are met: each character's compatibility
    decomposition without combining marks (per character, this is what NFKD of the whole text gives once
    the marks are dropped). `irregular` holds the characters that do not fold to exactly one character."""

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set()

    def __missing__(self, code: int) -> str:
        char = chr(code)
        decomposed = _APOSTROPHES.get(char) or unicodedata.normalize("NFKD", char)
        piece = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
        if len(piece) != 1 or len(piece.lower()) != 1:
            self.irregular.add(char)
        self[code] = piece
        return piece


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case without diacritics: NFKD, every combining mark dropped (search.js does the same)."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD).lower()


def _folded_with_origins(text: str) -> tuple[str, list[int]]:
    """text folded, and for each folded character the index of the original character it came from."""
    folded = fold(text)
    if text.isascii() or _FOLD.irregular.isdisjoint(text):  # one character for one: positions agree
        return folded, list(range(len(text)))
    out: list[str] = []
    origins: list[int] = []
    for i, char in enumerate(text):
        piece = fold(char)
        out.append(piece)
        origins.extend([i] * len(piece))
    return "".join(out), origins


@dataclass(frozen=True)
class Doc:
    """One searchable document: its fields (text, weight) and the text its snippets are cut from."""

    fields: tuple[tuple[str, int], ...]
    shown: str


def _squash(text: str) -> str:
    return " ".join(text.split())


def _documents(edition: AnnotatedEdition) -> tuple[list[dict[str, object]], list[list[Doc]]]:
    """The page table and, per page, its documents in order."""
    pages: list[dict[str, object]] = []
    docs: list[list[Doc]] = []
    words = edition.edition.settings.words
    for annotated in edition.texts:
        text = annotated.text
        meta = [text.meta.source, text.meta.author or "", words.date(text.date)] if text.meta else []
        own = [Doc(((text.shown_title, TITLE), (" ".join(meta), METADATA)), " · ".join(m for m in meta if m))]
        own += [Doc(((p.text, PARAGRAPH),), _squash(p.text)) for p in text.paragraphs]
        own += [Doc(((plain_text(n.note.body), NOTE),), plain_text(n.note.body)) for n in annotated.notes]
        pages.append({"u": f"texts/{text.slug}/", "t": text.shown_title, "p": len(text.paragraphs), "n": len(annotated.notes)})
        docs.append(own)
    terms = sorted(edition.edition.terms, key=lambda t: t.term.casefold())
    entries: list[Doc] = []
    for term in terms:
        names = " ".join(term.patterns)
        definition = f"{term.short} {plain_text(term.definition)}"
        shown = term.term + (f" ({term.expansion})" if term.expansion else "") + f": {term.short}"
        entries.append(Doc(((names, ENTRY_NAME), (definition, DEFINITION)), _squash(f"{shown} {plain_text(term.definition)}")))
    pages.append({"u": "glossary/", "t": words("nav.glossary"), "e": [[t.id, t.term] for t in terms]})
    docs.append(entries)
    return pages, docs


def _window(shown: str, start: int) -> str:
    """The words around shown[start], cut at spaces, with an ellipsis where text was left out."""
    if len(shown) <= BEFORE + AFTER:
        return shown
    low, high = max(0, start - BEFORE), min(len(shown), start + AFTER)
    if low > 0:
        space = shown.find(" ", low, start)
        low = space + 1 if space >= 0 else low
    if high < len(shown):
        space = shown.rfind(" ", start, high)
        high = space if space > start else high
    return ("…" if low > 0 else "") + shown[low:high] + ("…" if high < len(shown) else "")


def _postings(docs: list[Doc]) -> tuple[dict[str, dict[int, int]], dict[tuple[str, int], int]]:
    """Per term, its documents with their weighted term frequency; and where each term first occurs
    in each document's shown text."""
    postings: dict[str, dict[int, int]] = defaultdict(dict)
    first: dict[tuple[str, int], int] = {}
    for number, doc in enumerate(docs):
        for text, weight in doc.fields:
            for token in _TOKEN.findall(fold(text)):
                found = postings[token]
                found[number] = found.get(number, 0) + weight
        folded, origins = _folded_with_origins(doc.shown)
        for match in _TOKEN.finditer(folded):
            first.setdefault((match.group(), number), origins[match.start()])
    return postings, first


def _shard_key(term: str, splits: set[str]) -> str:
    key = term[:FIRST_PREFIX]
    while key in splits and len(term) > len(key):
        key = term[: len(key) + 1]
    return key


def _split(sizes: dict[str, int]) -> set[str]:
    """The prefixes whose terms are too many for one shard, split by one more character (search.js
    walks the same way from a term to its shard)."""
    splits: set[str] = set()
    pending = sorted(sizes)
    while True:
        groups: dict[str, int] = defaultdict(int)
        for term in pending:
            groups[_shard_key(term, splits)] += sizes[term]
        grown = {
            key for key, size in groups.items()
            if size > SHARD_BYTES and len(key) < LONGEST_PREFIX and any(len(t) > len(key) and t.startswith(key) for t in pending)
        }
        if not grown - splits:
            return splits
        splits |= grown


def _prefix_snippets(key: str, terms: list[str], postings: dict[str, dict[int, int]], first: dict[tuple[str, int], int]) -> set[tuple[str, int]]:
    """For each prefix a reader may type that begins two or more of a shard's terms (sorted), the best
    documents of its query (search.js adds the weights of every term the last word begins and lists
    the best first): each as (term, document), the term that weighs most in it, so that those results
    show a snippet without loading their documents."""
    wanted: set[tuple[str, int]] = set()
    prefixes = {term[:n] for term in terms for n in range(max(len(key), FIRST_PREFIX), len(term))}
    # Prefixes that begin the same terms ("abc", "abcd") are one query: each run of terms once.
    runs = {(bisect.bisect_left(terms, prefix), bisect.bisect_left(terms, prefix + "\U0010ffff")) for prefix in prefixes}
    for low, high in runs:
        if high - low < 2:
            continue
        summed: dict[int, int] = defaultdict(int)
        for term in terms[low:high]:
            for number, weight in postings[term].items():
                summed[number] += weight
        for number in heapq.nsmallest(SNIPPETS_PER_TERM, summed, key=lambda n: (-summed[n], n)):
            holding = [term for term in terms[low:high] if (term, number) in first] or terms[low:high]
            wanted.add((max(holding, key=lambda term: postings[term].get(number, 0)), number))
    return wanted


def file_key(key: str) -> str:
    """A shard key as part of a file name: a-z and 0-9 as they are, anything else as _<hex>_."""
    return "".join(c if c in "abcdefghijklmnopqrstuvwxyz0123456789" else f"_{ord(c):x}_" for c in key)


def _script(call: str, *values: object) -> str:
    args = ",".join(json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in values)
    return f"editionSearch.{call}({args});\n"


def write_search_index(edition: AnnotatedEdition) -> dict[str, str]:
    """Every file of the search index: its path under docs/ and its content."""
    pages, per_page = _documents(edition)
    docs = [doc for page in per_page for doc in page]
    postings, first = _postings(docs)
    encoded: dict[str, list[object]] = {}
    snippets: dict[str, dict[int, str]] = {}  # per term, the documents with the words around it kept
    for term, found in postings.items():
        numbers = sorted(found)
        flat: list[int] = []
        previous = 0
        for number in numbers:
            flat += [number - previous, found[number]]
            previous = number
        best = heapq.nsmallest(SNIPPETS_PER_TERM, numbers, key=lambda n: (-found[n], n))
        windows = {n: _window(docs[n].shown, first.get((term, n), 0)) for n in sorted(best)}
        snippets[term] = windows
        encoded[term] = [flat, [[n, w] for n, w in windows.items()]]
    sizes = {term: len(term) + len(json.dumps(value, ensure_ascii=False, separators=(",", ":"))) + 4 for term, value in encoded.items()}
    splits = _split(sizes)
    shards: dict[str, dict[str, list[object]]] = defaultdict(dict)
    for term in sorted(encoded):
        shards[_shard_key(term, splits)][term] = encoded[term]
    for key, terms in shards.items():
        added = set()
        for term, number in _prefix_snippets(key, sorted(terms), postings, first):
            if number not in snippets[term]:
                snippets[term][number] = _window(docs[number].shown, first.get((term, number), 0))
                added.add(term)
        for term in added:
            terms[term] = [terms[term][0], [[n, w] for n, w in sorted(snippets[term].items())]]
    files = {f"search/s-{file_key(key)}.js": _script("shard", key, terms) for key, terms in shards.items()}
    for page_number, page_docs in enumerate(per_page):
        for chunk in range(0, len(page_docs), CHUNK):
            texts = [doc.shown for doc in page_docs[chunk : chunk + CHUNK]]
            files[f"search/c-{page_number}-{chunk // CHUNK}.js"] = _script("content", page_number, chunk // CHUNK, texts)
    manifest = {"pages": pages, "shards": sorted(shards), "splits": sorted(splits), "chunk": CHUNK, "first": FIRST_PREFIX}
    files["search/index.js"] = _script("index", manifest)
    return files
