"""The live preview: `python -m tools serve` regenerates on save and keeps the last good pages on error."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import GLOSSARY, ROOT, write_seeds
from tools.site.preview import snapshot

WAIT_SECONDS = 20.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    """The page's HTML, or '' while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(condition: Callable[[], bool], what: str) -> float:
    """Poll until condition() holds; return the seconds it took, or fail naming what never happened."""
    started = time.monotonic()
    while time.monotonic() - started < WAIT_SECONDS:
        if condition():
            return time.monotonic() - started
        time.sleep(0.1)
    pytest.fail(f"within {WAIT_SECONDS:.0f} s: {what}")


class Preview:
    """A running preview of an edition in a temporary folder, with its output collected."""

    def __init__(self, root: Path) -> None:
        self.seeds = write_seeds(root)
        self.docs = root / "docs"
        self.port = free_port()
        self.log = root / "serve.log"
        command = [sys.executable, "-m", "tools", "--seeds", str(self.seeds), "--docs", str(self.docs), "--build", str(root / "build"), "serve", "--port", str(self.port)]
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=self.log.open("w"), stderr=subprocess.STDOUT)

    def page(self, path: str) -> str:
        return fetch(f"http://127.0.0.1:{self.port}/{path}")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=15)


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    running = Preview(tmp_path)
    try:
        wait_for(lambda: "A missile that intercepts" in running.page("glossary/"), "the preview serves the glossary")
        yield running
    finally:
        running.stop()


def test_snapshot_sees_edits_and_new_files(tmp_path: Path) -> None:
    """A changed size or a new file changes the snapshot; hidden editor files do not."""
    seeds = write_seeds(tmp_path)
    before = snapshot(seeds)
    (seeds / ".glossary.yml.swp").write_text("x", encoding="utf-8")
    assert snapshot(seeds) == before
    (seeds / "texts" / "two.txt").write_text("New.\n", encoding="utf-8")
    assert "texts/two.txt" in snapshot(seeds)


def test_saved_definition_shows_in_served_page(preview: Preview) -> None:
    (preview.seeds / "glossary.yml").write_text(GLOSSARY.replace("A missile that intercepts", "An interceptor that destroys"), encoding="utf-8")
    seconds = wait_for(lambda: "An interceptor that destroys" in preview.page("glossary/"), "the edited definition is served")
    print(f"edit visible after {seconds:.2f} s")


def test_error_is_printed_and_last_good_pages_stay(preview: Preview) -> None:
    (preview.seeds / "glossary.yml").write_text(GLOSSARY.replace("kind: treaty", "kind: treatie"), encoding="utf-8")
    wait_for(lambda: "glossary.yml:11:9: error:" in preview.output(), "the error is printed with its place")
    assert "preview not updated" in preview.output()
    assert preview.process.poll() is None, "the preview stopped on an editor's error"
    assert "A missile that intercepts" in preview.page("glossary/")


def test_new_text_file_appears_in_navigation(preview: Preview) -> None:
    (preview.seeds / "texts" / "second.txt").write_text("A Second Text\n\nIt names the ABM Treaty.\n", encoding="utf-8")
    wait_for(lambda: "A Second Text" in preview.page(""), "the new text is in the served navigation")
    assert "It names the" in preview.page("texts/second/")


def test_stopping_the_preview_stops_the_server(tmp_path: Path) -> None:
    """SIGTERM to the preview (what an IDE or CI sends) also ends the MkDocs server it started."""
    running = Preview(tmp_path)
    wait_for(lambda: "A missile that intercepts" in running.page("glossary/"), "the preview serves the glossary")
    running.stop()
    wait_for(lambda: running.page("glossary/") == "", "the MkDocs server stops with the preview")


def test_unchanged_pages_are_not_rewritten(preview: Preview) -> None:
    """No rebuild loop: after a save of identical content, no page in docs/ is written again."""
    pages = sorted(preview.docs.rglob("*.md"))
    times = {page: page.stat().st_mtime_ns for page in pages}
    glossary = preview.seeds / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8"), encoding="utf-8")
    wait_for(lambda: "docs: 0 page(s) updated" in preview.output(), "the save is noticed")
    assert {page: page.stat().st_mtime_ns for page in pages} == times


