"""The search index the generator writes (tools/pages/search.py); the browser side is in test_search_browser.py."""
from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import write_seeds
from tools.pages.search import SHARD_BYTES, _folded_with_origins, file_key, fold, write_search_index
from tools.pipeline import check

CALL = re.compile(r"editionSearch\.(index|shard|content)\((.*)\);\n", re.S)


def _calls(files: dict[str, str]) -> dict[str, list[object]]:
    found = {}
    for name, text in files.items():
        match = CALL.fullmatch(text)
        assert match, f"{name} is not one editionSearch call"
        found[name] = json.loads(f"[{match.group(2)}]")
    return found


def test_fold_drops_case_and_marks_in_any_script() -> None:
    assert fold("Rédzikowo") == "redzikowo"
    assert fold("ÉLYSÉE Ångström") == "elysee angstrom"
    assert fold("Привет Ёлка") == "привет елка"
    assert fold("NATO’s") == "nato's"
    assert fold("ﬁnal") == "final"


def test_folded_text_keeps_each_character_s_origin() -> None:
    # One character for one: the positions are the text's own, and the folding is fold()'s, final sigma included.
    assert _folded_with_origins("Rédzikowo’s ΟΔΟΣ") == (fold("Rédzikowo’s ΟΔΟΣ"), list(range(16)))
    assert fold("ΟΔΟΣ") == "οδος"
    # A ligature folds to two characters and a lone combining mark to none: each folded character
    # still points at the character it came from.
    folded, origins = _folded_with_origins("ﬁx e\u0301a")
    assert folded == "fix ea"
    assert origins == [0, 0, 1, 2, 3, 5]


def test_file_keys_are_safe_names() -> None:
    assert file_key("ab") == "ab"
    assert file_key("o'") == "o_27_"
    assert file_key("пр") == "_43f__440_"


def test_documents_terms_and_snippets(tmp_path: Path) -> None:
    texts = {"one": "The ABM Treaty limited ABMs.\n\nA second paragraph on Rédzikowo.\n", "two": "Another ABM text.\n"}
    edition = check(write_seeds(tmp_path, texts=texts)).edition
    assert edition is not None
    calls = _calls(write_search_index(edition))
    index = calls["search/index.js"][0]
    assert isinstance(index, dict)
    pages = index["pages"]
    assert [p["u"] for p in pages] == ["texts/one/", "texts/two/", "glossary/"]
    assert (pages[0]["p"], pages[1]["p"]) == (2, 1)
    # one's documents: 0 title, 1 and 2 paragraphs; two's: 3 title, 4 paragraph; then the glossary entries.
    shard = calls[f"search/s-{file_key('re')}.js"][1]
    assert isinstance(shard, dict)
    postings, windows = shard["redzikowo"]
    assert postings == [2, 3]  # document 2 (one, ¶2), weight 3 (a paragraph)
    assert windows == [[2, "A second paragraph on Rédzikowo."]]
    abm = calls[f"search/s-{file_key('ab')}.js"][1]["abm"][0]  # type: ignore[index]
    documents = [sum(abm[0 : i + 1 : 2]) for i in range(0, len(abm), 2)]
    assert documents[:2] == [1, 4] and len(documents) >= 3, "both texts' paragraphs, then glossary entries"
    content = calls["search/c-0-0.js"]
    assert content[:2] == [0, 0] and content[2][1] == "The ABM Treaty limited ABMs."  # type: ignore[index]


def test_large_prefixes_split_into_small_shards(tmp_path: Path) -> None:
    words = " ".join(f"word{n:04d}" for n in range(3000))
    edition = check(write_seeds(tmp_path, texts={"one": words + "\n"})).edition
    assert edition is not None
    files = write_search_index(edition)
    index = _calls(files)["search/index.js"][0]
    assert "wo" in index["splits"]  # type: ignore[index]
    shards = [name for name in files if name.startswith("search/s-wo")]
    assert len(shards) > 1
    assert max(len(files[name].encode()) for name in shards) <= 2 * SHARD_BYTES
