"""Make sure a Chromium exists for the browser tests, and say which one (`python -m tools.site.chromium`).

Order: one already on PATH; as root on Debian, the `chromium` package; otherwise Playwright's own
download. If none works, stop with a message: browser tests are never silently skipped.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """A Chromium executable: $CHROMIUM if set, else the first on PATH."""
    chosen = os.environ.get("CHROMIUM")
    if chosen and Path(chosen).exists():
        return chosen
    return next((path for name in NAMES if (path := shutil.which(name))), None)


def _playwright_chromium() -> str | None:
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            path = p.chromium.executable_path
        return path if Path(path).exists() else None
    except Exception:
        return None


def ensure() -> str:
    """Find or install a Chromium; raise SystemExit with a message if that is impossible."""
    found = find_chromium() or _playwright_chromium()
    if found:
        return found
    if os.geteuid() == 0 and Path("/etc/debian_version").exists():
        print("installing Debian's chromium package for the browser tests", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=env)
        if found := find_chromium():
            return found
    print("trying Playwright's own Chromium download", flush=True)
    subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False)
    if found := _playwright_chromium():
        return found
    raise SystemExit(
        "no Chromium found for the browser tests: install Debian's 'chromium' package (apt-get install chromium), "
        "or run 'python -m playwright install chromium', or set CHROMIUM=/path/to/chrome"
    )


if __name__ == "__main__":
    print(f"chromium: {ensure()}")
