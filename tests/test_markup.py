"""Escaping: whatever a source text or an editor's field contains, it reaches the page as text.

Generated Markdown is rendered here with the extensions mkdocs.yml gives MkDocs (attr_list,
md_in_html, tables, toc), so an escape that works only without them cannot pass.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import TEXT_META, Element, parse_html, render_page, squash, write_seeds

from tools.escape import template_text
from tools.pages.markup import html_escape, md_escape, plain_text, render_markdown, shared_renderer, yaml_string
from tools.pages.text import write_text_page
from tools.pipeline import check
from tools.source.links import is_safe_url, link_scheme

NASTY = [
    "<script>alert(1)</script>",
    "*[ABM]: anti-ballistic missile",
    "[TOC]",
    "Word{: onclick=alert(1) }",
    "Line\n{: onclick=alert(1) .evil }",
    "{ #id .cls onclick=alert(1) }",
    "# Not a heading",
    "## Nor this ##",
    "Setext\n===",
    "Setext\n---",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "<javascript:alert(1)>",
    "<https://example.org>",
    "![image](x.png)",
    "[x][1]\n[1]: javascript:alert(1)",
    "&amp; &lt;b&gt; &#60;script&#62; &copy;",
    "a | b\n---|---\nc | d",
    "1. one\n2. two",
    "- item\n+ item\n* item",
    "> quoted",
    "`code` *em* **strong** _u_ __uu__ x_y_z",
    "back\\slash\\*s and trailing\\",
    "<!-- comment --> <?php ?> <![CDATA[x]]>",
    "</p><p onclick=alert(1)>",
    '<div markdown="1">*x*</div>',
    "~~s~~ ^^x^^ ==m== $x$ :smile:",
    "100% & 5 < 6 > 4",
    "tab\tand\u00a0no-break\u202fspaces",
]

BLOCK_TAGS_ALLOWED = {"#document", "p", "br"}


def tags(root: Element) -> set[str]:
    return {e.tag for e in root.iter()}


def attributes(root: Element) -> set[str]:
    return {name for e in root.iter() for name in e.attrs}


@pytest.mark.parametrize("text", NASTY)
def test_md_escape_renders_as_literal_text(text: str) -> None:
    """On its own line, escaped text becomes one paragraph with exactly its words: no tag, no attribute."""
    root = parse_html(render_page(md_escape(text), extra=("abbr", "def_list", "footnotes")))
    assert tags(root) <= BLOCK_TAGS_ALLOWED, render_page(md_escape(text))
    assert attributes(root) == set()
    assert squash(root.text()) == squash(text)


@pytest.mark.parametrize("text", NASTY)
def test_md_escape_inside_a_paragraph_element(text: str) -> None:
    """The way text pages use it: inside <p markdown="1"> after a paragraph number."""
    page = f'<p class="para" id="p1" markdown="1"><a class="pnum" href="#p1">1</a> {md_escape(text)}</p>'
    root = parse_html(render_page(page))
    assert tags(root) <= BLOCK_TAGS_ALLOWED | {"a"}
    assert attributes(root) <= {"class", "id", "href"}
    (para,) = root.find_all("p")
    assert squash(para.text(skip=lambda e: "pnum" in e.classes)) == squash(text)


def test_md_escape_toc_marker_makes_no_toc() -> None:
    assert 'class="toc"' not in render_page("# Title\n\n" + md_escape("[TOC]"))


def test_md_escape_in_a_heading_keeps_the_anchor() -> None:
    """Glossary headings are '### {escaped term} { #id }': a term ending in braces cannot set the id."""
    html = render_page(f"### {md_escape('ABM { #evil onclick=x }')} {{ #abm }}")
    (heading,) = parse_html(html).find_all("h3")
    assert heading.attrs["id"] == "abm"
    assert "onclick" not in heading.attrs
    assert heading.text(skip=lambda e: "headerlink" in e.classes) == "ABM { #evil onclick=x }"


@pytest.mark.parametrize(
    "text, escaped",
    [
        ('<a href="x">\'&', "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;"),
        ("plain", "plain"),
    ],
)
def test_html_escape(text: str, escaped: str) -> None:
    assert html_escape(text) == escaped


def test_html_escape_is_safe_inside_an_attribute() -> None:
    root = parse_html(f'<span title="{html_escape(chr(34) + " onclick=" + chr(39) + "x")}">t</span>')
    (span,) = root.find_all("span")
    assert span.attrs == {"title": "\" onclick='x"}


# --- editors' Markdown ---------------------------------------------------------------------------


def test_render_markdown_keeps_markdown() -> None:
    html = render_markdown("An *interceptor* and [a source](https://example.org/a) and [mail](mailto:a@example.org).")
    assert html == (
        '<p>An <em>interceptor</em> and <a href="https://example.org/a">a source</a> and '
        '<a href="mailto:a@example.org">mail</a>.</p>'
    )


@pytest.mark.parametrize(
    "markdown_text, visible",
    [
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
        ("AT&T &amp; &lt;b&gt;", "AT&T &amp; &lt;b&gt;"),
        ("<https://example.org>", "<https://example.org>"),
        ("<!-- hidden -->", "<!-- hidden -->"),
    ],
)
def test_render_markdown_shows_raw_html_as_text(markdown_text: str, visible: str) -> None:
    root = parse_html(render_markdown(markdown_text))
    assert tags(root) == {"#document", "p"}
    assert root.text() == visible


@pytest.mark.parametrize(
    "markdown_text",
    [
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x][1]\n\n[1]: vbscript:msgbox",
    ],
)
def test_render_markdown_drops_unsafe_links(markdown_text: str) -> None:
    root = parse_html(render_markdown(markdown_text))
    assert root.find_all("a") == []
    assert root.text().startswith("x")


def test_render_markdown_drops_images_keeping_their_alt_text() -> None:
    root = parse_html(render_markdown("See ![a map](https://example.org/map.png)."))
    assert root.find_all("img") == []
    assert root.text() == "See a map."


def test_render_markdown_has_no_attribute_lists_or_toc() -> None:
    html = render_markdown("# Head { onclick=x }\n\n[TOC]\n\n*[ABM]: x\n\nABM")
    assert "onclick=" not in html.replace("{ onclick=x }", "")
    assert "toc" not in html and "<abbr" not in html


def test_a_shared_renderer_renders_each_text_as_if_alone() -> None:
    """One Markdown instance serves a whole generation: nothing of one text (a link reference,
    raw HTML held aside) may reach the next."""
    texts = ["[a]: https://example.org/\n\nSee [a].", "See [a].", "<b>raw</b> and *x*", "See [a].", "[a]: https://example.org/\n\nSee [a]."]
    with shared_renderer():
        shared = [render_markdown(t) for t in texts]
    assert shared == [render_markdown(t) for t in texts]
    assert "href" not in shared[1] and "href" in shared[0]


@pytest.mark.parametrize(
    "markdown_text, words",
    [
        ("An *interceptor* and [a source](https://example.org).", "An interceptor and a source."),
        ("Line one\n\nLine  two", "Line one Line two"),
        ("<b>raw</b> & more", "<b>raw</b> & more"),
        ("![alt text](x.png)", "alt text"),
    ],
)
def test_plain_text(markdown_text: str, words: str) -> None:
    assert plain_text(markdown_text) == words


@pytest.mark.parametrize(
    "url, scheme",
    [
        ("https://example.org", "https"),
        ("HTTP://example.org", "http"),
        ("mailto:a@example.org", "mailto"),
        ("../glossary.md#abm", ""),
        ("#p3", ""),
        ("//example.org/x", ""),
        ("javascript:alert(1)", "javascript"),
        ("JaVaScRiPt:alert(1)", "javascript"),
        (" \tjavascript:alert(1)", "javascript"),
        ("java\nscript:alert(1)", "javascript"),
        ("java&#x09;script:alert(1)", "javascript"),
        ("&#106;avascript:alert(1)", "javascript"),
        ("&amp;#106;avascript:alert(1)", "javascript"),
        ("data:text/html,x", "data"),
        ("http://[::1", "invalid"),
    ],
)
def test_link_scheme(url: str, scheme: str) -> None:
    assert link_scheme(url) == scheme
    # Relative paths and '//host' are refused too (issue 13): only '#anchors' pass without a scheme.
    assert is_safe_url(url) == (scheme in ("http", "https", "mailto") or url.startswith("#"))


# --- front matter --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("Russia to the US: “So you want an arms race?”", "Russia to the US: “So you want an arms race?”"),
        ("Russia's  reply\nin two lines", "Russia's reply in two lines"),
        ("<script>alert(1)</script> & co", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"),
        ('x"><svg/onload=alert(1)//', "x&quot;&gt;&lt;svg/onload=alert(1)//"),
        ("- not: a list\n---", "- not: a list ---"),
    ],
)
def test_yaml_string_is_valid_yaml_and_safe_html(text: str, value: str) -> None:
    """MkDocs prints front-matter titles and descriptions unescaped, so they are escaped here."""
    assert yaml.safe_load(f"title: {yaml_string(text)}") == {"title": value}
    assert json.loads(yaml_string(text)) == value


def test_template_text() -> None:
    assert template_text("A & B <i>\"q\"</i> Russia's") == "A &amp; B &lt;i&gt;&quot;q&quot;&lt;/i&gt; Russia's"


# --- a whole text page ---------------------------------------------------------------------------


def test_text_page_with_hostile_text_and_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Glosses and note markers around hostile words: every paragraph renders as exactly its words."""
    monkeypatch.chdir(tmp_path)
    paragraphs = [
        "The ABM Treaty <script>alert(1)</script> limited ABMs.",
        "*[ABM]: gotcha and [TOC] and {: onclick=alert(1) } after ABM",
        "# ABM heading?\n<img src=x onerror=alert(1)> [ABM](javascript:alert(1)) &amp; ABM_s",
        "    indented ABM line\nsecond line  \nthird line with trailing backslash \\",
    ]
    meta = TEXT_META.replace("title: A text", 'title: "<b>Bold</b> {: onclick=x } # title"')
    notes = """\
- text: one
  quote: "<script>alert(1)</script>"
  kind: context
  note: "A note with *emphasis* and \\"quotes\\" & [a link](https://example.org)."
- text: one
  quote: "[ABM](javascript"
  kind: correction
  note: A second note.
  sources: [{source: abm-treaty}]
"""
    seeds = write_seeds(tmp_path, texts={"one": "\n\n".join(paragraphs) + "\n"}, metadata={"one": meta}, notes=notes)
    checked = check(seeds)
    assert checked.edition is not None, [p.format() for p in checked.problems]
    _, page = write_text_page(checked.edition.texts[0], checked.edition)
    root = parse_html(render_page(page))
    assert not {"script", "img", "abbr"} & {e.tag for e in root.iter()}
    assert [e for e in root.iter() if any(name.startswith("on") for name in e.attrs)] == []
    assert [h.text(skip=lambda e: "headerlink" in e.classes) for h in root.find_all("h1")] == ["<b>Bold</b> {: onclick=x } # title"]
    assert root.find_all("div", "toc") == []
    paras = root.find_all("p", "para")
    editorial = {"pnum", "note-ref"}
    assert [squash(p.text(skip=lambda e: bool(editorial & e.classes))) for p in paras] == [squash(p) for p in paragraphs]
    glossed = [(a.text(), a.attrs["href"]) for p in paras for a in p.find_all("a", "gloss")]
    assert glossed == [
        ("ABM Treaty", "../glossary.md#abm-treaty"), ("ABMs", "../glossary.md#abm"),
        ("ABM", "../glossary.md#abm"), ("ABM", "../glossary.md#abm"), ("ABM", "../glossary.md#abm"),
    ]
    markers = [(a.text(), a.attrs["href"]) for a in root.find_all("a", "note-ref")]
    assert markers == [("1", "#note-1"), ("2", "#note-2")]


@pytest.mark.parametrize(
    "markdown_text, words",
    [
        ("See *Foreign Affairs*, 2006.", "See Foreign Affairs, 2006."),
        ("in**ter**ceptor", "interceptor"),
        ("- one\n- two\n\n> three", "one two three"),
        ("a  \nb", "a b"),
    ],
)
def test_plain_text_adds_no_space_around_inline_markup(markdown_text: str, words: str) -> None:
    """Tooltips show plain_text: 'Foreign Affairs ,' with a stray space was visible to readers."""
    assert plain_text(markdown_text) == words


@pytest.mark.parametrize("url", ["//evil.example/phish", "\\\\evil.example/x", "https:evil.example", "glossary.md#nato"])
def test_links_to_other_hosts_and_relative_links_are_not_rendered_as_links(url: str) -> None:
    assert "href" not in render_markdown(f"[x]({url})")
