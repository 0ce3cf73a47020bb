"""A site rendered by two MkDocs processes at once (tools/site/render.py, with its hook tools/site/share.py)
is the site one process renders, and a warning in either process fails the build."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT

from tools.annotate.edition import AnnotatedEdition
from tools.pipeline import generate
from tools.problems import EditionError
from tools.site import render
from tools.site.build import write_config
from tools.site.share import renders

EDITION = ROOT / "tests" / "editions" / "ru-poems" / "seeds"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}


def test_a_share_renders_its_pages_or_all_the_others() -> None:
    assert renders("print.md", None)
    assert renders("print.md", {"mode": "only", "pages": ["print.md"]})
    assert not renders("index.md", {"mode": "only", "pages": ["print.md"]})
    assert not renders("print.md", {"mode": "except", "pages": ["print.md"]})
    assert renders("texts/a.md", {"mode": "except", "pages": ["print.md"]})


def _configure(docs: Path, edition: AnnotatedEdition, build: Path) -> render.Configure:
    def configure(site_dir: Path, name: str, share: dict[str, object] | None) -> Path:
        return write_config(ROOT, docs, edition, site_dir, build / f"mkdocs.{name}.yml", share=share)

    return configure


def _render(tmp_path: Path, docs: Path, cores: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    checked, _ = generate(EDITION, docs)
    assert checked.edition is not None
    monkeypatch.setattr(render, "_cores", lambda: cores)
    monkeypatch.setattr(render, "SPLIT_FROM", 0)  # this small edition would be rendered in one process
    site, build = tmp_path / f"site-{cores}", tmp_path / f"build-{cores}"
    done = render.render_site(docs, site, _configure(docs, checked.edition, build), ENV, lambda: "meanwhile")
    assert done == "meanwhile"
    assert not site.with_name(f"second-{site.name}").exists()
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_processes_render_the_site_one_renders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    one = _render(tmp_path, docs, 1, monkeypatch)
    two = _render(tmp_path, docs, 2, monkeypatch)
    assert "print/index.html" in two
    assert sorted(two) == sorted(one)
    assert [name for name in one if one[name] != two[name]] == []
    assert not (tmp_path / "build-1" / "mkdocs.hosted-second.yml").exists()
    assert (tmp_path / "build-2" / "mkdocs.hosted-second.yml").exists()


def test_the_second_process_takes_about_half_the_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    pages = {"print.md": 90_000, "glossary.md": 40_000, "a.md": 30_000, "b.md": 10_000, "texts/c.md": 5_000, ".drafts/d.md": 80_000}
    for name, size in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("x" * size, encoding="utf-8")
    # Costs with PAGE_COST: print 100,000 -> first; glossary 50,000 -> second; a 40,000 -> second (50,000 < 100,000);
    # b 20,000 -> second (90,000 < 100,000); c 15,000 -> first (110,000 > 100,000). MkDocs leaves out .drafts/.
    assert render.SPLIT_FROM > 225_000
    assert render.second_share(docs) == []
    monkeypatch.setattr(render, "SPLIT_FROM", 225_000)
    assert render.second_share(docs) == ["a.md", "b.md", "glossary.md"]
    monkeypatch.setattr(render, "SPLIT_FROM", 225_001)
    assert render.second_share(docs) == []


def test_a_broken_link_between_the_halves_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each process checks the links between its own pages; a link from a page of one to a missing
    anchor of a page of the other fails the build as MkDocs' own check would."""
    docs = tmp_path / "docs"
    checked, _ = generate(EDITION, docs)
    assert checked.edition is not None
    monkeypatch.setattr(render, "SPLIT_FROM", 0)
    second = render.second_share(docs)
    first = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if p.relative_to(docs).as_posix() not in second)
    source, target = first[0], second[0]
    link = os.path.relpath(docs / target, (docs / source).parent).replace(os.sep, "/")
    with (docs / source).open("a", encoding="utf-8") as page:
        page.write(f"\n[elsewhere]({link}#no-such-anchor)\n")
    assert render.second_share(docs) == second
    monkeypatch.setattr(render, "_cores", lambda: 2)
    with pytest.raises(EditionError) as failed:
        render.render_site(docs, tmp_path / "site", _configure(docs, checked.edition, tmp_path / "build"), ENV, lambda: None)
    message = str(failed.value)
    assert message.startswith("MkDocs could not build the site (mkdocs.hosted.yml); nothing was published")
    assert f"Doc file '{source}' contains a link '{link}#no-such-anchor', but the doc '{target}' does not contain an anchor '#no-such-anchor'." in message
