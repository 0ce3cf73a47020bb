"""The edition's own search in a browser, hosted and from file://: the exact anchors a set of queries
returns on the seed edition, the keyboard, the announced count, the words marked on the target, the
index loaded only on first use, and axe-core with the results open, light and dark."""
from __future__ import annotations

import re
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser_support import MODES, SCREENSHOTS, SEARCH_STATUS, Browse, Built, Site, build_edition, open_site, search
from tests.conftest import ROOT
from tests.test_browser import AXE_OPTIONS
from tools.dev.bench import synth

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def many_texts(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A synthetic edition of 40 texts, every one of them using the everyday word "report" many times."""
    seeds = synth.write_seeds(synth.edition(40, 60), tmp_path_factory.mktemp("many") / "seeds")
    return build_edition(seeds, tmp_path_factory.mktemp("many-built"))


DEADLOCK, MIRROR, MFA = "texts/deadlock-over-abms/", "texts/mirror-response/", "texts/mfa-on-dod-article/"

# (query, why it is here, every result it must return: a page and its anchor)
QUERIES = [
    ("Rogozin", "a name", {"glossary/#dmitry-rogozin", f"{DEADLOCK}#note-4"}),
    ("Rasmussen", "a name only in a note", {f"{DEADLOCK}#note-1"}),
    ("Billingslea", "a word only in a note", {f"{MFA}#note-10"}),
    ("ellipsis", "a word only in a note", {f"{DEADLOCK}#note-8"}),
    ("happy to oblige", "a phrase of a title and a first paragraph", {f"{MIRROR}#p1", MIRROR, "glossary/#the-duran"}),
    ("North Atlantic Alliance", "a term's alias", {"glossary/#nato"}),
    ("Treaty of Friendship", "a term's alias", {"glossary/#warsaw-pact"}),
    ("anti-ballistic", "a term's expansion, hyphenated", {"glossary/#abm-treaty", "glossary/#abm", "glossary/#missile-defence", "glossary/#a-135", f"{MIRROR}#p3"}),
    ("Rédzikowo", "a query with diacritics (the texts write Redzikowo)", {f"{MFA}#note-5", "glossary/#aegis-ashore"}),
    ("thoughtcrimeradio", "a text's source, in its title document", {DEADLOCK}),
    ("xylophone", "a word in no text", set()),
    ("EPAA", "an abbreviation, in capitals", {"glossary/#epaa", "glossary/#iran"}),
    (
        "nuclear primacy",
        "a glossary term in a text and its notes",
        {"glossary/#nuclear-primacy", "glossary/#daryl-g-press", "glossary/#keir-a-lieber", "glossary/#foreign-affairs", f"{DEADLOCK}#p4", f"{DEADLOCK}#note-7"},
    ),
]


@pytest.mark.parametrize(("query", "why", "expected"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_search_returns_exactly_these_anchors(browse: Browse, site: Site, query: str, why: str, expected: set[str]) -> None:
    tab = browse.open(site, "")
    status, found = search(tab, query)
    wanted = {site.url(page) for page in expected}
    assert set(found) == wanted, f"searching {query!r} ({why}, {site.mode}): missing {sorted(wanted - set(found))}, extra {sorted(set(found) - wanted)}"
    assert len(found) == len(set(found)), f"a result is listed twice: {found}"
    expected_status = "No results" if not expected else f"{len(expected)} result{'s' if len(expected) > 1 else ''} on "
    assert status.startswith(expected_status), f"the announced status {status!r} should start {expected_status!r}"


@pytest.mark.parametrize(
    ("query", "first"),
    [("ABM Treaty", "glossary/#abm-treaty"), ("happy to oblige", f"{MIRROR}#p1"), ("NATO", None)],
)
def test_the_best_result_comes_first(browse: Browse, site: Site, query: str, first: str | None) -> None:
    """The glossary entry named by the query, or the paragraph holding the exact phrase, is listed
    first; "NATO" also finds "NATO's" (prefix on the last word)."""
    tab = browse.open(site, "")
    _, found = search(tab, query)
    if first is not None:
        assert found[0] == site.url(first), f"searching {query!r}: {found[:3]}"
    else:
        snippets = tab.locator(".edition-search mark").all_inner_texts()
        assert "NATO's" in snippets and "NATO" in snippets, f"marked words: {sorted(set(snippets))}"


def test_index_loads_on_first_use_only(browse: Browse, site: Site) -> None:
    """Opening a page loads no part of the index; a one-word query loads at most three of its files."""
    tab = browse.open(site, "texts/deadlock-over-abms/")
    tab.wait_for_load_state("load")
    watch = browse.watch(tab)
    assert not [url for url in watch.requests if "/search/" in url], "the index loaded before the search box was used"
    search(tab, "Rogozin")
    loaded = [url.rsplit("/", 1)[1] for url in watch.requests if "/search/" in url]
    assert "index.js" in loaded and len(loaded) <= 3, f"a one-word query loaded {loaded}"


def test_keyboard_and_marked_target(browse: Browse, site: Site) -> None:
    """/ opens, arrows move through the results and back to the box, Escape closes, Enter follows the
    first result; the target paragraph or note has the query's words marked."""
    tab = browse.open(site, "")
    status, found = search(tab, "Rasmussen")
    assert status == "1 result on 1 page"
    meta = tab.locator(SEARCH_STATUS)
    expect(meta).to_have_attribute("role", "status")
    expect(meta).to_have_attribute("aria-live", "polite")
    box = tab.locator("input.md-search__input")
    tab.keyboard.press("ArrowDown")
    expect(tab.locator(".edition-search .md-search-result__link").first).to_be_focused()
    tab.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    tab.keyboard.press("Escape")
    expect(tab.locator("#__search")).not_to_be_checked()
    expect(tab.locator(".edition-search .md-search__output")).to_be_hidden()
    tab.keyboard.type("x")  # typing into the box opens the results again
    tab.keyboard.press("Backspace")
    expect(tab.locator(SEARCH_STATUS)).to_have_text("1 result on 1 page")
    tab.keyboard.press("Enter")
    tab.wait_for_url(lambda url: url.endswith("#note-1"))
    assert tab.url.split("?")[0] + "#note-1" == found[0]
    marked = tab.locator("#note-1 mark.search-hit").all_inner_texts()
    assert marked and marked[0] == "Rasmussen" and all(m.startswith("Rasmussen") for m in marked), marked  # Rasmussen's too (prefix)


def test_a_click_opens_the_search_on_a_phone(browse: Browse, site: Site) -> None:
    tab = browse.open(site, "", viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    tab.locator(".edition-search__open").click()
    box = tab.locator("input.md-search__input")
    expect(box).to_be_focused()
    expect(box).to_be_visible()
    tab.keyboard.type("EPAA", delay=20)
    expect(tab.locator(SEARCH_STATUS)).to_have_text("2 results on 1 page")
    expect(tab.locator(".edition-search .md-search-result__link").first).to_be_in_viewport()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280, 1440])
