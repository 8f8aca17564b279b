"""Command line: `python -m generator [--out DIR]` builds the Markdown without mkdocs;
`python -m generator check [PATH]` lints a folder of articles without building."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator.pipeline import build, check, read_records
from generator.render.buildinfo import build_time
from generator.report import cache_line, summary_line, unused_keys_line
from generator.settings import Settings, SettingsError, default


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command")
    make = commands.add_parser("build", help="generate the Markdown pages (the default)")
    make.add_argument("--seeds", type=Path, default=default("seeds"), help="folder of articles (default: %(default)s)")
    make.add_argument("--out", type=Path, help="write the pages into this folder instead of printing them")
    make.add_argument("--strict", action="store_true", help="exit 1 when any file has a problem")
    make.add_argument("--cache", type=Path, default=default("cache"), help="cache folder (default: %(default)s)")
    make.add_argument("--no-cache", dest="cache", action="store_const", const=None, help="use no cache")
    make.add_argument("--site-name", default=default("site_name"))
    make.add_argument("--site-url", default=default("site_url"), help="printed on paper before each page's path")
    make.add_argument("--directory-urls", action=argparse.BooleanOptionalAction, default=default("directory_urls"),
                      help="pages at briefs/x/ rather than briefs/x.html (mkdocs' use_directory_urls)")
    make.add_argument("--max-article-bytes", type=int, default=default("max_article_bytes"))
    make.add_argument("--entity-min-briefs", type=int, default=default("entity_min_briefs"))
    make.add_argument("--summary-words", type=int, default=default("summary_words"),
                      help="a summary's word budget (at most three sentences)")
    make.add_argument("--workers", type=int, default=default("workers"), help="processes; 0: as suits the corpus")
    make.add_argument("--scheduler", default=default("scheduler"),
                      help="a Dask scheduler's address (tcp://host:8786) to analyse the articles on")
    make.add_argument("--docs", type=Path, default=default("docs"),
                      help="hand-written pages: generated pages at their paths are left out")
    check = commands.add_parser("check", help="report problem files without building; exit 1 if any is skipped")
    check.add_argument("path", nargs="?", type=Path, default=default("seeds"))
    read = commands.add_parser("read", help="what the generator reads from every file, as JSON")
    read.add_argument("path", type=Path, help="a folder of articles (or one file)")
    read.add_argument("--json", type=Path, required=True, dest="out",
                      help="write the JSON here (- for standard output)")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:] or ["build"])
    if args.command == "check":
        return run_check(args.path)
    if args.command == "read":
        return run_read(args.path, args.out)
    try:
        settings = Settings(
            seeds=args.seeds, cache=args.cache, site_name=args.site_name, site_url=args.site_url,
            directory_urls=args.directory_urls, max_article_bytes=args.max_article_bytes,
            entity_min_briefs=args.entity_min_briefs, summary_words=args.summary_words, workers=args.workers,
            scheduler=args.scheduler,
            docs=args.docs,
            built=build_time(),  # as the site's: SOURCE_DATE_EPOCH when set, else now
        )
    except SettingsError as error:
        parser.error(str(error))
    return run_build(settings, args.out, args.strict)


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
    for note in (unused_keys_line(result.unused_keys), cache_line(result)):
        if note:
            print(f"INFO: {note}", file=sys.stderr)
    return 1 if strict and result.problems else 0


def run_check(path: Path) -> int:
    articles, problems, unused_keys = check(Settings(path, cache=None))
    if note := unused_keys_line(unused_keys):
        print(f"INFO: {note}")
    for problem in problems:
        print(f"{problem.severity.upper()}: {problem}")
    skipped = {p.path for p in problems if p.severity == "error"}
    print(f"{len(articles)} articles ready, {len(skipped)} would be skipped, "
          f"{len({p.path for p in problems} - skipped)} repaired")
    return 1 if skipped else 0


def run_read(path: Path, out: Path) -> int:
    """Write what each file reads as, keyed by its path below `path` without the extension."""
    folder, only = (path, None) if path.is_dir() else (path.parent, path)
    records = read_records(folder, only)
    text = json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if str(out) == "-":
        sys.stdout.write(text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    print(f"{len(records)} files read", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
