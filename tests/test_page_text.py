"""A text's page: its list of other texts stays short however large the edition; its list of terms
holds no definition (tooltips come from the shared glossary data)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import write_seeds
from tools.annotate.edition import Cited
from tools.pages.text import NEIGHBOURS, PageMemo, write_text_page
from tools.pipeline import check


def _others_section(tmp_path: Path, count: int, index: int) -> str:
    texts = {f"t{n:02d}": f"Text {n} names the ABM Treaty.\n" for n in range(1, count + 1)}
    checked = check(write_seeds(tmp_path, texts=texts))
    assert checked.edition is not None
    _, page = write_text_page(checked.edition.texts[index], checked.edition)
    return page[page.index("{ #other-texts }") - 40 :]


def test_small_edition_lists_every_other_text(tmp_path: Path) -> None:
    section = _others_section(tmp_path, 3, 1)
    assert "## The other texts" in section
    assert "(t01.md)" in section and "(t03.md)" in section and "(t02.md)" not in section


def test_large_edition_lists_the_neighbours_in_reading_order(tmp_path: Path) -> None:
    section = _others_section(tmp_path, 3 * NEIGHBOURS + 3, 2 * NEIGHBOURS)
    assert "## Nearby texts" in section
    first, last = NEIGHBOURS + 1, 3 * NEIGHBOURS + 1
    assert f"Texts {first} to {last} of the {3 * NEIGHBOURS + 3} in reading order" in section
    listed = [line for line in section.splitlines() if line.startswith("- [")]
    assert len(listed) == 2 * NEIGHBOURS
    assert f"(t{first:02d}.md)" in listed[0] and f"(t{last:02d}.md)" in listed[-1]
    assert "(../index.md#texts)" in section


def test_a_page_depends_on_its_arguments_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The site's address is an argument: the environment is read by the command line only."""
    checked = check(write_seeds(tmp_path))
    assert checked.edition is not None
    text = checked.edition.texts[0]
    monkeypatch.setenv("SITE_URL", "https://environment.example/")
    _, unknown = write_text_page(text, checked.edition)
    _, known = write_text_page(text, checked.edition, "https://given.example/ed/")
    assert "environment.example" not in unknown + known
    assert '<span class="cite-url">[address of this page]</span>' in unknown
    assert '<span class="cite-url" data-fixed="true">https://given.example/ed/texts/one/</span>' in known


def test_the_preview_memo_keys_on_every_input(tmp_path: Path) -> None:
    """The live preview's memo returns a page rendered before only when every input is the same."""
    checked = check(write_seeds(tmp_path))
    assert checked.edition is not None
    text, memo = checked.edition.texts[0], {}
    first = write_text_page(text, checked.edition, "https://a.example/", memo)
    assert write_text_page(text, checked.edition, "https://a.example/", memo) is first
    second = write_text_page(text, checked.edition, "https://b.example/", memo)
    assert "https://b.example/texts/one/" in second[1] and "a.example" not in second[1]
    assert len(memo) == 2
    renamed = replace(checked.edition.edition.settings, title="Another title")
    other = replace(checked.edition, edition=replace(checked.edition.edition, settings=renamed))
    assert "Another title" in write_text_page(text, other, "https://b.example/", memo)[1]


def test_the_preview_memo_keeps_a_page_when_only_an_entrys_definitions_change(tmp_path: Path) -> None:
    """Issue 16: the page shows an entry's id and term, not its definitions or where it is written in
    glossary.yml; an edit of those renders no text page again, a new term name does."""
    seeds = write_seeds(tmp_path)
    checked = check(seeds)
    assert checked.edition is not None
    memo: PageMemo = {}
    first = write_text_page(checked.edition.texts[0], checked.edition, "", memo)
    glossary = seeds / "glossary.yml"
    original = glossary.read_text(encoding="utf-8")
    glossary.write_text(original.replace("short: A missile that intercepts ballistic missiles.", "short: >-\n    An interceptor\n    of missiles."), encoding="utf-8")
    edited = check(seeds)
    assert edited.edition is not None and edited.edition.edition.terms[1].position != checked.edition.edition.terms[1].position
    assert write_text_page(edited.edition.texts[0], edited.edition, "", memo) is first
    glossary.write_text(original.replace("- term: ABM Treaty", "- term: ABM treaty"), encoding="utf-8")
    renamed = check(seeds)
    assert renamed.edition is not None
    page = write_text_page(renamed.edition.texts[0], renamed.edition, "", memo)
    assert page is not first and "[ABM treaty](../glossary.md#abm-treaty)" in page[1]


def test_the_preview_memo_renders_again_when_a_headnote_source_changes(tmp_path: Path) -> None:
    """The page lists the headnote's sources: a source's new title must reach it, though the text and
    its notes are the same."""
    checked = check(write_seeds(tmp_path))
    assert checked.edition is not None
    text, memo = checked.edition.texts[0], {}
    source = checked.edition.edition.sources[0]
    cited = replace(text, sources=(Cited(1, source, None),))
    first = write_text_page(cited, checked.edition, "", memo)
    retitled = replace(cited, sources=(Cited(1, replace(source, title="A retitled source"), None),))
    again = write_text_page(retitled, checked.edition, "", memo)
    assert again is not first and "A retitled source" in again[1]


def test_terms_in_this_text_are_glosses_without_their_definitions(tmp_path: Path) -> None:
    """Issue 16: an edit of a short definition must change no text page, so the list of terms links
    each as a gloss (its tooltip comes from assets/glossary-data.js) instead of copying its definition."""
    checked = check(write_seeds(tmp_path, texts={"one": "The ABM Treaty limited ABMs.\n\nA second paragraph on ABM.\n"}))
    assert checked.edition is not None
    _, page = write_text_page(checked.edition.texts[0], checked.edition)
    terms = page[page.index("{ #terms }") :].split("\n## ")[0]
    assert "- [ABM](../glossary.md#abm){ .gloss } (2): [¶1](#p1), [¶2](#p2)" in terms
    assert "- [ABM Treaty](../glossary.md#abm-treaty){ .gloss } (1): [¶1](#p1)" in terms
    for term in checked.edition.edition.terms:
        assert term.short not in page
