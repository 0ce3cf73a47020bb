"""The offline zip writer: reproducible bytes, sorted safe member names, fixed modes and times, no links."""
from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest

from tools.site.bundle import ZIP_EPOCH_MIN, make_zip, zip_time

EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A small site: nested folders, names whose Path order and string order differ, an executable file."""
    site = tmp_path / "site"
    for name, data in {
        "index.html": "<p>home</p>",
        "a-b.html": "dash",
        "a/b.html": "slash",
        "B.html": "capital",
        "assets/x.js": "js",
        "texts/ü.html": "unicode name",
    }.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(data, encoding="utf-8")
    (site / "assets" / "x.js").chmod(0o755)
    os.utime(site / "index.html", (1, 1))
    return site


def build(folder: Path, target: Path, epoch: int = EPOCH) -> zipfile.ZipFile:
    make_zip(folder, "edition", target, epoch)
    return zipfile.ZipFile(target)


def test_members_are_sorted_under_one_top_folder(folder: Path, tmp_path: Path) -> None:
    names = build(folder, tmp_path / "e.zip").namelist()
    assert names == ["edition/B.html", "edition/a-b.html", "edition/a/b.html", "edition/assets/x.js", "edition/index.html", "edition/texts/ü.html"]
    assert names == sorted(names)


def test_member_names_are_safe(folder: Path, tmp_path: Path) -> None:
    for name in build(folder, tmp_path / "e.zip").namelist():
        assert not name.startswith("/") and "\\" not in name
        assert ".." not in name.split("/") and "" not in name.split("/")
        assert name.split("/")[0] == "edition"


def test_fixed_modes_and_times(folder: Path, tmp_path: Path) -> None:
    """Every member is a regular file, mode 644 (the executable bit is dropped), dated SOURCE_DATE_EPOCH."""
    for info in build(folder, tmp_path / "e.zip").infolist():
        assert info.date_time == (2023, 11, 14, 22, 13, 20)
        assert info.external_attr >> 16 == stat.S_IFREG | 0o644
        assert info.create_system == 3
        assert info.compress_type == zipfile.ZIP_DEFLATED
        assert not info.is_dir()


def test_contents_round_trip(folder: Path, tmp_path: Path) -> None:
    archive = build(folder, tmp_path / "e.zip")
    assert archive.read("edition/a/b.html") == b"slash"
    assert archive.read("edition/texts/ü.html").decode() == "unicode name"
    assert archive.testzip() is None


def test_same_input_same_bytes(folder: Path, tmp_path: Path) -> None:
    """File times on disk and the order files were written in do not matter."""
    build(folder, tmp_path / "one.zip")
    for path in folder.rglob("*"):
        os.utime(path, (2_000_000_000, 2_000_000_000))
    build(folder, tmp_path / "two.zip")
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


def test_other_epoch_other_bytes(folder: Path, tmp_path: Path) -> None:
    build(folder, tmp_path / "one.zip")
    build(folder, tmp_path / "two.zip", epoch=EPOCH + 86400)
    assert (tmp_path / "one.zip").read_bytes() != (tmp_path / "two.zip").read_bytes()


def test_symlinks_are_left_out(folder: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret", encoding="utf-8")
    (folder / "link.txt").symlink_to(outside / "secret.txt")
    (folder / "linked-folder").symlink_to(outside, target_is_directory=True)
    names = build(folder, tmp_path / "e.zip").namelist()
    assert not [n for n in names if "link" in n or "secret" in n]


def test_zip_time_is_utc_and_never_before_1980() -> None:
    assert zip_time(EPOCH) == (2023, 11, 14, 22, 13, 20)
    assert zip_time(0) == zip_time(ZIP_EPOCH_MIN) == (1980, 1, 1, 0, 0, 0)


def test_zip_time_never_after_2107() -> None:
    assert zip_time(10**10)[0] == 2107
