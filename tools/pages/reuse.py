"""The edition's downloads for readers' own tools, and the index page's "Cite and reuse" section.

Every file is generated from the annotated edition: the citations of each text and of the edition
(RIS, BibTeX, CSL-JSON), the notes as Web Annotations and the glossary as JSON. The EPUB is written by the build (tools/site/epub.py) next to them, at
downloads/<slug>.epub, so that it is published with the site and the offline zip.
"""
from __future__ import annotations

from tools.annotate.edition import AnnotatedEdition
from tools.pages.apparatus import annotations_jsonld, annotations_path, glossary_json, glossary_path
from tools.pages.citation import DOWNLOADS, FORMATS, download_path, downloads, edition_citation, text_citation
from tools.pages.markup import md_escape
from tools.pages.parts import LINK, with_links

GENERATED = (f"{DOWNLOADS}/*.*", f"{DOWNLOADS}/texts/*.*")


def epub_path(slug: str) -> str:
    """Where the EPUB is published, relative to the site's root."""
    return f"{DOWNLOADS}/{slug}.epub"


def write_downloads(edition: AnnotatedEdition, site_url: str = "") -> dict[str, str]:
    """Every generated download: path under docs/ -> content (site_url: the hosted site's address, or "")."""
    settings = edition.edition.settings
    files = downloads(edition_citation(settings, site_url))
    files[annotations_path(settings.slug)] = annotations_jsonld(edition, site_url)
    files[glossary_path(settings.slug)] = glossary_json(edition, site_url)
    for annotated in edition.texts:
        files.update(downloads(text_citation(annotated.text, settings, site_url)))
    return files


def reuse_section(edition: AnnotatedEdition) -> str:
    """The index page's "Cite and reuse" section as Markdown.

    The EPUB is linked in raw HTML: the build adds it to the site after MkDocs has checked the links."""
    settings = edition.edition.settings
    words = settings.words
    citation = edition_citation(settings)
    formats = " · ".join(f"[{label}]({download_path(citation, ext)})" for ext, label in FORMATS)
    epub = f'<a href="{epub_path(settings.slug)}">EPUB</a>'
    annotations = f"[{md_escape(words('reuse.annotations_link'))}]({annotations_path(settings.slug)})"
    glossary = f"[{md_escape(words('reuse.glossary_link'))}]({glossary_path(settings.slug)})"
    items = [
        with_links(words("reuse.epub", link=LINK), epub),
        with_links(words("reuse.citation", links=LINK, cite=words("text.cite")), formats),
        with_links(words("reuse.annotations", link=LINK), annotations),
        with_links(words("reuse.glossary", link=LINK), glossary),
    ]
    return f"## {md_escape(words('reuse.title'))} {{ #cite-and-reuse }}\n\n" + "".join(f"- {item}\n" for item in items)
