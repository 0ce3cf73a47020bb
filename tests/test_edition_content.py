"""This edition's own content, as built: what swapping seeds/ for another edition is expected to break.

The generic checks (every text intact, glosses, links, nothing from another host) run on every
edition in tests/test_build.py; these add what only this edition's texts and glossary make true.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_build import Built, appears_in_links, build_once, content, ids, internal_links, note_sources, page, paragraph_roles, resolve, served


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_once("main", tmp_path_factory)


def test_the_edition_has_its_three_texts(built: Built) -> None:
    assert [t.slug for t in built.edition.texts] == ["deadlock-over-abms", "mirror-response", "mfa-on-dod-article"]


def test_its_quotations_headline_and_standfirst_are_marked(built: Built) -> None:
    assert paragraph_roles(built) >= 4  # two quotations, a headline and a standfirst


def test_its_glossary_and_links_are_dense(built: Built, variant: tuple[bool, Path]) -> None:
    assert appears_in_links(built, variant) > 50
    assert note_sources(built, variant) > 50
    assert internal_links(variant) > 500


def test_its_dates_are_british(built: Built) -> None:
    """language: en-GB: day, month, year."""
    assert "31 July 2020" in content(built.text_page(built.edition.texts[-1])).text()


ACRONYMS = {
    "abm": re.compile(r"\bABMs?\b(?![\s\u00a0-]+Treaty)"),
    "mad": re.compile(r"\bMAD\b"),
    "nato": re.compile(r"\bNATO\b"),
}


@pytest.mark.parametrize("term_id", sorted(ACRONYMS))
def test_acronyms_are_glossed_where_they_occur(built: Built, variant: tuple[bool, Path], term_id: str) -> None:
    """In every paragraph (headlines excepted) where the seed has ABM, MAD or NATO, a gloss links to its entry."""
    offline, root = variant
    glossary = built.glossary_page(offline)
    assert term_id in ids(glossary)
    occurrences = 0
    for text in built.edition.texts:
        path = built.text_page(text, offline)
        body = page(path)
        for paragraph in text.paragraphs:
            if paragraph.role == "headline" or not ACRONYMS[term_id].search(paragraph.text):
                continue
            occurrences += 1
            element = body.by_id(paragraph.anchor)
            assert element is not None
            targets = {served(resolve(root, path, a.attrs["href"])) for a in element.find_all("a", "gloss")}
            assert (glossary, term_id) in targets, f"{term_id} not glossed in {text.slug} ¶{paragraph.number}"
    assert occurrences > 0


