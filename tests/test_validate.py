"""Cross-file rules: every problem code of tools/validate/rules.py, printed with the file and line to fix."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import GLOSSARY, SOURCES, TEXT_META, problem_lines, write_seeds

# GLOSSARY (conftest) has 17 lines: ABM starts at line 1, ABM Treaty at line 10; an entry appended
# after it starts at line 18.
NEXT = 18


def entry(term: str, *extra: str, short: str = "A short definition.", definition: str = "A definition.") -> str:
    """One glossary entry as YAML; extra lines are added as they are (two-space indented fields)."""
    lines = [f"- term: {term}", "  kind: concept", f"  short: {short}", f"  definition: {definition}", *extra,
             "  references:", "    - source: abm-treaty"]
    return "\n".join(lines) + "\n"


def errors(lines: list[str]) -> list[str]:
    return [line for line in lines if ": error: " in line]


# --- glossary ------------------------------------------------------------------------------------


def test_duplicate_term(here: Path) -> None:
    """A second entry with the same term (other case) is reported at its own line, naming the first."""
    seeds = write_seeds(here, glossary=GLOSSARY + entry("abm"))
    assert errors(problem_lines(seeds)) == [
        f"seeds/glossary.yml:{NEXT}:3: error: the term 'abm' is already an entry at line 1; merge the two entries [duplicate-term]"
    ]


def test_duplicate_term_after_unicode_normalisation(here: Path) -> None:
    """'Café' typed precomposed and decomposed is one term."""
    glossary = GLOSSARY + entry("Caf\u00e9") + entry("cafe\u0301")
    seeds = write_seeds(here, glossary=glossary, texts={"one": "The ABM Treaty limited ABMs in a Café.\n"})
    # The message may show the term as typed or normalised (NFC); either way it is one duplicate.
    assert [unicodedata.normalize("NFC", line) for line in errors(problem_lines(seeds))] == [
        f"seeds/glossary.yml:{NEXT + 6}:3: error: the term 'caf\u00e9' is already an entry at line {NEXT}; "
        "merge the two entries [duplicate-term]"
    ]


def test_terms_with_the_same_anchor_are_duplicates(here: Path) -> None:
    """'A-135' and 'A 135?' both become #a-135: the glossary could not tell them apart."""
    glossary = GLOSSARY + entry("A-135") + entry("A 135?")
    seeds = write_seeds(here, glossary=glossary, texts={"one": "The ABM Treaty, ABMs and the A-135.\n"})
    assert errors(problem_lines(seeds)) == [
        f"seeds/glossary.yml:{NEXT + 6}:3: error: the term 'A 135?' gets the same glossary anchor '#a-135' as 'A-135' "
        f"(seeds/glossary.yml:{NEXT}:3); merge the two entries or spell one differently [duplicate-term]"
    ]


def test_terms_in_other_scripts_get_their_own_anchors(here: Path) -> None:
    """Cyrillic, Greek and Chinese terms are told apart (they all used to be '#entry'); when two
    spellings do give one anchor, both places are named."""
    glossary = GLOSSARY + entry("ПРО") + entry("ДРСМД") + entry("λόγος") + entry("导弹防御") + entry("ПРО (договор)") + entry("ПРО/договор")
    text = "The ABM Treaty, ABMs. ПРО и ДРСМД; λόγος; 导弹防御; ПРО (договор).\n"
    seeds = write_seeds(here, glossary=glossary, texts={"one": text})
    assert errors(problem_lines(seeds)) == [
        f"seeds/glossary.yml:{NEXT + 30}:3: error: the term 'ПРО/договор' gets the same glossary anchor '#про-договор' as 'ПРО (договор)' "
        f"(seeds/glossary.yml:{NEXT + 24}:3); merge the two entries or spell one differently [duplicate-term]"
    ]


