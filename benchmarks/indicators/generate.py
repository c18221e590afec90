"""Synthetic SECOP II extracts of the real schema for the ``cps indicators`` benchmark.

Writes ``procesos.jsonl`` (all 59 API fields of p6dx-8zbt) and ``contratos.jsonl`` (all API
fields of jbjy-vk9h) in the datos.gov.co format (every value a string, absent keys for nulls,
"No Definido" sentinels, ``urlproceso`` as an object), plus ``plan.yaml``; with ``--csv`` also the
portal's CSV exports (display titles, "$1,234,567" amounts, MM/DD/YYYY dates), converted by DuckDB.

The measured entity owns ``--entity-share`` of the processes; the rest belong to other entities.
About 1 % of the rows are repeated, 3 % cancelled, 3 % without a usable Precio Base, and 8 % of the
contracts carry an environmental or post-consumption obligation written as Si / SI / sí / Sí.

    python benchmarks/indicators/generate.py --processes 1000000 --contracts 1000000 --out benchmarks/out/indicators
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from cps.indicators.schema import dataset

ENTITY_NIT = "899999331"
PRIORITY = ["151215", "401615", "471318", "141117", "432115"]
MODALITIES = [
    "Contratación directa", "Mínima cuantía", "MÍNIMA CUANTÍA", "Contratación régimen especial (con ofertas)",
    "Selección Abreviada de Menor Cuantía", "Licitación pública", "Concurso de méritos abierto",
    "Selección abreviada subasta inversa", "Contratación Directa (con ofertas)",
]
STATES = ["Seleccionado"] * 6 + ["Adjudicado"] * 5 + ["Publicado"] * 3 + ["Desierto", "Borrador"]
WORDS = ["suministro", "adquisicion", "de", "elementos", "servicios", "apoyo", "gestion", "mantenimiento", "preventivo", "correctivo", "vehiculos", "parque", "automotor", "entidad", "municipal", "aseo", "cafeteria", "papeleria", "insumos", "computadores", "licencias", "software", "obra", "civil", "adecuacion", "sede", "administrativa", "consultoria", "interventoria", "tecnica", "profesionales", "prestacion", "transporte", "escolar", "alimentacion", "programa", "combustible", "lubricantes", "filtros"]
DEPARTMENTS = ["Cundinamarca", "Antioquia", "Valle del Cauca", "Distrito Capital de Bogotá", "Boyacá", "Santander"]
YES = ["Si", "SI", "sí", "Sí", "si"]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def _date(rng: random.Random, year: int) -> str:
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T00:00:00.000"


def _filler(rng: random.Random, fields: list[str], kind: str) -> list[dict[str, str]]:
    """A few pre-built sets of values for the columns the computation does not read."""
    out = []
    for _ in range(64):
        values: dict[str, str] = {}
        for f in fields:
            if f.startswith("fecha"):
                values[f] = _date(rng, rng.randint(2021, 2026))
            elif f.startswith(("valor", "saldo", "presupuesto", "sistema_general", "recursos")):
                values[f] = str(rng.randint(0, 900) * 100_000)
            elif f.startswith(("nombre", "descrip", "objeto", "justific", "condiciones", "direcci")):
                values[f] = _text(rng, rng.randint(6, 22))
            elif f.startswith(("es_", "habilita", "liquidaci", "reversion", "adjudicado", "espost")):
                values[f] = rng.choice(["Si", "No"])
            elif f.startswith(("codigo", "nit", "documento", "identific", "n_mero", "id_")):
                values[f] = str(rng.randint(10**6, 10**10))
            elif f.startswith("departamento"):
                values[f] = rng.choice(DEPARTMENTS)
            else:
                values[f] = rng.choice(["No Definido", "No aplica", _text(rng, 2), str(rng.randint(0, 50))])
            if rng.random() < 0.08:  # Socrata omits the key of an empty value
                del values[f]
        out.append(values)
    return out


def _dump(values: dict[str, object]) -> str:
    return json.dumps(values, ensure_ascii=False, separators=(", ", ": "))


def generate(out: Path, processes: int, contracts: int, entity_share: float, seed: int = 2026) -> dict[str, float]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    proc_fields = [f.api for f in dataset("procesos").fields]
    contr_fields = [f.api for f in dataset("contratos").fields]
    used_p = {"entidad", "nit_entidad", "id_del_proceso", "id_del_portafolio", "referencia_del_proceso",
              "nombre_del_procedimiento", "descripci_n_del_procedimiento", "fecha_de_publicacion_del",
              "fecha_de_ultima_publicaci", "precio_base", "modalidad_de_contratacion", "estado_del_procedimiento",
              "codigo_principal_de_categoria", "urlproceso"}
    used_c = {"nombre_entidad", "nit_entidad", "proceso_de_compra", "id_contrato", "valor_del_contrato",
              "obligaci_n_ambiental", "obligaciones_postconsumo", "codigo_de_categoria_principal",
              "estado_contrato", "urlproceso"}
    proc_filler = _filler(rng, [f for f in proc_fields if f not in used_p], "procesos")
    contr_filler = _filler(rng, [f for f in contr_fields if f not in used_c], "contratos")
    other_nits = [str(800_000_000 + rng.randint(0, 99_999_999)) for _ in range(1500)]
    classes = PRIORITY + [f"{rng.randint(10, 95)}{rng.randint(10, 99)}{rng.randint(10, 99)}" for _ in range(400)]
    start = time.perf_counter()
    portfolios: list[str] = []
    chunk: list[str] = []
    with (out / "procesos.jsonl").open("w", encoding="utf-8") as fh:
        written = 0
        n = 0
        while written < processes:
            is_entity = rng.random() < entity_share
            nit = ENTITY_NIT if is_entity else rng.choice(other_nits)
            year = rng.randint(2021, 2026)
            cls = rng.choice(classes)
            record: dict[str, object] = {
                "entidad": "MUNICIPIO DE GACHETA" if is_entity else f"ENTIDAD {nit}",
                "nit_entidad": nit,
                "id_del_proceso": f"CO1.REQ.{10_000_000 + n}",
                "id_del_portafolio": f"CO1.BDOS.{20_000_000 + n}",
                "referencia_del_proceso": f"MC-{n % 1000:03d}-{year}",
                "nombre_del_procedimiento": _text(rng, 6),
                "descripci_n_del_procedimiento": _text(rng, 24),
                "fecha_de_publicacion_del": _date(rng, year),
                "fecha_de_ultima_publicaci": _date(rng, year),
                "precio_base": str(rng.randint(1, 4000) * 250_000),
                "modalidad_de_contratacion": rng.choice(MODALITIES),
                "estado_del_procedimiento": rng.choice(STATES),
                "codigo_principal_de_categoria": f"V1.{cls}{rng.randint(1, 40):02d}",
                "urlproceso": {"url": "https://community.secop.gov.co/Public/Tendering/OpportunityDetail/"
                                      f"Index?noticeUID=CO1.NTC.{30_000_000 + n}"},
            }
            r = rng.random()
            if r < 0.03:
                record["estado_del_procedimiento"] = "Cancelado"
            elif r < 0.05:
                record["precio_base"] = "No Definido"
            elif r < 0.06:
                del record["precio_base"]
            record.update(rng.choice(proc_filler))
            line = _dump(record)
            chunk.append(line)
            written += 1
            if rng.random() < 0.01 and written < processes:  # a repeated row (overlapping downloads)
                chunk.append(line)
                written += 1
            portfolios.append(f"CO1.BDOS.{20_000_000 + n}")
            n += 1
            if len(chunk) >= 20_000:
                fh.write("\n".join(chunk) + "\n")
                chunk.clear()
        if chunk:
            fh.write("\n".join(chunk) + "\n")
    chunk.clear()
    with (out / "contratos.jsonl").open("w", encoding="utf-8") as fh:
        for k in range(contracts):
            pc = rng.choice(portfolios)
            r = rng.random()
            record = {
                "nombre_entidad": "ENTIDAD",
                "nit_entidad": ENTITY_NIT if rng.random() < entity_share else rng.choice(other_nits),
                "proceso_de_compra": pc,
                "id_contrato": f"CO1.PCCNTR.{40_000_000 + k}",
                "valor_del_contrato": str(rng.randint(1, 4000) * 250_000),
                "obligaci_n_ambiental": rng.choice(YES) if r < 0.05 else rng.choice(["No", "No", "No Definido"]),
                "obligaciones_postconsumo": rng.choice(YES) if 0.04 < r < 0.08 else rng.choice(["No", "No aplica"]),
                "codigo_de_categoria_principal": f"V1.{rng.choice(classes)}00",
                "estado_contrato": rng.choice(["En ejecución", "Modificado", "terminado", "Cerrado", "Activo"]),
                "urlproceso": {"url": f"https://community.secop.gov.co/Public/Tendering/ContractNoticePhases/View?PPI={pc}"},
            }
            record.update(rng.choice(contr_filler))
            chunk.append(_dump(record))
            if len(chunk) >= 20_000:
                fh.write("\n".join(chunk) + "\n")
                chunk.clear()
        if chunk:
            fh.write("\n".join(chunk) + "\n")
    (out / "plan.yaml").write_text(
        f'entity_nit: "{ENTITY_NIT}"\nentity: Entidad de prueba (benchmark)\n'
        "targets:\n  2025: {share_processes: 0.05, share_value: 0.03}\n"
        "  2026: {share_processes: 0.10, share_value: 0.08}\n"
        f"priority_classes: {json.dumps(PRIORITY[:3])}\n",
        encoding="utf-8",
    )
    return {"seconds": time.perf_counter() - start}


def to_csv(out: Path) -> None:
    """Portal-style CSV exports of the two JSON-lines files (display titles, formatted values)."""
    import duckdb

    con = duckdb.connect(config={"threads": 2, "memory_limit": "1GB"})
    for name in ("procesos", "contratos"):
        ds = dataset(name)  # type: ignore[arg-type]
        spec = ", ".join(f"'{f.api}': 'VARCHAR'" for f in ds.fields)
        cols = []
        for f in ds.fields:
            title = (f.display[0] if f.display else f.api).replace('"', '""')
            expr = f'"{f.api}"'
            if f.api.startswith("fecha"):
                expr = f"strftime(try_strptime({expr}, '%Y-%m-%dT%H:%M:%S.%g'), '%m/%d/%Y')"
            elif f.api in ("precio_base", "valor_del_contrato"):
                expr = f"CASE WHEN regexp_full_match({expr}, '\\d+') THEN '$' || format('{{:,}}', {expr}::BIGINT) ELSE {expr} END"
            elif f.api == "urlproceso":
                expr = f"json_extract_string({expr}, '$.url')"
            cols.append(f'{expr} AS "{title}"')
        con.execute(
            f"COPY (SELECT {', '.join(cols)} FROM read_json('{out / (name + '.jsonl')}', format='newline_delimited', "
            f"records=true, columns={{{spec}}})) TO '{out / (name + '.csv')}' (HEADER, DELIMITER ',')"
        )
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=1_000_000)
    parser.add_argument("--contracts", type=int, default=1_000_000)
    parser.add_argument("--entity-share", type=float, default=0.10)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out/indicators"))
    parser.add_argument("--csv", action="store_true", help="also write the portal-style CSV exports")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    info = generate(args.out, args.processes, args.contracts, args.entity_share, args.seed)
    if args.csv:
        to_csv(args.out)
    sizes = {p.name: round(p.stat().st_size / 1e6, 1) for p in sorted(args.out.iterdir()) if p.is_file()}
    print(json.dumps({"generated_in_s": round(info["seconds"], 1), "files_mb": sizes}))


if __name__ == "__main__":
    main()
