"""Measurements: medians of repeated runs, peak memory, sizes, page weight and preview latency.

Times are wall clock (time.perf_counter), with the CPU time of the same runs beside them (process
time in this process; user + system time of a child and its children from os.wait4). Peak memory
is measured two ways, and each figure says which: the peak resident set of a child process and its own children (os.wait4's rusage, for
`python -m tools build` with its MkDocs runs), and the peak of Python allocations in this process
(tracemalloc, for annotation and the generator, in a run of its own that is not timed).
"""
from __future__ import annotations

import functools
import gzip
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from unittest import mock
from urllib.parse import urljoin, urlsplit

from tools.annotate.edition import PROTECTED_ROLES, AnnotatedEdition, annotate
from tools.annotate.matcher import TermMatcher
from tools.dev.bench.synth import Entry
from tools.model import Edition, Term
from tools.pages import text as page_text
from tools.pages.markup import md_escape
from tools.pages.write import render_pages, write_pages
from tools.pipeline import generate
from tools.problems import Position
from tools.site.build import source_date_epoch, write_config

ROOT = Path(__file__).resolve().parents[3]
MB = 1_000_000


class BenchError(Exception):
    """A step of the benchmark failed; the message says which and shows the output."""


@dataclass(frozen=True)
class Timing:
    """Seconds taken by each run of one measurement: wall clock, and CPU time (user + system), which
    other work on the machine disturbs less."""

    runs: tuple[float, ...]
    cpu: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    @staticmethod
    def joined(timings: list[Timing]) -> Timing:
        """The runs of several timings as one."""
        return Timing(sum((t.runs for t in timings), ()), sum((t.cpu for t in timings), ()))

    def as_json(self) -> dict[str, object]:
        return {
            "median_s": round(self.median, 4),
            "median_cpu_s": round(self.median_cpu, 4),
            "runs_s": [round(r, 4) for r in self.runs],
            "cpu_s": [round(c, 4) for c in self.cpu],
        }


def timed(action: Callable[[], object], runs: int, before: Callable[[], object] | None = None) -> Timing:
    """Run action `runs` times in this process (before() first each time, untimed)."""
    seconds, cpu = [], []
    for _ in range(runs):
        if before:
            before()
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return Timing(tuple(seconds), tuple(cpu))


def python_peak(action: Callable[[], object]) -> int:
    """Peak bytes of Python allocations while action runs (tracemalloc)."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@dataclass(frozen=True)
class Finished:
    """A child process that ran to the end."""

    seconds: float
    cpu: float  # user + system seconds of the process and the children it waited for
    peak_rss: int  # bytes: the largest resident set of the process and the children it waited for
    output: str


def run_process(command: list[str], env: dict[str, str] | None = None) -> Finished:
    """Run a command to the end; BenchError with its output if it fails."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise BenchError(f"{' '.join(command)} failed with exit code {process.returncode}:\n{output[-3000:]}")
    return Finished(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, output)


def mkdocs_env() -> dict[str, str]:
    """The environment tools/site/build.py gives MkDocs."""
    return {**os.environ, "SOURCE_DATE_EPOCH": str(source_date_epoch(ROOT)), "NO_MKDOCS_2_WARNING": "1"}


# --- Annotation ---------------------------------------------------------------------------------


