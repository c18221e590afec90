"""``cps evaluate CASE.yaml [--json] [--report OUT.docx|OUT.pdf] [--public]``: evaluate mínima cuantía offers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cps.cli.output import print_json
from cps.errors import InputError

ORDER = 40


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "evaluate",
        help="evalúa las ofertas de un proceso de mínima cuantía y genera el informe de evaluación",
        description="Aplica el procedimiento de mínima cuantía (Decreto 1082 de 2015 art. 2.2.1.2.1.5.2): "
        "corrección aritmética y causales de rechazo, verificación de requisitos habilitantes en orden de "
        "precio, factores de desempate del art. 2.2.1.2.4.2.17 y sorteo reproducible. Formato del caso: "
        "docs/evaluation-format.md.",
    )
    p.add_argument("case", metavar="CASO.yaml", help="caso de evaluación (proceso, ítems y ofertas) en YAML o JSON")
    p.add_argument("--json", action="store_true", help="imprime el resultado en JSON (ver docs/CONTRACTS.md)")
    p.add_argument(
        "--report",
        metavar="INFORME.docx|INFORME.pdf",
        help="escribe el informe de evaluación en Word (.docx) o PDF (.pdf)",
    )
    p.add_argument(
        "--public",
        action="store_true",
        help="versión para publicar: oculta qué oferentes acreditaron factores de desempate con reserva legal "
        "(art. 2.2.1.2.4.2.17 par. 3; Ley 1581 de 2012); se aplica al informe y al JSON",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cps.evaluation import build_report, evaluate, load_case, redact, to_dict
    from cps.evaluation.summary import render_text
    from cps.reports.render import write

    if args.report and Path(args.report).suffix.lower() not in (".docx", ".pdf"):
        raise InputError("el informe debe terminar en .docx o .pdf", file=args.report)
    case = load_case(args.case)
    result = evaluate(case)
    shown = redact(result) if args.public else result
    if args.report:
        write(build_report(case, result, public=args.public), args.report)
        print(f"Informe escrito en {args.report}", file=sys.stderr)
    if args.json:
        print_json(to_dict(shown))
    else:
        sys.stdout.write(render_text(shown))
    return 0
