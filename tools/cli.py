"""Command line: check, generate, build, serve. Problems are printed; tracebacks never reach editors."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tools.pipeline import Checked, check, generate
from tools.problems import EditionError, has_errors

ROOT = Path(__file__).resolve().parent.parent


def report(checked: Checked) -> bool:
    """Print every problem and a summary line; True when there is no error."""
    for problem in checked.problems:
        print(problem.format(), file=sys.stderr)
    errors = sum(p.severity == "error" for p in checked.problems)
    warnings = len(checked.problems) - errors
    if checked.problems:
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return not has_errors(checked.problems)


def _check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    checked = check(args.seeds)
    ok = report(checked)
    if ok:
        edition = checked.edition
        assert edition is not None
        ed = edition.edition
        print(
            f"seeds OK: {len(ed.texts)} texts, {len(ed.terms)} glossary entries, {len(ed.notes)} notes, "
            f"{len(ed.crosslinks)} cross-links ({time.perf_counter() - started:.2f} s)"
        )
    return 0 if ok else 1


def _generate(args: argparse.Namespace) -> int:
    checked, changed = generate(args.seeds, args.docs)
    if not report(checked):
        return 1
    print(f"docs: {len(changed)} page(s) written" + (f" ({', '.join(changed)})" if changed else ", nothing changed"))
    return 0


def _build(args: argparse.Namespace) -> int:
    from tools.site.build import build_lock, build_site

    started = time.perf_counter()
    with build_lock(args.build):
        checked, _ = generate(args.seeds, args.docs)
        if not report(checked) or checked.edition is None:
            print("build stopped: nothing was published; the previous site is unchanged", file=sys.stderr)
            return 1
        published = build_site(ROOT, args.docs, args.build, checked.edition, offline=not args.no_offline)
    for path in published:
        print(f"published {path}")
    print(f"build finished in {time.perf_counter() - started:.1f} s")
    return 0


def _epub(args: argparse.Namespace) -> int:
    from tools.site.build import build_lock, publish_epub, source_date_epoch

    with build_lock(args.build):
        checked = check(args.seeds)
        if not report(checked) or checked.edition is None:
            print("EPUB not written: the previous one is unchanged", file=sys.stderr)
            return 1
        path = publish_epub(checked.edition, args.build.resolve(), source_date_epoch(ROOT))
    print(f"published {path} ({path.stat().st_size:,} bytes)")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from tools.site.preview import serve

    return serve(ROOT, args.seeds, args.docs, args.build, args.port)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m tools", description="Build the annotated reading edition from seeds/.")
    main.add_argument("--seeds", type=Path, default=Path("seeds"), help="the editors' folder (default: seeds)")
    main.add_argument("--docs", type=Path, default=Path("docs"), help="where generated Markdown goes (default: docs)")
    main.add_argument("--build", type=Path, default=Path("build"), help="where sites and the zip go (default: build)")
    commands = main.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate seeds/ and print every problem").set_defaults(run=_check)
    commands.add_parser("generate", help="check, then write the Markdown pages into docs/").set_defaults(run=_generate)
    build = commands.add_parser("build", help="check, generate, build the site and the offline zip")
    build.add_argument("--no-offline", action="store_true", help="build only the hosted site")
    build.set_defaults(run=_build)
    commands.add_parser("epub", help="check, then write the edition as an EPUB 3 book into the build folder").set_defaults(run=_epub)
    serve = commands.add_parser("serve", help="live preview on http://127.0.0.1:PORT")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=_serve)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except EditionError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc.strerror or exc} ({exc.filename or 'file system'}); nothing was published", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
