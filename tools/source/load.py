"""Stage 1: read seeds/ (texts, their metadata, sources, glossary, notes, cross-links) into an Edition."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any, cast

from tools.model import (
    DEFAULT_TERM_KINDS,
    DEFAULT_TEXT_KINDS,
    GLOSS_MODES,
    Citation,
    CrossLink,
    DatedEvent,
    Edition,
    GlossMode,
    Kind,
    Named,
    Note,
    Paragraph,
    PartialDate,
    Passage,
    QuoteRef,
    Settings,
    Source,
    Term,
    Text,
    TextMeta,
    slugify,
)
from tools.problems import Position, Problem, error, warning
from tools.source import files, specs, yamlsource
from tools.source.editor_schemas import edition_choices, stale_schemas
from tools.source.invisible import is_blank
from tools.source.schema import Reader, Record, RecordSpec, Value, did_you_mean
from tools.strings import STRINGS, default_of, fields_of, locale_of


def shown_path(file: Path) -> str:
    """The path as messages show it: relative to the working directory when inside it."""
    relative = os.path.relpath(file)
    return str(file) if relative.startswith("..") else relative


def split_paragraphs(text: str) -> list[tuple[str, int]]:
    """Blank-line-separated blocks with their 1-based starting line; a line with no visible character
    (only whitespace, soft hyphens, zero-width spaces...) is blank."""
    blocks: list[tuple[str, int]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(text.split("\n"), start=1):
        if not is_blank(line):
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append(("\n".join(current).strip(), start))
            current = []
    if current:
        blocks.append(("\n".join(current).strip(), start))
    return blocks


class Loader:
    """Collects the edition and every problem met on the way."""

    def __init__(self, seeds: Path) -> None:
        self.seeds = seeds
        self.problems: list[Problem] = []
        # Texts that exist but could not be read: notes naming them get no second, follow-on error.
        self.unreadable: set[str] = set()

    def _read(self, name: str, spec: RecordSpec, many: bool, required: bool) -> tuple[list[Record], str]:
        file = self.seeds / name
        shown = shown_path(file)
        if not file.exists() and not file.is_symlink():
            if required:
                self.problems.append(error(Position(shown), "missing-file", f"{name} is missing from {shown_path(self.seeds)}; create it (see EDITING.md)"))
            return [], shown
        refused = files.owned_problem(file, self.seeds, shown)
        if refused is not None:
            self.problems.append(refused)
            return [], shown
        node, problems = yamlsource.load(file, shown)
        self.problems += problems
        reader = Reader(shown)
        if node is None:
            records: list[Record] = []
            if not problems and not many:
                self.problems.append(error(Position(shown), "empty-file", f"{file.name} holds no fields; it must hold at least {specs.required_fields(spec)} (see EDITING.md)"))
        elif many:
            records = reader.records(node, spec)
        else:
            one = reader.record(node, spec)
            records = [one] if one else []
        self.problems += reader.problems
        return records, shown

    def settings(self) -> Settings:
        records, shown = self._read("edition.yml", specs.SETTINGS, many=False, required=True)
        r = records[0] if records else Record({}, Position(shown))
        language = self._language(r)
        term_kinds = self._kinds(r, "term_kinds", DEFAULT_TERM_KINDS)
        return Settings(
            title=r.get("title", "Untitled edition"),
            subtitle=r.get("subtitle", ""),
            slug=slugify(r.get("slug", "edition")),
            language=language,
            gloss=r.get("gloss", "first-per-paragraph"),
            introduction=r.get("introduction", ""),
            principles=r.get("principles", ""),
            editors=tuple(v.value for v in _named(r.get("editors", []))),
            publisher=r.get("publisher"),
            published=r.get("published") or PartialDate(),
            introduction_at=r.at("introduction"),
            principles_at=r.at("principles"),
            term_kinds=term_kinds,
            text_kinds=self._kinds(r, "text_kinds", DEFAULT_TEXT_KINDS),
            strings=self._strings(r.get("strings", {})),
            gloss_by_kind=self._gloss_by_kind(r.get("gloss_by_kind", {}), [k.name for k in term_kinds]),
            title_at=r.at("title"),
        )

    def _language(self, record: Record, default: str | None = "en") -> Any:
        """The record's language code if Babel knows it; an unknown code is an error (and the default is used)."""
        code = record.get("language")
        if code is None:
            return default
        if locale_of(code) is None:
            self.problems.append(
                error(record.at("language"), "unknown-language", f"'{code}' is not a language code; write one such as en, de, fr, ru, zh or pt-BR")
            )
            return default
        return code

    def _kinds(self, record: Record, name: str, default: tuple[Kind, ...]) -> tuple[Kind, ...]:
        if name not in record.values:
            return default
        kinds: list[Kind] = []
        for k in record.get(name):
            if not k.get("name") or not k.get("plural"):
                continue
            taken = next((other for other in kinds if other.name == k.get("name")), None)
            if taken:
                self.problems.append(error(k.at("name"), "duplicate-kind", f"the kind '{k.get('name')}' is already declared at line {taken.position.line}; keep one"))
                continue
            kinds.append(Kind(k.get("name"), k.get("plural"), k.get("description", ""), k.at("name")))
        if not kinds:
            self.problems.append(error(record.at(name), "no-kinds", f"'{name}' declares no kind; list at least one (name and plural) or remove '{name}' to use the defaults"))
            return default
        return tuple(kinds)

    def _gloss_by_kind(self, given: dict[str, Value], kinds: list[str]) -> tuple[tuple[str, GlossMode], ...]:
        """The gloss modes set for some kinds of entry, each kind one the edition has (kinds, as read)."""
        kept: list[tuple[str, GlossMode]] = []
        for kind, found in given.items():
            mode, mode_at = found.value
            if kind not in kinds:
                self.problems.append(
                    error(found.position, "choice", f"'{kind}' in 'gloss_by_kind' is no kind of entry{did_you_mean(kind, kinds)}; the kinds: {', '.join(kinds)}")
                )
            elif mode not in GLOSS_MODES:
                self.problems.append(
                    error(mode_at, "choice", f"the gloss setting for '{kind}' is '{mode}'{did_you_mean(mode, GLOSS_MODES)}; choose one of: {', '.join(GLOSS_MODES)}")
                )
            else:
                kept.append((kind, cast(GlossMode, mode)))
        return tuple(kept)

    def _strings(self, overrides: dict[str, Value]) -> tuple[tuple[str, str], ...]:
        """Overrides of the interface strings whose key exists and whose {fields} the string can fill."""
        kept = []
        for key, found in overrides.items():
            text, text_at = found.value
            default = default_of(key)
            if default is None:
                self.problems.append(
                    error(found.position, "unknown-string", f"there is no interface string '{key}'{did_you_mean(key, list(STRINGS))}; the keys are listed in tools/strings.py")
                )
                continue
            try:
                fields = fields_of(text)
            except ValueError:
                self.problems.append(error(text_at, "string-field", f"the string '{key}' has an unmatched brace; write {{{{ and }}}} for a literal brace"))
                continue
            unknown = sorted(fields - fields_of(default))
            if unknown:
                allowed = ", ".join(f"{{{f}}}" for f in sorted(fields_of(default))) or "none"
                self.problems.append(
                    error(text_at, "string-field", f"the string '{key}' cannot fill {', '.join(f'{{{f}}}' for f in unknown)}; the fields it can use: {allowed}")
                )
                continue
            kept.append((key, text))
        return tuple(sorted(kept))

    def texts(self) -> tuple[Text, ...]:
        folder = self.seeds / "texts"
        listing = files.list_texts(folder, shown_path(folder)) if folder.is_dir() else files.Listing((), (), ())
        self.problems += listing.problems
        if not listing.texts:
            self.problems.append(error(Position(shown_path(folder)), "no-texts", "no .txt files found; put each text in seeds/texts/ as a .txt file"))
        texts = [t for t in (self._text(f) for f in listing.texts) if t is not None]
        named: dict[str, Text] = {}
        for text in texts:
            if text.slug in named:
                self.problems.append(
                    error(
                        Position(text.path), "duplicate-text",
                        f"this text's name '{text.slug}' (its page and the name notes use) is also that of {named[text.slug].path}; rename one of the two files",
                    )
                )
            else:
                named[text.slug] = text
        for orphan in listing.metadata:
            if orphan.with_suffix(".txt") not in listing.texts:
                self.problems.append(
                    error(Position(shown_path(orphan)), "orphan-metadata", f"metadata for a text that does not exist: add {orphan.stem}.txt or rename this file to match a text")
                )
        return tuple(sorted(texts, key=lambda t: (t.meta.order if t.meta and t.meta.order is not None else 10**6, t.slug)))

    def _text(self, file: Path) -> Text | None:
        shown = shown_path(file)
        refused = files.owned_problem(file, self.seeds, shown)
        if refused is not None:
            self.problems.append(refused)
            self.unreadable.add(slugify(file.stem))
            return None
        source, problems = yamlsource.read_source(file, shown)
        self.problems += problems
        if source is None:
            self.unreadable.add(slugify(file.stem))
            return None
        blocks = split_paragraphs(source.text)
        if not blocks:
            self.problems.append(warning(Position(shown), "empty-text", "the text is empty; add its words or remove the file"))
        meta = self._meta(file.with_suffix(".yml"), shown, len(blocks))
        roles = {p.paragraph: p for p in meta.passages} if meta else {}
        paragraphs = tuple(
            Paragraph(n, body, line, roles[n].role if n in roles else None, roles[n].citation if n in roles else None)
            for n, (body, line) in enumerate(blocks, start=1)
        )
        return Text(slugify(file.stem), shown, source.text, paragraphs, meta)

    def _meta(self, file: Path, text_shown: str, paragraphs: int) -> TextMeta | None:
        if not file.exists() and not file.is_symlink():
            self.problems.append(
                warning(
                    Position(text_shown),
                    "no-metadata",
                    f"this text has no metadata: its title is its first line and its date unknown; add {shown_path(file)} (see EDITING.md)",
                )
            )
            return None
        records, _ = self._read(str(file.relative_to(self.seeds)), specs.TEXT_META, many=False, required=True)
        if not records:
            return None
        r = records[0]
        passages = []
        taken: dict[int, Position] = {}
        for p in r.get("passages", []):
            number, role = p.get("paragraph"), p.get("role")
            if number is None or role is None:
                continue
            if not 1 <= number <= paragraphs:
                plural = "" if paragraphs == 1 else "s"
                self.problems.append(
                    error(p.at("paragraph"), "no-paragraph", f"paragraph {number} does not exist: the text has {paragraphs} paragraph{plural} (blocks separated by blank lines)")
                )
                continue
            if role == "quotation" and not p.get("source"):
                self.problems.append(error(p.position, "missing-field", "a quotation needs a 'source': the id of the source quoted, in sources.yml"))
            if number in taken and role != "quotation":
                self.problems.append(error(p.position, "duplicate-passage", f"paragraph {number} already has a role (line {taken[number].line}); give each paragraph one role"))
                continue
            taken[number] = p.position
            citation = Citation(p.get("source"), p.get("at"), p.at("source")) if p.get("source") else None
            passages.append(Passage(number, role, citation, p.position))
        return TextMeta(
            title=r.get("title", file.stem),
            editorial_title=r.get("editorial_title", False),
            order=r.get("order"),
            source=r.get("source", ""),
            author=r.get("author"),
            url=r.get("url"),
            date=r.get("date") or PartialDate(),
            date_note=r.get("date_note"),
            kind=r.get("kind", ""),
            headnote=r.get("headnote", ""),
            passages=tuple(passages),
            sources=_citations(r.get("sources", [])),
            position=r.position,
            kind_at=r.at("kind"),
            language=self._language(r, None),
            title_at=r.at("title"),
            headnote_at=r.at("headnote"),
            url_at=r.at("url"),
        )

    def terms(self) -> tuple[Term, ...]:
        records, _ = self._read("glossary.yml", specs.TERM, many=True, required=True)
        terms = []
        for r in records:
            if not r.get("term"):
                continue
            # An entry with a bad field is kept (it cannot be published: the field's error stops the
            # build) so that entries naming it are not reported as naming nothing.
            terms.append(
                Term(
                    id=slugify(r.get("term")),
                    term=r.get("term"),
                    expansion=r.get("expansion"),
                    kind=r.get("kind", ""),
                    short=r.get("short", ""),
                    definition=r.get("definition", ""),
                    aliases=_named(r.get("aliases", [])),
                    case_sensitive=r.get("case_sensitive"),
                    related=_named(r.get("related", [])),
                    events=tuple(DatedEvent(e.get("date"), e.get("label"), e.position) for e in r.get("events", []) if e.get("date") and e.get("label")),
                    references=_citations(r.get("references", [])),
                    position=r.position,
                    kind_at=r.at("kind"),
                    short_at=r.at("short"),
                    definition_at=r.at("definition"),
                )
            )
        return tuple(terms)

    def _quote(self, record: Record | None) -> QuoteRef | None:
        if record is None or not record.get("text") or not record.get("quote"):
            return None
        return QuoteRef(record.get("text"), record.get("quote"), record.at("quote"), record.at("text"))

    def notes(self) -> tuple[Note, ...]:
        records, _ = self._read("notes.yml", specs.NOTE, many=True, required=False)
        notes = []
        for r in records:
            anchor = self._quote(r)
            if anchor:
                notes.append(Note(r.get("kind", ""), anchor, r.get("note", ""), _citations(r.get("sources", [])), r.position, r.at("note")))
        return tuple(notes)

    def sources(self) -> tuple[Source, ...]:
        records, _ = self._read("sources.yml", specs.SOURCE, many=True, required=False)
        return tuple(
            Source(
                id=r.get("id"),
                authors=tuple(a.value for a in r.get("authors", [])),
                title=r.get("title", ""),
                outlet=r.get("outlet", ""),
                details=r.get("details"),
                date=r.get("date") or PartialDate(),
                url=r.get("url"),
                kind=r.get("kind", ""),
                note=r.get("note"),
                position=r.position,
                url_at=r.at("url"),
            )
            for r in records
            if r.get("id")
        )

    def crosslinks(self) -> tuple[CrossLink, ...]:
        records, _ = self._read("crosslinks.yml", specs.CROSSLINK, many=True, required=False)
        links = []
        for r in records:
            start, end = self._quote(r.get("from")), self._quote(r.get("to"))
            if start and end:
                links.append(CrossLink(r.get("label", ""), start, end, r.position))
        return tuple(links)


def _named(values: list[Value]) -> tuple[Named, ...]:
    return tuple(Named(v.value, v.position) for v in values)


def _citations(records: list[Any]) -> tuple[Citation, ...]:
    return tuple(Citation(r.get("source"), r.get("at"), r.at("source")) for r in records if r.get("source"))


def load_edition(seeds: Path) -> tuple[Edition, list[Problem]]:
    """Read every file in seeds/; problems are collected, never raised."""
    loader = Loader(seeds)
    edition = Edition(
        settings=loader.settings(),
        sources=loader.sources(),
        texts=loader.texts(),
        terms=loader.terms(),
        notes=loader.notes(),
        crosslinks=loader.crosslinks(),
    )
    edition = dataclasses.replace(edition, unreadable=frozenset(loader.unreadable))
    return edition, loader.problems + stale_schemas(seeds, shown_path(seeds), edition_choices(edition.settings))


