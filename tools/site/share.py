"""MkDocs hook (named in the generated configs of a build in two processes): render this process's share.

A build may run two MkDocs processes at once on the same docs/, each rendering about half of the pages
(tools/site/render.py). extra.edition_share in each generated config names pages (paths under docs/)
and says whether this process renders "only" those or every page "except" those. A page outside the
share keeps its place in the navigation, so every rendered page is the same as in a single build, but
it is neither rendered nor written: its Markdown becomes empty, its template one that renders nothing
(MkDocs writes no file for an empty page, and says so at INFO level), and its anchors unknown, so
that MkDocs leaves links into it unchecked. Those links are checked once both processes are done:
each writes, into the file extra.edition_share["anchors"] names, the anchors its pages link to in
pages it did not render and the anchors its pages hold (check_anchors in tools/site/render.py).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2

SKIPPED_TEMPLATE = "edition-page-of-the-other-process.html"


def renders(page: str, share: dict[str, Any] | None) -> bool:
    """Whether the process with this share renders the page (its path under docs/)."""
    if not share:
        return True
    listed = page in share["pages"]
    return listed if share["mode"] == "only" else not listed


def _share(config: Any) -> dict[str, Any] | None:
    """This process's share, its pages made a set the first time (asked for every page and every link)."""
    share: dict[str, Any] | None = config["extra"].get("edition_share")
    if share and not isinstance(share["pages"], frozenset):
        share["pages"] = frozenset(share["pages"])
    return share


def on_page_markdown(markdown: str, page: Any, config: Any, **kwargs: Any) -> str:
    if renders(page.file.src_uri, _share(config)):
        return markdown
    page.meta["template"] = SKIPPED_TEMPLATE
    return ""


def on_page_content(html: str, page: Any, config: Any, **kwargs: Any) -> str:
    if not renders(page.file.src_uri, _share(config)):
        page.present_anchor_ids = None  # MkDocs: "not rendered", links into it are not checked here
    return html


# The documentation files of the build running in this process, kept by on_env for on_post_build.
_built: list[Any] = []


def on_env(env: jinja2.Environment, config: Any, files: Any, **kwargs: Any) -> jinja2.Environment:
    if _share(config) and env.loader is not None:
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({SKIPPED_TEMPLATE: ""}), env.loader])
        _built[:] = [file.page for file in files.documentation_pages() if file.page is not None]
    return env


def on_post_build(config: Any, **kwargs: Any) -> None:
    share = _share(config)
    if not share:
        return
    pages = [page for page in _built if renders(page.file.src_uri, share)]
    links = [
        [page.file.src_uri, target.src_uri, anchor, original]
        for page in pages
        for target, anchors in (page.links_to_anchors or {}).items()
        if not renders(target.src_uri, share)
        for anchor, original in anchors.items()
    ]
    present = {page.file.src_uri: sorted(page.present_anchor_ids or ()) for page in pages}
    Path(share["anchors"]).write_text(json.dumps({"links": links, "present": present}), encoding="utf-8")
