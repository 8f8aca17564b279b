"""Command line: `python -m generator [--out DIR]` builds the Markdown without mkdocs;
`python -m generator check [PATH]` lints a folder of articles without building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.clean import clean_all
from generator.pipeline import build
from generator.read.files import read_folder
from generator.report import summary_line
from generator.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command")
    make = commands.add_parser("build", help="generate the Markdown pages (the default)")
    make.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of articles (default: seeds)")
    make.add_argument("--out", type=Path, help="write the pages into this folder instead of printing them")
    make.add_argument("--strict", action="store_true", help="exit 1 when any file has a problem")
    make.add_argument("--cache", type=Path, help="folder of the analysis cache (default: none)")
    check = commands.add_parser("check", help="report problem files without building; exit 1 if any is skipped")
    check.add_argument("path", nargs="?", type=Path, default=Path("seeds"))
    args = parser.parse_args(argv if argv is not None else sys.argv[1:] or ["build"])
    if args.command == "check":
        return run_check(args.path)
    return run_build(Settings(args.seeds, cache=args.cache), args.out, args.strict)


def run_build(settings: Settings, out: Path | None, strict: bool) -> int:
    result = build(settings)
    for problem in result.problems:
        print(f"{problem.severity.upper()}: {problem}", file=sys.stderr)
    for page in result.pages:
        if out is None:
            print(f"===== {page.uri} =====\n{page.markdown}")
            continue
        target = out / page.uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    print(summary_line(result), file=sys.stderr)
    return 1 if strict and result.problems else 0


def run_check(path: Path) -> int:
    settings = Settings(path)
    read = read_folder(settings.seeds, settings.max_article_bytes)
    articles, cleaning_problems = clean_all(read.sources)
    problems = sorted([*read.problems, *cleaning_problems], key=lambda p: (p.path, p.reason))
    for problem in problems:
        print(f"{problem.severity.upper()}: {problem}")
    skipped = {p.path for p in problems if p.severity == "error"}
    print(f"{len(articles)} articles ready, {len(skipped)} would be skipped, "
          f"{len({p.path for p in problems} - skipped)} repaired")
    return 1 if skipped else 0


if __name__ == "__main__":
    sys.exit(main())
