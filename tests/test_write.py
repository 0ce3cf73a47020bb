"""Writing docs/: only changed pages are written, stale generated pages go, other files stay."""
from __future__ import annotations

from pathlib import Path

from conftest import TEXT_META, write_seeds

from tools.pages.write import render_pages
from tools.pipeline import check, generate

TEXTS = {
    "one": "The ABM Treaty limited ABMs.\n\nA second paragraph on ABM.\n\nNothing here at all.\n",
    "two": "Another ABM text.\n",
}
# Pages every edition has; others (such as extra overview pages) may be added by the page writers.
CORE_FILES = {"assets/edition.css", "assets/edition.js", "glossary.md", "index.md", "texts/one.md", "texts/two.md"}


def files(docs: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under docs/ with its bytes and modification time."""
    return {p.relative_to(docs).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(docs.rglob("*")) if p.is_file()}


def all_files(seeds: Path) -> list[str]:
    """What the generator produces for these seeds."""
    checked = check(seeds)
    assert checked.edition is not None
    return sorted(render_pages(checked.edition))


def test_first_run_writes_every_page(here: Path) -> None:
    seeds = write_seeds(here, texts=TEXTS)
    expected = all_files(seeds)
    assert set(expected) >= CORE_FILES
    checked, changed = generate(seeds, here / "docs")
    assert checked.edition is not None
    assert changed == expected
    assert sorted(files(here / "docs")) == expected


def test_second_run_writes_nothing(here: Path) -> None:
    seeds = write_seeds(here, texts=TEXTS)
    generate(seeds, here / "docs")
    before = files(here / "docs")
    _, changed = generate(seeds, here / "docs")
    assert changed == []
    assert files(here / "docs") == before


def test_changing_one_text_rewrites_only_its_page(here: Path) -> None:
    """Only the text's page and the print page (which holds every text) change."""
    seeds = write_seeds(here, texts=TEXTS)
    generate(seeds, here / "docs")
    before = files(here / "docs")
    (seeds / "texts" / "one.txt").write_text(TEXTS["one"].replace("Nothing", "Something"), encoding="utf-8")
    _, changed = generate(seeds, here / "docs")
    assert [name for name in changed if not name.startswith("search/")] == ["print.md", "texts/one.md"]
    # The search index changes where the paragraph's words are: the text's documents, the shards of
    # the words in the paragraph (their snippets hold the new word), and the shard list.
    shards = {f"search/s-{word[:2]}.js" for word in ("nothing", "something", "here", "at", "all")}
    assert set(changed) - {"print.md", "texts/one.md"} <= {"search/c-0-0.js", "search/index.js"} | shards
    after = files(here / "docs")
    changed_pages = {name for name in after.keys() | before.keys() if after.get(name) != before.get(name) and not name.startswith("search/")}
    assert changed_pages == {"print.md", "texts/one.md"}
    assert "Something here at all" in (here / "docs" / "texts" / "one.md").read_text(encoding="utf-8")


def test_editing_a_definition_changes_no_text_page(here: Path) -> None:
    """Issue 16: the glossary page, the tooltips' data, the glossary download, the print page and the
    glossary's search documents hold an entry's definition; the pages of the texts that gloss it do not."""
    seeds = write_seeds(here, texts=TEXTS)
    generate(seeds, here / "docs")
    glossary = seeds / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("A missile that intercepts", "An interceptor that destroys"), encoding="utf-8")
    _, changed = generate(seeds, here / "docs")
    assert [name for name in changed if not name.startswith("search/")] == [
        "assets/glossary-data.js", "downloads/test-edition-glossary.json", "glossary.md", "print.md"
    ]


def test_the_preview_holds_the_print_page(here: Path) -> None:
    """hold_print neither writes the print page nor removes it: the live preview renders it when it is opened."""
    seeds = write_seeds(here, texts=TEXTS)
    docs = here / "docs"
    _, changed = generate(seeds, docs, hold_print=True)
    assert "print.md" not in changed and not (docs / "print.md").exists()
    generate(seeds, docs)
    before = (docs / "print.md").read_bytes()
    (seeds / "texts" / "one.txt").write_text(TEXTS["one"].replace("Nothing", "Something"), encoding="utf-8")
    _, changed = generate(seeds, docs, hold_print=True)
    assert "texts/one.md" in changed and "print.md" not in changed
    assert (docs / "print.md").read_bytes() == before


