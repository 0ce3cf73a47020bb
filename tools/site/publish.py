"""Publishing build/'s outputs (the site and the offline zip) as one pair, and one writer at a time.

A publish moves the previous outputs into build/.retired/, moves the new ones into place, and only
then commits by removing a journal written before the first move. Whenever it is interrupted (an
error, a full disk, a SIGKILL), the journal says what was there before, and `recover` (run by every
command that takes the lock, before anything else) puts the complete previous pair back; after the
commit the complete new pair is in place. So at every instant a complete previous or new pair
exists, and a failed build that says "the previous site is unchanged" tells the truth.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

JOURNAL = ".publishing.json"
RETIRED = ".retired"


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _sync(folder: Path) -> None:
    """Make renames in folder durable (a crash after this keeps them)."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def recover(build: Path) -> None:
    """Undo a publish that was interrupted before its commit; clear what a committed one left."""
    journal = build / JOURNAL
    retired = build / RETIRED
    if journal.exists():
        record = json.loads(journal.read_text(encoding="utf-8"))
        for name in record["places"]:
            place, previous = build / name, retired / name
            if name in record["existed"]:
                if previous.exists():  # moved aside: the new copy (if any) goes, the previous returns
                    _remove(place)
                    previous.rename(place)
            else:
                _remove(place)  # there was nothing here before this publish
        _sync(build)
        journal.unlink()
        _sync(build)
    if retired.exists():
        shutil.rmtree(retired)
    for legacy in build.glob(".*.old"):  # left by the publisher before this one
        place = build / legacy.name[1:].removesuffix(".old")
        if place.exists():
            _remove(legacy)
        else:
            legacy.rename(place)


def publish(build: Path, outputs: list[tuple[Path | None, str]]) -> None:
    """Put each new output at build/name (None: remove what is there) as one step that either happens
    completely or, when interrupted, is undone by recover()."""
    recover(build)
    names = [name for _, name in outputs]
    existed = [name for name in names if (build / name).exists() or (build / name).is_symlink()]
    retired = build / RETIRED
    retired.mkdir()
    journal = build / JOURNAL
    pending = journal.with_name(JOURNAL + ".tmp")
    with pending.open("w", encoding="utf-8") as handle:
        json.dump({"places": names, "existed": existed}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    pending.rename(journal)
    _sync(build)
    try:
        for name in existed:
            (build / name).rename(retired / name)
        for new, name in outputs:
            if new is not None:
                new.rename(build / name)
        _sync(build)
    except BaseException:
        recover(build)  # the previous pair goes back: a failed publish loses nothing
        raise
    journal.unlink()  # the commit
    _sync(build)
    shutil.rmtree(retired, ignore_errors=True)


@contextlib.contextmanager
def build_lock(build: Path) -> Iterator[None]:
    """One writer at a time (generate, build and the preview's regeneration): a second one waits for
    the first, and says so. An interrupted publish is recovered first."""
    build.mkdir(parents=True, exist_ok=True)
    with (build / ".lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("another build is running in this folder; waiting for it to finish", flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        recover(build)
        yield
