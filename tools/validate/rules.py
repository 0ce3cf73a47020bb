"""Stage 2: cross-file rules over a loaded Edition. Each rule yields positioned problems.

Rules (code: what it catches):
  duplicate-term    two entries with the same term (after case and Unicode NFC folding) or the same anchor
  alias-conflict    an alias or expansion claimed by two entries, or equal to another entry's term
                    (compared as the matcher does: case, hyphens, spaces, apostrophes, Unicode NFC)
  invisible-character  an invisible character (soft hyphen, zero-width space, BOM) in a term, alias or title
  unknown-related   a related entry that names no entry (with "did you mean")
  self-related      an entry related to itself
  unknown-text      a note or cross-link naming no text (with "did you mean")
  quote-missing     a quote not found in its text
  quote-ambiguous   a quote found more than once (each place shown)
  crosslink-same    a cross-link whose two ends are in the same text
  duplicate-source  two sources with the same id
  source-id         a source id that is not lowercase letters, digits and hyphens
  unknown-source    a citation naming no source in sources.yml (with "did you mean")
  missing-source    a note of kind source or correction that cites no source
  disputed-sources  a disputed note that cites fewer than two sources
  unknown-kind      an entry or text whose kind is not one of the edition's term_kinds or text_kinds
  unsafe-link       a link that is not a '#anchor' or a full http, https or mailto address
  raw-html          raw HTML in an editor's Markdown
  title-too-long    a text's title longer than MkDocs can read in the navigation
  short-too-long    a short definition too long for a tooltip (warning)

After annotation, tools.annotate.usage adds:
  unused-term       an entry found in no text that no entry relates to (warning)
  unused-source     a source nothing cites (warning)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from tools.escape import template_text, yaml_json
from tools.model import NOTE_MIN_SOURCES, Citation, Edition, Named, QuoteRef, Term, slugify
from tools.problems import Position, Problem, error, warning
from tools.source.invisible import invisible_problem
from tools.source.links import link_problem, link_scheme
from tools.source.normalize import match_key
from tools.source.quotes import context, find_quote
from tools.source.schema import did_you_mean
from tools.validate.anchors import anchor_problems

SHORT_LIMIT = 200
# Each part stops at a character it cannot cross (a bracket, '<' or '>'), so that a long run of
# '[' or '<!--' is read once, not once per occurrence (issue 13).
_MD_LINK = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s>]*\))*)|^\s{0,3}\[[^\[\]]+\]:\s*<?(\S+?)>?(?:\s|$)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>", re.M)
# A tag (also '<img/src=x ...>', which browsers read as <img src=x ...>), an end tag, or the start of a comment.
_RAW_HTML = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>|/[A-Za-z][A-Za-z0-9-]*\s*>|!--)")


def _invisible(edition: Edition) -> Iterator[Problem]:
    """Names and titles holding a character no reader can see (pasted from a PDF or a word processor)."""
    fields: list[tuple[str, str, Position]] = [("the edition's title", edition.settings.title, edition.settings.title_at)]
    for term in edition.terms:
        fields.append((f"the term '{term.term}'", term.term, term.position))
        if term.expansion:
            fields.append(("the expansion", term.expansion, term.position))
        fields += [("the alias", a.value, a.position) for a in term.aliases]
    for text in edition.texts:
        if text.meta:
            fields.append(("the title", text.meta.title, text.meta.title_at or text.meta.position))
    for what, value, position in fields:
        problem = invisible_problem(value)
        if problem:
            yield error(position, "invisible-character", f"{what} holds {problem}; delete it: it cannot be seen and stops words from matching")


def _terms(edition: Edition) -> Iterator[Problem]:
    entries: dict[str, Term] = {}
    anchors: dict[str, Term] = {}
    for term in edition.terms:
        key = match_key(term.term)
        if key in entries:
            yield error(term.position, "duplicate-term", f"the term '{term.term}' is already an entry at line {entries[key].position.line}; merge the two entries")
            continue
        entries[key] = term
        if term.id in anchors:
            other = anchors[term.id]
            yield error(
                term.position,
                "duplicate-term",
                f"the term '{term.term}' gets the same glossary anchor '#{term.id}' as '{other.term}' ({other.position}); "
                "merge the two entries or spell one differently",
            )
        else:
            anchors[term.id] = term
    # Expansions and aliases, against every term and every expansion or alias before them.
    aliases: dict[str, tuple[Term, Position, str]] = {}
    for term in edition.terms:
        forms = [("expansion", Named(term.expansion, term.position))] if term.expansion else []
        for kind, name in forms + [("alias", a) for a in term.aliases]:
            key = match_key(name.value)
            if key in entries and entries[key] is not term:
                other = entries[key]
                yield error(name.position, "alias-conflict", f"the {kind} '{name.value}' is the term of another entry (line {other.position.line}); remove it here or relate the two entries")
            elif key in aliases and aliases[key][0] is not term:
                owner, where, its = aliases[key]
                as_its = "" if its == "alias" else f" as its {its}"
                yield error(name.position, "alias-conflict", f"the {kind} '{name.value}' is also claimed by '{owner.term}'{as_its} (line {where.line}); keep it in one entry")
            else:
                aliases.setdefault(key, (term, name.position, kind))
    names = [t.term for t in edition.terms]
    for term in edition.terms:
        for related in term.related:
            if match_key(related.value) == match_key(term.term):
                yield error(related.position, "self-related", f"'{term.term}' is related to itself; remove '{related.value}' from its related list")
            elif match_key(related.value) not in entries:
                yield error(related.position, "unknown-related", f"related entry '{related.value}' is not in the glossary{did_you_mean(related.value, names)}")
        if len(term.short) > SHORT_LIMIT:
            yield warning(
                term.short_at or term.position, "short-too-long",
                f"the short definition of '{term.term}' has {len(term.short)} characters; keep it under {SHORT_LIMIT} so the tooltip stays readable",
            )


def _quote(edition: Edition, ref: QuoteRef) -> Iterator[Problem]:
    text = edition.text(ref.text)
    if text is None and (ref.text in edition.unreadable or not edition.texts):
        return  # the text's own error (or the one saying there are no texts) says why it is missing
    if text is None:
        slugs = [t.slug for t in edition.texts]
        yield error(ref.text_position, "unknown-text", f"there is no text '{ref.text}'{did_you_mean(ref.text, slugs)}; texts: {', '.join(slugs)}")
        return
    spans = find_quote(text, ref.quote)
    if not spans:
        hidden = invisible_problem(ref.quote)
        hint = f" (the quote holds {hidden}, which the text does not have there: delete it)" if hidden else ""
        yield error(ref.position, "quote-missing", f"the quote “{ref.quote}” is not in {text.path}{hint}; copy the words exactly from one paragraph (quotes and apostrophes included)")
    elif len(spans) > 1:
        places = "; ".join(context(text, s) for s in spans)
        yield error(ref.position, "quote-ambiguous", f"the quote “{ref.quote}” occurs {len(spans)} times in {text.path}: {places}; quote more words so it occurs once")


def _anchors(edition: Edition) -> Iterator[Problem]:
    for note in edition.notes:
        yield from _quote(edition, note.anchor)
    for link in edition.crosslinks:
        yield from _quote(edition, link.start)
        yield from _quote(edition, link.end)
        if link.start.text == link.end.text:
            yield error(link.end.text_position, "crosslink-same", "both ends of this cross-link are in the same text; a cross-link joins passages in two different texts")


_SOURCE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def citations(edition: Edition) -> Iterator[Citation]:
    """Every citation in the edition: notes' sources, glossary references, text metadata and quotations."""
    for note in edition.notes:
        yield from note.sources
    for term in edition.terms:
        yield from term.references
    for text in edition.texts:
        if text.meta:
            yield from text.meta.sources
            yield from (p.citation for p in text.meta.passages if p.citation)


