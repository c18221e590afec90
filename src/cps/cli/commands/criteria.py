"""``cps criteria``: sustainability criteria for UNSPSC codes, or the list of categories."""

from __future__ import annotations

import argparse
import sys

from cps.catalog import load_configured_catalog, recommend
from cps.catalog.modalities import modalities
from cps.catalog.output import categories_json, categories_text, recommendations_json, recommendations_text
from cps.cli.output import print_json
from cps.errors import InputError
from cps.law.unspsc import Code, MalformedCode

ORDER = 20


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "criteria",
        help="criterios de sostenibilidad por código UNSPSC",
        description=(
            "Criterios de sostenibilidad que aplican a cada código UNSPSC (producto, clase, familia "
            "o segmento; primero el más específico), en la ubicación que la modalidad permite."
        ),
    )
    parser.add_argument("codes", nargs="*", metavar="CÓDIGO", help="códigos UNSPSC de 8 dígitos")
    parser.add_argument("--modality", choices=sorted(modalities()), metavar="MODALIDAD",
                        help="modalidad de selección: " + ", ".join(sorted(modalities()))
                        + " (en minima_cuantia nunca hay criterios de puntaje)")
    parser.add_argument("--level", choices=["basico", "avanzado"],
                        help="basico: solo criterios básicos; avanzado: básicos y avanzados")
    parser.add_argument("--list", action="store_true", help="lista las categorías del catálogo")
    parser.add_argument("--catalog", action="append", default=[], metavar="ARCHIVO.yaml",
                        help="archivo propio de la entidad que agrega o reemplaza criterios (repetible)")
    parser.add_argument("--json", action="store_true", help="salida en JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    catalog = load_configured_catalog(args.catalog)
    if args.list:
        if args.codes:
            raise InputError("use --list sin códigos, o códigos sin --list")
        if args.json:
            print_json(categories_json(catalog))
        else:
            sys.stdout.write(categories_text(catalog))
        return 0
    if not args.codes:
        raise InputError("indique al menos un código UNSPSC de 8 dígitos, o use --list")
    codes = []
    for text in args.codes:
        try:
            codes.append(Code.parse(text))
        except MalformedCode as error:
            raise InputError(str(error), field="CÓDIGO") from None
    results = recommend(codes, modality=args.modality, level=args.level, catalog=catalog)
    if args.json:
        print_json(recommendations_json(results, catalog, modality=args.modality, level=args.level))
    else:
        sys.stdout.write(recommendations_text(results, catalog, modality=args.modality, level=args.level))
    return 0
