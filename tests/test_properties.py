"""Integrity as a property: whatever the text and the glossary, the page shows the text as written.

For arbitrary texts (any Unicode, no-break spaces, punctuation, Markdown and HTML syntax) and
arbitrary glossaries (overlapping terms, prefixes, case variants, plurals, punctuation), a text page is
generated and rendered the way MkDocs renders it (Python-Markdown with mkdocs.yml's extensions), and:

- each paragraph shows exactly its source words (whitespace runs aside), nothing lost or added;
- no glossed term is nested in another, and a term is glossed as often as the gloss mode says;
- every glossed span is a term or alias of the entry it links to, by the edition's matching rules;
- in "every" mode, the glossed spans are exactly those a naive reference matcher finds.

Loading goes through the real decoder, so texts are compared in Unicode NFC, as the edition keeps them,
and a text with an invisible control character (which Markdown would drop) must be refused instead.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from conftest import Element, parse_html, render_page
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from tools.annotate.edition import annotate
from tools.model import Edition, Named, Note, Paragraph, QuoteRef, Settings, Term, Text, slugify
from tools.pages.text import write_text_page
from tools.problems import Position, has_errors
from tools.source.load import split_paragraphs
from tools.source.normalize import fold_case, for_terms, is_word_char
from tools.source.quotes import find_quote
from tools.source.yamlsource import decode
from tools.validate.rules import validate

HERE = Position("seeds/glossary.yml")
# Words that make overlapping, prefixed, plural and case-varied matches likely.
WORDS = [
    "ab", "AB", "Ab", "abc", "abs", "abes", "ABs", "ABS", "ABes", "Abs", "ab c", "ab-c", "ab\u00a0c", "b c", "c", "C", "cd",
    "C++", "U.S.", "(MAD)", "x_y", "don't", "don\u2019t", "é", "e\u0301", "Straße", "İ", "ﬁ", "ΣΑΣ", "σας", "日本",
]
MARKDOWN = [
    "*", "**", "_", "`", "#", "# ", "\n# ", "\n    ", "\n1. ", "\n- ", "\n> ", "|", "\n|---|", "$", "$$", "\\", "\\(",
    "[", "]", "](", "(", ")", "[x](javascript:alert(1))", "![i](x)", "<", ">", "&", "&amp;", "&#60;", "<b>", "</p>",
    "<!--", "-->", "{", "}", "{: onclick=\"x\"}", "{ .c #i }", "*[X]: y", "[TOC]", "--8<--", "~~", "==", "^", ":", "\x02", "\x03", "\x0b", "\x0c", "\x00",
    "  \n", "\t", "\u00a0", "\u2028", "'", '"', "…", "—", "-", "--", "---", "\n---\n", "...", "!", "?",
]
# Whole constructs, with terms inside: any escaping gap turns one of these into markup.
CONSTRUCTS = [
    "*ab*", "**AB**", "_ab c_", "__ab__", "`abc`", "``ab`c``", "[ab](u)", "[ab]", "![ab](x)", "<b>ab</b>", "<ab>", "&ab;",
    "&amp;", "&#x41;", "\\*ab\\*", "ab{: .x}", "{ #id }", "$ab$", "~~ab~~", "==ab==", "^ab^", "ab_c_d", "*[ab]: x",
    "[^1]", "http://ab.c", "<http://x>", "ab@c.de", "[ab][1]\n[1]: http://x", "ab  \nab", "ab\\\nab", "-- ab --",
]
SEPARATORS = [" ", " ", " ", "", "\n", "\n\n", "\u00a0", "-", "\t", " \n ", "\n \n", "\u2009"]
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=6)
TOKENS = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKDOWN), st.sampled_from(CONSTRUCTS), ANY_TEXT)


@st.composite
def texts(draw: st.DrawFn) -> str:
    tokens = draw(st.lists(TOKENS, min_size=1, max_size=40))
    out = []
    for token in tokens:
        out.append(token)
        out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


def _key(value: str) -> str:
    return unicodedata.normalize("NFC", value).casefold().strip()


@st.composite
def glossaries(draw: st.DrawFn) -> tuple[Term, ...]:
    """1 to 6 entries that pass validation: no two share a term, an alias or an anchor."""
    name = st.one_of(st.sampled_from(WORDS), st.builds(lambda a, s, b: a + s + b, st.sampled_from(WORDS), st.sampled_from([" ", "-", ""]), st.sampled_from(WORDS)))
    terms: list[Term] = []
    taken: set[str] = set()
    anchors: set[str] = set()
    for _ in range(draw(st.integers(1, 6))):
        term = draw(name)
        if not term.strip() or _key(term) in taken or slugify(term) in anchors:
            continue
        taken.add(_key(term))
        anchors.add(slugify(term))
        aliases = []
        for alias in draw(st.lists(name, max_size=2)):
            if alias.strip() and _key(alias) not in taken:
                taken.add(_key(alias))
                aliases.append(Named(alias, HERE))
        terms.append(
            Term(
                id=slugify(term),
                term=term,
                expansion=None,
                kind="concept",
                short=f"About {term}.",
                definition="A definition.",
                aliases=tuple(aliases),
                case_sensitive=draw(st.sampled_from([None, None, True, False])),
                related=(),
                events=(),
                references=(),
                position=HERE,
            )
        )
    return tuple(terms)


def edition_of(source: str, terms: tuple[Term, ...], gloss: str, note_at: tuple[int, int, int] | None) -> Edition | None:
    decoded, problems = decode("seeds/texts/one.txt", source.encode("utf-8"))
    if decoded is None:  # refused, with its place: an invisible control character Markdown would drop
        assert [p.code for p in problems] == ["control-character"], problems
        return None
    paragraphs = tuple(Paragraph(n, body, line) for n, (body, line) in enumerate(split_paragraphs(decoded.text), start=1))
    text = Text("one", "seeds/texts/one.txt", decoded.text, paragraphs, None)
    notes: tuple[Note, ...] = ()
    if note_at and paragraphs:
        which, a, b = note_at
        body = paragraphs[which % len(paragraphs)].text
        quote = body[min(a, b) % (len(body) + 1) : max(a, b) % (len(body) + 1)].strip()
        if quote and "\n" not in quote and len(find_quote(text, quote)) == 1:
            notes = (Note("context", QuoteRef("one", quote, HERE, HERE), "A note.", (), HERE),)
    settings_ = Settings(title="Properties", subtitle="", slug="properties", language="en", gloss=gloss, introduction="", principles="")  # type: ignore[arg-type]
    edition = Edition(settings_, (text,), terms, notes, ())
    return None if has_errors(validate(edition)) else edition


def spaced(value: str) -> str:
    """ASCII whitespace runs as one space (HTML shows them so; tabs, line breaks and hard breaks included)."""
    return re.sub(r"[ \t\n\r\f]+", " ", value).strip()


def is_marker(element: Element) -> bool:
    return bool(element.classes & {"pnum", "note-ref"})


def text_and_glosses(paragraph: Element) -> tuple[str, list[tuple[int, int, str, Element]]]:
    """The paragraph's text without its number and note markers, and each gloss: start, end, anchor."""
    parts: list[str] = []
    glossed: list[tuple[int, int, str, Element]] = []

    def walk(node: Element) -> None:
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif is_marker(child):
                continue
            elif "gloss" in child.classes:
                start = len("".join(parts))
                walk(child)
                glossed.append((start, len("".join(parts)), child.attrs.get("href", "").rsplit("#", 1)[-1], child))
            else:
                walk(child)

    walk(paragraph)
    return "".join(parts), glossed


