"""The built edition in a real browser (headless Chromium), hosted over HTTP and offline from file://.

Each check runs in both modes. The real edition is built once per session from seeds/; every page
opened is watched for requests that leave the site, console errors and dialogs (see `browse`).
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from tests.browser_support import (
    MODES,
    SCREENSHOTS,
    SEEDS,
    Browse,
    Built,
    Site,
    build_edition,
    crawl,
    glossary_shorts,
    open_site,
    run_build,
    search,
    squash,
    text_slugs,
    text_without_markers,
    tip_of,
)
from tests.conftest import TEXT_META, write_seeds

pytestmark = pytest.mark.browser
expect.set_options(timeout=5_000)

TEXTS = text_slugs(SEEDS)
PAGES = ["", "glossary/"] + [f"texts/{slug}/" for slug in TEXTS]
FIRST_TEXT = "texts/deadlock-over-abms/"
TOUCH = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
XSS_SCRIPT = "<script>alert(2)</script>"
# No preload: axe would fetch the stylesheets again with XMLHttpRequest, which file:// forbids.
AXE_OPTIONS = {"resultTypes": ["violations"], "preload": False}


def img(number: int) -> str:
    """An image tag that would raise alert(number) if it ever became HTML."""
    return f"<img src=x onerror=alert({number})>"


def xss_seeds(root: Path, glossary: str | None = None) -> Path:
    """A small edition with HTML in every field that passes the checks: the term's expansion, a
    reference, the texts' title, source and words, a note's quotation and a cross-link's label."""
    glossary = glossary or (
        f"- term: ABM\n  expansion: '{img(1)}'\n  kind: weapon system\n  short: A missile that stops missiles.\n"
        f"  definition: An interceptor.\n  references:\n    - source: abm-treaty\n      at: '{img(3)}'\n"
    )
    meta = TEXT_META.replace("title: A text", f"title: '{img(6)}'").replace("source: Test Press", f"source: '{img(7)}'")
    return write_seeds(
        root,
        texts={"one": f"The ABM limited {XSS_SCRIPT} ABMs.\n\nA second paragraph {img(5)}.\n", "two": "Another ABM text.\n"},
        glossary=glossary,
        notes=f"- text: one\n  quote: {XSS_SCRIPT}\n  kind: context\n  note: A note.\n",
        crosslinks=f"- label: '{img(8)}'\n  from: {{text: one, quote: '{XSS_SCRIPT}'}}\n  to: {{text: two, quote: Another ABM text}}\n",
        metadata={"one": meta, "two": TEXT_META},
    )


def first_gloss(tab: Page) -> Locator:
    """The first glossed term in the text."""
    return tab.locator("p.para a.gloss").first


def assert_shows_definition(tab: Page, gloss: Locator, shorts: dict[str, str], url: str) -> None:
    """The gloss's tooltip is open, announced as its description, holds the glossary's short text, and we did not move."""
    tip = tip_of(tab, gloss)
    expect(tip).to_be_visible()
    expect(tip).to_have_attribute("role", "tooltip")
    expect(tip).to_have_class(re.compile(r"\btip--open\b"))
    term = tip.locator("b").inner_text()
    assert term in shorts, f"tooltip names {term!r}, which is not a term in seeds/glossary.yml"
    assert squash(shorts[term]) in squash(tip.inner_text()), f"tooltip for {term!r} lacks its short definition: {tip.inner_text()!r}"
    expect(gloss).to_have_accessible_description(re.compile(re.escape(squash(shorts[term]))))
    assert tab.url == url, f"showing the definition left the page: {url} -> {tab.url}"


def assert_tip_beside(tab: Page, trigger: Locator) -> None:
    """The trigger's tip is open wholly inside the viewport, just above or below the trigger, not over it."""
    tip = tip_of(tab, trigger)
    expect(tip).to_be_visible()
    term, box, view = trigger.bounding_box(), tip.bounding_box(), tab.viewport_size
    assert term and box and view, "the term, its tip or the viewport has no size"
    inside = box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= view["width"] and box["y"] + box["height"] <= view["height"]
    assert inside, f"the tip {box} is clipped by the {view['width']}x{view['height']} viewport"
    below, above = box["y"] - (term["y"] + term["height"]), term["y"] - (box["y"] + box["height"])
    assert 0 <= below < 24 or 0 <= above < 24, f"the tip {box} is not just above or below its term {term}"


def axe_report(axe: Axe, tab: Page) -> str:
    """axe-core's violations on the page as it is now, or "" if there are none."""
    results = axe.run(tab, options=AXE_OPTIONS)
    return results.generate_report() if results.violations_count else ""


