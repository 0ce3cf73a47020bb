"""MkDocs runs of a build: `mkdocs build --strict` in one process, or in two at once on a machine with
two cores or more, each rendering about half of the pages (tools/site/share.py is their hook).

Any MkDocs warning fails the build with MkDocs' own words; a failed write (a full disk, an unwritable
folder) is one line. Every process runs to its end, so that the editor sees all the warnings.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

from mkdocs.structure.files import File

from tools.problems import EditionError

T = TypeVar("T")
# Writes a generated MkDocs config: (site_dir, the run's name, its share or None) -> the config file.
Configure = Callable[[Path, str, "dict[str, object] | None"], Path]


class SiteWriteError(EditionError):
    """MkDocs could not write the site (a full disk, an unwritable folder): the cause of any other failure."""


# The last line of a Python traceback for a failed write: "OSError: [Errno 28] No space left on device: 'a' -> 'b'".
_OS_ERROR = re.compile(r"^\w*Error: \[Errno \d+\] (?P<strerror>[^:\n]+)(?:: '(?P<path>[^'\n]*)'(?: -> '(?P<target>[^'\n]*)')?)?$", re.M)


def _problem_lines(output: str) -> list[str]:
    """MkDocs' WARNING and ERROR lines, each with the indented lines that continue it (lists of pages)."""
    lines: list[str] = []
    keep = False
    for line in output.splitlines():
        if "WARNING" in line or "ERROR" in line or "Error" in line:
            keep = True
        elif not (keep and line.startswith(" ") and line.strip()):
            keep = False
        if keep:
            lines.append(line)
    return lines


def _mkdocs_command(config: Path) -> list[str]:
    # No --quiet: it raises MkDocs' log level above WARNING, so strict mode never sees a warning
    # and passes any build (mkdocs/mkdocs#4126). The output is captured anyway.
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]


def _mkdocs_failure(config: Path, returncode: int, stdout: str, stderr: str) -> EditionError | None:
    """The editor-facing error for a failed MkDocs run, or None when it succeeded."""
    if returncode == 0:
        return None
    failed_write = _OS_ERROR.search(stderr)
    if failed_write:  # a full disk or an unwritable folder: one line, not MkDocs' traceback
        path = failed_write.group("target") or failed_write.group("path") or "file system"
        return SiteWriteError(f"MkDocs could not write the site: {failed_write.group('strerror')} ({path}); nothing was published")
    lines = _problem_lines(stdout + stderr)
    return _not_built(config, "\n".join(lines[-20:]) or (stdout + stderr)[-2000:])


def _not_built(config: Path, detail: str) -> EditionError:
    return EditionError(f"MkDocs could not build the site ({config.name}); nothing was published, the previous site is unchanged:\n{detail}")


# A page's cost to MkDocs, estimated in bytes of Markdown: its size, plus what rendering any page costs
# (Material's templates; about 10 KB of Markdown's worth, measured at 100 texts).
PAGE_COST = 10_000

# The least work (in PAGE_COST's bytes) worth a second process: each MkDocs run has a fixed cost of about
# 0.7 s (start-up, navigation, theme files), and this edition's 12 pages (0.75 MB) took longer in two.
SPLIT_FROM = 2_000_000


def second_share(docs: Path) -> list[str]:
    """The pages (paths under docs/) a second MkDocs process renders: none below SPLIT_FROM, else about
    half of the work, shared out largest page first, each to the process with less so far."""
    pages = {page.relative_to(docs): page for page in docs.rglob("*.md")}
    shown = [(file.stat().st_size + PAGE_COST, path.as_posix()) for path, file in pages.items() if not any(part.startswith(".") for part in path.parts)]  # MkDocs skips dot files
    costs = sorted(shown, key=lambda c: (-c[0], c[1]))
    if sum(cost for cost, _ in costs) < SPLIT_FROM:
        return []
    loads = [0, 0]
    second = []
    for cost, page in costs:
        turn = 0 if loads[0] <= loads[1] else 1
        loads[turn] += cost
        if turn:
            second.append(page)
    return sorted(second)


