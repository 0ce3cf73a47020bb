"""Side-by-side pages: one per pair of linked texts, a row per link, and the texts' links reach their rows."""
from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import write_seeds
from tools.annotate.edition import AnnotatedEdition
from tools.pages.compare import write_compare_pages
from tools.pages.text import write_text_page
from tools.pipeline import check

TEXTS = {
    "one": "First point of one.\n\nSecond point of one.\n",
    "two": "Two answers the second & the first.\n\nTwo again.\n",
    "three": "Three stands <alone>.\n",
}
CROSSLINKS = """\
- label: A later pair
  from: {text: two, quote: answers the second}
  to: {text: one, quote: Second point}
- label: An earlier pair
  from: {text: one, quote: First point}
  to: {text: two, quote: Two again}
"""


def _edition(tmp_path: Path) -> AnnotatedEdition:
    checked = check(write_seeds(tmp_path, texts=TEXTS, crosslinks=CROSSLINKS))
    assert checked.edition is not None, checked.problems
    return checked.edition


def test_one_page_per_linked_pair_with_a_row_per_link_in_the_earlier_texts_order(tmp_path: Path) -> None:
    edition = _edition(tmp_path)
    pages = dict(write_compare_pages(edition))
    order = [t.text.slug for t in edition.texts]
    first, second = sorted(("one", "two"), key=order.index)
    assert list(pages) == [f"compare/{first}--{second}.md"]
    page = pages[f"compare/{first}--{second}.md"]
    rows = re.findall(r'<section class="sbs-row" id="(link-\d+)"', page)
    assert rows == ["link-1", "link-2"]
    assert "search:\n  exclude: true" in page
    assert "<mark>First point</mark>" in page and "<mark>Two again</mark>" in page
    assert "&amp;" in page, "the texts' words are escaped"
    assert '<a class="sbs-walk" href="#link-2">Next</a>' in page and '<a class="sbs-walk" href="#link-1">Previous</a>' in page


def test_each_cross_link_on_a_text_page_leads_to_its_own_row(tmp_path: Path) -> None:
    edition = _edition(tmp_path)
    pages = dict(write_compare_pages(edition))
    for annotated in edition.texts:
        _, markdown = write_text_page(annotated, edition)
        for target, fragment in re.findall(r"\]\(\.\./(compare/[^)#]+\.md)#(link-\d+)\)\{ \.side-by-side", markdown):
            page = pages[target]
            row = page[page.index(f'id="{fragment}"') :].split("</section>", 1)[0]
            assert "<mark>" in row
        assert markdown.count(".side-by-side") == len(annotated.links)
    assert [t.text.slug for t in edition.texts].index("one") < [t.text.slug for t in edition.texts].index("two")
    one = next(t for t in edition.texts if t.text.slug == "one")
    _, markdown = write_text_page(one, edition)
    found = dict(re.findall(r'data-here="(\d)".*?\]\(\.\./compare/[^)#]+#(link-\d)\)', markdown))
    assert found == {"1": "link-1", "2": "link-2"}, found
