"""Anchors unique by construction (issue 13, item 3): names editors give never become an anchor or address
the generated pages use themselves."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import GLOSSARY, error_lines, write_seeds

from tools.pipeline import generate
from tools.validate.anchors import GLOSSARY_PAGE, PRINT_PAGE, PRINT_PREFIXES


def test_a_text_named_index_is_refused(here: Path) -> None:
    """Issue 13: a text named index.txt got citation URLs that 404."""
    seeds = write_seeds(here, texts={"one": "The ABM Treaty.\n", "index": "The ABM Treaty again.\n"})
    assert error_lines(seeds) == [
        "seeds/texts/index.txt:1:1: error: a text cannot be named 'index': its page would be the texts' folder page and its address would not work; "
        "rename the file [reserved-name]"
    ]


@pytest.mark.parametrize("name", ["glossary", "introduction", "contents", "g-abm", "source-x"])
def test_a_text_named_like_a_print_page_section_is_refused(here: Path, name: str) -> None:
    """Issue 13: glossary.txt collided with the print page's Glossary section."""
    seeds = write_seeds(here, texts={"one": "The ABM Treaty.\n", name: "The ABM Treaty again.\n"})
    assert error_lines(seeds) == [
        f"seeds/texts/{name}.txt:1:1: error: the text's name '{name}' is an anchor the print page uses itself ('#{name}'), so links to the text "
        "there would land on the wrong section; rename the file [anchor-collision]"
    ]


@pytest.mark.parametrize(("name", "part"), [("one-notes", "notes"), ("one-p1", "p1"), ("one-note-2", "note-2")])
def test_a_text_named_like_another_texts_print_anchor_is_refused(here: Path, name: str, part: str) -> None:
    seeds = write_seeds(here, texts={"one": "The ABM Treaty.\n", name: "The ABM Treaty again.\n"})
    assert error_lines(seeds) == [
        f"seeds/texts/{name}.txt:1:1: error: the text's name '{name}' is also the print page's anchor for {part} of seeds/texts/one.txt "
        f"('#{name}'); rename one of the two files [anchor-collision]"
    ]


@pytest.mark.parametrize("term", ["By kind", "Letter A", "Kind concept"])
def test_a_term_whose_anchor_is_a_glossary_heading_is_refused(here: Path, term: str) -> None:
    """Issue 13: a gloss landed on the glossary page's own heading."""
    entry = f"- term: {term}\n  kind: concept\n  short: S.\n  definition: D.\n  references:\n    - source: abm-treaty\n"
    seeds = write_seeds(here, glossary=GLOSSARY + entry, texts={"one": f"The ABM Treaty and {term}.\n"})
    anchor = re.sub(r"[^a-z0-9]+", "-", term.lower())
    assert error_lines(seeds) == [
        f"seeds/glossary.yml:18:3: error: the term '{term}' gets the glossary anchor '#{anchor}', which the glossary page uses for its own "
        "headings (by-kind, kind-..., letter-...), so its glosses would land there; write the term differently [anchor-collision]"
    ]


def test_the_reserved_anchors_cover_every_anchor_the_pages_make_themselves(here: Path) -> None:
    """The rule's lists follow the writers: every anchor of the glossary and print pages that no editor named is reserved."""
    seeds = write_seeds(here, texts={"one": "The ABM Treaty.\n\nSecond ABM.\n", "two": "An ABM.\n"})
    checked, _ = generate(seeds, here / "docs")
    assert checked.edition is not None
    anchors = re.compile(r'\{ #([^ }]+)|id="([^"]+)"')
    terms = {t.id for t in checked.edition.edition.terms}
    glossary = {a or b for a, b in anchors.findall((here / "docs" / "glossary.md").read_text(encoding="utf-8"))}
    assert sorted(a for a in glossary - terms if not GLOSSARY_PAGE.fullmatch(a)) == []
    texts = {t.slug for t in checked.edition.edition.texts}
    printed = {a or b for a, b in anchors.findall((here / "docs" / "print.md").read_text(encoding="utf-8"))}
    derived = {a for a in printed if a.split("-")[0] in texts or a in texts}
    assert sorted(a for a in printed - derived if a not in PRINT_PAGE and not a.startswith(PRINT_PREFIXES)) == []
