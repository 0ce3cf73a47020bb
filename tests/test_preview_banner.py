"""The problem banner in a real browser: a broken save under `make serve` shows in the open page with
its place and the editor's line; the next good save removes it and shows the edit."""
from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from tests.conftest import ROOT
from tests.test_serve import fetch, free_port, wait_for

pytestmark = pytest.mark.browser
SCREENSHOTS = ROOT / "build" / "screenshots"
WAIT_MS = 20_000
ADDED = "A sentence added in the preview test."


@dataclass
class RunningPreview:
    seeds: Path
    base: str
    process: subprocess.Popen[bytes]
    log: Path

    def save_glossary(self, text: str) -> None:
        (self.seeds / "glossary.yml").write_text(text, encoding="utf-8")


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[RunningPreview]:
    """`python -m tools serve` on a free port, over a copy of the real seeds/."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    port = free_port()
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "tools", "--seeds", str(seeds), "--docs", str(tmp_path / "docs"), "--build", str(tmp_path / "build"), "serve", "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT)
    running = RunningPreview(seeds, f"http://127.0.0.1:{port}/", process, log)
    try:
        wait_for(lambda: "<h1" in fetch(running.base + "glossary/"), "the preview serves the glossary")
        yield running
    finally:
        process.terminate()
        process.wait(timeout=15)


def broken(original: str) -> tuple[str, int, int]:
    """The glossary with its first `kind: treaty` misspelt, and the line and column of the mistake."""
    at = original.index("kind: treaty")
    line = original.count("\n", 0, at) + 1
    col = at - original.rfind("\n", 0, at) - 1 + len("kind: ") + 1
    return original.replace("kind: treaty", "kind: treatie", 1), line, col


def test_broken_save_shows_banner_and_good_save_removes_it(preview: RunningPreview, browser: Browser) -> None:
    original = (preview.seeds / "glossary.yml").read_text(encoding="utf-8")
    text, line, col = broken(original)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    errors: list[str] = []
    context.on("weberror", lambda failure: errors.append(str(failure.error)))
    tab = context.new_page()
    tab.goto(preview.base + "glossary/")
    expect(tab.locator("#preview-problems")).to_have_count(0)

    preview.save_glossary(text)
    banner = tab.locator("#preview-problems")
    expect(banner).to_be_visible(timeout=WAIT_MS)
    expect(banner).to_have_attribute("role", "alert")
    expect(banner.locator(".preview-problems__title")).to_have_text("Not updated: 1 error in seeds/")
    where = banner.locator(".preview-problems__where")
    expect(where).to_contain_text(f"glossary.yml, line {line}, column {col}")
    expect(banner.locator(".preview-problems__message")).to_contain_text("the kind 'treatie' of 'ABM Treaty' is not one of the edition's term_kinds (did you mean 'treaty'?)")
    expect(banner.locator(".preview-problems__line code")).to_have_text("  kind: treatie")
    expect(banner.locator("mark")).to_have_text("t")
    mark_box, code_box = banner.locator("mark").bounding_box(), banner.locator(".preview-problems__line code").bounding_box()
    assert mark_box and code_box and mark_box["x"] > code_box["x"], "the marked character is not where the column says"
    # The last good page is still there under the banner.
    expect(tab.locator("h1")).to_contain_text("Glossary")

    # Keyboard: the banner's button is the first stop, and Escape hides the banner.
    tab.locator("body").press("Home")
    tab.evaluate("document.activeElement && document.activeElement.blur()")
    tab.keyboard.press("Tab")
    expect(banner.get_by_role("button", name="Hide the problems until the next save")).to_be_focused()
    results = Axe().run(tab, options={"resultTypes": ["violations"], "preload": False})
    assert results.violations_count == 0, results.generate_report()
    tab.keyboard.press("Escape")
    expect(banner).to_have_count(0)
    expect(tab.locator("main")).to_be_focused()

    # Every page of the preview shows it; a new broken save shows it again after hiding.
    home = context.new_page()
    home.goto(preview.base)
    expect(home.locator("#preview-problems")).to_be_visible(timeout=WAIT_MS)
    preview.save_glossary(text.replace("kind: treatie", "kind: treatiee", 1))
    expect(banner).to_be_visible(timeout=WAIT_MS)
    expect(banner.locator("mark")).to_have_text("t")

    # Screenshots of the banner, light and dark, phone to wide desktop.
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        for width in (390, 1280, 1440):
            shot = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
            page = shot.new_page()
            page.goto(preview.base + "glossary/")
            expect(page.locator("#preview-problems")).to_be_visible(timeout=WAIT_MS)
            page.screenshot(path=str(SCREENSHOTS / f"preview-banner-{width}-{scheme}.png"), animations="disabled")
            shot.close()

    # A good save with an edit: the banner goes and the page shows the edit.
    fixed = original.replace("definition: |\n", f"definition: |\n    {ADDED}\n\n", 1)
    assert fixed != original
    preview.save_glossary(fixed)
    expect(tab.get_by_text(ADDED)).to_be_visible(timeout=WAIT_MS)
    expect(tab.locator("#preview-problems")).to_have_count(0)
    expect(home.locator("#preview-problems")).to_have_count(0, timeout=WAIT_MS)
    assert errors == []
    context.close()


def test_warnings_alone_show_quietly(preview: RunningPreview, browser: Browser) -> None:
    """A save with only a warning updates the page and shows the warning as a status, collapsed."""
    original = (preview.seeds / "glossary.yml").read_text(encoding="utf-8")
    source = yaml.safe_load((preview.seeds / "sources.yml").read_text(encoding="utf-8"))[0]["id"]  # any source the edition has
    unused = f"\n- term: Zyxwv\n  kind: concept\n  short: A test entry no text uses.\n  definition: Used by no text.\n  references:\n    - source: {source}\n"
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(preview.base + "glossary/")
    preview.save_glossary(original + unused)
    banner = tab.locator("#preview-problems")
    expect(banner).to_be_visible(timeout=WAIT_MS)
    expect(banner).to_have_attribute("role", "status")
    expect(banner.locator(".preview-problems__title")).to_have_text("1 warning in seeds/")
    details = banner.locator("details")
    expect(details.locator(".preview-problems__item")).to_be_hidden()
    details.locator("summary").click()
    expect(details.locator(".preview-problems__message")).to_contain_text("unused-term")
    expect(tab.get_by_text("A test entry no text uses.").first).to_be_attached(timeout=WAIT_MS)
    context.close()