# The rules, written out here (not imported) so that the matcher is checked against them.
PLURALS = ("es", "s")  # lower case only, after a pattern that ends in a letter
# Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, kana, CJK): beside one of
# their characters, in the pattern or in the text, there is no word boundary to require.
UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003ffff]")


def bounded(edge: str, beside: str) -> bool:
    """Whether a match whose first (or last) character is edge may begin (or end) next to the character
    beside it ("" at the text's edge): not in the middle of a word, where a word of a script without
    spaces needs no boundary."""
    return not beside or not is_word_char(beside) or bool(UNSPACED.match(edge) or UNSPACED.match(beside))


def is_case_sensitive(pattern: str, setting: bool | None) -> bool:
    """The entry's case_sensitive if given, else: capitals and no lower case (an acronym) means exact."""
    if setting is not None:
        return setting
    return any(c.isupper() for c in pattern) and not any(c.islower() for c in pattern)


def source_index(shown: str, source: str) -> dict[int, int]:
    """Where each shown non-space character is in the source: the two differ only in runs of ASCII
    whitespace (Markdown turns a tab into spaces; HTML shows a line break as a space)."""
    at: dict[int, int] = {}
    i = j = 0
    while i < len(shown) or j < len(source):
        if i < len(shown) and shown[i] in ASCII_SPACE:
            i += 1
        elif j < len(source) and source[j] in ASCII_SPACE:
            j += 1
        else:
            assert i < len(shown) and j < len(source) and shown[i] == source[j], "the shown text is not the source's"
            at[i] = j
            i += 1
            j += 1
    return at


