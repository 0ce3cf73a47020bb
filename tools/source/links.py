"""Links an editor wrote, as a browser would read them: shared by the validator, which reports unsafe
links, and the page writers, which drop them."""
from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def link_scheme(url: str) -> str:
    """The scheme a browser would see, after entities and control characters are removed."""
    cleaned = _CONTROL.sub("", html.unescape(html.unescape(url)))
    try:
        return urlsplit(cleaned).scheme.lower()
    except ValueError:
        return "invalid"


def link_problem(url: str) -> str | None:
    """Why a browser could take url to another host or run it, or None when it is a '#anchor' or an
    absolute http, https or mailto address.

    Browsers read a backslash as a slash, '//host/x' as another host, and 'https:host' as
    'https://host'; relative paths are refused too: editors' Markdown is shown on several pages
    (a note on its text's page and on the print page), so no path is right on all of them."""
    cleaned = _CONTROL.sub("", html.unescape(html.unescape(url))).replace("\\", "/")
    scheme = link_scheme(url)
    if scheme == "invalid":
        return "which is not a valid address"
    if scheme in ("http", "https"):
        rest = cleaned.split(":", 1)[1]
        if not rest.startswith("//") or not urlsplit(cleaned).netloc:
            return f"with no '//' and host after '{scheme}:'; write the full address, {scheme}://host/path"
        return None
    if scheme == "mailto":
        return None
    if scheme:
        return f"with the scheme '{scheme}:'; only http, https and mailto addresses and '#anchors' are allowed"
    if cleaned.startswith("//"):
        return "starting with '//' (or a backslash), which leads to another site; write the full https:// address"
    if cleaned.startswith("#") or not cleaned:
        return None
    return "which is relative: no relative path works on every page that shows this text; link to a '#anchor' of the same page or to a full https:// address"


def is_safe_url(url: str) -> bool:
    """True for #anchors and absolute http, https and mailto addresses."""
    return link_problem(url) is None
