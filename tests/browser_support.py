"""Helpers for the browser tests: build an edition, serve or unzip it, and watch what its pages do."""
from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urlparse

import yaml
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Dialog, Locator, Page, expect

from tools.site.localhost import serve_folder

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SCREENSHOTS = ROOT / "build" / "screenshots"
MODES = ("hosted", "offline")
LOCAL_SCHEMES = ("data:", "blob:", "about:")


@dataclass(frozen=True)
class Built:
    """One built edition: the hosted site folder and the unzipped offline bundle."""

    site: Path
    offline: Path
    slug: str


def run_build(seeds: Path, out: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m tools build` from seeds into out/docs and out/build; env by default this environment
    without SITE_URL (the site's address unknown, as the tests expect unless they set it)."""
    command = [sys.executable, "-m", "tools", "--seeds", str(seeds), "--docs", str(out / "docs"), "--build", str(out / "build"), "build"]
    env = env if env is not None else {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)


def build_edition(seeds: Path, out: Path, env: dict[str, str] | None = None) -> Built:
    """Build seeds into out/ with the project's CLI (env: as run_build), check the zip and unzip it into
    out/offline; fail loudly on any problem."""
    result = run_build(seeds, out, env)
    assert result.returncode == 0, f"building {seeds} failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
    slug = yaml.safe_load((seeds / "edition.yml").read_text(encoding="utf-8"))["slug"]
    site, archive = out / "build" / "site", out / "build" / f"{slug}-offline.zip"
    assert (site / "index.html").is_file(), f"the build printed success but wrote no {site}/index.html"
    assert archive.is_file(), f"the build wrote no offline zip at {archive}:\n{result.stdout}"
    with zipfile.ZipFile(archive) as bundle:
        tops = {name.split("/", 1)[0] for name in bundle.namelist()}
        assert tops == {slug}, f"the zip should hold one top folder {slug}/, not {sorted(tops)}"
        bundle.extractall(out / "offline")
    assert (out / "offline" / slug / "index.html").is_file(), f"the zip has no {slug}/index.html"
    return Built(site, out / "offline" / slug, slug)


@dataclass(frozen=True)
class Site:
    """A built site in one mode: hosted (over HTTP, directory URLs) or offline (file://, .html URLs)."""

    mode: str
    root: Path
    base: str

    def url(self, page: str) -> str:
        """The URL of a page named by its hosted path: "" (home), "glossary/", "texts/<slug>/", "glossary/#mad"."""
        path, mark, fragment = page.partition("#")
        if self.mode == "offline":
            path = path.rstrip("/") + ".html" if path else "index.html"
        return self.base + path + mark + fragment

    def page_url(self, file: Path) -> str:
        """The URL a reader uses for one HTML file of the site."""
        relative = file.relative_to(self.root).as_posix()
        if self.mode == "hosted":
            return self.base + relative.removesuffix("index.html")
        return file.as_uri()

    def reader_pages(self) -> list[Path]:
        """Every HTML page the build wrote that a reader can reach."""
        return sorted(self.root.rglob("*.html"))

    def is_internal(self, url: str) -> bool:
        """True for a URL inside this site."""
        return url.startswith(self.base)

    def stays_local(self, url: str) -> bool:
        """True for a request that may be made: to this site, or data:/blob:/about: that need no network."""
        return self.is_internal(url) or url.startswith(LOCAL_SCHEMES)

    def target_exists(self, url: str, context: BrowserContext) -> bool:
        """Whether an internal link's target (without its fragment) exists: HTTP 200, or a file on disk."""
        target = urldefrag(url).url
        if self.mode == "hosted":
            return context.request.get(target).status == 200
        return Path(unquote(urlparse(target).path)).is_file()


@contextlib.contextmanager
def open_site(built: Built, mode: str) -> Iterator[Site]:
    """The built edition in one mode: hosted by a local HTTP server, or the unzipped bundle over file://."""
    if mode == "hosted":
        with serve_folder(built.site) as base:
            yield Site(mode, built.site, base)
    else:
        yield Site(mode, built.offline, built.offline.as_uri() + "/")


def text_slugs(seeds: Path) -> list[str]:
    """The texts' slugs, from seeds/texts/*.txt."""
    return sorted(p.stem for p in (seeds / "texts").glob("*.txt"))


def glossary_shorts(seeds: Path) -> dict[str, str]:
    """Each glossary term's short definition, from seeds/glossary.yml."""
    entries = yaml.safe_load((seeds / "glossary.yml").read_text(encoding="utf-8"))
    return {entry["term"]: entry["short"] for entry in entries}


def squash(text: str) -> str:
    """Text with runs of whitespace made one space, for comparing what a page shows."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Watch:
    """Everything a browser context requested, logged as an error, or tried to show as a dialog."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @classmethod
    def attach(cls, context: BrowserContext) -> Watch:
        """Start watching a context (all its pages, frames and workers)."""
        watch = cls()
        context.on("request", lambda request: watch.requests.append(request.url))
        context.on("console", watch._console)
        context.on("weberror", lambda error: watch.errors.append(f"uncaught: {error.error}"))
        context.on("dialog", watch._dialog)
        return watch

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console error at {message.location.get('url', '?')}: {message.text}")

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def problems(self, site: Site) -> list[str]:
        """What went wrong: requests leaving the site, console errors, uncaught exceptions, dialogs."""
        leaving = [f"request leaves the {site.mode} site: {url}" for url in self.requests if not site.stays_local(url)]
        return leaving + self.errors + [f"dialog shown: {d}" for d in self.dialogs]


@dataclass
class Browse:
    """Opens pages in fresh, watched browser contexts and closes them at the end of a test."""

    browser: Browser
    opened: list[tuple[BrowserContext, Watch, Site]] = field(default_factory=list)

    def new_tab(self, site: Site, **options: Any) -> Page:
        """A blank page in a new watched context, 1280x800 unless options say otherwise."""
        options.setdefault("viewport", {"width": 1280, "height": 800})
        context = self.browser.new_context(**options)
        self.opened.append((context, Watch.attach(context), site))
        return context.new_page()

    def open(self, site: Site, page: str, **options: Any) -> Page:
        """A new watched context with a page of the site loaded (see Site.url for page names)."""
        tab = self.new_tab(site, **options)
        tab.goto(site.url(page))
        return tab

    def watch(self, tab: Page) -> Watch:
        """The watch on the context a page belongs to."""
        return next(watch for context, watch, _ in self.opened if context == tab.context)

    def close(self) -> list[str]:
        """Close every context; returns the problems any of them saw."""
        problems = []
        for context, watch, site in self.opened:
            context.close()
            problems += watch.problems(site)
        self.opened.clear()
        return problems


def tip_of(tab: Page, trigger: Locator) -> Locator:
    """The tooltip holding the text a trigger's aria-describedby names."""
    tip_id = trigger.get_attribute("aria-describedby")
    assert tip_id, f"{trigger} has no aria-describedby"
    return tab.locator(f'[id="{tip_id}"]').locator("xpath=ancestor-or-self::*[@role='tooltip'][1]")


def text_without_markers(paragraph: Locator) -> str:
    """A paragraph's words without its number and note markers, whitespace squashed."""
    text = paragraph.evaluate(
        "p => { const c = p.cloneNode(true); c.querySelectorAll('.pnum, .note-ref, .popin').forEach(e => e.remove()); return c.textContent; }"
    )
    return squash(text)


SEARCH_STATUS = ".edition-search .md-search-result__meta"


def search(tab: Page, query: str) -> tuple[str, list[str]]:
    """Press / and type query into the edition's search as a reader would; once the announced status
    gives the outcome, that status and the results' URLs in the order listed, without ?h=."""
    tab.keyboard.press("/")
    expect(tab.locator("input.md-search__input")).to_be_focused()
    tab.keyboard.type(query, delay=20)
    status = tab.locator(SEARCH_STATUS)
    expect(status).to_have_text(re.compile(r"^(No results|\d[\d,]* results? on )"), timeout=8000)
    hrefs = tab.locator(".edition-search .md-search-result__list a").evaluate_all("links => links.map(a => a.href)")
    return status.inner_text(), [re.sub(r"\?h=[^#]*", "", href) for href in hrefs]


def crawl(browse: Browse, site: Site, files: list[Path]) -> list[str]:
    """Visit each file's page; every internal link must reach an existing file and an existing id."""
    tab = browse.new_tab(site)
    ids: dict[str, set[str]] = {}
    links: dict[str, list[str]] = {}
    for file in files:
        url = site.page_url(file)
        tab.goto(url)
        ids[url] = set(tab.locator("[id]").evaluate_all("elements => elements.map(e => e.id)"))
        links[url] = tab.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
    problems: list[str] = []
    exists: dict[str, bool] = {}
    for page, hrefs in links.items():
        for href in hrefs:
            if href.startswith(("http:", "https:", "mailto:")) and not site.is_internal(href):
                continue
            target, fragment = urldefrag(href)
            if not site.is_internal(href):
                problems.append(f"{page}: link outside the site {href}")
                continue
            if target not in exists:
                exists[target] = site.target_exists(target, tab.context)
            if not exists[target]:
                problems.append(f"{page}: link to a missing file {href}")
            elif fragment and unquote(fragment) not in ids.get(target, set()):
                problems.append(f"{page}: link to a missing id {href}")
    return problems
