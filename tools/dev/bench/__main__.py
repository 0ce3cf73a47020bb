"""`python -m tools.dev.bench` (`make bench`): how the generator and the site scale with the number of
texts and the size of the glossary (issue 6). Prints a table, writes build/bench.json and the
results section of BENCHMARKS.md. `--quick` is a smoke run at small sizes (nothing written to
BENCHMARKS.md unless --markdown is given)."""
from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from tools.annotate.edition import AnnotatedEdition
from tools.dev.bench import measure, report, scale, synth
from tools.pipeline import check
from tools.source.load import load_edition

ROOT = measure.ROOT


@dataclass(frozen=True)
class Plan:
    """What to measure and how often."""

    quick: bool
    texts: tuple[int, ...]  # synthetic editions, by number of texts
    terms: tuple[int, ...]  # glossary sizes for the annotation measurement
    corpus_texts: int  # texts in the annotation corpus
    build_terms: int  # glossary size of the synthetic editions that are built
    annotation_runs: int
    runs: int  # per edition, except the largest
    largest_runs: int
    preview_runs: int
    compare_up_to: int  # MkDocs without glosses is measured for editions up to this many texts
    compare_markup_up_to: int  # and with raw-HTML glosses, up to this many

    def runs_for(self, texts: int) -> int:
        return self.largest_runs if texts == max(self.texts) else self.runs


FULL = Plan(False, (10, 100, 1000), (10, 100, 1000, 5000), 1000, 100, 5, 5, 3, 3, 100, 100)
QUICK = Plan(True, (4, 12), (10, 100, 1000, 5000), 40, 50, 3, 1, 1, 1, 12, 12)


def _sizes(value: str) -> tuple[int, ...]:
    return tuple(int(v) for v in value.split(","))


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m tools.dev.bench", description=__doc__)
    main.add_argument("--quick", action="store_true", help="small sizes, fewer runs: a smoke test of the benchmark")
    main.add_argument("--texts", type=_sizes, help="synthetic edition sizes, e.g. 10,100,1000 (default: 10,100,1000; quick: 4,12)")
    main.add_argument("--seed", type=int, default=1, help="seed of the synthetic editions (default: 1)")
    main.add_argument("--no-preview", action="store_true", help="skip the live-preview latency measurement")
    main.add_argument("--work", type=Path, help="scratch folder (default: build/bench, quick: build/bench-quick)")
    main.add_argument("--json", type=Path, help="results file (default: build/bench.json, quick: build/bench-quick.json)")
    main.add_argument("--markdown", type=Path, help="Markdown file for the results (default: BENCHMARKS.md; quick: none)")
    main.add_argument("--scale", action="store_true", help="only issue 16's measures: build against plain Material, search in a browser, index size, preview")
    main.add_argument("--runs", type=int, default=3, help="runs of each build with --scale (default: 3)")
    return main


def _entry_editor(glossary: Path, term: str) -> Callable[[int], str]:
    """An edit of one glossary entry's tooltip text (its `short:` line); returns what the page will then show."""
    original = glossary.read_text(encoding="utf-8")
    entry = re.search(rf"^- term: ['\"]?{re.escape(term)}['\"]?$", original, flags=re.M)
    short = re.compile(r"^(\s+)short: .*$", re.M).search(original, entry.end()) if entry else None
    if short is None:
        raise measure.BenchError(f"no entry {term!r} with a 'short:' line found in {glossary}")

    def edit(k: int) -> str:
        marker = f"Edited for the benchmark, save {k + 1}"
        glossary.write_text(f"{original[: short.start()]}{short.group(1)}short: {marker}{original[short.end():]}", encoding="utf-8")
        return marker

    return edit


