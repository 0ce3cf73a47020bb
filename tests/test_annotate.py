"""Annotation: which occurrences are glossed in each mode, protected headlines, notes and cross-links placed."""
from __future__ import annotations

from pathlib import Path

from conftest import EDITION, TEXT_META, write_seeds

from tools.annotate.edition import AnnotatedEdition
from tools.model import Paragraph, Text
from tools.pages.text import paragraph_body
from tools.pipeline import check
from tools.source.quotes import QuoteFinder, Span, find_quote

BODY = "ABM and ABMs here; the ABM Treaty too.\n\nAn ABM again, and the ABM Treaty.\n\nNo term.\n\nLast ABM.\n"


def annotated(seeds: Path) -> AnnotatedEdition:
    checked = check(seeds)
    assert checked.edition is not None, [p.format() for p in checked.problems]
    return checked.edition


def glossed(edition: AnnotatedEdition, slug: str = "one") -> list[tuple[int, str, bool]]:
    """(paragraph, surface form, glossed) for every occurrence in a text."""
    text = edition.text(slug)
    return [(o.paragraph, text.text.paragraphs[o.paragraph - 1].text[o.start : o.end], o.glossed) for o in text.occurrences]


def with_mode(mode: str | None) -> str:
    return EDITION + (f"gloss: {mode}\n" if mode else "")


def test_first_per_paragraph_is_the_default(here: Path) -> None:
    edition = annotated(write_seeds(here, texts={"one": BODY}, edition=with_mode(None)))
    assert edition.edition.settings.gloss == "first-per-paragraph"
    assert glossed(edition) == [
        (1, "ABM", True), (1, "ABMs", False), (1, "ABM Treaty", True),
        (2, "ABM", True), (2, "ABM Treaty", True),
        (4, "ABM", True),
    ]


def test_every_occurrence(here: Path) -> None:
    edition = annotated(write_seeds(here, texts={"one": BODY}, edition=with_mode("every")))
    assert [g for _, _, g in glossed(edition)] == [True] * 6


def test_first_per_page(here: Path) -> None:
    edition = annotated(write_seeds(here, texts={"one": BODY, "two": "ABM and the ABM Treaty.\n"}, edition=with_mode("first-per-page")))
    assert glossed(edition) == [
        (1, "ABM", True), (1, "ABMs", False), (1, "ABM Treaty", True),
        (2, "ABM", False), (2, "ABM Treaty", False),
        (4, "ABM", False),
    ]
    assert glossed(edition, "two") == [(1, "ABM", True), (1, "ABM Treaty", True)]


def test_gloss_by_kind_overrides_the_mode_for_that_kind(here: Path) -> None:
    """Treaties once per text, the rest (weapon systems) once per paragraph."""
    edition = annotated(write_seeds(here, texts={"one": BODY}, edition=with_mode("first-per-paragraph") + "gloss_by_kind:\n  treaty: first-per-page\n"))
    assert glossed(edition) == [
        (1, "ABM", True), (1, "ABMs", False), (1, "ABM Treaty", True),
        (2, "ABM", True), (2, "ABM Treaty", False),
        (4, "ABM", True),
    ]


def test_gloss_by_kind_refuses_an_unknown_kind_or_mode(here: Path) -> None:
    checked = check(write_seeds(here, edition=EDITION + "gloss_by_kind:\n  places: first-per-page\n  person: sometimes\n"))
    assert [p.code for p in checked.problems] == ["choice", "choice"]
    messages = " ".join(p.message for p in checked.problems)
    assert "'places' in 'gloss_by_kind' is no kind of entry (did you mean 'place'?)" in messages
    assert "the gloss setting for 'person' is 'sometimes'; choose one of: first-per-paragraph, every, first-per-page" in messages


def test_unknown_mode_is_refused(here: Path) -> None:
    checked = check(write_seeds(here, edition=with_mode("first-per-text")))
    assert [p.code for p in checked.problems] == ["choice"]
    assert checked.edition is None


def test_headline_is_never_glossed(here: Path) -> None:
    """A headline is a heading: its terms are neither glossed nor counted (first-per-page starts after it)."""
    meta = TEXT_META + "passages:\n  - paragraph: 1\n    role: headline\n  - paragraph: 2\n    role: standfirst\n"
    edition = annotated(write_seeds(here, texts={"one": "ABM headline\n\nABM standfirst\n\nABM body\n"}, metadata={"one": meta},
                                    edition=with_mode("first-per-page")))
    assert glossed(edition) == [(2, "ABM", True), (3, "ABM", False)]


