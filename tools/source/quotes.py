"""Find an editor's quotation in a text's paragraphs (a no-break space matches a space)."""
from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass

from tools.model import Text
from tools.source.normalize import for_quotes


@dataclass(frozen=True)
class Span:
    """Characters start..end of one paragraph."""

    paragraph: int
    start: int
    end: int


class QuoteFinder:
    """A text's paragraphs normalised once, joined, for any number of quotations."""

    def __init__(self, text: Text) -> None:
        self._numbers = [p.number for p in text.paragraphs]
        self._starts = list(itertools.accumulate((len(p.text) + 1 for p in text.paragraphs), initial=0))
        self._haystack = for_quotes("\x00".join([p.text for p in text.paragraphs]))

    def find(self, quote: str) -> list[Span]:
        """Every place the quote occurs inside a single paragraph."""
        needle = for_quotes(quote.strip())
        spans = []
        start = self._haystack.find(needle) if needle else -1
        while start != -1:
            index = bisect_right(self._starts, start) - 1
            offset = self._starts[index]
            if start + len(needle) < self._starts[index + 1]:  # inside the paragraph, not across into the next
                spans.append(Span(self._numbers[index], start - offset, start - offset + len(needle)))
            start = self._haystack.find(needle, start + 1)
        return spans


def find_quote(text: Text, quote: str) -> list[Span]:
    """Every place the quote occurs inside a single paragraph (QuoteFinder for many quotations)."""
    return QuoteFinder(text).find(quote)


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
