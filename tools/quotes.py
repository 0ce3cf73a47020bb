"""Find an editor's quotation in a text's paragraphs (a no-break space matches a space)."""
from __future__ import annotations

from dataclasses import dataclass

from tools.model import Text
from tools.normalize import for_quotes


@dataclass(frozen=True)
class Span:
    """Characters start..end of one paragraph."""

    paragraph: int
    start: int
    end: int


def find_quote(text: Text, quote: str) -> list[Span]:
    """Every place the quote occurs inside a single paragraph."""
    needle = for_quotes(quote.strip())
    spans = []
    for paragraph in text.paragraphs:
        haystack = for_quotes(paragraph.text)
        start = haystack.find(needle)
        while start != -1 and needle:
            spans.append(Span(paragraph.number, start, start + len(needle)))
            start = haystack.find(needle, start + 1)
    return spans


def context(text: Text, span: Span, width: int = 30) -> str:
    """The quote with some words either side, on one line, for messages."""
    body = text.paragraphs[span.paragraph - 1].text
    before = " ".join(body[max(0, span.start - width) : span.start].split())
    after = " ".join(body[span.end : span.end + width].split())
    inner = " ".join(body[span.start : span.end].split())
    return f"¶{span.paragraph} “…{before} »{inner}« {after}…”"