def test_alias_that_is_another_entrys_term(here: Path) -> None:
    """The alias is reported where it is written (line and column of the list item)."""
    seeds = write_seeds(here, glossary=GLOSSARY + entry("Interceptor", "  aliases: [Interceptors, ABM Treaty]"))
    assert errors(problem_lines(seeds)) == [
        f"seeds/glossary.yml:{NEXT + 4}:27: error: the alias 'ABM Treaty' is the term of another entry (line 10); "
        "remove it here or relate the two entries [alias-conflict]"
    ]


def test_alias_claimed_by_two_entries(here: Path) -> None:
    glossary = GLOSSARY + entry("Interceptor", "  aliases:", "    - kill vehicle") + entry("Warhead", "  aliases: [Kill Vehicle]")
    seeds = write_seeds(here, glossary=glossary)
    assert errors(problem_lines(seeds)) == [
        f"seeds/glossary.yml:{NEXT + 12}:13: error: the alias 'Kill Vehicle' is also claimed by 'Interceptor' "
        f"(line {NEXT + 5}); keep it in one entry [alias-conflict]"
    ]


def test_unknown_related_suggests_the_closest_entry(here: Path) -> None:
    seeds = write_seeds(here, glossary=GLOSSARY + entry("Interceptor", "  related: [ABM Traety]"))
    assert errors(problem_lines(seeds)) == [
        f"seeds/glossary.yml:{NEXT + 4}:13: error: related entry 'ABM Traety' is not in the glossary "
        "(did you mean 'ABM Treaty'?) [unknown-related]"
    ]


def test_unknown_related_without_a_close_entry(here: Path) -> None:
    seeds = write_seeds(here, glossary=GLOSSARY + entry("Interceptor", "  related: [Warsaw Pact]"))
    assert errors(problem_lines(seeds)) == [
        f"seeds/glossary.yml:{NEXT + 4}:13: error: related entry 'Warsaw Pact' is not in the glossary [unknown-related]"
    ]


def test_self_related(here: Path) -> None:
    seeds = write_seeds(here, glossary=GLOSSARY + entry("Interceptor", "  related: [ABM, interceptor]"))
    assert errors(problem_lines(seeds)) == [
        f"seeds/glossary.yml:{NEXT + 4}:18: error: 'Interceptor' is related to itself; "
        "remove 'interceptor' from its related list [self-related]"
    ]


def test_short_definition_too_long_is_a_warning(here: Path) -> None:
    """201 characters warn; exactly 200 do not. The warning is at the field (issue 12: it was at the entry's first line)."""
    glossary = GLOSSARY + entry("Interceptor", short="x" * 201) + entry("Warhead", short="y" * 200)
    seeds = write_seeds(here, glossary=glossary, texts={"one": "The ABM Treaty, ABMs, an interceptor, a warhead.\n"})
    assert problem_lines(seeds) == [
        f"seeds/glossary.yml:{NEXT + 2}:10: warning: the short definition of 'Interceptor' has 201 characters; "
        "keep it under 200 so the tooltip stays readable [short-too-long]"
    ]


def test_unused_term_is_a_warning(here: Path) -> None:
    """An entry no text uses and no entry relates to; used and related entries are not reported."""
    glossary = GLOSSARY + entry("Warhead") + entry("Kill vehicle") + entry("Interceptor", "  related: [Kill vehicle]")
    seeds = write_seeds(here, glossary=glossary, texts={"one": "The ABM Treaty, ABMs and an interceptor.\n"})
    assert problem_lines(seeds) == [
        f"seeds/glossary.yml:{NEXT}:3: warning: 'Warhead' occurs in no text and no entry lists it under 'related'; "
        "add an alias matching the texts' wording, list it under a related entry's 'related', or remove it [unused-term]"
    ]


# --- notes and cross-links -----------------------------------------------------------------------

NOTE = """\
# A comment line, so that the note starts on line 2.
- text: {text}
  quote: {quote}
  kind: context
  note: A note.
"""


def test_unknown_text_in_a_note(here: Path) -> None:
    """Named at the note's 'text' value, with the closest text and the list of texts."""
    seeds = write_seeds(here, notes=NOTE.format(text="onw", quote="limited"))
    assert problem_lines(seeds) == [
        "seeds/notes.yml:2:9: error: there is no text 'onw' (did you mean 'one'?); texts: one [unknown-text]"
    ]