def screen(width: int) -> dict[str, Any]:
    """Browser context options: a touch phone at 360 or 390 px, else a desktop window of that width."""
    if width == 360:
        return TOUCH
    if width == 390:
        return {**TOUCH, "viewport": {"width": 390, "height": 844}}
    return {"viewport": {"width": width, "height": 800 if width == 1280 else 900}}


def open_first_note(tab: Page, width: int) -> None:
    """Open a note: in place from its marker on a phone, else its margin item's "more"."""
    if width < 600:
        tab.locator("p.para a.note-ref").first.tap()
        expect(tab.locator(".popin .side-note")).to_be_visible()
    else:
        note = tab.locator(".apparatus > .side-note").first
        note.locator("summary").click()
        expect(note.locator(".side-rest")).to_be_visible()


def open_first_tip(tab: Page, width: int) -> None:
    """Open the first gloss's tooltip (a tap on a phone, else hover) and check where it sits."""
    gloss = first_gloss(tab)
    gloss.tap() if width < 600 else gloss.hover()
    assert_tip_beside(tab, gloss)



@pytest.fixture(scope="session")
def xss_edition(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The edition from xss_seeds, built."""
    root = tmp_path_factory.mktemp("xss")
    return build_edition(xss_seeds(root), root)


@pytest.fixture(scope="session", params=MODES)
def xss_site(request: pytest.FixtureRequest, xss_edition: Built) -> Iterator[Site]:
    """The XSS edition, hosted and offline."""
    with open_site(xss_edition, request.param) as opened:
        yield opened


@pytest.fixture(scope="session")
def shorts() -> dict[str, str]:
    """Glossary term -> short definition, from seeds/glossary.yml."""
    return glossary_shorts(SEEDS)


@pytest.mark.parametrize("text", TEXTS)
def test_hovering_a_gloss_shows_its_definition(browse: Browse, site: Site, shorts: dict[str, str], text: str) -> None:
    tab = browse.open(site, f"texts/{text}/")
    gloss, url = first_gloss(tab), tab.url
    gloss.hover()
    assert_shows_definition(tab, gloss, shorts, url)
    assert_tip_beside(tab, gloss)
    tip_of(tab, gloss).hover()
    tab.wait_for_timeout(400)
    expect(tip_of(tab, gloss), "the tip should stay open while the pointer is on it").to_be_visible()
    tab.mouse.move(1, tab.viewport_size["height"] - 1 if tab.viewport_size else 1)
    expect(tip_of(tab, gloss), "the tip should close when the pointer leaves").to_be_hidden()
    last = tab.locator("p.para a.gloss").last
    last.hover()
    assert_tip_beside(tab, last)
    tab.keyboard.press("Escape")
    expect(tip_of(tab, last), "Escape should close the tip").to_be_hidden()


def test_tabbing_to_a_gloss_shows_its_definition(browse: Browse, site: Site, shorts: dict[str, str]) -> None:
    tab = browse.open(site, FIRST_TEXT)
    gloss, url = first_gloss(tab), tab.url
    gloss.locator("xpath=ancestor::p[1]/a[contains(@class, 'pnum')]").focus()
    for _ in range(10):
        tab.keyboard.press("Tab")
        if gloss.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("ten presses of Tab from the paragraph number never reached the paragraph's first gloss")
    assert_shows_definition(tab, gloss, shorts, url)
    tab.keyboard.press("Escape")
    expect(tip_of(tab, gloss)).to_be_hidden()
    assert gloss.evaluate("e => e === document.activeElement"), "Escape should close the tip and leave focus on the term"


def test_tapping_a_gloss_shows_its_definition(browse: Browse, site: Site, shorts: dict[str, str]) -> None:
    tab = browse.open(site, FIRST_TEXT, **TOUCH)
    gloss, url = first_gloss(tab), tab.url
    gloss.tap()
    assert_shows_definition(tab, gloss, shorts, url)
    assert_tip_beside(tab, gloss)
    tab.keyboard.press("Escape")
    expect(tip_of(tab, gloss)).to_be_hidden()
    gloss.tap()
    expect(tip_of(tab, gloss)).to_be_visible()
    tab.locator("h1").tap()
    expect(tip_of(tab, gloss)).to_be_hidden()
    gloss.tap()
    tip = tip_of(tab, gloss)
    expect(tip.get_by_role("link", name="Full entry in the glossary")).to_have_attribute("href", re.compile(r"glossary"))
    gloss.tap()
    expect(tip, "a second tap on the term should close its tip").to_be_hidden()
    assert tab.url == url, f"a second tap navigated away: {tab.url}"
    gloss.tap()
    tip.get_by_role("button", name="Close").tap()
    expect(tip, "the close button should close the tip").to_be_hidden()


WIDE = {"viewport": {"width": 1440, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def margin_report(tab: Page) -> dict[str, Any]:
    """Where each margin item stands against its marker, the text column and the other items."""
    return tab.evaluate(
        """() => {
          const boxes = [], offsets = [], pushed = [];
          const right = Math.max(...[...document.querySelectorAll('p.para')].map(p => p.getBoundingClientRect().right));
          const items = [...document.querySelectorAll('.apparatus > .side-note, .apparatus > .side-links')].filter(e => e.offsetParent);
          let previous = null;
          for (const item of items) {
            const box = item.getBoundingClientRect();
            boxes.push([box.left, box.top, box.right, box.bottom, item.id || item.dataset.paragraph]);
            if (item.classList.contains('side-note')) {
              const marker = document.getElementById('ref-' + item.dataset.note);
              const offset = Math.round(box.top - marker.getBoundingClientRect().top);
              const below = previous ? Math.round(box.top - previous.getBoundingClientRect().bottom) : null;
              offsets.push([item.id, offset, below]);
              previous = item;
            }
          }
          return {right, boxes, offsets, count: items.length};
        }"""
    )


@pytest.mark.parametrize("text", TEXTS)
def test_margin_notes_stand_beside_their_markers(browse: Browse, site: Site, text: str) -> None:
    tab = browse.open(site, f"texts/{text}/", **WIDE)
    tab.wait_for_timeout(300)
    report = margin_report(tab)
    assert report["count"] and report["offsets"], f"{text}: no margin notes at 1440 px"
    for left, _, _, _, name in report["boxes"]:
        assert left >= report["right"], f"{text}: {name} stands in the text column (left {left} < {report['right']}), between paragraphs"
    boxes = sorted(report["boxes"], key=lambda b: b[1])
    for upper, lower in itertools.pairwise(boxes):
        assert lower[1] >= upper[3] - 0.5, f"{text}: margin items {upper[4]} and {lower[4]} overlap: {upper} {lower}"
    for name, offset, below in report["offsets"]:
        beside = -4 <= offset <= 40
        pushed = below is not None and 0 <= below <= 12 and offset > 40
        assert beside or pushed, f"{text}: {name} is {offset} px from its marker and not pushed down by the note above it ({below} px below it)"
    close = sum(1 for _, offset, _ in report["offsets"] if -4 <= offset <= 40)
    print(f"{site.mode} {text}: {close} of {len(report['offsets'])} margin notes within 40 px of their markers; the rest pushed down by the note above")
    note = tab.locator(".apparatus > .side-note").first
    note.locator("summary").click()
    expect(note.locator(".side-rest")).to_be_visible()
    tab.wait_for_timeout(100)
    boxes = sorted(margin_report(tab)["boxes"], key=lambda b: b[1])
    for upper, lower in itertools.pairwise(boxes):
        assert lower[1] >= upper[3] - 0.5, f"{text}: after opening a note, {upper[4]} and {lower[4]} overlap"


def test_a_marker_opens_its_note_in_place_on_a_phone(browse: Browse, site: Site) -> None:
    tab = browse.open(site, "texts/mirror-response/", **PHONE)
    url = tab.url
    first = tab.locator("p.para").first
    assert (box := first.bounding_box()) and box["y"] < 844 - 24, f"the first paragraph starts below the first screen: {box}"
    marker = tab.locator("p.para a.note-ref").nth(2)
    marker_box = marker.bounding_box()
    assert marker_box and marker_box["width"] >= 24 and marker_box["height"] >= 24, f"a marker's tap area is {marker_box}"
    marker.tap()
    popin = tab.locator(".popin")
    expect(popin).to_be_visible()
    expect(marker).to_have_attribute("aria-expanded", "true")
    assert popin.evaluate("(p) => p.previousElementSibling && p.previousElementSibling.classList.contains('note-ref') && p.closest('p.para') !== null")
    popin_box, marker_box = popin.bounding_box(), marker.bounding_box()
    assert popin_box and marker_box and 0 <= popin_box["y"] - (marker_box["y"] + marker_box["height"]) < 40, "the note should open under its marker's line"
    expect(popin.locator(".side-rest")).to_be_visible()
    assert tab.url == url, "opening a note left the page"
    marker.tap()
    expect(popin).to_have_count(0)
    expect(marker).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize("width", [768, 1024, 1280, 1440, 1920])
def test_lines_hold_60_to_75_characters(browse: Browse, site: Site, width: int) -> None:
    medians = []
    for text in TEXTS:
        tab = browse.open(site, f"texts/{text}/", viewport={"width": width, "height": 900})
        counts = tab.evaluate(
            """() => {
              const counts = [];
              for (const p of document.querySelectorAll('p.para:not(.para--headline)')) {
                const lines = {};
                const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                let node;
                while ((node = walker.nextNode())) {
                  if (node.parentElement.closest('.pnum, .note-ref')) continue;
                  for (let i = 0; i < node.length; i++) {
                    const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
                    const box = range.getClientRects()[0];
                    if (box) lines[Math.round(box.top / 6)] = (lines[Math.round(box.top / 6)] || 0) + 1;
                  }
                }
                const full = Object.keys(lines).sort((a, b) => a - b).map(k => lines[k]);
                full.pop();
                counts.push(...full);
              }
              return counts.sort((a, b) => a - b);
            }"""
        )
        medians.append(counts[len(counts) // 2])
    assert all(60 <= m <= 75 for m in medians), f"median characters a line at {width} px: {dict(zip(TEXTS, medians, strict=True))}"


def test_layers_hide_and_show_and_are_remembered(browse: Browse, site: Site) -> None:
    tab = browse.open(site, FIRST_TEXT, **WIDE)
    gloss = first_gloss(tab)
    decoration = "e => getComputedStyle(e).textDecorationLine"
    assert gloss.evaluate(decoration) == "underline"
    tab.locator(".layers > summary").click()
    layers = tab.get_by_role("group", name="Layers shown with the text")
    layers.get_by_role("checkbox", name="Glossary underlining").uncheck()
    assert gloss.evaluate(decoration) == "none", "the glossed terms are still underlined"
    assert gloss.evaluate("e => e.tagName") == "A", "a glossed term should stay a link"
    context = tab.locator("a.note-ref--context").first
    expect(context).to_be_visible()
    layers.get_by_role("checkbox", name="Context notes").uncheck()
    expect(context).to_be_hidden()
    expect(tab.locator(".side-note--context").first).to_be_hidden()
    expect(tab.locator("a.note-ref--source").first).to_be_visible()
    layers.get_by_role("checkbox", name="Cross-links").uncheck()
    expect(tab.locator("details.side-links").first).to_be_hidden()
    tab.goto(site.url("texts/mirror-response/"))
    expect(tab.locator("html")).to_have_class(re.compile(r"\bedition-no-underline\b"))
    expect(tab.locator("a.note-ref--context").first, "the choice was not remembered on the next page").to_be_hidden()
    tab.get_by_role("button", name="Text only").click()
    expect(tab.locator("a.note-ref:visible")).to_have_count(0)
    expect(tab.locator(".apparatus:visible")).to_have_count(0)
    expect(tab.locator("p.para .pnum").first, "the text only view keeps the paragraph numbers").to_be_visible()
    tab.reload()
    expect(tab.get_by_role("button", name="Text only")).to_have_attribute("aria-pressed", "true")
    tab.get_by_role("button", name="Text only").click()
    layers = tab.get_by_role("group", name="Layers shown with the text")
    for name in ("Glossary underlining", "Context notes", "Cross-links"):
        layers.get_by_role("checkbox", name=name).check()
    tab.reload()
    assert first_gloss(tab).evaluate(decoration) == "underline"
    expect(tab.locator("a.note-ref--context").first).to_be_visible()


@pytest.mark.parametrize("width", [1440, 390])
def test_side_by_side_from_a_cross_link(browse: Browse, site: Site, width: int) -> None:
    tab = browse.open(site, "texts/mirror-response/", **(WIDE if width == 1440 else PHONE))
    links = tab.locator("details.side-links").first
    if not links.evaluate("d => d.open"):
        links.locator("summary").click()
    item = links.locator("li").first
    here = int(item.locator("a.crosslink").get_attribute("data-here") or 0)
    there = int(item.locator("a.crosslink").get_attribute("data-paragraph") or 0)
    item.locator("a.side-by-side").click()
    tab.wait_for_load_state()
    fragment = urlparse(tab.url).fragment
    assert re.fullmatch(r"link-\d+", fragment), f"the side-by-side link should lead to one row: {tab.url}"
    row = tab.locator(f'[id="{fragment}"]')
    expect(row).to_be_in_viewport()
    sides = row.locator(".sbs-side")
    expect(sides).to_have_count(2)
    numbers = sorted(int(n) for n in sides.locator(".pnum-static").all_inner_texts())
    assert numbers == sorted([here, there]), f"the row shows paragraphs {numbers}, not {here} and {there}"
    expect(sides.nth(0).locator("mark")).to_have_count(1)
    expect(sides.nth(1).locator("mark")).to_have_count(1)
    first, second = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert first and second
    if width == 1440:
        assert abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"] + first["width"], f"the passages should stand side by side, aligned: {first} {second}"
    else:
        assert second["y"] >= first["y"] + first["height"] - 1, f"on a phone the passages should be stacked: {first} {second}"
    assert tab.evaluate("document.documentElement.scrollWidth") <= width, "the side-by-side page scrolls sideways"
    rows = tab.locator(".sbs-row")
    if rows.count() > 1:
        walk = row.get_by_role("link", name=re.compile("^(Next|Previous)$")).first
        target = walk.get_attribute("href")
        walk.click()
        assert urlparse(tab.url).fragment == (target or "").lstrip("#")
        expect(tab.locator(f'[id="{(target or "").lstrip("#")}"]')).to_be_in_viewport()
    own = sides.nth(0).locator(".sbs-where a")
    href = own.evaluate("a => a.href")
    assert re.search(r"#p\d+$", href), f"each passage should link to its paragraph in its own text: {href}"


def test_focus_is_never_hidden_under_the_header(browse: Browse, site: Site) -> None:
    tab = browse.open(site, "texts/mirror-response/")
    tab.keyboard.press("End")
    header = tab.locator(".md-header").bounding_box()
    assert header
    hidden = []
    for _ in range(160):
        tab.keyboard.press("Shift+Tab")
        box = tab.evaluate(
            "(() => { const e = document.activeElement; if (!e || e === document.body) return null;"
            " const b = e.getBoundingClientRect(); return [b.top, b.bottom, e.outerHTML.slice(0, 80)]; })()"
        )
        if box is None:
            break
        if box[1] <= header["y"] + header["height"] and not tab.evaluate("!!document.activeElement.closest('.md-header')"):
            hidden.append(box[2])
    assert not hidden, f"{len(hidden)} focus stops end under the sticky header: {hidden[:5]}"


def test_cross_links_lead_to_the_quoted_paragraph(browse: Browse, site: Site) -> None:
    tab = browse.new_tab(site)
    paragraphs: dict[str, str] = {}
    links: list[tuple[str, str, str]] = []
    for text in TEXTS:
        tab.goto(site.url(f"texts/{text}/"))
        for paragraph in tab.locator("p.para").all():
            paragraphs[f"{urldefrag(tab.url).url}#{paragraph.get_attribute('id')}"] = text_without_markers(paragraph)
        for link in tab.locator("details.side-links a.crosslink").all():
            item = squash(link.locator("xpath=..").locator(".crosslink-quote").text_content() or "")
            quoted = re.match(r"“(.*)” — ", item)
            assert quoted, f"cross-link item {item!r} on {text} has no quotation"
            links.append((tab.url, link.evaluate("a => a.href"), squash(quoted.group(1))))
    assert links, "the edition has no cross-links"
    for origin, href, quote in links:
        assert href in paragraphs, f"a cross-link on {origin} leads to {href}, which is no paragraph of a text"
        assert quote in paragraphs[href], f"a cross-link on {origin} quotes “{quote}”, but {href} does not contain it"
    for text in TEXTS:
        tab.goto(site.url(f"texts/{text}/"))
        link = tab.locator("details.side-links a.crosslink").first
        href = link.evaluate("a => a.href")
        link.click()
        tab.wait_for_url(href)
        fragment = urlparse(href).fragment
        expect(tab.locator(f'[id="{fragment}"]')).to_be_in_viewport()
        assert tab.evaluate("document.querySelector(':target')?.id") == fragment, f"after following {href}, #{fragment} is not the :target"


def test_every_link_on_every_page_resolves(browse: Browse, site: Site) -> None:
    files = site.reader_pages()
    missing = {site.url(page) for page in PAGES} - {site.page_url(file) for file in files}
    assert not missing, f"the {site.mode} site lacks {sorted(missing)}"
    problems = crawl(browse, site, files)
    assert not problems, f"broken links ({site.mode}):\n" + "\n".join(problems)


def test_offline_bundle_has_no_404_page(edition: Built) -> None:
    """MkDocs' 404 page links from the site root, which means nothing from file://: the bundle leaves it out."""
    with open_site(edition, "offline") as site:
        assert not (site.root / "404.html").exists()


def test_no_request_leaves_the_site(browse: Browse, site: Site) -> None:
    counts: list[str] = []
    problems: list[str] = []
    for file in site.reader_pages():
        tab = browse.new_tab(site)  # a context per page, so no page borrows another's cache
        tab.goto(site.page_url(file))
        search(tab, "missile")  # the search index loads on first use of the box
        tab.wait_for_load_state("networkidle")
        watch, name = browse.watch(tab), file.relative_to(site.root).as_posix()
        counts.append(f"{name}: {len(watch.requests)}")
        problems += [f"{name}: {problem}" for problem in watch.problems(site)]
        if not watch.requests:
            problems.append(f"{name}: no request recorded at all, so the watch is not working")
        if site.mode == "offline":
            problems += [f"{name}: the offline bundle requested {url}" for url in watch.requests if url.startswith(("http:", "https:"))]
    print(f"requests per page ({site.mode}): " + ", ".join(counts))
    assert not problems, f"pages of the {site.mode} site left it or logged errors:\n" + "\n".join(problems)


def test_html_in_seeds_is_shown_never_run(browse: Browse, xss_site: Site) -> None:
    tab = browse.open(xss_site, "texts/one/")
    gloss = first_gloss(tab)
    gloss.hover()
    expect(tip_of(tab, gloss), "the tooltip should show the expansion's markup as text").to_contain_text(img(1))
    shown = squash(tab.locator("article").inner_text())
    for markup in (XSS_SCRIPT, img(5), img(6), img(7), img(8)):
        assert markup in shown, f"the text page should show {markup} as text"
    assert img(6) in tab.locator(".md-nav").first.inner_text(), "the navigation should show the title's markup as text"
    assert "alert(2)" not in " ".join(tab.locator("script").all_text_contents()), "the text's <script> became a script"
    _, found = search(tab, "onerror")
    assert [url for url in found if url.startswith(xss_site.url("texts/one/"))], f"searching 'onerror' did not find the text: {found}"
    expect(tab.locator('img[src="x"]'), "seed markup became an <img> on the text page or in search results").to_have_count(0)
    tab.goto(xss_site.url("glossary/"))
    shown = squash(tab.locator("article").inner_text())
    for markup in (img(1), img(3)):
        assert markup in shown, f"the glossary should show {markup} as text"
    expect(tab.locator('img[src="x"]'), "seed markup became an <img> in the glossary").to_have_count(0)
    assert not browse.watch(tab).dialogs, f"seed markup ran as script: {browse.watch(tab).dialogs}"


def test_html_in_a_glossary_definition_is_refused(tmp_path: Path) -> None:
    """The issue's own payload (HTML as a short text and definition) never reaches a page: the build stops."""
    glossary = f"- term: ABM\n  kind: weapon system\n  short: '{img(1)}'\n  definition: '{img(1)}'\n  references:\n    - {{source: abm-treaty}}\n"
    seeds = xss_seeds(tmp_path, glossary)
    result = run_build(seeds, tmp_path)
    assert result.returncode == 1, f"the build should refuse HTML in a glossary entry:\n{result.stdout}{result.stderr}"
    assert result.stderr.count("[raw-html]") == 2, f"both fields should be reported as raw HTML:\n{result.stderr}"
    assert not (tmp_path / "build" / "site").exists(), "a refused build must publish nothing"


def test_axe_finds_no_violations(browse: Browse, site: Site, axe: Axe) -> None:
    tab = browse.new_tab(site)
    reports: list[str] = []
    for file in site.reader_pages():
        tab.goto(site.page_url(file))
        if report := axe_report(axe, tab):
            reports.append(f"{file.relative_to(site.root).as_posix()}: {report}")
    assert not reports, f"axe-core ({site.mode}):\n" + "\n".join(reports)


@pytest.mark.parametrize("width", [390, 1280, 1440, 1920])
def test_screenshots(browse: Browse, site: Site, axe: Axe, width: int) -> None:
    """Screenshots for a person to look at, plus the layout checks a script can make; axe with a tip open."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, page in (("index", ""), ("glossary", "glossary/"), ("text-tooltip", FIRST_TEXT), ("timeline", "timeline/"), ("term-map", "term-map/")):
        tab = browse.open(site, page, **screen(width))
        scroll_width = tab.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{name} ({site.mode}) scrolls sideways at {width}px: {scroll_width}px wide"
        if page == FIRST_TEXT:
            open_first_note(tab, width)
            open_first_tip(tab, width)
            assert not (report := axe_report(axe, tab)), f"with a note and a tooltip open ({site.mode}, {width}px): {report}"
        tab.screenshot(path=SCREENSHOTS / f"{site.mode}-{width}-{name}.png")


@pytest.mark.parametrize("width", [390, 1280, 1440, 1920])
def test_dark_mode_tooltip_screenshot(browse: Browse, site: Site, axe: Axe, width: int) -> None:
    tab = browse.open(site, FIRST_TEXT, color_scheme="dark", **screen(width))
    expect(tab.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    open_first_note(tab, width)
    open_first_tip(tab, width)
    tab.wait_for_timeout(500)  # let Material's header title finish fading in, or axe measures it half-drawn
    assert not (report := axe_report(axe, tab)), f"dark mode with a note and a tooltip open ({site.mode}, {width}px): {report}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=SCREENSHOTS / f"{site.mode}-{width}-text-tooltip-dark.png")


def links_resolve(browse: Browse, site: Site, hrefs: list[str]) -> list[str]:
    """Each href (absolute, in the site) must reach an existing page and, if it has one, an existing id."""
    tab = browse.new_tab(site)
    ids: dict[str, set[str]] = {}
    problems = []
    for href in hrefs:
        target, fragment = urldefrag(href)
        if not site.is_internal(href):
            problems.append(f"{href} leaves the site")
            continue
        if target not in ids:
            if not site.target_exists(target, tab.context):
                problems.append(f"{href}: no such page")
                ids[target] = set()
                continue
            tab.goto(target)
            ids[target] = set(tab.locator("[id]").evaluate_all("elements => elements.map(e => e.id)"))
        if fragment and fragment not in ids[target]:
            problems.append(f"{href}: no element with id {fragment!r}")
    return problems


def test_timeline_entries_link_to_entries_or_texts(browse: Browse, site: Site) -> None:
    tab = browse.open(site, "timeline/")
    hrefs = tab.locator(".timeline-year a").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) >= 5, f"the timeline lists only {len(hrefs)} linked entries"
    glossary, texts = site.url("glossary/"), {site.url(f"texts/{slug}/") for slug in TEXTS}
    for href in hrefs:
        target, fragment = urldefrag(href)
        assert (target == glossary and fragment) or target in texts, f"timeline link {href} is neither a glossary entry nor a text"
    everywhere = tab.locator("article a").evaluate_all("links => links.map(a => a.href)")
    assert texts <= {urldefrag(h).url for h in everywhere}, "every text should be on the timeline (undated ones listed apart)"
    problems = links_resolve(browse, site, hrefs)
    assert not problems, "timeline links that do not resolve:\n" + "\n".join(problems)


def term_map_rows(tab: Page) -> list[tuple[str, int]]:
    """The term map's rows as shown: (entry, total)."""
    rows = tab.locator(".term-map tbody tr").evaluate_all("rows => rows.map(r => [r.cells[0].textContent.trim(), r.cells[r.cells.length - 1].textContent.trim()])")
    return [(name, int(total)) for name, total in rows]


def test_term_map_sorts_and_links_to_paragraphs(browse: Browse, site: Site) -> None:
    tab = browse.open(site, "term-map/")
    built = term_map_rows(tab)
    assert built, "the term map has no rows"
    sort = tab.get_by_role("group", name="Sort the term map")
    sort.get_by_role("button", name="A to Z").click()
    names = [name for name, _ in term_map_rows(tab)]
    assert names == sorted(names, key=str.casefold), f"A to Z did not sort the rows by name: {names}"
    expect(sort.get_by_role("button", name="A to Z")).to_have_attribute("aria-pressed", "true")
    sort.get_by_role("button", name="Kind").click()
    kinds = tab.locator(".term-map tbody tr").evaluate_all("rows => rows.map(r => r.cells[1].textContent.trim())")
    assert kinds == sorted(kinds), f"Kind did not group the rows by kind: {kinds}"
    sort.get_by_role("button", name="Most frequent").click()
    totals = [total for _, total in term_map_rows(tab)]
    assert totals == sorted(totals, reverse=True) and totals[0] == max(totals), f"Most frequent did not put the largest totals first: {totals}"
    assert sorted(term_map_rows(tab)) == sorted(built), "sorting lost or changed rows"
    hrefs = tab.locator(".term-map a.tm-count").evaluate_all("links => links.map(a => a.href)")
    assert hrefs, "the term map has no count links"
    assert all(re.search(r"#p\d+$", h) for h in hrefs), f"every count should link to a paragraph: {[h for h in hrefs if not re.search(r'#p[0-9]+$', h)]}"
    problems = links_resolve(browse, site, hrefs)
    assert not problems, "term map counts that do not reach a paragraph:\n" + "\n".join(problems)


def clipboard_context(site: Site) -> dict[str, Any]:
    """Hosted pages may use the asynchronous clipboard (granted here); file:// pages use the fallback."""
    return {"permissions": ["clipboard-read", "clipboard-write"]} if site.mode == "hosted" else {}


def test_a_paragraph_number_offers_copy_link_and_cite(browse: Browse, site: Site) -> None:
    tab = browse.open(site, FIRST_TEXT, **clipboard_context(site))
    page_url = site.url(FIRST_TEXT)
    toggle = tab.get_by_role("button", name="Paragraph 3: link or cite")
    toggle.focus()
    tab.keyboard.press("Enter")
    panel = tab.locator("#para-tools")
    expect(panel).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(panel.get_by_role("button", name="Copy link")).to_be_focused()
    tab.keyboard.press("Enter")
    status = tab.get_by_role("status")
    if site.mode == "hosted":
        expect(status).to_have_text("Link copied")
        expect(panel.locator(".para-tools-text")).to_have_text(page_url + "#p3")
    else:  # from disk, with no published address given at build time: the link is said to be a local copy's
        expect(status).to_have_text("Link copied: it is the address of a local copy")
        expect(panel.locator(".para-tools-text")).to_have_text(page_url + "#p3 (This address is of a local copy of the edition, on this computer only.)")
    expect(status).to_be_visible()
    if site.mode == "hosted":
        assert tab.evaluate("navigator.clipboard.readText()") == page_url + "#p3", "the clipboard should hold the paragraph's URL"
    panel.get_by_role("button", name="Cite this paragraph").click()
    expect(status).to_have_text("Citation copied")
    offered = squash(panel.locator(".para-tools-text").inner_text())
    year = str(tab.evaluate("new Date().getFullYear()"))
    for part in ("[US, Russia in deadlock over ABMs in Europe]", "thoughtcrimeradio.net", "October 2011", "para. 3", "Three Texts on Missile Defence", page_url + "#p3"):
        assert part in offered, f"the paragraph citation lacks {part!r}: {offered}"
    assert "Accessed " in offered and year in offered.split("Accessed ", 1)[1], f"the citation should give today's access date: {offered}"
    assert "{" not in offered, f"a placeholder was left in the citation: {offered}"
    if site.mode == "offline":
        assert "local copy" in offered, f"a citation of a page opened from disk should say its address is a local copy's: {offered}"
    if site.mode == "hosted":
        assert squash(tab.evaluate("navigator.clipboard.readText()")) == offered, "the clipboard should hold the citation shown"
    tab.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")


def test_cite_this_text_names_the_source_and_this_page(browse: Browse, site: Site) -> None:
    tab = browse.open(site, FIRST_TEXT, **clipboard_context(site))
    page_url = site.url(FIRST_TEXT)
    section = tab.locator(".cite-this")
    chicago = section.locator('[data-cite="chicago"]')
    apa, bibtex = section.locator('[data-cite="apa"]'), section.locator('[data-cite="bibtex"]')
    today = tab.evaluate("(() => { const d = new Date(); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')].join('-'); })()")
    expect(chicago).to_contain_text("Accessed ")
    text = squash(chicago.inner_text())
    assert text.startswith("[US, Russia in deadlock over ABMs in Europe]. thoughtcrimeradio.net, October 2011."), text
    assert text.endswith(page_url + "."), f"the Chicago citation should end with this page's URL: {text}"
    assert "[date" not in text and "[address" not in text, f"placeholders left in: {text}"
    assert "Author" not in text and "Anon" not in text, "no author is given, so none may be named"
    apa_text = squash(apa.inner_text())
    assert "(2011, October)." in apa_text and apa_text.endswith("from " + page_url), apa_text
    bib = bibtex.inner_text()
    assert f"urldate      = {{{today}}}" in bib and f"url          = {{{page_url}}}" in bib and "author" not in bib, bib
    section.get_by_role("button", name="Copy the Chicago citation").click()
    expect(tab.get_by_role("status")).to_have_text("Chicago citation copied")
    if site.mode == "hosted":
        assert squash(tab.evaluate("navigator.clipboard.readText()")) == text
    tab.goto(site.url("texts/mirror-response/"))
    text = squash(tab.locator('.cite-this [data-cite="chicago"]').inner_text())
    assert "n.d." in text and "The Duran" in text, f"an unknown date is cited as n.d.: {text}"


def test_print_page_holds_the_whole_edition(browse: Browse, site: Site) -> None:
    tab = browse.open(site, "print/")
    tab.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not tab.locator(selector).first.is_visible(), f"{selector} should not be printed"
    expect(tab.locator("h2.print-text")).to_have_count(len(TEXTS))
    expect(tab.locator("p.para .pnum").first).to_be_visible()
    assert tab.locator('h3[id^="g-"]').count() == len(glossary_shorts(SEEDS)), "every glossary entry should be printed"
    glosses = tab.locator("p.para a.gloss").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    ids = set(tab.locator("[id]").evaluate_all("elements => elements.map(e => e.id)"))
    assert glosses and all(h.startswith("#g-") and h[1:] in ids for h in glosses), "glossed terms should link to the printed glossary"
    external = tab.locator('.principles a[href^="http"], .note a[href^="http"]:not(.ref-link)').first
    if external.count():
        after = external.evaluate("a => getComputedStyle(a, '::after').content")
        assert "http" in after, f"an external link should be followed by its URL in print: {after}"
