"""The readable Spanish summary printed by ``cps indicators`` without ``--json``."""

from __future__ import annotations

from cps.indicators.result import Progress, Result
from cps.money import format_cop, format_percent

STATUS_ES = {
    "cumplida": "meta cumplida",
    "no_cumplida": "meta no cumplida",
    "parcial": "meta cumplida solo en parte",
    "sin_procesos": "sin procesos publicados",
    "sin_meta": "sin meta en el plan",
}
MAX_LISTED = 10


def percent(value: float | None) -> str:
    return "—" if value is None else format_percent(value)


def target_text(achieved: float | None, target: float | None, met: bool | None) -> str:
    if target is None:
        return percent(achieved)
    mark = "cumple" if met else ("no cumple" if met is False else "sin datos")
    return f"{percent(achieved)}; meta {percent(target)}: {mark}"


def progress_line(p: Progress) -> str:
    parts = [STATUS_ES[p.status]]
    if p.processes_needed:
        parts.append(f"faltan {p.processes_needed} procesos con criterios")
    if p.value_needed:
        parts.append(f"faltan {format_cop(p.value_needed)} en valor con criterios")
    return "; ".join(parts)


def render_text(result: Result) -> str:
    out: list[str] = []
    out.append(f"Metas de compras públicas sostenibles — {result.entity} (NIT {result.entity_nit})")
    dq = result.data_quality
    out.append(
        f"Fuentes: {dq.procesos.path} ({dq.procesos.rows} filas, {dq.procesos.format}); "
        f"{dq.contratos.path} ({dq.contratos.rows} filas, {dq.contratos.format})"
    )
    if result.entity_register:
        out.append(f"Registro propio: {result.entity_register.path} ({result.entity_register.distinct} procesos)")
    sources = {s.year: s for s in result.criteria_sources}
    progress = {p.year: p for p in result.progress}
    for y in result.years:
        out.append("")
        out.append(f"Año {y.year}: {progress_line(progress[y.year])}")
        out.append(
            f"  Procesos: {y.processes_total}, con criterios de sostenibilidad {y.processes_with_criteria} "
            f"({target_text(y.share_processes, y.target_share_processes, progress[y.year].met_processes)})"
        )
        out.append(
            f"  Valor (precio base): {format_cop(y.value_total)}, con criterios {format_cop(y.value_with_criteria)} "
            f"({target_text(y.share_value, y.target_share_value, progress[y.year].met_value)})"
        )
        src = sources.get(y.year)
        if src and (src.only_from_register or src.from_both):
            out.append(
                f"  Origen: {src.from_secop} según SECOP II, {src.only_from_register} solo según el registro propio"
            )
        if y.by_priority_class:
            classes = "; ".join(
                f"{code}: {c.with_criteria} de {c.total}" for code, c in y.by_priority_class.items()
            )
            out.append(f"  Clases prioritarias (con criterios de total): {classes}")
    out.append("")
    if result.skipped_values:
        shown = ", ".join(result.skipped_values[:MAX_LISTED])
        more = f" y {len(result.skipped_values) - MAX_LISTED} más" if len(result.skipped_values) > MAX_LISTED else ""
        out.append(
            f"Procesos sin Precio Base utilizable (cuentan como procesos, no suman valor): "
            f"{len(result.skipped_values)} — {shown}{more}"
        )
    pending = result.priority_without_criteria
    if pending:
        latest = pending[0].year
        in_latest = [p for p in pending if p.year == latest]
        out.append(
            f"Dónde enfocar el próximo esfuerzo: {len(pending)} procesos de clases prioritarias sin criterios "
            f"({len(in_latest)} en {latest}). Los de mayor valor en {latest}:"
        )
        for p in in_latest[:5]:
            value = format_cop(p.value) if p.value is not None else "sin valor"
            label = p.referencia_del_proceso or p.id_del_proceso
            out.append(f"  - {label} ({p.id_del_proceso}), clase {p.priority_class}, {p.modality}, {value}: "
                       f"{p.nombre_del_procedimiento or ''}".rstrip(": "))
    reg = result.entity_register
    if reg:
        out.append(
            f"Registro propio: {reg.matched} de {reg.distinct} procesos encontrados; {reg.only_from_register} "
            f"tienen criterios solo por el registro; {len(reg.not_found)} no están en el extracto"
            + (f"; {len(reg.excluded)} excluidos (cancelados o sin fecha)" if reg.excluded else "")
        )
    problems = [
        f"{r.count} {r.label[0].lower()}{r.label[1:]}"
        for fq in (dq.procesos, dq.contratos)
        for r in fq.reasons
        if r.count and r.code != "otra_entidad"
    ]
    if problems:
        out.append("Calidad de los datos:")
        out.extend(f"  - {p}" for p in problems)
    for warning in [*dq.procesos.warnings, *dq.contratos.warnings, *result.plan_warnings]:
        out.append(f"Advertencia: {warning}")
    if dq.unmatched_modalities:
        out.append(f"Modalidades no reconocidas (se agrupan como «Otra modalidad»): {', '.join(dq.unmatched_modalities)}")
    return "\n".join(out) + "\n"
