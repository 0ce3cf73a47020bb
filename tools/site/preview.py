"""Live preview for editors: regenerate docs/ when seeds/ changes, render only the pages that changed,
and reload the open page.

Three parts, in one process:
- a thread polls seeds/ and runs the generator on every change. It rewrites only the pages whose
  content changed (so nothing loops), prints problems, and keeps the last good pages on error;
- MkDocs' live-reload server serves the preview and reloads open pages after each build; the
  generator's thread asks it for a build whenever it wrote docs/ (PreviewServer.rebuild: polling
  docs/, thousands of files at a thousand texts, took a third of a core), and it watches the
  generated config; the problems of the last save are shown in the open page (tools/site/banner.py);
- its builder (PreviewSite) renders the whole site when the config changed (navigation, title),
  else only the pages newer than their HTML (MkDocs' "dirty" build). The search index is part of
  the generated docs/ (search/*.js), so only its changed files are copied.

The print page holds the whole edition (tens of seconds to render at a thousand texts), so a save
leaves it alone: it is written into docs/ when it is requested (HeldPrint), and rendered then.
"""
from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin

from tools.annotate.edition import AnnotatedEdition
from tools.pages.printed import PAGE as PRINT_PAGE
from tools.pages.text import PageMemo
from tools.pages.write import render_print_page, write_page
from tools.pipeline import Checked, generate
from tools.problems import Problem, has_errors
from tools.site.banner import ProblemBoard, with_banner
from tools.source.files import is_ignored

POLL_SECONDS = 0.1
HOST = "127.0.0.1"

Snapshot = dict[str, tuple[int, int]]


def snapshot(seeds: Path) -> Snapshot:
    """Every file under seeds/ with its modification time and size: a change in either is a save.

    os.scandir, not Path.rglob: the preview takes one every POLL_SECONDS, and at a thousand texts
    rglob's snapshot took a third of a core."""
    found: Snapshot = {}
    folders = [(str(seeds), "")]
    while folders:
        folder, prefix = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except (FileNotFoundError, NotADirectoryError):  # removed since it was listed: the next poll sees it
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    folders.append((entry.path, f"{prefix}{entry.name}/"))
                elif entry.is_file() and not is_ignored(entry.name):
                    stat = entry.stat()
                    found[prefix + entry.name] = (stat.st_mtime_ns, stat.st_size)
            except FileNotFoundError:
                continue
    return found


def regenerate(
    seeds: Path, docs: Path, build: Path, root: Path, warned: set[Problem], site_url: str = "", memo: PageMemo | None = None, hold_print: bool = False
) -> tuple[Checked, list[str]]:
    """Check and write pages; print errors, new warnings and what changed (returned with the outcome).
    Pages stay as they were on error.

    memo keeps the text pages from one save to the next, so that only the pages a save changed are
    rendered again; hold_print leaves the print page as it is (HeldPrint writes it when it is opened)."""
    from tools.site.build import write_config
    from tools.site.publish import build_lock

    with build_lock(build):  # never while `make site` reads docs/
        checked, changed = generate(seeds, docs, site_url, memo, hold_print)
    for problem in checked.problems:
        if problem.severity == "error" or problem not in warned:
            print(problem.format(), file=sys.stderr, flush=True)
    warned.clear()
    warned.update(p for p in checked.problems if p.severity == "warning")
    if has_errors(checked.problems) or checked.edition is None:
        print("preview not updated: fix the errors above and save again (the last good pages stay)", file=sys.stderr, flush=True)
        return checked, []
    write_config(root, docs, checked.edition, build / "serve-site", build / "mkdocs.serve.yml", strict=False)
    print(f"docs: {len(changed)} page(s) updated" + (f": {', '.join(changed)}" if changed else ""), flush=True)
    if hold_print:
        print("print page: updated when it is opened (it holds the whole edition)", flush=True)
    return checked, changed


