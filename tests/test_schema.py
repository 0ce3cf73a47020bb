"""Field-level messages: unknown fields, missing, empty, wrong types, choices, dates, duplicates."""
from __future__ import annotations

from tools.source.schema import Reader
from tools.source.specs import NOTE, TERM
from tools.source.yamlsource import Source, parse


def read(text: str, spec=TERM) -> list[str]:
    node, problems = parse(Source("glossary.yml", text))
    assert not problems
    reader = Reader("glossary.yml")
    reader.records(node, spec)
    return [p.format() for p in reader.problems]


VALID = """\
- term: ABM
  kind: weapon system
  short: An interceptor.
  definition: Text.
  references:
    - source: abm-treaty
      at: ABM Treaty
"""


def test_valid_entry_has_no_problem() -> None:
    assert read(VALID) == []


def test_unknown_field_suggests_the_right_one() -> None:
    assert read(VALID + "  alias: [x]\n") == [
        "glossary.yml:8:3: error: unknown field 'alias' in a glossary entry (did you mean 'aliases'?); allowed fields: "
        "term, expansion, kind, short, definition, aliases, case_sensitive, related, events, references [unknown-field]"
    ]


def test_missing_required_field() -> None:
    assert read(VALID.replace("  short: An interceptor.\n", "")) == [
        "glossary.yml:1:3: error: this glossary entry has no 'short' field; add it: one plain sentence: the tooltip [missing-field]"
    ]


def test_empty_value() -> None:
    assert read(VALID.replace("short: An interceptor.", "short:")) == [
        "glossary.yml:3:9: error: 'short' in a glossary entry is empty; write one plain sentence: the tooltip or remove the line [empty]"
    ]


def test_wrong_type() -> None:
    assert read(VALID + "  aliases: anti-missile\n") == [
        "glossary.yml:8:12: error: 'aliases' in a glossary entry must be a list, written [a, b] or one '- item' per line, "
        "but found 'anti-missile' [type]"
    ]
    assert read(VALID.replace("term: ABM", "term: [ABM]")) == [
        "glossary.yml:1:9: error: 'term' in a glossary entry must be a one-line text, but found a list [type]"
    ]


NOTE_ENTRY = "- text: one\n  quote: the words\n  kind: contxt\n  note: A note.\n"


def test_choice_with_suggestion() -> None:
    assert read(NOTE_ENTRY, NOTE) == [
        "glossary.yml:3:9: error: 'kind' in a note is 'contxt' (did you mean 'context'?); "
        "choose one of: context, source, disputed, correction [choice]"
    ]


def test_an_entrys_kind_is_left_to_the_validator() -> None:
    """Term kinds are the edition's (edition.yml's term_kinds): the field reader takes any kind."""
    assert read(VALID.replace("kind: weapon system", "kind: letter")) == []


def test_yaml_booleans_must_be_spelled_true_or_false() -> None:
    assert read(VALID + "  case_sensitive: yes\n") == [
        "glossary.yml:8:19: error: 'case_sensitive' in a glossary entry must be true or false, not 'yes' [type]"
    ]


def test_bad_date() -> None:
    assert read(VALID + "  events:\n    - date: 1972-13-01\n      label: x\n") == [
        "glossary.yml:9:13: error: 'date' in an event: '1972-13-01' is not a date; write YYYY-MM-DD, YYYY-MM, YYYY or unknown "
        "(e.g. 1972-05-26) [date]"
    ]


def test_duplicate_key_names_first_place() -> None:
    assert read(VALID + "  short: Again.\n") == [
        "glossary.yml:8:3: error: the field 'short' is given twice in this glossary entry (first at line 3); keep one [duplicate-key]"
    ]


def test_top_level_must_be_a_list() -> None:
    assert read("term: ABM\n", NOTE) == [
        "glossary.yml:1:1: error: expected a list of notes, each starting with '- ', but found a group of 'name: value' fields [type]"
    ]
