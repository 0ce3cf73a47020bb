"""Each edition the tests know (this repository's seeds/ and the small editions in tests/editions/),
built once: every text intact on its page, glosses, working anchors, nothing loaded from another host,
in the hosted site and in the offline zip alike. Nothing here depends on an edition's content: checks
of this edition's own texts and terms are in tests/test_edition_content.py."""
from __future__ import annotations

import json
import os
import re
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT, Element, parse_html, squash

from tests.browser_support import build_edition
from tools.model import Edition, Text
from tools.source.load import load_edition

SEEDS = ROOT / "seeds"
# The editions every generic check runs on: this one, and one unlike it (Russian interface, its own
# kinds, Cyrillic terms and file names, a text in German).
EDITIONS = {"main": SEEDS, "ru-poems": ROOT / "tests" / "editions" / "ru-poems" / "seeds"}
# Inside a text's paragraph, these are the editors' insertions; everything else is the text itself.
EDITORIAL = {"pnum", "note-ref"}


@dataclass(frozen=True)
class Built:
    edition: Edition
    site: Path
    offline: Path
    zip_path: Path

    def text_page(self, text: Text, offline: bool = False) -> Path:
        if offline:
            return self.offline / "texts" / f"{text.slug}.html"
        return self.site / "texts" / text.slug / "index.html"

    def glossary_page(self, offline: bool = False) -> Path:
        if offline:
            return self.offline / "glossary.html"
        return self.site / "glossary" / "index.html"


@pytest.fixture(scope="module", params=list(EDITIONS))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """An edition built once per module (see build_once)."""
    return build_once(request.param, tmp_path_factory)


_BUILT: dict[str, Built] = {}