def annotation(corpus: Edition, entries: list[Entry], sizes: tuple[int, ...], runs: int) -> dict[str, object]:
    """Stage 3 on one corpus with glossaries of each size (prefixes of entries): time, throughput, memory.

    `annotate` is the whole stage (compile the matcher, find every term, place notes and cross-links);
    `find` is the matcher alone on each text's paragraphs, as annotate calls it, with the automaton
    compiled beforehand; `compile` is building the automaton. The sizes take turns run by run, so
    that a change in the machine's speed during the measurement touches every size alike."""
    position = Position("glossary.yml")
    terms = tuple(e.as_term(position) for e in entries)
    corpus_bytes = sum(len(t.raw.encode("utf-8")) for t in corpus.texts)
    words = sum(t.words for t in corpus.texts)
    texts = [[p.text for p in t.paragraphs if p.role not in PROTECTED_ROLES] for t in corpus.texts]
    editions = {size: replace(corpus, terms=terms[:size]) for size in sizes}
    matchers = {size: TermMatcher(edition.terms) for size, edition in editions.items()}
    measured: dict[tuple[int, str], list[Timing]] = defaultdict(list)
    for _ in range(runs):
        for size, edition in editions.items():
            matcher = matchers[size]
            for name, action in (
                ("annotate", lambda edition=edition: annotate(edition)),
                ("compile", lambda edition=edition: TermMatcher(edition.terms)),
                ("find", lambda matcher=matcher: [matcher.find_all(paragraphs) for paragraphs in texts]),
            ):
                measured[size, name].append(timed(action, 1))
    results = []
    for size, edition in editions.items():
        whole, compiled, found = (Timing.joined(measured[size, name]) for name in ("annotate", "compile", "find"))
        occurrences = sum(len(t.occurrences) for t in annotate(edition).texts)
        results.append(
            {
                "terms": size,
                "patterns": sum(len(t.patterns) for t in edition.terms),
                "occurrences": occurrences,
                "occurrences_per_1000_words": round(1000 * occurrences / words, 1),
                "annotate": whole.as_json(),
                "annotate_mb_s": round(corpus_bytes / whole.median / MB, 2),
                "compile": compiled.as_json(),
                "find": found.as_json(),
                "find_mb_s": round(corpus_bytes / found.median / MB, 2),
                "annotate_python_peak_bytes": python_peak(functools.partial(annotate, edition)),
            }
        )
    first, last = results[0], results[-1]
    return {
        "corpus": {"texts": len(corpus.texts), "bytes": corpus_bytes, "words": words},
        "runs": runs,
        "results": results,
        "time_ratio_largest_smallest": round(last["annotate"]["median_s"] / first["annotate"]["median_s"], 3),  # type: ignore[index]
    }


# --- Generator and MkDocs -----------------------------------------------------------------------


def unglossed(edition: AnnotatedEdition) -> AnnotatedEdition:
    """The same edition with no occurrence glossed: no gloss links or tooltips in the running text
    (the glossary page, the term map and each text's list of terms stay as they are)."""
    texts = tuple(replace(t, occurrences=tuple(o._replace(glossed=False) for o in t.occurrences)) for t in edition.texts)
    return replace(edition, texts=texts)


def html_gloss(surface: str, term: Term) -> str:
    """A gloss as a raw HTML link (the hosted site's URL form), which MkDocs passes through untouched."""
    return f'<a class="gloss" href="../../glossary/#{term.id}" aria-describedby="tip-{term.id}">{md_escape(surface)}</a>'


def _generate(seeds: Path, docs: Path) -> AnnotatedEdition:
    """generate() as a fresh process runs it: without the text pages the live preview keeps from a previous run."""
    checked, _ = generate(seeds, docs)
    if checked.edition is None:
        raise BenchError("the synthetic edition has errors:\n" + "\n".join(p.format() for p in checked.problems[:20]))
    return checked.edition


def _mkdocs(config: Path) -> Finished:
    return run_process([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)], mkdocs_env())


def _config(work: Path, docs: Path, edition: AnnotatedEdition, name: str) -> Path:
    return write_config(ROOT, docs, edition, work / f"site-{name}", work / f"mkdocs.{name}.yml")


