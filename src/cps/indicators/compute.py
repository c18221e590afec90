"""The computation of ``cps indicators`` (CONTRACTS.md), column-wise in DuckDB.

Definitions (CONTRACTS.md, exact):

* the entity's processes are the Procesos rows whose ``nit_entidad`` is the plan's NIT, grouped by
  the year of ``fecha_de_publicacion_del``; each ``id_del_proceso`` counts once and cancelled ones
  (``estado_del_procedimiento`` in ``vocabulary.yaml: cancelled_states``) are left out;
* a process has sustainability criteria when one of its contracts (``proceso_de_compra`` =
  ``id_del_portafolio``) has ``obligaci_n_ambiental`` or ``obligaciones_postconsumo`` equal to
  "Si" in any case or accent, or when the entity's own register marks it;
* values are ``precio_base``; a process without a usable value is counted, adds no value and is
  listed in ``skipped_values``; shares are rounded half up to four decimals.

When an ``id_del_proceso`` appears more than once, the row with the latest
``fecha_de_ultima_publicaci`` is kept (its state, year and value), and among equal dates the last one
in the file (a later download of the same process).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb

from cps.indicators import readers
from cps.indicators.plan import Plan
from cps.indicators.quality import contratos_quality, procesos_quality
from cps.indicators.register import Register, read_register
from cps.indicators.result import (
    CriteriaSources,
    DataQuality,
    GroupRow,
    PriorityCount,
    ProcessRef,
    Progress,
    RegisterSummary,
    Result,
    Status,
    YearIndicators,
)
from cps.indicators.schema import Vocabulary, vocabulary
from cps.indicators.sql import (
    DISPLAY_COLUMNS,
    ENTITY_VIEW,
    connection,
    contratos_scan,
    one,
    procesos_scan,
    rows,
    scan,
    sql_list,
)
from cps.money import round_pesos

SHARE_QUANTUM = Decimal("0.0001")


def compute(
    plan: Plan,
    procesos_path: str | Path,
    contratos_path: str | Path,
    register_path: str | Path | None = None,
    *,
    threads: int | None = None,
    memory_limit: str | None = None,
    today: dt.date | None = None,
) -> Result:
    """Measure the plan against the SECOP II extracts (and the entity's register, if given)."""
    procesos = readers.open_source(procesos_path, "procesos")
    contratos = readers.open_source(contratos_path, "contratos")
    register = read_register(register_path) if register_path is not None else None
    with connection(threads, memory_limit) as con:
        scan(con, procesos, procesos_scan(procesos, plan.entity_nit), "p")
        scan(con, contratos, contratos_scan(contratos, plan.entity_nit), "c")
        tables = _build_tables(con, register, vocabulary())
        return _Results(con, plan, tables).result(procesos, contratos, register, today or dt.date.today())


# --------------------------------------------------------------------------- arithmetic


def share(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """``part / whole`` rounded half up to four decimals; ``None`` when there is nothing to divide."""
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(SHARE_QUANTUM, rounding=ROUND_HALF_UP)


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _pesos(value: Decimal | int | None) -> int:
    return round_pesos(value or 0)


def _ceil(value: Decimal) -> int:
    return max(0, int(value.to_integral_value(rounding=ROUND_CEILING)))


# --------------------------------------------------------------------------- tables


class _Tables:
    """Names of what :func:`_build_tables` leaves in the connection, plus what Python needed."""

    def __init__(self, unmatched_modalities: list[str]) -> None:
        self.unmatched_modalities = unmatched_modalities


def _build_tables(con: duckdb.DuckDBPyConnection, register: Register | None, voc: Vocabulary) -> _Tables:
    con.execute(ENTITY_VIEW)
    # d: one row per id_del_proceso. Repeated ids (rare) keep their latest last publication, then
    # the last row in the file; the others pass through without a sort.
    con.execute(
        """CREATE TEMP TABLE d AS
           WITH repeated AS (
               SELECT id_key, count(*) AS copies FROM e WHERE id IS NOT NULL GROUP BY id_key HAVING count(*) > 1
           ), ranked AS (
               SELECT e.*, r.copies,
                      row_number() OVER (PARTITION BY e.id_key
                                         ORDER BY cps_ts(p.last_published_raw) DESC NULLS LAST, e.rn DESC) AS k
               FROM e JOIN repeated r USING (id_key) JOIN p ON p.rowid = e.rn
           )
           SELECT *, 1::BIGINT AS copies FROM e
           WHERE id IS NOT NULL AND id_key NOT IN (SELECT id_key FROM repeated)
           UNION ALL BY NAME
           SELECT * EXCLUDE (k) FROM ranked WHERE k = 1"""
    )
    # every portfolio of the entity (counted or not) and the contracts that belong to them
    con.execute("CREATE TEMP TABLE portfolios AS SELECT DISTINCT portfolio_key FROM d WHERE portfolio_key IS NOT NULL")
    con.execute(
        """CREATE TEMP TABLE ec AS
           SELECT pc, cps_fold(environmental_raw) AS environmental, cps_fold(post_consumption_raw) AS post_consumption
           FROM c WHERE pc IN (SELECT portfolio_key FROM portfolios)"""
    )
    yes = sql_list(voc.yes_values)
    con.execute(
        f"""CREATE TEMP TABLE crit AS
            SELECT pc, bool_or(environmental IN {yes} OR post_consumption IN {yes}) AS secop, count(*) AS contracts
            FROM ec GROUP BY pc"""
    )
    con.execute("CREATE TEMP TABLE reg (id_key VARCHAR)")
    if register is not None and register.distinct_keys:
        con.executemany("INSERT INTO reg VALUES (?)", [[k] for k in register.distinct_keys])
    cancelled = sql_list(voc.cancelled_states)
    raw = [r[0] for r in rows(con, "SELECT DISTINCT coalesce(modality_raw, '') FROM d")]
    con.execute("CREATE TEMP TABLE modality_map (raw VARCHAR, key VARCHAR)")
    if raw:
        con.executemany("INSERT INTO modality_map VALUES (?, ?)", [[m, voc.modality(m or None).key] for m in raw])
    # f: the counted processes (not cancelled, with a year), with their criteria
    registered = (
        "(d.id_key IN (SELECT id_key FROM reg) OR coalesce(d.portfolio_key IN (SELECT id_key FROM reg), false))"
        if register is not None and register.distinct_keys
        else "false"
    )
    con.execute(
        f"""CREATE TEMP TABLE f AS
            SELECT *, secop OR registered AS criteria FROM (
                SELECT d.*, left(d.unspsc, 6) AS class, m.key AS modality,
                       coalesce(cr.secop, false) AS secop,
                       {registered} AS registered
                FROM d
                LEFT JOIN crit cr ON cr.pc = d.portfolio_key
                LEFT JOIN modality_map m ON m.raw = coalesce(d.modality_raw, '')
                WHERE coalesce(d.state NOT IN {cancelled}, true) AND d.year IS NOT NULL)"""
    )
    unmatched = sorted(m for m in raw if m and voc.modality(m).key == voc.modality_other.key)
    return _Tables(unmatched)


# --------------------------------------------------------------------------- results


class _Results:
    def __init__(self, con: duckdb.DuckDBPyConnection, plan: Plan, tables: _Tables) -> None:
        self.con, self.plan, self.tables = con, plan, tables
        self.voc = vocabulary()
        self.classes = sql_list(list(plan.priority_classes))

    def result(self, procesos: readers.Source, contratos: readers.Source, register: Register | None,
               today: dt.date) -> Result:
        plan = self.plan
        by_year = {
            r[0]: r[1:]
            for r in rows(
                self.con,
                """SELECT year, count(*), count(*) FILTER (criteria),
                          coalesce(sum(value), 0), coalesce(sum(value) FILTER (criteria), 0)
                   FROM f GROUP BY year""",
            )
        }
        all_years = sorted(set(by_year) | set(plan.targets))
        class_rows = self._class_rows(all_years)
        per_class = {(r.year, r.key): r for r in class_rows}
        years, progress = [], []
        for year in all_years:
            total, with_criteria, value_total, value_with = by_year.get(year, (0, 0, Decimal(0), Decimal(0)))
            target = plan.target(year)
            years.append(
                YearIndicators(
                    year=year,
                    processes_total=total,
                    processes_with_criteria=with_criteria,
                    value_total=_pesos(value_total),
                    value_with_criteria=_pesos(value_with),
                    share_processes=_float(share(with_criteria, total)),
                    share_value=_float(share(value_with, value_total)),
                    target_share_processes=_float(target.share_processes) if target else None,
                    target_share_value=_float(target.share_value) if target else None,
                    by_priority_class={
                        cls: PriorityCount(
                            total=per_class[(year, cls)].processes_total,
                            with_criteria=per_class[(year, cls)].processes_with_criteria,
                        )
                        for cls in plan.priority_classes
                    },
                )
            )
            progress.append(self._progress(year, total, with_criteria, Decimal(value_total), Decimal(value_with)))
        return Result(
            entity_nit=plan.entity_nit,
            entity=plan.entity,
            generated_on=today.isoformat(),
            years=years,
            skipped_values=[r[0] for r in rows(self.con, "SELECT id FROM f WHERE value IS NULL ORDER BY id")],
            progress=progress,
            criteria_sources=self._criteria_sources(),
            by_priority_class_detail=class_rows,
            by_modality=self._modality_rows(),
            priority_without_criteria=self._priority_without_criteria(),
            priority_classes=list(plan.priority_classes),
            entity_register=self._register_summary(register),
            data_quality=DataQuality(
                procesos=procesos_quality(self.con, procesos, plan.entity_nit),
                contratos=contratos_quality(self.con, contratos),
                unmatched_modalities=self.tables.unmatched_modalities,
            ),
            plan_warnings=list(plan.warnings),
            notes=method_notes(),
        )

    def _progress(self, year: int, total: int, with_criteria: int, value_total: Decimal,
                  value_with: Decimal) -> Progress:
        sp, sv = share(with_criteria, total), share(value_with, value_total)
        target = self.plan.target(year)
        if target is None:
            return Progress(
                year=year, status="sin_meta", share_processes=_float(sp), target_share_processes=None,
                met_processes=None, gap_processes=None, processes_needed=None, share_value=_float(sv),
                target_share_value=None, met_value=None, gap_value=None, value_needed=None,
            )
        tp, tv = target.share_processes, target.share_value
        # met: the exact share reaches the target (not the rounded one)
        met_p = with_criteria >= tp * total if total else None
        met_v = value_with >= tv * value_total if value_total else None
        status: Status
        if not total:
            status = "sin_procesos"
        elif met_p and met_v is not False:
            status = "cumplida"
        elif met_p or met_v:
            status = "parcial"
        else:
            status = "no_cumplida"
        return Progress(
            year=year,
            status=status,
            share_processes=_float(sp),
            target_share_processes=float(tp),
            met_processes=met_p,
            gap_processes=_float(max(Decimal(0), tp - sp)) if sp is not None else None,
            processes_needed=_ceil(tp * total - with_criteria) if total else None,
            share_value=_float(sv),
            target_share_value=float(tv),
            met_value=met_v,
            gap_value=_float(max(Decimal(0), tv - sv)) if sv is not None else None,
            value_needed=_ceil(tv * value_total - value_with) if value_total else None,
        )

    def _group(self, year: int, key: str, label: str, total: int, with_criteria: int,
               value_total: Decimal | int, value_with: Decimal | int) -> GroupRow:
        return GroupRow(
            year=year, key=key, label=label, processes_total=total, processes_with_criteria=with_criteria,
            value_total=_pesos(value_total), value_with_criteria=_pesos(value_with),
            share_processes=_float(share(with_criteria, total)), share_value=_float(share(value_with, value_total)),
        )

    def _class_rows(self, years: list[int]) -> list[GroupRow]:
        found = {
            (r[0], r[1]): r[2:]
            for r in rows(
                self.con,
                f"""SELECT year, class, count(*), count(*) FILTER (criteria),
                           coalesce(sum(value), 0), coalesce(sum(value) FILTER (criteria), 0)
                    FROM f WHERE class IN {self.classes} GROUP BY year, class""",
            )
        }
        return [
            self._group(year, cls, cls, *found.get((year, cls), (0, 0, 0, 0)))
            for year in years
            for cls in self.plan.priority_classes
        ]

    def _modality_rows(self) -> list[GroupRow]:
        order = [m.key for m in (*self.voc.modalities, self.voc.modality_other, self.voc.modality_undefined)]
        out = [
            self._group(year, key, self.voc.label(key), *rest)
            for year, key, *rest in rows(
                self.con,
                """SELECT year, modality, count(*), count(*) FILTER (criteria),
                          coalesce(sum(value), 0), coalesce(sum(value) FILTER (criteria), 0)
                   FROM f GROUP BY year, modality""",
            )
        ]
        return sorted(out, key=lambda r: (r.year, order.index(r.key) if r.key in order else len(order)))

    def _criteria_sources(self) -> list[CriteriaSources]:
        return [
            CriteriaSources(year=y, from_secop=a, only_from_register=b, from_both=c)
            for y, a, b, c in rows(
                self.con,
                """SELECT year, count(*) FILTER (secop), count(*) FILTER (registered AND NOT secop),
                          count(*) FILTER (registered AND secop)
                   FROM f GROUP BY year ORDER BY year""",
            )
        ]

    def _priority_without_criteria(self) -> list[ProcessRef]:
        if not self.plan.priority_classes:
            return []
        return [
            ProcessRef(
                year=y, id_del_proceso=i, id_del_portafolio=pf, referencia_del_proceso=ref,
                nombre_del_procedimiento=name, priority_class=cls, modality=self.voc.label(mod),
                value=None if value is None else _pesos(value), url=url,
            )
            for y, i, pf, ref, name, url, cls, mod, value in rows(
                self.con,
                f"""SELECT f.year, f.id, f.portfolio, {", ".join(DISPLAY_COLUMNS)}, f.class, f.modality, f.value
                    FROM f JOIN p ON p.rowid = f.rn
                    WHERE NOT f.criteria AND f.class IN {self.classes}
                    ORDER BY f.year DESC, f.value DESC NULLS LAST, f.id""",
            )
        ]

    def _register_summary(self, register: Register | None) -> RegisterSummary | None:
        if register is None:
            return None
        con = self.con
        counted = "(SELECT id_key FROM f UNION ALL SELECT portfolio_key FROM f WHERE portfolio_key IS NOT NULL)"
        known = "(SELECT id_key FROM d UNION ALL SELECT portfolio_key FROM portfolios)"
        matched = one(con, f"SELECT count(*) FROM reg WHERE id_key IN {counted}")[0]
        only = [r[0] for r in rows(con, "SELECT id FROM f WHERE registered AND NOT secop ORDER BY id")]
        excluded = [
            r[0]
            for r in rows(con, f"SELECT id_key FROM reg WHERE id_key NOT IN {counted} AND id_key IN {known} ORDER BY 1")
        ]
        not_found = [r[0] for r in rows(con, f"SELECT id_key FROM reg WHERE id_key NOT IN {known} ORDER BY 1")]
        return RegisterSummary(
            path=str(register.path),
            entries=len(register.ids),
            distinct=len(register.distinct_keys),
            matched=matched,
            only_from_register=len(only),
            only_from_register_ids=only,
            excluded=excluded,
            not_found=not_found,
        )


def method_notes() -> list[str]:
    """How the indicators are computed, in Spanish, for the reports and the JSON."""
    voc = vocabulary()
    return [
        "Procesos de la entidad: filas de SECOP II - Procesos de Contratación (p6dx-8zbt) cuyo «Nit Entidad» "
        "es el NIT del plan, por año de la «Fecha de Publicación del Proceso»; cada «ID del Proceso» cuenta una "
        f"vez y se excluyen los cancelados (estado del procedimiento: {', '.join(voc.cancelled_states)}).",
        "Si un «ID del Proceso» aparece varias veces se toma la fila con la «Fecha de Última Publicación» más "
        "reciente y, a igualdad, la última del archivo.",
        "Un proceso tiene criterios de sostenibilidad cuando alguno de sus contratos de SECOP II - Contratos "
        "Electrónicos (jbjy-vk9h), unidos por «Proceso de Compra» = «ID del Portafolio», tiene «Obligación "
        "Ambiental» u «Obligaciones Postconsumo» igual a «Si» (sin importar mayúsculas ni tildes), o cuando el "
        "registro propio de la entidad lo marca.",
        "Valores: «Precio Base» del proceso. Un proceso sin valor utilizable cuenta como proceso pero no suma "
        "valor y se lista aparte. Las proporciones se redondean a cuatro decimales.",
        "Los campos «Obligación Ambiental» y «Obligaciones Postconsumo» los diligencia la entidad en SECOP II; su "
        "definición oficial no está confirmada (NO CONFIRMADO), por lo que el indicador mide lo que la entidad "
        "declaró y se complementa con el registro propio.",
    ]
