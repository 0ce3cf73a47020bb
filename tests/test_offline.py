"""The offline copy derived from the hosted site (tools/site/offline.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tools.site.offline import derive_offline, file_path, offline_page, rewrite_url


@pytest.mark.parametrize(
    ("hosted", "offline"),
    [("index.html", "index.html"), ("texts/a/index.html", "texts/a.html"), ("glossary/index.html", "glossary.html"), ("404.html", "404.html")],
)
def test_each_page_becomes_a_file(hosted: str, offline: str) -> None:
    assert file_path(hosted) == offline


@pytest.mark.parametrize(
    ("url", "hosted", "expected"),
    [
        ("../../glossary/#abm", "texts/a/index.html", "../glossary.html#abm"),
        ("../b/", "texts/a/index.html", "b.html"),
        ("../..", "texts/a/index.html", "../index.html"),
        (".", "index.html", "index.html"),
        ("texts/a/", "index.html", "texts/a.html"),
        ("../../assets/edition.css", "texts/a/index.html", "../assets/edition.css"),
        ("assets/search.js", "index.html", "assets/search.js"),
        ("?h=abm#p4", "texts/a/index.html", "a.html?h=abm#p4"),
        ("../texts/a/?h=x%20y#note-2", "glossary/index.html", "texts/a.html?h=x%20y#note-2"),
        ("#p4", "texts/a/index.html", "#p4"),
        ("https://example.org/a/", "texts/a/index.html", "https://example.org/a/"),
        ("mailto:x@example.org", "index.html", "mailto:x@example.org"),
        ("/assets/x.css", "404.html", "/assets/x.css"),
    ],
)
def test_links_name_the_files(url: str, hosted: str, expected: str) -> None:
    assert rewrite_url(url, hosted, file_path(hosted)) == expected


def test_only_tags_change_never_text() -> None:
    """A text that shows href="../x/" as words keeps them; the tags around it change."""
    html = (
        '<html lang="en"><head><link rel="canonical" href="https://example.org/texts/a/">\n'
        '<script>__md_scope=new URL("../..",location)</script></head>'
        '<body><a href="../../glossary/">G</a><p>write href="../x/" here</p>'
        '<script id="__config" type="application/json">{"base": "../..", "search": "../../assets/w.js"}</script></body></html>'
    )
    page = offline_page(html, "texts/a/index.html")
    assert '<html data-edition-urls="files" lang="en">' in page
    assert 'href="../glossary.html"' in page and 'write href="../x/" here' in page
    assert "canonical" not in page
    assert 'new URL("..",location)' in page
    assert '{"base": "..", "search": "../assets/w.js"}' in page


def test_the_copy_moves_pages_and_leaves_out_the_404_page(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("index.html", "texts/a/index.html", "404.html", "assets/x.css", "search/index.js"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text('<html lang="en"><a href="../../">home</a></html>' if name.endswith(".html") else "x", encoding="utf-8")
    derive_offline(site, tmp_path / "copy")
    files = sorted(p.relative_to(tmp_path / "copy").as_posix() for p in (tmp_path / "copy").rglob("*") if p.is_file())
    assert files == ["assets/x.css", "index.html", "search/index.js", "texts/a.html"]
    assert not (tmp_path / "copy" / "texts" / "a").exists()
    assert 'href="../index.html"' in (tmp_path / "copy" / "texts" / "a.html").read_text(encoding="utf-8")
