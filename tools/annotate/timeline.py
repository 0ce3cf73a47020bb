"""The edition's dated moments: every glossary event and every text's publication date, in order."""
from __future__ import annotations

from dataclasses import dataclass

from tools.annotate.edition import AnnotatedEdition
from tools.model import PartialDate, Term, Text


@dataclass(frozen=True)
class Moment:
    """One point on the timeline: a glossary entry's event, or a text's publication."""

    date: PartialDate
    label: str
    term: Term | None = None
    text: Text | None = None

    @property
    def sort_key(self) -> tuple[int, int, int, int, str]:
        # Texts after events of the same date: the event is what a text reacts to.
        return (self.date.year or 0, self.date.month or 0, self.date.day or 0, 1 if self.text else 0, self.label)


def moments(edition: AnnotatedEdition) -> tuple[list[Moment], list[Text]]:
    """Dated moments in order, and the texts whose date is unknown (shown apart, never guessed)."""
    dated = [Moment(e.date, e.label, term=t) for t in edition.edition.terms for e in t.events if e.date.year is not None]
    undated: list[Text] = []
    for annotated in edition.texts:
        text = annotated.text
        if text.date.year is None:
            undated.append(text)
        else:
            dated.append(Moment(text.date, f"Published: {text.shown_title}", text=text))
    return sorted(dated, key=lambda m: m.sort_key), undated
