"""JSON Schemas of the editors' YAML files, made from the same record specs the checker reads them with.

Editors whose text editor has a YAML extension (yaml-language-server: VS Code's "YAML" by Red Hat,
and others) get completion of field names and choices, hover help and red underlines from these
schemas. Each seeds/ file names its schema in a first-line comment, e.g.
`# yaml-language-server: $schema=.schemas/glossary.schema.json`.

The schemas live in seeds/.schemas/: next to the files they describe, so the comment is a short
relative path that works in any clone and in any copy of the seeds folder; written by
`python -m tools schemas` and committed, so an editor needs no command to get them; and a check
warns when they no longer match the specs, or the kinds of entry and of text that edition.yml
declares (they become the choices of each `kind`, so they are the edition's own).

The schemas see a file as yaml-language-server reads it (YAML 1.2: `1972` is a number, `true` a
boolean), so a field that the checker reads as text also accepts a number or a boolean. They can
not tell apart spellings YAML 1.2 reads as one value (`True` and `true`, `3` and `3.0`), nor see
duplicate keys (the YAML extension reports those itself); `make check` remains the final word.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools.model import Settings
from tools.problems import Position, Problem, warning
from tools.source import specs
from tools.source.schema import KIND_WORDS, Field, RecordSpec
from tools.strings import PLURAL_FORMS

FOLDER = ".schemas"
# The values edition.yml allows for some fields: by record spec name, then field name.
EditionChoices = dict[str, dict[str, tuple[str, ...]]]
DRAFT = "http://json-schema.org/draft-07/schema#"
# A value that is not empty and, once surrounding blank space is removed, fits on one line.
ONE_LINE = r"^\s*\S(?:[^\n]*\S)?\s*$"
NOT_BLANK = r"\S"
DATE = r"^\s*(?:[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?|[Uu][Nn][Kk][Nn][Oo][Ww][Nn])\s*$"
EMPTY = r"^\s*(?:\[\])?\s*$"


@dataclass(frozen=True)
class SchemaFile:
    """One kind of editor's file: its schema's name, what its top level holds, and the files it covers."""

    name: str
    spec: RecordSpec
    many: bool
    pattern: str

    @property
    def file(self) -> str:
        return f"{self.name}.schema.json"


SCHEMA_FILES: tuple[SchemaFile, ...] = (
    SchemaFile("edition", specs.SETTINGS, many=False, pattern="edition.yml"),
    SchemaFile("sources", specs.SOURCE, many=True, pattern="sources.yml"),
    SchemaFile("glossary", specs.TERM, many=True, pattern="glossary.yml"),
    SchemaFile("notes", specs.NOTE, many=True, pattern="notes.yml"),
    SchemaFile("crosslinks", specs.CROSSLINK, many=True, pattern="crosslinks.yml"),
    SchemaFile("text", specs.TEXT_META, many=False, pattern="texts/*.yml"),
)


def _scalar(kind: str, description: str) -> dict[str, Any]:
    """Any YAML scalar except an empty one, read as text (a number or boolean is read as its digits or word)."""
    pattern = ONE_LINE if kind in ("line", "list") else NOT_BLANK
    return {"type": ["string", "number", "boolean"], "pattern": pattern, "description": description}


def field_schema(field: Field, choices: EditionChoices | None = None, owner: str = "") -> dict[str, Any]:
    """The schema of one field (of the record spec named owner), mirroring what the checker accepts for
    its kind; choices gives the values edition.yml declares for some fields (an entry's kind)."""
    about = f"{field.help} — {KIND_WORDS[field.kind]}"
    if field.kind in ("line", "text"):
        allowed = field.choices or (choices or {}).get(owner, {}).get(field.name, ())
        return {"enum": list(allowed), "description": about} if allowed else _scalar(field.kind, about)
    if field.kind == "bool":
        return {"enum": [True, False, "true", "false"], "description": about}
    if field.kind == "int":
        return {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": r"^\s*[0-9]+\s*$"}], "description": about}
    if field.kind == "date":
        return {"anyOf": [{"type": "integer", "minimum": 1000, "maximum": 9999}, {"type": "string", "pattern": DATE}], "description": about}
    if field.kind == "list":
        item = _scalar("line", "one name")
        empty = [{"type": "null"}, {"type": "string", "pattern": EMPTY}] + ([{"const": "none"}] if field.none else [])
        return {"anyOf": [{"type": "array", "items": item}, *empty], "description": about}
    if field.kind == "mapping":
        value = _scalar("text", "the text")
        names: dict[str, Any] = {"additionalProperties": value}
        if field.choices:  # the names it may hold, and the plural forms of a counted string ("words.count.few")
            plurals = sorted({name.rsplit(".", 1)[0] for name in field.choices if name.endswith(".other")})
            pattern = "^(" + "|".join(re.escape(p) for p in plurals) + r")\.(" + "|".join(PLURAL_FORMS) + ")$"
            names = {"properties": dict.fromkeys(field.choices, value), "patternProperties": {pattern: value}, "additionalProperties": False}
        return {"anyOf": [{"type": "object", **names}, {"type": "null"}, {"type": "string", "pattern": EMPTY}], "description": about}
    assert field.spec is not None, f"field '{field.name}' of kind {field.kind} has no spec"
    if field.kind == "record":
        return {**record_schema(field.spec, choices), "description": about}
    if field.kind == "records":
        items = record_schema(field.spec, choices)
        return {"anyOf": [{"type": "array", "items": items}, {"type": "null"}, {"type": "string", "pattern": EMPTY}], "description": about}
    raise ValueError(f"no JSON Schema for the field kind '{field.kind}' (field '{field.name}')")


def record_schema(spec: RecordSpec, choices: EditionChoices | None = None) -> dict[str, Any]:
    """A record: an object with exactly the spec's fields, the required ones present."""
    schema: dict[str, Any] = {
        "type": "object",
        "title": spec.name,
        "properties": {f.name: field_schema(f, choices, spec.name) for f in spec.fields},
        "additionalProperties": False,
    }
    required = [f.name for f in spec.fields if f.required]
    if required:
        schema["required"] = required
    return schema


def file_schema(kind: SchemaFile, choices: EditionChoices | None = None) -> dict[str, Any]:
    """The whole schema of one kind of file: one record, or a list of records (an empty file is allowed)."""
    record = record_schema(kind.spec, choices)
    top: dict[str, Any] = {"type": ["array", "null"], "items": record} if kind.many else record
    what = f"a list; each item is one {kind.spec.name}" if kind.many else f"one {kind.spec.name}"
    return {"$schema": DRAFT, "title": f"seeds/{kind.pattern}", "description": what, **top}


def edition_choices(settings: Settings) -> EditionChoices:
    """The values edition.yml declares for other files' fields: the kinds of entry and of text."""
    return {
        specs.TERM.name: {"kind": tuple(k.name for k in settings.term_kinds)},
        specs.TEXT_META.name: {"kind": tuple(k.name for k in settings.text_kinds)},
    }


def rendered(choices: EditionChoices | None = None) -> dict[str, str]:
    """Each schema file's name and its exact text (two-space indent, final newline)."""
    return {k.file: json.dumps(file_schema(k, choices), indent=2, ensure_ascii=False) + "\n" for k in SCHEMA_FILES}


def write_schemas(seeds: Path, choices: EditionChoices | None = None) -> list[str]:
    """Write seeds/.schemas/*.schema.json where the text changed; returns the names written."""
    folder = seeds / FOLDER
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in rendered(choices).items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            written.append(name)
    return written


def stale_schemas(seeds: Path, shown: str, choices: EditionChoices | None = None) -> list[Problem]:
    """A warning for each schema in seeds/.schemas/ that is missing or out of date; none when the folder is absent."""
    folder = seeds / FOLDER
    if not folder.is_dir():
        return []
    problems = []
    for name, text in rendered(choices).items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            problems.append(
                warning(
                    Position(f"{shown}/{FOLDER}/{name}"),
                    "stale-schema",
                    "this editor's schema does not match the checker's fields or the kinds in edition.yml any more; run `make schemas` to rewrite it",
                )
            )
    return problems


def reference(kind: SchemaFile) -> str:
    """The comment line that points yaml-language-server from a file of this kind to its schema."""
    up = "../" * kind.pattern.count("/")
    return f"# yaml-language-server: $schema={up}{FOLDER}/{kind.file}"
