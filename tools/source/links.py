"""The scheme of a link an editor wrote, as a browser would read it: shared by the validator, which
reports unsafe links, and the page writers, which drop them."""
from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"http", "https", "mailto", ""})
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def link_scheme(url: str) -> str:
    """The scheme a browser would see, after entities and control characters are removed."""
    cleaned = _CONTROL.sub("", html.unescape(html.unescape(url)))
    try:
        return urlsplit(cleaned).scheme.lower()
    except ValueError:
        return "invalid"


def is_safe_url(url: str) -> bool:
    """True for http, https, mailto and relative links."""
    return link_scheme(url) in SAFE_SCHEMES
