"""Loading seeds/: texts and their paragraphs, metadata, reading order, and missing or stray files."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SOURCES, TEXT_META, write_seeds

from tools.model import Edition
from tools.source.load import load_edition, split_paragraphs
from tools.strings import Words


def load(seeds: Path) -> tuple[Edition, list[str]]:
    edition, problems = load_edition(seeds)
    return edition, sorted(p.format() for p in problems)


def test_text_without_metadata_warns_and_takes_its_first_line_as_title(here: Path) -> None:
    seeds = write_seeds(here, texts={"one": "The ABM Treaty limited ABMs.\n", "new": "A new title\nand its second line.\n\nBody on ABM.\n"},
                        metadata={"one": TEXT_META})
    edition, problems = load(seeds)
    assert problems == [
        "seeds/texts/new.txt:1:1: warning: this text has no metadata: its title is its first line and its date unknown; "
        "add seeds/texts/new.yml (see EDITING.md) [no-metadata]"
    ]
    new = edition.text("new")
    assert new is not None and new.meta is None
    assert new.title == new.shown_title == "A new title"
    assert Words().date(new.date) == "date unknown"


def test_texts_follow_their_order_then_their_names(here: Path) -> None:
    """Texts with an order come first, by order; the others follow by file name."""
    texts = {name: f"{name} on ABM.\n" for name in ("alpha", "beta", "gamma", "delta")}
    metadata = {
        "alpha": TEXT_META + "order: 3\n",
        "beta": TEXT_META + "order: 1\n",
        "gamma": TEXT_META,
        "delta": TEXT_META + "order: 2\n",
    }
    edition, _ = load(write_seeds(here, texts=texts, metadata=metadata))
    assert [t.slug for t in edition.texts] == ["beta", "delta", "alpha", "gamma"]


def test_paragraphs_split_on_blank_and_whitespace_only_lines(here: Path) -> None:
    body = "\n\nFirst line\nsecond line\n\n \t \nSecond paragraph\n\n\n\nThird  \n"
    edition, _ = load(write_seeds(here, texts={"one": body}))
    text = edition.texts[0]
    assert [(p.number, p.text, p.line, p.anchor) for p in text.paragraphs] == [
        (1, "First line\nsecond line", 3, "p1"),
        (2, "Second paragraph", 7, "p2"),
        (3, "Third", 11, "p3"),
    ]
    assert text.raw == body


def test_split_paragraphs_of_nothing() -> None:
    assert split_paragraphs("") == [] and split_paragraphs(" \n\t\n") == []


def test_no_break_spaces_are_kept(here: Path) -> None:
    edition, _ = load(write_seeds(here, texts={"one": "on\u00a0The Duran\u00a0and\u202fRussiaFeed\n"}))
    assert edition.texts[0].paragraphs[0].text == "on\u00a0The Duran\u00a0and\u202fRussiaFeed"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_endings(here: Path, newline: str) -> None:
    seeds = write_seeds(here, texts={})
    (seeds / "texts" / "one.txt").write_bytes(f"\ufeffFirst{newline}line{newline}{newline}Second{newline}".encode())
    (seeds / "texts" / "one.yml").write_bytes(TEXT_META.replace("\n", newline).encode())
    edition, problems = load(seeds)
    assert problems == []
    assert [(p.text, p.line) for p in edition.texts[0].paragraphs] == [("First\nline", 1), ("Second", 4)]
    assert edition.texts[0].meta is not None and edition.texts[0].meta.title == "A text"


def test_missing_glossary(here: Path) -> None:
    seeds = write_seeds(here)
    (seeds / "glossary.yml").unlink()
    _, problems = load(seeds)
    assert problems == ["seeds/glossary.yml:1:1: error: glossary.yml is missing from seeds; create it (see EDITING.md) [missing-file]"]


def test_missing_edition_settings(here: Path) -> None:
    seeds = write_seeds(here)
    (seeds / "edition.yml").unlink()
    edition, problems = load(seeds)
    assert problems == ["seeds/edition.yml:1:1: error: edition.yml is missing from seeds; create it (see EDITING.md) [missing-file]"]
    assert edition.settings.gloss == "first-per-paragraph"


def test_notes_and_crosslinks_are_optional(here: Path) -> None:
    edition, problems = load(write_seeds(here))
    assert problems == [] and edition.notes == () and edition.crosslinks == ()


def test_no_texts(here: Path) -> None:
    _, problems = load(write_seeds(here, texts={}))
    assert problems == ["seeds/texts:1:1: error: no .txt files found; put each text in seeds/texts/ as a .txt file [no-texts]"]


def test_empty_text_and_orphan_metadata(here: Path) -> None:
    seeds = write_seeds(here, texts={"one": "ABM.\n", "blank": " \n\n"}, metadata={"one": TEXT_META, "blank": TEXT_META, "ghost": TEXT_META})
    _, problems = load(seeds)
    assert problems == [
        "seeds/texts/blank.txt:1:1: warning: the text is empty; add its words or remove the file [empty-text]",
        "seeds/texts/ghost.yml:1:1: error: metadata for a text that does not exist: add ghost.txt or rename this file to match a text [orphan-metadata]",
    ]


PASSAGES = TEXT_META + """\
passages:
  - paragraph: 1
    role: headline
  - paragraph: 2
    role: quotation
    source: abm-treaty
  - paragraph: 1
    role: standfirst
  - paragraph: 4
    role: quotation
  - paragraph: 3
    role: quotation
