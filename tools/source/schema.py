"""Field-by-field reading of YAML nodes into positioned values, with messages an editor can act on.

Each record type (a glossary entry, a note, ...) is a RecordSpec: its fields, which are required, and
what each holds. Reading never stops at the first problem: every unknown, missing, empty or ill-typed
field is reported with its file:line:col.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Literal

import yaml

from tools.model import PartialDate
from tools.problems import Position, Problem, error
from tools.source.yamlsource import position_of

Kind = Literal["line", "text", "bool", "int", "date", "list", "record", "records", "mapping"]

KIND_WORDS: dict[str, str] = {
    "line": "a one-line text",
    "text": "a text (Markdown)",
    "bool": "true or false",
    "int": "a whole number",
    "date": "a date (YYYY, YYYY-MM, YYYY-MM-DD or unknown)",
    "list": "a list of names",
    "record": "a group of fields",
    "records": "a list of items",
    "mapping": "a group of 'name: text' lines",
}


@dataclass(frozen=True)
class Field:
    """One field of a record: its name, what it holds, and a line of help for messages and the guide."""

    name: str
    kind: Kind
    help: str
    required: bool = False
    choices: tuple[str, ...] = ()
    spec: RecordSpec | None = None
    none: bool = False  # a list that may be written as the word none (explicitly empty)


@dataclass(frozen=True)
class RecordSpec:
    """The fields a record may have."""

    name: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class Value:
    value: Any
    position: Position


@dataclass(frozen=True)
class Record:
    """A read record: values by field name, each with where it was written."""

    values: dict[str, Value]
    position: Position

    def get(self, name: str, default: Any = None) -> Any:
        found = self.values.get(name)
        return default if found is None else found.value

    def at(self, name: str) -> Position:
        found = self.values.get(name)
        return self.position if found is None else found.position


def did_you_mean(word: str, options: list[str] | tuple[str, ...]) -> str:
    """' (did you mean 'x'?)' when a close option exists, else ''."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    if not close:
        close = [o for o in options if o.lower() == word.lower()]
    return f" (did you mean '{close[0]}'?)" if close else ""


