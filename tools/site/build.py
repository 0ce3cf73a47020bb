"""Stage 5: render the generated docs/ with MkDocs (the hosted site; the offline copy derived from it) and publish atomically.

MkDocs empties its site_dir first and aborts a strict build only after writing, so every build goes
to a staging folder and replaces build/site/ and the zip only when everything succeeded. A lock keeps
two builds from mixing their output (tools/site/publish.py).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import material
import yaml

from tools.annotate.edition import AnnotatedEdition
from tools.escape import template_text, yaml_json
from tools.pages.parts import BIBLIOGRAPHY
from tools.pages.reuse import epub_path
from tools.problems import EditionError
from tools.site.bundle import make_zip
from tools.site.epub import write_epub
from tools.site.offline import derive_offline
from tools.site.publish import publish, recover
from tools.site.render import render_site
from tools.strings import Words

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"


# Most texts listed at one level of the navigation. Material renders the navigation into every page,
# and navigation.prune leaves out only the children of sections that are not open, so a larger edition
# groups its texts in numbered sections of at most this many: a page then lists the sections and the
# texts of its own section, not the whole edition.
NAV_GROUP = 20


def nav(edition: AnnotatedEdition) -> list[object]:
    """Home, the texts in reading order, the glossary, the two pages drawn from it, the bibliography and the print edition."""
    words = edition.edition.settings.words
    texts: list[object] = [{template_text(t.text.shown_title): f"texts/{t.text.slug}.md"} for t in edition.texts]

    def label(key: str) -> str:
        return template_text(words(key))

    return [
        {label("nav.home"): "index.md"},
        {label("nav.texts"): grouped(texts, words=words)},
        {label("nav.glossary"): "glossary.md"},
        {label("nav.timeline"): "timeline.md"},
        {label("nav.term_map"): "term-map.md"},
        {label("nav.bibliography"): BIBLIOGRAPHY},
        {label("nav.print"): "print.md"},
    ]


def material_language(language: str) -> str:
    """The language Material's interface and search use: the edition's where Material has it (or has its
    base language, "de" for "de-AT"), else English. The pages keep the edition's own lang either way."""
    for candidate in (language, language.split("-")[0]):
        if (MATERIAL_LANGUAGES / f"{candidate}.html").exists():
            return candidate
    return "en"


def theme(root: Path, words: Words) -> dict[str, object]:
    """mkdocs.yml's theme settings with the edition's language and its words on the colour-scheme toggle."""
    palette = _site_config(root).get("theme", {}).get("palette", [])
    toggles = {"default": words("theme.dark_mode"), "slate": words("theme.light_mode")}
    for scheme in palette:
        if isinstance(scheme, dict) and isinstance(scheme.get("toggle"), dict):
            scheme["toggle"]["name"] = toggles.get(scheme.get("scheme", "default"), scheme["toggle"].get("name"))
    return {"language": material_language(words.language), "palette": palette}


def markdown_extensions(root: Path, words: Words) -> list[object]:
    """mkdocs.yml's Markdown extensions with the edition's words on the headings' permalinks."""
    extensions = _site_config(root).get("markdown_extensions", [])
    for extension in extensions:
        if isinstance(extension, dict) and isinstance(extension.get("toc"), dict) and "permalink_title" in extension["toc"]:
            extension["toc"]["permalink_title"] = words("theme.permalink")
    return list(extensions)


class _SiteLoader(yaml.SafeLoader):
    """mkdocs.yml as data: its !ENV values (which MkDocs resolves itself) read as None."""


_SiteLoader.add_constructor("!ENV", lambda loader, node: None)


def _site_config(root: Path) -> dict[str, Any]:
    loaded = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_SiteLoader)
    return loaded if isinstance(loaded, dict) else {}


def grouped(items: list[object], first: int = 1, words: Words | None = None) -> list[object]:
    """items as they are when there are at most NAV_GROUP, else in sections "Texts 1–20", "Texts 21–40"...,
    nested (sections of sections) so that no level holds more than NAV_GROUP entries."""
    if len(items) <= NAV_GROUP:
        return items
    size = NAV_GROUP
    while len(items) > size * NAV_GROUP:
        size *= NAV_GROUP
    sections: list[object] = []
    for start in range(0, len(items), size):
        part = items[start : start + size]
        last = first + start + len(part) - 1
        label = (words or Words())("nav.texts_range", first=first + start, last=last)
        sections.append({template_text(label): grouped(part, first + start, words)})
    return sections


# What a URL may hold besides letters and digits (RFC 3986 reserved and unreserved characters, and '%').
_URL_SAFE = "-._~:/?#[]@!$&'()*+,;=%"


def site_url(value: str) -> str:
    """SITE_URL checked (empty, or an absolute http or https address) and percent-escaped: Material
    prints it unescaped into every page's canonical link."""
    value = value.strip()
    if not value:
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = urlsplit("")
    bad = re.search(r"[\x00-\x20\x7f\"<>\\^`{|}]", value)
    if parts.scheme not in ("http", "https") or not parts.hostname or not parts.netloc.isascii() or bad or "@" in parts.netloc:
        why = f"it holds {bad.group()!r}" if bad else "it is not an absolute http or https address with a host"
        raise EditionError(
            f"SITE_URL {value!r} cannot be used: {why}; set it to the address the site will live at, "
            "such as https://example.org/edition/ (or leave it unset); nothing was published"
        )
    return quote(value, safe=_URL_SAFE)