def test_removed_text_removes_its_page_only(here: Path) -> None:
    """The page of a deleted text goes; files the generator does not make are left alone."""
    seeds = write_seeds(here, texts=TEXTS)
    docs = here / "docs"
    generate(seeds, docs)
    expected = all_files(seeds)
    (docs / "images").mkdir()
    (docs / "images" / "map.png").write_bytes(b"png")
    (docs / "texts" / "notes.txt").write_text("kept", encoding="utf-8")
    (seeds / "texts" / "two.txt").unlink()
    (seeds / "texts" / "two.yml").unlink()
    _, changed = generate(seeds, docs)
    assert "texts/two.md" in changed
    assert not (docs / "texts" / "two.md").exists()
    assert (docs / "images" / "map.png").read_bytes() == b"png"
    assert (docs / "texts" / "notes.txt").read_text(encoding="utf-8") == "kept"
    gone = {"texts/two.md", "downloads/texts/two.ris", "downloads/texts/two.bib", "downloads/texts/two.csl.json"}
    assert gone <= set(expected) and gone <= set(changed), "the text's page and its citation files go with it"
    pages = [f for f in files(docs) if not f.startswith("search/")]
    assert sorted(pages) == sorted([f for f in expected if f not in gone and not f.startswith("search/")] + ["images/map.png", "texts/notes.txt"])
    assert "search/c-2-0.js" not in files(docs), "the search documents of the removed text (the last page but the glossary) go too"


def test_stale_generated_files_are_removed(here: Path) -> None:
    """A page or asset left by an earlier generator version (a renamed text, an old script) goes."""
    seeds = write_seeds(here, texts=TEXTS)
    docs = here / "docs"
    (docs / "texts").mkdir(parents=True)
    (docs / "assets").mkdir()
    for stale in ("texts/old-name.md", "assets/old.js", "assets/old.css", "about.md"):
        (docs / stale).write_text("stale", encoding="utf-8")
    _, changed = generate(seeds, docs)
    expected = all_files(seeds)
    assert sorted(changed) == sorted(expected + ["about.md", "assets/old.css", "assets/old.js", "texts/old-name.md"])
    assert sorted(files(docs)) == expected


def test_errors_write_nothing(here: Path) -> None:
    seeds = write_seeds(here, texts=TEXTS)
    docs = here / "docs"
    generate(seeds, docs)
    before = files(docs)
    (seeds / "notes.yml").write_text("- text: one\n  quote: not in the text\n  kind: context\n  note: N.\n", encoding="utf-8")
    (seeds / "texts" / "two.txt").unlink()
    checked, changed = generate(seeds, docs)
    assert checked.edition is None and changed == []
    assert files(docs) == before


def test_no_temporary_files_are_left(here: Path) -> None:
    seeds = write_seeds(here, texts=TEXTS, metadata={"one": TEXT_META, "two": TEXT_META})
    generate(seeds, here / "docs")
    assert [p.name for p in (here / "docs").rglob(".*")] == []


def test_every_generated_file_is_kept_out_of_git() -> None:
    """What generate() writes into docs/ for this repository's seeds is git-ignored and not tracked."""
    import subprocess

    from conftest import ROOT

    written = [f"docs/{name}" for name in all_files(ROOT / "seeds")]
    ignored = subprocess.run(["git", "check-ignore", "--no-index", "--stdin"], input="\n".join(written), capture_output=True, text=True, cwd=ROOT, check=False)
    assert sorted(set(written) - set(ignored.stdout.split())) == []
    tracked = subprocess.run(["git", "ls-files", "docs"], capture_output=True, text=True, cwd=ROOT, check=True).stdout.split()
    assert tracked == ["docs/.gitkeep"]
