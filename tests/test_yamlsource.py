"""Reading editors' YAML: syntax, tabs, encodings, YAML 1.1 surprises, aliases, tags, size, nesting."""
from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
import yaml
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from tools.source import yamlsource
from tools.source.yamlsource import MAX_BYTES, Source, decode, load, parse


def messages(text: str) -> list[str]:
    return [p.format() for p in parse(Source("g.yml", text))[1]]


def test_syntax_error_has_line_and_column() -> None:
    assert messages("- term: ABM\n  short: a: b\n") == [
        "g.yml:2:11: error: YAML syntax error: mapping values are not allowed here; check indentation, "
        "and quote values that contain ': ' or start with a special character [yaml-syntax]"
    ]


def test_tab_indentation() -> None:
    assert messages("- term: ABM\n\tshort: x\n") == [
        "g.yml:2:1: error: a tab is used for indentation; YAML needs spaces: replace the tab with spaces [tab]"
    ]


def test_non_utf8_reports_line_not_byte_offset() -> None:
    source, problems = decode("g.yml", b"- term: ABM\n  short: caf" + b"\xe9\n")
    assert source is None
    assert [p.format() for p in problems] == [
        "g.yml:2:13: error: byte 0xE9 is not valid UTF-8; save the file as UTF-8 "
        "(in most editors: Save As, Encoding: UTF-8) [encoding]"
    ]


def test_bom_and_crlf_change_nothing() -> None:
    plain = decode("g.yml", b"- term: ABM\n  short: x\n")[0]
    odd = decode("g.yml", b"\xef\xbb\xbf- term: ABM\r\n  short: x\r\n")[0]
    old_mac = decode("g.yml", b"- term: ABM\r  short: x\r")[0]
    assert plain == odd == old_mac


@pytest.mark.parametrize("value", ["NO", "ON", "off", "yes", "null", "1:20", "3.10", "0755", "2024-01-01", "~", "1e3"])
def test_yaml_11_values_stay_literal_strings(value: str) -> None:
    node, problems = parse(Source("g.yml", f"term: {value}\n"))
    assert problems == []
    assert isinstance(node, yaml.MappingNode)
    assert node.value[0][1].value == value


def test_anchors_and_aliases_are_refused() -> None:
    assert messages("a: &x [1, 2]\nb: *x\n") == [
        "g.yml:1:4: error: the anchor '&x' is not allowed; remove it and write values out in full [anchor]",
        "g.yml:2:4: error: the alias '*x' is not allowed; write the value out in full [alias]",
    ]


def test_billion_laughs_is_refused_before_expansion() -> None:
    bomb = "a: &a [x, x]\n" + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    assert any("[alias]" in m for m in messages(bomb))


@pytest.mark.parametrize("text, tag", [
    ("a: !!python/object/apply:os.system [echo hi]\n", "!!python/object/apply:os.system"),
    ("a: !custom x\n", "!custom"),
    ("a: !!str 3\n", "!!str"),
])
def test_tags_are_refused(text: str, tag: str) -> None:
    assert messages(text) == [
        f"g.yml:1:4: error: the tag '{tag}' is not allowed; remove it (quote the value if it must start with '!') [tag]"
    ]


def test_absurd_nesting_is_refused_without_recursion_error() -> None:
    deep = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    assert messages(deep) == ["g.yml:1:15: error: nesting is deeper than 12 levels; this file never needs that many [too-deep]"]


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yml"
    big.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    node, problems = load(big, "big.yml")
    assert node is None
    assert [p.format() for p in problems] == [
        f"big.yml:1:1: error: file is {MAX_BYTES + 3:,} bytes, more than the {MAX_BYTES:,} allowed; "
        "split it or remove what is not needed [too-large]"
    ]


# --- libyaml reads what PyYAML reads --------------------------------------------------------------

needs_libyaml = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")


def _shape(node: yaml.Node | None) -> object:
    """What the schema sees of a node: its kind, where it starts, its value."""
    if node is None:
        return None
    head = (type(node).__name__, node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return (*head, node.value)
    if isinstance(node, yaml.SequenceNode):
        return (*head, *map(_shape, node.value))
    return (*head, *((_shape(k), _shape(v)) for k, v in node.value))


def _read(text: str) -> tuple[object, list[str]]:
    node, problems = parse(Source("g.yml", text))
    return _shape(node), [p.format() for p in problems]


def _read_by_pyyaml(text: str) -> tuple[object, list[str]]:
    with mock.patch.object(yamlsource, "_LIBYAML", None):
        return _read(text)


@needs_libyaml
def test_the_editions_files_are_read_by_libyaml() -> None:
    for file in sorted((ROOT / "seeds").rglob("*.yml")):
        source, _ = yamlsource.read_source(file, file.name)
        assert source is not None
        assert yamlsource._libyaml_node(source.text) is not None, file.name
        assert _read(source.text) == _read_by_pyyaml(source.text)


@needs_libyaml
@pytest.mark.parametrize("text", [
    "a: b\t\n",  # libyaml accepts tabs as separators; PyYAML refuses them
    "a: [b,\tc]\n",
    "a: [b?c]\n",  # a '?' in a plain scalar in a flow collection
    "a: |#\n  b\n",  # a comment straight after a block scalar's indicator
    "?\n",  # empty values: libyaml places some on the next line
    "? a\n",
    "a: {b: }\n",
    "a: [b: ]\n",
    "---\n",
    "y\ufeffear: 2001\n",  # columns after a byte order mark
    "a: b\u2028c: d\n",
])
def test_where_libyaml_differs_pyyaml_reads(text: str) -> None:
    assert yamlsource._libyaml_node(text) is None
    assert _read(text) == _read_by_pyyaml(text)


YAMLISH = st.lists(
    st.sampled_from([
        " ", "\n", "\n  ", "\n    ", "- ", ": ", "? ", ":", "-", "?", "[", "]", "{", "}", ",", "#", "|", ">", "|-\n", ">+\n",
        "'", '"', "\\", "\\n", "&", "*", "!", "%", "@", "`", "---\n", "...\n", "a", "b", "word", "term: ", "é", "\u00a0",
        "\U0001f600", "\t", "\ufeff", "\u2028",
    ]),
    max_size=30,
).map("".join)


@needs_libyaml
@settings(max_examples=400, deadline=None)
@given(st.one_of(YAMLISH, st.text(max_size=30)))
def test_libyaml_and_pyyaml_read_alike(text: str) -> None:
    assert _read(text) == _read_by_pyyaml(text)