def build_once(name: str, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """python -m tools build on an edition's seeds, into a temporary docs/ and build/; the zip unpacked
    beside it. Each edition is built once per session, whichever test module asks first."""
    if name not in _BUILT:
        _BUILT[name] = _build(EDITIONS[name], tmp_path_factory.mktemp(f"edition-{name}"))
    return _BUILT[name]


def _build(seeds: Path, tmp: Path) -> Built:
    built = build_edition(seeds, tmp)
    edition, _ = load_edition(seeds)
    return Built(edition, built.site, built.offline, tmp / "build" / f"{built.slug}-offline.zip")


@cache
def page(path: Path) -> Element:
    return parse_html(path.read_text(encoding="utf-8"))


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def resolve(root: Path, source: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link leads to; None for another host, mailto: and the like."""
    url = urlsplit(href)
    if url.scheme or url.netloc:
        return None
    if not url.path:
        return source, url.fragment
    relative = PurePosixPath(source.relative_to(root).parent.as_posix(), unquote(url.path))
    target = root / os.path.normpath(str(relative))
    return target, url.fragment


def served(target: tuple[Path, str] | None) -> tuple[Path, str] | None:
    """What a web server sends for a link: a folder's index.html."""
    if target is not None and target[0].is_dir():
        return target[0] / "index.html", target[1]
    return target


def content(path: Path) -> Element:
    """The page's own content (Material's article), without the site navigation around it."""
    (article,) = page(path).find_all("article")
    return article


def ids(path: Path) -> set[str]:
    return {e.attrs["id"] for e in page(path).iter() if "id" in e.attrs}


# --- pages ---------------------------------------------------------------------------------------


def test_every_text_has_a_page(built: Built, variant: tuple[bool, Path]) -> None:
    offline, _ = variant
    assert built.edition.texts
    missing = [t.slug for t in built.edition.texts if not built.text_page(t, offline).is_file()]
    assert missing == []
    assert built.glossary_page(offline).is_file()


def test_offline_zip_is_one_folder_named_after_the_edition(built: Built) -> None:
    with zipfile.ZipFile(built.zip_path) as archive:
        tops = {name.split("/", 1)[0] for name in archive.namelist()}
    assert tops == {built.edition.settings.slug}


# --- the texts themselves ------------------------------------------------------------------------


def words_on_page(body: Element, number: int) -> str:
    para = body.by_id(f"p{number}")
    assert para is not None, f"no element with id p{number}"
    return squash(para.text(skip=lambda e: bool(EDITORIAL & e.classes)))


def test_texts_are_reproduced_exactly(built: Built, variant: tuple[bool, Path]) -> None:
    """Paragraph by paragraph (headline, standfirst and quotations included), the page's words are the seed's."""
    offline, _ = variant
    for text in built.edition.texts:
        body = page(built.text_page(text, offline))
        anchors = sorted((e.attrs["id"] for e in body.iter() if re.fullmatch(r"p\d+", e.attrs.get("id", ""))), key=lambda a: int(a[1:]))
        assert anchors == [p.anchor for p in text.paragraphs]
        for paragraph in text.paragraphs:
            assert words_on_page(body, paragraph.number) == squash(paragraph.text), f"{text.slug} ¶{paragraph.number}"


def test_pages_carry_the_editions_language_and_a_texts_own(built: Built, variant: tuple[bool, Path]) -> None:
    """<html lang> is the edition's language; a text in another language marks its title and paragraphs."""
    offline, root = variant
    language = built.edition.settings.language
    for path in html_files(root):
        assert page(path).find_all("html")[0].attrs.get("lang") == language, path
    for text in built.edition.texts:
        body = content(built.text_page(text, offline))
        own = text.language if text.language and text.language != language else None
        paragraphs = [body.by_id(p.anchor) for p in text.paragraphs]
        assert {p.attrs.get("lang") for p in paragraphs if p is not None} == {own}
        assert body.find_all("h1")[0].attrs.get("lang") == own


def paragraph_roles(built: Built) -> int:
    """How many paragraphs with a role the edition has; each is checked to be marked as such."""
    """Quotations sit in a figure with their attribution; headlines and standfirsts are marked as such."""
    checked = 0
    for text in built.edition.texts:
        body = page(built.text_page(text))
        for paragraph in text.paragraphs:
            element = body.by_id(paragraph.anchor)
            assert element is not None
            if paragraph.role == "quotation":
                figure = element.parent.parent if element.parent is not None else None
                assert figure is not None and figure.tag == "figure" and "quotation" in figure.classes
                (caption,) = figure.find_all("figcaption")
                assert paragraph.citation is not None
                source = built.edition.source(paragraph.citation.source)
                assert source is not None and squash(source.title) in squash(caption.text())
                checked += 1
            elif paragraph.role:
                assert f"para--{paragraph.role}" in element.classes
                checked += 1
    return checked


def test_paragraph_roles_are_marked(built: Built) -> None:
    paragraph_roles(built)


# --- glosses -------------------------------------------------------------------------------------


def test_glosses_show_their_entrys_words_and_lead_to_it(built: Built, variant: tuple[bool, Path]) -> None:
    """Every glossed word is a form of the entry it links to (term, expansion or alias, in any case,
    perhaps plural), and the entry is on the glossary page; every text with an entry's words has glosses."""
    offline, root = variant
    glossary = built.glossary_page(offline)
    forms = {t.id: {fold(p) for p in t.patterns} for t in built.edition.terms}
    glossed = 0
    for text in built.edition.texts:
        path = built.text_page(text, offline)
        for gloss in content(path).find_all("a", "gloss"):
            target = served(resolve(root, path, gloss.attrs["href"]))
            assert target is not None and target[0] == glossary and target[1] in ids(glossary), gloss.attrs["href"]
            shown = fold(gloss.text())
            assert any(shown in (f, f + "s", f + "es") for f in forms[target[1]]), f"{shown!r} is not a form of #{target[1]}"
            glossed += 1
    assert glossed > 0


def fold(words: str) -> str:
    return " ".join(words.replace("-", " ").replace("\u2011", " ").split()).casefold()


def test_every_gloss_has_its_tooltip_text_in_the_shared_script(built: Built) -> None:
    """Tooltip texts are written once, in assets/glossary-data.js, not copied into the pages that gloss a term."""
    script = (built.site / "assets" / "glossary-data.js").read_text(encoding="utf-8")
    data = json.loads(script.removeprefix("window.EDITION_GLOSSARY = ").rstrip().removesuffix(";"))
    shorts = {t.id: t.short for t in built.edition.terms}
    assert {key: value["s"] for key, value in data.items()} == shorts
    for text in built.edition.texts:
        body = page(built.text_page(text))
        glosses = body.find_all("a", "gloss")
        assert glosses
        for gloss in glosses:
            assert gloss.attrs["href"].split("#")[1] in data
        assert not body.find_all(cls="tip"), "a page should carry no copy of the tooltip texts"


# --- links and anchors ---------------------------------------------------------------------------


def test_glossary_appears_in_links_reach_paragraphs(built: Built, variant: tuple[bool, Path]) -> None:
    assert appears_in_links(built, variant) > 0


def appears_in_links(built: Built, variant: tuple[bool, Path]) -> int:
    """Every link from the glossary into a text names a paragraph anchor that exists there."""
    offline, root = variant
    glossary = built.glossary_page(offline)
    text_pages = {built.text_page(t, offline) for t in built.edition.texts}
    checked = 0
    for a in content(glossary).find_all("a"):
        target = served(resolve(root, glossary, a.attrs.get("href", "")))
        if target is None or target[0] not in text_pages:
            continue
        path, fragment = target
        assert re.fullmatch(r"p\d+", fragment), a.attrs["href"]
        assert fragment in ids(path), a.attrs["href"]
        checked += 1
    return checked


def test_crosslinks_reach_paragraphs(built: Built, variant: tuple[bool, Path]) -> None:
    offline, root = variant
    found = 0
    for text in built.edition.texts:
        path = built.text_page(text, offline)
        for a in page(path).find_all("a", "crosslink"):
            target = served(resolve(root, path, a.attrs["href"]))
            assert target is not None
            assert target[0] != path and target[0].is_file(), a.attrs["href"]
            assert re.fullmatch(r"p\d+", target[1]) and target[1] in ids(target[0]), a.attrs["href"]
            found += 1
    assert found == 2 * len(built.edition.crosslinks)


def test_note_sources_reach_the_bibliography(built: Built, variant: tuple[bool, Path]) -> None:
    assert note_sources(built, variant) == sum(len(n.sources) for n in built.edition.notes) > 0


def note_sources(built: Built, variant: tuple[bool, Path]) -> int:
    """Each note lists its sources numbered, each linking to its own entry on the bibliography page;
    returns how many links were checked."""
    offline, root = variant
    bibliography = root / ("bibliography.html" if offline else "bibliography/index.html")
    entries = ids(bibliography)
    checked = 0
    for text in built.edition.texts:
        path = built.text_page(text, offline)
        notes = [e for e in content(path).iter() if "note" in e.classes and e.tag == "li"]
        expected = [n for n in built.edition.notes if n.anchor.text == text.slug]
        assert len(notes) == len(expected)
        for note in notes:
            links = [a for a in note.find_all("a") if "source-link" in a.classes]
            for a in links:
                target = served(resolve(root, path, a.attrs["href"]))
                assert target is not None and target[0] == bibliography, a.attrs["href"]
                assert target[1].startswith("source-") and target[1] in entries, a.attrs["href"]
                assert a.parent is not None and a.parent.tag == "li" and a.parent.parent is not None and a.parent.parent.tag == "ol"
                checked += 1
    return checked


def test_bibliography_lists_every_source_and_links_back(built: Built, variant: tuple[bool, Path]) -> None:
    """Every source has an entry (sorted by author or title) whose "Cited in" links reach notes and entries."""
    offline, root = variant
    bibliography = root / ("bibliography.html" if offline else "bibliography/index.html")
    body = content(bibliography)
    entries = [e for e in body.iter() if "bib-entry" in e.classes]
    assert [e.attrs["id"] for e in entries] == [f"source-{s.id}" for s in sorted(built.edition.sources, key=lambda s: s.sort_key)]
    back = 0
    for entry in entries:
        for a in entry.find_all("a"):
            target = served(resolve(root, bibliography, a.attrs.get("href", "")))
            if target is None:
                continue  # the source's own web address
            if target[1]:
                assert target[1] in ids(target[0]), a.attrs["href"]
            back += 1
    assert back >= len(entries)


def test_every_internal_link_resolves(built: Built, variant: tuple[bool, Path]) -> None:
    assert internal_links(variant) > 0


def internal_links(variant: tuple[bool, Path]) -> int:
    """Any page, any link or anchor into the site: the file exists (a file, offline) and so does the id;
    returns how many links were checked."""
    offline, root = variant
    broken = []
    checked = 0
    for path in html_files(root):
        if path.name == "404.html":
            continue  # served for any missing address, so its links are absolute by design
        for a in page(path).find_all("a"):
            href = a.attrs.get("href")
            target = resolve(root, path, href) if href else None
            if target is None:
                continue
            checked += 1
            file, fragment = target
            if file.is_dir():
                if offline:
                    broken.append(f"{path.relative_to(root)}: {href} is a folder (does not open from disk)")
                    continue
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{path.relative_to(root)}: {href} (no such file)")
            elif fragment and file.suffix == ".html" and fragment not in ids(file):
                broken.append(f"{path.relative_to(root)}: {href} (no id '{fragment}')")
    assert broken == []
    return checked


# --- nothing from another host -------------------------------------------------------------------

REMOTE = re.compile(r"^\s*(?:https?:)?//", re.I)
CSS_REMOTE = re.compile(r"(?:@import\s+(?:url\()?|url\()\s*['\"]?\s*(?:https?:)?//", re.I)
CDNS = re.compile(r"https?://(?:[a-z0-9-]+\.)*(?:googleapis\.com|gstatic\.com|jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|"
                  r"googletagmanager\.com|google-analytics\.com|fontawesome\.com/kit)[^\s\"'`)]*", re.I)
# Material's bundle names two scripts it fetches only when needed: a ResizeObserver polyfill (every
# browser the edition supports has ResizeObserver) and Mermaid (only for pages with diagrams).
KNOWN_CONDITIONAL = {"https://unpkg.com/resize-observer-polyfill", "https://unpkg.com/mermaid@11/dist/mermaid.min.js"}


def test_pages_load_nothing_from_another_host(variant: tuple[bool, Path]) -> None:
    """No script, stylesheet, font, image or frame comes from elsewhere; links to sources are fine."""
    _, root = variant
    remote = []
    for path in html_files(root):
        for e in page(path).iter():
            for name in ("src", "srcset", "data", "poster", "action", "formaction"):
                if REMOTE.match(e.attrs.get(name, "")):
                    remote.append(f"{path.relative_to(root)}: <{e.tag} {name}={e.attrs[name]}>")
            if e.tag == "link" and REMOTE.match(e.attrs.get("href", "")) and not {"canonical", "alternate"} & set(e.attrs.get("rel", "").split()):
                remote.append(f"{path.relative_to(root)}: <link href={e.attrs['href']}>")
            if CSS_REMOTE.search(e.attrs.get("style", "")):
                remote.append(f"{path.relative_to(root)}: style={e.attrs['style']}")
            if e.tag == "style" and CSS_REMOTE.search(e.text()):
                remote.append(f"{path.relative_to(root)}: <style> loads from another host")
    assert remote == []


def test_stylesheets_import_nothing_from_another_host(variant: tuple[bool, Path]) -> None:
    _, root = variant
    css = sorted(root.rglob("*.css"))
    assert css
    assert [str(p.relative_to(root)) for p in css if CSS_REMOTE.search(p.read_text(encoding="utf-8"))] == []


def test_no_cdn_anywhere_but_materials_conditional_scripts(variant: tuple[bool, Path]) -> None:
    """Font and script CDNs are named nowhere, except the two scripts Material's bundle loads on demand."""
    _, root = variant
    found = set()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".html", ".js", ".css", ".json", ".xml")):
        for url in CDNS.findall(path.read_text(encoding="utf-8", errors="replace")):
            found.add((path.relative_to(root).as_posix().split("/")[-1].split(".")[0], url))
    assert found <= {("bundle", url) for url in KNOWN_CONDITIONAL}


