"""Faults during a build never cost the published site: a build killed partway, an unwritable output
folder, a full disk and two builds at once leave build/site/ and the zip as they were (or wholly
replaced), with a one-line error; SOURCE_DATE_EPOCH=0 (before zip time begins) still builds.

Real faults where the machine allows them (a tiny tmpfs, a read-only bind mount: both need root and
mount rights); everywhere, the same faults injected into the build and its MkDocs child process by a
sitecustomize module that makes writes under one folder fail with the given errno.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, write_seeds

from tools.site.bundle import ZIP_EPOCH_MAX, make_zip, zip_time
from tools.site.publish import JOURNAL, RETIRED, publish

SLUG = "test-edition"
ZIP = f"{SLUG}-offline.zip"
OLD_TEXTS = {"one": "The ABM Treaty limited ABMs.\n\nA second paragraph on ABM.\n", "two": "Another ABM text.\n"}
NEW_WORDS = "A paragraph only the new build has."
NEW_TEXTS = {**OLD_TEXTS, "one": OLD_TEXTS["one"] + f"\n{NEW_WORDS}\n"}
WAITING = "another build is running in this folder; waiting for it to finish"


@dataclass(frozen=True)
class Published:
    """A finished build (site and zip) to copy before each fault, with the seeds of a newer version."""

    root: Path
    build: Path
    new_seeds: Path


def run_build(seeds: Path, docs: Path, build: Path, *options: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tools", "--seeds", str(seeds), "--docs", str(docs), "--build", str(build), "build", *options]
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "0", **(env or {})}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180, env=environment)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    """The old edition built with its offline zip at SOURCE_DATE_EPOCH=0; and the seeds of a new one."""
    root = tmp_path_factory.mktemp("published")
    (root / "old").mkdir()
    (root / "new").mkdir()
    old = write_seeds(root / "old", texts=OLD_TEXTS)
    new = write_seeds(root / "new", texts=NEW_TEXTS)
    result = run_build(old, root / "docs", root / "build")
    assert result.returncode == 0, f"the first build failed:\n{result.stdout}{result.stderr}"
    assert (root / "build" / ZIP).is_file(), f"the first build made no zip:\n{result.stdout}"
    return Published(root, root / "build", new)


def copy_build(published: Published, target: Path) -> Path:
    shutil.copytree(published.build, target, symlinks=True)
    return target


def snapshot(build: Path) -> dict[str, str]:
    """Every published file (site/ and the zip) with a digest of its bytes."""
    files = sorted(p for p in (build / "site").rglob("*") if p.is_file()) + [build / ZIP]
    return {p.relative_to(build).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def assert_one_line_error(result: subprocess.CompletedProcess[str], pattern: str) -> None:
    assert result.returncode == 1, f"the build should fail (exit 1), not {result.returncode}:\n{result.stdout}{result.stderr}"
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"one line of error expected, got {len(lines)}:\n{result.stderr}"
    assert re.fullmatch(pattern, lines[0]), f"unexpected error line:\n{lines[0]}\nexpected: {pattern}"


def assert_nothing_left_over(build: Path) -> None:
    left = sorted(p.name for p in build.iterdir() if p.name in (".staging", ".site.old", f".{ZIP}.old", RETIRED, JOURNAL))
    assert not left, f"a failed build left {left} in {build}"


# --- SOURCE_DATE_EPOCH ------------------------------------------------------------------------


def test_source_date_epoch_0_builds_and_the_zip_is_dated_1980(published: Published) -> None:
    with zipfile.ZipFile(published.build / ZIP) as archive:
        stamps = {info.date_time for info in archive.infolist()}
        assert archive.testzip() is None
    assert stamps == {(1980, 1, 1, 0, 0, 0)}
    assert (published.build / "site" / "index.html").is_file()


@pytest.mark.parametrize(
    ("epoch", "stamp"),
    [(0, (1980, 1, 1, 0, 0, 0)), (315532800, (1980, 1, 1, 0, 0, 0)), (1700000000, (2023, 11, 14, 22, 13, 20)), (2**40, (2107, 12, 31, 23, 59, 58))],
)
def test_zip_times_are_clamped_to_what_a_zip_can_hold(epoch: int, stamp: tuple[int, ...], tmp_path: Path) -> None:
    assert zip_time(epoch) == stamp
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("a", encoding="utf-8")
    make_zip(tmp_path / "in", "top", tmp_path / "out.zip", epoch)
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert [(i.filename, i.date_time) for i in archive.infolist()] == [("top/a.txt", stamp)]
    assert zip_time(ZIP_EPOCH_MAX) == (2107, 12, 31, 23, 59, 58)


# --- A build killed partway ---------------------------------------------------------------------


def session_commands(session: int) -> list[str]:
    """The command lines of every live process in a session."""
    commands = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[3]) == session and fields[0] != "Z":
                commands.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except (OSError, ValueError, IndexError):
            continue
    return commands


def start_build(seeds: Path, docs: Path, build: Path, *options: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "tools", "--seeds", str(seeds), "--docs", str(docs), "--build", str(build), "build", *options]
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True, env={**os.environ, "SOURCE_DATE_EPOCH": "0"}
    )


def wait_for_mkdocs(process: subprocess.Popen[str], config: str, timeout: float = 60) -> None:
    """Until the build's MkDocs child for this config runs; fails if the build ends first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any("mkdocs" in c and config in c for c in session_commands(process.pid)):
            return
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the build ended (exit {process.returncode}) before MkDocs ran with {config}:\n{out}{err}")
        time.sleep(0.005)
    pytest.fail(f"MkDocs never ran with {config} within {timeout} s")


