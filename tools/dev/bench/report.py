"""The benchmark's results as a terminal table, as Markdown for BENCHMARKS.md, and checked against
the targets of issue 6. Ratios are what to compare between machines; absolute times vary."""
from __future__ import annotations

import os
import platform
import re
from importlib import metadata
from pathlib import Path
from typing import Any

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
PACKAGES = ("mkdocs", "mkdocs-material", "Markdown", "pyahocorasick", "PyYAML")


def machine() -> dict[str, object]:
    """CPU, cores, Python and the versions that decide the timings."""
    model = platform.processor() or "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(encoding="utf-8", errors="replace"), re.M)
        model = found.group(1).strip() if found else model
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": platform.platform(),
        "packages": versions,
    }


def _mb(n: float | None) -> str:
    return "–" if n is None else f"{n / 1e6:.2f}"


def _kb(n: float | None) -> str:
    return "–" if n is None else f"{n / 1e3:.1f}"


def _s(timing: dict[str, Any] | None) -> str:
    return "–" if not timing else f"{timing['median_s']:.2f}"


def annotation_rows(results: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    header = ["Entries", "Patterns", "Matches /1000 words", "annotate s", "annotate MB/s", "find MB/s", "compile ms", "Python peak MB"]
    rows = [
        [
            str(r["terms"]),
            str(r["patterns"]),
            f"{r['occurrences_per_1000_words']}",
            f"{r['annotate']['median_s']:.3f}",
            f"{r['annotate_mb_s']:.1f}",
            f"{r['find_mb_s']:.1f}",
            f"{1000 * r['compile']['median_s']:.1f}",
            _mb(r["annotate_python_peak_bytes"]),
        ]
        for r in results["annotation"]["results"]
    ]
    return header, rows


def edition_rows(results: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    header = [
        "Edition", "Entries", "Runs", "generate s", "MkDocs s", "MkDocs, no glosses s", "glosses ×", "whole build s",
        "generator share", "peak RSS MB", "text page KB", "site MB", "search index MB", "zip MB", "largest page", "page weight KB (gzip)",
        "preview reload s: typical / most-used entry",
    ]
    rows = []
    for e in results["editions"]:
        g, b = e["generator_and_mkdocs"], e["build"]
        sizes, weight, preview = b["sizes"], b["page_weight"], e.get("preview") or {}
        rows.append(
            [
                e["label"],
                str(e["terms"]),
                str(e["runs"]),
                _s(g["generate"]),
                _s(g["mkdocs_annotated"]),
                _s(g.get("mkdocs_plain")),
                f"{g['annotated_over_plain']:.2f}" if "annotated_over_plain" in g else "–",
                _s(b),
                f"{e['generator_share']:.1%}",
                _mb(b["peak_rss_bytes"]),
                _kb(sizes["text_page_bytes"]),
                _mb(sizes["site_bytes"]),
                _mb(sizes["search_index_bytes"]),
                _mb(sizes["zip_bytes"]),
                f"{sizes['largest_html']['path'].removesuffix('/index.html')}: {_mb(sizes['largest_html']['bytes'])} MB",
                f"{_kb(weight['total'])} ({_kb(weight['total_gzip'])})",
                _preview_cell(preview),
            ]
        )
    return header, rows


PREVIEW_ENTRIES = {"typical": "a typical entry", "most_used": "the most-used entry"}


def _preview_cell(preview: dict[str, Any]) -> str:
    if not any(name in preview for name in PREVIEW_ENTRIES):
        return "skipped" if preview.get("skipped") else "–"
    return " / ".join(f"{preview[name]['median_s']:.2f}" if name in preview else "–" for name in PREVIEW_ENTRIES)


def target_rows(results: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    header = ["Target (issue 6)", "Goal", "Measured", "Met"]
    verdicts = {True: "yes", False: "**no**", None: "not measured", "reported": "reported"}
    rows = [[t["name"], t["goal"], t["measured"], verdicts[t["met"]]] for t in results["targets"]]
    return header, rows


def targets(results: dict[str, Any]) -> list[dict[str, object]]:
    """Each target of the issue with the figure that decides it."""
    found: list[dict[str, object]] = []

    def add(name: str, goal: str, measured: str, met: bool | str | None) -> None:
        found.append({"name": name, "goal": goal, "measured": measured, "met": met})

    annotation = results["annotation"]["results"]
    slowest = min(annotation, key=lambda r: r["annotate_mb_s"])
    add("Annotation throughput (every glossary size)", ">= 20 MB/s", f"{slowest['annotate_mb_s']:.1f} MB/s at {slowest['terms']} entries (lowest)", slowest["annotate_mb_s"] >= 20)
    first, last = annotation[0], annotation[-1]
    ratio = results["annotation"]["time_ratio_largest_smallest"]
    cpu = last["annotate"]["median_cpu_s"] / first["annotate"]["median_cpu_s"]
    add(f"Annotation time, {last['terms']} / {first['terms']} entries", "<= 1.3", f"{ratio:.2f} (CPU time {cpu:.2f})", ratio <= 1.3)
    synthetic = [e for e in results["editions"] if e.get("synthetic")]
    if synthetic:
        share = max(synthetic, key=lambda e: e["generator_share"])
        add(
            "Generator share of the whole build (every N)",
            "<= 10%",
            f"{share['generator_share']:.1%} at {share['label']} (highest; CPU time {share['generator_share_cpu']:.1%})",
            share["generator_share"] <= 0.10,
        )
        for e in synthetic:
            g = e["generator_and_mkdocs"]
            if "annotated_over_plain" in g:
                value, cpu = g["annotated_over_plain"], g["annotated_over_plain_cpu"]
                add(f"MkDocs with glosses / without ({e['label']})", "<= 1.3", f"{value:.2f} (CPU time {cpu:.2f})", value <= 1.3)
            if "html_links_over_plain" in g:
                value, cpu = g["html_links_over_plain"], g["html_links_over_plain_cpu"]
                add(f"… glosses as raw HTML links instead, for comparison ({e['label']})", "<= 1.3", f"{value:.2f} (CPU time {cpu:.2f})", value <= 1.3)
    if len(synthetic) >= 2:
        small, big = synthetic[-2], synthetic[-1]
        scale = big["texts"] / small["texts"]
        ratio = big["build"]["median_s"] / small["build"]["median_s"]
        cpu = big["build"]["median_cpu_s"] / small["build"]["median_cpu_s"]
        add(f"Whole build time, {big['texts']} / {small['texts']} texts", f"<= {1.1 * scale:.1f}", f"{ratio:.2f} (CPU time {cpu:.2f})", ratio <= 1.1 * scale)
        pages = [e["build"]["sizes"]["text_page_bytes"] for e in synthetic]
        growth = pages[-1] / pages[0]
        add(
            f"Size of one text page, {synthetic[-1]['texts']} / {synthetic[0]['texts']} texts (same text)",
            "1 (<= 1.05)",
            f"{growth:.2f} ({_kb(pages[0])} KB to {_kb(pages[-1])} KB)",
            growth <= 1.05,
        )
    for e in synthetic[-1:]:
        weight = e["build"]["page_weight"]
        add(
            f"Page weight: one text page ({e['label']})",
            "reported",
            f"{_kb(weight['total'])} KB ({_kb(weight['total_gzip'])} KB gzip); no part of the search index loads before the first query",
            "reported",
        )
    previews = [e for e in results["editions"] if not e.get("synthetic")] + synthetic[-1:]
    for e in previews:
        limit = 10.0 if e.get("synthetic") else 2.0
        goal = f"<= {limit:.0f} s" + (" (for 1,000 texts)" if e.get("synthetic") else "")
        preview = e.get("preview") or {}
        if not any(name in preview for name in PREVIEW_ENTRIES):
            add(f"Preview reload after editing one entry ({e['label']})", goal, preview.get("skipped", "not run"), None)
        for name, what in PREVIEW_ENTRIES.items():
            if name in preview:
                p = preview[name]
                add(
                    f"Preview reload after editing {what} ({e['label']}; the entry is glossed in {p['texts']} texts)",
                    goal,
                    f"{p['median_s']:.1f} s",
                    p["median_s"] <= limit,
                )
    return found


def _plain_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=True)]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) for line in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _summary(results: dict[str, Any]) -> list[str]:
    m, s, corpus = results["machine"], results["settings"], results["annotation"]["corpus"]
    return [
        f"Run on {results['date']} ({'quick run' if s['quick'] else 'full run'}, seed {s['seed']}, {results['elapsed_s'] / 60:.1f} min; "
        f"load average {results['load_before']} before, {results['load_after']} after).",
        f"Machine: {m['cpu']}, {m['cores']} cores; Python {m['python']}; {m['system']}; "
        + ", ".join(f"{k} {v}" for k, v in m["packages"].items())
        + ".",
        f"Annotation corpus: {corpus['texts']} synthetic texts, {corpus['words']:,} words, {corpus['bytes'] / 1e6:.2f} MB (1 MB = 10^6 bytes); "
        f"medians of {results['annotation']['runs']} runs per glossary size, the sizes taking turns.",
        f"Editions: synthetic texts of about 600 words with a glossary of {s['build_terms']} entries (a prefix of the same 5,000-entry glossary), "
        "and this repository's seeds/; medians of the number of runs shown, in wall-clock time (the targets also give "
        "the CPU-time ratio; other work on the machine slows both). Peak RSS is the largest resident set of "
        "`python -m tools build` and its MkDocs runs (os.wait4); Python peaks are tracemalloc peaks.",
    ]


