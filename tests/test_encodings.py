"""Encodings and odd files: a byte-order mark, CRLF or CR line endings and decomposed Unicode change
nothing in the generated pages; an empty text and a very long paragraph work; bytes that are not UTF-8
and invisible control characters are one positioned error each, never a crash."""
from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import parse_html, problem_lines, render_page, squash, write_seeds

from tools import cli
from tools.pipeline import generate

GLOSSARY = """\
# Entries with accents, so decomposed files have something to decompose.
- term: Café Müller
  kind: place
  short: "A café; “quoted” in the tooltip."
  definition: |
    A meeting place.

    Named after Müller.
  aliases: [Cafe Muller]
  references:
    - source: abm-treaty
      at: Guide
- term: ABM Treaty
  kind: treaty
  short: The 1972 treaty.
  definition: A treaty.
  references: [{source: abm-treaty}]
"""
TEXT = """\
Talks at the Café Müller

The delegates met at the Café Müller
to discuss the ABM Treaty; the négociateurs
were tired.

A second paragraph: naïve, Zürich, façade.
"""
META = """\
title: Talks at the Café Müller
source: Zürcher Presse
date: 2018-03
kind: news report
headnote: |
  A text about the *Café Müller*.

  Second paragraph of the headnote.
passages:
  - paragraph: 1
    role: headline
"""
NOTES = """\
- text: one
  quote: the négociateurs
  kind: context
  note: |
    Négociateurs: French for negotiators.
"""
BOM = b"\xef\xbb\xbf"


def generated(root: Path, encode: Callable[[str], bytes]) -> tuple[dict[str, bytes], list[str]]:
    """Write the edition with every seed file passed through encode, generate; the pages and problems."""
    seeds = write_seeds(root, texts={"one": TEXT}, glossary=GLOSSARY, notes=NOTES, metadata={"one": META})
    for file in sorted(seeds.rglob("*")):
        if file.is_file():
            file.write_bytes(encode(file.read_text(encoding="utf-8")))
    problems = problem_lines(seeds)
    checked, _ = generate(seeds, root / "docs")
    assert checked.edition is not None, problems
    pages = {p.relative_to(root / "docs").as_posix(): p.read_bytes() for p in sorted((root / "docs").rglob("*")) if p.is_file()}
    return pages, problems


