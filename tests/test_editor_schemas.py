"""The editors' JSON Schemas: made from the checker's specs, valid for the real seeds, and refusing
what `make check` refuses, for every kind of field."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, get_args

import jsonschema
import pytest
import yaml
from conftest import ROOT, problem_lines, write_seeds

from tools.model import DEFAULT_TERM_KINDS, DEFAULT_TEXT_KINDS
from tools.source import specs
from tools.source.editor_schemas import FOLDER, SCHEMA_FILES, EditionChoices, SchemaFile, file_schema, reference, rendered, write_schemas
from tools.source.load import load_edition
from tools.source.schema import Kind, RecordSpec
from tools.source.yamlsource import Source, parse

SEEDS = ROOT / "seeds"
# What edition.yml allows when it declares no kinds of its own (the test editions).
DEFAULT_CHOICES: EditionChoices = {
    specs.TERM.name: {"kind": tuple(k.name for k in DEFAULT_TERM_KINDS)},
    specs.TEXT_META.name: {"kind": tuple(k.name for k in DEFAULT_TEXT_KINDS)},
}
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


def yaml12(node: yaml.Node | None) -> Any:
    """A document as yaml-language-server reads it: YAML 1.2's core schema (plain `2018-03` and `yes`
    stay text, `1972` is a number, `true` a boolean, an empty value null)."""
    if node is None:
        return None
    if isinstance(node, yaml.MappingNode):
        return {key.value: yaml12(value) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [yaml12(item) for item in node.value]
    value = node.value
    if node.style:  # quoted or block: always text
        return value
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return value.lower() == "true"
    if _INT.fullmatch(value):
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if _FLOAT.fullmatch(value):
        return float(value.replace("inf", "Inf").replace("Inf", "inf").replace("INF", "inf").lower())
    return value


def schema_errors(kind: SchemaFile, text: str) -> list[str]:
    node, problems = parse(Source("file.yml", text))
    assert not problems, problems
    validator = jsonschema.Draft7Validator(file_schema(kind, DEFAULT_CHOICES))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(yaml12(node))]


KINDS = {k.name: k for k in SCHEMA_FILES}


def _fields(spec: RecordSpec) -> list[tuple[RecordSpec, str]]:
    found = []
    for field in spec.fields:
        found.append((spec, field.kind))
        if field.spec is not None:
            found += _fields(field.spec)
    return found


def test_schemas_are_valid_draft7_and_mirror_the_specs() -> None:
    def compare(schema: dict[str, Any], spec: RecordSpec) -> None:
        assert schema["type"] == "object" and schema["additionalProperties"] is False
        assert list(schema["properties"]) == [f.name for f in spec.fields]
        assert schema.get("required", []) == [f.name for f in spec.fields if f.required]
        for field in spec.fields:
            shown = schema["properties"][field.name]
            assert shown["description"].startswith(field.help)
            declared = DEFAULT_CHOICES.get(spec.name, {}).get(field.name)
            if declared:  # the edition's own kinds, from edition.yml
                assert shown["enum"] == list(declared)
            elif field.kind == "mapping" and field.choices:  # its choices are the names it may hold (the interface strings' keys)
                assert list(shown["anyOf"][0]["properties"]) == list(field.choices)
            elif field.kind == "mapping":  # any names (checked against the edition's own lists when loaded)
                assert "pattern" in shown["anyOf"][0]["additionalProperties"]
            elif field.choices:
                assert shown["enum"] == list(field.choices)
            if field.kind == "record":
                compare(shown, field.spec)
            if field.kind == "records":
                compare(shown["anyOf"][0]["items"], field.spec)

    for kind in SCHEMA_FILES:
        schema = file_schema(kind, DEFAULT_CHOICES)
        jsonschema.Draft7Validator.check_schema(schema)
        compare(schema["items"] if kind.many else schema, kind.spec)


def test_committed_schemas_are_the_generated_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    edition, _ = load_edition(Path("seeds"))
    choices = {specs.TERM.name: {"kind": tuple(k.name for k in edition.settings.term_kinds)}, specs.TEXT_META.name: {"kind": tuple(k.name for k in edition.settings.text_kinds)}}
    committed = {p.name: p.read_text(encoding="utf-8") for p in (SEEDS / FOLDER).glob("*.json")}
    assert committed == rendered(choices), "seeds/.schemas/ is out of date: run `make schemas` and commit the result"
    assert write_schemas(SEEDS, choices) == []


def test_every_seeds_yaml_file_names_its_schema() -> None:
    covered: set[Path] = set()
    for kind in SCHEMA_FILES:
        for file in SEEDS.glob(kind.pattern):
            covered.add(file)
            first = file.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first == reference(kind), f"{file} should start with: {reference(kind)}"
            target = (file.parent / first.split("$schema=", 1)[1]).resolve()
            assert target.is_file(), f"{file} points at {target}, which does not exist"
    assert covered == set(SEEDS.rglob("*.yml")), "a seeds/ YAML file has no schema"


@pytest.mark.parametrize("kind", SCHEMA_FILES, ids=lambda k: k.name)
def test_real_seeds_are_valid(kind: SchemaFile) -> None:
    files = sorted(SEEDS.glob(kind.pattern))
    assert files
    for file in files:
        assert schema_errors(kind, file.read_text(encoding="utf-8")) == [], file


# Each case: the file's schema, the edit to a valid test edition (old -> new text in that file), and
# the kind of field it breaks. Both `make check` and the schema must refuse each one.
TEXT = "texts/one.yml"
MISTAKES = [
    ("glossary", "short: A missile that intercepts ballistic missiles.", "short: [a, b]", "line"),
    ("glossary", "short: A missile that intercepts ballistic missiles.", "short:", "line"),
    ("glossary", "short: A missile that intercepts ballistic missiles.", 'short: "two\\nlines"', "line"),
    # An entry's kind is one of the edition's own kinds (edition.yml), which a fixed schema cannot know.
    ("edition", "slug: test-edition", "slug: test-edition\nstrings:\n  text.note: Anmerkungen", "mapping"),
    ("edition", "slug: test-edition", "slug: test-edition\nstrings: [a]", "mapping"),
    ("glossary", "kind: treaty", "kind: treatie", "line"),
    (TEXT, "kind: news report", "kind: newsreport", "line"),
    ("glossary", "definition: A treaty.", "definition:", "text"),
    ("glossary", "definition: A treaty.", "definition: {a: b}", "text"),
    ("glossary", "  related: [ABM]", "  related: [ABM]\n  case_sensitive: yes", "bool"),
    ("glossary", "  related: [ABM]", "  related: [ABM]\n  case_sensitive: [true]", "bool"),
    (TEXT, "source: Test Press", "source: Test Press\norder: -1", "int"),
    (TEXT, "source: Test Press", "source: Test Press\norder: first", "int"),
    (TEXT, "source: Test Press", "source: Test Press\norder: 2.5", "int"),
    (TEXT, "date: 2018-03", "date: 2018-13", "date"),
    (TEXT, "date: 2018-03", "date: March 2018", "date"),
    (TEXT, "date: 2018-03", "date: 18", "date"),
    ("glossary", "aliases: [Anti Ballistic Missile]", "aliases: Anti Ballistic Missile", "list"),
    ("glossary", "aliases: [Anti Ballistic Missile]", "aliases: [[Anti Ballistic Missile]]", "list"),
    ("glossary", "aliases: [Anti Ballistic Missile]", "aliases: [\"\"]", "list"),
    ("crosslinks", "  from:\n    text: one\n    quote: ABM Treaty", "  from: one", "record"),
    ("crosslinks", "  from:\n    text: one\n    quote: ABM Treaty", "  from:\n    text: one", "record"),
    ("glossary", "  related: [ABM]\n  references:\n    - source: abm-treaty\n      at: Article I", "  related: [ABM]\n  references: abm-treaty", "records"),
    ("glossary", "  related: [ABM]\n  references:\n    - source: abm-treaty\n      at: Article I", "  related: [ABM]\n  references:\n    - at: Article I", "records"),
    ("glossary", "  related: [ABM]", "  related: [ABM]\n  events:\n    - date: 1972\n      label: Signed.\n      place: Moscow", "records"),
    ("glossary", "  related: [ABM]", "  related: [ABM]\n  alias: [x]", "unknown field"),
    ("glossary", "  short: The 1972 treaty limiting ABM systems.\n", "", "missing field"),
    ("edition", "slug: test-edition", "slug: test-edition\ngloss: sometimes", "line"),
    ("notes", "  kind: context", "  kind: contxt", "line"),
    ("sources", "kind: primary", "kind: blog", "line"),
    ("sources", "authors: none", "authors: nobody", "list"),
    ("sources", "date: 1972-05-26", "date: May 1972", "date"),
]
# Spellings both accept: YAML 1.2 numbers, booleans and empty values where the checker reads text.
ACCEPTED = [
    ("sources", "date: 1972-05-26", "date: 1972"),
    ("sources", "authors: none", "authors: [A. Writer, B. Writer]"),
    ("sources", "authors: none", "authors:"),
    ("glossary", "short: The 1972 treaty limiting ABM systems.", "short: 1972"),
    ("glossary", "  related: [ABM]", '  related: [ABM]\n  case_sensitive: "true"'),
    ("glossary", "  related: [ABM]", "  related: [ABM]\n  case_sensitive: false\n  aliases:"),
    ("glossary", "  related: [ABM]", "  related: [ABM]\n  events:\n    - date: 1972\n      label: Signed."),
    (TEXT, "date: 2018-03", "date: unknown"),
    (TEXT, "date: 2018-03", "date: 2018"),
    (TEXT, "source: Test Press", "source: Test Press\norder: 007\npassages: []"),
]
NOTES = "- text: one\n  quote: ABM Treaty\n  kind: context\n  note: A note.\n"
CROSSLINKS = "- label: Same treaty\n  from:\n    text: one\n    quote: ABM Treaty\n  to:\n    text: two\n    quote: ABM Treaty\n"
TEXTS = {"one": "The ABM Treaty limited ABMs.\n\nA second paragraph on ABM.\n", "two": "The ABM Treaty again.\n"}


def _edition(tmp_path: Path, kind: str, old: str, new: str) -> tuple[Path, str]:
    """A valid test edition with one file edited; returns seeds/ and the edited file's path in it."""
    seeds = write_seeds(tmp_path, texts=TEXTS, notes=NOTES, crosslinks=CROSSLINKS)
    relative = TEXT if kind == TEXT else f"{kind}.yml"
    file = seeds / relative
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return seeds, relative


