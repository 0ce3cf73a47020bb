"""Issue 16's measurements: the whole build against a plain Material build of the same texts (with peak
memory of the whole process tree), what the edition's search costs in a real browser (main-thread
blocking as a text page opens from the offline copy, the files and bytes a one-word query loads, the
time from the last keypress to the results), and the index's size against the texts' size."""
from __future__ import annotations

import functools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, Request, sync_playwright

from tools.annotate.edition import AnnotatedEdition
from tools.dev.bench.measure import ROOT, BenchError, mkdocs_env, unglossed
from tools.pages.write import render_pages, write_pages
from tools.site.build import write_config
from tools.site.chromium import find_chromium
from tools.site.localhost import serve_folder

SAMPLE_SECONDS = 0.05


def _tree_rss(root: int) -> int:
    """Bytes resident in a process and all its descendants now (from /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            pid = int(stat.parent.name)
            parents[pid] = int(fields[1])
            rss[pid] = int(fields[21]) * 4096
        except (OSError, IndexError, ValueError):
            continue
    members, grown = {root}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in members} - members
        grown = bool(more)
        members |= more
    return sum(rss.get(pid, 0) for pid in members)


def run_sampled(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Run a command to the end: its wall-clock seconds and the peak resident memory of its whole
    process tree (sampled every 50 ms: the hosted and offline MkDocs runs are alive at once)."""
    peak = 0
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        while process.poll() is None:
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - started
        if process.returncode != 0:
            log.seek(0)
            raise BenchError(f"{' '.join(command)} failed:\n{log.read().decode('utf-8', 'replace')[-3000:]}")
    return seconds, peak


def build_against_material(edition: AnnotatedEdition, seeds: Path, work: Path, runs: int) -> dict[str, Any]:
    """`python -m tools build` (generate, hosted and offline sites, zip) from an empty docs/, against
    `mkdocs build` of the same texts (edition: seeds/ checked) without gloss markup and with Material's
    own search plugin (what a plain Material site of these texts is), runs taking turns."""
    plain_docs = work / "docs-plain"
    write_pages(render_pages(unglossed(edition)), plain_docs)
    shutil.rmtree(plain_docs / "search", ignore_errors=True)
    config = write_config(ROOT, plain_docs, edition, work / "site-plain", work / "mkdocs.plain.yml")
    settings = json.loads(config.read_text(encoding="utf-8"))
    config.write_text(json.dumps({**settings, "plugins": ["search"]}), encoding="utf-8")
    docs, build = work / "docs-build", work / "build"
    whole_command = [sys.executable, "-m", "tools", "--seeds", str(seeds), "--docs", str(docs), "--build", str(build), "build"]
    plain_command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    whole, plain, whole_peaks, plain_peaks = [], [], [], []
    for _ in range(runs):
        shutil.rmtree(docs, ignore_errors=True)
        seconds, peak = run_sampled(whole_command)
        whole.append(seconds)
        whole_peaks.append(peak)
        seconds, peak = run_sampled(plain_command, mkdocs_env())
        plain.append(seconds)
        plain_peaks.append(peak)
    return {
        "whole_s": [round(s, 2) for s in whole],
        "plain_material_s": [round(s, 2) for s in plain],
        "ratio": round(statistics.median(whole) / statistics.median(plain), 3),
        "whole_peak_rss_bytes": max(whole_peaks),
        "plain_peak_rss_bytes": max(plain_peaks),
        "site": str(build / "site"),
        "zip": str(next(build.glob("*-offline.zip"))),
    }


def index_size(site: Path, seeds: Path) -> dict[str, int]:
    """The search index's files and bytes, and the bytes of the texts it indexes."""
    files = list((site / "search").glob("*.js"))
    return {
        "index_files": len(files),
        "index_bytes": sum(f.stat().st_size for f in files),
        "largest_index_file_bytes": max(f.stat().st_size for f in files),
        "texts_bytes": sum(f.stat().st_size for f in (seeds / "texts").glob("*.txt")),
    }