class HeldPrint:
    """The preview's print page: a save makes it out of date without rendering it; a request for it
    (asked(), from the server's threads) has the generator's thread write it (write_if_wanted()),
    and the server then renders it and reloads the open page."""

    def __init__(self, docs: Path, build: Path) -> None:
        self.docs, self.build = docs, build
        self.edition: AnnotatedEdition | None = None
        self.stale = False
        self.wanted = threading.Event()
        name = PRINT_PAGE.removesuffix(".md")
        self.paths = {f"/{name}/", f"/{name}/index.html", f"/{name}"}

    def saved(self, edition: AnnotatedEdition) -> None:
        """The edition after a good save: the print page in docs/ may no longer show it."""
        self.edition, self.stale = edition, True

    def asked(self, path_info: str) -> None:
        """A request for path_info: when it is the print page and that is out of date, have it written."""
        if self.stale and path_info in self.paths:
            self.wanted.set()

    def write_if_wanted(self) -> bool:
        """Render and write the print page if it was requested while out of date (hold the docs/ lock);
        True if it was written."""
        if self.wanted.is_set():
            self.wanted.clear()
            return self.write()
        return False

    def write(self) -> bool:
        """Render the print page of the last good save and write it into docs/ if it changed; True if written."""
        if self.edition is None or not self.stale:
            return False
        started = time.perf_counter()
        from tools.site.publish import build_lock

        with build_lock(self.build):  # as regenerate(): never while `make site` reads docs/
            written = [name for name, content in render_print_page(self.edition).items() if write_page(self.docs, name, content)]
        self.stale = False
        print(f"print page: {'written for rendering' if written else 'up to date'} ({time.perf_counter() - started:.1f} s)", flush=True)
        return bool(written)


