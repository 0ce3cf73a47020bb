"""`make pdf`: the PDF's name comes from the edition as the generator reads it; a broken edition.yml
is a positioned message, never a traceback. (Printing itself is covered by the browser tests' Chromium.)"""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EDITION, write_seeds

from tools.site.pdf import main, pdf_path


def test_the_pdf_is_named_like_the_offline_zip(tmp_path: Path) -> None:
    """The slug is read by the loader (which makes it a file name), as the zip's is: PyYAML's raw
    value gave 'My Edition!.pdf' next to my-edition-offline.zip."""
    seeds = write_seeds(tmp_path, edition=EDITION.replace("slug: test-edition", "slug: My Edition!"))
    assert pdf_path(seeds, tmp_path / "build") == tmp_path / "build" / "my-edition.pdf"


def test_a_broken_edition_file_is_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    seeds = write_seeds(tmp_path, edition="title: [unclosed\nslug: x\n")
    assert main(["--seeds", str(seeds), "--build", str(tmp_path / "build")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("seeds/edition.yml:") and "error: seeds/ has errors" in err


def test_without_a_built_site_it_says_what_to_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = write_seeds(tmp_path)
    assert main(["--seeds", str(seeds), "--build", str(tmp_path / "build")]) == 1
    assert "run `make site` first" in capsys.readouterr().err