def text_report(results: dict[str, Any]) -> str:
    parts = ["\n".join(_summary(results))]
    for title, (header, rows) in (
        ("Annotation (stage 3) by glossary size, same corpus", annotation_rows(results)),
        ("Editions", edition_rows(results)),
        ("Targets", target_rows(results)),
    ):
        parts.append(f"{title}\n\n{_plain_table(header, rows)}")
    return "\n\n".join(parts) + "\n"


def markdown_report(results: dict[str, Any]) -> str:
    parts = [START, "## Latest results (written by `make bench`)", "\n".join(f"- {line}" for line in _summary(results))]
    for title, (header, rows) in (
        ("### Targets", target_rows(results)),
        ("### Annotation (stage 3) by glossary size, same corpus", annotation_rows(results)),
        ("### Editions", edition_rows(results)),
    ):
        parts.append(f"{title}\n\n{_markdown_table(header, rows)}")
    parts.append(END)
    return "\n\n".join(parts) + "\n"


def write_markdown(path: Path, block: str) -> None:
    """Put the results between the markers in path, keeping the rest of the file; create it if need be."""
    if not path.exists():
        path.write_text("# Benchmarks\n\n" + block, encoding="utf-8")
        return
    text = path.read_text(encoding="utf-8")
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        text = before + block.rstrip("\n") + after
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")
