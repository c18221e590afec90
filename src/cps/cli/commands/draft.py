"""``cps draft``: the Word annex of sustainability criteria for a reviewed invitation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cps.cli.output import existing_file
from cps.errors import InputError

ORDER = 30


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "draft",
        help="anexo en Word con los criterios de sostenibilidad del proceso",
        description=(
            "Revisa la invitación o los estudios previos y escribe un anexo en Word con los criterios "
            "de sostenibilidad de cada bien, en la ubicación que la modalidad permite, y la tabla de "
            "verificación del supervisor."
        ),
    )
    parser.add_argument("file", metavar="ARCHIVO", help="invitación o estudios previos (.pdf, .docx, .txt, .md)")
    parser.add_argument("--out", required=True, metavar="ANEXO.docx", help="archivo Word de salida")
    parser.add_argument("--level", choices=["basico", "avanzado"],
                        help="basico: solo criterios básicos; avanzado: básicos y avanzados (por omisión, todos)")
    parser.add_argument("--catalog", action="append", default=[], metavar="ARCHIVO.yaml",
                        help="archivo propio de la entidad que agrega o reemplaza criterios (repetible)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # the catalog and python-docx are imported here: every `cps` command builds this module's help
    from cps import atomic
    from cps.catalog import find_present, load_configured_catalog
    from cps.catalog.draft import build_annex, row_code

    if Path(args.out).suffix.lower() != ".docx":
        raise InputError("el anexo debe terminar en .docx", file=args.out)
    path = existing_file(args.file)
    catalog = load_configured_catalog(args.catalog)  # a broken catalog file fails before the review

    from cps.documents.review import review_path  # the review lives in cps.documents

    review = review_path(path)
    record = review.process
    if not record.unspsc:
        raise InputError("no se encontró la tabla de códigos UNSPSC del proceso; el anexo necesita los bienes",
                         file=args.file)
    document = getattr(review, "document", None)
    text = document.full_text if document is not None else ""
    present = find_present(text, catalog.criteria) if text else {}
    data = build_annex(record, level=args.level, catalog=catalog, present=present)
    atomic.write_bytes(args.out, data)
    covered = sum(1 for row in record.unspsc if row_code(row))
    print(f"Anexo escrito en {args.out}: proceso {record.process_number or 'sin número'}, "
          f"{covered} de {len(record.unspsc)} bienes con código UNSPSC válido.", file=sys.stdout)
    return 0
