"""Deterministic synthetic editions: a glossary of T entries and N texts of about 600 words.

The same seed always gives the same files. Entry j depends only on the seed and the entries before
it, and text i only on the seed, i and the full glossary, so a glossary of 100 entries is the first
100 entries of one of 5,000, and an edition of 100 texts holds the first 100 texts of one of 1,000:
the first text's page is the same text at every N. Texts mention entries with a Zipf-like
frequency (a few entries often, most rarely), as real editions do, at about 50 mentions per 1,000
words when the glossary holds every entry; smaller glossaries are prefixes and match fewer.
"""
from __future__ import annotations

import bisect
import itertools
import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tools.model import GLOSS_MODES, NOTE_KINDS, TEXT_KINDS, Citation, Named, Term, slugify
from tools.problems import Position

MASTER_TERMS = 5000  # every synthetic text draws its mentions from a glossary of this many entries
WORDS_PER_TEXT = 600
ZIPF_EXPONENT = 1.0
MENTION_RATE = 0.19  # chance that a noun phrase of a sentence is a glossary mention

# Filler words (the everyday register of news and commentary) and domain words (glossary phrases).
# They barely overlap, so filler seldom forms a glossary phrase by accident.
FILLER_ADJECTIVES = (
    "new old recent public private official former current local foreign regional national serious "
    "difficult clear open early late broad narrow formal informal direct indirect brief long short "
    "wider growing limited similar separate particular general usual rare frequent quiet loud"
).split()
FILLER_NOUNS = (
    "report statement question answer meeting plan position view claim argument decision proposal "
    "talk visit letter speech comment interview article document record account story detail "
    "figure number week month year reason purpose problem issue matter response reply agreement "
    "offer demand promise warning concern doubt interest change step"
).split()
VERBS = (
    "rejected proposed described welcomed questioned supported opposed announced discussed "
    "criticised repeated confirmed denied examined reviewed ignored accepted challenged cited "
    "mentioned explained recalled dismissed praised"
).split()
PREPOSITIONS = "near in after against with for over without across before during beyond".split()
CONJUNCTIONS = ("but", "and", "while", "although", "because", "so")
ADVERBS = "again later quickly openly firmly twice recently repeatedly".split()
SAID = ("said", "wrote", "told reporters", "added", "insisted", "noted")
OUTLETS = (
    "The Northern Observer", "Daily Courier", "Foreign Policy Review", "Eastern Wire", "The Chronicle",
    "Defence Monitor", "Ministry of Foreign Affairs", "The Weekly Analyst", "Global Press Service",
)
DOMAIN_MODIFIERS = (
    "strategic tactical nuclear ballistic orbital naval ground-based sea-based airborne mobile "
    "long-range short-range intermediate-range regional continental missile radar interceptor "
    "launch warhead deterrent defensive offensive layered phased adaptive forward early-warning "
    "space-based hypersonic cruise conventional joint allied bilateral multilateral verification "
    "arms missile-defence counterforce countervalue retaliatory preventive"
).split()
DOMAIN_NOUNS = (
    "stability deterrence parity balance primacy doctrine posture capability architecture shield "
    "umbrella site base battery complex system programme initiative review treaty protocol accord "
    "moratorium regime framework inspection test launcher interceptor radar sensor warhead arsenal "
    "triad stockpile escalation encirclement reduction limitation expansion deployment exercise "
    "alliance council committee agency command directorate"
).split()
ORG_NOUNS = ("Committee", "Agency", "Council", "Directorate", "Institute", "Command", "Office", "Commission")
FIRST_NAMES = (
    "Anna Boris Carla Dmitri Elena Frank Galina Hans Irina James Karl Lena Mikhail Nina Oleg Paul "
    "Rosa Sergei Tanya Viktor Walter Yulia Zoran Agnes Bruno Clara David Edith Felix Greta"
).split()
SYLLABLES = (
    "ka ro vin mel dor sha nov tes lan bri gor zel mar tov ska len dra pol hum rik sun val bek "
    "tar min os ev ul ap ir"
).split()
CONCEPT_SUFFIXES = ("ism", "ance", "ity", "ization", "ology")