def test_quote_missing_names_the_quote_line(here: Path) -> None:
    seeds = write_seeds(here, notes=NOTE.format(text="one", quote="limited ABM systems"))
    assert problem_lines(seeds) == [
        "seeds/notes.yml:3:10: error: the quote “limited ABM systems” is not in seeds/texts/one.txt; "
        "copy the words exactly from one paragraph (quotes and apostrophes included) [quote-missing]"
    ]


def test_quote_across_two_paragraphs_is_missing(here: Path) -> None:
    seeds = write_seeds(here, notes=NOTE.format(text="one", quote="ABMs. A second"))
    assert [line.rsplit("[", 1)[1] for line in problem_lines(seeds)] == ["quote-missing]"]


def test_quote_matches_across_a_no_break_space(here: Path) -> None:
    """The text has a no-break space where the editor typed a space: the quote is found."""
    seeds = write_seeds(
        here,
        texts={"one": "The ABM\u00a0Treaty limited ABMs.\n"},
        notes=NOTE.format(text="one", quote="ABM Treaty limited"),
    )
    assert problem_lines(seeds) == []


def test_quote_ambiguous_shows_every_place(here: Path) -> None:
    """Each place with its paragraph and the words around it, spaced as in the text."""
    seeds = write_seeds(here, notes=NOTE.format(text="one", quote="ABM"))
    assert problem_lines(seeds) == [
        "seeds/notes.yml:3:10: error: the quote “ABM” occurs 3 times in seeds/texts/one.txt: "
        "¶1 “The »ABM« Treaty limited ABMs.”; ¶1 “The ABM Treaty limited »ABM«s.”; ¶2 “A second paragraph on »ABM«.”; "
        "quote more words so it occurs once [quote-ambiguous]"
    ]


def test_quote_ambiguous_context_is_cut_with_an_ellipsis(here: Path) -> None:
    words = "word " * 10
    seeds = write_seeds(here, texts={"one": f"{words}ABM {words}ABM {words}\n"}, notes=NOTE.format(text="one", quote="ABM"))
    (line,) = problem_lines(seeds)
    assert "¶1 “…word word word word word word »ABM« word word word word word word…”" in line


CROSSLINK = """\
- label: Same point
  from:
    text: {a}
    quote: {qa}
  to:
    text: {b}
    quote: {qb}
"""
TWO_TEXTS = {"one": "The ABM Treaty limited ABMs.\n\nA second paragraph on ABM.\n", "two": "Another ABM text.\n"}


def test_crosslink_within_one_text(here: Path) -> None:
    seeds = write_seeds(here, texts=TWO_TEXTS, crosslinks=CROSSLINK.format(a="one", qa="limited", b="one", qb="second paragraph"))
    assert problem_lines(seeds) == [
        "seeds/crosslinks.yml:6:11: error: both ends of this cross-link are in the same text; "
        "a cross-link joins passages in two different texts [crosslink-same]"
    ]


def test_crosslink_ends_are_each_checked(here: Path) -> None:
    seeds = write_seeds(here, texts=TWO_TEXTS, crosslinks=CROSSLINK.format(a="one", qa="limits", b="thre", qb="Another"))
    assert problem_lines(seeds) == [
        "seeds/crosslinks.yml:4:12: error: the quote “limits” is not in seeds/texts/one.txt; "
        "copy the words exactly from one paragraph (quotes and apostrophes included) [quote-missing]",
        "seeds/crosslinks.yml:6:11: error: there is no text 'thre'; texts: one, two [unknown-text]",
    ]


def test_valid_crosslink_has_no_problem(here: Path) -> None:
    seeds = write_seeds(here, texts=TWO_TEXTS, crosslinks=CROSSLINK.format(a="one", qa="limited", b="two", qb="Another"))
    assert problem_lines(seeds) == []


