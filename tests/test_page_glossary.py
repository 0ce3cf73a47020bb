"""The glossary page: each entry lists the first places it appears, and links to its occurrence page when there are more."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import GLOSSARY, write_seeds
from tools.annotate.edition import AnnotatedEdition
from tools.pages.glossary import write_glossary_page
from tools.pages.occurrences import SHOWN
from tools.pipeline import check

# ABM in SHOWN + 2 paragraphs of text one, then once in text two; the ABM Treaty in one paragraph.
MANY = "\n\n".join(f"Paragraph {n} names an ABM." for n in range(1, SHOWN + 3)) + "\n\nThe ABM Treaty.\n"
TEXTS = {"one": MANY, "two": "A last ABM.\n"}


def edition(root: Path) -> AnnotatedEdition:
    checked = check(write_seeds(root, texts=TEXTS))
    assert checked.edition is not None
    return checked.edition


def entry(page: str, anchor: str) -> str:
    """The Markdown of one entry, from its heading to the next."""
    start = page.index(f"{{ #{anchor} }}")
    end = page.find("\n### ", start)
    return page[start : end if end >= 0 else len(page)]


def test_an_entry_lists_its_first_places_in_reading_order_and_links_to_all(tmp_path: Path) -> None:
    path, page = write_glossary_page(edition(tmp_path))
    assert path == "glossary.md"
    abm = entry(page, "abm")
    assert f"**Appears in** ({SHOWN + 3}):" in abm
    listed = [line for line in abm.splitlines() if line.startswith("- [")]
    assert [line.split("](")[1].split(")")[0] for line in listed] == [f"texts/one.md#p{n}" for n in range(1, SHOWN + 1)]
    assert listed[0] == "- [A text, ¶1](texts/one.md#p1): Paragraph 1 names an **ABM**\\."
    assert f"[All {SHOWN + 3} places](occurrences/abm.md)\n{{ .entry-all-places }}" in abm
    assert "texts/two.md" not in abm, "places after the first SHOWN are on the occurrence page only"


def test_an_entry_with_few_places_lists_them_all_and_links_nowhere_else(tmp_path: Path) -> None:
    _, page = write_glossary_page(edition(tmp_path))
    treaty = entry(page, "abm-treaty")
    assert "**Appears in** (1):" in treaty
    assert f"texts/one.md#p{SHOWN + 3}" in treaty
    assert "occurrences/" not in treaty and "All " not in treaty


def test_a_related_name_the_validator_accepts_links_on_the_page(tmp_path: Path) -> None:
    """'related' names an entry as the matcher reads names (a hyphen for a space, any case): the validator
    accepts 'abm-treaty' for 'ABM Treaty', so the page links it too, and no 'unused' warning follows."""
    glossary = GLOSSARY.replace("  aliases: [Anti Ballistic Missile]\n", "  aliases: [Anti Ballistic Missile]\n  related: [abm-treaty]\n")
    checked = check(write_seeds(tmp_path, texts=TEXTS, glossary=glossary))
    assert checked.edition is not None
    assert [p.code for p in checked.problems if p.code in ("unknown-related", "unused-term")] == []
    _, page = write_glossary_page(checked.edition)
    assert "[ABM Treaty](#abm-treaty)" in entry(page, "abm")
