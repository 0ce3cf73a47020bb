"""Only what the editor owns is read (issue 13, item 1): regular files inside seeds/, nothing they point to."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, problem_lines, write_seeds

from tools.pipeline import check
from tools.source.files import is_ignored

SECRET = "TOKEN=s3cr3t-never-published"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    file = tmp_path / "outside" / "secret.env"
    file.parent.mkdir()
    file.write_text(SECRET + "\n", encoding="utf-8")
    return file


def lines(seeds: Path) -> str:
    return "\n".join(problem_lines(seeds))


def test_a_text_linked_to_a_file_outside_seeds_is_refused_without_its_contents(seeds: Path, secret: Path) -> None:
    (seeds / "texts" / "leak.txt").symlink_to(secret)
    checked = check(seeds)
    assert checked.edition is None
    assert (
        "seeds/texts/leak.txt:1:1: error: leak.txt is a link to a file outside seeds/, which is never read or published; "
        "copy the file into seeds/ instead of linking to it [outside-seeds]"
    ) in lines(seeds)
    assert "s3cr3t" not in lines(seeds)


def test_a_text_linked_to_the_git_config_is_refused(seeds: Path) -> None:
    git = seeds.parent / ".git"
    git.mkdir()
    (git / "config").write_text("[remote]\n url = https://token@example.org/\n", encoding="utf-8")
    (seeds / "texts" / "config.txt").symlink_to(Path("../../.git/config"))
    output = lines(seeds)
    assert "seeds/texts/config.txt:1:1: error: config.txt is a link to a file outside seeds/" in output
    assert "token" not in output


def test_a_yaml_file_linked_outside_is_refused_and_never_quoted(seeds: Path, secret: Path) -> None:
    (seeds / "glossary.yml").unlink()
    (seeds / "glossary.yml").symlink_to(secret)
    (seeds / "texts" / "one.yml").unlink()
    (seeds / "texts" / "one.yml").symlink_to(secret)
    output = lines(seeds)
    assert "seeds/glossary.yml:1:1: error: glossary.yml is a link to a file outside seeds/" in output
    assert "seeds/texts/one.yml:1:1: error: one.yml is a link to a file outside seeds/" in output
    assert "s3cr3t" not in output and "TOKEN" not in output


def test_a_link_inside_seeds_is_read(seeds: Path) -> None:
    (seeds / "shared.txt").write_text("The ABM Treaty, shared.\n", encoding="utf-8")
    (seeds / "texts" / "two.txt").symlink_to(Path("../shared.txt"))
    checked = check(seeds)
    assert checked.edition is not None
    assert [t.slug for t in checked.edition.edition.texts] == ["one", "two"]


def test_a_device_as_a_text_is_refused(seeds: Path) -> None:
    (seeds / "texts" / "zero.txt").symlink_to(Path("/dev/zero"))
    assert "seeds/texts/zero.txt:1:1: error: zero.txt is a link to a file outside seeds/" in lines(seeds)


def test_a_named_pipe_as_a_text_is_refused_and_never_waited_for(seeds: Path) -> None:
    os.mkfifo(seeds / "texts" / "pipe.txt")
    # In a child process with a time limit: reading a pipe with no writer would block forever.
    result = subprocess.run(
        [sys.executable, "-m", "tools", "--seeds", str(seeds), "check"], cwd=seeds.parent, capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert "seeds/texts/pipe.txt:1:1: error: pipe.txt is not a regular file (a device, pipe or socket); remove it and save the text as a file [not-a-file]" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_or_a_dangling_link_named_like_a_text_is_one_positioned_error(seeds: Path) -> None:
    (seeds / "texts" / "folder.txt").mkdir()
    (seeds / "texts" / "gone.txt").symlink_to(Path("nowhere.txt"))
    output = lines(seeds)
    assert "seeds/texts/folder.txt:1:1: error: folder.txt is a folder, not a file; rename the folder or move it out of texts/ [not-a-file]" in output
    assert "seeds/texts/gone.txt:1:1: error: gone.txt is a link to a file that does not exist; replace it with the file itself or remove it [not-a-file]" in output


@pytest.mark.parametrize("name", [".#one.txt", "._one.txt", "#one.txt#", "one.txt~", ".one.txt.swp", ".hidden.txt", "one.yml~"])
def test_hidden_and_editor_temporary_files_are_ignored(seeds: Path, name: str) -> None:
    target = seeds / "texts" / name
    if name.startswith(".#"):
        target.symlink_to(Path("user@host.1234:1700000000"))  # what Emacs writes: a dangling link
    else:
        target.write_bytes(b"\x00\x05\xff binary")
    checked = check(seeds)
    assert checked.problems == [] and checked.edition is not None
    assert [t.slug for t in checked.edition.edition.texts] == ["one"]


def test_is_ignored_keeps_ordinary_names() -> None:
    assert not is_ignored("mirror-response.txt") and not is_ignored("a~b.txt")


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("two.TXT", "rename it to two.txt"),
        ("two.md", "save it as two.txt if it is a text"),
        ("one.yaml", "rename it to one.yml if it is a text's metadata"),
    ],
)
def test_files_with_other_extensions_are_warned_about(seeds: Path, name: str, hint: str) -> None:
    (seeds / "texts" / name).write_text("The ABM Treaty.\n", encoding="utf-8")
    checked = check(seeds)
    assert checked.edition is not None
    assert [p.format() for p in checked.problems] == [
        f"seeds/texts/{name}:1:1: warning: {name} is not read: only texts (NAME.txt) and their metadata (NAME.yml) are; {hint} [not-read]"
    ]


def test_a_file_name_too_long_for_the_pages_is_an_error_at_check_time(seeds: Path) -> None:
    name = "a" * 250 + ".txt"
    (seeds / "texts" / name).write_text("The ABM Treaty.\n", encoding="utf-8")
    assert f"seeds/texts/{name}:1:1: error: the file name has more than 250 bytes, too long for the pages built from it; shorten it [name-too-long]" in lines(seeds)


def test_a_text_that_cannot_be_read_gives_one_error_not_one_per_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    notes = "".join(f"- text: two\n  quote: word {n}\n  kind: context\n  note: Note {n}.\n" for n in range(20))
    seeds = write_seeds(tmp_path, notes=notes)
    (seeds / "texts" / "two.txt").write_bytes("Cut mid-character: \u00e9".encode()[:-1])
    assert [line for line in problem_lines(seeds) if "error" in line] == [
        "seeds/texts/two.txt:1:20: error: byte 0xC3 is not valid UTF-8; save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8) [encoding]"
    ]


def test_no_texts_at_all_gives_one_error_not_one_per_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One root-cause message rather than a cascade: with seeds/texts/ missing, notes naming texts add nothing."""
    monkeypatch.chdir(tmp_path)
    notes = "".join(f"- text: one\n  quote: word {n}\n  kind: context\n  note: Note {n}.\n" for n in range(5))
    seeds = write_seeds(tmp_path, notes=notes)
    for file in (seeds / "texts").iterdir():
        file.unlink()
    (seeds / "texts").rmdir()
    assert [line for line in problem_lines(seeds) if "error" in line] == [
        "seeds/texts:1:1: error: no .txt files found; put each text in seeds/texts/ as a .txt file [no-texts]"
    ]
