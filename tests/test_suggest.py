"""`make suggest`: names and acronyms the glossary does not cover, ranked, and entries no text uses."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import GLOSSARY, ROOT, write_seeds

from tools.annotate.matcher import TermMatcher
from tools.annotate.suggest import candidates, is_acronym, report, suggest
from tools.cli import main
from tools.source.load import load_edition

TEXTS = {
    "one": "THE ICBM RACE\n\n"
    "The ABM Treaty limited ABMs. Ground-Based Interceptors in Alaska worried the Russian Foreign Ministry.\n\n"
    "In January the ICBMs of the Soviet Union were counted under Article XV by the Soviet Union's own Strategic Rocket Forces.\n",
    "two": "Moscow said the Soviet Union had no ICBM near the Ground-Based Interceptors: an arms race.\n",
}
META = "title: A text\nsource: Test Press\ndate: 2018-03\nkind: news report\nheadnote: A text for tests.\npassages:\n  - paragraph: 1\n    role: headline\n"
EXTRA = """\
- term: Foreign Ministry
  kind: organisation
  short: The Russian foreign ministry.
  definition: |
    The Ministry of Foreign Affairs of the Russian Federation, led by Sergei Lavrov.
    See also MFA and the ABM Treaty.
  references:
    - source: abm-treaty
- term: Zyx Project
  kind: concept
  short: A project no text names.
  definition: Nothing more.
  references:
    - source: abm-treaty
"""


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write_seeds(tmp_path, texts=TEXTS, glossary=GLOSSARY + EXTRA, metadata=dict.fromkeys(TEXTS, META))


def test_acronyms() -> None:
    assert all(is_acronym(w) for w in ("ICBM", "ICBMs", "SM-3", "U.S.", "USS"))
    assert not any(is_acronym(w) for w in ("XV", "IV", "II", "Moscow", "A", "S-a", "Ok"))


def test_names_and_their_edges() -> None:
    found = [(f.kind, f.words) for f in candidates("In January the Department of the Navy and the Soviet Union's US Navy met NATO, Vladimir Putin's Airborne Troops.")]
    assert found == [
        ("name", "Department of the Navy"),
        ("name", "Soviet Union"),
        ("acronym", "US"),
        ("name", "US Navy"),
        ("acronym", "NATO"),
        ("name", "Vladimir Putin"),
        ("name", "Airborne Troops"),
    ]


def test_sentence_start_word_the_edition_writes_in_lower_case_is_not_a_name() -> None:
    assert [f.words for f in candidates("Unless Washington acts. Moscow Region waits.", frozenset({"unless"}))] == ["Moscow Region"]
    assert [f.words for f in candidates("Unless Washington acts.")] == []  # "unless" is a known sentence opener


def test_fixture_report_pinned(seeds: Path) -> None:
    edition, _ = load_edition(seeds)
    assert list(report(suggest(edition))) == [
        "Candidate terms in the texts that the glossary does not cover: 5 (most texts, then most often, first)",
        "  texts  count  what     candidate                                first seen",
        "      2      3  acronym  ICBM                                     seeds/texts/one.txt:1",
        "      2      3  name     Soviet Union                             seeds/texts/one.txt:5",
        "      2      2  name     Ground-Based Interceptors                seeds/texts/one.txt:3",
        "      1      1  name     Article XV                               seeds/texts/one.txt:5",
        "      1      1  name     Strategic Rocket Forces                  seeds/texts/one.txt:5",
        "",
        "Names and acronyms in the glossary's own definitions that no entry explains: 3",
        "  count  what     candidate                                first seen",
        "      1  name     Ministry of Foreign Affairs of the Russian Federation seeds/glossary.yml:22",
        "      1  name     Sergei Lavrov                            seeds/glossary.yml:22",
        "      1  acronym  MFA                                      seeds/glossary.yml:23",
        "",
        "Glossary entries no text uses: 1",
        "  seeds/glossary.yml:26  Zyx Project",
    ]


def test_entry_name_in_a_form_its_matcher_misses_is_a_variant(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    entry = "- term: icbm\n  case_sensitive: true\n  kind: weapon system\n  short: S.\n  definition: D.\n  references:\n    - source: abm-treaty\n"
    seeds = write_seeds(tmp_path, texts={"one": "The ABM Treaty and the ICBM.\n"}, glossary=GLOSSARY + entry)
    edition, _ = load_edition(seeds)
    assert [(c.kind, c.words) for c in suggest(edition).in_texts] == [("variant", "ICBM")]


def test_make_suggest_command(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--seeds", str(seeds), "suggest"]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("Candidate terms in the texts that the glossary does not cover: 5")
    (seeds / "glossary.yml").write_text(GLOSSARY.replace("kind: treaty", "kind: treatie"), encoding="utf-8")
    assert main(["--seeds", str(seeds), "suggest"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "suggest stopped: fix the errors above first" in err


def test_real_seeds_suggestions_are_true(monkeypatch: pytest.MonkeyPatch) -> None:
    """On the edition itself: each candidate is written at the line given, no entry's own name is
    suggested, and an entry called unused is found in no paragraph by the build's matcher."""
    monkeypatch.chdir(ROOT)
    edition, _ = load_edition(Path("seeds"))
    found = suggest(edition)
    assert found.in_texts and found.in_definitions
    names = {pattern.casefold() for term in edition.terms for pattern in term.patterns}
    for candidate in (*found.in_texts, *found.in_definitions):
        line = Path(candidate.first.path).read_text(encoding="utf-8").splitlines()[candidate.first.line - 1]
        assert re.sub(r"\s+", " ", candidate.words.split(" ")[0]) in line, candidate
        assert candidate.words.casefold() not in names, candidate
    ranks = [(-c.texts, -c.count) for c in found.in_texts]
    assert ranks == sorted(ranks)
    matcher = TermMatcher(edition.terms)
    used = {m.term_id for text in edition.texts for p in text.paragraphs for m in matcher.find(p.text)}
    assert found.unused and all(term.id not in used for term in found.unused)
    assert {t.id for t in edition.terms} - {t.id for t in found.unused} == used
