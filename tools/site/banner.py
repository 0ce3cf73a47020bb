"""The preview's problem banner: what `make check` would say, shown in the open browser page.

Only the preview server has it. It wraps MkDocs' live-reload server: it answers
/.preview/problems.json (the problems of the last save, each with the editor's own line), serves the
banner's script and style, and adds them to every HTML page it serves. Nothing of it is written to
docs/ or to a site folder, so a built site never has it. The script (banner.js) asks for the
problems every second and shows them over the last good page until a save has none.
"""
from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tools.problems import Problem

PREFIX = "/.preview/"
PROBLEMS = PREFIX + "problems.json"
ASSETS = {PREFIX + "banner.js": "text/javascript", PREFIX + "banner.css": "text/css"}
HERE = Path(__file__).resolve().parent
TAGS = f'<link rel="stylesheet" href="{PREFIX}banner.css"><script src="{PREFIX}banner.js" defer></script>'.encode()
# How much of a long line the banner shows around the position (a definition is often one long line).
WINDOW = 100

StartResponse = Callable[..., Any]
App = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def excerpt(problem: Problem) -> dict[str, Any] | None:
    """The editor's line at the problem's position, cut to WINDOW characters around the column:
    {"text", "mark" (0-based index of the marked character), "clipped_start", "clipped_end"}; None
    when the file or the line cannot be read."""
    try:
        lines = Path(problem.position.path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if not 1 <= problem.position.line <= len(lines):
        return None
    line = lines[problem.position.line - 1].replace("\t", " ")
    mark = min(max(problem.position.col - 1, 0), len(line))
    start = max(0, min(mark - WINDOW // 2, len(line) - WINDOW))
    end = start + WINDOW
    return {"text": line[start:end], "mark": mark - start, "clipped_start": start > 0, "clipped_end": end < len(line)}


def described(problem: Problem) -> dict[str, Any]:
    """One problem as the banner shows it."""
    where = problem.position
    return {
        "severity": problem.severity,
        "file": where.path,
        "line": where.line,
        "col": where.col,
        "code": problem.code,
        "message": problem.message,
        "excerpt": excerpt(problem),
    }


class ProblemBoard:
    """The problems of the latest save, shared by the generator thread and the server's threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version = 0
        self._problems: list[dict[str, Any]] = []

    def show(self, problems: list[Problem]) -> None:
        """Replace what the banner shows (an empty list removes it)."""
        shown = [described(p) for p in problems]
        with self._lock:
            self._version += 1
            self._problems = shown

    def document(self) -> bytes:
        with self._lock:
            return json.dumps({"version": self._version, "problems": self._problems}, ensure_ascii=False).encode("utf-8")


def inject(html: bytes) -> bytes:
    """The page with the banner's style and script added before </body> (at the end without one)."""
    end = html.rfind(b"</body>")
    end = len(html) if end < 0 else end
    return html[:end] + TAGS + html[end:]


def with_banner(app: App, board: ProblemBoard) -> App:
    """The server's WSGI app with the banner's three addresses answered and its tags in every HTML page."""

    def serve(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == PROBLEMS:
            return _answer(start_response, board.document(), "application/json")
        if path in ASSETS:
            return _answer(start_response, (HERE / path.removeprefix(PREFIX)).read_bytes(), ASSETS[path])
        got: dict[str, Any] = {}

        def keep(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
            got["status"], got["headers"] = status, headers
            return lambda data: None

        body = app(environ, keep)
        headers = got["headers"]
        kind = next((value for name, value in headers if name.lower() == "content-type"), "")
        if not kind.startswith("text/html"):
            start_response(got["status"], headers)
            return body
        try:
            html = inject(b"".join(body))
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        headers = [(name, value) for name, value in headers if name.lower() != "content-length"]
        start_response(got["status"], headers + [("Content-Length", str(len(html)))])
        return [html]

    return serve


def _answer(start_response: StartResponse, data: bytes, kind: str) -> list[bytes]:
    start_response(
        "200 OK",
        [("Content-Type", f"{kind}; charset=utf-8"), ("Content-Length", str(len(data))), ("Cache-Control", "no-store")],
    )
    return [data]