class Reader:
    """Reads nodes of one file against specs, collecting problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def _problem(self, node: yaml.Node, code: str, message: str) -> None:
        self.problems.append(error(position_of(self.path, node), code, message))

    def records(self, node: yaml.Node | None, spec: RecordSpec) -> list[Record]:
        """A top-level list of records (glossary.yml, notes.yml, crosslinks.yml)."""
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self._problem(node, "type", f"expected a list of {spec.name}s, each starting with '- ', but found {_found(node)}")
            return []
        return [r for r in (self.record(item, spec) for item in node.value) if r is not None]

    def record(self, node: yaml.Node, spec: RecordSpec) -> Record | None:
        """One mapping read against its spec."""
        if not isinstance(node, yaml.MappingNode):
            self._problem(node, "type", f"expected {_a(spec.name)} (fields written 'name: value'), but found {_found(node)}")
            return None
        values: dict[str, Value] = {}
        seen: dict[str, yaml.Node] = {}
        names = tuple(f.name for f in spec.fields)
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self._problem(key_node, "type", "a field name must be a plain word, such as 'term'")
                continue
            if key in seen:
                first = position_of(self.path, seen[key])
                self._problem(key_node, "duplicate-key", f"the field '{key}' is given twice in this {spec.name} (first at line {first.line}); keep one")
                continue
            seen[key] = key_node
            field = spec.field(key)
            if field is None:
                self._problem(
                    key_node,
                    "unknown-field",
                    f"unknown field '{key}' in {_a(spec.name)}{did_you_mean(key, names)}; allowed fields: {', '.join(names)}",
                )
                continue
            value = self.value(value_node, field, spec)
            if value is not None:
                values[key] = Value(value, position_of(self.path, value_node))
        for field in spec.fields:
            if field.required and field.name not in seen:
                self._problem(node, "missing-field", f"this {spec.name} has no '{field.name}' field; add it: {field.help}")
        return Record(values, position_of(self.path, node))

    def value(self, node: yaml.Node, field: Field, spec: RecordSpec) -> Any:
        """One field's value converted to its kind, or None after reporting why not."""
        where = f"'{field.name}' in {_a(spec.name)}"
        if field.kind == "record":
            assert field.spec is not None
            return self.record(node, field.spec)
        if field.kind == "records":
            assert field.spec is not None
            if isinstance(node, yaml.ScalarNode) and node.value.strip() in ("", "[]"):
                return []
            return self.records(node, field.spec)
        if field.kind == "mapping":
            return self._mapping(node, where)
        if field.kind == "list":
            if isinstance(node, yaml.ScalarNode) and (node.value.strip() in ("", "[]") or (field.none and node.value.strip() == "none")):
                return []
            if not isinstance(node, yaml.SequenceNode):
                self._problem(node, "type", f"{where} must be a list, written [a, b] or one '- item' per line, but found {_found(node)}")
                return None
            items = []
            for item in node.value:
                text = self._scalar(item, field, where)
                if text is not None:
                    items.append(Value(text, position_of(self.path, item)))
            return items
        text = self._scalar(node, field, where)
        if text is None:
            return None
        return self._convert(node, text, field, where)

    def _mapping(self, node: yaml.Node, where: str) -> dict[str, Value] | None:
        """'name: text' lines, each text one scalar, keyed by name (its Value's position is the name's)."""
        if isinstance(node, yaml.ScalarNode) and node.value.strip() in ("", "{}"):
            return {}
        if not isinstance(node, yaml.MappingNode):
            self._problem(node, "type", f"{where} must be {KIND_WORDS['mapping']}, but found {_found(node)}")
            return None
        found: dict[str, Value] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or not key_node.value.strip():
                self._problem(key_node, "type", f"each name in {where} must be a plain word")
                continue
            key = key_node.value.strip()
            if key in found:
                self._problem(key_node, "duplicate-key", f"'{key}' is given twice in {where} (first at line {found[key].position.line}); keep one")
                continue
            if not isinstance(value_node, yaml.ScalarNode) or not value_node.value.strip():
                self._problem(value_node, "type", f"'{key}' in {where} must be a text, but found {_found(value_node)}")
                continue
            found[key] = Value((value_node.value.strip(), position_of(self.path, value_node)), position_of(self.path, key_node))
        return found

    def _scalar(self, node: yaml.Node, field: Field, where: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self._problem(node, "type", f"{where} must be {KIND_WORDS[field.kind]}, but found {_found(node)}")
            return None
        text = node.value.strip()
        if not text:
            self._problem(node, "empty", f"{where} is empty; write {field.help} or remove the line")
            return None
        if field.kind in ("line", "list") and "\n" in text:
            self._problem(node, "multi-line", f"{where} must fit on one line")
            return None
        return text if field.kind != "text" else str(node.value).strip("\n")

    def _convert(self, node: yaml.Node, text: str, field: Field, where: str) -> Any:
        if field.kind == "bool":
            if text not in ("true", "false"):
                self._problem(node, "type", f"{where} must be true or false, not '{text}'")
                return None
            return text == "true"
        if field.kind == "int":
            if not (text.isascii() and text.isdigit() and len(text) <= 9):  # int() fails on '²' and on 5,000 digits
                self._problem(node, "type", f"{where} must be a whole number such as 1, not '{text}'")
                return None
            return int(text)
        if field.kind == "date":
            date = PartialDate.parse(text)
            if date is None:
                self._problem(
                    node, "date", f"{where}: '{text}' is not a date; write YYYY-MM-DD, YYYY-MM, YYYY or unknown (e.g. 1972-05-26)"
                )
            return date
        if field.choices and text not in field.choices:
            options = ", ".join(field.choices)
            self._problem(node, "choice", f"{where} is '{text}'{did_you_mean(text, field.choices)}; choose one of: {options}")
            return None
        return text


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _found(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a group of 'name: value' fields"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"'{node.value}'" if node.value.strip() else "nothing"
