"""The benchmark (`make bench`) at tiny sizes: its synthetic editions are valid and deterministic, and the
annotation measurement reports what BENCHMARKS.md shows. Structure only, never timing."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_seeds
from tools.dev.bench import measure, synth
from tools.dev.bench.__main__ import _entry_editor, preview_entries
from tools.pipeline import check
from tools.source.load import load_edition


def test_synthetic_editions_are_valid_deterministic_and_measured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    made = synth.edition(3, 20, seed=7)
    assert made == synth.edition(3, 20, seed=7)
    assert synth.edition(2, 10, seed=7).texts == made.texts[:2]  # text i never depends on N or T
    assert synth.glossary(20, 7) == synth.glossary(40, 7)[:20]
    assert {e.shape for e in synth.glossary(200, 7)} == {"acronym", "phrase", "person", "organisation", "place", "concept"}

    seeds = synth.write_seeds(made, tmp_path / "seeds")
    checked = check(seeds)
    assert checked.edition is not None, [p.format() for p in checked.problems if p.severity == "error"]
    assert [p.code for p in checked.problems if p.severity == "error"] == []
    edition = checked.edition
    assert (len(edition.texts), len(edition.edition.terms)) == (3, 20)
    assert all(500 <= t.text.words <= 700 for t in edition.texts)
    assert all(t.occurrences and t.notes for t in edition.texts)
    assert any(t.links for t in edition.texts)

    corpus, _ = load_edition(seeds)
    result = measure.annotation(corpus, synth.glossary(50, 7), (5, 50), runs=1)
    assert result["corpus"] == {"texts": 3, "bytes": sum(len(t.raw.encode()) for t in corpus.texts), "words": sum(t.words for t in corpus.texts)}
    assert [r["terms"] for r in result["results"]] == [5, 50]
    for row in result["results"]:
        assert set(row) == {
            "terms", "patterns", "occurrences", "occurrences_per_1000_words", "annotate", "annotate_mb_s",
            "compile", "find", "find_mb_s", "annotate_python_peak_bytes",
        }
        assert len(row["annotate"]["runs_s"]) == 1 and row["annotate_mb_s"] > 0 and row["annotate_python_peak_bytes"] > 0
    assert result["results"][1]["occurrences"] >= result["results"][0]["occurrences"]
    assert result["time_ratio_largest_smallest"] > 0


def test_preview_latency_waits_for_the_edit_on_an_open_text_page_and_the_glossary_page(tmp_path: Path) -> None:
    """The preview measure saves an entry's short definition and waits until a text page's glossary
    data and the glossary page show it (since issue 15 the text page itself never holds it)."""
    seeds = write_seeds(tmp_path)
    edition = check(seeds).edition
    assert edition is not None
    entries = preview_entries(edition)
    term, page, count = entries["most_used"]
    assert (page, count) == ("texts/one", 1)
    result = measure.preview_latency(seeds, tmp_path, page, _entry_editor(seeds / "glossary.yml", term), runs=1, timeout=60)
    assert set(result) == {"median_s", "runs_s", "text_page", "glossary_page", "first_page_s"}
    for name in ("text_page", "glossary_page"):
        assert len(result[name]["runs_s"]) == 1  # type: ignore[index]
    assert result["runs_s"] == [max(result["text_page"]["runs_s"][0], result["glossary_page"]["runs_s"][0])]  # type: ignore[index]
    marker = "Edited for the benchmark, save 1"
    assert marker in (seeds / "glossary.yml").read_text(encoding="utf-8")
    assert marker in (tmp_path / "docs-serve" / "assets" / "glossary-data.js").read_text(encoding="utf-8")
    assert marker not in (tmp_path / "docs-serve" / "texts" / "one.md").read_text(encoding="utf-8")


def test_preview_latency_names_what_never_happened(tmp_path: Path) -> None:
    """An edit the preview never shows is a BenchError naming the pages still waiting, never a hang."""
    seeds = write_seeds(tmp_path)
    with pytest.raises(measure.BenchError, match=r"timed out after 5 s waiting for the preview to show an edit \(text_page, glossary_page\)"):
        measure.preview_latency(seeds, tmp_path, "texts/one", lambda k: "a marker no save puts anywhere", runs=1, timeout=5)