# --- links and raw HTML --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown, url, scheme",
    [
        ("[x](javascript:alert(1))", "javascript:alert(1)", "javascript"),
        ("[x](JaVaScRiPt:alert(1))", "JaVaScRiPt:alert(1)", "javascript"),
        ("[x]( <javascript:alert(1)> )", "javascript:alert(1)", "javascript"),
        ("[x](java&#x09;script:alert(1))", "java&#x09;script:alert(1)", "javascript"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:text/html;base64,PHNjcmlwdD4=", "data"),
        ("See [x][1].\n\n[1]: vbscript:msgbox", "vbscript:msgbox", "vbscript"),
        ("<javascript:alert(1)>", "javascript:alert(1)", "javascript"),
    ],
)
def test_unsafe_link_in_a_definition(here: Path, markdown: str, url: str, scheme: str) -> None:
    definition = "|\n    " + markdown.replace("\n", "\n    ")
    seeds = write_seeds(here, glossary=GLOSSARY + entry("Interceptor", definition=definition), texts={"one": "ABM Treaty, ABMs, interceptor.\n"})
    assert errors(problem_lines(seeds)) == [
        f"seeds/glossary.yml:{NEXT + 3}:15: error: the definition of 'Interceptor' links to '{url}' with the scheme '{scheme}:'; "
        "only http, https and mailto addresses and '#anchors' are allowed [unsafe-link]"
    ]


@pytest.mark.parametrize("markdown", ["[x](https://example.org/a_(b))", "[x](mailto:a@example.org)", "[x](#abm)", "[x](http://example.org)"])
def test_safe_links_pass(here: Path, markdown: str) -> None:
    seeds = write_seeds(here, glossary=GLOSSARY + entry("Interceptor", definition=f'"{markdown}"'), texts={"one": "ABM Treaty, ABMs, interceptor.\n"})
    assert problem_lines(seeds) == []


def test_unsafe_urls_in_sources_notes_and_text_metadata(here: Path) -> None:
    """Each field's problem names the file and the field's own line (issue 12: it was the record's first line)."""
    sources = SOURCES + "- id: bad-url\n  authors: none\n  title: T\n  outlet: O\n  date: unknown\n  url: \"data:text/html,x\"\n  kind: reference\n"
    notes = """\
- text: one
  quote: limited
  kind: source
  note: "See [the source](javascript:alert(1))."
  sources:
    - source: bad-url
"""
    meta = TEXT_META + "url: vbscript:x\nheadnote: \"[a](javascript:y)\"\n"
    meta = meta.replace("headnote: A text for tests.\n", "")
    seeds = write_seeds(here, notes=notes, metadata={"one": meta}, sources=sources, texts={"one": "The ABM Treaty limited ABMs.\n"})
    assert errors(problem_lines(seeds)) == [
        "seeds/notes.yml:4:9: error: this note links to 'javascript:alert(1)' with the scheme 'javascript:'; "
        "only http, https and mailto addresses and '#anchors' are allowed [unsafe-link]",
        "seeds/sources.yml:12:8: error: the URL of source 'bad-url' 'data:text/html,x' has the scheme 'data:'; only http, https and mailto addresses are allowed [unsafe-link]",
        "seeds/texts/one.yml:5:6: error: the text's URL 'vbscript:x' has the scheme 'vbscript:'; only http, https and mailto addresses are allowed [unsafe-link]",
        "seeds/texts/one.yml:6:11: error: the headnote links to 'javascript:y' with the scheme 'javascript:'; "
        "only http, https and mailto addresses and '#anchors' are allowed [unsafe-link]",
    ]


def test_unsafe_link_in_edition_settings_names_the_real_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The seeds folder need not be ./seeds: the message names edition.yml where it is, at the field's line."""
    monkeypatch.chdir(tmp_path)
    edition = "title: T\nslug: t\nintroduction: Intro.\nprinciples: |\n  Some [principles](javascript:void(0)).\n"
    seeds = write_seeds(tmp_path / "elsewhere", edition=edition)
    assert errors(problem_lines(seeds)) == [
        "elsewhere/seeds/edition.yml:4:13: error: the principles links to 'javascript:void(0)' with the scheme 'javascript:'; "
        "only http, https and mailto addresses and '#anchors' are allowed [unsafe-link]"
    ]


