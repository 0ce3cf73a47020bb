"""`make pdf`: print the built site's print page to build/<edition-slug>.pdf with headless Chromium.

Run after `make site` (python -m tools.site.pdf). The hosted build in build/site is served on 127.0.0.1 for
the time it takes, and Chromium prints the page with its print stylesheet, A4, with page numbers.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.pages.printed import PAGE
from tools.problems import EditionError, has_errors
from tools.site import chromium
from tools.site.localhost import serve_folder
from tools.source.load import load_edition

ROOT = Path(__file__).resolve().parents[2]
FOOTER = (
    '<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


def print_pdf(site: Path, target: Path) -> Path:
    """Print the site's print page to target (A4, page numbers at the foot); returns target."""
    from playwright.sync_api import sync_playwright

    executable = chromium.ensure()
    target.parent.mkdir(parents=True, exist_ok=True)
    with serve_folder(site) as base, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=executable)
        try:
            page = browser.new_page()
            page.goto(base + PAGE.removesuffix(".md") + "/", wait_until="networkidle")
            page.emulate_media(media="print", color_scheme="light")
            page.pdf(
                path=str(target),
                format="A4",
                margin={"top": "18mm", "bottom": "20mm", "left": "18mm", "right": "18mm"},
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                print_background=True,
            )
        finally:
            browser.close()
    return target


def pdf_path(seeds: Path, build: Path) -> Path:
    """build/<edition-slug>.pdf, the slug as the generator reads it (the offline zip has the same name);
    an EditionError with every problem when seeds/ has errors."""
    edition, problems = load_edition(seeds)
    if has_errors(problems):
        raise EditionError("seeds/ has errors: fix them, then run `make site` and `make pdf` again", problems)
    return build / f"{edition.settings.slug}.pdf"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.site.pdf", description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--build", type=Path, default=ROOT / "build")
    args = parser.parse_args(argv)
    try:
        target = pdf_path(args.seeds, args.build)
    except EditionError as failed:
        for problem in failed.problems:
            print(problem.format(), file=sys.stderr)
        print(f"error: {failed}", file=sys.stderr)
        return 1
    site = args.build / "site"
    if not (site / PAGE.removesuffix(".md") / "index.html").is_file():
        print(f"no built print page in {site}: run `make site` first", file=sys.stderr)
        return 1
    target = print_pdf(site, target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