def _schema_of(relative: str) -> SchemaFile:
    return KINDS["text" if relative.startswith("texts/") else relative.removesuffix(".yml")]


def test_unedited_test_edition_passes_both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    seeds = write_seeds(tmp_path, texts=TEXTS, notes=NOTES, crosslinks=CROSSLINKS)
    assert [line for line in problem_lines(seeds) if ": error:" in line] == []
    for relative in ("edition.yml", "sources.yml", "glossary.yml", "notes.yml", "crosslinks.yml", TEXT):
        assert schema_errors(_schema_of(relative), (seeds / relative).read_text(encoding="utf-8")) == [], relative


@pytest.mark.parametrize(("kind", "old", "new", "field_kind"), MISTAKES, ids=[f"{m[3]}-{i}" for i, m in enumerate(MISTAKES)])
def test_schema_refuses_what_check_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, old: str, new: str, field_kind: str) -> None:
    monkeypatch.chdir(tmp_path)
    seeds, relative = _edition(tmp_path, kind, old, new)
    errors = [line for line in problem_lines(seeds) if ": error:" in line]
    assert any(line.startswith(f"seeds/{relative}:") for line in errors), errors
    assert schema_errors(_schema_of(relative), (seeds / relative).read_text(encoding="utf-8")) != []


@pytest.mark.parametrize(("kind", "old", "new"), ACCEPTED)
def test_schema_accepts_what_check_accepts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, old: str, new: str) -> None:
    monkeypatch.chdir(tmp_path)
    seeds, relative = _edition(tmp_path, kind, old, new)
    assert [line for line in problem_lines(seeds) if ": error:" in line] == []
    assert schema_errors(_schema_of(relative), (seeds / relative).read_text(encoding="utf-8")) == []