"""


def test_passages(here: Path) -> None:
    """Roles reach their paragraphs; a paragraph out of range, a second role, a quotation without attribution are errors."""
    seeds = write_seeds(here, texts={"one": "Head\n\nQuoted ABM.\n\nThird.\n"}, metadata={"one": PASSAGES})
    edition, problems = load(seeds)
    assert problems == [
        "seeds/texts/one.yml:12:5: error: paragraph 1 already has a role (line 7); give each paragraph one role [duplicate-passage]",
        "seeds/texts/one.yml:14:16: error: paragraph 4 does not exist: the text has 3 paragraphs (blocks separated by blank lines) [no-paragraph]",
        "seeds/texts/one.yml:16:5: error: a quotation needs a 'source': the id of the source quoted, in sources.yml [missing-field]",
    ]
    roles = [(p.number, p.role, p.citation.source if p.citation else None) for p in edition.texts[0].paragraphs]
    assert roles == [(1, "headline", None), (2, "quotation", "abm-treaty"), (3, "quotation", None)]


def test_one_paragraph_is_singular(here: Path) -> None:
    meta = TEXT_META + "passages:\n  - paragraph: 2\n    role: headline\n"
    _, problems = load(write_seeds(here, metadata={"one": meta}, texts={"one": "Only ABM.\n"}))
    assert problems == [
        "seeds/texts/one.yml:7:16: error: paragraph 2 does not exist: the text has 1 paragraph (blocks separated by blank lines) [no-paragraph]"
    ]


def test_metadata_fields(here: Path) -> None:
    meta = TEXT_META.replace("title: A text", "title: Untitled\neditorial_title: true\nauthor: A. Writer") + "date_note: inferred\n"
    edition, _ = load(write_seeds(here, metadata={"one": meta.replace("date: 2018-03", "date: 2018-03-02")}))
    text = edition.texts[0]
    assert text.shown_title == "[Untitled]"
    assert Words("en-GB").date(text.date) == "2 March 2018"
    assert text.meta is not None and (text.meta.author, text.meta.date_note, text.meta.source) == ("A. Writer", "inferred", "Test Press")


def test_text_file_names_become_slugs(here: Path) -> None:
    edition, _ = load(write_seeds(here, texts={"Deadlock Over ABMs": "ABM.\n"}, metadata={}))
    assert [t.slug for t in edition.texts] == ["deadlock-over-abms"]


def test_glossary_entries(here: Path) -> None:
    edition, problems = load(write_seeds(here))
    assert problems == []
    abm, treaty = edition.terms
    assert (abm.id, abm.term, abm.expansion, abm.kind, abm.position.line) == ("abm", "ABM", "anti-ballistic missile", "weapon system", 1)
    assert abm.patterns == ("ABM", "anti-ballistic missile", "Anti Ballistic Missile")
    assert [r.value for r in treaty.related] == ["ABM"] and treaty.id == "abm-treaty"
    (reference,) = treaty.references
    assert (reference.source, reference.at, reference.position.line) == ("abm-treaty", "Article I", 16)


def test_sources(here: Path) -> None:
    """Each field of a source arrives; 'authors: none' is an explicit empty list; a date keeps its precision."""
    sources = SOURCES + """\
