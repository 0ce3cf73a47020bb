"""Publishing: a failed build leaves the previous site and zip untouched; equal input and SOURCE_DATE_EPOCH
give byte-identical output. Uses the small test edition, built through the command line."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, TEXT_META, write_seeds

from tools.site.build import grouped

EPOCH = "1700000000"
TEXTS = {
    "one": "The ABM Treaty limited ABMs.\n\nA second paragraph on ABM.\n",
    "two": "Another ABM text, on the ABM Treaty.\n",
}
NOTES = """\
- text: one
  quote: limited ABMs
  kind: context
  note: A note with *emphasis*.
"""
CROSSLINKS = """\
- label: Both on the treaty
  from:
    text: one
    quote: The ABM Treaty limited
  to:
    text: two
    quote: on the ABM Treaty
"""


@dataclass(frozen=True)
class Edition:
    root: Path

    @property
    def site(self) -> Path:
        return self.root / "build" / "site"

    @property
    def zip(self) -> Path:
        return self.root / "build" / "test-edition-offline.zip"

    def build(self, *extra: str, epoch: str = EPOCH) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
        env["SOURCE_DATE_EPOCH"] = epoch
        command = [sys.executable, "-m", "tools", "--seeds", "seeds", "--docs", "docs", "--build", "build", "build", *extra]
        return subprocess.run(command, cwd=self.root, capture_output=True, text=True, env=env, timeout=300)


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under folder: its relative path and a hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def new_edition(root: Path) -> Edition:
    write_seeds(root, texts=TEXTS, notes=NOTES, crosslinks=CROSSLINKS)
    return Edition(root)


@pytest.fixture(scope="module")
def twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Edition, Edition]:
    """The same edition built in two different folders with the same SOURCE_DATE_EPOCH."""
    editions = []
    for name in ("first", "second"):
        edition = new_edition(tmp_path_factory.mktemp(name))
        result = edition.build()
        assert result.returncode == 0, result.stdout + result.stderr
        editions.append(edition)
    first, second = editions
    return first, second


@pytest.fixture
def copy(twice: tuple[Edition, Edition], tmp_path: Path) -> Edition:
    """A private copy of a built edition, to break."""
    shutil.copytree(twice[0].root, tmp_path / "copy", symlinks=True)
    return Edition(tmp_path / "copy")


def needs_zip(edition: Edition) -> None:
    if not edition.zip.exists():
        pytest.fail("the build wrote no offline zip")


# --- reproducible ------------------------------------------------------------------------------


def test_same_epoch_gives_the_same_zip(twice: tuple[Edition, Edition]) -> None:
    first, second = twice
    needs_zip(first)
    assert first.zip.read_bytes() == second.zip.read_bytes()


def test_same_epoch_gives_the_same_site(twice: tuple[Edition, Edition]) -> None:
    """Every file of the hosted site (sitemap.xml.gz and the search index included) is byte-identical."""
    first, second = twice
    digest = tree_digest(first.site)
    assert {"index.html", "sitemap.xml", "sitemap.xml.gz", "search/index.js", "texts/one/index.html"} <= set(digest)
    assert digest == tree_digest(second.site)


def test_same_epoch_gives_the_same_epub_published_beside_and_inside_the_site(twice: tuple[Edition, Edition]) -> None:
    first, second = twice
    epub = first.root / "build" / "test-edition.epub"
    assert epub.read_bytes() == (second.root / "build" / "test-edition.epub").read_bytes()
    assert (first.site / "downloads" / "test-edition.epub").read_bytes() == epub.read_bytes()


def test_rebuilding_in_place_changes_no_byte(copy: Edition) -> None:
    before, zip_before = tree_digest(copy.site), copy.zip.read_bytes() if copy.zip.exists() else b""
    result = copy.build()
    assert result.returncode == 0, result.stderr
    assert tree_digest(copy.site) == before
    assert (copy.zip.read_bytes() if copy.zip.exists() else b"") == zip_before


def test_zip_members_carry_the_epoch(twice: tuple[Edition, Edition]) -> None:
    import zipfile

    first, _ = twice
    needs_zip(first)
    with zipfile.ZipFile(first.zip) as archive:
        infos = archive.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert {n.split("/")[0] for n in names} == {"test-edition"}
    assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    assert "test-edition/index.html" in names and "test-edition/texts/one.html" in names


# --- failures publish nothing ------------------------------------------------------------------


def test_failed_check_keeps_the_previous_site(copy: Edition) -> None:
    """A note whose quote is gone: exit 1, the editor's message, and site and zip exactly as they were."""
    site, zip_bytes = tree_digest(copy.site), copy.zip.read_bytes() if copy.zip.exists() else b""
    docs = tree_digest(copy.root / "docs")
    (copy.root / "seeds" / "notes.yml").write_text(NOTES.replace("limited ABMs", "limited all ABMs"), encoding="utf-8")
    result = copy.build()
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "seeds/notes.yml:2:10: error: the quote “limited all ABMs” is not in seeds/texts/one.txt; copy the words exactly "
        "from one paragraph (quotes and apostrophes included) [quote-missing]",
        "1 error(s), 0 warning(s)",
        "build stopped: nothing was published; the previous site is unchanged",
    ]
    assert "Traceback" not in result.stdout + result.stderr
    assert tree_digest(copy.site) == site
    assert (copy.zip.read_bytes() if copy.zip.exists() else b"") == zip_bytes
    assert tree_digest(copy.root / "docs") == docs


