"""The term matcher: every rule, with the seed texts' own tricky cases."""
from __future__ import annotations

import pytest

from tools.annotate.matcher import TermMatcher, is_case_sensitive
from tools.model import Named, Term
from tools.problems import Position

P = Position("glossary.yml")


def term(name: str, *aliases: str, expansion: str | None = None, case_sensitive: bool | None = None) -> Term:
    return Term(
        name.lower().replace(" ", "-"), name, expansion, "concept", "s", "d",
        tuple(Named(a, P) for a in aliases), case_sensitive, (), (), (), P,
    )


def found(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.term_id) for m in matcher.find(text)]


GLOSSARY = TermMatcher([
    term("ABM", "Anti Ballistic Missile", expansion="anti-ballistic missile"),
    term("ABM Treaty"),
    term("MAD", expansion="mutual assured destruction"),
    term("NATO"),
    term("missile defence", "missile defense"),
    term("first strike"),
    term("nuclear primacy"),
])


def test_longest_match_wins() -> None:
    assert found(GLOSSARY, "the 1972 ABM Treaty") == [("ABM Treaty", "abm-treaty")]


def test_acronyms_are_case_sensitive() -> None:
    assert found(GLOSSARY, "they were mad, not MAD") == [("MAD", "mad")]
    assert found(GLOSSARY, "nato") == []


def test_phrases_ignore_case() -> None:
    assert found(GLOSSARY, "First Strike and FIRST STRIKE") == [("First Strike", "first-strike"), ("FIRST STRIKE", "first-strike")]


def test_entry_setting_overrides_case_rule() -> None:
    matcher = TermMatcher([term("Aegis", case_sensitive=True)])
    assert found(matcher, "aegis Aegis") == [("Aegis", "aegis")]
    assert is_case_sensitive("NATO", None) and not is_case_sensitive("Nato", None)
    assert not is_case_sensitive("NATO", False)


def test_word_boundaries() -> None:
    assert found(GLOSSARY, "NATOS ABMX xABM MADness") == []
    assert found(GLOSSARY, "(MAD).") == [("MAD", "mad")]


def test_plurals_and_possessives() -> None:
    assert found(GLOSSARY, "ABMs and NATO’s and NATO's") == [("ABMs", "abm"), ("NATO", "nato"), ("NATO", "nato")]


def test_plural_of_a_pattern_ending_in_a_digit() -> None:
    matcher = TermMatcher([term("SM-3")])
    assert found(matcher, "24 SM-3s and one SM-3, not SM-3x") == [("SM-3s", "sm-3"), ("SM-3", "sm-3")]


def test_seed_alias_with_plural_and_spaces_for_hyphens() -> None:
    text = "some 400 Anti Ballistic Missiles that are targeted"
    assert found(GLOSSARY, text) == [("Anti Ballistic Missiles", "abm")]
    assert found(GLOSSARY, "anti-ballistic missiles") == [("anti-ballistic missiles", "abm")]


def test_no_break_space_counts_as_space() -> None:
    assert found(GLOSSARY, "US missile\u00a0defence plans") == [("missile\u00a0defence", "missile-defence")]


def test_spelling_variants() -> None:
    assert found(GLOSSARY, "missile defense") == [("missile defense", "missile-defence")]


def test_expansion_matches_and_nested_terms_do_not() -> None:
    text = "mutual assured destruction (MAD)"
    assert found(GLOSSARY, text) == [("mutual assured destruction", "mad"), ("MAD", "mad")]


def test_matches_never_overlap() -> None:
    matcher = TermMatcher([term("nuclear"), term("nuclear primacy"), term("primacy of law")])
    assert found(matcher, "nuclear primacy of law") == [("nuclear primacy", "nuclear-primacy")]


@pytest.mark.parametrize("name, text, expected", [
    ("C++", "C++ and C++11", ["C++"]),
    ("U.S.", "U.S. plans and U.S.", ["U.S.", "U.S."]),
    ("(MAD)", "doctrine (MAD) here", ["(MAD)"]),
])
def test_punctuation_in_terms(name: str, text: str, expected: list[str]) -> None:
    matcher = TermMatcher([term(name)])
    assert [s for s, _ in found(matcher, text)] == expected


