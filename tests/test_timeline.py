"""The timeline: moments from glossary events and text dates, in order, drawn at their precision."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import GLOSSARY, TEXT_META, write_seeds
from tools.annotate.timeline import moments
from tools.pages.timeline import overview, write_timeline_page
from tools.pipeline import check
from tools.strings import Words

EVENTS = GLOSSARY.replace(
    "  related: [ABM]\n",
    "  related: [ABM]\n  events:\n    - date: 2002-06-13\n      label: US withdrawal takes effect\n"
    "    - date: 1972\n      label: Signed\n",
)


def edition(tmp_path: Path, undated: bool = True):  # type: ignore[no-untyped-def]
    texts = {"one": "The ABM Treaty limited ABMs.\n", "two": "A second text on ABM.\n"}
    metadata = {"one": TEXT_META, "two": TEXT_META.replace("date: 2018-03", "date: unknown" if undated else "date: 2002")}
    checked = check(write_seeds(tmp_path, texts=texts, glossary=EVENTS, metadata=metadata))
    assert checked.edition is not None, [p.format() for p in checked.problems]
    return checked.edition


def test_moments_are_in_date_order_and_unknown_dates_are_apart(tmp_path: Path) -> None:
    items, undated = moments(edition(tmp_path))
    assert [m.date.iso() for m in items] == ["1972", "2002-06-13", "2018-03"]
    assert [m.label for m in items][:2] == ["Signed", "US withdrawal takes effect"]
    assert items[2].text is not None and items[2].text.slug == "one"
    assert [t.slug for t in undated] == ["two"]


def test_a_text_comes_after_an_event_of_the_same_year(tmp_path: Path) -> None:
    items, undated = moments(edition(tmp_path, undated=False))
    assert undated == []
    assert [(m.date.iso(), bool(m.text)) for m in items][:3] == [("1972", False), ("2002", True), ("2002-06-13", False)]


def test_page_links_events_to_entries_and_texts_to_pages(tmp_path: Path) -> None:
    path, page = write_timeline_page(edition(tmp_path))
    assert path == "timeline.md"
    assert '<time datetime="1972">1972</time> Signed ([ABM Treaty](glossary.md#abm-treaty))' in page
    assert "[A text](texts/one.md)" in page
    assert '<p class="tl-gap" style="--years: 12">30 years</p>' in page  # 1972 -> 2002, drawn capped
    assert "## Date unknown" in page and "texts/two.md" in page


def test_overview_draws_a_year_as_a_whole_year(tmp_path: Path) -> None:
    items, _ = moments(edition(tmp_path))
    svg = overview(items, Words())
    year_mark = svg.split("<rect")[1]
    day_mark = svg.split("<rect")[2]
    width = lambda mark: float(mark.split('width="')[1].split('"')[0])  # noqa: E731
    assert width(year_mark) > 5 * width(day_mark)
    assert 'aria-label="Overview to scale, 1970 to 2020: 2 events and 1 publication date"' in svg
