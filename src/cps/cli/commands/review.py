"""``cps review FILE [--json]``: read an invitation or estudios previos and report what is wrong."""

from __future__ import annotations

import argparse
import sys

from cps.cli.output import print_json

ORDER = 10


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "review",
        help="revisa una invitación o estudios previos (PDF, Word, texto)",
        description="Lee la invitación o los estudios previos, extrae la ficha del proceso y reporta cada "
        "inconsistencia y defecto legal con su sección, página, texto citado y norma.",
    )
    p.add_argument("file", metavar="ARCHIVO", help="documento .pdf, .docx, .txt o .md")
    p.add_argument("--json", action="store_true", help="imprime el resultado en JSON (ver docs/CONTRACTS.md)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cps.documents.report_text import render
    from cps.documents.review import review_path

    review = review_path(args.file)
    if args.json:
        print_json(review.to_json())
    else:
        sys.stdout.write(render(review))
    return 1 if review.errors else 0
