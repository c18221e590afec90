"""Small SECOP II extracts for the tests, in the API format and as portal CSV exports."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from cps.indicators.schema import dataset

ENTITY = "899999331"
OTHER = "800094164"
EXAMPLE = Path(__file__).parent.parent / "fixtures" / "examples" / "indicators"

PLAN_YAML = """\
entity_nit: "899999331"
entity: Alcaldía Municipal de Gachetá
targets:
  2025: {share_processes: 0.05, share_value: 0.03}
  2026: {share_processes: 0.10, share_value: 0.08}
priority_classes: ["151215", "401615", "471318"]
"""

_ABSENT = object()


def process(n: int, **fields: Any) -> dict[str, Any]:
    """A Procesos record of the entity; ``field=None`` removes the key (Socrata omits nulls)."""
    record: dict[str, Any] = {
        "entidad": "MUNICIPIO DE GACHETA",
        "nit_entidad": ENTITY,
        "id_del_proceso": f"CO1.REQ.{n}",
        "id_del_portafolio": f"CO1.BDOS.{n}",
        "referencia_del_proceso": f"MC-{n:03d}-2026",
        "nombre_del_procedimiento": f"Suministro {n}",
        "fecha_de_publicacion_del": "2026-03-10T00:00:00.000",
        "precio_base": "10000000",
        "modalidad_de_contratacion": "Mínima cuantía",
        "estado_del_procedimiento": "Seleccionado",
        "codigo_principal_de_categoria": "V1.15121504",
        "urlproceso": {"url": f"https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=CO1.NTC.{n}"},
    }
    for key, value in fields.items():
        if value is None:
            record.pop(key, None)
        else:
            record[key] = value
    return record


def contract(n: int, portfolio: int, environmental: str | None = "No", post: str | None = "No aplica",
             **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "nombre_entidad": "MUNICIPIO DE GACHETA",
        "nit_entidad": ENTITY,
        "proceso_de_compra": f"CO1.BDOS.{portfolio}",
        "id_contrato": f"CO1.PCCNTR.{n}",
        "valor_del_contrato": "10000000",
        "obligaci_n_ambiental": environmental,
        "obligaciones_postconsumo": post,
        "estado_contrato": "En ejecución",
    }
    record.update(fields)
    return {k: v for k, v in record.items() if v is not None}


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def write_plan(path: Path, text: str = PLAN_YAML) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _portal_date(value: str, variant: int) -> str:
    """The portal export writes MM/DD/YYYY, sometimes with a 12-hour time."""
    year, month, day = value[:4], value[5:7], value[8:10]
    return f"{month}/{day}/{year}" if variant % 2 else f"{month}/{day}/{year} 12:00:00 AM"


def _portal_amount(value: str) -> str:
    return f"${int(value):,}" if value.isdigit() else value


def write_portal_csv(path: Path, name: str, records: list[dict[str, Any]], *, delimiter: str = ",",
                     encoding: str = "utf-8") -> Path:
    """A CSV export of the portal: display titles, every column, "$1,234" amounts, MM/DD/YYYY dates."""
    ds = dataset(name)  # type: ignore[arg-type]
    titles = [f.display[0] if f.display else f.api for f in ds.fields]
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(titles)
        for i, record in enumerate(records):
            row = []
            for f in ds.fields:
                value = record.get(f.api)
                if value is None:
                    row.append("")
                elif isinstance(value, dict):
                    row.append(value.get("url", ""))
                elif f.api.startswith("fecha") and len(value) >= 10 and value[4] == "-":
                    row.append(_portal_date(value, i))
                elif f.api in ("precio_base", "valor_del_contrato"):
                    row.append(_portal_amount(value))
                else:
                    row.append(value)
            writer.writerow(row)
    return path
