"""Shared fixtures: small editions written into a temporary seeds/ folder."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

EDITION = """\
title: Test Edition
slug: test-edition
introduction: An edition for tests.
principles: Texts are reproduced verbatim.
"""

GLOSSARY = """\
- term: ABM
  expansion: anti-ballistic missile
  kind: weapon system
  short: A missile that intercepts ballistic missiles.
  definition: An *interceptor*.
  aliases: [Anti Ballistic Missile]
  references:
    - title: ABM Treaty
      year: "1972"
- term: ABM Treaty
  kind: treaty
  short: The 1972 treaty limiting ABM systems.
  definition: A treaty.
  related: [ABM]
  references:
    - title: ABM Treaty
      year: "1972"
"""

TEXT_META = """\
title: A text
source: Test Press
date: 2018-03
kind: news report
headnote: A text for tests.
"""


def write_seeds(
    root: Path,
    texts: dict[str, str] | None = None,
    glossary: str = GLOSSARY,
    notes: str | None = None,
    crosslinks: str | None = None,
    metadata: dict[str, str] | None = None,
    edition: str = EDITION,
) -> Path:
    """A seeds/ folder with the given files; texts get TEXT_META unless metadata says otherwise."""
    seeds = root / "seeds"
    (seeds / "texts").mkdir(parents=True, exist_ok=True)
    (seeds / "edition.yml").write_text(edition, encoding="utf-8")
    (seeds / "glossary.yml").write_text(glossary, encoding="utf-8")
    if notes is not None:
        (seeds / "notes.yml").write_text(textwrap.dedent(notes), encoding="utf-8")
    if crosslinks is not None:
        (seeds / "crosslinks.yml").write_text(textwrap.dedent(crosslinks), encoding="utf-8")
    texts = texts if texts is not None else {"one": "The ABM Treaty limited ABMs.\n\nA second paragraph on ABM.\n"}
    metadata = metadata if metadata is not None else {slug: TEXT_META for slug in texts}
    for slug, body in texts.items():
        (seeds / "texts" / f"{slug}.txt").write_text(body, encoding="utf-8")
    for slug, meta in metadata.items():
        (seeds / "texts" / f"{slug}.yml").write_text(meta, encoding="utf-8")
    return seeds


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A minimal valid edition in tmp_path/seeds, with tmp_path as the working directory."""
    monkeypatch.chdir(tmp_path)
    return write_seeds(tmp_path)