@pytest.mark.parametrize("html", ["<script>alert(1)</script>", "<b>bold</b>", "<img src=x onerror=alert(1)>", "<!-- hidden -->", "a</p>"])
def test_raw_html_in_a_note(here: Path, html: str) -> None:
    notes = f'- text: one\n  quote: limited\n  kind: context\n  note: "Text {html}"\n'
    seeds = write_seeds(here, notes=notes)
    lines = errors(problem_lines(seeds))
    assert len(lines) == 1
    assert lines[0].startswith("seeds/notes.yml:4:9: error: this note contains raw HTML '")
    assert lines[0].endswith("'; write Markdown instead (*emphasis*, [text](https://...)) [raw-html]")


@pytest.mark.parametrize("markdown", ["a < b and b > c", "x <3 y", "1 <2", "*emphasis*"])
def test_angle_brackets_that_are_no_html_pass(here: Path, markdown: str) -> None:
    notes = f'- text: one\n  quote: limited\n  kind: context\n  note: "{markdown}"\n'
    seeds = write_seeds(here, notes=notes)
    assert problem_lines(seeds) == []


def test_raw_html_in_a_definition_and_a_short(here: Path) -> None:
    glossary = GLOSSARY + entry("Interceptor", short="An <i>interceptor</i>.", definition='"It <b>hits</b>."')
    seeds = write_seeds(here, glossary=glossary, texts={"one": "ABM Treaty, ABMs, interceptor.\n"})
    assert errors(problem_lines(seeds)) == [
        f"seeds/glossary.yml:{NEXT + 2}:10: error: the short definition of 'Interceptor' contains raw HTML; it must be plain text [raw-html]",
        f"seeds/glossary.yml:{NEXT + 3}:15: error: the definition of 'Interceptor' contains raw HTML '<b>'; "
        "write Markdown instead (*emphasis*, [text](https://...)) [raw-html]",
    ]


# --- texts, and everything at once ---------------------------------------------------------------


def test_two_texts_with_the_same_page_name(here: Path) -> None:
    """'a b.txt' and 'a-b.txt' would both become texts/a-b.md: one would silently replace the other."""
    seeds = write_seeds(here, texts={"a b": "ABM Treaty and ABMs.\n", "a-b": "More ABMs.\n"})
    assert errors(problem_lines(seeds)) == [
        "seeds/texts/a-b.txt:1:1: error: this text's name 'a-b' (its page and the name notes use) is also that of "
        "seeds/texts/a b.txt; rename one of the two files [duplicate-text]"
    ]


def test_every_problem_is_reported_in_one_run(here: Path) -> None:
    """Independent errors in three files all appear, in file order, with a count."""
    seeds = write_seeds(
        here,
        glossary=GLOSSARY + entry("abm treaty"),
        notes=NOTE.format(text="one", quote="not in the text"),
        crosslinks=CROSSLINK.format(a="one", qa="limited", b="one", qb="second"),
    )
    assert [(line.split(":")[0], line.rsplit(" ", 1)[1]) for line in problem_lines(seeds)] == [
        ("seeds/crosslinks.yml", "[crosslink-same]"),
        ("seeds/glossary.yml", "[duplicate-term]"),
        ("seeds/notes.yml", "[quote-missing]"),
    ]


def test_the_real_seeds_have_no_error() -> None:
    """The edition as shipped validates (warnings allowed)."""
    root = Path(__file__).resolve().parent.parent
    assert errors(problem_lines(root / "seeds")) == []


# --- sources -------------------------------------------------------------------------------------

KRAMER = """\
- id: kramer-2009
  authors: [Mark Kramer]
  title: The Myth of a No-NATO-Enlargement Pledge to Russia
  outlet: The Washington Quarterly
  date: 2009
  kind: scholarship
"""


