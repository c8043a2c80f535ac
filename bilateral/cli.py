"""Command line: check the data file, export its observations, print its JSON Schema."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import DataError
from .loading import DATA_FILE, check, load, summary


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bilateral", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    c = commands.add_parser("check", help="validate a data file; one line per problem as PATH:LINE:COL: message")
    c.add_argument("path", nargs="?", default=str(DATA_FILE), help="the data file (default: the project's own)")
    c.add_argument("--sources", metavar="DIR", help="also check each quote word for word against DIR/*.txt")
    e = commands.add_parser("export", help="write the tidy observations table, derived rows included")
    e.add_argument("path", nargs="?", default=str(DATA_FILE))
    e.add_argument("--format", choices=["csv", "json"], default="csv")
    commands.add_parser("schema", help="print the JSON Schema of the data file")
    return parser


def _problems(error: DataError) -> int:
    for problem in error.problems:
        print(problem)
    return 1


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schema":
        print(json.dumps(_schema(), indent=2, ensure_ascii=False))
        return 0
    path = Path(args.path)
    if not path.is_file():
        print(f"{args.path}: no such file", file=sys.stderr)
        return 2
    if args.command == "check":
        if args.sources and not Path(args.sources).is_dir():
            print(f"{args.sources}: no such folder", file=sys.stderr)
            return 2
        # Checked without building the tables: no pandas to import, the same problems and summary as load().
        try:
            records, problems, _ = check(path, args.sources)
            if problems:
                raise DataError(problems)
        except DataError as error:
            return _problems(error)
        print(f"{args.path}: OK: {summary(records)}")
        return 0
    try:
        data = load(path)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    from .exports import to_csv, to_json

    sys.stdout.write(to_csv(data.observations) if args.format == "csv" else to_json(data.observations))
    return 0


def _schema() -> dict:
    from .schema import json_schema

    return json_schema()
