"""Writes the timeline page: glossary events and publication dates, spaced to scale, as plain HTML/SVG.

No JavaScript: a to-scale overview strip (SVG drawn here) and a list by year whose vertical gaps grow
with the years between entries. A date is shown only as precisely as it is known.
"""
from __future__ import annotations

from itertools import groupby

from tools.annotate.edition import AnnotatedEdition
from tools.annotate.timeline import Moment, moments
from tools.model import PartialDate
from tools.pages.markup import html_escape, md_escape
from tools.pages.parts import front_matter, text_page
from tools.strings import Words

WIDTH, HEIGHT, MARGIN = 600, 64, 28  # the margin leaves room for the first and last year labels
LONGEST_GAP = 12  # years; longer gaps are drawn at this length and labelled with their true length


def _position(date: PartialDate) -> tuple[float, float]:
    """Start and length, in years, of the span a partial date covers (a whole year for a year alone)."""
    year = float(date.year or 0)
    if date.month is None:
        return year, 1.0
    start = year + (date.month - 1) / 12
    if date.day is None:
        return start, 1 / 12
    return start + (date.day - 1) / 365, 1 / 365


def overview(items: list[Moment], words: Words) -> str:
    """An SVG strip from the first to the last decade: events as marks, texts as taller marks."""
    first = min(m.date.year or 0 for m in items) // 10 * 10
    last = (max(m.date.year or 0 for m in items) // 10 + 1) * 10
    scale = (WIDTH - 2 * MARGIN) / (last - first)
    marks = []
    for m in items:
        start, length = _position(m.date)
        x, w = MARGIN + (start - first) * scale, max(length * scale, 2.0)
        kind = "text" if m.text else "event"
        top = 8 if m.text else 18
        marks.append(f'<rect class="tl-mark tl-mark--{kind}" x="{x:.1f}" y="{top}" width="{w:.1f}" height="{40 - top}"><title>{html_escape(words.date(m.date))}: {html_escape(m.label)}</title></rect>')
    ticks = []
    step = 20 if last - first > 60 else 10  # labels stay legible when the strip is phone-wide
    for decade in range(first, last + 1, step):
        x = MARGIN + (decade - first) * scale
        ticks.append(f'<line class="tl-tick" x1="{x:.1f}" y1="40" x2="{x:.1f}" y2="46"/><text class="tl-tick-label" x="{x:.1f}" y="60">{decade}</text>')
    events, texts = sum(1 for m in items if not m.text), sum(1 for m in items if m.text)
    label = html_escape(
        words("timeline.overview", first=first, last=last, events=words.count("timeline.events", events), texts=words.count("timeline.publications", texts))
    )
    return (
        f'<figure class="timeline-overview"><svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}" preserveAspectRatio="xMidYMid meet">'
        f'<line class="tl-axis" x1="{MARGIN}" y1="40" x2="{WIDTH - MARGIN}" y2="40"/>{"".join(ticks)}{"".join(marks)}</svg>'
        f"<figcaption>{label}. {html_escape(words('timeline.overview_note'))}</figcaption></figure>"
    )


def _entry(m: Moment, words: Words) -> str:
    when = f'<time datetime="{m.date.iso()}">{html_escape(words.date(m.date))}</time>'
    if m.text:
        badge = html_escape(words("timeline.text_badge"))
        return f'- {when} <span class="tl-badge tl-badge--text">{badge}</span> [{md_escape(m.text.shown_title)}]({text_page(m.text)})'
    assert m.term is not None
    return f"- {when} {md_escape(m.label)} ([{md_escape(m.term.term)}](glossary.md#{m.term.id}))"


def write_timeline_page(edition: AnnotatedEdition) -> tuple[str, str]:
    """The timeline page's path under docs/ and its Markdown."""
    items, undated = moments(edition)
    words = edition.edition.settings.words
    intro, title = words("timeline.intro"), words("timeline.title")
    parts = [front_matter(title, intro), f"# {md_escape(title)}\n", md_escape(intro) + "\n"]
    if not items:
        parts.append(f"*{words('timeline.empty_md')}*\n")
        return "timeline.md", "\n".join(parts)
    parts.append(overview(items, words) + "\n")
    previous: int | None = None
    for year, group in groupby(items, key=lambda m: m.date.year):
        assert year is not None
        if previous is not None and year - previous > 1:
            gap = year - previous
            parts.append(f'<p class="tl-gap" style="--years: {min(gap, LONGEST_GAP)}">{html_escape(words("timeline.gap", years=gap))}</p>\n')
        parts.append(f"## {year} {{ #y{year} }}\n")
        parts.append('<div class="timeline-year" markdown="1">\n\n' + "\n".join(_entry(m, words) for m in group) + "\n\n</div>\n")
        previous = year
    if undated:
        parts.append(f"## {md_escape(words('timeline.date_unknown'))} {{ #date-unknown }}\n")
        undated_note = md_escape(words("timeline.undated"))
        parts.append("\n".join(f"- [{md_escape(t.shown_title)}]({text_page(t)}): {undated_note}" for t in undated) + "\n")
    return "timeline.md", "\n".join(parts)
