"""Live preview for editors: regenerate docs/ when seeds/ changes; MkDocs serves and reloads the page.

`mkdocs serve` already watches docs/ and its config file and reloads open pages. This module adds
the step before it: it polls seeds/, runs the generator on every change (which rewrites only the
pages whose content changed, so nothing loops), prints problems, and keeps the last good pages
when the seeds have an error.
"""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from tools.pipeline import Checked, generate
from tools.problems import Problem, has_errors

POLL_SECONDS = 0.2

Snapshot = dict[str, tuple[int, int]]


def snapshot(seeds: Path) -> Snapshot:
    """Every file under seeds/ with its modification time and size: a change in either is a save."""
    found: Snapshot = {}
    for file in sorted(seeds.rglob("*")):
        try:
            if file.is_file() and not file.name.startswith("."):
                stat = file.stat()
                found[file.relative_to(seeds).as_posix()] = (stat.st_mtime_ns, stat.st_size)
        except FileNotFoundError:  # removed between listing and stat: the next poll sees it
            continue
    return found


def regenerate(seeds: Path, docs: Path, build: Path, root: Path, warned: set[Problem]) -> Checked:
    """Check and write pages; print errors, new warnings and what changed. Pages stay as they were on error."""
    from tools.site import write_config

    checked, changed = generate(seeds, docs)
    for problem in checked.problems:
        if problem.severity == "error" or problem not in warned:
            print(problem.format(), file=sys.stderr, flush=True)
    warned.clear()
    warned.update(p for p in checked.problems if p.severity == "warning")
    if has_errors(checked.problems) or checked.edition is None:
        print("preview not updated: fix the errors above and save again (the last good pages stay)", file=sys.stderr, flush=True)
        return checked
    write_config(root, docs, checked.edition, build / "serve-site", build / "mkdocs.serve.yml", offline=False, strict=False)
    print(f"docs: {len(changed)} page(s) updated" + (f": {', '.join(changed)}" if changed else ""), flush=True)
    return checked


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(root: Path, seeds: Path, docs: Path, build: Path, port: int) -> int:
    """Generate, start `mkdocs serve` on 127.0.0.1:port, and regenerate on every save until interrupted."""
    seeds, docs, build = seeds.resolve(), docs.resolve(), build.resolve()
    warned: set[Problem] = set()
    checked = regenerate(seeds, docs, build, root, warned)
    config = build / "mkdocs.serve.yml"
    if checked.edition is None and not config.exists():
        print("nothing to preview yet: fix the errors above, then run the preview again", file=sys.stderr)
        return 1
    # `kill` (SIGTERM) must stop the MkDocs server too, as Ctrl+C does: run the cleanup below.
    signal.signal(signal.SIGTERM, _interrupt)
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}", "-f", str(config)]
    server = subprocess.Popen(command)
    print(f"preview: http://127.0.0.1:{port}/  (watching {seeds}; Ctrl+C stops)", flush=True)
    seen = snapshot(seeds)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = snapshot(seeds)
            if now != seen:
                seen = now
                regenerate(seeds, docs, build, root, warned)
    except KeyboardInterrupt:
        pass
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    return 0 if server.returncode in (0, -15, None) else int(server.returncode)
