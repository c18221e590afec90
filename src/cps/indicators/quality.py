"""Rows that could not be used, counted by reason (never silently dropped).

Works on the tables built by :mod:`cps.indicators.compute`: ``p`` (every Procesos row), ``e``
(the entity's rows), ``d`` (one row per process id), ``f`` (counted processes), ``c`` (every
Contratos row), ``ec`` (contracts of the entity's processes) and ``portfolios``.
"""

from __future__ import annotations

import duckdb

from cps.indicators.readers import Source
from cps.indicators.result import FileQuality, Reason
from cps.indicators.schema import vocabulary
from cps.indicators.sql import one, rows, sql_list

EXAMPLES = 20


def _examples(con: duckdb.DuckDBPyConnection, count: int, sql: str) -> list[str]:
    return [str(r[0]) for r in rows(con, f"{sql} LIMIT {EXAMPLES}")] if count else []


def procesos_quality(con: duckdb.DuckDBPyConnection, source: Source, entity_nit: str) -> FileQuality:
    cancelled = sql_list(vocabulary().cancelled_states)
    active = f"coalesce(d.state NOT IN {cancelled}, true)"
    total, entity_rows, no_nit, other = one(
        con,
        """SELECT count(*), count(*) FILTER (is_entity), count(*) FILTER (nit IS NULL),
                  count(*) FILTER (NOT is_entity AND nit IS NOT NULL) FROM p""",
    )
    no_id = one(con, "SELECT count(*) FROM e WHERE id IS NULL")[0]
    duplicates, n_cancelled, no_year = one(
        con,
        f"""SELECT coalesce(sum(copies - 1), 0), count(*) FILTER (state IN {cancelled}),
                   count(*) FILTER ({active} AND year IS NULL) FROM d""",
    )
    no_value, no_portfolio, no_unspsc = one(
        con,
        """SELECT count(*) FILTER (value IS NULL), count(*) FILTER (portfolio IS NULL),
                  count(*) FILTER (unspsc IS NULL) FROM f""",
    )
    reasons = [
        Reason(code="otra_entidad", label="Filas de otras entidades (no se cuentan)", count=other),
        Reason(code="sin_nit", label="Filas sin NIT de entidad (no se pueden atribuir)", count=no_nit),
        Reason(code="sin_id", label="Filas de la entidad sin ID del Proceso (no se cuentan)", count=no_id),
        Reason(
            code="duplicada",
            label="Filas repetidas de un mismo ID del Proceso (el proceso se cuenta una vez)",
            count=duplicates,
            examples=_examples(con, duplicates, "SELECT id FROM d WHERE copies > 1 ORDER BY id"),
        ),
        Reason(
            code="cancelado",
            label="Procesos cancelados (se excluyen)",
            count=n_cancelled,
            examples=_examples(con, n_cancelled, f"SELECT id FROM d WHERE state IN {cancelled} ORDER BY id"),
        ),
        Reason(
            code="sin_fecha",
            label="Procesos sin Fecha de Publicación del Proceso utilizable (no se pueden asignar a un año)",
            count=no_year,
            examples=_examples(
                con,
                no_year,
                f"""SELECT d.id || ' (' || coalesce(nullif(trim(p.date_raw), ''), 'vacía') || ')'
                    FROM d JOIN p ON p.rowid = d.rn WHERE {active} AND d.year IS NULL ORDER BY d.id""",
            ),
        ),
        Reason(
            code="sin_valor",
            label="Procesos sin Precio Base utilizable (cuentan pero no suman valor)",
            count=no_value,
            examples=_examples(
                con,
                no_value,
                """SELECT f.id || ' (' || coalesce(nullif(trim(p.value_raw), ''), 'vacío') || ')'
                   FROM f JOIN p ON p.rowid = f.rn WHERE f.value IS NULL ORDER BY f.id""",
            ),
        ),
        Reason(
            code="sin_portafolio",
            label="Procesos sin ID del Portafolio (no se pueden unir con sus contratos)",
            count=no_portfolio,
            examples=_examples(con, no_portfolio, "SELECT id FROM f WHERE portfolio IS NULL ORDER BY id"),
        ),
        Reason(
            code="sin_categoria",
            label="Procesos sin Código Principal de Categoría UNSPSC válido (no entran en clases prioritarias)",
            count=no_unspsc,
            examples=_examples(con, no_unspsc, "SELECT id FROM f WHERE unspsc IS NULL ORDER BY id"),
        ),
    ]
    warnings = list(source.warnings)
    if total and not entity_rows:
        top = rows(
            con,
            "SELECT nit, count(*) AS n FROM p WHERE nit IS NOT NULL GROUP BY nit ORDER BY n DESC, nit LIMIT 5",
        )
        found = ", ".join(f"{nit} ({n} filas)" for nit, n in top) or "ninguno"
        warnings.append(
            f"{source.path.name}: ninguna fila es de la entidad con NIT {entity_nit}; NIT más frecuentes en el "
            f"archivo: {found}. Revise entity_nit en el plan."
        )
    return FileQuality(
        path=str(source.path),
        dataset=source.dataset.label,
        format=source.format_label,
        rows=total,
        columns_found=source.columns_found,
        unknown_columns=source.unknown_columns,
        reasons=reasons,
        warnings=warnings,
    )


def contratos_quality(con: duckdb.DuckDBPyConnection, source: Source) -> FileQuality:
    known = sql_list(vocabulary().known_flag_values)
    total, no_pc, with_flags = one(
        con,
        """SELECT count(*), count(*) FILTER (pc IS NULL),
                  count(*) FILTER (environmental_raw IS NOT NULL OR post_consumption_raw IS NOT NULL) FROM c""",
    )
    unknown_values = one(
        con, f"SELECT count(*) FROM ec WHERE environmental NOT IN {known} OR post_consumption NOT IN {known}"
    )[0]
    orphan_where = "is_entity AND pc IS NOT NULL AND pc NOT IN (SELECT portfolio_key FROM portfolios)"
    orphans = one(con, f"SELECT count(*) FROM c WHERE {orphan_where}")[0]
    reasons = [
        Reason(
            code="sin_proceso_de_compra",
            label="Contratos sin Proceso de Compra (no se pueden unir a un proceso)",
            count=no_pc,
        ),
        Reason(
            code="valor_no_reconocido",
            label="Contratos de procesos de la entidad con un valor de Obligación Ambiental u Obligaciones "
            "Postconsumo distinto de Si/No/No aplica (se toma como «no»)",
            count=unknown_values,
            examples=_examples(
                con,
                unknown_values,
                f"""SELECT v FROM (SELECT environmental AS v FROM ec WHERE environmental NOT IN {known}
                                   UNION SELECT post_consumption FROM ec WHERE post_consumption NOT IN {known})
                    ORDER BY v""",
            ),
        ),
        Reason(
            code="proceso_no_encontrado",
            label="Contratos de la entidad cuyo proceso no está en el extracto de procesos (no se cuentan)",
            count=orphans,
            examples=_examples(con, orphans, f"SELECT DISTINCT pc FROM c WHERE {orphan_where} ORDER BY pc"),
        ),
    ]
    warnings = list(source.warnings)
    if total and not with_flags:
        warnings.append(
            f"{source.path.name}: ningún contrato trae Obligación Ambiental ni Obligaciones Postconsumo; ningún "
            "proceso puede tener criterios según SECOP II."
        )
    return FileQuality(
        path=str(source.path),
        dataset=source.dataset.label,
        format=source.format_label,
        rows=total,
        columns_found=source.columns_found,
        unknown_columns=source.unknown_columns,
        reasons=reasons,
        warnings=warnings,
    )