def test_results_open_pass_axe_and_are_photographed(browse: Browse, site: Site, axe: Axe, width: int, scheme: str) -> None:
    tab = browse.open(site, "texts/deadlock-over-abms/", viewport={"width": width, "height": 800}, color_scheme=scheme)
    if width < 960:
        tab.locator(".edition-search__open").click()
        tab.keyboard.type("ABM Treaty", delay=20)
    else:
        search(tab, "ABM Treaty")
    expect(tab.locator(SEARCH_STATUS)).to_have_text(re.compile(r"^\d+ results on 3 pages$"))
    tab.wait_for_timeout(500)  # Material's transitions, or axe measures colours half-drawn
    # The header, which holds the search box and its results: the page behind is test_browser.py's to check.
    results = axe.run(tab, context={"include": [[".md-header"]]}, options=AXE_OPTIONS)
    report = results.generate_report() if results.violations_count else ""
    assert not report, f"with search results open ({site.mode}, {width}px, {scheme}): {report}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=SCREENSHOTS / f"search-{site.mode}-{width}-{scheme}.png")


@pytest.mark.parametrize("mode", MODES)
def test_a_frequent_word_lists_ten_and_loads_three_files(browse: Browse, many_texts: Built, mode: str) -> None:
    """A word in hundreds of documents lists its ten best, each with a marked snippet, from at most three
    index files (no document file per listed result); "More results" adds the next ten, moves the focus
    to the first of them, and the arrows reach it after the last result."""
    with open_site(many_texts, mode) as site:
        tab = browse.open(site, "")
        tab.wait_for_load_state("load")
        watch = browse.watch(tab)
        status, found = search(tab, "report")
        loaded = [url.rsplit("/", 1)[1] for url in watch.requests if "/search/" in url]
        assert "index.js" in loaded and len(loaded) <= 3, f"a one-word query loaded {loaded}"
        folder = (site.root / "search")
        size = sum((folder / name).stat().st_size for name in loaded)
        assert size <= 200_000, f"a one-word query loaded {size} bytes: {loaded}"
        assert len(found) == 10 and len(set(found)) == 10, found
        total = int(re.match(r"^([\d,]+) results on ", status).group(1).replace(",", ""))  # type: ignore[union-attr]
        assert total > 100 and status.endswith("; the first 10 are listed"), status
        snippets = tab.locator(".edition-search .edition-search__snippet")
        assert all(text.strip() for text in snippets.all_inner_texts()), "a listed result has no snippet"
        assert tab.locator(".edition-search .edition-search__snippet mark").count() >= 10
        more = tab.locator(".edition-search__more")
        expect(more).to_be_visible()
        more.click()
        links = tab.locator(".edition-search .md-search-result__list a")
        expect(links).to_have_count(20)
        expect(links.nth(10)).to_be_focused()
        expect(tab.locator(SEARCH_STATUS)).to_have_text(re.compile(r"; the first 20 are listed$"))
        after = [re.sub(r"\?h=[^#]*", "", href) for href in links.evaluate_all("links => links.map(a => a.href)")]
        assert after[:10] == found, "the results already listed moved"
        links.nth(19).focus()
        tab.keyboard.press("ArrowDown")
        expect(more).to_be_focused()


