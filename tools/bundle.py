"""A reproducible zip of a folder: sorted entries, fixed timestamps and modes, no links, one top folder."""
from __future__ import annotations

import time
import zipfile
from pathlib import Path

ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest time a zip entry can hold


def zip_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    """SOURCE_DATE_EPOCH as a zip timestamp (UTC), never before 1980."""
    return time.gmtime(max(epoch, ZIP_EPOCH_MIN))[:6]


def make_zip(folder: Path, top: str, target: Path, epoch: int) -> None:
    """Write folder's files under top/ into target, byte-identical for identical input and epoch."""
    stamp = zip_time(epoch)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for file in files:
            name = f"{top}/{file.relative_to(folder).as_posix()}"
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            archive.writestr(info, file.read_bytes(), compresslevel=9)
