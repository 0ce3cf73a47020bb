"""Stage 4: render every page and write the Markdown into docs/, touching only files that changed."""
from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path

from tools.annotate.edition import AnnotatedEdition
from tools.pages.bibliography import write_bibliography_page
from tools.pages.compare import write_compare_pages
from tools.pages.glossary import write_glossary_page
from tools.pages.glossdata import write_glossary_data
from tools.pages.index import write_index_page
from tools.pages.markup import shared_renderer
from tools.pages.occurrences import write_occurrence_pages
from tools.pages.printed import write_print_page
from tools.pages.reuse import GENERATED as DOWNLOADS
from tools.pages.reuse import write_downloads
from tools.pages.search import write_search_index
from tools.pages.termmap import write_term_map_page
from tools.pages.text import PageMemo, write_text_page
from tools.pages.timeline import write_timeline_page
from tools.strings import Words

GENERATED = ("*.md", "texts/*.md", "compare/*.md", "occurrences/*.md", "assets/*.js", "assets/*.css", "search/*.js", *DOWNLOADS)
ASSETS = Path(__file__).resolve().parents[1] / "assets"


def render_pages(edition: AnnotatedEdition, site_url: str = "", memo: PageMemo | None = None, hold_print: bool = False) -> dict[str, str]:
    """Every generated file: its path under docs/ and its content (pages, the search index, and the edition's CSS and JS).

    site_url is the hosted site's address ("" when unknown); memo, the live preview's text pages;
    hold_print leaves out the print page (the live preview renders it when it is opened: render_print_page)."""
    with shared_renderer():
        pages = dict(
            [
                write_index_page(edition, site_url),
                write_glossary_page(edition, site_url),
                write_timeline_page(edition),
                write_term_map_page(edition),
                write_bibliography_page(edition),
                write_glossary_data(edition),
            ]
        )
        if not hold_print:
            pages.update([write_print_page(edition)])
        pages.update(write_text_page(text, edition, site_url, memo) for text in edition.texts)
        pages.update(write_search_index(edition))
        pages.update(write_compare_pages(edition))
        pages.update(write_occurrence_pages(edition))
        pages.update(write_downloads(edition, site_url))
    pages.update((f"assets/{asset.name}", asset.read_text(encoding="utf-8")) for asset in sorted(ASSETS.iterdir()))
    pages["assets/edition.js"] = script_strings(edition.edition.settings.words) + pages["assets/edition.js"]
    return pages


def script_strings(words: Words) -> str:
    """The script's interface strings as its first line: window.EDITION_STRINGS, read by say() in edition.js."""
    table = json.dumps(words.script(), ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return f"window.EDITION_STRINGS = {table};\n"


def render_print_page(edition: AnnotatedEdition) -> dict[str, str]:
    """The print page alone, as render_pages would give it."""
    with shared_renderer():
        return dict([write_print_page(edition)])


def write_pages(pages: dict[str, str], docs: Path, held: Collection[str] = ()) -> list[str]:
    """Write pages whose content changed, remove generated pages no longer produced; return what changed.

    held: generated pages not rendered this time, left as they are (the print page in the live preview)."""
    changed = [relative for relative, content in sorted(pages.items()) if write_page(docs, relative, content)]
    for pattern in GENERATED:
        for stale in sorted(docs.glob(pattern)):
            relative = stale.relative_to(docs).as_posix()
            if relative not in pages and relative not in held:
                stale.unlink()
                changed.append(relative)
    return changed


def write_page(docs: Path, relative: str, content: str) -> bool:
    """Write one file under docs/ if its content changed (atomically: MkDocs never reads half a page); True if written."""
    target = docs / relative
    data = content.encode("utf-8")
    if target.exists() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(target)
    return True
