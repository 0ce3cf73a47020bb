"""EDITING.md stays true: every message code is explained, and its examples pass the checker."""
from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT, SOURCES, write_seeds
from tools.pipeline import check

GUIDE = (ROOT / "EDITING.md").read_text(encoding="utf-8")
CALL = re.compile(r"\b(?:error|warning|_problem)\(")
CODE = re.compile(r'\s*"([a-z]+(?:-[a-z]+)*)"\s*,')


def codes_in_source() -> set[str]:
    """Every problem code the generator can print, read from its source."""
    found: set[str] = set()
    for module in (ROOT / "tools").rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        for call in CALL.finditer(source):
            code = CODE.match(source, second_argument(source, call.end()))
            if code:
                found.add(code.group(1))
    return found


def second_argument(source: str, start: int) -> int:
    """Where a call's second argument begins: after the first comma outside brackets."""
    depth = 0
    for index in range(start, len(source)):
        char = source[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                return index
            depth -= 1
        elif char == "," and depth == 0:
            return index + 1
    return len(source)


def yaml_example(after_heading: str) -> str:
    """The first ```yaml block after a heading of the guide."""
    section = GUIDE[GUIDE.index(after_heading) :]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]


def test_the_source_emits_the_codes_we_expect() -> None:
    """The scan itself works: known codes from each stage are found."""
    assert {"yaml-syntax", "unknown-field", "quote-missing", "unused-term", "no-metadata"} <= codes_in_source()


def test_every_code_is_explained_in_the_guide() -> None:
    missing = sorted(code for code in codes_in_source() if f"`{code}`" not in GUIDE)
    assert missing == [], f"EDITING.md does not explain: {missing}"


def test_the_guide_explains_no_code_that_does_not_exist() -> None:
    tables = GUIDE[GUIDE.index("## What the messages mean") :]
    documented = set(re.findall(r"^\| `([a-z-]+)`(?:, `([a-z-]+)`)*(?:, `([a-z-]+)`)?", tables, re.M))
    names = {name for row in documented for name in row if name}
    assert names - codes_in_source() == set()


def test_full_glossary_entry_example_is_valid(tmp_path: Path) -> None:
    seeds = write_seeds(
        tmp_path, texts={"one": "The ABM Treaty limited ABMs.\n"}, glossary=yaml_example("### A full glossary entry") + GLOSSARY_ABM, sources=GUIDE_SOURCES
    )
    problems = [p.format() for p in check(seeds).problems if p.severity == "error"]
    assert problems == []


def test_text_metadata_example_is_valid(tmp_path: Path) -> None:
    text = "Title line\n\nQuoted words from Reuters.\n"
    seeds = write_seeds(tmp_path, texts={"one": text}, metadata={"one": yaml_example("Then add `seeds/texts/new-text.yml`")}, sources=GUIDE_SOURCES)
    problems = [p.format() for p in check(seeds).problems if p.severity == "error"]
    assert problems == []


def test_sources_example_is_valid(tmp_path: Path) -> None:
    """The sources example loads without a problem; its ids are those the other examples cite."""
    seeds = write_seeds(tmp_path, sources=GUIDE_SOURCES)
    assert [p.format() for p in check(seeds).problems if p.code != "unused-source"] == []


def test_note_and_crosslink_examples_match_the_real_seeds() -> None:
    """The examples quote the real texts, so they are checked against them."""
    seeds_notes = (ROOT / "seeds" / "notes.yml").read_text(encoding="utf-8")
    seeds_links = (ROOT / "seeds" / "crosslinks.yml").read_text(encoding="utf-8")
    note = yaml_example("## Notes")
    link = yaml_example("## Cross-links")
    assert re.search(r"quote: (.+)", note).group(1) in seeds_notes  # type: ignore[union-attr]
    assert link.strip() in seeds_links


GUIDE_SOURCES = SOURCES + yaml_example("## Sources and the bibliography")

GLOSSARY_ABM = """
- term: ABM
  kind: weapon system
  short: An interceptor missile.
  definition: An interceptor.
  references:
    - source: abm-treaty
      at: ABM Treaty
- term: strategic stability
  kind: concept
  short: A balance.
  definition: A balance.
  references:
    - source: abm-treaty
      at: A reference work
"""