def test_quotation_is_glossed(here: Path) -> None:
    meta = TEXT_META + "passages:\n  - paragraph: 1\n    role: quotation\n    source: abm-treaty\n"
    edition = annotated(write_seeds(here, texts={"one": "A quoted ABM Treaty.\n"}, metadata={"one": meta}))
    assert glossed(edition) == [(1, "ABM Treaty", True)]


def test_longest_match_wins(here: Path) -> None:
    edition = annotated(write_seeds(here, texts={"one": "The ABM Treaty, not the ABM.\n"}))
    assert [(surface, o.term.id) for (_, surface, _), o in zip(glossed(edition), edition.texts[0].occurrences, strict=True)] == [
        ("ABM Treaty", "abm-treaty"), ("ABM", "abm"),
    ]


def test_occurrences_are_listed_per_term(here: Path) -> None:
    edition = annotated(write_seeds(here, texts={"one": BODY, "two": "An ABM.\n"}))
    abm = next(t for t in edition.edition.terms if t.id == "abm")
    assert [(o.text, o.paragraph) for o in edition.occurrences_of(abm)] == [("one", 1), ("one", 1), ("one", 2), ("one", 4), ("two", 1)]


NOTES = """\
- text: one
  quote: Last ABM
  kind: correction
  note: Third in reading order.
  sources: [{source: abm-treaty}]
- text: one
  quote: and ABMs
  kind: context
  note: Second in reading order.
- text: one
  quote: ABM and
  kind: source
  note: First in reading order.
  sources: [{source: abm-treaty}]
"""


def test_notes_are_numbered_in_reading_order(here: Path) -> None:
    edition = annotated(write_seeds(here, texts={"one": BODY}, notes=NOTES))
    placed = [(p.number, p.note.anchor.quote, p.span.paragraph, p.span.start, p.span.end) for p in edition.texts[0].notes]
    assert placed == [(1, "ABM and", 1, 0, 7), (2, "and ABMs", 1, 4, 12), (3, "Last ABM", 4, 0, 8)]


def test_note_markers_follow_the_quote_but_never_split_a_gloss(here: Path) -> None:
    """A quote ending inside a glossed term gets its marker after the term; glosses stay whole."""
    notes = "- text: one\n  quote: the ABM Tre\n  kind: context\n  note: Inside a term.\n"
    edition = annotated(write_seeds(here, texts={"one": "Before the ABM Treaty after.\n"}, notes=notes))
    text = edition.texts[0]
    paragraph: Paragraph = text.text.paragraphs[0]
    body = paragraph_body(paragraph, text.in_paragraph(paragraph), list(text.notes))
    assert body == (
        "Before the [ABM Treaty](../glossary.md#abm-treaty){ .gloss }"
        '<a class="note-ref note-ref--context" id="ref-1" href="#note-1" data-note="1" aria-label="Context note 1">1</a> after\\.'
    )


CROSSLINK = """\
- label: Same point
  from:
    text: one
    quote: No term
  to:
    text: two
    quote: second point
"""


def test_crosslinks_are_placed_at_both_ends(here: Path) -> None:
    edition = annotated(write_seeds(here, texts={"one": BODY, "two": "First.\n\nA second point.\n"}, crosslinks=CROSSLINK))
    one, two = edition.text("one"), edition.text("two")
    assert [(e.here.paragraph, e.other.slug, e.there.paragraph, e.there_quote) for e in one.links] == [(3, "two", 2, "second point")]
    assert [(e.here.paragraph, e.other.slug, e.there.paragraph, e.there_quote) for e in two.links] == [(2, "one", 3, "No term")]


def test_a_quotation_is_found_within_one_paragraph() -> None:
    paragraphs = (Paragraph(1, "The end of one", 1), Paragraph(2, "one\u00a0more here,\none more", 3))
    text = Text("t", "t.txt", "", paragraphs, None)
    finder = QuoteFinder(text)
    assert finder.find(" one more ") == [Span(2, 0, 8), Span(2, 15, 23)] == find_quote(text, "one more")
    assert finder.find("end of one") == [Span(1, 4, 14)]
    assert finder.find("one\x00one") == finder.find("one one") == finder.find(" ") == []


def test_gloss_by_kind_beside_a_kind_without_a_name_is_a_problem_not_a_crash(here: Path) -> None:
    kinds = "term_kinds:\n  - plural: Treaties\n  - name: treaty\n    plural: Treaties\n"
    checked = check(write_seeds(here, edition=EDITION + kinds + "gloss_by_kind:\n  treaties: first-per-page\n"))
    assert checked.edition is None
    assert "'treaties' in 'gloss_by_kind' is no kind of entry (did you mean 'treaty'?)" in " ".join(p.message for p in checked.problems)
