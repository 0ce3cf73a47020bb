"""Which files in seeds/ the generator reads: only regular files that resolve inside seeds/.

A symlink leading outside seeds/ (a secret, the git config), a dangling link, a device, a named pipe
or a folder named like a text is refused with an error naming the path, never quoting what it
points to. Hidden files and editors' temporary files (Emacs' .#name and #name#, vim's .swp,
macOS' ._name, backups ending in ~) are ignored; other files in seeds/texts/ get a warning
saying what would be read.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from tools.problems import Position, Problem, error, warning

TEXT_SUFFIX = ".txt"
META_SUFFIX = ".yml"
# The longest file name most file systems hold, in bytes (ext4, APFS, NTFS in UTF-16 units).
MAX_NAME_BYTES = 255
_TEMPORARY_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".tmp", ".bak", ".orig", ".part", ".crdownload")


def is_ignored(name: str) -> bool:
    """Hidden and editor-temporary files: never read, never reported."""
    return name.startswith((".", "#", "~$")) or name.endswith(_TEMPORARY_SUFFIXES) or (name.startswith("#") and name.endswith("#"))


def owned_problem(file: Path, seeds: Path, shown: str) -> Problem | None:
    """None when file is a regular file that resolves inside seeds/; else the error to report."""
    try:
        target = file.resolve(strict=True)
    except (FileNotFoundError, RuntimeError):
        what = "a link to a file that does not exist" if file.is_symlink() else "missing"
        return error(Position(shown), "not-a-file", f"{file.name} is {what}; replace it with the file itself or remove it")
    except OSError as exc:
        return error(Position(shown), "not-a-file", f"{file.name} cannot be read ({exc.strerror}); check its permissions")
    if not target.is_relative_to(seeds.resolve()):
        return error(
            Position(shown),
            "outside-seeds",
            f"{file.name} is a link to a file outside {seeds.name}/, which is never read or published; "
            "copy the file into seeds/ instead of linking to it",
        )
    mode = target.stat().st_mode
    if stat.S_ISDIR(mode):
        return error(Position(shown), "not-a-file", f"{file.name} is a folder, not a file; rename the folder or move it out of {file.parent.name}/")
    if not stat.S_ISREG(mode):
        return error(Position(shown), "not-a-file", f"{file.name} is not a regular file (a device, pipe or socket); remove it and save the text as a file")
    return None


@dataclass(frozen=True)
class Listing:
    """The files of seeds/texts/ the loader reads, and the problems met listing them."""

    texts: tuple[Path, ...]
    metadata: tuple[Path, ...]
    problems: tuple[Problem, ...]


def list_texts(folder: Path, shown_folder: str) -> Listing:
    """Every .txt and .yml entry in folder, sorted, with warnings for the files that are not read."""
    texts: list[Path] = []
    metadata: list[Path] = []
    problems: list[Problem] = []
    for name in sorted(os.listdir(folder)):
        if is_ignored(name):
            continue
        file = folder / name
        shown = f"{shown_folder}/{name}"
        if len(name.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES - len(".html"):
            problems.append(error(Position(shown), "name-too-long", f"the file name has more than {MAX_NAME_BYTES - len('.html')} bytes, too long for the pages built from it; shorten it"))
            continue
        if name.endswith(TEXT_SUFFIX):
            texts.append(file)
        elif name.endswith(META_SUFFIX):
            metadata.append(file)
        else:
            stem, _, suffix = name.rpartition(".")
            lower = f".{suffix.lower()}" if stem else ""
            hint = (
                f"rename it to {stem}{lower}"
                if lower in (TEXT_SUFFIX, META_SUFFIX)
                else f"rename it to {stem or name}.yml if it is a text's metadata" if lower == ".yaml"
                else f"save it as {stem or name}.txt if it is a text"
            )
            problems.append(
                warning(Position(shown), "not-read", f"{name} is not read: only texts (NAME.txt) and their metadata (NAME.yml) are; {hint}")
            )
    return Listing(tuple(texts), tuple(metadata), tuple(problems))