def noticing(app: Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]], held: HeldPrint) -> Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
    """The server's WSGI app, telling held about every request before answering it."""

    def served(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        held.asked(environ.get("PATH_INFO", ""))
        return app(environ, start_response)

    return served


class _NotDirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave navigation stale: a change of navigation
    changes the config, and that gets a full build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once for the whole preview (MkDocs makes a new Jinja environment
    for every build, and compiling Material's templates costs most of a small save's render). Jinja
    keys each template by its name and a checksum of its source, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class _NoOptions(Config):
    """A plugin's config with no options."""


class _UseCompiledTemplates(BasePlugin[_NoOptions]):
    """Gives every build's Jinja environment the preview's CompiledTemplates."""

    def __init__(self, cache: CompiledTemplates) -> None:
        super().__init__()
        self.cache = cache

    def on_env(self, env: jinja2.Environment, /, *, config: Any, files: Any) -> jinja2.Environment:
        env.bytecode_cache = self.cache
        return env


class PreviewSite:
    """Renders docs/ into the served folder: in full when the config changed, else only what changed."""

    def __init__(self, config: Path, site_dir: Path, url: str, lock: threading.Lock) -> None:
        self.config, self.site_dir, self.url, self.lock = config, site_dir, url, lock
        self.built_config: str | None = None
        self.templates = CompiledTemplates()

    def build(self) -> None:
        with self.lock:  # the generator thread does not write docs/ while MkDocs reads it
            started = time.perf_counter()
            text = self.config.read_text(encoding="utf-8")
            full = text != self.built_config
            config = load_config(str(self.config), site_dir=str(self.site_dir))
            config.site_url = self.url
            config.plugins["edition-preview-templates"] = _UseCompiledTemplates(self.templates)
            mkdocs_build(config, serve_url=self.url, dirty=not full)
            self.built_config = text
            print(f"preview: {'site' if full else 'changed pages'} rendered in {time.perf_counter() - started:.1f} s", flush=True)


class _NoTraceback(logging.Filter):
    """MkDocs' server logs a failed request with its traceback; the editor sees the message only."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info, record.exc_text = None, None
        return True


# A request path the preview refuses with 400: a control character (an encoded NUL makes open() fail),
# a backslash, or a '..' segment.
_BAD_PATH = re.compile(r"[\x00-\x1f\x7f\\]|(?:^|/)\.\.(?:/|$)")


def bad_request_path(path_info: str) -> bool:
    """True for a request path that is not UTF-8 or that _BAD_PATH refuses (WSGI gives it as latin-1)."""
    try:
        path = path_info.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return True
    return bool(_BAD_PATH.search(path))


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server that binds its port before anything is announced and answers a
    malformed request with 400 instead of a traceback and 500."""

    _bound = False

    def bind(self) -> None:
        self.server_bind()
        self.server_activate()
        self._bound = True

    def server_bind(self) -> None:
        if not self._bound:  # serve() binds again: once is enough
            super().server_bind()

    def server_activate(self) -> None:
        if not self._bound:
            super().server_activate()

    def rebuild(self) -> None:
        """Have the build loop render the changed pages now, as a change in a watched folder would."""
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def serve_request(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if bad_request_path(environ.get("PATH_INFO", "")):
            start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"400 Bad Request: the address holds a character or '..' that no page of the preview has\n"]
        return super().serve_request(environ, start_response)


def _watch_seeds(seeds: Path, regenerate_now: Callable[[], None], stop: threading.Event, between: Callable[[], None] = lambda: None) -> None:
    """Poll seeds/ until stop is set; regenerate after every change, and call between() at every poll.
    A failure is printed, never fatal."""
    seen = snapshot(seeds)
    while not stop.wait(POLL_SECONDS):
        now = snapshot(seeds)
        try:
            if now != seen:
                seen = now
                regenerate_now()
            between()
        except Exception as failed:
            print(f"preview not updated: {type(failed).__name__}: {failed}", file=sys.stderr, flush=True)


def _not_found_page(site_dir: Path) -> bytes | None:
    page = site_dir / "404.html"
    return page.read_bytes() if page.exists() else None


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(root: Path, seeds: Path, docs: Path, build: Path, port: int, site_url: str = "") -> int:
    """Generate, serve on 127.0.0.1:port, and regenerate and re-render on every save until interrupted.

    site_url (as site_url() returns it) goes into the pages' citations, as in a build."""
    seeds, docs, build = seeds.resolve(), docs.resolve(), build.resolve()
    warned: set[Problem] = set()
    memo: PageMemo = {}
    lock = threading.Lock()
    board = ProblemBoard()
    held = HeldPrint(docs, build)
    checked, _ = regenerate(seeds, docs, build, root, warned, site_url, memo, hold_print=True)
    board.show(checked.problems)
    if checked.edition is not None:
        held.saved(checked.edition)
        if not (docs / PRINT_PAGE).exists():  # the navigation names it: the first render needs it
            held.write()
    config = build / "mkdocs.serve.yml"
    if checked.edition is None and not config.exists():
        print("nothing to preview yet: fix the errors above, then run the preview again", file=sys.stderr)
        return 1
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.addFilter(_NotDirtyWarning())
    handler.addFilter(_NoTraceback())
    handler.setFormatter(logging.Formatter("MkDocs %(levelname)s: %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    site_dir = Path(tempfile.mkdtemp(prefix="edition-preview-"))
    url = f"http://{HOST}:{port}/"
    site = PreviewSite(config, site_dir, url, lock)
    server = PreviewServer(builder=site.build, host=HOST, port=port, root=str(site_dir), polling_interval=0.1)
    server.error_handler = lambda code: _not_found_page(site_dir) if code == 404 else None
    try:
        server.bind()
    except OSError as exc:
        server.server_close()
        shutil.rmtree(site_dir, ignore_errors=True)
        reason = f"port {port} is already in use (another preview?)" if exc.errno == errno.EADDRINUSE else f"port {port} cannot be used ({exc.strerror})"
        print(f"error: the preview cannot start: {reason}; stop the other program or choose another port with --port", file=sys.stderr)
        return 1
    served = server.get_app()
    assert served is not None  # MkDocs sets its app when the server is made
    server.set_app(noticing(with_banner(served, board), held))
    stop = threading.Event()

    def regenerate_now() -> None:
        with lock:
            checked, changed = regenerate(seeds, docs, build, root, warned, site_url, memo, hold_print=True)
            board.show(checked.problems)
            if checked.edition is not None:  # None whenever there is an error
                held.saved(checked.edition)
        if changed:
            server.rebuild()

    def write_print_if_wanted() -> None:
        if held.wanted.is_set():
            with lock:
                written = held.write_if_wanted()
            if written:
                server.rebuild()

    # `kill` (SIGTERM) must stop the server too, as Ctrl+C does: run the cleanup below.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        site.build()
        server.watch(str(config))
        threading.Thread(target=_watch_seeds, args=(seeds, regenerate_now, stop, write_print_if_wanted), daemon=True).start()
        print(f"preview: {url}  (watching {seeds}; Ctrl+C stops)", flush=True)
        server.serve()  # type: ignore[no-untyped-call]  # MkDocs leaves it unannotated
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0
