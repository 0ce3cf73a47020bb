"""Read an editor's YAML file into positioned nodes, refusing what YAML makes dangerous or surprising.

Every scalar stays the string the editor typed (no YAML 1.1 booleans, numbers, dates or nulls):
the schema decides what a value means. Anchors, aliases and tags are refused (alias bombs, object
construction); so are oversized files and absurd nesting. Problems carry 1-based positions.

A file is read by libyaml (PyYAML's C parser, over ten times faster) when it has no problem and
nothing the two parsers read differently; otherwise, and when PyYAML lacks libyaml, by PyYAML's
own parser, whose messages and positions are the ones reported.
"""
from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, Event, NodeEvent, ScalarEvent

from tools.problems import Position, Problem, error

if TYPE_CHECKING:  # libyaml's module exists only where PyYAML was built with it
    from yaml import Mark
    from yaml._yaml import Mark as CMark

MAX_BYTES = 1_000_000
# C0 and C1 control characters other than tab, line feed, form feed and carriage return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
MAX_DEPTH = 12
_LIBYAML = getattr(yaml, "CSafeLoader", None)  # None when PyYAML was built without libyaml
# Where libyaml reads differently from PyYAML: it accepts tabs as separators, and a comment right
# after a block scalar's indicator ('|#'); it counts columns differently after a byte order mark,
# and after Unicode line and paragraph separators.
_LIBYAML_DIFFERS = re.compile(r"[\t\ufeff\u2028\u2029]|[|>][-+0-9]*#")


@dataclass(frozen=True)
class Source:
    """An editor's file as decoded text, with the path used in messages."""

    path: str
    text: str


def decode(path: str, data: bytes) -> tuple[Source | None, list[Problem]]:
    """UTF-8 (a BOM is dropped), line endings made LF, composed to Unicode NFC; bad bytes reported
    with line and column.

    NFC: a text saved decomposed (e + combining accent, as some macOS tools write it) is the same
    text to a reader, and must match glossary terms and quotes typed composed; composing changes no
    character a reader sees (Unicode canonical equivalence)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]  # before decoding, so an error's offset is the editor's
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        bad = data[exc.start : exc.start + 1].hex().upper()
        return None, [
            error(
                Position(path, line, col),
                "encoding",
                f"byte 0x{bad} is not valid UTF-8; save the file as UTF-8 "
                "(in most editors: Save As, Encoding: UTF-8)",
            )
        ]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        col = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        return None, [
            error(
                Position(path, line, col),
                "control-character",
                f"the invisible control character U+{ord(control.group()):04X} is not allowed: "
                "a page cannot show it and Markdown would drop it; delete it",
            )
        ]
    return Source(path, unicodedata.normalize("NFC", text)), []


def read_source(file: Path, shown_as: str) -> tuple[Source | None, list[Problem]]:
    """Read and decode a regular file, refusing one larger than MAX_BYTES.

    The size is what is read, not what stat says: a device or pipe reports 0 and never ends."""
    try:
        handle = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        return None, [error(Position(shown_as), "not-a-file", f"{file.name} cannot be read ({exc.strerror}); check that it is a file you can open")]
    with os.fdopen(handle, "rb") as opened:
        if not stat.S_ISREG(os.fstat(opened.fileno()).st_mode):
            return None, [error(Position(shown_as), "not-a-file", f"{file.name} is not a regular file (a device, pipe, socket or folder); save it as a file")]
        data = opened.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        size = max(len(data), file.stat().st_size)
        return None, [
            error(
                Position(shown_as),
                "too-large",
                f"file is {size:,} bytes, more than the {MAX_BYTES:,} allowed; split it or remove what is not needed",
            )
        ]
    return decode(shown_as, data)


def _position(source: Source, mark: Mark | CMark | None) -> Position:
    if mark is None:
        return Position(source.path)
    return Position(source.path, mark.line + 1, mark.column + 1)


def _tab_problems(source: Source) -> list[Problem]:
    problems = []
    for number, line in enumerate(source.text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                error(
                    Position(source.path, number, indent.index("\t") + 1),
                    "tab",
                    "a tab is used for indentation; YAML needs spaces: replace the tab with spaces",
                )
            )
    return problems


def _event_problems(source: Source) -> list[Problem]:
    """Walk the event stream (not recursive) for aliases, anchors, tags and depth."""
    problems: list[Problem] = []
    depth = 0
    for event in yaml.parse(source.text, Loader=yaml.SafeLoader):
        where = _position(source, event.start_mark)
        if isinstance(event, AliasEvent):
            problems.append(
                error(where, "alias", f"the alias '*{event.anchor}' is not allowed; write the value out in full")
            )
            continue
        if isinstance(event, NodeEvent) and event.anchor is not None:
            problems.append(
                error(where, "anchor", f"the anchor '&{event.anchor}' is not allowed; remove it and write values out in full")
            )
        tag = getattr(event, "tag", None)
        if isinstance(event, NodeEvent) and tag is not None:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            problems.append(
                error(where, "tag", f"the tag '{shown}' is not allowed; remove it (quote the value if it must start with '!')")
            )
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                problems.append(
                    error(where, "too-deep", f"nesting is deeper than {MAX_DEPTH} levels; this file never needs that many")
                )
                return problems
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
    return problems


def _same_in_libyaml(events: Iterator[Event]) -> bool:
    """True when the events have nothing to report and nothing libyaml places or accepts unlike
    PyYAML: an empty value (libyaml puts some at the next line), a plain '?' in a flow collection."""
    flow: list[bool] = []
    for event in events:
        anchored = isinstance(event, NodeEvent) and event.anchor is not None
        tagged = isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.tag is not None
        if isinstance(event, AliasEvent) or anchored or tagged:
            return False
        if isinstance(event, ScalarEvent) and not event.style and (not event.value or ("?" in event.value and any(flow))):
            return False
        if isinstance(event, CollectionStartEvent):
            flow.append(bool(event.flow_style))
            if len(flow) > MAX_DEPTH:
                return False
        elif isinstance(event, CollectionEndEvent):
            flow.pop()
    return True


def _libyaml_node(text: str) -> yaml.Node | None:
    """The document as libyaml composes it, or None when PyYAML must read it (see the module's docstring)."""
    if _LIBYAML is None or _LIBYAML_DIFFERS.search(text):
        return None
    try:
        if not _same_in_libyaml(yaml.parse(text, Loader=_LIBYAML)):
            return None
        return yaml.compose(text, Loader=_LIBYAML)
    except yaml.YAMLError:
        return None


def parse(source: Source) -> tuple[yaml.Node | None, list[Problem]]:
    """Parse one YAML document into nodes, or report why it cannot be read."""
    problems = _tab_problems(source)
    if problems:
        return None, problems
    node = _libyaml_node(source.text)
    if node is not None:
        return node, []
    try:
        problems = _event_problems(source)
        if problems:
            return None, problems
        return yaml.compose(source.text, Loader=yaml.SafeLoader), []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        return None, [
            error(
                _position(source, mark),
                "yaml-syntax",
                f"YAML syntax error: {what}; check indentation, and quote values that contain ': ' or start with a special character",
            )
        ]
    except yaml.YAMLError as exc:
        return None, [error(Position(source.path), "yaml-syntax", f"YAML syntax error: {exc}")]


def load(file: Path, shown_as: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Read, decode and parse a YAML file."""
    source, problems = read_source(file, shown_as)
    if source is None:
        return None, problems
    return parse(source)


def position_of(source_path: str, node: yaml.Node) -> Position:
    """Where a node starts, 1-based."""
    return Position(source_path, node.start_mark.line + 1, node.start_mark.column + 1)
