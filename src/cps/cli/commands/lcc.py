"""``cps lcc``: life-cycle cost of alternatives (CONTRACTS.md, ``cps lcc``)."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from cps.cli.output import print_json
from cps.errors import InputError
from cps.money import parse_amount

ORDER = 50
CHART_SUFFIXES = (".png", ".svg")

# The life-cycle-cost machinery (pydantic models, matplotlib) is imported inside ``run``: every
# ``cps`` command imports this module to build its help, and should not pay for it.


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "lcc",
        help="costo del ciclo de vida: compara alternativas por valor presente",
        description=(
            "Calcula el valor presente del costo del ciclo de vida de cada alternativa (adquisición, "
            "costos anuales con escalamiento real, costos únicos, valor residual y emisiones valoradas "
            "al precio del carbono), las ordena, calcula el ahorro frente a la primera alternativa (la "
            "que la entidad compra hoy) y la sensibilidad a la tasa de descuento y al escalamiento. "
            "Formato del caso: docs/lcc-format.md. Para empezar: cps lcc --template."
        ),
    )
    parser.add_argument("case", nargs="?", metavar="CASO.yaml", help="archivo del caso (YAML)")
    parser.add_argument("--json", action="store_true", help="resultado en JSON (un objeto en la salida estándar)")
    parser.add_argument("--chart", metavar="GRAFICO.png|GRAFICO.svg",
                        help="escribe el gráfico de barras y de sensibilidad (PNG o SVG)")
    carbon = parser.add_mutually_exclusive_group()
    carbon.add_argument("--carbon-price", metavar="COP_POR_tCO2e",
                        help="precio del carbono en pesos por tCO2e (reemplaza el del archivo; 0 = no valorar)")
    carbon.add_argument("--carbon-year", metavar="AÑO", type=int,
                        help="usa el impuesto nacional al carbono de ese año (reemplaza el del archivo)")
    parser.add_argument("--rates", metavar="DESDE:HASTA:PASO",
                        help="tasas de descuento de la sensibilidad, en fracción (por omisión 0:0.15:0.01)")
    parser.add_argument("--escalations", metavar="DESDE:HASTA:PASO",
                        help="cambios del escalamiento de la línea más grande, en fracción "
                        "(por omisión -0.05:0.05:0.01)")
    parser.add_argument("--break-even-range", metavar="DESDE:HASTA",
                        help="rango de búsqueda de la tasa de equilibrio (por omisión 0:1, es decir 0 %%–100 %%)")
    parser.add_argument("--template", nargs="?", const="", metavar="NOMBRE",
                        help="escribe una plantilla para llenar (sin nombre: lista las plantillas)")
    parser.add_argument("--list-templates", action="store_true", help="lista las plantillas disponibles")
    parser.add_argument("--out", metavar="ARCHIVO.yaml", help="con --template: archivo donde escribir la plantilla")
    parser.add_argument("--force", action="store_true", help="con --template --out: reemplaza el archivo si existe")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cps.lcc import carbon as carbon_prices
    from cps.lcc.compute import compute
    from cps.lcc.reader import load_case
    from cps.lcc.report import render_text
    from cps.lcc.sensitivity import sensitivity

    if args.list_templates or args.template == "":
        return _list_templates(args)
    if args.template is not None:
        return _write_template(args)
    if not args.case:
        raise InputError("falta el archivo del caso: cps lcc CASO.yaml (o cps lcc --template para ver las plantillas)")
    if args.out:
        raise InputError("--out solo se usa con --template; para el gráfico use --chart", field="--out")
    if args.chart and Path(args.chart).suffix.lower() not in CHART_SUFFIXES:
        raise InputError("el gráfico debe terminar en .png o .svg", file=args.chart, field="--chart")
    rates = _range(args.rates, "--rates", 3) if args.rates else None
    escalations = _range(args.escalations, "--escalations", 3) if args.escalations else None
    break_even = _range(args.break_even_range, "--break-even-range", 2) if args.break_even_range else None

    case = load_case(args.case)
    override = _decimal(args.carbon_price, "--carbon-price") if args.carbon_price is not None else None
    carbon = carbon_prices.resolve(case, override=override, tax_year=args.carbon_year)
    result = compute(case, carbon)
    try:
        sens = sensitivity(
            case, carbon, rates=rates, escalation_deltas=escalations,
            break_even_range=(break_even[0], break_even[1]) if break_even else None,
        )
    except ValueError as error:
        raise InputError(str(error), field="--break-even-range") from error
    if args.chart:
        from cps.lcc.chart import render_chart

        render_chart(result, sens, args.chart)
    if args.json:
        payload = result.model_dump(mode="json")
        payload["sensitivity"] = sens.model_dump(mode="json")
        if args.chart:
            payload["chart"] = str(args.chart)
        print_json(payload)
    else:
        sys.stdout.write(render_text(result, sens))
        if args.chart:
            sys.stdout.write(f"Gráfico escrito en {args.chart}\n")
    for warning in result.warnings:
        print(f"cps lcc: advertencia: {warning}", file=sys.stderr)
    return 0


def _list_templates(args: argparse.Namespace) -> int:
    from cps.lcc import templates

    infos = templates.available()
    if args.json:
        print_json({"templates": [{"name": t.name, "title": t.title, "summary": t.summary} for t in infos]})
        return 0
    print("Plantillas de costo del ciclo de vida (cps lcc --template NOMBRE --out caso.yaml):")
    width = max(len(t.name) for t in infos)
    for t in infos:
        print(f"  {t.name.ljust(width)}  {t.summary}")
    return 0


def _write_template(args: argparse.Namespace) -> int:
    from cps.lcc import templates

    if args.out:
        path = templates.write(args.template, args.out, force=args.force)
        if args.json:
            print_json({"template": args.template, "written": str(path)})
        else:
            print(f"Plantilla escrita en {path}. Llénela y ejecute: cps lcc {path}", file=sys.stderr)
        return 0
    content = templates.text(args.template)
    if args.json:
        print_json({"template": args.template, "written": None, "text": content})
    else:
        sys.stdout.write(content)
    return 0


def _decimal(text: str, option: str) -> Decimal:
    raw = text.strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        try:
            value = parse_amount(raw)
        except ValueError:
            raise InputError(f"se esperaba un número y se encontró «{text}»", field=option) from None
    if not value.is_finite():
        raise InputError(f"se esperaba un número finito y se encontró «{text}»", field=option)
    return value


def _range(text: str, option: str, parts: int) -> tuple[Decimal, ...]:
    from cps.lcc.sensitivity import grid

    pieces = text.split(":")
    shape = "DESDE:HASTA:PASO" if parts == 3 else "DESDE:HASTA"
    if len(pieces) != parts:
        raise InputError(f"escriba el rango como {shape} (por ejemplo 0:0.15:0.01) y se encontró «{text}»",
                         field=option)
    values = []
    for piece in pieces:
        try:
            value = Decimal(piece.strip())
        except InvalidOperation:
            raise InputError(f"«{piece}» no es un número (use fracciones: 0.06 = 6 %)", field=option) from None
        if not value.is_finite():
            raise InputError(f"«{piece}» no es un número finito", field=option)
        values.append(value)
    if parts == 2:
        if values[0] <= -1 or values[1] <= values[0]:
            raise InputError("el rango debe ir de un valor mayor que -1 a otro mayor", field=option)
        return tuple(values)
    try:
        return grid(values[0], values[1], values[2])
    except ValueError as error:
        raise InputError(str(error), field=option) from None