def preview_entries(edition: AnnotatedEdition) -> dict[str, tuple[str, str, int]]:
    """The entries whose edit the preview measurement saves: the one glossed in the most texts, and a
    typical one (the median of those glossed anywhere); each with a text page that shows it and its count."""
    pages: dict[str, list[str]] = {}
    for text in edition.texts:
        for term_id in dict.fromkeys(o.term.id for o in text.occurrences if o.glossed):
            pages.setdefault(term_id, []).append(text.text.slug)
    if not pages:
        return {}
    terms = {t.id: t.term for t in edition.edition.terms}
    ranked = sorted(pages, key=lambda term_id: (len(pages[term_id]), term_id))
    chosen = {"typical": ranked[len(ranked) // 2], "most_used": ranked[-1]}
    return {name: (terms[term_id], f"texts/{pages[term_id][0]}", len(pages[term_id])) for name, term_id in chosen.items()}


def measure_edition(label: str, seeds: Path, work: Path, build: Path, runs: int, plan: Plan, synthetic: bool, preview: bool) -> dict[str, Any]:
    """Generator and MkDocs, the whole build with its sizes and page weight, and the preview latency."""
    checked = check(seeds)
    if checked.edition is None:
        raise measure.BenchError(f"{label}: the edition has errors:\n" + "\n".join(p.format() for p in checked.problems[:20]))
    edition = checked.edition
    texts, terms = len(edition.texts), len(edition.edition.terms)
    print(f"[bench] {label}: {texts} texts, {terms} entries, {runs} run(s)", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    page = f"texts/{edition.texts[0].text.slug}"
    generated = measure.generator_and_mkdocs(
        seeds, work, runs, compare=texts <= plan.compare_up_to, alternatives=texts <= plan.compare_markup_up_to
    )
    built = measure.whole_build(seeds, work, build, edition.edition.settings.slug, runs, page)
    result: dict[str, Any] = {
        "label": label,
        "synthetic": synthetic,
        "texts": texts,
        "terms": terms,
        "runs": runs,
        "generator_and_mkdocs": generated,
        "build": built,
        "generator_share": generated["generate"]["median_s"] / built["median_s"],
        "generator_share_cpu": generated["generate"]["median_cpu_s"] / built["median_cpu_s"],
    }
    entries = preview_entries(edition)
    if not preview:
        result["preview"] = None
    elif not entries:
        result["preview"] = {"skipped": "no glossary entry is glossed in any text"}
    else:
        result["preview"] = {}
        timeout = max(120.0, 3 * generated["mkdocs_annotated"]["median_s"])
        for name, (term, page, count) in entries.items():
            copy = work / f"preview-{name}" / "seeds"
            shutil.copytree(seeds, copy)
            editor = _entry_editor(copy / "glossary.yml", term)
            measured = measure.preview_latency(copy, copy.parent, page, editor, plan.preview_runs, timeout)
            result["preview"][name] = {**measured, "entry": term, "texts": count}
    return result


def scale_edition(label: str, seeds: Path, work: Path, runs: int, synthetic: bool, preview: bool, plan: Plan) -> dict[str, Any]:
    """Issue 16's measures for one edition."""
    checked = check(seeds)
    if checked.edition is None:
        raise measure.BenchError(f"{label}: the edition has errors")
    edition = checked.edition
    print(f"[bench] {label}: build against plain Material, {runs} run(s)", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    built = scale.build_against_material(edition, seeds, work, runs)
    site = Path(built["site"])
    offline = scale.unzip(Path(built["zip"]), work / "offline")
    entries = preview_entries(edition)
    typical = entries["typical"][0].split()[0] if entries else edition.edition.terms[0].term.split()[0]
    words = ["Rogozin", "NATO"] if not synthetic else [typical, "report"]
    print(f"[bench] {label}: search in a browser ({', '.join(words)})", flush=True)
    page = f"texts/{edition.texts[0].text.slug}"
    result: dict[str, Any] = {
        "label": label,
        "synthetic": synthetic,
        "texts": len(edition.texts),
        "build": built,
        "index": scale.index_size(site, seeds),
        "browser": scale.search_in_browser(site, offline, page, words),
        "preview": None,
    }
    if preview and entries:
        result["preview"] = {}
        for name, (term, page, count) in entries.items():
            print(f"[bench] {label}: preview after editing {term!r}", flush=True)
            copy = work / f"preview-{name}" / "seeds"
            shutil.copytree(seeds, copy)
            measured = measure.preview_latency(copy, copy.parent, page, _entry_editor(copy / "glossary.yml", term), plan.preview_runs, 300.0)
            result["preview"][name] = {**measured, "entry": term, "texts": count}
    return result


def run_scale(plan: Plan, seed: int, work: Path, preview: bool, runs: int) -> dict[str, Any]:
    """Issue 16's measures: each synthetic edition of the plan and this repository's seeds/."""
    started = time.perf_counter()
    load_before = [round(x, 2) for x in os.getloadavg()]
    editions = []
    for n in plan.texts:
        seeds = synth.write_seeds(synth.edition(n, plan.build_terms, seed), work / f"scale-{n}" / "seeds")
        editions.append(scale_edition(f"{n} texts", seeds, work / f"scale-{n}" / "run", runs, True, preview, plan))
    repository = work / "scale-repository" / "seeds"
    shutil.rmtree(repository, ignore_errors=True)
    shutil.copytree(ROOT / "seeds", repository)
    editions.append(scale_edition("this edition (seeds/)", repository, work / "scale-repository" / "run", runs, False, preview, plan))
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "editions": editions,
        "load_before": load_before,
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "elapsed_s": round(time.perf_counter() - started, 1),
    }


def run(plan: Plan, seed: int, work: Path, preview: bool) -> dict[str, Any]:
    """Every measurement of the plan, as one JSON-ready record."""
    started = time.perf_counter()
    load_before = [round(x, 2) for x in os.getloadavg()]
    build = work / "build"
    print(f"[bench] annotation: {plan.corpus_texts} texts, glossaries of {', '.join(map(str, plan.terms))} entries", flush=True)
    corpus_seeds = synth.write_seeds(synth.edition(plan.corpus_texts, 10, seed), work / "corpus" / "seeds")
    corpus, _ = load_edition(corpus_seeds)
    entries = synth.glossary(max(plan.terms), seed)
    annotation = measure.annotation(corpus, entries, plan.terms, plan.annotation_runs)
    editions = []
    for n in plan.texts:
        seeds = synth.write_seeds(synth.edition(n, plan.build_terms, seed), work / f"texts-{n}" / "seeds")
        editions.append(measure_edition(f"{n} texts", seeds, work / f"texts-{n}" / "run", build, plan.runs_for(n), plan, True, preview))
    repository = work / "repository" / "seeds"
    shutil.rmtree(repository, ignore_errors=True)
    shutil.copytree(ROOT / "seeds", repository)
    editions.append(measure_edition("this edition (seeds/)", repository, work / "repository" / "run", build, plan.runs, plan, False, preview))
    results: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": report.machine(),
        "settings": {"seed": seed, **asdict(plan)},
        "annotation": annotation,
        "editions": editions,
        "load_before": load_before,
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "elapsed_s": round(time.perf_counter() - started, 1),
    }
    results["targets"] = report.targets(results)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    plan = QUICK if args.quick else FULL
    if args.texts:
        plan = replace(plan, texts=args.texts)
    name = "bench-quick" if plan.quick else "bench"
    work = (args.work or ROOT / "build" / name).resolve()
    if args.scale:
        return _main_scale(args, plan, work)
    try:
        results = run(plan, args.seed, work, preview=not args.no_preview)
    except measure.BenchError as failed:
        print(f"bench failed: {failed}", file=sys.stderr)
        return 1
    print(report.text_report(results))
    target = args.json or ROOT / "build" / f"{name}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"[bench] wrote {target}")
    markdown = args.markdown or (None if plan.quick else ROOT / "BENCHMARKS.md")
    if markdown:
        report.write_markdown(markdown, report.markdown_report(results))
        print(f"[bench] wrote the results into {markdown}")
    return 0


def _main_scale(args: argparse.Namespace, plan: Plan, work: Path) -> int:
    try:
        results = run_scale(plan, args.seed, work, preview=not args.no_preview, runs=args.runs)
    except measure.BenchError as failed:
        print(f"bench failed: {failed}", file=sys.stderr)
        return 1
    target = args.json or ROOT / "build" / "bench-scale.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    block = scale.markdown(results)
    print(block)
    print(f"[bench] wrote {target}")
    if args.markdown or not plan.quick:
        scale.write_markdown(args.markdown or ROOT / "BENCHMARKS.md", block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
