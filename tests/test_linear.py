"""Linear time (issue 13, item 5): long runs of Markdown and HTML metacharacters in every editor field are
checked and rendered in time proportional to their length.

Speed targets belong to `make bench`; the bounds here are generous (ten times or more what a linear
pass takes on a loaded two-core machine) and only catch the quadratic and worse cases that took tens
of seconds to minutes before."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import GLOSSARY, TEXT_META, write_seeds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tools.pipeline import generate

# Runs that made a check or the renderer quadratic, and their neighbours.
UNITS = ("[", "![", "]", "](", "[a](https://example.org/(", "<!--", "<a ", "<", ">", "&", "`", "*", "_", "*a", "**a", "\\", "- ", "> ", "#", "|", "{", ":", "\n[", "\n", " ", "a")
FIELDS = ("definition", "short", "note", "headnote", "introduction", "term", "alias", "quote", "title", "text")
LENGTH = 20_000
SECONDS = 10.0  # a linear pass over 20 KB takes well under a second here


def edition_with(root: Path, field: str, payload: str) -> Path:
    """The test edition with payload in one field (a YAML string, so any character goes in)."""
    value = json.dumps(payload)
    glossary, texts, metadata, notes, edition = GLOSSARY, {"one": "The ABM Treaty limited ABMs.\n"}, TEXT_META, None, None
    if field == "definition":
        glossary = GLOSSARY.replace("definition: An *interceptor*.", f"definition: {value}")
    elif field == "short":
        glossary = GLOSSARY.replace("short: A missile that intercepts ballistic missiles.", f"short: {value}")
    elif field == "term":
        glossary = GLOSSARY.replace("- term: ABM Treaty", f"- term: {value}")
    elif field == "alias":
        glossary = GLOSSARY.replace("aliases: [Anti Ballistic Missile]", f"aliases: [{value}]")
    elif field == "note":
        notes = f"- text: one\n  quote: limited\n  kind: context\n  note: {value}\n"
    elif field == "quote":
        notes = f"- text: one\n  quote: {value}\n  kind: context\n  note: A note.\n"
    elif field == "headnote":
        metadata = TEXT_META.replace("headnote: A text for tests.", f"headnote: {value}")
    elif field == "title":
        metadata = TEXT_META.replace("title: A text", f"title: {value}")
    elif field == "introduction":
        edition = f"title: T\nslug: t\nintroduction: {value}\nprinciples: P.\n"
    elif field == "text":
        texts = {"one": "The ABM Treaty limited ABMs.\n\n" + payload + "\n"}
    options = {"edition": edition} if edition else {}
    return write_seeds(root, texts=texts, glossary=glossary, notes=notes, metadata={"one": metadata}, **options)


def seconds_to_generate(seeds: Path, docs: Path) -> float:
    started = time.perf_counter()
    generate(seeds, docs)
    return time.perf_counter() - started


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS), units=st.lists(st.sampled_from(UNITS), min_size=1, max_size=3))
def test_long_runs_of_metacharacters_in_any_field_take_linear_time(tmp_path_factory: pytest.TempPathFactory, field: str, units: list[str]) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    run = "".join(units)
    payload = (run * (LENGTH // len(run) + 1))[:LENGTH]
    seconds = seconds_to_generate(edition_with(root, field, payload), root / "docs")
    assert seconds < SECONDS, f"{field} with {LENGTH:,} characters of {run!r}: {seconds:.1f} s"


@pytest.mark.parametrize(
    ("field", "run"),
    [
        ("definition", "["),  # 8,000 took 103 s: Python-Markdown looked for the closing ']' of each '[' to the end
        ("note", "!["),  # 8,000 took 25 s, for the same reason
        ("short", "<!--"),  # the raw-HTML check looked for '-->' after each '<!--'
        ("definition", "\n["),  # the link check looked for ']' after each line's '['
    ],
)
def test_the_slowest_runs_found_stay_linear(tmp_path: Path, field: str, run: str) -> None:
    """The slowest cases the fuzzing found, at 40,000 characters (each took minutes or more before)."""
    payload = (run * (40_000 // len(run) + 1))[:40_000]
    seconds = seconds_to_generate(edition_with(tmp_path, field, payload), tmp_path / "docs")
    assert seconds < 2 * SECONDS, f"{field} with 40,000 characters of {run!r}: {seconds:.1f} s"


def test_a_tag_written_with_a_slash_is_raw_html(tmp_path: Path) -> None:
    """Issue 13: '<img/src=x onerror=...>' passed the raw-HTML check unflagged."""
    from conftest import problem_lines

    seeds = edition_with(tmp_path, "definition", "See <img/src=x onerror=alert(1)> here.")
    assert any("[raw-html]" in line for line in problem_lines(seeds))