ASCII_SPACE = frozenset(" \t\n\r\f")


def pattern_matches(surface: str, term: Term) -> bool:
    """The edition's rule: the surface is a pattern of the term (spaces, no-break spaces and hyphens
    alike; case ignored unless the pattern is an acronym or the entry says so), or its plural."""
    written = for_terms(surface)
    for pattern in term.patterns:
        key = for_terms(pattern).strip()
        if not key:
            continue
        exact = is_case_sensitive(pattern, term.case_sensitive)
        plurals = [key + s for s in PLURALS] if key[-1].isalpha() else []
        if exact and written in (key, *plurals):
            return True
        if not exact and fold_case(written[: len(key)]) == fold_case(key) and (
            len(written) == len(key) or (written[len(key) :].lower() in PLURALS and key[-1].isalpha())
        ):
            return True
    return False


def naive_spans(body: str, terms: tuple[Term, ...]) -> list[tuple[int, int]]:
    """A slow reference matcher: at each word start, the longest pattern (plural included) that ends on
    a word boundary; matches do not overlap; leftmost first."""
    plain = for_terms(body)
    found: list[tuple[int, int]] = []
    start = 0
    while start < len(plain):
        if start > 0 and not bounded(plain[start], plain[start - 1]):
            start += 1
            continue
        best = -1
        for term in terms:
            for pattern in term.patterns:
                key = for_terms(pattern).strip()
                if not key:
                    continue
                exact = is_case_sensitive(pattern, term.case_sensitive)
                same: Callable[[str, str], bool] = (lambda a, b: a == b) if exact else (lambda a, b: fold_case(a) == fold_case(b))
                end = start + len(key)
                if not same(plain[start:end], key):
                    continue
                if bounded(plain[end - 1], plain[end : end + 1]):
                    best = max(best, end)
                elif key[-1].isalpha():
                    for suffix in PLURALS:
                        stop = end + len(suffix)
                        tail = plain[end:stop] if exact else plain[end:stop].lower()
                        if tail == suffix and bounded(plain[stop - 1], plain[stop : stop + 1]):
                            best = max(best, stop)
        if best > start:
            found.append((start, best))
            start = best
        else:
            start += 1
    return found


def entry(term: str, *aliases: str, case_sensitive: bool | None = None) -> Term:
    return Term(slugify(term), term, None, "concept", "S.", "D.", tuple(Named(a, HERE) for a in aliases), case_sensitive, (), (), (), HERE)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
