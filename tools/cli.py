"""Command line: check, generate, build, serve. Problems are printed; tracebacks never reach editors."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from tools.pipeline import Checked, check, generate
from tools.problems import EditionError, has_errors
from tools.report import FORMATS, as_json, github_command, summary

ROOT = Path(__file__).resolve().parent.parent


def report(checked: Checked, form: str = "text") -> bool:
    """Print every problem and a summary line; True when there is no error.

    text: one `path:line:col: severity: message [code]` line each, on stderr; github: workflow commands
    on stdout (GitHub reads them there), the summary on stderr; json: one JSON document on stdout only."""
    if form == "json":
        print(as_json(checked.problems))
        return not has_errors(checked.problems)
    for problem in checked.problems:
        if form == "github":
            print(github_command(problem), flush=True)
        else:
            print(problem.format(), file=sys.stderr)
    if checked.problems:
        print(summary(checked.problems), file=sys.stderr)
    return not has_errors(checked.problems)


def _site_url() -> str:
    """SITE_URL, the address the hosted site will live at, checked: the one setting read from the
    environment, here only; the stages get it as an argument."""
    from tools.site.build import site_url

    return site_url(os.environ.get("SITE_URL", ""))


def _check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    checked = check(args.seeds)
    ok = report(checked, args.format)
    if ok and args.format != "json":
        edition = checked.edition
        assert edition is not None
        ed = edition.edition
        print(
            f"seeds OK: {len(ed.texts)} texts, {len(ed.terms)} glossary entries, {len(ed.notes)} notes, "
            f"{len(ed.crosslinks)} cross-links ({time.perf_counter() - started:.2f} s)"
        )
    return 0 if ok else 1


def _generate(args: argparse.Namespace) -> int:
    from tools.site.publish import build_lock

    with build_lock(args.build):  # never while a build reads docs/
        checked, changed = generate(args.seeds, args.docs, _site_url())
    if not report(checked):
        return 1
    print(f"docs: {len(changed)} page(s) written" + (f" ({', '.join(changed)})" if changed else ", nothing changed"))
    return 0


def _build(args: argparse.Namespace) -> int:
    from tools.site.build import build_site
    from tools.site.publish import build_lock

    started = time.perf_counter()
    address = _site_url()
    with build_lock(args.build):
        checked, _ = generate(args.seeds, args.docs, address)
        if not report(checked) or checked.edition is None:
            print("build stopped: nothing was published; the previous site is unchanged", file=sys.stderr)
            return 1
        published = build_site(ROOT, args.docs, args.build, checked.edition, offline=not args.no_offline, site_url=address)
    for path in published:
        print(f"published {path}")
    print(f"build finished in {time.perf_counter() - started:.1f} s")
    return 0


def _suggest(args: argparse.Namespace) -> int:
    from tools.annotate.suggest import report as suggestions
    from tools.annotate.suggest import suggest

    checked = check(args.seeds)
    if not report(checked) or checked.edition is None:
        print("suggest stopped: fix the errors above first", file=sys.stderr)
        return 1
    for line in suggestions(suggest(checked.edition.edition)):
        print(line)
    return 0


def _schemas(args: argparse.Namespace) -> int:
    from tools.source.editor_schemas import FOLDER, edition_choices, write_schemas
    from tools.source.load import load_edition

    edition, _ = load_edition(args.seeds)  # the kinds edition.yml declares (the defaults if it cannot be read)
    written = write_schemas(args.seeds, edition_choices(edition.settings))
    print(f"{args.seeds / FOLDER}: " + (f"{len(written)} schema(s) written ({', '.join(written)})" if written else "schemas up to date"))
    return 0


def _epub(args: argparse.Namespace) -> int:
    from tools.site.build import publish_epub, source_date_epoch
    from tools.site.publish import build_lock

    with build_lock(args.build):
        checked = check(args.seeds)
        if not report(checked) or checked.edition is None:
            print("EPUB not written: the previous one is unchanged", file=sys.stderr)
            return 1
        path = publish_epub(checked.edition, args.build.resolve(), source_date_epoch(ROOT), _site_url())
    print(f"published {path} ({path.stat().st_size:,} bytes)")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from tools.site.preview import serve

    return serve(ROOT, args.seeds, args.docs, args.build, args.port, _site_url())


def port_number(value: str) -> int:
    """A TCP port from the command line: ASCII digits, 1 to 65535."""
    if not (value.isascii() and value.isdigit() and 1 <= int(value) <= 65535):
        raise argparse.ArgumentTypeError(f"{value!r} is not a port: give a whole number from 1 to 65535, e.g. --port 8001")
    return int(value)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m tools", description="Build the annotated reading edition from seeds/.")
    main.add_argument("--seeds", type=Path, default=Path("seeds"), help="the editors' folder (default: seeds)")
    main.add_argument("--docs", type=Path, default=Path("docs"), help="where generated Markdown goes (default: docs)")
    main.add_argument("--build", type=Path, default=Path("build"), help="where sites and the zip go (default: build)")
    commands = main.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check", help="validate seeds/ and print every problem")
    checking.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default): path:line:col lines; github: GitHub workflow commands; json: one JSON document",
    )
    checking.set_defaults(run=_check)
    commands.add_parser("generate", help="check, then write the Markdown pages into docs/").set_defaults(run=_generate)
    build = commands.add_parser("build", help="check, generate, build the site and the offline zip")
    build.add_argument("--no-offline", action="store_true", help="build only the hosted site")
    build.set_defaults(run=_build)
    commands.add_parser("suggest", help="list names and acronyms the glossary does not cover, and entries no text uses").set_defaults(run=_suggest)
    schemas = commands.add_parser("schemas", help="write the JSON Schemas of the seeds/ files (seeds/.schemas/) for editors' YAML extensions")
    schemas.set_defaults(run=_schemas)
    commands.add_parser("epub", help="check, then write the edition as an EPUB 3 book into the build folder").set_defaults(run=_epub)
    serve = commands.add_parser("serve", help="live preview on http://127.0.0.1:PORT")
    serve.add_argument("--port", type=port_number, default=8000, help="the port to serve on, 1 to 65535 (default: 8000)")
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
    except Exception as exc:  # a bug must not reach an editor as a traceback
        if os.environ.get("EDITION_DEBUG"):
            raise
        print(
            f"error: the generator failed unexpectedly ({type(exc).__name__}: {exc}); nothing was published. This is a bug in the "
            "generator, not in seeds/: please report it with the command you ran (EDITION_DEBUG=1 shows the details)",
            file=sys.stderr,
        )
        return 1