def test_mistakes_cover_every_field_kind() -> None:
    used = {kind for spec in (k.spec for k in SCHEMA_FILES) for _, kind in _fields(spec)}
    assert used <= set(get_args(Kind))
    assert set(get_args(Kind)) <= {m[3] for m in MISTAKES}


def test_stale_schema_is_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    seeds = write_seeds(tmp_path)
    assert problem_lines(seeds) == []  # no .schemas folder: nothing to keep up to date
    write_schemas(seeds, DEFAULT_CHOICES)
    assert problem_lines(seeds) == []
    (seeds / FOLDER / "glossary.schema.json").write_text(json.dumps({"type": "array"}), encoding="utf-8")
    assert problem_lines(seeds) == [
        "seeds/.schemas/glossary.schema.json:1:1: warning: this editor's schema does not match the checker's fields "
        "or the kinds in edition.yml any more; run `make schemas` to rewrite it [stale-schema]"
    ]



def test_kinds_declared_in_edition_yml_become_the_schemas_choices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`make schemas` reads the edition's kinds; until it is run after they change, check warns."""
    from tools.cli import main

    monkeypatch.chdir(tmp_path)
    seeds = write_seeds(tmp_path)
    assert main(["schemas"]) == 0
    kinds = "term_kinds:\n  - name: weapon system\n    plural: Weapons\n  - name: treaty\n    plural: Treaties\n"
    (seeds / "edition.yml").write_text((seeds / "edition.yml").read_text(encoding="utf-8") + kinds, encoding="utf-8")
    assert [line.split(": warning:")[0] for line in problem_lines(seeds)] == ["seeds/.schemas/glossary.schema.json:1:1"]
    assert main(["schemas"]) == 0
    assert "1 schema(s) written (glossary.schema.json)" in capsys.readouterr().out
    assert problem_lines(seeds) == []
    schema = json.loads((seeds / FOLDER / "glossary.schema.json").read_text(encoding="utf-8"))
    assert schema["items"]["properties"]["kind"]["enum"] == ["weapon system", "treaty"]