def test_failed_mkdocs_build_keeps_the_previous_site(copy: Edition) -> None:
    """MkDocs warns (a broken link in a page of docs/), so the strict build fails: nothing is published."""
    site, zip_bytes = tree_digest(copy.site), copy.zip.read_bytes() if copy.zip.exists() else b""
    epub = (copy.root / "build" / "test-edition.epub").read_bytes()
    extra = copy.root / "docs" / "extra"
    extra.mkdir()
    (extra / "broken.md").write_text("# Broken\n\n[a link](missing.md)\n", encoding="utf-8")
    result = copy.build()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "error: MkDocs could not build the site (mkdocs.hosted.yml); nothing was published, the previous site is unchanged:" in result.stderr
    assert "Doc file 'extra/broken.md' contains a link 'missing.md'" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert tree_digest(copy.site) == site
    assert (copy.root / "build" / "test-edition.epub").read_bytes() == epub, "the EPUB is published with the site or not at all"
    assert (copy.zip.read_bytes() if copy.zip.exists() else b"") == zip_bytes
    assert not (copy.root / "build" / ".staging").exists()


def test_strict_mode_is_really_strict(copy: Edition) -> None:
    """A page left out of the navigation is a MkDocs warning; the build must not pass it silently."""
    (copy.root / "docs" / "extra").mkdir()
    (copy.root / "docs" / "extra" / "orphan.md").write_text("# Orphan\n", encoding="utf-8")
    result = copy.build("--no-offline")
    assert result.returncode == 1
    assert "  - extra/orphan.md" in result.stderr.splitlines()


def test_a_good_build_after_a_failed_one_publishes(copy: Edition) -> None:
    (copy.root / "seeds" / "notes.yml").write_text(NOTES.replace("limited ABMs", "limited all ABMs"), encoding="utf-8")
    assert copy.build().returncode == 1
    (copy.root / "seeds" / "texts" / "one.txt").write_text(TEXTS["one"].replace("limited ABMs", "limited all ABMs"), encoding="utf-8")
    result = copy.build()
    assert result.returncode == 0, result.stderr
    assert "limited all" in (copy.site / "texts" / "one" / "index.html").read_text(encoding="utf-8")
    assert [line for line in result.stdout.splitlines() if line.startswith("published ")] == [
        f"published {copy.root.resolve() / 'build' / 'site'}",
        f"published {copy.root.resolve() / 'build' / 'test-edition.epub'}",
        *([f"published {copy.root.resolve() / 'build' / 'test-edition-offline.zip'}"] if copy.zip.exists() else []),
    ]


def test_root_is_the_repository() -> None:
    """The builds above inherit the repository's mkdocs.yml."""
    assert (ROOT / "mkdocs.yml").is_file()


def test_titles_and_descriptions_reach_pages_escaped(tmp_path: Path) -> None:
    """MkDocs and Material print titles and descriptions unescaped: the generator must escape them."""
    from conftest import TEXT_META, parse_html

    meta = TEXT_META.replace("title: A text", 'title: "<script>alert(1)</script> & Co"').replace(
        "headnote: A text for tests.", "headnote: 'x\"><svg/onload=alert(2)//'"
    )
    edition_yml = 'title: "<img src=x onerror=alert(3)> Edition"\nslug: test-edition\nintroduction: I.\nprinciples: P.\n'
    write_seeds(tmp_path, texts=TEXTS, metadata={"one": meta, "two": TEXT_META}, edition=edition_yml)
    result = Edition(tmp_path).build("--no-offline")
    assert result.returncode == 0, result.stderr
    for path in sorted((tmp_path / "build" / "site").rglob("*.html")):
        root = parse_html(path.read_text(encoding="utf-8"))
        assert [e.attrs for e in root.iter() if e.attrs.get("src") == "x" or any(a.startswith("on") for a in e.attrs)] == [], path
        # JSON-LD is a data block, never run: it holds the titles as JSON, with no markup character.
        assert not [e for e in root.find_all("script") if "alert" in e.text() and (e.attrs.get("type") != "application/ld+json" or "<" in e.text())], path
    page = parse_html((tmp_path / "build" / "site" / "texts" / "one" / "index.html").read_text(encoding="utf-8"))
    (title,) = page.find_all("title")
    assert title.text() == "<script>alert(1)</script> & Co - <img src=x onerror=alert(3)> Edition"
    (description,) = [e for e in page.find_all("meta") if e.attrs.get("name") == "description"]
    assert description.attrs["content"] == 'x"><svg/onload=alert(2)//'


