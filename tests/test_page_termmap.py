"""The term map: entries by texts, counts shaded by level, each count linking to a paragraph."""
from __future__ import annotations

import html
from pathlib import Path

import pytest

from tests.conftest import write_seeds
from tools.pages import termmap as page_termmap
from tools.pages.termmap import shade, write_term_map_page
from tools.pipeline import check


def test_shade_levels() -> None:
    assert [shade(n) for n in (0, 1, 2, 3, 4, 7, 8, 50)] == [0, 1, 2, 2, 3, 3, 4, 4]


def test_rows_by_frequency_with_links_to_first_paragraph(tmp_path: Path) -> None:
    texts = {"one": "Intro.\n\nThe ABM Treaty limited ABMs.\n", "two": "An ABM. Another ABM.\n\nA third ABM.\n"}
    checked = check(write_seeds(tmp_path, texts=texts))
    assert checked.edition is not None
    path, page = write_term_map_page(checked.edition)
    assert path == "term-map.md"
    rows = [line for line in page.splitlines() if line.startswith("| [")]
    assert rows[0].startswith("| [ABM](glossary.md#abm) | weapon system | [1](texts/one.md#p2){ .tm-count .tm-shade-1")
    assert '[3](texts/two.md#p1){ .tm-count .tm-shade-2 title="ABM in A text: 3, in ¶1, ¶2" }' in html.unescape(rows[0])
    assert rows[0].endswith(" | 4 |")
    assert rows[1].startswith("| [ABM Treaty](glossary.md#abm-treaty) |") and '<span class="tm-zero">0</span>' in rows[1]


def test_large_edition_gets_a_row_per_entry_naming_the_texts_that_use_it_most(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond MATRIX_TEXTS texts there is no column per text: the page grows with the glossary only."""
    monkeypatch.setattr(page_termmap, "MATRIX_TEXTS", 2)
    monkeypatch.setattr(page_termmap, "TOP_TEXTS", 2)
    texts = {"one": "An ABM.\n", "two": "An ABM. Another ABM.\n\nA third ABM.\n", "three": "ABM, ABM.\n"}
    checked = check(write_seeds(tmp_path, texts=texts))
    assert checked.edition is not None
    _, page = write_term_map_page(checked.edition)
    assert "| Entry | Kind | Texts | Used most in | All |" in page
    row = html.unescape(next(line for line in page.splitlines() if line.startswith("| [ABM](")))
    assert row.startswith("| [ABM](glossary.md#abm) | weapon system | 3 | ")
    assert row.index("[3](texts/two.md#p1)") < row.index("[2](texts/three.md#p1)")
    assert "texts/one.md" not in row
    assert row.endswith(" | 6 |")
