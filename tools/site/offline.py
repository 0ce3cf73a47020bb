"""The offline copy, derived from the hosted site instead of built a second time.

The hosted site uses directory URLs (texts/<slug>/index.html, linked as texts/<slug>/); a copy read
from disk needs each page as a file (texts/<slug>.html) and every link to name that file, as MkDocs
writes with use_directory_urls: false. Rendering the whole site twice doubled the build, so the copy
moves each page to its file name and rewrites the relative URLs in its tags (href, src, and the base
in Material's __config and storage scope), leaving text, external links and fragments as they are. The pages also say
that their links end in .html (data-edition-urls="files", read by the search) and lose the canonical
link to the hosted address; MkDocs' 404 page, which links from the site root, is left out.
"""
from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path

_TAG = re.compile(r"<[a-zA-Z][^>]*?\s(?:href|src)=\"[^>]*>")  # a tag with a URL attribute
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_SCOPE = re.compile(r'(__md_scope=new URL\(")([^"]*)(",location\))')
_CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*">\n?')
LEFT_OUT = frozenset({"404.html"})


def file_path(hosted: str) -> str:
    """Where a hosted page goes in the offline copy: texts/a/index.html -> texts/a.html."""
    if hosted == "index.html" or not hosted.endswith("/index.html"):
        return hosted
    return hosted.removesuffix("/index.html") + ".html"


def rewrite_url(url: str, hosted: str, offline: str) -> str:
    """A URL written in the hosted page `hosted`, as the offline page `offline` must write it."""
    if not url or url.startswith(("#", "/")) or _SCHEME.match(url):
        return url
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    path, rest = url[:cut], url[cut:]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(hosted), path))
    last = path.rstrip("/").rsplit("/", 1)[-1]
    if not path:  # this page ("?h=...")
        target = offline
    elif path.endswith("/") or last in (".", ".."):  # a page, linked by its directory
        target = "index.html" if target == "." else target + ".html"
    else:
        target = file_path(target)
    relative = posixpath.relpath(target, posixpath.dirname(offline) or ".")
    return relative + rest


def _rewrite_tag(tag: str, hosted: str, offline: str, seen: dict[str, str]) -> str:
    """tag with its URL attributes rewritten; seen keeps the page's URLs already rewritten (a text page
    links to the glossary hundreds of times)."""

    def rewritten(match: re.Match[str]) -> str:
        url = match.group(2)
        if url not in seen:
            seen[url] = rewrite_url(url, hosted, offline)
        return match.group(1) + seen[url] + match.group(3)

    return _URL_ATTRIBUTE.sub(rewritten, tag)


def _base(offline: str) -> str:
    """The site's root as seen from a page of the offline copy ("." or "..", ...)."""
    return posixpath.relpath(".", posixpath.dirname(offline) or ".")


def _rewrite_config(match: re.Match[str], hosted: str, offline: str) -> str:
    config = json.loads(match.group(2))
    config["base"] = _base(offline)
    if isinstance(config.get("search"), str):
        config["search"] = rewrite_url(config["search"], hosted, offline)
    return match.group(1) + json.dumps(config) + match.group(3)


def offline_page(html: str, hosted: str) -> str:
    """One hosted page as the offline copy holds it."""
    offline = file_path(hosted)
    seen: dict[str, str] = {}
    html = _TAG.sub(lambda m: _rewrite_tag(m.group(0), hosted, offline, seen), html)
    html = _CONFIG.sub(lambda m: _rewrite_config(m, hosted, offline), html, count=1)
    html = _SCOPE.sub(lambda m: m.group(1) + _base(offline) + m.group(3), html, count=1)
    html = _CANONICAL.sub("", html, count=1)
    return html.replace("<html ", '<html data-edition-urls="files" ', 1)


def derive_offline(site: Path, folder: Path) -> None:
    """The offline copy of the hosted site in site/, written into folder/."""
    for source in sorted(p for p in site.rglob("*") if p.is_file()):
        hosted = source.relative_to(site).as_posix()
        if hosted in LEFT_OUT:
            continue
        target = folder / file_path(hosted)
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".html":
            target.write_text(offline_page(source.read_text(encoding="utf-8"), hosted), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