def _sources(edition: Edition) -> Iterator[Problem]:
    first: dict[str, Position] = {}
    for source in edition.sources:
        if source.id in first:
            yield error(source.position, "duplicate-source", f"the source id '{source.id}' is already used at line {first[source.id].line}; give each source its own id")
            continue
        first[source.id] = source.position
        if not _SOURCE_ID.fullmatch(source.id):
            yield error(
                source.position,
                "source-id",
                f"the source id '{source.id}' may hold only lowercase letters, digits and single hyphens, e.g. '{slugify(source.id)}'",
            )
        yield from _urls(source.url, source.url_at or source.position, f"the URL of source '{source.id}'")
    ids = list(first)
    for citation in citations(edition):
        if citation.source not in first:
            yield error(
                citation.position,
                "unknown-source",
                f"there is no source '{citation.source}' in sources.yml{did_you_mean(citation.source, ids)}; correct the id or add the source to sources.yml",
            )
    for note in edition.notes:
        needed, cites = NOTE_MIN_SOURCES.get(note.kind, 0), len({c.source for c in note.sources})
        if cites >= needed:
            continue
        if note.kind == "disputed":
            yield error(note.position, "disputed-sources", f"a disputed note must cite at least two sources (one for each side of the dispute); this one cites {cites}")
        else:
            yield error(note.position, "missing-source", f"a note of kind '{note.kind}' must cite its source: add 'sources:' with at least one '- source: ID' from sources.yml")