# Always checked, whatever is generated: the rules at their edges.
@example(source="ABs and ABS and ABes, cds and CDS and cdES.", terms=(entry("AB"), entry("cd")), gloss="every", note_at=None)
@example(source="ab c, ab-c, ab\u00a0c, ab\tc and ab  c; xab, abx.", terms=(entry("ab"), entry("ab c")), gloss="every", note_at=None)
@example(source="C++ and C+, U.S. and U.S.S.R., (MAD) and MAD.", terms=(entry("C++"), entry("U.S."), entry("(MAD)")), gloss="every", note_at=None)
@example(source="*ab* [ab](x) `ab` <b>ab</b> &amp; {: .x}\n# ab\n    ab\n1. ab", terms=(entry("ab"),), gloss="every", note_at=(0, 4, 12))
@example(source="Straße, STRASSE, ΣΑΣ σας, İstanbul, ﬁne.", terms=(entry("straße"), entry("ΣΑΣ"), entry("İ")), gloss="every", note_at=None)
@example(source="ab  \n\u2009ab\t\n\u00a0ab", terms=(entry("ab"),), gloss="every", note_at=None)  # no <br>, nothing dropped
@example(source="a b\x02c", terms=(entry("b"),), gloss="every", note_at=None)
@example(source="ab日本 日本ab xab日本ab 日本語", terms=(entry("ab"), entry("日本")), gloss="every", note_at=None)  # found by Hypothesis
@given(
    source=texts(),
    terms=glossaries(),
    gloss=st.sampled_from(["every", "first-per-paragraph", "first-per-page"]),
    note_at=st.one_of(st.none(), st.tuples(st.integers(0, 50), st.integers(0, 400), st.integers(0, 400))),
)
def test_the_page_shows_the_text_exactly_and_glosses_only_terms(source: str, terms: tuple[Term, ...], gloss: str, note_at: tuple[int, int, int] | None) -> None:
    edition = edition_of(source, terms, gloss, note_at)
    assume(edition is not None)
    assert edition is not None
    annotated = annotate(edition)
    text = edition.texts[0]
    _, markdown_page = write_text_page(annotated.texts[0], annotated)
    root = parse_html(render_page(markdown_page))
    shown = [p for p in root.find_all("p") if "para" in p.classes]
    assert [p.attrs.get("id") for p in shown] == [f"p{n}" for n in range(1, len(text.paragraphs) + 1)], "a paragraph was lost, split or merged"

    by_id = {t.id: t for t in terms}
    seen_in_page: Counter[str] = Counter()
    for paragraph, element in zip(text.paragraphs, shown, strict=True):
        words, glossed = text_and_glosses(element)
        assert spaced(words) == spaced(paragraph.text), f"¶{paragraph.number} is not shown as written"
        # No gloss inside a gloss, nor any other element made from the text's words.
        for _, _, _, link in glossed:
            assert not [e for e in link.iter() if e is not link], f"¶{paragraph.number}: a gloss holds markup: {link}"
        inside = {e.tag for e in element.iter() if e is not element and not is_marker(e) and "gloss" not in e.classes}
        assert not inside, f"¶{paragraph.number}: its words became markup: {inside}"
        seen_in_paragraph: Counter[str] = Counter()
        at = source_index(words, paragraph.text)
        for first, last, anchor, _ in glossed:
            assert anchor in by_id, f"a gloss links to #{anchor}, which is no entry"
            # Judged in the source: a tab shown as spaces, or a line break, is what the editor wrote.
            start, end = at[first], at[last - 1] + 1
            surface = paragraph.text[start:end]
            assert pattern_matches(surface, by_id[anchor]), f"¶{paragraph.number}: {surface!r} is glossed as {by_id[anchor].term!r}"
            before, after = paragraph.text[start - 1 : start] if start else "", paragraph.text[end : end + 1]
            assert bounded(surface[0], before), f"¶{paragraph.number}: {surface!r} starts inside a word"
            assert bounded(surface[-1], after), f"¶{paragraph.number}: {surface!r} ends inside a word"
            seen_in_paragraph[anchor] += 1
            seen_in_page[anchor] += 1
        if gloss == "first-per-paragraph":
            assert max(seen_in_paragraph.values(), default=0) <= 1, f"¶{paragraph.number}: a term glossed twice in one paragraph"
        if gloss == "every":
            spans = [(at[s], at[e - 1] + 1) for s, e, _, _ in glossed]
            assert naive_spans(paragraph.text, terms) == spans, f"¶{paragraph.number}: glossed spans differ from the rules"
    if gloss == "first-per-page":
        assert max(seen_in_page.values(), default=0) <= 1, "a term glossed twice on one page"

    # Nothing lost or added anywhere: the text's non-space characters, in order, are the page's.
    nfc = unicodedata.normalize("NFC", source.replace("\r\n", "\n").replace("\r", "\n"))
    rendered = "".join(text_and_glosses(p)[0] for p in shown)
    assert "".join(rendered.split()) == "".join(nfc.split())
    for placed in annotated.texts[0].notes:
        markers = [e for e in root.iter() if "note-ref" in e.classes]
        assert len(markers) == 1 and markers[0].attrs.get("href") == f"#note-{placed.number}"
