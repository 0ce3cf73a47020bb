"""The preview's problem banner, server side: the editor's line around the position, the problems
document, and the pages the preview serves (the built site never has any of it: test_build.py)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tools.problems import Position, error, warning
from tools.site.banner import PROBLEMS, TAGS, WINDOW, ProblemBoard, excerpt, inject, with_banner


def test_excerpt_marks_the_column(here: Path) -> None:
    (here / "glossary.yml").write_text("- term: ABM\n  kind: treatie\n", encoding="utf-8")
    assert excerpt(error(Position("glossary.yml", 2, 9), "choice", "m")) == {
        "text": "  kind: treatie",
        "mark": 8,
        "clipped_start": False,
        "clipped_end": False,
    }


def test_excerpt_of_a_long_line_is_cut_around_the_position(here: Path) -> None:
    line = "  definition: " + "word " * 100 + "<b>bold</b> " + "more " * 100
    (here / "glossary.yml").write_text(line + "\n", encoding="utf-8")
    col = line.index("<b>") + 1
    cut = excerpt(error(Position("glossary.yml", 1, col), "raw-html", "m"))
    assert cut is not None
    assert len(cut["text"]) == WINDOW and cut["clipped_start"] and cut["clipped_end"]
    assert cut["text"][cut["mark"] :].startswith("<b>bold</b>")


def test_excerpt_keeps_tabs_one_column_wide(here: Path) -> None:
    (here / "notes.yml").write_text("-\ttext: one\n", encoding="utf-8")
    cut = excerpt(error(Position("notes.yml", 1, 2), "tab", "m"))
    assert cut is not None and cut["text"] == "- text: one" and cut["mark"] == 1


def test_excerpt_at_end_of_line_and_of_missing_places(here: Path) -> None:
    (here / "edition.yml").write_text("title:\n", encoding="utf-8")
    assert excerpt(error(Position("edition.yml", 1, 7), "empty", "m")) == {"text": "title:", "mark": 6, "clipped_start": False, "clipped_end": False}
    assert excerpt(error(Position("edition.yml", 9, 1), "x", "m")) is None
    assert excerpt(error(Position("gone.yml", 1, 1), "missing-file", "m")) is None


def test_board_document_counts_saves(here: Path) -> None:
    board = ProblemBoard()
    assert json.loads(board.document()) == {"version": 0, "problems": []}
    board.show([warning(Position("nowhere.yml", 3, 1), "unused-term", "“MAD” <b> occurs in no text")])
    assert json.loads(board.document()) == {
        "version": 1,
        "problems": [
            {"severity": "warning", "file": "nowhere.yml", "line": 3, "col": 1, "code": "unused-term", "message": "“MAD” <b> occurs in no text", "excerpt": None}
        ],
    }
    board.show([])
    assert json.loads(board.document()) == {"version": 2, "problems": []}


def test_inject_goes_before_the_last_body_end() -> None:
    assert inject(b"<html><body><p>x</p></body></html>") == b"<html><body><p>x</p>" + TAGS + b"</body></html>"
    assert inject(b"no body") == b"no body" + TAGS


class Closing(list[bytes]):
    closed = False

    def close(self) -> None:
        self.closed = True


def call(app: Any, path: str) -> tuple[str, dict[str, str], bytes]:
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(app({"PATH_INFO": path}, start_response))
    return seen["status"], seen["headers"], body


def test_wrapper_injects_into_html_only_and_serves_its_addresses() -> None:
    bodies: dict[str, Closing] = {}

    def inner(environ: dict[str, Any], start_response: Any) -> Closing:
        path = environ["PATH_INFO"]
        kind = "text/html" if path.endswith("/") else "text/css"
        start_response("200 OK", [("Content-Type", kind), ("Content-Length", "26")])
        bodies[path] = Closing([b"<html><body></body></html>"])
        return bodies[path]

    board = ProblemBoard()
    app = with_banner(inner, board)
    status, headers, body = call(app, "/glossary/")
    assert body == b"<html><body>" + TAGS + b"</body></html>"
    assert headers["Content-Length"] == str(len(body)) and bodies["/glossary/"].closed
    status, headers, body = call(app, "/assets/x.css")
    assert body == b"<html><body></body></html>" and headers["Content-Length"] == "26"
    status, headers, body = call(app, PROBLEMS)
    assert status == "200 OK" and headers["Cache-Control"] == "no-store" and json.loads(body) == {"version": 0, "problems": []}
    for asset in ("/.preview/banner.js", "/.preview/banner.css"):
        status, headers, body = call(app, asset)
        assert status == "200 OK" and b"preview-problems" in body
    assert "/.preview/banner.js" not in bodies and PROBLEMS not in bodies
