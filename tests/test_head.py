"""The head hook and its front-matter fields: meta tags and JSON-LD reach the page escaped, whatever
the metadata holds, and pages without them are left alone."""
from __future__ import annotations

import json
from types import SimpleNamespace

import yaml
from conftest import parse_html

from tools.pages.head import head_fields
from tools.site.head import head_elements, on_post_page

PAGE = "<html><head><title>t</title></head><body><p>x</p></body></html>"
HOSTILE = 'A "quoted" <b>title</b> & </script><script>alert(1)</script>'


def front_matter(meta: list[tuple[str, str]], data: dict[str, object] | None) -> dict[str, object]:
    """The fields as MkDocs reads them from the page's front matter."""
    return yaml.safe_load(head_fields(meta, data))


def test_fields_survive_yaml_and_become_escaped_elements() -> None:
    meta = front_matter([("citation_title", HOSTILE)], {"@context": {"@vocab": "https://schema.org/"}, "name": HOSTILE})
    html = on_post_page(PAGE, page=SimpleNamespace(meta=meta))
    root = parse_html(html)
    [head] = root.find_all("head")
    [tag] = [m for m in head.find_all("meta") if m.attrs.get("name") == "citation_title"]
    assert tag.attrs["content"] == HOSTILE
    [script] = head.find_all("script")
    assert json.loads(script.text())["name"] == HOSTILE
    assert html.count("</script>") == 1, "the JSON cannot end its script element early"
    assert not root.find_all("b"), "no markup from the metadata reaches the page"


def test_pages_without_fields_are_unchanged() -> None:
    assert head_fields([], None) == ""
    assert on_post_page(PAGE, page=SimpleNamespace(meta={"title": "x"})) == PAGE
    assert head_elements({}) == ""