def generator_and_mkdocs(seeds: Path, work: Path, runs: int, compare: bool, alternatives: bool) -> dict[str, Any]:
    """The generator (in this process, into an empty docs/) against MkDocs on its output; if asked,
    MkDocs on the same edition without gloss markup, and with glosses as raw HTML links.

    The MkDocs variants run interleaved (A, B, A, B ...) so that a change in the machine's load
    affects each alike."""
    docs = work / "docs"
    generator = timed(lambda: _generate(seeds, docs), runs, before=lambda: shutil.rmtree(docs, ignore_errors=True))
    edition = _generate(seeds, docs)
    peak = python_peak(lambda: _generate(seeds, work / "docs-traced"))
    shutil.rmtree(work / "docs-traced")
    variants = {"annotated": _config(work, docs, edition, "annotated")}
    if compare:
        plain_docs = work / "docs-plain"
        write_pages(render_pages(unglossed(edition)), plain_docs)
        variants["plain"] = _config(work, plain_docs, edition, "plain")
    if compare and alternatives and hasattr(page_text, "_gloss"):
        html_docs = work / "docs-html-links"
        with mock.patch.object(page_text, "_gloss", html_gloss):
            write_pages(render_pages(edition), html_docs)
        variants["html_links"] = _config(work, html_docs, edition, "html_links")
    finished: dict[str, list[Finished]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, config in variants.items():
            finished[name].append(_mkdocs(config))
    mkdocs = {name: Timing(tuple(f.seconds for f in done), tuple(f.cpu for f in done)) for name, done in finished.items()}
    result: dict[str, object] = {
        "generate": generator.as_json(),
        "generate_python_peak_bytes": peak,
        "pages": sum(1 for _ in docs.rglob("*.md")),
        "docs_bytes": _folder_bytes(docs),
        "largest_markdown": _largest(docs, "*.md"),
    }
    for name, timing in mkdocs.items():
        result[f"mkdocs_{name}"] = {**timing.as_json(), "peak_rss_bytes": max(f.peak_rss for f in finished[name])}
    for name in ("annotated", "html_links"):
        if name in mkdocs and "plain" in mkdocs:
            result[f"{name}_over_plain"] = round(mkdocs[name].median / mkdocs["plain"].median, 3)
            result[f"{name}_over_plain_cpu"] = round(mkdocs[name].median_cpu / mkdocs["plain"].median_cpu, 3)
    return result


# --- The whole pipeline -------------------------------------------------------------------------


def whole_build(seeds: Path, work: Path, build: Path, slug: str, runs: int, page: str) -> dict[str, Any]:
    """`python -m tools build` (generate, hosted build, offline build, zip) from an empty docs/,
    then the sizes of what it published and the weight of one text page."""
    docs = work / "docs-build"
    command = [sys.executable, "-m", "tools", "--seeds", str(seeds), "--docs", str(docs), "--build", str(build), "build"]
    finished = []
    for _ in range(runs):
        shutil.rmtree(docs, ignore_errors=True)
        finished.append(run_process(command))
    timing = Timing(tuple(f.seconds for f in finished), tuple(f.cpu for f in finished))
    site = build / "site"
    archive = build / f"{slug}-offline.zip"
    return {
        **timing.as_json(),
        "peak_rss_bytes": max(f.peak_rss for f in finished),
        "offline": archive.exists(),
        "sizes": {
            "text_page_bytes": (site / page / "index.html").stat().st_size,
            "site_bytes": _folder_bytes(site),
            "site_files": sum(1 for f in site.rglob("*") if f.is_file()),
            "search_index_bytes": _folder_bytes(site / "search"),
            "search_index_files": sum(1 for _ in (site / "search").glob("*.js")),
            "zip_bytes": archive.stat().st_size if archive.exists() else None,
            "largest_html": _largest(site, "*.html"),
        },
        "page_weight": page_weight(site, page),
    }


def _folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def _largest(folder: Path, pattern: str) -> dict[str, object]:
    biggest = max(folder.rglob(pattern), key=lambda f: f.stat().st_size)
    return {"path": biggest.relative_to(folder).as_posix(), "bytes": biggest.stat().st_size}


# --- Page weight --------------------------------------------------------------------------------


class _Assets(HTMLParser):
    """The URLs a page makes the browser fetch as it opens: stylesheets, scripts, icons and images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []  # (kind, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        rel = found.get("rel", "").split()
        if tag == "link" and "stylesheet" in rel and found.get("href"):
            self.urls.append(("css", found["href"]))
        elif tag == "link" and "icon" in rel and found.get("href"):
            self.urls.append(("other", found["href"]))
        elif tag == "script" and found.get("src"):
            self.urls.append(("js", found["src"]))
        elif tag == "img" and found.get("src"):
            self.urls.append(("other", found["src"]))


def page_weight(site: Path, page: str) -> dict[str, object]:
    """Bytes a reader downloads to open one page: its HTML and every stylesheet, script, icon and image
    it references (raw, and gzip-compressed as a server would send them). The edition's search loads
    no part of its index until the search box is used (the bytes a query loads are measured apart)."""
    page_url = f"/{page}/"
    html = (site / page / "index.html").read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    totals = {"html": len(html), "css": 0, "js": 0, "other": 0}
    compressed = len(gzip.compress(html, 6))
    assets, external = [], []
    for kind, url in parser.urls:
        absolute = urlsplit(urljoin(page_url, url))
        if absolute.scheme or absolute.netloc:
            external.append(url)
            continue
        data = (site / absolute.path.lstrip("/")).read_bytes()
        totals[kind] += len(data)
        compressed += len(gzip.compress(data, 6))
        assets.append({"path": absolute.path.lstrip("/"), "kind": kind, "bytes": len(data)})
    total = sum(totals.values())
    return {
        **totals,
        "total": total,
        "total_gzip": compressed,
        "assets": assets,
        "external": external,
    }


# --- Live preview -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def _shows(url: str, marker: str) -> bool:
    return marker in (_fetch(url) or "")


def _wait_for(condition: Callable[[], bool], timeout: float, what: str) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise BenchError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)
    return time.perf_counter() - started


# What the reader has open while an entry is edited: a text page that glosses it, whose tooltips come
# from the glossary data script, and the glossary page, which shows the definition itself.
GLOSSARY_PAGE = "glossary/"
GLOSSARY_DATA = "assets/glossary-data.js"


def edit_shown(base: str, page: str, marker: str) -> dict[str, Callable[[], bool]]:
    """For each open page, whether the reader now sees the edit that put marker into the glossary:
    the text page once its reload finds the marker in the glossary data it loads (MkDocs' server
    answers a request made during a build only after the build, so the data showing the marker means
    the build is over) and the page is served; the glossary page once it shows the marker itself."""
    return {
        "text_page": lambda: _shows(base + GLOSSARY_DATA, marker) and _fetch(base + page + "/") is not None,
        "glossary_page": lambda: _shows(base + GLOSSARY_PAGE, marker),
    }


def _wait_for_all(conditions: dict[str, Callable[[], bool]], timeout: float, what: str) -> dict[str, float]:
    """Seconds until each condition first held, polling them in turn."""
    started = time.perf_counter()
    found: dict[str, float] = {}
    while len(found) < len(conditions):
        for name, condition in conditions.items():
            if name not in found and condition():
                found[name] = time.perf_counter() - started
        if time.perf_counter() - started > timeout:
            raise BenchError(f"timed out after {timeout:.0f} s waiting for {what} ({', '.join(n for n in conditions if n not in found)})")
        time.sleep(0.05)
    return found


def preview_latency(seeds: Path, work: Path, page: str, edit: Callable[[int], str], runs: int, timeout: float) -> dict[str, object]:
    """`python -m tools serve`: seconds from saving an edit of one glossary entry until the open page
    has reloaded with it (edit_shown), for an open text page (page) and for the open glossary page.
    edit(k) changes seeds/ and returns a marker the glossary will then hold. median_s and runs_s are
    the slower of the two pages, save by save."""
    port = _free_port()
    command = [sys.executable, "-m", "tools", "--seeds", str(seeds), "--docs", str(work / "docs-serve"), "--build", str(work / "build-serve"), "serve", "--port", str(port)]
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True)
        try:
            first = _wait_for(lambda: _fetch(base + page + "/") is not None, timeout, "the preview to start")
            saves = []
            for k in range(runs):
                marker = edit(k)
                saves.append(_wait_for_all(edit_shown(base, page, marker), timeout, "the preview to show an edit"))
                time.sleep(1)  # let MkDocs settle before the next save
        except BenchError as failed:
            log.seek(0)
            raise BenchError(f"{failed}; preview output:\n{log.read().decode('utf-8', 'replace')[-2000:]}") from None
        finally:
            _stop(server)
    slower = [max(save.values()) for save in saves]
    pages = {name: [save[name] for save in saves] for name in saves[0]}
    return {
        "median_s": round(statistics.median(slower), 3),
        "runs_s": [round(s, 3) for s in slower],
        **{name: {"median_s": round(statistics.median(times), 3), "runs_s": [round(t, 3) for t in times]} for name, times in pages.items()},
        "first_page_s": round(first, 3),
    }


def _stop(server: subprocess.Popen[bytes]) -> None:
    """Ctrl+C for the preview (it stops its MkDocs server itself); its process group if it hangs."""
    if server.poll() is None:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