VARIANTS: dict[str, Callable[[str], bytes]] = {
    "bom": lambda s: BOM + s.encode("utf-8"),
    "crlf": lambda s: s.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda s: s.replace("\n", "\r").encode("utf-8"),
    "bom+crlf": lambda s: BOM + s.replace("\n", "\r\n").encode("utf-8"),
    "nfd": lambda s: unicodedata.normalize("NFD", s).encode("utf-8"),
    "nfd+bom+crlf": lambda s: BOM + unicodedata.normalize("NFD", s).replace("\n", "\r\n").encode("utf-8"),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_generated_pages_are_those_of_plain_lf_utf8(variant: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plain").mkdir()
    (tmp_path / "odd").mkdir()
    expected, expected_problems = generated(tmp_path / "plain", lambda s: s.encode("utf-8"))
    pages, problems = generated(tmp_path / "odd", VARIANTS[variant])
    assert sorted(pages) == sorted(expected)
    for name in expected:
        assert pages[name] == expected[name], f"{variant}: docs/{name} differs from the plain UTF-8, LF version"
    assert [p.replace("odd/", "plain/") for p in problems] == expected_problems


def test_decomposed_text_still_matches_composed_terms_and_quotes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A text saved decomposed (NFD) against a glossary and notes typed composed (NFC): the term is
    glossed, the note's quote is found, and the page shows the same characters."""
    monkeypatch.chdir(tmp_path)
    seeds = write_seeds(tmp_path, texts={"one": unicodedata.normalize("NFD", TEXT)}, glossary=GLOSSARY, notes=NOTES, metadata={"one": META})
    assert problem_lines(Path("seeds")) == []
    checked, _ = generate(Path("seeds"), tmp_path / "docs")
    assert checked.edition is not None
    root = parse_html(render_page((tmp_path / "docs" / "texts" / "one.md").read_text(encoding="utf-8")))
    glosses = [a.text() for p in root.find_all("p", "para") for a in p.find_all("a", "gloss")]
    assert glosses == ["Café Müller", "ABM Treaty"]
    assert [a.attrs["href"] for a in root.find_all("a", "note-ref")] == ["#note-1"]
    paragraph = root.by_id("p2")
    assert paragraph is not None
    shown = squash(paragraph.text(skip=lambda e: bool(e.classes & {"pnum", "note-ref"})))
    assert unicodedata.normalize("NFD", shown) == squash(unicodedata.normalize("NFD", TEXT.split("\n\n")[1]))
    assert seeds.exists()


@pytest.mark.parametrize("body", ["", "\n", "  \n\n\t\n\u00a0\n"], ids=["empty", "newline", "blank-lines"])
def test_an_empty_text_is_a_warning_and_still_builds_a_page(body: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_seeds(tmp_path, texts={"one": "The ABM Treaty limited ABMs.\n", "empty": body})
    assert "seeds/texts/empty.txt:1:1: warning: the text is empty; add its words or remove the file [empty-text]" in problem_lines(Path("seeds"))
    checked, _ = generate(Path("seeds"), tmp_path / "docs")
    assert checked.edition is not None
    root = parse_html(render_page((tmp_path / "docs" / "texts" / "empty.md").read_text(encoding="utf-8")))
    assert [p for p in root.find_all("p") if "para" in p.classes] == []
    assert squash(root.find_all("h1")[0].text()).startswith("A text")


def test_one_very_long_paragraph_is_shown_whole_and_quickly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    sentence = "The ABM Treaty of 1972 (see *notes*) limited ABMs & [radars] <at> 2 sites; "
    # One paragraph of about 150,000 characters (a long book chapter) with 4,000 glosses. Python-Markdown's
    # inline processing grows faster than the paragraph (12 s for 460,000 characters and 12,000 glosses),
    # so this is the size to keep quick, not the limit (1 MB per file).
    body = sentence * 2000
    write_seeds(tmp_path, texts={"one": body + "\n"}, edition="title: T\nslug: t\ngloss: every\nintroduction: I.\nprinciples: P.\n")
    started = time.perf_counter()
    checked, _ = generate(Path("seeds"), tmp_path / "docs")
    html = render_page((tmp_path / "docs" / "texts" / "one.md").read_text(encoding="utf-8"))
    elapsed = time.perf_counter() - started
    assert checked.edition is not None
    root = parse_html(html)
    (paragraph,) = [p for p in root.find_all("p") if "para" in p.classes]
    assert squash(paragraph.text(skip=lambda e: "pnum" in e.classes)) == squash(body)
    assert len(paragraph.find_all("a", "gloss")) == 4000  # "ABM Treaty" and "ABMs" in each sentence
    assert elapsed < 15, f"generating and rendering one long paragraph took {elapsed:.1f} s"


# --- Bytes that are not UTF-8, and invisible control characters ---------------------------------

ENCODING = "is not valid UTF-8; save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8) [encoding]"


def run_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = cli.main(["--seeds", "seeds", "check"])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return code, out.err.splitlines()


@pytest.mark.parametrize(
    ("data", "place", "byte"),
    [
        (b"First line.\nSecond caf\xe9 line.\n", "2:11", "E9"),  # Latin-1
        (BOM + b"caf\xe9\n", "1:4", "E9"),  # the mark is not a column
        (b"One.\r\n\r\nTwo \x93quoted\x94.\r\n", "3:5", "93"),  # Windows-1252 quotes, CRLF
        (b"One.\rTwo.\r\rThree \xff.\r", "4:7", "FF"),  # old Mac line endings
        ("Plain \u00e9 then".encode() + b" \xc3(\n", "1:14", "C3"),  # a broken two-byte sequence
        ("UTF-16 text\n".encode("utf-16"), "1:1", "FF"),  # what "Unicode" means in some Windows editors
    ],
    ids=["latin-1", "bom", "cp1252-crlf", "cr", "truncated", "utf-16"],
)
def test_a_text_that_is_not_utf8_is_one_error_naming_file_line_and_column(
    data: bytes, place: str, byte: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write_seeds(tmp_path, texts={"one": "The ABM Treaty limited ABMs.\n", "bad": "x"})
    (tmp_path / "seeds" / "texts" / "bad.txt").write_bytes(data)
    code, lines = run_check(tmp_path, capsys)
    assert code == 1
    assert lines == [f"seeds/texts/bad.txt:{place}: error: byte 0x{byte} {ENCODING}", "1 error(s), 0 warning(s)"]


def test_a_yaml_file_that_is_not_utf8_is_one_error_naming_file_line_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write_seeds(tmp_path)
    glossary = tmp_path / "seeds" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8").replace("short: A missile that", "short: A caf\u00e9 missile that")
    glossary.write_bytes(BOM + text.replace("\n", "\r\n").encode("utf-8").replace("café".encode(), b"caf\xe9"))
    code, lines = run_check(tmp_path, capsys)
    assert code == 1
    assert lines[0] == f"seeds/glossary.yml:4:15: error: byte 0xE9 {ENCODING}"
    assert lines[-1].endswith("error(s), 0 warning(s)")


def test_a_control_character_is_one_positioned_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Markdown silently drops some control characters (\\x02, \\x03) and HTML forbids them: refuse them."""
    monkeypatch.chdir(tmp_path)
    write_seeds(tmp_path, texts={"one": "The ABM Treaty.\r\n\r\nA b\x02ell and a \x0bvertical tab.\r\n"})
    code, lines = run_check(tmp_path, capsys)
    assert code == 1
    assert lines == [
        "seeds/texts/one.txt:3:4: error: the invisible control character U+0002 is not allowed: "
        "a page cannot show it and Markdown would drop it; delete it [control-character]",
        "1 error(s), 0 warning(s)",
    ]
