"""Reading editors' YAML: syntax, tabs, encodings, YAML 1.1 surprises, aliases, tags, size, nesting."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tools.yamlsource import MAX_BYTES, Source, decode, load, parse


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
    source, problems = decode("g.yml", "- term: ABM\n  short: caf".encode() + b"\xe9\n")
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
    bomb = "a: &a [x, x]\n" + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
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