def test_no_page_would_make_material_fetch_mermaid(variant: tuple[bool, Path]) -> None:
    _, root = variant
    assert [p.name for p in html_files(root) if any("mermaid" in e.classes for e in page(p).iter())] == []


def test_offline_search_works_without_a_server(built: Built) -> None:
    """Both copies load the edition's search script and carry its index as scripts (no worker, no shim);
    the offline pages say that their links end in .html, the hosted ones do not."""
    for root, files in ((built.offline, True), (built.site, False)):
        assert (root / "search" / "index.js").is_file()
        assert list((root / "search").glob("s-*.js")) and list((root / "search").glob("c-*.js"))
        assert not (root / "search" / "search_index.json").exists(), "Material's search index is gone"
        home = page(root / "index.html")
        scripts = [e.attrs.get("src", "") for e in home.find_all("script")]
        assert "assets/search.js" in scripts
        assert not [s for s in scripts if "iframe-worker" in s or "workers/search" in s]
        assert (home.find_all("html")[0].attrs.get("data-edition-urls") == "files") == files


def test_built_site_has_no_preview_banner(variant: tuple[bool, Path]) -> None:
    """The problem banner belongs to the preview server only (tools/site/banner.py)."""
    _, root = variant
    files = [p for p in root.rglob("*") if p.is_file()]
    assert files
    carrying = [p.relative_to(root).as_posix() for p in files if b"/.preview/" in p.read_bytes() or b"preview-problems" in p.read_bytes()]
    assert carrying == []
