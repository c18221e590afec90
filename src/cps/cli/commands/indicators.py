"""``cps indicators``: the entity's progressive CPS goals measured on SECOP II extracts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cps.cli.output import print_json
from cps.errors import InputError

ORDER = 60


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "indicators",
        help="metas progresivas e indicadores de compras sostenibles con datos de SECOP II",
        description=(
            "Mide el plan de compras públicas sostenibles de la entidad (metas por año y clases UNSPSC "
            "prioritarias) frente a lo que publicó en SECOP II: procesos (p6dx-8zbt) y contratos "
            "(jbjy-vk9h), en JSON lines de la API de datos.gov.co o en CSV exportado del portal."
        ),
    )
    parser.add_argument("--procesos", required=True, metavar="P",
                        help="extracto de SECOP II - Procesos de Contratación (.jsonl, .json o .csv)")
    parser.add_argument("--contratos", required=True, metavar="C",
                        help="extracto de SECOP II - Contratos Electrónicos (.jsonl, .json o .csv)")
    parser.add_argument("--plan", required=True, metavar="PLAN.yaml",
                        help="plan de la entidad: NIT, metas por año y clases prioritarias")
    parser.add_argument("--registro", metavar="REGISTRO.csv",
                        help="registro propio de procesos con criterios (CSV con la columna «ID del Proceso»)")
    parser.add_argument("--json", action="store_true", help="imprime el resultado en JSON")
    parser.add_argument("--xlsx", metavar="SALIDA.xlsx", help="escribe las tablas en un libro de Excel")
    parser.add_argument("--pdf", metavar="SALIDA.pdf",
                        help="escribe el informe para la revisión por la dirección (ISO 14001, 9.3)")
    parser.add_argument("--docx", metavar="SALIDA.docx", help="escribe el mismo informe en Word")
    parser.add_argument("--from-api", action="store_true",
                        help="descarga antes los extractos de la entidad desde datos.gov.co y los guarda en "
                             "--procesos y --contratos")
    parser.add_argument("--api-url", metavar="URL",
                        help="URL base de la API (por defecto CPS_SOCRATA_URL o https://www.datos.gov.co)")
    parser.add_argument("--app-token", metavar="TOKEN",
                        help="token de aplicación de datos.gov.co (opcional; también CPS_SOCRATA_APP_TOKEN)")
    parser.set_defaults(func=run)


def _check_output(path: str | None, suffix: str) -> None:
    if path is not None and Path(path).suffix.lower() != suffix:
        raise InputError(f"el archivo de salida debe terminar en {suffix}", file=path)


def run(args: argparse.Namespace) -> int:
    from cps.indicators import compute, load_plan
    from cps.indicators.text import render_text

    _check_output(args.xlsx, ".xlsx")
    _check_output(args.pdf, ".pdf")
    _check_output(args.docx, ".docx")
    plan = load_plan(args.plan)
    if args.from_api:
        from cps.indicators.fetch import FetchOptions, fetch_extracts

        options = FetchOptions.from_env(args.api_url, args.app_token)
        print(f"Descargando de {options.base_url} los procesos y contratos del NIT {plan.entity_nit}…",
              file=sys.stderr)
        report = fetch_extracts(plan.entity_nit, args.procesos, args.contratos, options)
        print(
            f"Descargados {report.procesos_rows} procesos y {report.contratos_rows} contratos "
            f"({report.requests} solicitudes, {report.retries} reintentos).",
            file=sys.stderr,
        )
    result = compute(plan, args.procesos, args.contratos, args.registro)
    if args.xlsx:
        from cps.indicators.report_xlsx import write_xlsx

        write_xlsx(result, args.xlsx)
    if args.pdf or args.docx:
        from cps.indicators.report_pdf import write_report

        for path in (args.pdf, args.docx):
            if path:
                write_report(result, path)
    if args.json:
        print_json(result.to_json())
    else:
        sys.stdout.write(render_text(result))
        for path in (args.xlsx, args.pdf, args.docx):
            if path:
                print(f"Escrito: {path}")
    return 0