@pytest.mark.parametrize("step", ["hosted"])  # the one MkDocs run: the offline copy is derived from it
def test_a_build_killed_during_mkdocs_leaves_the_old_site_and_zip_and_the_next_build_succeeds(step: str, published: Published, tmp_path: Path) -> None:
    build = copy_build(published, tmp_path / "build")
    before = snapshot(build)
    process = start_build(published.new_seeds, tmp_path / "docs", build)
    wait_for_mkdocs(process, f"mkdocs.{step}.yml")
    assert (build / ".staging").is_dir()
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    process.communicate()
    assert process.returncode == -signal.SIGKILL
    for _ in range(200):  # the MkDocs child dies with its group; wait until it is gone
        if not session_commands(process.pid):
            break
        time.sleep(0.01)
    assert snapshot(build) == before, "a killed build changed the published site or zip"

    again = run_build(published.new_seeds, tmp_path / "docs", build)
    assert again.returncode == 0, f"the build after the killed one failed:\n{again.stdout}{again.stderr}"
    assert_nothing_left_over(build)
    assert NEW_WORDS in (build / "site" / "texts" / "one" / "index.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(build / ZIP) as archive:
        assert archive.testzip() is None
        assert NEW_WORDS in archive.read(f"{SLUG}/texts/one.html").decode("utf-8")


# --- Unwritable folders and a full disk -----------------------------------------------------------

SITECUSTOMIZE = '''\
"""Fault injection for the tests: writes under $FAULT_PREFIX fail with $FAULT_ERRNO, in this process
and in every Python process it starts (they inherit PYTHONPATH)."""
import builtins
import io
import os

_PREFIX = os.environ.get("FAULT_PREFIX")
_ERRNO = int(os.environ.get("FAULT_ERRNO", "28"))


def _hit(file):
    try:
        return os.path.abspath(os.fsdecode(file)).startswith(_PREFIX)
    except TypeError:
        return False


def _fail(file):
    raise OSError(_ERRNO, os.strerror(_ERRNO), os.fsdecode(file))


if _PREFIX:
    _open, _os_open = builtins.open, os.open

    def open(file, mode="r", *args, **kwargs):
        if not isinstance(file, int) and any(c in mode for c in "wax+") and _hit(file):
            _fail(file)
        return _open(file, mode, *args, **kwargs)

    def os_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and _hit(path):
            _fail(path)
        return _os_open(path, flags, *args, **kwargs)

    builtins.open = io.open = open
    os.open = os_open
'''


def fault_env(tmp_path: Path, prefix: Path, code: int) -> dict[str, str]:
    folder = tmp_path / "faults"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(folder), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep), "FAULT_PREFIX": str(prefix), "FAULT_ERRNO": str(code)}


NOT_PUBLISHED = "; nothing was published"


FAULTS = [
    ("unwritable build folder", "", errno.EACCES, r"error: Permission denied \({build}/\.lock\)" + NOT_PUBLISHED),
    # The EPUB is written while MkDocs renders the site: whichever writes into staging first names the fault.
    ("unwritable staging folder", ".staging", errno.EACCES, r"error: (MkDocs could not write the site: )?Permission denied \({build}/\.staging/\S+\)" + NOT_PUBLISHED),
    ("full disk in MkDocs", ".staging/site", errno.ENOSPC, r"error: MkDocs could not write the site: No space left on device \({build}/\.staging/site/\S+\)" + NOT_PUBLISHED),
    (
        "full disk writing the offline copy", f".staging/offline/{SLUG}/texts", errno.ENOSPC,
        r"error: No space left on device \({build}/\.staging/offline/\S+\)" + NOT_PUBLISHED,
    ),
    ("full disk writing the zip", f".staging/{ZIP}", errno.ENOSPC, r"error: No space left on device \({build}/\.staging/" + re.escape(ZIP) + r"\)" + NOT_PUBLISHED),
    ("full disk writing docs", "../docs", errno.ENOSPC, r"error: No space left on device \({docs}/\S+\.tmp\)" + NOT_PUBLISHED),
    ("killed while publishing, then a full disk", ".staging/site", errno.ENOSPC, r"error: MkDocs could not write the site: No space left on device \({build}/\.staging/site/\S+\)" + NOT_PUBLISHED),
]


