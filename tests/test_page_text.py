"""A text's page: its list of other texts stays short however large the edition."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import write_seeds
from tools.pages.text import NEIGHBOURS, write_text_page
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