def markdown_problems(value: str, position: Position, what: str) -> Iterator[Problem]:
    """Unsafe links and raw HTML in one Markdown (or URL) field."""
    for match in _MD_LINK.finditer(value):
        url = next(g for g in match.groups() if g is not None)
        problem = link_problem(url)
        if problem:
            yield error(position, "unsafe-link", f"{what} links to '{url}' {problem}")
    if found := _RAW_HTML.search(value):
        yield error(position, "raw-html", f"{what} contains raw HTML '{found.group(0)[:40]}'; write Markdown instead (*emphasis*, [text](https://...))")


def _urls(url: str | None, position: Position, what: str) -> Iterator[Problem]:
    if not url:
        return
    scheme = link_scheme(url)
    if scheme not in ("http", "https", "mailto"):
        shown = f"has the scheme '{scheme}:'" if scheme else "is not a full address"
        yield error(position, "unsafe-link", f"{what} '{url}' {shown}; only http, https and mailto addresses are allowed")
    elif problem := link_problem(url):
        yield error(position, "unsafe-link", f"{what} '{url}' cannot be used: it is an address {problem}")


def _safety(edition: Edition) -> Iterator[Problem]:
    s = edition.settings
    for field, value, position in (("the introduction", s.introduction, s.introduction_at), ("the principles", s.principles, s.principles_at)):
        yield from markdown_problems(value, position, field)
    for term in edition.terms:
        yield from markdown_problems(term.definition, term.definition_at or term.position, f"the definition of '{term.term}'")
        if _RAW_HTML.search(term.short):
            yield error(term.short_at or term.position, "raw-html", f"the short definition of '{term.term}' contains raw HTML; it must be plain text")
    for note in edition.notes:
        yield from markdown_problems(note.body, note.body_at or note.position, "this note")
    for text in edition.texts:
        if text.meta:
            yield from markdown_problems(text.meta.headnote, text.meta.headnote_at or text.meta.position, "the headnote")
            yield from _urls(text.meta.url, text.meta.url_at or text.meta.position, "the text's URL")


def _kinds(edition: Edition) -> Iterator[Problem]:
    """Entries and texts against the kinds edition.yml declares (or the defaults)."""
    term_kinds = [k.name for k in edition.settings.term_kinds]
    for term in edition.terms:
        if term.kind and term.kind not in term_kinds:
            yield error(
                term.kind_at,
                "unknown-kind",
                f"the kind '{term.kind}' of '{term.term}' is not one of the edition's term_kinds{did_you_mean(term.kind, term_kinds)}; "
                f"choose one of: {', '.join(term_kinds)} (or declare it under term_kinds in edition.yml)",
            )
    text_kinds = [k.name for k in edition.settings.text_kinds]
    for text in edition.texts:
        if text.meta and text.meta.kind and text.meta.kind not in text_kinds:
            yield error(
                text.meta.kind_at,
                "unknown-kind",
                f"the kind '{text.meta.kind}' is not one of the edition's text_kinds{did_you_mean(text.meta.kind, text_kinds)}; "
                f"choose one of: {', '.join(text_kinds)} (or declare it under text_kinds in edition.yml)",
            )


# PyYAML reads a mapping key of at most 1,024 characters, and each text's title is a key of the
# navigation in the generated MkDocs config (written as JSON, HTML-escaped); a little is left for the quotes.
MAX_NAV_KEY = 1000


def _config_values(edition: Edition) -> Iterator[Problem]:
    """Values MkDocs reads from the generated config, checked here so that the editor's file is named."""
    for text in edition.texts:
        if text.meta is None:
            continue
        key = yaml_json(template_text(text.shown_title))
        if len(key) > MAX_NAV_KEY:
            yield error(
                text.meta.title_at or text.meta.position,
                "title-too-long",
                f"the title is too long for the navigation ({len(key):,} characters once written for MkDocs, at most {MAX_NAV_KEY:,}); shorten it",
            )


def validate(edition: Edition) -> list[Problem]:
    """Every cross-file problem in a loaded edition."""
    return [*_terms(edition), *_invisible(edition), *_kinds(edition), *_anchors(edition), *_sources(edition), *_safety(edition), *_config_values(edition), *anchor_problems(edition)]