def test_unknown_source_names_the_citation_and_suggests_an_id(here: Path) -> None:
    """The message points at the id as written, in a note, an entry and a quotation, with the nearest id."""
    glossary = GLOSSARY.replace("- source: abm-treaty", "- source: abm-traety", 1)
    notes = "- text: one\n  quote: limited\n  kind: context\n  note: A note.\n  sources:\n    - source: kramer-2090\n"
    meta = TEXT_META + "passages:\n  - paragraph: 1\n    role: quotation\n    source: nothing-like-it\n"
    seeds = write_seeds(here, glossary=glossary, notes=notes, metadata={"one": meta}, sources=SOURCES + KRAMER)
    assert errors(problem_lines(seeds)) == [
        "seeds/glossary.yml:8:15: error: there is no source 'abm-traety' in sources.yml (did you mean 'abm-treaty'?); "
        "correct the id or add the source to sources.yml [unknown-source]",
        "seeds/notes.yml:6:15: error: there is no source 'kramer-2090' in sources.yml (did you mean 'kramer-2009'?); "
        "correct the id or add the source to sources.yml [unknown-source]",
        "seeds/texts/one.yml:9:13: error: there is no source 'nothing-like-it' in sources.yml; correct the id or add the source to sources.yml [unknown-source]",
    ]


def test_a_source_cited_nowhere_is_a_warning(here: Path) -> None:
    seeds = write_seeds(here, sources=SOURCES + KRAMER)
    assert problem_lines(seeds) == [
        "seeds/sources.yml:7:3: warning: the source 'kramer-2009' is cited nowhere; cite it from a note, a glossary entry or a text's metadata, "
        "or remove it [unused-source]"
    ]


def test_a_source_cited_by_a_headnote_is_used(here: Path) -> None:
    meta = TEXT_META + "sources:\n  - source: kramer-2009\n    at: p. 45\n"
    assert problem_lines(write_seeds(here, sources=SOURCES + KRAMER, metadata={"one": meta})) == []


@pytest.mark.parametrize("kind", ["source", "correction"])
def test_source_and_correction_notes_must_cite_a_source(here: Path, kind: str) -> None:
    notes = f"- text: one\n  quote: limited\n  kind: {kind}\n  note: A note.\n"
    assert errors(problem_lines(write_seeds(here, notes=notes))) == [
        f"seeds/notes.yml:1:3: error: a note of kind '{kind}' must cite its source: add 'sources:' with at least one "
        "'- source: ID' from sources.yml [missing-source]"
    ]


def test_a_disputed_note_cites_two_sources(here: Path) -> None:
    """One source (even cited twice) is not enough; two distinct sources are; a context note needs none."""
    one = "- text: one\n  quote: limited\n  kind: disputed\n  note: A note.\n  sources:\n    - source: abm-treaty\n    - source: abm-treaty\n      at: Article XV\n"
    two = one.replace("    - source: abm-treaty\n      at: Article XV\n", "    - source: kramer-2009\n")
    context = "- text: one\n  quote: ABMs\n  kind: context\n  note: Background.\n"
    assert errors(problem_lines(write_seeds(here, notes=one + context, sources=SOURCES + KRAMER))) == [
        "seeds/notes.yml:1:3: error: a disputed note must cite at least two sources (one for each side of the dispute); this one cites 1 [disputed-sources]"
    ]
    assert problem_lines(write_seeds(here, notes=two + context, sources=SOURCES + KRAMER)) == []


def test_duplicate_and_malformed_source_ids(here: Path) -> None:
    sources = SOURCES + SOURCES.replace("1972-05-26", "1972") + KRAMER.replace("kramer-2009", "Kramer 2009")
    assert errors(problem_lines(write_seeds(here, sources=sources))) == [
        "seeds/sources.yml:7:3: error: the source id 'abm-treaty' is already used at line 1; give each source its own id [duplicate-source]",
        "seeds/sources.yml:13:3: error: the source id 'Kramer 2009' may hold only lowercase letters, digits and single hyphens, e.g. 'kramer-2009' [source-id]",
    ]


