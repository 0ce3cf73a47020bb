"""Shared fixtures: small editions written into a temporary seeds/ folder."""
from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from playwright.sync_api import Browser, Playwright, sync_playwright

from tools.site import chromium

ROOT = Path(__file__).resolve().parent.parent
pytest_plugins = ["tests.browser_fixtures"]

EDITION = """\
title: Test Edition
slug: test-edition
introduction: An edition for tests.
principles: Texts are reproduced verbatim.
"""

GLOSSARY = """\
- term: ABM
  expansion: anti-ballistic missile
  kind: weapon system
  short: A missile that intercepts ballistic missiles.
  definition: An *interceptor*.
  aliases: [Anti Ballistic Missile]
  references:
    - source: abm-treaty
      at: Article I
- term: ABM Treaty
  kind: treaty
  short: The 1972 treaty limiting ABM systems.
  definition: A treaty.
  related: [ABM]
  references:
    - source: abm-treaty
      at: Article I
"""

SOURCES = """\
- id: abm-treaty
  authors: none
  title: Treaty on the Limitation of Anti-Ballistic Missile Systems
  outlet: United States and Soviet Union
  date: 1972-05-26
  kind: primary
"""

TEXT_META = """\
title: A text
source: Test Press
date: 2018-03
kind: news report
headnote: A text for tests.
"""


def write_seeds(
    root: Path,
    texts: dict[str, str] | None = None,
    glossary: str = GLOSSARY,
    notes: str | None = None,
    crosslinks: str | None = None,
    metadata: dict[str, str] | None = None,
    edition: str = EDITION,
    sources: str | None = SOURCES,
) -> Path:
    """A seeds/ folder with the given files; texts get TEXT_META unless metadata says otherwise."""
    seeds = root / "seeds"
    (seeds / "texts").mkdir(parents=True, exist_ok=True)
    (seeds / "edition.yml").write_text(edition, encoding="utf-8")
    (seeds / "glossary.yml").write_text(glossary, encoding="utf-8")
    if sources is not None:
        (seeds / "sources.yml").write_text(textwrap.dedent(sources), encoding="utf-8")
    if notes is not None:
        (seeds / "notes.yml").write_text(textwrap.dedent(notes), encoding="utf-8")
    if crosslinks is not None:
        (seeds / "crosslinks.yml").write_text(textwrap.dedent(crosslinks), encoding="utf-8")
    texts = texts if texts is not None else {"one": "The ABM Treaty limited ABMs.\n\nA second paragraph on ABM.\n"}
    metadata = metadata if metadata is not None else dict.fromkeys(texts, TEXT_META)
    for slug, body in texts.items():
        (seeds / "texts" / f"{slug}.txt").write_text(body, encoding="utf-8")
    for slug, meta in metadata.items():
        (seeds / "texts" / f"{slug}.yml").write_text(meta, encoding="utf-8")
    return seeds


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A minimal valid edition in tmp_path/seeds, with tmp_path as the working directory."""
    monkeypatch.chdir(tmp_path)
    return write_seeds(tmp_path)


# --- Helpers shared by the generator, page and site tests -------------------------------------

VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass
class Element:
    """One element of a parsed HTML page: enough of a DOM to find elements and read their text."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Element]:
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [e for e in self.iter() if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)]

    def by_id(self, anchor: str) -> Element | None:
        return next((e for e in self.iter() if e.attrs.get("id") == anchor), None)

    def text(self, skip: Callable[[Element], bool] = lambda e: False) -> str:
        """The text inside, leaving out elements for which skip() is true."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif not skip(child):
                parts.append(child.text(skip))
        return "".join(parts)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(element)
        if tag not in VOID_TAGS:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, parent=self.current))

    def handle_endtag(self, tag: str) -> None:
        open_element: Element | None = self.current
        while open_element is not None and open_element.tag != tag:
            open_element = open_element.parent
        if open_element is not None and open_element.parent is not None:
            self.current = open_element.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse_html(html: str) -> Element:
    """A page as a tree of Elements (stdlib html.parser; character references decoded)."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def squash(text: str) -> str:
    """Whitespace (no-break spaces included) collapsed to single spaces, ends stripped."""
    return " ".join(text.replace("\u00a0", " ").split())


def problem_lines(seeds: Path) -> list[str]:
    """Every problem `check` reports for a seeds/ folder, formatted as printed."""
    from tools.pipeline import check

    return [p.format() for p in check(seeds).problems]


def error_lines(seeds: Path) -> list[str]:
    """The errors among problem_lines(seeds)."""
    return [line for line in problem_lines(seeds) if ": error: " in line]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path as the working directory, so messages name seeds/... paths."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def mkdocs_extensions() -> list[object]:
    """The Markdown extensions (with their settings) that mkdocs.yml gives MkDocs."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    extensions: list[object] = []
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            ((name, options),) = item.items()
            extensions.append(_configured(name, options or {}))
        else:
            extensions.append(item)
    return extensions


def _configured(name: str, options: dict[str, object]) -> markdown.Extension:
    md = markdown.Markdown()
    return md.build_extension(name, options)


def render_page(text: str, extra: tuple[str, ...] = ()) -> str:
    """A generated page's Markdown as HTML, the way MkDocs renders it (front matter removed)."""
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    return markdown.Markdown(extensions=[*mkdocs_extensions(), *extra]).convert(text)


# One Playwright driver and one Chromium per session, shared by every test that drives a browser:
# Playwright's sync API cannot start a second driver while one is running in the same process.
@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """Playwright's driver, started once."""
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """One headless Chromium for the whole session; no Chromium is a failure, never a skip."""
    try:
        executable = chromium.ensure()
    except SystemExit as exc:
        pytest.fail(str(exc), pytrace=False)
    launched = playwright.chromium.launch(executable_path=executable)
    yield launched
    launched.close()


@pytest.fixture(params=["hosted", "offline"])
def variant(request: pytest.FixtureRequest, built: Any) -> tuple[bool, Path]:
    """(offline?, site root) for the hosted site and the unzipped offline copy of the module's `built`
    edition (test_build.py's Built)."""
    if request.param == "offline":
        return True, built.offline
    return False, built.site
