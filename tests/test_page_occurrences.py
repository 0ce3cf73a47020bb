"""Occurrence pages: every place an entry appears, for entries with more than the glossary page lists."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import GLOSSARY, TEXT_META, write_seeds
from tools.pages.occurrences import SHOWN, write_occurrence_pages
from tools.pipeline import check, generate

MANY = "\n\n".join(f"Paragraph {n} names an ABM." for n in range(1, SHOWN + 3)) + "\n\nThe ABM Treaty.\n"
TEXTS = {"one": MANY, "two": "A last ABM.\n"}


def test_a_page_for_each_entry_over_the_limit_with_every_place_and_no_definition(tmp_path: Path) -> None:
    checked = check(write_seeds(tmp_path, texts=TEXTS))
    assert checked.edition is not None
    pages = dict(write_occurrence_pages(checked.edition))
    assert list(pages) == ["occurrences/abm.md"], "the ABM Treaty (1 place) gets no page"
    page = pages["occurrences/abm.md"]
    assert "search:\n  exclude: true" in page
    assert "# ABM&#58; every place in the texts" in page
    assert f"The {SHOWN + 3} places in the texts where [ABM](../glossary.md#abm) appears, in reading order" in page
    listed = [line.split("](")[1].split(")")[0] for line in page.splitlines() if line.startswith("- [")]
    assert listed == [f"../texts/one.md#p{n}" for n in range(1, SHOWN + 3)] + ["../texts/two.md#p1"]
    assert "- [A text, ¶1](../texts/two.md#p1): A last **ABM**\\." in page
    for definition in ("intercepts ballistic missiles", "interceptor", "anti-ballistic missile"):
        assert definition not in page, "a definition's edit must not change the occurrence page"


def test_a_place_in_another_language_is_marked_with_it(tmp_path: Path) -> None:
    german = TEXT_META + "language: de\n"
    texts = {"one": MANY, "zwei": "Ein ABM.\n"}
    checked = check(write_seeds(tmp_path, texts=texts, metadata={"one": TEXT_META, "zwei": german}))
    assert checked.edition is not None
    page = dict(write_occurrence_pages(checked.edition))["occurrences/abm.md"]
    assert '- [A text, ¶1](../texts/zwei.md#p1): <span lang="de">Ein **ABM**\\.</span>' in page
    assert "): Paragraph 1 names" in page, "a place in the edition's language is not marked"


def test_a_page_no_longer_needed_is_removed(tmp_path: Path) -> None:
    seeds = write_seeds(tmp_path, texts=TEXTS, glossary=GLOSSARY)
    docs = tmp_path / "docs"
    _, changed = generate(seeds, docs)
    assert "occurrences/abm.md" in changed and (docs / "occurrences" / "abm.md").exists()
    (seeds / "texts" / "one.txt").write_text("Only one ABM now.\n", encoding="utf-8")
    _, changed = generate(seeds, docs)
    assert "occurrences/abm.md" in changed
    assert not (docs / "occurrences" / "abm.md").exists()
    assert "occurrences/abm.md" not in (docs / "glossary.md").read_text(encoding="utf-8")
