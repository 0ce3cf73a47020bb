"""Find an editor's quotation in a text's paragraphs (a no-break space matches a space)."""
from __future__ import annotations

import re
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
    """The quote with some words either side, on one line, for messages.

    Spacing around the quote is the text's own (»ABM«s, not »ABM« s); an ellipsis marks only a cut.
    """
    body = text.paragraphs[span.paragraph - 1].text
    low, high = max(0, span.start - width), min(len(body), span.end + width)
    before = _squash(body[low : span.start]).lstrip()
    after = _squash(body[span.end : high]).rstrip()
    inner = _squash(body[span.start : span.end]).strip()
    lead, tail = ("…" if low > 0 else ""), ("…" if high < len(body) else "")
    return f"¶{span.paragraph} “{lead}{before}»{inner}«{after}{tail}”"


def _squash(value: str) -> str:
    """Runs of whitespace (no-break spaces and line breaks included) as one space."""
    return re.sub(r"\s+", " ", value)