- id: kramer-2009
  authors: [Mark Kramer]
  title: The Myth of a No-NATO-Enlargement Pledge to Russia
  outlet: The Washington Quarterly
  details: pp. 39–61
  date: 2009
  url: https://example.org/kramer
  kind: scholarship
  note: quoted by someone
"""
    edition, problems = load(write_seeds(here, sources=sources))
    assert problems == []
    treaty, kramer = edition.sources
    assert (treaty.id, treaty.authors, treaty.date.iso(), treaty.date.precision, treaty.position.line) == ("abm-treaty", (), "1972-05-26", "day", 1)
    assert (kramer.authors, kramer.title, kramer.outlet, kramer.details, kramer.url, kramer.kind, kramer.note) == (
        ("Mark Kramer",), "The Myth of a No-NATO-Enlargement Pledge to Russia", "The Washington Quarterly", "pp. 39–61",
        "https://example.org/kramer", "scholarship", "quoted by someone",
    )
    assert kramer.date.precision == "year" and edition.source("kramer-2009") is kramer and edition.source("nothing") is None


def test_source_fields_are_checked(here: Path) -> None:
    """A source without authors (not even 'none'), with an unknown kind and a bad date: one message each, at its place."""
    sources = "- id: bad\n  title: '[A description]'\n  outlet: Press\n  date: spring 2009\n  kind: blog\n"
    _, problems = load(write_seeds(here, sources=sources))
    assert problems == [
        "seeds/sources.yml:1:3: error: this source has no 'authors' field; add it: the authors as printed, "
        "e.g. [Keir A. Lieber, Daryl G. Press], or none when the work names no author [missing-field]",
        "seeds/sources.yml:4:9: error: 'date' in a source: 'spring 2009' is not a date; write YYYY-MM-DD, YYYY-MM, YYYY or unknown (e.g. 1972-05-26) [date]",
        "seeds/sources.yml:5:9: error: 'kind' in a source is 'blog'; choose one of: primary, news report, scholarship, reference, partisan outlet [choice]",
    ]


def test_unknown_date_is_said_explicitly(here: Path) -> None:
    sources = SOURCES.replace("date: 1972-05-26", "date: unknown")
    edition, _ = load(write_seeds(here, sources=sources))
    assert edition.sources[0].date.precision == "unknown" and Words().date(edition.sources[0].date) == "date unknown"


# --- Issue 13, item 4 -----------------------------------------------------------------------------


@pytest.mark.parametrize("content", ["", "# only a comment\n", "\n\n"])
def test_an_empty_edition_yml_is_an_error_saying_what_it_must_hold(here: Path, content: str) -> None:
    """Issue 13: an empty or comment-only edition.yml passed and published "Untitled edition"."""
    seeds = write_seeds(here, edition=content)
    _, problems = load(seeds)
    assert "seeds/edition.yml:1:1: error: edition.yml holds no fields; it must hold at least 'title', 'slug', 'introduction' and 'principles' (see EDITING.md) [empty-file]" in problems


def test_an_empty_metadata_file_is_an_error(here: Path) -> None:
    seeds = write_seeds(here, metadata={"one": "# to do\n"})
    _, problems = load(seeds)
    assert problems == [
        "seeds/texts/one.yml:1:1: error: one.yml holds no fields; it must hold at least 'title', 'source', 'date', 'kind' and 'headnote' (see EDITING.md) [empty-file]"
    ]


def test_a_paragraph_of_invisible_characters_is_no_paragraph(here: Path) -> None:
    """Issue 13: it became a numbered empty paragraph and shifted every later number."""
    body = "First.\n\n\u200b\u00ad \ufeff\n\nSecond.\n"
    edition, _ = load(write_seeds(here, texts={"one": body}))
    assert [(p.number, p.text) for p in edition.texts[0].paragraphs] == [(1, "First."), (2, "Second.")]