# Long tasks (over 50 ms) as the browser reports them, kept from the first moment of the page.
_OBSERVE = """
window.__longTasks = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
  .observe({ type: "longtask", buffered: true });
"""

# Type a query as one input event and resolve with the milliseconds until the status gives the outcome.
_QUERY = """
query => new Promise(resolve => {
  const input = document.querySelector("input.md-search__input");
  const status = document.querySelector(".edition-search .md-search-result__meta");
  input.focus();
  const started = performance.now();
  const done = () => /\\d|^No /.test(status.textContent) && !/…$/.test(status.textContent);
  const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(performance.now() - started); } });
  observer.observe(status, { childList: true, characterData: true, subtree: true });
  input.value = query;
  input.dispatchEvent(new Event("input", { bubbles: true }));
})
"""


def _record(seen: list[str], request: Request) -> None:
    seen.append(request.url)


def _long_tasks(tab: Page, since: float = 0.0) -> list[float]:
    return [round(d, 1) for start, d in tab.evaluate("window.__longTasks") if start >= since]


def _search_files(urls: list[str], root: str, folder: Path) -> list[tuple[str, int]]:
    found = []
    for url in urls:
        if "/search/" in url and url.startswith(root):
            relative = url[len(root):].split("?")[0]
            found.append((relative, (folder / relative).stat().st_size))
    return found


def search_in_browser(site: Path, offline: Path, page: str, words: list[str]) -> dict[str, Any]:
    """For the hosted copy (local HTTP server) and the offline copy (file://): long tasks while a text
    page opens, then for each word in a fresh page the files and bytes the query loaded, the time from
    the input to the results shown and the long tasks meanwhile; then the same word again (warm)."""
    results: dict[str, Any] = {}
    with sync_playwright() as playwright, serve_folder(site) as base:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=["--no-sandbox"])
        try:
            for mode, root, folder, url in (
                ("hosted", base, site, f"{base}{page}/"),
                ("offline", offline.as_uri() + "/", offline, offline.as_uri() + f"/{page}.html"),
            ):
                measured: dict[str, Any] = {"queries": {}}
                for n, word in enumerate(words):
                    context = browser.new_context(viewport={"width": 1280, "height": 800})
                    context.add_init_script(_OBSERVE)
                    requests: list[str] = []
                    context.on("request", functools.partial(_record, requests))
                    tab = context.new_page()
                    tab.goto(url, wait_until="load")
                    tab.wait_for_timeout(1000)
                    if n == 0:
                        measured["open_long_tasks_ms"] = _long_tasks(tab)
                        measured["open_search_files"] = len(_search_files(requests, root, folder))
                    before = len(requests)
                    since = tab.evaluate("performance.now()")
                    cold = tab.evaluate(_QUERY, word)
                    tab.wait_for_timeout(300)
                    loaded = _search_files(requests[before:], root, folder)
                    tasks = _long_tasks(tab, since)
                    tab.evaluate("() => { const i = document.querySelector('input.md-search__input'); i.value = ''; i.dispatchEvent(new Event('input')); }")
                    warm = tab.evaluate(_QUERY, word)
                    measured["queries"][word] = {
                        "files": len(loaded),
                        "bytes": sum(size for _, size in loaded),
                        "loaded": [name for name, _ in loaded],
                        "keypress_to_results_ms": round(cold, 1),
                        "again_ms": round(warm, 1),
                        "long_tasks_ms": tasks,
                        "status": tab.locator(".edition-search .md-search-result__meta").inner_text(),
                    }
                    context.close()
                results[mode] = measured
        finally:
            browser.close()
    return results


def unzip(archive: Path, into: Path) -> Path:
    """The offline zip unpacked; returns its one top folder."""
    shutil.rmtree(into, ignore_errors=True)
    shutil.unpack_archive(archive, into)
    (top,) = [p for p in into.iterdir() if p.is_dir()]
    return top


# --- Report -------------------------------------------------------------------------------------

START = "<!-- issue 16 results: written by `make bench BENCH_ARGS=--scale`; everything outside the markers is kept -->"
END = "<!-- end of issue 16 results -->"