def test_edit_renders_only_changed_pages_and_updates_search(preview: Preview) -> None:
    """After a save only the changed pages are rendered again, and the served search index (generated
    with the pages) holds the new wording: in the glossary's documents and under the new words."""
    (preview.seeds / "glossary.yml").write_text(GLOSSARY.replace("A missile that intercepts", "An interceptor that destroys"), encoding="utf-8")
    wait_for(lambda: "An interceptor that destroys" in preview.page("glossary/"), "the edited definition is served")
    wait_for(lambda: "changed pages rendered" in preview.output(), "a partial render is reported")
    index = json.loads(preview.page("search/index.js").removeprefix("editionSearch.index(").removesuffix(");\n"))
    glossary = len(index["pages"]) - 1
    wait_for(lambda: "An interceptor that destroys" in preview.page(f"search/c-{glossary}-0.js"), "the search documents hold the new wording")
    assert '"destroys":' in preview.page("search/s-de.js")
    assert '"intercepts":' not in preview.page("search/s-in.js")


def raw_request(port: int, request: bytes) -> bytes:
    """Send request bytes as they are (no client library cleaning them) and return the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


@pytest.mark.parametrize(
    "path",
    ["/%00", "/glossary/%00.html", "/%2e%2e/%2e%2e/etc/passwd", "/texts/..%2f..%2fserve.log", "/a%5cb", "/%ff%fe", "/%0d%0aSet-Cookie:x=1"],
)
def test_malformed_requests_are_answered_400_without_a_traceback(preview: Preview, path: str) -> None:
    """Issue 13: an encoded NUL gave a traceback in the preview's output and a 500."""
    answer = raw_request(preview.port, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode("latin-1"))
    assert answer.startswith(b"HTTP/1.0 400 Bad Request\r\n"), answer[:200]
    assert b"root:" not in answer
    assert "A missile that intercepts" in preview.page("glossary/")  # still serving
    assert "Traceback" not in preview.output()


def test_a_garbled_request_line_gets_400_without_a_traceback(preview: Preview) -> None:
    answer = raw_request(preview.port, b"\x00\xff GARBAGE\r\n\r\n")
    assert b"Error code: 400" in answer, answer[:300]  # an HTTP/0.9-style answer: no status line to a request without a version
    assert "Traceback" not in preview.output()


@pytest.mark.parametrize("port", ["99999", "0", "-1", "eighty", "８０００"])
def test_a_bad_port_is_a_usage_message_not_a_traceback(port: str) -> None:
    result = subprocess.run([sys.executable, "-m", "tools", "serve", "--port", port], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert f"argument --port: {port!r} is not a port: give a whole number from 1 to 65535, e.g. --port 8001" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_port_in_use_is_one_message_and_never_announced(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        seeds = write_seeds(tmp_path)
        command = [sys.executable, "-m", "tools", "--seeds", str(seeds), "--docs", str(tmp_path / "docs"), "--build", str(tmp_path / "build"), "serve", "--port", str(port)]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert f"error: the preview cannot start: port {port} is already in use (another preview?); stop the other program or choose another port with --port" in result.stderr
    assert "preview: http" not in result.stdout
    assert "Traceback" not in result.stderr + result.stdout


def test_the_print_page_is_held_until_it_is_requested(preview: Preview) -> None:
    """Issue 16: a save does not render the print page (the whole edition); opening it does, and the
    open page then shows the save."""
    print_page = preview.docs / "print.md"
    assert "A missile that intercepts" in print_page.read_text(encoding="utf-8"), "the first run writes the print page"
    (preview.seeds / "glossary.yml").write_text(GLOSSARY.replace("A missile that intercepts", "An interceptor that destroys"), encoding="utf-8")
    wait_for(lambda: "An interceptor that destroys" in preview.page("glossary/"), "the edited definition is served")
    assert "print page: updated when it is opened" in preview.output()
    assert "A missile that intercepts" in print_page.read_text(encoding="utf-8"), "the save left the print page alone"
    assert "An interceptor that destroys" not in preview.page("print/")
    wait_for(lambda: "An interceptor that destroys" in preview.page("print/"), "the opened print page shows the save")
    assert "An interceptor that destroys" in print_page.read_text(encoding="utf-8")
    assert "print page: written for rendering" in preview.output()