@pytest.mark.parametrize(("case", "where", "code", "pattern"), FAULTS, ids=[f[0] for f in FAULTS])
def test_a_write_fault_is_one_line_and_the_old_output_stays(case: str, where: str, code: int, pattern: str, published: Published, tmp_path: Path) -> None:
    build = copy_build(published, tmp_path / "build")
    docs = tmp_path / "docs"
    before = snapshot(build)
    if case.startswith("killed while publishing"):
        # The moment between the two renames of a publish: the previous site is moved aside.
        (build / RETIRED).mkdir()
        (build / JOURNAL).write_text(json.dumps({"places": ["site", ZIP], "existed": ["site", ZIP]}), encoding="utf-8")
        (build / "site").rename(build / RETIRED / "site")
    env = fault_env(tmp_path, (build / where).resolve() if where else build, code)
    result = run_build(published.new_seeds, docs, build, env=env)
    assert_one_line_error(result, pattern.format(build=re.escape(str(build)), docs=re.escape(str(docs))))
    assert snapshot(build) == before, f"{case}: the published site or zip changed"
    assert_nothing_left_over(build)


@contextlib.contextmanager
def mounted(*commands: list[str], target: Path) -> Iterator[None]:
    """Run mount commands (skipping the test with the reason if mounting is not allowed); unmount after."""
    for command in commands:
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            subprocess.run(["umount", str(target)], capture_output=True)
            pytest.skip(f"cannot mount here ({' '.join(command)}: {result.stderr.strip()}); the injected faults above cover this case")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_a_real_full_disk_is_one_line_and_the_old_output_stays(published: Published, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    size_kb = (folder_size(published.build) + 512 * 1024) // 1024  # the old build and 512 KB to spare: not enough
    with mounted(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(disk)], target=disk):
        build = copy_build(published, disk / "build")
        before = snapshot(build)
        free = shutil.disk_usage(disk).free
        result = run_build(published.new_seeds, tmp_path / "docs", build)
        assert_one_line_error(result, r"error: MkDocs could not write the site: No space left on device \(" + re.escape(str(build)) + r"/\.staging/\S+\)" + NOT_PUBLISHED)
        assert snapshot(build) == before
        assert_nothing_left_over(build)
        assert shutil.disk_usage(disk).free >= free, "the failed build's files still fill the disk"


def test_a_real_read_only_build_folder_is_one_line_and_the_old_output_stays(published: Published, tmp_path: Path) -> None:
    build = copy_build(published, tmp_path / "build")
    before = snapshot(build)
    with mounted(["mount", "--bind", str(build), str(build)], ["mount", "-o", "remount,bind,ro", str(build)], target=build):
        result = run_build(published.new_seeds, tmp_path / "docs", build)
        assert_one_line_error(result, r"error: Read-only file system \(" + re.escape(str(build)) + r"/\.lock\)" + NOT_PUBLISHED)
        assert snapshot(build) == before


def test_a_failed_publish_puts_the_old_site_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If moving the new site into place fails after the old one was moved aside, the old one returns."""
    old, new = tmp_path / "site", tmp_path / "staging" / "site"
    new.parent.mkdir()
    old.mkdir()
    (old / "index.html").write_text("old", encoding="utf-8")
    new.mkdir()
    (new / "index.html").write_text("new", encoding="utf-8")
    rename = Path.rename

    def failing(self: Path, target: Path) -> Path:
        if self == new:
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", failing)
    with pytest.raises(OSError):
        publish(tmp_path, [(new, "site")])
    assert (old / "index.html").read_text(encoding="utf-8") == "old"
    assert not (tmp_path / RETIRED).exists() and not (tmp_path / JOURNAL).exists()


# --- Two builds at once ------------------------------------------------------------------------------


def test_two_builds_at_once_never_mix_their_output(tmp_path: Path) -> None:
    """The second build waits for the first (and says so); the site is then wholly the second's."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    edition = "title: {title}\nslug: test-edition\nintroduction: I.\nprinciples: P.\n"
    first = write_seeds(tmp_path / "a", texts={"alpha": "Alpha ABM words.\n"}, edition=edition.format(title="Edition Alpha"))
    second = write_seeds(tmp_path / "b", texts={"beta": "Beta ABM words.\n", "gamma": "Gamma ABM.\n"}, edition=edition.format(title="Edition Beta"))
    build, docs = tmp_path / "build", tmp_path / "docs"
    a = start_build(first, docs, build, "--no-offline")
    wait_for_mkdocs(a, "mkdocs.hosted.yml")
    b = start_build(second, docs, build, "--no-offline")
    a_out, a_err = a.communicate(timeout=180)
    b_out, b_err = b.communicate(timeout=180)
    assert a.returncode == 0, a_out + a_err
    assert b.returncode == 0, b_out + b_err
    assert WAITING in b_out, f"the second build should say it waits:\n{b_out}"
    assert WAITING not in a_out
    site = build / "site"
    assert sorted(p.name for p in (site / "texts").iterdir()) == ["beta", "gamma"]
    for page in site.rglob("*.html"):
        content = page.read_text(encoding="utf-8")
        assert "Alpha" not in content, f"{page.relative_to(site)} holds the first build's words"
    assert "Edition Beta" in (site / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in docs.joinpath("texts").iterdir()) == ["beta.md", "gamma.md"]
    assert_nothing_left_over(build)