def test_cost_does_not_depend_on_glossary_size() -> None:
    many = TermMatcher([term(f"term{i} phrase") for i in range(5000)] + [term("ABM")])
    assert found(many, "an ABM and term42 phrase") == [("ABM", "abm"), ("term42 phrase", "term42-phrase")]


def test_words_with_punctuation_between_them_are_not_a_phrase() -> None:
    text = "nuclear primacy, nuclear-primacy, nuclear\u00a0primacy, nuclear.primacy, nuclear, primacy"
    assert [s for s, _ in found(GLOSSARY, text)] == ["nuclear primacy", "nuclear-primacy", "nuclear\u00a0primacy"]


def test_plural_of_a_shorter_pattern_comes_first() -> None:
    matcher = TermMatcher([term("nuclear"), term("nuclears")])
    assert found(matcher, "nuclears") == [("nuclears", "nuclear")]


def test_find_all_gives_each_text_its_own_matches() -> None:
    texts = ["an ABM", "", "ABM Treaty", "NATO and ABMs"]
    assert GLOSSARY.find_all(texts) == [[(3, 6, "abm")], [], [(0, 10, "abm-treaty")], [(0, 4, "nato"), (9, 13, "abm")]]
    assert GLOSSARY.find_all(texts) == [[tuple(m) for m in GLOSSARY.find(t)] for t in texts]
    assert GLOSSARY.find_all([]) == []
    odd = TermMatcher([term("ABM"), term("a\x00b")])  # a pattern holding the separator: texts one by one
    assert odd.find_all(["ABM a\x00b", "ABM"]) == [[(0, 3, "abm"), (4, 7, "a\x00b")], [(0, 3, "abm")]]


# --- Any script ----------------------------------------------------------------------------------


def test_cyrillic_terms_with_boundaries_and_case() -> None:
    matcher = TermMatcher([term("ПРО"), term("договор по ПРО"), term("ракета")])
    assert found(matcher, "Договор по ПРО подписан; РАКЕТА, ракеты и ракетами.") == [("Договор по ПРО", "договор-по-про"), ("РАКЕТА", "ракета")]
    assert found(matcher, "ПРОект про ПРОТИВ") == []  # inside longer words, and про (acronym) in lower case


def test_greek_final_sigma_and_accents_fold() -> None:
    matcher = TermMatcher([term("λόγος"), term("ΝΑΤΟ")])
    assert found(matcher, "Ο ΛΌΓΟΣ και ο λόγος, όχι λόγοςx. Το ΝΑΤΟ.") == [("ΛΌΓΟΣ", "λόγος"), ("λόγος", "λόγος"), ("ΝΑΤΟ", "νατο")]


def test_accented_latin_terms() -> None:
    matcher = TermMatcher([term("Émigré"), term("Außenministerium")])
    assert found(matcher, "Les émigrés, ÉMIGRÉ; das Außenministerium erklärte, Außenministeriumsprecher nicht.") == [
        ("émigrés", "émigré"), ("ÉMIGRÉ", "émigré"), ("Außenministerium", "außenministerium"),
    ]


def test_combining_marks_are_part_of_a_word() -> None:
    """A decomposed accent (e + U+0301) or an Indic vowel sign does not end the word it belongs to."""
    matcher = TermMatcher([term("cafe"), term("हिन्दी")])
    assert found(matcher, "cafe\u0301 and cafe") == [("cafe", "cafe")]
    assert found(matcher, "हिन्दी भाषा") == [("हिन्दी", "हिन्दी")]


def test_cjk_terms_need_no_spaces_around_them() -> None:
    matcher = TermMatcher([term("导弹防御"), term("条约"), term("ABM")])
    assert found(matcher, "美国的导弹防御系统违反了1972年ABM条约。") == [("导弹防御", "导弹防御"), ("ABM", "abm"), ("条约", "条约")]
    japanese = TermMatcher([term("ミサイル防衛")])
    assert found(japanese, "日本のミサイル防衛について") == [("ミサイル防衛", "ミサイル防衛")]


def test_a_cjk_term_ends_on_a_boundary_before_latin_letters() -> None:
    """Beside a character of a script without spaces no boundary is needed, on either side of either word."""
    matcher = TermMatcher([term("日本"), term("ab")])
    assert found(matcher, "日本ab ab日本 xab") == [("日本", "日本"), ("ab", "ab"), ("ab", "ab"), ("日本", "日本")]