def check_anchors(reports: list[Path], config: Path) -> None:
    """MkDocs' check of links to anchors, for links from a page one process rendered to a page the other
    did (each process checks its own; tools/site/share.py writes the reports)."""
    loaded = [json.loads(report.read_text(encoding="utf-8")) for report in reports]
    present = {page: set(ids) for report in loaded for page, ids in report["present"].items()}
    lines = [
        f"WARNING -  Doc file '{source}' contains a link '{original}', but the doc '{target}' does not contain an anchor '#{anchor}'."
        for report in loaded
        for source, target, anchor, original in report["links"]
        if target in present and anchor not in present[target]
    ]
    if lines:
        raise _not_built(config, "\n".join(lines[:20]))


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class _Run:
    """One `mkdocs build` child, its output kept in temporary files (closed by `files`) until it ends."""

    def __init__(self, config: Path, env: dict[str, str], files: contextlib.ExitStack) -> None:
        self.config = config
        self.stdout: IO[str] = files.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))  # noqa: SIM115 (closed by files)
        self.stderr: IO[str] = files.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))  # noqa: SIM115 (closed by files)
        self.process = subprocess.Popen(_mkdocs_command(config), stdout=self.stdout, stderr=self.stderr, text=True, env=env)

    def failure(self) -> EditionError | None:
        """None when it succeeded (or still runs); the editor-facing error when it failed."""
        code = self.process.poll()
        if code is None or code == 0:
            return None
        self.stdout.seek(0)
        self.stderr.seek(0)
        return _mkdocs_failure(self.config, code, self.stdout.read(), self.stderr.read())

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def _wait(runs: list[_Run]) -> None:
    """Until every run has ended; then, if any failed, one error with all their warnings (a write
    failure alone: it is the cause of the others)."""
    for run in runs:
        run.process.wait()
    failures = [failure for failure in (run.failure() for run in runs) if failure is not None]
    if not failures:
        return
    written = [failure for failure in failures if isinstance(failure, SiteWriteError)]
    if written:
        raise written[0]
    lines = str(failures[0]).splitlines()
    for failure in failures[1:]:
        lines += [line for line in str(failure).splitlines()[1:] if line not in lines]
    raise EditionError("\n".join(lines))


def render_site(docs: Path, site: Path, configure: Configure, env: dict[str, str], meanwhile: Callable[[], T]) -> T:
    """`mkdocs build --strict` of docs/ into site, with the configs configure() writes ("hosted", and
    "hosted-second" for a second process) and this environment; returns what meanwhile(), run while
    MkDocs works, returns.

    With two cores or more and enough work, two MkDocs processes render about half of the pages each (second_share),
    the second into a folder beside site; its pages are moved into site when both have succeeded and
    the links between the halves have been checked."""
    second = second_share(docs) if _cores() > 1 else []
    beside = site.with_name(f"second-{site.name}")
    reports = [site.with_name("anchors-first.json"), site.with_name("anchors-second.json")]
    if not second:
        configs = [configure(site, "hosted", None)]
    else:
        configs = [
            configure(site, "hosted", {"mode": "except", "pages": second, "anchors": str(reports[0])}),
            configure(beside, "hosted-second", {"mode": "only", "pages": second, "anchors": str(reports[1])}),
        ]
    with contextlib.ExitStack() as files:
        runs: list[_Run] = []
        try:
            runs = [_Run(config, env, files) for config in configs]
            result = meanwhile()
            _wait(runs)
        finally:  # also on failure or Ctrl+C: no MkDocs keeps writing
            for run in runs:
                run.stop()
    if second:
        check_anchors(reports, configs[0])
        for page in second:
            written = File(page, str(docs), str(beside), use_directory_urls=True).dest_uri
            (site / written).parent.mkdir(parents=True, exist_ok=True)
            (beside / written).replace(site / written)
        shutil.rmtree(beside)
    return result