TERM_KINDS_BY_SHAPE = {
    "acronym": ("weapon system", "organisation", "treaty"),
    "phrase": ("concept", "treaty", "event", "weapon system"),
    "person": ("person",),
    "organisation": ("organisation",),
    "place": ("place",),
    "concept": ("concept",),
}
SHAPES = (("acronym", 15), ("phrase", 40), ("person", 15), ("organisation", 10), ("place", 10), ("concept", 10))


@dataclass(frozen=True)
class Entry:
    """One synthetic glossary entry, as an editor would write it in glossary.yml."""

    term: str
    expansion: str | None
    kind: str
    short: str
    definition: str
    aliases: tuple[str, ...]
    related: tuple[str, ...]
    events: tuple[tuple[str, str], ...]
    references: tuple[tuple[str, str, str | None], ...]
    shape: str

    @property
    def forms(self) -> tuple[str, ...]:
        """What a text may write for this entry: the term, its expansion, its aliases."""
        return (self.term, *((self.expansion,) if self.expansion else ()), *self.aliases)

    @property
    def source_id(self) -> str:
        """The id of the entry's one reference in sources.yml."""
        return f"ref-{slugify(self.term)}"

    def source_yaml(self) -> dict[str, object]:
        """The entry's reference as a record of sources.yml."""
        title, year, url = self.references[0]
        return {"id": self.source_id, "authors": "none", "title": title, "outlet": "Synthetic Press", "date": year,
                **({"url": url} if url else {}), "kind": "reference"}

    def as_yaml(self) -> dict[str, object]:
        record: dict[str, object] = {"term": self.term}
        if self.expansion:
            record["expansion"] = self.expansion
        record.update(kind=self.kind, short=self.short, definition=self.definition)
        if self.aliases:
            record["aliases"] = list(self.aliases)
        if self.related:
            record["related"] = list(self.related)
        if self.events:
            record["events"] = [{"date": date, "label": label} for date, label in self.events]
        record["references"] = [{"source": self.source_id}]
        return record

    def as_term(self, position: Position) -> Term:
        """The entry as the loader would read it (used where a glossary is too large for one file)."""
        return Term(
            id=slugify(self.term),
            term=self.term,
            expansion=self.expansion,
            kind=self.kind,
            short=self.short,
            definition=self.definition,
            aliases=tuple(Named(a, position) for a in self.aliases),
            case_sensitive=None,
            related=tuple(Named(r, position) for r in self.related),
            events=(),
            references=(Citation(self.source_id, None, position),),
            position=position,
        )


@dataclass
class _Taken:
    """Names already used, compared as the validator and the matcher compare them."""

    keys: set[str] = field(default_factory=set)
    slugs: set[str] = field(default_factory=set)

    @staticmethod
    def key(name: str) -> str:
        return name.casefold().replace("-", " ")

    def free(self, term: str, *others: str) -> bool:
        names = [self.key(n) for n in (term, *others)]
        return slugify(term) not in self.slugs and len(set(names)) == len(names) and not self.keys.intersection(names)

    def take(self, term: str, *others: str) -> None:
        self.slugs.add(slugify(term))
        self.keys.update(self.key(n) for n in (term, *others))


def _pseudo_word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def _filler_sentence(rng: random.Random, words: int) -> str:
    picked = [rng.choice(FILLER_ADJECTIVES if i % 3 == 0 else FILLER_NOUNS if i % 3 == 1 else VERBS) for i in range(words)]
    return " ".join(picked).capitalize() + "."


