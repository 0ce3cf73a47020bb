"""The EPUB 3 edition: valid for EPUBCheck (0 errors, 0 warnings), reproducible, every text complete,
glosses and notes as pop-up footnotes in the same file, cross-links between chapters that resolve.

EPUBCheck needs Java: without it the test fails, saying what to install; it is never skipped."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import ROOT, write_seeds

from tools.annotate.edition import AnnotatedEdition
from tools.pipeline import check
from tools.site.epub import write_epub

EPOCH = 1700000000
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def annotated(seeds: Path) -> AnnotatedEdition:
    checked = check(seeds)
    assert checked.edition is not None, [p.format() for p in checked.problems]
    return checked.edition


@pytest.fixture(scope="module")
def edition() -> AnnotatedEdition:
    return annotated(ROOT / "seeds")


@pytest.fixture(scope="module")
def book(edition: AnnotatedEdition, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_epub(edition, tmp_path_factory.mktemp("epub") / "edition.epub", EPOCH)


def documents(book: Path) -> dict[str, ElementTree.Element]:
    """Every XHTML file of the book, parsed as XML (a parse error fails the test)."""
    with zipfile.ZipFile(book) as archive:
        return {name: ElementTree.fromstring(archive.read(name)) for name in archive.namelist() if name.endswith(".xhtml")}


def epubcheck(book: Path) -> list[dict[str, object]]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is not installed: EPUBCheck needs a Java runtime (Debian: apt-get install default-jre-headless)", pytrace=False)
    jar = Path(__import__("epubcheck").__file__).with_name("epubcheck.jar")
    result = subprocess.run([java, "-jar", str(jar), str(book), "--json", "-"], capture_output=True, text=True, timeout=600)
    report = json.loads(result.stdout)
    return list(report["messages"])


def test_epubcheck_reports_no_error_and_no_warning(book: Path) -> None:
    messages = epubcheck(book)
    serious = [m for m in messages if m["severity"] in ("FATAL", "ERROR", "WARNING")]
    assert serious == [], json.dumps(serious, indent=2)


def test_epubcheck_finds_errors_we_could_make(book: Path, tmp_path: Path) -> None:
    """The check is real: a broken cross-link in a copy of the book is reported."""
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("EPUB/text-"):
                data = data.replace(b'href="#note-1"', b'href="#no-such-note"', 1).replace(b'href="#gloss-', b'href="#nothing-', 1)
            target.writestr(info, data)
    assert any(m["severity"] == "ERROR" for m in epubcheck(broken))


def test_same_input_and_epoch_give_the_same_bytes(edition: AnnotatedEdition, book: Path, tmp_path: Path) -> None:
    again = write_epub(edition, tmp_path / "again.epub", EPOCH)
    assert again.read_bytes() == book.read_bytes()
    later = write_epub(edition, tmp_path / "later.epub", EPOCH + 86400)
    assert later.read_bytes() != book.read_bytes()


def test_mimetype_first_and_stored_then_sorted_with_the_epoch(book: Path) -> None:
    with zipfile.ZipFile(book) as archive:
        infos = archive.infolist()
        assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"
        names = [i.filename for i in infos[1:]]
        assert names == sorted(names)
        assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}
        assert "<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>" in archive.read("EPUB/package.opf").decode()
    assert book.read_bytes()[30:38] == b"mimetype", "the mimetype file name starts at byte 30"


def words(element: ElementTree.Element, skip: set[str]) -> str:
    """The element's text without the children whose class is in skip."""
    parts = [element.text or ""]
    for child in element:
        if not skip & set(child.get("class", "").split()):
            parts.append(words(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def test_every_text_is_a_chapter_with_its_paragraphs_numbered_and_intact(edition: AnnotatedEdition, book: Path) -> None:
    docs = documents(book)
    for annotated_text in edition.texts:
        text = annotated_text.text
        root = docs[f"EPUB/text-{text.slug}.xhtml"]
        paragraphs = [p for p in root.iter(f"{XHTML}p") if p.get("class") == "para"]
        assert [p.get("id") for p in paragraphs] == [f"p{n}" for n in range(1, len(text.paragraphs) + 1)]
        for element, paragraph in zip(paragraphs, text.paragraphs, strict=True):
            number = next(iter(element))
            assert number.get("class") == "pnum" and number.text == str(paragraph.number)
            shown = " ".join(words(element, {"pnum", "note-ref"}).split())
            assert shown == " ".join(paragraph.text.split()), f"{text.slug} ¶{paragraph.number}"
        assert any(e.text == text.shown_title for e in root.iter(f"{XHTML}h1"))
        headnote = [d for d in root.iter(f"{XHTML}div") if d.get("class") == "headnote"]
        assert len(headnote) == (1 if text.meta else 0)


def test_glosses_and_notes_are_noterefs_to_footnotes_in_the_same_file(edition: AnnotatedEdition, book: Path) -> None:
    docs = documents(book)
    for annotated_text in edition.texts:
        root = docs[f"EPUB/text-{annotated_text.text.slug}.xhtml"]
        asides = {a.get("id"): a for a in root.iter(f"{XHTML}aside")}
        assert all(a.get(EPUB_TYPE) == "footnote" and a.get("role") == "doc-footnote" for a in asides.values())
        refs = [a for a in root.iter(f"{XHTML}a") if a.get(EPUB_TYPE) == "noteref"]
        assert refs and all(r.get("role") == "doc-noteref" for r in refs)
        for ref in refs:
            href = ref.get("href", "")
            assert href.startswith("#") and href[1:] in asides, f"{href} has no footnote in the same file"
        glossed = {o.term.id for o in annotated_text.occurrences if o.glossed}
        assert {r.get("href") for r in refs if r.get("class") == "gloss"} == {f"#gloss-{t}" for t in glossed}
        noted = [r.get("href") for r in refs if r.get("class") == "note-ref"]
        assert noted == [f"#note-{p.number}" for p in annotated_text.notes]


def test_links_between_chapters_and_to_the_glossary_resolve(edition: AnnotatedEdition, book: Path) -> None:
    docs = documents(book)
    ids = {name: {e.get("id") for e in root.iter() if e.get("id")} for name, root in docs.items()}
    checked = crosslinks = 0
    for name, root in docs.items():
        for a in root.iter(f"{XHTML}a"):
            href = a.get("href", "")
            if re.match(r"[a-z]+:", href) or href.startswith("#"):
                continue
            file, _, fragment = href.partition("#")
            target = f"EPUB/{file}"
            assert target in docs, f"{name}: {href}"
            assert not fragment or fragment in ids[target], f"{name}: {href}"
            checked += 1
            crosslinks += file.startswith("text-") and name.startswith("EPUB/text-")
    assert crosslinks == 2 * len(edition.edition.crosslinks)
    assert checked > crosslinks


def test_the_book_has_title_page_introduction_principles_glossary_and_navigation(edition: AnnotatedEdition, book: Path) -> None:
    docs = documents(book)
    settings = edition.edition.settings
    title = docs["EPUB/title.xhtml"]
    assert [e.text for e in title.iter(f"{XHTML}h1")] == [settings.title]
    intro = docs["EPUB/introduction.xhtml"]
    assert {e.get("id") for e in intro.iter(f"{XHTML}h2")} >= {"principles", "texts"}
    glossary = docs["EPUB/glossary.xhtml"]
    assert {e.get("id") for e in glossary.iter(f"{XHTML}section") if e.get("id")} == {t.id for t in edition.edition.terms}
    nav = docs["EPUB/nav.xhtml"]
    toc = [n for n in nav.iter(f"{XHTML}nav") if n.get(EPUB_TYPE) == "toc"]
    assert len(toc) == 1
    listed = [a.get("href") for a in toc[0].iter(f"{XHTML}a")]
    bibliography = ["bibliography.xhtml"] if edition.edition.sources else []
    assert listed == ["introduction.xhtml", *(f"text-{t.text.slug}.xhtml" for t in edition.texts), "glossary.xhtml", *bibliography]
    assert edition.edition.sources, "the seeds have sources (seeds/sources.yml), so the book has a bibliography"
    entries = {e.get("id") for e in docs["EPUB/bibliography.xhtml"].iter(f"{XHTML}p") if e.get("id")}
    assert entries == {f"source-{s.id}" for s in edition.edition.sources}


def test_hostile_text_stays_text_and_the_book_stays_well_formed(tmp_path: Path) -> None:
    body = "A <script>alert(1)</script> & an ABM\x0c form feed.\n\n]]> <![CDATA[ x ]]> &amp; ABM Treaty\n"
    seeds = write_seeds(tmp_path, texts={"one": body}, notes="""\
        - text: one
          quote: "<script>alert(1)</script>"
          kind: context
          note: "A note with *emphasis* and [a link on the page](#terms) and [a web link](https://example.org/)."
        """)
    book = write_epub(annotated(seeds), tmp_path / "hostile.epub", EPOCH)
    root = documents(book)["EPUB/text-one.xhtml"]
    assert not list(root.iter(f"{XHTML}script"))
    paragraphs = [p for p in root.iter(f"{XHTML}p") if p.get("class") == "para"]
    assert " ".join(words(paragraphs[0], {"pnum", "note-ref"}).split()) == "A <script>alert(1)</script> & an ABM\ufffd form feed."
    assert " ".join(words(paragraphs[1], {"pnum", "note-ref"}).split()) == "]]> <![CDATA[ x ]]> &amp; ABM Treaty"
    note = root.find(f".//{XHTML}aside[@id='note-1']")
    assert note is not None
    hrefs = [a.get("href") for a in note.iter(f"{XHTML}a")]
    assert hrefs == ["https://example.org/"], "a link to the web page's parts cannot work in the book; a web link can"
    assert [m for m in epubcheck(book) if m["severity"] in ("FATAL", "ERROR", "WARNING")] == []