@pytest.mark.parametrize(
    "markdown, url, problem",
    [
        ("[x](//evil.example/phish)", "//evil.example/phish", "starting with '//' (or a backslash), which leads to another site; write the full https:// address"),
        ("[x](\\\\\\\\evil.example/x)", "\\\\\\\\evil.example/x", "starting with '//' (or a backslash), which leads to another site; write the full https:// address"),
        ("[x](https:evil.example)", "https:evil.example", "with no '//' and host after 'https:'; write the full address, https://host/path"),
        ("[x](http:/evil.example)", "http:/evil.example", "with no '//' and host after 'http:'; write the full address, http://host/path"),
        (
            "[x](glossary.md#nato)",
            "glossary.md#nato",
            "which is relative: no relative path works on every page that shows this text; link to a '#anchor' of the same page or to a full https:// address",
        ),
    ],
)
def test_links_to_other_hosts_and_relative_links_are_refused(here: Path, markdown: str, url: str, problem: str) -> None:
    """Issue 13: protocol-relative, backslash and scheme-without-slashes links passed the scheme rule and led to
    another host; a relative link passed and 404ed on the page showing it."""
    seeds = write_seeds(here, glossary=GLOSSARY + entry("Interceptor", definition=f'"{markdown}"'), texts={"one": "ABM Treaty, ABMs, interceptor.\n"})
    shown = url.replace("\\\\", "\\")
    assert errors(problem_lines(seeds)) == [f"seeds/glossary.yml:{NEXT + 3}:15: error: the definition of 'Interceptor' links to '{shown}' {problem} [unsafe-link]"]


def test_a_source_url_without_slashes_is_refused(here: Path) -> None:
    sources = SOURCES + "- id: bad\n  authors: none\n  title: T\n  outlet: O\n  date: unknown\n  url: https:evil.example\n  kind: reference\n"
    notes = "- text: one\n  quote: limited\n  kind: context\n  note: A note.\n  sources: [{source: bad}]\n"
    seeds = write_seeds(here, sources=sources, notes=notes, texts={"one": "The ABM Treaty limited ABMs.\n"})
    assert errors(problem_lines(seeds)) == [
        "seeds/sources.yml:12:8: error: the URL of source 'bad' 'https:evil.example' cannot be used: it is an address with no '//' and host "
        "after 'https:'; write the full address, https://host/path [unsafe-link]"
    ]


def test_a_title_mkdocs_cannot_read_is_an_error_at_the_title(here: Path) -> None:
    """Issue 13: a title over 1,024 characters passed the check and failed the build pointing at the generated config."""
    meta = TEXT_META.replace("title: A text", "title: " + "Long " * 220)
    seeds = write_seeds(here, metadata={"one": meta})
    assert errors(problem_lines(seeds)) == [
        "seeds/texts/one.yml:1:8: error: the title is too long for the navigation (1,101 characters once written for MkDocs, at most 1,000); "
        "shorten it [title-too-long]"
    ]


# --- Conflicts the matcher would resolve silently, invisible characters (issue 13, item 4) ----------


def test_a_term_equal_to_another_entrys_expansion_is_an_error(here: Path) -> None:
    """Issue 13: a new entry whose term was another entry's expansion passed and silently took over its glosses."""
    seeds = write_seeds(here, glossary=GLOSSARY + entry("Anti-ballistic missile"), texts={"one": "The ABM Treaty, ABMs, anti-ballistic missile.\n"})
    assert errors(problem_lines(seeds)) == [
        "seeds/glossary.yml:1:3: error: the expansion 'anti-ballistic missile' is the term of another entry (line 18); "
        "remove it here or relate the two entries [alias-conflict]",
        "seeds/glossary.yml:6:13: error: the alias 'Anti Ballistic Missile' is the term of another entry (line 18); remove it here or relate the two entries [alias-conflict]",
    ]


