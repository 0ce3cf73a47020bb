"""Escaping for the generated Markdown, and the safe renderer for editors' Markdown fields.

Everything taken from seeds/ passes through here before it reaches a page: source texts and
one-line fields become literal text (no Markdown, no HTML, no attribute lists); editors' Markdown
fields are rendered by a bare Python-Markdown with raw HTML escaped, images and unsafe links removed.
"""
from __future__ import annotations

import html
import re
import string
import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own name for it)
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import markdown
from markdown.treeprocessors import Treeprocessor

from tools.escape import template_text, yaml_json
from tools.source.links import is_safe_url

# Python-Markdown's backslash-escapable characters; '<' and '&' are turned into entities instead.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>|~^=:$])")


def md_escape(text: str) -> str:
    """Literal text inside generated Markdown: renders exactly as written, whatever it contains.

    Spaces or tabs ending a line are one space: two would be Markdown's hard line break (<br>), which
    the text does not have, and after which Python-Markdown drops a no-break space opening the next line."""
    entities = _LINE_END_SPACES.sub(" \n", text).replace("&", "&amp;").replace("<", "&lt;")
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(1) if m.group(1) in _ESCAPABLE else _entity(m.group(1)), entities)


_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!>")
_LINE_END_SPACES = re.compile(r"[ \t]+\n")


def _entity(char: str) -> str:
    return f"&#{ord(char)};"


def html_escape(text: str) -> str:
    """Literal text inside raw HTML (attributes included)."""
    return html.escape(text, quote=True)


def attr_value(text: str) -> str:
    """Literal text as a double-quoted value in an attribute list ({ title="..." }).

    Python-Markdown runs its inline patterns over the value and puts inline HTML back unescaped, so
    every ASCII punctuation character becomes a numeric character reference: no Markdown, no tag,
    no quote or brace that ends the value; the browser shows the text exactly."""
    return "".join(f"&#{ord(c)};" if c in _PUNCTUATION else c for c in text)


_PUNCTUATION = frozenset(string.punctuation)


def yaml_string(text: str) -> str:
    """A front-matter value as a YAML scalar (JSON strings are valid YAML), HTML-escaped: MkDocs and
    Material print page titles and descriptions into the page (<title>, nav, <meta content="...">)
    without escaping them."""
    return yaml_json(template_text(" ".join(text.split())))


class _Sanitiser(Treeprocessor):
    """Drops images, and links other than '#anchors' and absolute http, https or mailto addresses."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    child.tag, child.text = "span", child.get("alt", "")
                    child.attrib.clear()
                elif child.tag == "a" and not is_safe_url(child.get("href", "")):
                    child.tag = "span"
                    child.attrib.clear()


class _SafeExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        md.treeprocessors.register(_Sanitiser(md), "sanitise", 0)


def closing_brackets(data: str) -> dict[int, int]:
    """For each '[' in data that is closed, the index of the ']' that closes it (nesting counted)."""
    closing: dict[int, int] = {}
    opened: list[int] = []
    for found in _BRACKET.finditer(data):
        if found.group() == "[":
            opened.append(found.start())
        elif opened:
            closing[opened.pop()] = found.start()
    return closing


_BRACKET = re.compile(r"[\[\]]")


class _Brackets:
    """The closing ']' of every '[' in the last string asked about: Python-Markdown's link, image and
    reference processors each scan for it character by character from their '[' to the end of the
    text when there is none, which took minutes for a few thousand '['."""

    def __init__(self) -> None:
        self._data: str | None = None
        self._closing: dict[int, int] = {}

    def get_text(self, data: str, index: int) -> tuple[str, int, bool]:
        """LinkInlineProcessor.getText, in constant time per call after one linear pass over data."""
        if data is not self._data:
            self._data, self._closing = data, closing_brackets(data)
        close = self._closing.get(index - 1)
        if close is None:
            return data[index:], len(data), False
        return data[index:close], close + 1, True


_LINK_PROCESSORS = ("reference", "link", "image_link", "image_reference", "short_reference", "short_image_ref")


class _Renderer:
    """One Python-Markdown instance, reset between texts, that renders each distinct text once."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=[_SafeExtension()], output_format="html")
        brackets = _Brackets()
        for name in _LINK_PROCESSORS:
            if name in self._md.inlinePatterns:
                setattr(self._md.inlinePatterns[name], "getText", brackets.get_text)  # noqa: B010 (an instance's method replaced)
        self._rendered: dict[str, str] = {}

    def render(self, text: str) -> str:
        html = self._rendered.get(text)
        if html is None:
            html = self._rendered[text] = self._md.reset().convert(text.replace("&", "&amp;").replace("<", "&lt;"))
        return html


_RENDERER: ContextVar[_Renderer | None] = ContextVar("renderer", default=None)


@contextmanager
def shared_renderer() -> Iterator[None]:
    """Inside the block, render_markdown shares one renderer: pages repeat notes, headnotes and
    definitions, and building a Markdown instance costs more than most texts."""
    token = _RENDERER.set(_Renderer())
    try:
        yield
    finally:
        _RENDERER.reset(token)


def render_markdown(text: str) -> str:
    """An editor's Markdown as safe HTML: raw HTML shown as text, no images, no unsafe links."""
    return (_RENDERER.get() or _Renderer()).render(text)


def plain_text(text: str) -> str:
    """An editor's Markdown reduced to its words (for tooltips and descriptions)."""
    rendered = render_markdown(text)
    # Blocks are separated by a space; inline markup goes without one ("*Foreign Affairs*, 2006").
    blocks = _BLOCK_TAG.sub(" ", rendered)
    words = re.sub(r"<[^>]+>", "", blocks)
    return " ".join(html.unescape(words).split())


_BLOCK_TAG = re.compile(r"</?(?:p|br|hr|li|ul|ol|blockquote|pre|h[1-6]|div|table|tr|td|th|dl|dt|dd)\b[^>]*>")