def _candidate(rng: random.Random, shape: str) -> tuple[str, str | None, tuple[str, ...]]:
    """A term, its expansion and its aliases for one entry shape (uniqueness is checked by the caller)."""
    if shape == "acronym":
        expansion = " ".join([*rng.sample(DOMAIN_MODIFIERS, rng.randint(1, 2)), rng.choice(DOMAIN_NOUNS)])
        acronym = "".join(rng.choice("ABCDEFGHIKLMNOPRSTUVW") for _ in range(rng.randint(3, 4)))
        alias = (f"{rng.choice(DOMAIN_MODIFIERS)} {rng.choice(DOMAIN_NOUNS)}",) if rng.random() < 0.3 else ()
        return acronym, expansion, alias
    if shape == "phrase":
        words = [*rng.sample(DOMAIN_MODIFIERS, rng.choice((1, 1, 2))), rng.choice(DOMAIN_NOUNS)]
        if rng.random() < 0.2:
            words += ["of", rng.choice(DOMAIN_NOUNS)]
        phrase = " ".join(words)
        aliases: tuple[str, ...] = ()
        if rng.random() < 0.5:
            variant = phrase.replace("defence", "defense") if "defence" in phrase else f"{rng.choice(DOMAIN_MODIFIERS)} {words[-1]}"
            aliases = (variant,)
        return phrase, None, aliases
    if shape == "person":
        first, last = rng.choice(FIRST_NAMES), _pseudo_word(rng, rng.randint(2, 3)).capitalize()
        if rng.random() < 0.2:
            initial = rng.choice("ABCDEFGHKLMNPRST")
            return f"{first} {initial}. {last}", None, (f"{first} {last}", last)
        return f"{first} {last}", None, (last,)
    if shape == "organisation":
        place = _pseudo_word(rng, 2).capitalize()
        noun = rng.choice(ORG_NOUNS)
        return f"{place} {rng.choice(DOMAIN_NOUNS).capitalize()} {noun}", None, (f"{place} {noun}",) if rng.random() < 0.5 else ()
    if shape == "place":
        return _pseudo_word(rng, rng.randint(2, 4)).capitalize(), None, ()
    return _pseudo_word(rng, 2) + rng.choice(CONCEPT_SUFFIXES), None, ()


def glossary(count: int, seed: int) -> list[Entry]:
    """The first count entries of the seed's glossary (a prefix of every larger one)."""
    taken = _Taken()
    entries: list[Entry] = []
    shapes, weights = zip(*SHAPES, strict=True)
    for j in range(count):
        rng = random.Random(f"{seed}:term:{j}")
        shape = rng.choices(shapes, weights)[0]
        for attempt in itertools.count():
            if attempt == 50:
                shape = "place"  # long pseudo-words: never all taken
            term, expansion, aliases = _candidate(rng, shape)
            if taken.free(term, *([expansion] if expansion else []), *aliases):
                break
        taken.take(term, *([expansion] if expansion else []), *aliases)
        kind = rng.choice(TERM_KINDS_BY_SHAPE[shape])
        earlier = rng.sample(entries[-50:], min(len(entries[-50:]), rng.choice((0, 0, 1, 2))))
        events = tuple(
            (f"{rng.randint(1950, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", _filler_sentence(rng, 6)[:-1])
            for _ in range(rng.choice((0, 0, 0, 1, 2)))
        )
        year = str(rng.randint(1960, 2024))
        url = f"https://example.org/sources/{slugify(term)}-{year}" if rng.random() < 0.5 else None
        entries.append(
            Entry(
                term=term,
                expansion=expansion,
                kind=kind,
                short=f"{term}: {_filler_sentence(rng, rng.randint(8, 16))}",
                definition=f"{_filler_sentence(rng, 14)} {_filler_sentence(rng, 12)} *{_filler_sentence(rng, 5)[:-1]}*.\n\n{_filler_sentence(rng, 16)}",
                aliases=aliases,
                related=tuple(e.term for e in earlier),
                events=events,
                references=((f"{_filler_sentence(rng, 5)[:-1]} ({rng.choice(OUTLETS)})", year, url),),
                shape=shape,
            )
        )
    return entries