def test_aliases_differing_only_by_hyphen_or_space_are_one_name(here: Path) -> None:
    glossary = GLOSSARY + entry("Interceptor", "  aliases: [kill-vehicle]") + entry("Kill Vehicle Program", "  aliases: [Kill Vehicle]")
    seeds = write_seeds(here, glossary=glossary, texts={"one": "ABM Treaty, ABMs, interceptor, kill vehicle program.\n"})
    assert errors(problem_lines(seeds)) == [
        "seeds/glossary.yml:29:13: error: the alias 'Kill Vehicle' is also claimed by 'Interceptor' (line 22); keep it in one entry [alias-conflict]"
    ]


def test_terms_differing_only_by_hyphen_are_duplicates(here: Path) -> None:
    seeds = write_seeds(here, glossary=GLOSSARY + entry("ABM-Treaty"), texts={"one": "The ABM Treaty limited ABMs.\n"})
    assert errors(problem_lines(seeds)) == [
        "seeds/glossary.yml:18:3: error: the term 'ABM-Treaty' is already an entry at line 10; merge the two entries [duplicate-term]"
    ]


@pytest.mark.parametrize(
    ("char", "name"), [("\u00ad", "SOFT HYPHEN"), ("\u200b", "ZERO WIDTH SPACE"), ("\ufeff", "ZERO WIDTH NO-BREAK SPACE")]
)
def test_an_invisible_character_in_a_term_is_named(here: Path, char: str, name: str) -> None:
    seeds = write_seeds(here, glossary=GLOSSARY + entry(f"Inter{char}ceptor"), texts={"one": "ABM Treaty, ABMs, interceptor.\n"})
    assert f"seeds/glossary.yml:18:3: error: the term 'Inter{char}ceptor' holds an invisible {name} (U+{ord(char):04X}) after 'Inter'; " in "\n".join(
        problem_lines(seeds)
    )


def test_an_invisible_character_in_an_alias_and_a_title_is_named(here: Path) -> None:
    glossary = GLOSSARY + entry("Interceptor", "  aliases: [\"kill\u00advehicle\"]")
    meta = TEXT_META.replace("title: A text", "title: \"A\u200b text\"")
    seeds = write_seeds(here, glossary=glossary, metadata={"one": meta}, texts={"one": "ABM Treaty, ABMs, interceptor.\n"})
    lines = [line for line in errors(problem_lines(seeds)) if "invisible" in line]
    assert lines == [
        "seeds/glossary.yml:22:13: error: the alias holds an invisible SOFT HYPHEN (U+00AD) after 'kill'; delete it: it cannot be seen and stops words from matching [invisible-character]",
        "seeds/texts/one.yml:1:8: error: the title holds an invisible ZERO WIDTH SPACE (U+200B) after 'A'; delete it: it cannot be seen and stops words from matching [invisible-character]",
    ]


def test_a_quote_with_an_invisible_character_says_so(here: Path) -> None:
    notes = "- text: one\n  quote: \"lim\u00adited\"\n  kind: context\n  note: N.\n"
    seeds = write_seeds(here, notes=notes, texts={"one": "The ABM Treaty limited ABMs.\n"})
    assert errors(problem_lines(seeds)) == [
        "seeds/notes.yml:2:10: error: the quote “lim\u00adited” is not in seeds/texts/one.txt (the quote holds an invisible SOFT HYPHEN (U+00AD) "
        "after 'lim', which the text does not have there: delete it); copy the words exactly from one paragraph (quotes and apostrophes included) [quote-missing]"
    ]


@pytest.mark.parametrize("value", ["²", "１", "9" * 5000])
def test_an_integer_field_with_other_digits_is_a_message_not_a_traceback(here: Path, value: str) -> None:
    seeds = write_seeds(here, metadata={"one": TEXT_META + f"order: \"{value}\"\n"})
    assert errors(problem_lines(seeds)) == [f"seeds/texts/one.yml:6:8: error: 'order' in a text's metadata must be a whole number such as 1, not '{value}' [type]"]
