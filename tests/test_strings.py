"""The edition's vocabulary: its own kinds of entry and text, and the interface strings table with
edition.yml's `strings:` overrides (tools/strings.py)."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import EDITION, GLOSSARY, ROOT, TEXT_META, error_lines, write_seeds

from tools.model import PartialDate
from tools.pages.write import render_pages
from tools.pipeline import check
from tools.strings import STRINGS, Words, fields_of

KINDS = """\
term_kinds:
  - name: Person
    plural: People
    description: someone the letters name
  - name: weapon system
    plural: Weapon systems
  - name: treaty
    plural: Treaties
text_kinds:
  - name: letter
    plural: Letters
"""




def pages(seeds: Path) -> dict[str, str]:
    checked = check(seeds)
    assert checked.edition is not None, checked.problems
    return render_pages(checked.edition)


# --- kinds ---------------------------------------------------------------------------------------


def test_an_edition_declares_its_own_kinds(here: Path) -> None:
    meta = TEXT_META.replace("kind: news report", "kind: letter")
    seeds = write_seeds(here, edition=EDITION + KINDS, metadata={"one": meta})
    assert error_lines(seeds) == []
    glossary = pages(seeds)["glossary.md"]
    assert '<p class="by-kind" id="kind-weapon-system" markdown="1">**Weapon systems** (1)' in glossary
    assert "**Treaties** (1)" in glossary and "People" not in glossary  # a kind no entry has is not listed


def test_kinds_outside_the_editions_lists_are_errors_with_did_you_mean(here: Path) -> None:
    glossary = GLOSSARY.replace("kind: weapon system", "kind: weapons system")
    seeds = write_seeds(here, edition=EDITION + KINDS, glossary=glossary)
    assert error_lines(seeds) == [
        "seeds/glossary.yml:3:9: error: the kind 'weapons system' of 'ABM' is not one of the edition's term_kinds "
        "(did you mean 'weapon system'?); choose one of: Person, weapon system, treaty (or declare it under term_kinds in edition.yml) [unknown-kind]",
        "seeds/texts/one.yml:4:7: error: the kind 'news report' is not one of the edition's text_kinds; choose one of: letter "
        "(or declare it under text_kinds in edition.yml) [unknown-kind]",
    ]


def test_default_kinds_apply_without_a_declaration(here: Path) -> None:
    seeds = write_seeds(here, glossary=GLOSSARY.replace("kind: treaty", "kind: letter"))
    assert error_lines(seeds) == [
        "seeds/glossary.yml:11:9: error: the kind 'letter' of 'ABM Treaty' is not one of the edition's term_kinds; choose one of: "
        "concept, treaty, weapon system, organisation, person, place, event (or declare it under term_kinds in edition.yml) [unknown-kind]"
    ]


def test_declared_kinds_are_checked(here: Path) -> None:
    kinds = "term_kinds:\n  - name: person\n    plural: People\n  - name: person\n    plural: Persons\ntext_kinds: []\n"
    assert error_lines(write_seeds(here, edition=EDITION + kinds)) == [
        "seeds/edition.yml:8:11: error: the kind 'person' is already declared at line 6; keep one [duplicate-kind]",
        "seeds/edition.yml:10:13: error: 'text_kinds' declares no kind; list at least one (name and plural) or remove 'text_kinds' to use the defaults [no-kinds]",
        "seeds/glossary.yml:3:9: error: the kind 'weapon system' of 'ABM' is not one of the edition's term_kinds; choose one of: person "
        "(or declare it under term_kinds in edition.yml) [unknown-kind]",
        "seeds/glossary.yml:11:9: error: the kind 'treaty' of 'ABM Treaty' is not one of the edition's term_kinds; choose one of: person "
        "(or declare it under term_kinds in edition.yml) [unknown-kind]",
    ]


# --- strings -------------------------------------------------------------------------------------


def test_strings_override_the_interface_words(here: Path) -> None:
    strings = "strings:\n  text.notes: Anmerkungen\n  text.paragraph: Absatz {number}\n  nav.glossary: Glossar\n  script.copy: Kopieren\n"
    notes = "- text: one\n  quote: limited\n  kind: context\n  note: A note.\n"
    built = pages(write_seeds(here, edition=EDITION + strings, notes=notes))
    text = built["texts/one.md"]
    assert "## Anmerkungen { #notes }" in text and "## Notes" not in text
    assert 'aria-label="Absatz 1"' in text
    script = built["assets/edition.js"].split("\n", 1)[0]
    assert script.startswith("window.EDITION_STRINGS = {") and '"script.copy": "Kopieren"' in script


def test_an_unknown_string_key_is_an_error_at_its_line(here: Path) -> None:
    strings = "strings:\n  text.note: Anmerkungen\n"
    assert error_lines(write_seeds(here, edition=EDITION + strings)) == [
        "seeds/edition.yml:6:3: error: there is no interface string 'text.note' (did you mean 'text.notes'?); "
        "the keys are listed in tools/strings.py [unknown-string]"
    ]


def test_a_string_may_not_ask_for_a_field_it_cannot_fill(here: Path) -> None:
    strings = "strings:\n  text.paragraph: Absatz {nummer}\n  text.notes: Anmerkungen {\n"
    assert error_lines(write_seeds(here, edition=EDITION + strings)) == [
        "seeds/edition.yml:6:19: error: the string 'text.paragraph' cannot fill {nummer}; the fields it can use: {number} [string-field]",
        "seeds/edition.yml:7:15: error: the string 'text.notes' has an unmatched brace; write {{ and }} for a literal brace [string-field]",
    ]


def test_every_string_is_used_and_the_script_asks_only_for_known_ones() -> None:
    """No key in the table is dead, and edition.js names no key the table lacks."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tools").rglob("*.py") if p.name != "strings.py")
    script = "\n".join((ROOT / "tools" / "assets" / name).read_text(encoding="utf-8") for name in ("edition.js", "search.js"))
    asked = set(re.findall(r'(?:say|words)\("([a-z_.]+)"', script))
    assert asked - set(STRINGS) == set()
    plural_bases = {k.rsplit(".", 1)[0] for k in STRINGS if k.endswith((".one", ".other"))}
    unused = [
        k for k in STRINGS
        if k not in asked and f'"{k}"' not in code and f"'{k}'" not in code
        and k.rsplit(".", 1)[0] not in plural_bases | {f"note.{n}" for n in ("context", "source", "disputed", "correction")}
        and not re.fullmatch(r"note\.\w+", k)
    ]
    assert unused == []


def test_every_default_string_formats_with_its_own_fields() -> None:
    words = Words()
    for key, text in STRINGS.items():
        assert words(key, **dict.fromkeys(fields_of(text), "x"))


def test_dates_follow_the_language() -> None:
    day, month = PartialDate(2018, 3, 2), PartialDate(2018, 3)
    assert [Words("en-GB").date(day), Words("de").date(day), Words("ru").date(day)] == ["2 March 2018", "2. März 2018", "2 марта 2018\u202fг."]
    assert Words("de").date(month) == "März 2018" and Words("de").date(PartialDate(1972)) == "1972"
    assert Words("de", (("date.unknown", "Datum unbekannt"),)).date(PartialDate()) == "Datum unbekannt"