@pytest.fixture(scope="module")
def russian(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The Russian edition (tests/editions/ru-poems) with each plural form of the results' count marked."""
    seeds = tmp_path_factory.mktemp("ru") / "seeds"
    shutil.copytree(ROOT / "tests" / "editions" / "ru-poems" / "seeds", seeds)
    edition = seeds / "edition.yml"
    text = edition.read_text(encoding="utf-8")
    for form in ("one", "few", "many", "other"):
        text = re.sub(rf'(script\.search_results\.{form}: )"[^"]*"', rf'\1"{{count}} [{form}]"', text)
    edition.write_text(text, encoding="utf-8")
    return build_edition(seeds, tmp_path_factory.mktemp("ru-built"))


@pytest.mark.parametrize("mode", MODES)
def test_the_count_of_results_takes_the_languages_plural_form(browse: Browse, russian: Built, mode: str) -> None:
    """Russian says 1 результат, 3 результата, 5 результатов: the status takes the string of the form the
    language's plural rule names for the count ("few" for 3), as the generator's Words.count does, not
    only "one" or "other"."""
    with open_site(russian, mode) as site:
        tab = browse.open(site, "")
        tab.wait_for_load_state("load")
        tab.keyboard.press("/")
        tab.keyboard.type("любил", delay=20)
        status = tab.locator(SEARCH_STATUS)
        expect(status).to_have_text(re.compile(r"^3 \[few\] "), timeout=8000)
