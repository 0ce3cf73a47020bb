"""What each editor's file may contain: the record specs, with the help text the guide repeats."""
from __future__ import annotations

from tools.model import GLOSS_MODES, NOTE_KINDS, PASSAGE_ROLES, SOURCE_KINDS
from tools.source.schema import Field, RecordSpec
from tools.strings import STRINGS

SOURCE = RecordSpec(
    "source",
    (
        Field("id", "line", "a short name other files cite it by: lowercase letters, digits and hyphens, e.g. tass-2018-mirror-response", required=True),
        Field("authors", "list", "the authors as printed, e.g. [Keir A. Lieber, Daryl G. Press], or none when the work names no author", required=True, none=True),
        Field("title", "line", "the title exactly as published; an untitled work gets a description in [square brackets]", required=True),
        Field("outlet", "line", "the outlet or publisher, e.g. TASS, Foreign Affairs, Yale University Press", required=True),
        Field("details", "line", "volume, issue, pages or document numbers, e.g. 34:1"),
        Field("date", "date", "YYYY-MM-DD, YYYY-MM, YYYY, or unknown", required=True),
        Field("url", "line", "its web address, only where you are certain of it"),
        Field("kind", "line", "what sort of source it is", required=True, choices=SOURCE_KINDS),
        Field("note", "line", "one line more, e.g. how the work is known: quoted by the Atlantic Council"),
    ),
)

CITATION = RecordSpec(
    "citation",
    (
        Field("source", "line", "the id of a source in sources.yml", required=True),
        Field("at", "line", "where in the source, e.g. p. 45, document 6, opening sentence"),
    ),
)

EVENT = RecordSpec(
    "event",
    (
        Field("date", "date", "the date as YYYY-MM-DD, YYYY-MM or YYYY", required=True),
        Field("label", "line", "what happened, in one line", required=True),
    ),
)

TERM = RecordSpec(
    "glossary entry",
    (
        Field("term", "line", "the term as readers should see it, e.g. ABM Treaty", required=True),
        Field("expansion", "line", "the full form of an abbreviation, e.g. anti-ballistic missile"),
        Field("kind", "line", "what the entry names: one of the edition's term_kinds", required=True),
        Field("short", "line", "one plain sentence: the tooltip", required=True),
        Field("definition", "text", "the longer definition, in Markdown", required=True),
        Field("aliases", "list", "other spellings matched in the texts, e.g. [missile defense]"),
        Field("case_sensitive", "bool", "true to match only the exact capitals, false to ignore case"),
        Field("related", "list", "terms of other entries, e.g. [ABM Treaty]"),
        Field("events", "records", "dated events: date and label", spec=EVENT),
        Field("references", "records", "at least one source, each '- source: ID' with an optional 'at'", required=True, spec=CITATION),
    ),
)

PASSAGE = RecordSpec(
    "passage",
    (
        Field("paragraph", "int", "the paragraph's number, counting from 1", required=True),
        Field("role", "line", "what the paragraph is", required=True, choices=PASSAGE_ROLES),
        Field("source", "line", "for a quotation: the id of the source quoted, in sources.yml"),
        Field("at", "line", "where in that source, e.g. opening sentence"),
    ),
)

TEXT_META = RecordSpec(
    "text's metadata",
    (
        Field("title", "line", "the text's title; for an untitled text, one the editors supply", required=True),
        Field("editorial_title", "bool", "true when the editors supplied the title (shown in [brackets])"),
        Field("order", "int", "the text's place in the reading order: 1, 2, 3 ..."),
        Field("source", "line", "the publisher or outlet", required=True),
        Field("author", "line", "the author, only when known"),
        Field("url", "line", "where the text was published, only when certain"),
        Field("date", "date", "YYYY-MM-DD, YYYY-MM, YYYY, or unknown", required=True),
        Field("date_note", "line", "how the date is known, or why it is not"),
        Field("kind", "line", "what sort of text it is: one of the edition's text_kinds", required=True),
        Field("headnote", "text", "a few sentences on what the text is, in Markdown", required=True),
        Field("passages", "records", "paragraph roles: headline, standfirst, quotation", spec=PASSAGE),
        Field("sources", "records", "the sources of the headnote, each '- source: ID' with an optional 'at'", spec=CITATION),
        Field("language", "line", "the text's language code, only when it is not the edition's, e.g. de"),
    ),
)

QUOTE = RecordSpec(
    "passage reference",
    (
        Field("text", "line", "the text's name: its file name without .txt", required=True),
        Field("quote", "line", "words copied exactly from that text, found there once", required=True),
    ),
)

NOTE = RecordSpec(
    "note",
    (
        Field("text", "line", "the text's name: its file name without .txt", required=True),
        Field("quote", "line", "words copied exactly from that text, found there once", required=True),
        Field("kind", "line", "what help the note gives", required=True, choices=NOTE_KINDS),
        Field("note", "text", "the note itself, in Markdown", required=True),
        Field("sources", "records", "the sources, each '- source: ID' with an optional 'at'", spec=CITATION),
    ),
)

CROSSLINK = RecordSpec(
    "cross-link",
    (
        Field("label", "line", "how the two passages relate, in a few words", required=True),
        Field("from", "record", "one end: text and quote", required=True, spec=QUOTE),
        Field("to", "record", "the other end, in another text: text and quote", required=True, spec=QUOTE),
    ),
)

KIND = RecordSpec(
    "kind",
    (
        Field("name", "line", "the kind as entries or texts name it, e.g. letter", required=True),
        Field("plural", "line", "its plural as a heading, e.g. Letters", required=True),
        Field("description", "line", "what belongs to this kind, in a few words"),
    ),
)

SETTINGS = RecordSpec(
    "edition setting",
    (
        Field("title", "line", "the edition's title", required=True),
        Field("subtitle", "line", "a line under the title"),
        Field("slug", "line", "a short lowercase name used for file names, e.g. missile-defence-texts", required=True),
        Field("language", "line", "the language code, e.g. en, de, ru, pt-BR"),
        Field("gloss", "line", "which occurrences of a term are glossed", choices=GLOSS_MODES),
        Field("gloss_by_kind", "mapping", "a gloss setting for the terms of some kinds, e.g. place: first-per-page"),
        Field("editors", "list", "the edition's editors as they should be cited, only when known, e.g. [Jane Doe]"),
        Field("publisher", "line", "who publishes the edition, only when known"),
        Field("published", "date", "when the edition was published: YYYY-MM-DD, YYYY-MM or YYYY, only when known"),
        Field("introduction", "text", "what the edition is and why these texts, in Markdown", required=True),
        Field("principles", "text", "the editorial principles, in Markdown", required=True),
        Field("term_kinds", "records", "the kinds of glossary entry: name, plural, description", spec=KIND),
        Field("text_kinds", "records", "the kinds of text: name, plural, description", spec=KIND),
        Field("strings", "mapping", "interface words to change, by key (see tools/strings.py)", choices=tuple(STRINGS)),
    ),
)


def required_fields(spec: RecordSpec) -> str:
    """The required fields of spec, for messages: "title, slug and introduction"."""
    names = [f"'{f.name}'" for f in spec.fields if f.required]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