def write_config(
    root: Path,
    docs: Path,
    edition: AnnotatedEdition,
    site_dir: Path,
    target: Path,
    strict: bool = True,
    site_url: str = "",
    share: dict[str, object] | None = None,
) -> Path:
    """A generated MkDocs config that inherits mkdocs.yml and adds what comes from seeds/.

    strict=False is for the live preview, which must keep serving when MkDocs warns; site_url is the
    hosted site's address as site_url() returns it ("" when unknown); share, the pages this process
    renders when two render the site at once (tools/site/share.py)."""
    words = edition.edition.settings.words
    hooks = ["hooks.py", "head.py"] + (["share.py"] if share else [])
    extra: dict[str, object] = {"edition_language": edition.edition.settings.language}
    if share:
        extra["edition_share"] = share
    config: dict[str, object] = {
        "INHERIT": str(root / "mkdocs.yml"),
        "docs_dir": str(docs),
        "site_dir": str(site_dir),
        "site_name": template_text(edition.edition.settings.title),  # Material prints it unescaped
        "nav": nav(edition),
        # the side-by-side pages, reached from the texts' cross-links; the glossary entries' occurrence pages
        "not_in_nav": "/compare/\n/occurrences/\n",
        "strict": strict,
        "hooks": [str(Path(__file__).with_name(name)) for name in hooks],
        "theme": theme(root, words),
        "markdown_extensions": markdown_extensions(root, words),
        "extra": extra,
    }
    if strict:
        config["site_url"] = site_url
    target.parent.mkdir(parents=True, exist_ok=True)
    text = yaml_json(config, indent=2) + "\n"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target


def source_date_epoch(root: Path) -> int:
    """SOURCE_DATE_EPOCH if set, else the last commit's time, else 1980: builds are reproducible."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
    return int(result.stdout.strip()) if result.returncode == 0 and result.stdout.strip().isdigit() else 315532800


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def publish_epub(edition: AnnotatedEdition, build: Path, epoch: int, site_url: str = "") -> Path:
    """Write build/<slug>.epub alone (make epub): written in staging, then published in one step."""
    name = f"{edition.edition.settings.slug}.epub"
    staging = build / ".staging-epub"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        publish(build, [(write_epub(edition, staging / name, epoch, site_url), name)])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return build / name


def build_site(root: Path, docs: Path, build: Path, edition: AnnotatedEdition, offline: bool = True, site_url: str = "") -> list[Path]:
    """Build the hosted site (and the offline zip) in staging, then publish both; returns what was published.

    site_url is the hosted site's address as site_url() returns it ("" when unknown)."""
    root, docs, build = root.resolve(), docs.resolve(), build.resolve()
    epoch = source_date_epoch(root)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    staging = build / ".staging"
    recover(build)  # a build killed while publishing: the previous pair goes back first
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    try:
        outputs = _build_in(staging, root, docs, build, edition, offline, epoch, env, site_url)
        publish(build, outputs)
    finally:  # also on failure: a half-written staging folder must not fill the disk
        shutil.rmtree(staging, ignore_errors=True)
    return [build / name for new, name in outputs if new is not None]


def _build_in(
    staging: Path, root: Path, docs: Path, build: Path, edition: AnnotatedEdition, offline: bool, epoch: int, env: dict[str, str], site_url: str
) -> list[tuple[Path | None, str]]:
    """The hosted site, and the offline copy derived from it (tools/site/offline.py), into staging;
    returns (built output, name in build/) pairs, None for an output to remove."""
    slug = edition.edition.settings.slug
    # The EPUB is published with the site and inside it (and so in the offline copy and the zip), so the
    # index's link always works; it is written while MkDocs renders the site.
    def configure(site_dir: Path, name: str, share: dict[str, object] | None) -> Path:
        return write_config(root, docs, edition, site_dir, build / f"mkdocs.{name}.yml", site_url=site_url, share=share)

    epub = render_site(docs, staging / "site", configure, env, lambda: write_epub(edition, staging / f"{slug}.epub", epoch, site_url))
    _copy(epub, staging / "site" / epub_path(slug))
    published: list[tuple[Path | None, str]] = [(staging / "site", "site"), (epub, f"{slug}.epub")]
    if not offline and (build / f"{slug}-offline.zip").exists():
        # The previous zip would no longer match the new site: it goes, with the site, and says so.
        print(f"removing the previous {slug}-offline.zip: it no longer matches the new site (build without --no-offline to make a new one)", file=sys.stderr)
        published.append((None, f"{slug}-offline.zip"))
    if offline:
        folder = staging / "offline" / slug
        derive_offline(staging / "site", folder)  # the EPUB comes with the site's files
        zip_path = staging / f"{slug}-offline.zip"
        make_zip(folder, slug, zip_path, epoch)
        published.append((zip_path, f"{slug}-offline.zip"))
    return published