def _kb(n: int) -> str:
    return f"{n / 1000:,.1f}"


def targets(editions: list[dict[str, Any]]) -> list[list[str]]:
    """[target, goal, measured, met] for each of issue 16's targets 3 to 5, per edition measured."""
    rows: list[list[str]] = []
    for e in editions:
        label = e["label"]
        b = e["build"]
        ratio = f"{b['ratio']:.2f} (runs {b['whole_s']} s against {b['plain_material_s']} s)"
        rows.append([f"Whole build / plain Material build ({label})", "<= 1.1", ratio, "yes" if b["ratio"] <= 1.1 else "**no**"])
        memory = f"{b['whole_peak_rss_bytes'] / 1e6:,.0f} MB (plain Material: {b['plain_peak_rss_bytes'] / 1e6:,.0f} MB)"
        rows.append([f"Peak memory of the whole build, all processes ({label})", "stated", memory, "reported"])
        s = e["index"]
        size = (
            f"{s['index_bytes'] / 1e6:.2f} MB in {s['index_files']:,} files for {s['texts_bytes'] / 1e6:.2f} MB of texts "
            f"({s['index_bytes'] / s['texts_bytes']:.1f} x); largest file {_kb(s['largest_index_file_bytes'])} KB"
        )
        rows.append([f"Search index against the texts ({label})", "reported", size, "reported"])
        for mode in ("offline", "hosted"):
            m = e["browser"][mode]
            longest = max(m["open_long_tasks_ms"], default=0)
            rows.append([
                f"Main thread on opening a text page, {mode} ({label})",
                "no task over 50 ms caused by search",
                f"{m['open_search_files']} search files loaded; longest task {longest:.0f} ms (all causes)",
                "yes" if m["open_search_files"] == 0 else "**no**",
            ])
            for word, q in m["queries"].items():
                ok = q["files"] <= 3 and q["bytes"] <= 200_000
                loaded = f"{q['files']} files, {_kb(q['bytes'])} KB ({q['status']})"
                rows.append([f"One-word query “{word}”, {mode} ({label}): files and bytes loaded", "<= 3 files, <= 200 KB", loaded, "yes" if ok else "**no**"])
                tasks = max(q["long_tasks_ms"], default=0)
                timing = f"{q['keypress_to_results_ms']:.0f} ms / {q['again_ms']:.0f} ms; longest task meanwhile {tasks:.0f} ms"
                rows.append([f"… input to results shown, first query / again ({mode}, {label})", "reported", timing, "reported" if tasks <= 50 else "**over 50 ms**"])
        limit = 10.0 if e["synthetic"] else 2.0
        for name, p in (e.get("preview") or {}).items():
            if isinstance(p, dict) and "median_s" in p:
                what = f"Preview reload after editing the {name.replace('_', '-')} entry “{p['entry']}” ({label}; glossed in {p['texts']} texts)"
                pages = "; ".join(f"open {page.replace('_', ' ')} {p[page]['median_s']:.1f} s" for page in ("text_page", "glossary_page") if page in p)
                shown = f"{p['median_s']:.1f} s, the slower page (runs {p['runs_s']}" + (f"; {pages})" if pages else ")")
                rows.append([what, f"<= {limit:.0f} s", shown, "yes" if p["median_s"] <= limit else "**no**"])
    return rows


def markdown(results: dict[str, Any]) -> str:
    header = ["Target (issue 16)", "Goal", "Measured", "Met"]
    lines = ["| " + " | ".join(header) + " |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in targets(results["editions"])]
    return "\n".join([
        START,
        "### Search and scale (issue 16): latest results",
        "",
        f"Run on {results['date']} ({results['elapsed_s'] / 60:.1f} min; load average {results['load_before']} before, {results['load_after']} after).",
        "",
        *lines,
        END,
    ]) + "\n"


def write_markdown(path: Path, block: str) -> None:
    """Put the block between this module's markers in path (appended the first time), keeping the rest."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + block.rstrip("\n") + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")
