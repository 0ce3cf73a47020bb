"""The print page: every text's headnote is a landmark named after its text."""
from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import TEXT_META, write_seeds

from tools.pages.printed import write_print_page
from tools.pages.text import write_text_page
from tools.pipeline import check


def test_each_headnote_landmark_names_its_text(tmp_path: Path) -> None:
    """Landmarks' names must differ on one page: the print page names each headnote after its text
    (given to the text page's writer, not patched into its HTML)."""
    metadata = {"one": TEXT_META, "two": TEXT_META.replace("title: A text", 'title: "Quotes \\" & <angles>"')}
    checked = check(write_seeds(tmp_path, texts={"one": "The ABM Treaty.\n", "two": "ABMs.\n"}, metadata=metadata))
    assert checked.edition is not None
    _, page = write_print_page(checked.edition)
    names = [html.unescape(n) for n in re.findall(r'<section class="headnote" aria-label="([^"]*)"[^>]*>', page)]
    assert names == ["Headnote to A text", 'Headnote to Quotes " & <angles>']
    _, text_page = write_text_page(checked.edition.texts[0], checked.edition)
    assert re.findall(r'<section class="headnote" aria-label="([^"]*)"[^>]*>', text_page) == ["Headnote"]