class _Mentions:
    """Draws glossary mentions with Zipf-like weights and writes them as texts do."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.cumulative = list(itertools.accumulate(1 / (j + 1) ** ZIPF_EXPONENT for j in range(len(entries))))

    def draw(self, rng: random.Random) -> str:
        entry = self.entries[bisect.bisect_left(self.cumulative, rng.random() * self.cumulative[-1])]
        forms = entry.forms
        form = forms[0] if len(forms) == 1 or rng.random() < 0.6 else rng.choice(forms[1:])
        roll = rng.random()
        if entry.shape in ("person", "organisation", "place") and roll < 0.1:
            return form + "’s"
        if entry.shape in ("phrase", "acronym", "concept") and form[-1].isalpha() and roll < 0.15:
            return form + "s"
        if " " in form and roll > 0.9:
            return form.replace(" ", "-", 1)
        return form


def _noun_phrase(rng: random.Random, mentions: _Mentions) -> str:
    if rng.random() < MENTION_RATE:
        return mentions.draw(rng)
    noun = rng.choice(FILLER_NOUNS)
    shape = rng.random()
    if shape < 0.4:
        return f"the {rng.choice(FILLER_ADJECTIVES)} {noun}"
    if shape < 0.7:
        return f"the {noun}"
    if shape < 0.85:
        return f"its {noun}s"
    return f"{rng.choice(FILLER_ADJECTIVES)} {noun}s"


def _sentence(rng: random.Random, mentions: _Mentions) -> str:
    def np() -> str:
        return _noun_phrase(rng, mentions)

    templates = (
        lambda: f"{np()} {rng.choice(VERBS)} {np()} {rng.choice(PREPOSITIONS)} {np()}.",
        lambda: f"{np()} {rng.choice(VERBS)} that {np()} had {rng.choice(VERBS)} {np()}.",
        lambda: f"In {rng.randint(1972, 2023)}, {np()} {rng.choice(VERBS)} {np()}, {rng.choice(CONJUNCTIONS)} {np()} {rng.choice(VERBS)} {np()}.",
        lambda: f"According to {np()}, {np()} {rng.choice(VERBS)} {np()} {rng.choice(PREPOSITIONS)} {np()}.",
        lambda: f"“{np()} {rng.choice(VERBS)} {np()}”, {np()} {rng.choice(SAID)}.",
        lambda: f"{np()} {rng.choice(VERBS)} {np()}; {np()} {rng.choice(VERBS)} it {rng.choice(ADVERBS)}.",
        lambda: f"Some {rng.randint(2, 900)} {rng.choice(FILLER_NOUNS)}s {rng.choice(PREPOSITIONS)} {np()} were {rng.choice(VERBS)} {rng.choice(ADVERBS)}.",
    )
    sentence = rng.choice(templates)()
    start = 1 if sentence.startswith("“") else 0
    return sentence[:start] + sentence[start].upper() + sentence[start + 1 :]


@dataclass(frozen=True)
class SynthText:
    """One synthetic text: its file name, its words, and its metadata as written in <slug>.yml."""

    slug: str
    body: str
    meta: dict[str, object]
    paragraphs: tuple[str, ...]


def text(index: int, seed: int, mentions: _Mentions) -> SynthText:
    """Text number index (from 0): paragraphs of 2 to 6 sentences up to about 600 words."""
    rng = random.Random(f"{seed}:text:{index}")
    target = rng.randint(WORDS_PER_TEXT - 60, WORDS_PER_TEXT + 60)
    paragraphs: list[str] = []
    passages: list[dict[str, object]] = []
    headline = rng.random() < 0.5
    if headline:
        paragraphs.append(_sentence(rng, mentions).rstrip("."))
        passages.append({"paragraph": 1, "role": "headline"})
    while sum(len(p.split()) for p in paragraphs) < target:
        paragraphs.append(" ".join(_sentence(rng, mentions) for _ in range(rng.randint(2, 6))))
    if len(paragraphs) > 3 and rng.random() < 0.3:
        passages.append({"paragraph": len(paragraphs) - 1, "role": "quotation", "source": mentions.entries[0].source_id, "at": "opening paragraph"})
    year = rng.randint(1995, 2024)
    meta: dict[str, object] = {
        "title": paragraphs[0] if headline else f"On the {rng.choice(FILLER_ADJECTIVES)} {rng.choice(FILLER_NOUNS)} of {year}",
        "editorial_title": not headline,
        "order": index + 1,
        "source": rng.choice(OUTLETS),
        "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "kind": rng.choice(TEXT_KINDS),
        "headnote": f"{_filler_sentence(rng, 18)} *{_filler_sentence(rng, 6)[:-1]}*, {_filler_sentence(rng, 14).lower()}",
        "passages": passages,
    }
    if rng.random() < 0.4:
        meta["author"] = f"{rng.choice(FIRST_NAMES)} {_pseudo_word(rng, 3).capitalize()}"
    return SynthText(f"text-{index + 1:04d}", "\n\n".join(paragraphs) + "\n", meta, tuple(paragraphs))


def unique_quote(synth: SynthText, rng: random.Random, words: int = 6) -> str | None:
    """A run of words found exactly once in the text (what notes and cross-links anchor to)."""
    for _ in range(20):
        paragraph = rng.choice(synth.paragraphs[1:] or synth.paragraphs).split()
        if len(paragraph) <= words:
            continue
        start = rng.randrange(len(paragraph) - words)
        quote = " ".join(paragraph[start : start + words])
        if sum(p.count(quote) for p in synth.paragraphs) == 1:
            return quote
    return None


@dataclass(frozen=True)
class Edition:
    """A synthetic edition, ready to be written as a seeds/ folder."""

    entries: list[Entry]
    texts: list[SynthText]
    notes: list[dict[str, object]]
    crosslinks: list[dict[str, object]]
    gloss: str


def edition(texts: int, terms: int, seed: int = 1, gloss: str = "first-per-paragraph", notes_per_text: int = 2) -> Edition:
    """N texts drawing on the full glossary, of which the first `terms` entries are written."""
    assert gloss in GLOSS_MODES
    master = glossary(max(terms, MASTER_TERMS), seed)
    mentions = _Mentions(master)
    written = master[:terms]
    made = [text(i, seed, mentions) for i in range(texts)]
    notes: list[dict[str, object]] = []
    crosslinks: list[dict[str, object]] = []
    for i, synth in enumerate(made):
        rng = random.Random(f"{seed}:notes:{i}")
        for n in range(notes_per_text):
            quote = unique_quote(synth, rng)
            if quote:
                notes.append(
                    {
                        "text": synth.slug,
                        "quote": quote,
                        "kind": NOTE_KINDS[(i + n) % len(NOTE_KINDS)],
                        "note": f"{_filler_sentence(rng, 20)} {_filler_sentence(rng, 12)}",
                        "sources": [{"source": written[k].source_id} for k in rng.sample(range(len(written)), min(2, len(written)))],
                    }
                )
        if i % 2 == 1:  # each odd text links back to the one before: a constant number of links per page
            here, there = unique_quote(synth, rng, 7), unique_quote(made[i - 1], rng, 7)
            if here and there:
                crosslinks.append(
                    {
                        "label": _filler_sentence(rng, 7)[:-1],
                        "from": {"text": synth.slug, "quote": here},
                        "to": {"text": made[i - 1].slug, "quote": there},
                    }
                )
    return Edition(written, made, notes, crosslinks, gloss)


def _dump(value: object) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1_000_000)


def write_seeds(synth: Edition, seeds: Path) -> Path:
    """Write the edition as a seeds/ folder (replacing what a previous call wrote there)."""
    (seeds / "texts").mkdir(parents=True, exist_ok=True)
    for stale in (seeds / "texts").iterdir():
        stale.unlink()
    (seeds / "edition.yml").write_text(
        _dump(
            {
                "title": "A Synthetic Edition",
                "subtitle": "Generated for the benchmark",
                "slug": "bench-edition",
                "language": "en",
                "gloss": synth.gloss,
                "introduction": f"{len(synth.texts)} synthetic texts. {_filler_sentence(random.Random(0), 30)}",
                "principles": "Texts are generated from a fixed seed; nothing here is real.",
            }
        ),
        encoding="utf-8",
    )
    (seeds / "glossary.yml").write_text(_dump([e.as_yaml() for e in synth.entries]), encoding="utf-8")
    (seeds / "sources.yml").write_text(_dump([e.source_yaml() for e in synth.entries]), encoding="utf-8")
    (seeds / "notes.yml").write_text(_dump(synth.notes), encoding="utf-8")
    (seeds / "crosslinks.yml").write_text(_dump(synth.crosslinks), encoding="utf-8")
    for t in synth.texts:
        (seeds / "texts" / f"{t.slug}.txt").write_text(t.body, encoding="utf-8")
        (seeds / "texts" / f"{t.slug}.yml").write_text(_dump(t.meta), encoding="utf-8")
    return seeds
