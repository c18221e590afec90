"""Helpers for the catalog tests: the seed's process record and valid test criteria."""

from __future__ import annotations

from typing import Any

from cps.documents.record import ProcessRecord, UnspscRow

# The UNSPSC table of the seed invitation MC-034-2026 (§1.7), as written, malformed codes included.
SEED_ROWS = [
    ("15000000", "15120000", "15121500", "15121504", "Aceite hidráulico"),
    ("15000000", "15120000", "15121500", "15121501", "Aceite motor"),
    ("15000000", "15120000", "15121900", "15121902", "Grasa"),
    ("15000000", "15120000", "15121500", "15121508", "Aceite de transmisión"),
    ("4000000", "40140000", "40141700", "40141734", "Conectores para mangueras"),
    ("4000000", "40160000", "40161500", "40161504", "Filtros de aceite"),
    ("4000000", "4016000", "40161500", "40161505", "Filtros de aire"),
    ("4000000", "4016000", "40161500", "40161513", "Filtros de combustible"),
    ("400000", "4016000", "40161500", "40161515", "Filtros hidráulicos"),
]


def seed_record(**changes: Any) -> ProcessRecord:
    """A hand-built record mirroring the seed invitation (what ``cps review`` extracts)."""
    data: dict[str, Any] = {
        "process_number": "MC-034-2026",
        "entity": "ALCALDÍA MUNICIPAL DE GACHETÁ",
        "entity_nit": "899999331-2",
        "modality": "minima_cuantia",
        "object": (
            "SUMINISTRO DE LUBRICANTES, REPUESTOS, HERRAMIENTAS Y ACCESORIOS NECESARIOS PARA EL "
            "FUNCIONAMIENTO DE LA MAQUINARIA PESADA Y/O VEHICULOS DEL MUNICIPIO DE GACHETÁ, CUNDINAMARCA"
        ),
        "unspsc": [UnspscRow(segment=s, family=f, class_=c, product=p, name=n) for s, f, c, p, n in SEED_ROWS],
    }
    data.update(changes)
    return ProcessRecord(**data)


def criterion(cid: str, **changes: Any) -> dict[str, Any]:
    """A valid criterion entry for test catalogs."""
    data: dict[str, Any] = {
        "id": cid,
        "title": f"Criterio {cid}",
        "text": f"Cláusula de prueba {cid}.",
        "dimension": "environmental",
        "aspect": "waste",
        "level": "basico",
        "placements": ["technical_specification"],
        "verification": "Certificado.",
        "verification_means": ["certificate"],
        "legal_basis": "Norma de prueba.",
        "nature": "recommendation",
        "sources": ["fuente-prueba"],
        "detect": [f"marca {cid.lower()}"],
    }
    data.update(changes)
    return data


SOURCES = {"fuente-prueba": {"title": "Fuente de prueba", "url": "https://example.org/fuente", "status": "confirmed"}}
