"""Hostile content in seeds/: shown as literal text, never run, never turned into markup.

One hostile edition is built once (hosted site only) and checked in its HTML and in Chromium. Raw
HTML where the edition takes Markdown (definitions, notes, headnotes) is refused by `check` by design;
those cases are checked for their exact error and need no build.
"""
from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, TEXT_META, Element, parse_html, problem_lines, squash, write_seeds
from playwright.sync_api import Browser

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
BOTH = f"{SCRIPT} and {IMG}"
# Quotes, ampersands (a bare one and one that looks like an entity) and angle brackets that are no tag.
SHORT = "He said \"stop\" & 'wait'; 1 < 2 > 0, a -> b <- c, &amp; and &lt;b&gt; stay as typed."

EDITION = f"""\
title: 'Hostile {BOTH} edition'
slug: hostile
introduction: An edition for hostile input.
principles: Texts are reproduced verbatim.
"""

GLOSSARY = f"""\
- term: C++
  kind: concept
  short: '{SHORT.replace("'", "''")}'
  definition: A programming language.
  references:
    - source: script
      at: '{IMG}'
  events:
    - date: '1985'
      label: '{IMG}'
- term: U.S.
  kind: place
  short: The United States.
  definition: A country.
  references: [{{source: script}}]
- term: (MAD)
  kind: concept
  short: Mutual assured destruction.
  definition: A doctrine.
  references: [{{source: script}}]
- term: XSS
  expansion: '{IMG}'
  kind: concept
  short: Markup that runs where it should be text.
  definition: An attack.
  references: [{{source: script}}]
"""