def test_navigation_lists_up_to_twenty_texts_flat_and_groups_more() -> None:
    """Material renders the navigation into every page; groups keep what one page lists small."""
    items: list[object] = [{f"T{n}": f"texts/t{n}.md"} for n in range(1, 21)]
    assert grouped(items) == items
    groups = grouped([*items, {"T21": "texts/t21.md"}])
    assert [next(iter(g)) for g in groups] == ["Texts 1–20", "Texts 21–21"]  # type: ignore[call-overload]
    assert groups[1] == {"Texts 21–21": [{"T21": "texts/t21.md"}]}


def test_a_thousand_texts_nest_so_no_level_holds_more_than_twenty() -> None:
    items: list[object] = [{f"T{n}": f"texts/t{n}.md"} for n in range(1, 1001)]
    top = grouped(items)
    assert [next(iter(g)) for g in top] == ["Texts 1–400", "Texts 401–800", "Texts 801–1000"]  # type: ignore[call-overload]
    middle = top[2]["Texts 801–1000"]  # type: ignore[index]
    assert len(middle) == 10 and next(iter(middle[-1])) == "Texts 981–1000"
    assert middle[-1]["Texts 981–1000"][-1] == {"T1000": "texts/t1000.md"}

    def leaves(node: object) -> list[object]:
        if isinstance(node, list):
            return [leaf for child in node for leaf in leaves(child)]
        value = next(iter(node.values()))  # type: ignore[attr-defined]
        return leaves(value) if isinstance(value, list) else [node]

    assert leaves(top) == items


@pytest.mark.parametrize(
    "value",
    ['https://example.org/"><img src=x onerror=alert(1)>/', "javascript:alert(1)//", "example.org/edition/", "//example.org/", "https:example.org", "https://user:pw@example.org/"],
)
def test_a_site_url_that_is_not_an_absolute_http_address_stops_the_build(tmp_path: Path, value: str) -> None:
    """Issue 13: SITE_URL went unescaped into every hosted page's canonical link (Material prints it raw)."""
    edition = new_edition(tmp_path)
    env = {**os.environ, "SITE_URL": value, "SOURCE_DATE_EPOCH": EPOCH}
    command = [sys.executable, "-m", "tools", "--seeds", "seeds", "--docs", "docs", "--build", "build", "build", "--no-offline"]
    result = subprocess.run(command, cwd=edition.root, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 1
    assert f"error: SITE_URL {value.strip()!r} cannot be used: " in result.stderr
    assert "such as https://example.org/edition/ (or leave it unset); nothing was published" in result.stderr
    assert "Traceback" not in result.stderr
    assert not edition.site.exists()


def test_site_url_is_escaped_where_pages_print_it() -> None:
    from tools.site.build import site_url

    assert site_url(" https://example.org/é'x/?a=1&b=2 ") == "https://example.org/%C3%A9'x/?a=1&b=2"
    assert site_url("") == ""


def test_a_site_url_with_other_characters_reaches_the_canonical_link_escaped(tmp_path: Path) -> None:
    from conftest import parse_html

    edition = new_edition(tmp_path)
    env = {**os.environ, "SITE_URL": "https://example.org/é'x/", "SOURCE_DATE_EPOCH": EPOCH}
    command = [sys.executable, "-m", "tools", "--seeds", "seeds", "--docs", "docs", "--build", "build", "build", "--no-offline"]
    result = subprocess.run(command, cwd=edition.root, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    page = parse_html((edition.site / "texts" / "one" / "index.html").read_text(encoding="utf-8"))
    assert [e.attrs["href"] for e in page.find_all("link") if e.attrs.get("rel") == "canonical"] == ["https://example.org/%C3%A9'x/texts/one/"]


def test_titles_with_characters_yaml_reads_as_line_breaks_or_refuses_build(tmp_path: Path) -> None:
    """Issue 13: a title holding U+2028 or U+FFFF passed the check and failed the build at the generated config."""
    meta = TEXT_META.replace("title: A text", 'title: "Line\\u2028separator"')
    edition_yml = 'title: "Edition \\uffff with \\u0085 odd characters"\nslug: test-edition\nintroduction: I.\nprinciples: P.\n'
    write_seeds(tmp_path, texts=TEXTS, metadata={"one": meta, "two": TEXT_META}, edition=edition_yml)
    result = Edition(tmp_path).build("--no-offline")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "build" / "site" / "texts" / "one" / "index.html").read_text(encoding="utf-8")
    assert "Edition \uffff with" in page


def test_a_hosted_only_build_removes_the_previous_zip_and_says_so(copy: Edition) -> None:
    """Issue 13: a new site was published beside the previous, now stale zip with no word."""
    needs_zip(copy)
    (copy.root / "seeds" / "texts" / "two.txt").write_text(TEXTS["two"].replace("Another", "A changed"), encoding="utf-8")
    result = copy.build("--no-offline")
    assert result.returncode == 0, result.stderr
    assert "removing the previous test-edition-offline.zip: it no longer matches the new site (build without --no-offline to make a new one)" in result.stderr
    assert not copy.zip.exists()
    assert "A changed" in (copy.site / "texts" / "two" / "index.html").read_text(encoding="utf-8")
