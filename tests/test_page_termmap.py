"""The term map: entries by texts, counts shaded by level, each count linking to a paragraph."""
from __future__ import annotations

import html
from pathlib import Path

from tests.conftest import write_seeds
from tools.page_termmap import shade, write_term_map_page
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