# Each paragraph of the hostile text (blank lines between them). Syntax meant to act at a line start
# is both a paragraph's first line and a later line of one paragraph.
PARAGRAPHS = [
    f"A script {SCRIPT} in the text.",
    "A bare image <img src=x onerror=alert(1)> that is an expansion, so glossed.",
    "*[X]: y",
    "[TOC]",
    '{: onclick="x"}',
    '--8<-- "/etc/passwd"',
    "[a](javascript:alert(1)) and <a href=\"javascript:alert(1)\">b</a>",
    "<!-- a comment --> still text",
    "# not a heading",
    "1. not a list",
    "- not a bullet",
    "| a | b |\n|---|---|\n| c | d |",
    "$x^2$ and $$\\int y$$ and \\(z\\)",
    "Lines that would be Markdown at a line start:\n# not a heading\n    four-space indented code\n1. not a list\n- not a bullet\n"
    '*[X]: y\n[TOC]\n--8<-- "/etc/passwd"\n| a | b |\n|---|---|\n<!-- -->\n{: onclick="x"}',
    'C++{: onclick="x"} and word{: .evil #id onclick="x" } and **bold** _under_ `code` ~~del~~ ==mark== ^sup^',
    "C++ and C+ and CC and C+++ are different.",
    "The U.S. and the U.S.S.R. and USA and UaSb.",
    "Mutual assured destruction (MAD) is not MAD or (MAD or MAD).",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"
QUOTED = f"Quoted {IMG} words."
OTHER = f"The other text.\n\n{QUOTED}\n"

META = f"""\
title: '{BOTH} "quoted" & more'
source: '{IMG}'
author: '{SCRIPT}'
date: 2018-03
date_note: '{IMG}'
kind: news report
headnote: A headnote in *Markdown*.
"""
OTHER_META = f"""\
title: Other
source: Press
date: 2019
kind: commentary
headnote: Another text.
passages:
  - paragraph: 2
    role: quotation
    source: script
    at: '{SCRIPT}'
"""
SOURCES = f"""\
- id: script
  authors: ['{IMG}']
  title: '{SCRIPT}'
  outlet: '{SHORT.replace("'", "''")}'
  date: '1985'
  url: 'https://example.org/?a=1&b=2'
  note: '{IMG}'
  kind: reference
"""
NOTES = f"""\
- text: hostile
  quote: '{SCRIPT}'
  kind: context
  note: The note's quotation is the text's own script tag.
"""
CROSSLINKS = f"""\
- label: '{IMG} & "label"'
  from: {{text: hostile, quote: C++ and C+ and CC}}
  to: {{text: other, quote: The other text.}}
"""

# Every string from seeds/ that would be markup if it were not escaped: none may appear raw in a page.
RAW = [SCRIPT, "<img src=x", "<a href=\"javascript", "<!-- a comment", "<!-- -->"]


@dataclass(frozen=True)
class Site:
    seeds: Path
    site: Path
    stdout: str


def write_hostile_seeds(root: Path) -> Path:
    """The hostile edition's seeds/ in root (also built by the HTML validity test)."""
    return write_seeds(
        root,
        texts={"hostile": TEXT, "other": OTHER},
        glossary=GLOSSARY,
        notes=NOTES,
        crosslinks=CROSSLINKS,
        metadata={"hostile": META, "other": OTHER_META},
        edition=EDITION,
        sources=SOURCES,
    )


def build_hosted(seeds: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """`python -m tools build --no-offline` into out/docs and out/build."""
    command = [sys.executable, "-m", "tools", "--seeds", str(seeds), "--docs", str(out / "docs"), "--build", str(out / "build"), "build", "--no-offline"]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The hostile edition, checked and built once (hosted site only)."""
    out = tmp_path_factory.mktemp("hostile")
    seeds = write_hostile_seeds(out)
    result = build_hosted(seeds, out)
    assert result.returncode == 0, f"the hostile edition did not build:\n{result.stdout}\n{result.stderr}"
    return Site(seeds, out / "build" / "site", result.stdout + result.stderr)


def page(site: Site, path: str) -> tuple[str, Element]:
    raw = (site.site / path).read_text(encoding="utf-8")
    return raw, parse_html(raw)


def article(root: Element) -> Element:
    found = root.find_all("article")
    assert len(found) == 1, "a page should have one <article>"
    return found[0]


def is_marker(element: Element) -> bool:
    return bool(element.classes & {"pnum", "note-ref"})


# --- Refused by design: raw HTML where the edition takes Markdown or plain text -----------------


def test_raw_html_in_definition_short_note_and_headnote_is_an_exact_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    glossary = f"""\
- term: ABM
  kind: weapon system
  short: '{SCRIPT}'
  definition: '{IMG} and [a](javascript:alert(1))'
  references: [{{source: abm-treaty}}]
"""
    notes = f"- text: one\n  quote: ABM\n  kind: context\n  note: '{SCRIPT}'\n"
    meta = TEXT_META.replace("headnote: A text for tests.", f"headnote: '{SCRIPT} {IMG}'")
    seeds = write_seeds(tmp_path, texts={"one": "The ABM.\n"}, glossary=glossary, notes=notes, metadata={"one": meta})
    # Each at its field's line and column (issue 12: they were all at the record's first line).
    assert problem_lines(seeds.relative_to(tmp_path)) == [
        "seeds/glossary.yml:3:10: error: the short definition of 'ABM' contains raw HTML; it must be plain text [raw-html]",
        "seeds/glossary.yml:4:15: error: the definition of 'ABM' contains raw HTML '<img src=x onerror=alert(1)>'; "
        "write Markdown instead (*emphasis*, [text](https://...)) [raw-html]",
        "seeds/glossary.yml:4:15: error: the definition of 'ABM' links to 'javascript:alert(1)' with the scheme 'javascript:'; "
        "only http, https and mailto addresses and '#anchors' are allowed [unsafe-link]",
        "seeds/notes.yml:4:9: error: this note contains raw HTML '<script>'; write Markdown instead (*emphasis*, [text](https://...)) [raw-html]",
        "seeds/texts/one.yml:5:11: error: the headnote contains raw HTML '<script>'; write Markdown instead (*emphasis*, [text](https://...)) [raw-html]",
    ]


def test_the_hostile_edition_passes_check_with_no_problem(hostile: Site) -> None:
    """Everything in the hostile edition is accepted: it must all be shown as text."""
    assert problem_lines(hostile.seeds) == []
    assert "warning" not in hostile.stdout


# --- Accepted, so shown as text: texts, titles, sources, labels, expansions, references --------


def test_no_page_contains_seed_markup_unescaped(hostile: Site) -> None:
    pages = sorted(hostile.site.rglob("*.html"))
    assert len(pages) >= 6
    for file in pages:
        raw = file.read_text(encoding="utf-8")
        for markup in RAW:
            assert markup.lower() not in raw.lower(), f"{file.relative_to(hostile.site)} contains {markup!r} unescaped"
        root = parse_html(raw)
        for element in root.iter():
            events = [name for name in element.attrs if name.lower().startswith("on")]
            assert not events, f"{file.relative_to(hostile.site)}: <{element.tag}> has event handler attributes {events}"
            assert not (element.tag == "img" and element.attrs.get("src") == "x"), f"{file.relative_to(hostile.site)}: an <img src=x> element"
            for name in ("href", "src", "action"):
                value = element.attrs.get(name, "").strip().lower()
                assert not value.startswith("javascript:"), f"{file.relative_to(hostile.site)}: {name}={value!r}"
        # JSON-LD is a data block, never run: it may hold the seeds' words, as JSON with no markup character.
        data = [e for e in root.find_all("script") if e.attrs.get("type") == "application/ld+json"]
        assert all("<" not in e.text() and json.loads(e.text()) for e in data), f"{file.relative_to(hostile.site)}: JSON-LD holds markup"
        scripts = [e for e in root.find_all("script") if "alert" in e.text() and e not in data]
        assert not scripts, f"{file.relative_to(hostile.site)}: a <script> element runs seed code"


def test_the_search_index_is_data_only(hostile: Site) -> None:
    """The search index holds seed text verbatim, as JSON strings (search.js sets it as text, never as
    HTML): each of its files is one call with JSON arguments, whatever the seeds hold."""
    files = sorted((hostile.site / "search").glob("*.js"))
    assert files
    call = re.compile(r"editionSearch\.(index|shard|content)\((.*)\);\n", re.S)
    for file in files:
        found = call.fullmatch(file.read_text(encoding="utf-8"))
        assert found, f"{file.name} is not one editionSearch call"
        json.loads(f"[{found.group(2)}]")
    assert any("<script>alert(1)</script>" in file.read_text(encoding="utf-8") for file in files)


def test_every_paragraph_shows_its_source_words_and_nothing_else(hostile: Site) -> None:
    _, root = page(hostile, "texts/hostile/index.html")
    paragraphs = [p for p in article(root).find_all("p") if "para" in p.classes]
    assert [p.attrs["id"] for p in paragraphs] == [f"p{n}" for n in range(1, len(PARAGRAPHS) + 1)]
    for number, (element, source) in enumerate(zip(paragraphs, PARAGRAPHS, strict=True), start=1):
        assert squash(element.text(skip=is_marker)) == squash(source), f"¶{number} is not shown as written"
        inside = [e for e in element.iter() if e is not element]
        tags = {(e.tag, frozenset(e.classes)) for e in inside}
        allowed = {("a", frozenset({"pnum"})), ("a", frozenset({"gloss"})), ("a", frozenset({"note-ref", "note-ref--context"}))}
        assert tags <= allowed, f"¶{number} holds markup made from its words: {tags - allowed}"
        for e in inside:
            assert set(e.attrs) <= {"class", "href", "aria-label", "aria-describedby", "id", "data-note"}, f"¶{number}: <{e.tag} {e.attrs}>"
    body = article(root)
    for tag in ("h2", "h3", "h4", "ol", "ul", "pre", "code", "table", "img", "abbr", "math", "script", "strong", "em", "del", "mark", "sup"):
        made = [e for e in body.find_all(tag) if any("para" in a.classes for a in _ancestors(e))]
        assert not made, f"the text's words became <{tag}>"
    assert not any(e.attrs.get("id") == "id" for e in root.iter()), "an attribute list in the text set an id"


def _ancestors(element: Element) -> Iterator[Element]:
    node = element.parent
    while node is not None:
        yield node
        node = node.parent


def test_markdown_only_in_the_text_does_not_change_the_page_structure(hostile: Site) -> None:
    """[TOC] stays text (no table of contents inserted); '# ' makes no heading; the comment is shown."""
    raw, root = page(hostile, "texts/hostile/index.html")
    headings = [squash(h.text()) for h in article(root).find_all() if re.fullmatch(r"h[1-6]", h.tag)]
    assert not any("not a heading" in h for h in headings), headings
    assert len(article(root).find_all("div", "toc")) == 0
    assert '<a class="pnum" href="#p8" aria-label="Paragraph 8">8</a> &lt;!-- a comment --&gt; still text</p>' in raw


def glosses(paragraph: Element) -> list[tuple[str, str]]:
    return [(e.text(), e.attrs["href"].rsplit("#", 1)[1]) for e in paragraph.find_all("a", "gloss")]


def test_terms_with_punctuation_match_literally(hostile: Site) -> None:
    _, root = page(hostile, "texts/hostile/index.html")
    p = {e.attrs["id"]: e for e in article(root).find_all("p") if "para" in e.classes}
    n = PARAGRAPHS.index
    # "C++" is no regular expression: neither "CC" nor "C+" is it; "C+++" is not the word "C++" either.
    assert glosses(p[f"p{n('C++ and C+ and CC and C+++ are different.') + 1}"]) == [("C++", "c")]
    # "U.S." is not "U.S.S.R." (the word goes on) nor "UaSb" (dots are dots).
    assert glosses(p[f"p{n('The U.S. and the U.S.S.R. and USA and UaSb.') + 1}"]) == [("U.S.", "u-s")]
    # "(MAD)" needs its brackets.
    assert glosses(p[f"p{n('Mutual assured destruction (MAD) is not MAD or (MAD or MAD).') + 1}"]) == [("(MAD)", "mad")]
    # A term right before attribute-list syntax is glossed and gets no attribute from it.
    first = p[f"p{n(PARAGRAPHS[14]) + 1}"]
    assert glosses(first) == [("C++", "c")]
    assert not any("onclick" in e.attrs for e in first.iter())
    # The expansion made of markup is found in the text and glossed as the text it is.
    assert glosses(p["p2"]) == [(IMG, "xss")]


def test_the_short_definition_is_shown_exactly_in_its_tooltip(hostile: Site) -> None:
    """The tooltip texts are data in assets/glossary-data.js (shown with textContent), exactly as typed."""
    script = (hostile.site / "assets" / "glossary-data.js").read_text(encoding="utf-8")
    assert "<" not in script, "markup in a definition should be escaped in the script, so nothing can end it"
    data = json.loads(script.removeprefix("window.EDITION_GLOSSARY = ").rstrip().removesuffix(";"))
    assert data["c"] == {"t": "C++", "x": "", "s": SHORT}
    assert data["xss"] == {"t": "XSS", "x": IMG, "s": "Markup that runs where it should be text."}


def test_titles_sources_labels_and_references_are_shown_as_text(hostile: Site) -> None:
    _, root = page(hostile, "texts/hostile/index.html")
    title = f'{BOTH} "quoted" & more'
    assert squash(article(root).find_all("h1")[0].text(skip=lambda e: "headerlink" in e.classes)) == title
    assert squash(root.find_all("title")[0].text()).startswith(title)
    nav_titles = [squash(e.text()) for e in root.find_all("a") if "md-nav__link" in e.classes]
    assert title in nav_titles, "the navigation should show the title as text"
    meta = squash(article(root).find_all("dl", "text-meta")[0].text())
    for shown in (f"Source {IMG}", f"Author {SCRIPT}", f"March 2018 ({IMG})"):
        assert shown in meta, f"the text's metadata should show {shown!r}: {meta!r}"
    note_quote = article(root).find_all("q", "note-quote")
    assert [q.text() for q in note_quote] == [SCRIPT]
    crosslink = squash(article(root).find_all("details", "side-links")[0].text())
    assert f'{IMG} & "label"' in crosslink
    site_name = root.find_all("title")[0].text()
    assert f"Hostile {BOTH} edition" in site_name

    _, other = page(hostile, "texts/other/index.html")
    assert squash(other.find_all("figcaption")[0].text()) == f"Quoted from {IMG}, {SCRIPT}, {SHORT}, 1985, {SCRIPT}"

    _, glossary = page(hostile, "glossary/index.html")
    text = squash(article(glossary).text())
    assert f"{IMG}, {SCRIPT}, {SHORT}, 1985, {IMG}" in text, "the reference should be shown as text"

    _, bibliography = page(hostile, "bibliography/index.html")
    entry = squash(article(bibliography).text())
    assert f"{IMG}, {SCRIPT}, {SHORT}, 1985. https://example.org/?a=1&b=2 {IMG}." in entry, "the bibliography entry should be shown as text"
    (link,) = [a for a in article(bibliography).find_all("a") if "ref-link" in a.classes]
    assert link.attrs == {"class": "ref-link", "href": "https://example.org/?a=1&b=2"}
    assert f"1985: {IMG}" in text, "the event label should be shown as text"
    assert f"XSS¶ concept {IMG} XSS: Markup" in text, "the expansion should be shown as text"

    _, timeline = page(hostile, "timeline/index.html")
    assert IMG in squash(article(timeline).text())


# --- In a browser: nothing runs ------------------------------------------------------------------


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_chromium_runs_no_seed_script_and_shows_the_tooltip_exactly(hostile: Site, browser: Browser) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(hostile.site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    dialogs: list[str] = []
    errors: list[str] = []
    try:
        with browser.new_context() as context:
            tab = context.new_page()
            tab.on("dialog", lambda dialog: (dialogs.append(f"{dialog.type}: {dialog.message}"), dialog.dismiss()))
            tab.on("pageerror", lambda error: errors.append(str(error)))
            base = f"http://127.0.0.1:{server.server_port}/"
            for path in ("", "texts/hostile/", "texts/other/", "glossary/", "timeline/", "term-map/"):
                tab.goto(base + path, wait_until="load")
                tab.wait_for_timeout(150)
            tab.goto(base + "texts/hostile/", wait_until="load")
            gloss = tab.locator("a.gloss", has_text="C++").first
            gloss.focus()
            tip = tab.locator("#tip-c")
            tip.wait_for(state="visible", timeout=5000)
            shown = tip.locator(".tip-text").text_content()
            # Material renders search results as HTML: search for the markup's words.
            tab.keyboard.press("/")
            tab.keyboard.type("onerror", delay=20)
            tab.locator(".md-search-result__item").first.wait_for(timeout=8000)
            tab.wait_for_timeout(300)
            results = tab.locator(".md-search-result__item").count()
            images = tab.locator('img[src="x"]').count()
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert not dialogs, f"seed markup ran as script: {dialogs}"
    assert results >= 3, "searching 'onerror' should list the pages that show the markup"
    assert images == 0, "seed markup became an <img src=x> element"
    assert shown == f"Glossary term. C++: {SHORT}", f"the tooltip shows {shown!r}"
    assert not errors, f"pages raised errors: {errors}"
