"""The Spanish report for the management review of the environmental management system.

Built as a :class:`cps.reports.model.Report` and rendered by :func:`cps.reports.render.write` to PDF
(or Word). NTC-ISO 14001:2015, numeral 9.3 (revisión por la dirección) asks top management to
review, among other things, how far the environmental objectives have been achieved and the
monitoring and measurement results; this report gives that evidence for the CPS goals.
"""

from __future__ import annotations

from pathlib import Path

from cps.indicators import charts
from cps.indicators.result import Result, YearIndicators
from cps.indicators.text import STATUS_ES, percent, progress_line
from cps.money import format_cop
from cps.reports import render
from cps.reports.model import Bullets, Heading, Image, KeyValues, PageBreak, Paragraph, Report, Table

MAX_PENDING = 25
MAX_SKIPPED = 40


def _latest_year(result: Result) -> int | None:
    with_data = [y.year for y in result.years if y.processes_total]
    return max(with_data) if with_data else None


def _year_period(result: Result) -> str:
    if not result.years:
        return "sin años"
    first, last = result.years[0].year, result.years[-1].year
    return str(first) if first == last else f"{first} a {last}"


def _review_years(result: Result) -> set[int]:
    """Years shown in the detailed tables: the plan's years with data, else every year."""
    planned = {y.year for y in result.years if y.target_share_processes is not None and y.processes_total}
    return planned or {y.year for y in result.years}


def _share_target(share: float | None, target: float | None) -> str:
    return percent(share) if target is None else f"{percent(share)} (meta {percent(target)})"


def _years_table(years: list[YearIndicators], result: Result) -> Table:
    progress = {p.year: p for p in result.progress}
    return Table(
        columns=("Año", "Procesos con criterios / total", "% de procesos", "Valor con criterios / total",
                 "% del valor", "Estado"),
        rows=tuple(
            (
                str(y.year),
                f"{y.processes_with_criteria} / {y.processes_total}",
                _share_target(y.share_processes, y.target_share_processes),
                f"{format_cop(y.value_with_criteria)} / {format_cop(y.value_total)}",
                _share_target(y.share_value, y.target_share_value),
                STATUS_ES[progress[y.year].status],
            )
            for y in years
        ),
        widths=(0.7, 1.3, 1.5, 2.6, 1.5, 1.6),
        numeric=(1, 2, 3, 4),
        caption="Indicadores por año (procesos publicados en SECOP II, por fecha de publicación)",
    )


def build_report(result: Result) -> Report:
    dq = result.data_quality
    report = Report(
        title="Compras públicas sostenibles: avance de las metas",
        subtitle=(
            f"{result.entity} · NIT {result.entity_nit} · Insumo para la revisión por la dirección del sistema "
            f"de gestión ambiental (NTC-ISO 14001:2015, numeral 9.3) · Fecha: {result.generated_on}"
        ),
        footer=f"Compras Sostenibles (cps) · {result.entity} · datos de SECOP II (datos.gov.co)",
    )
    numbers = iter(range(1, 20))

    def section(title: str) -> Heading:
        return Heading(f"{next(numbers)}. {title}", keep_with_next=True)

    progress = {p.year: p for p in result.progress}
    planned = [y for y in result.years if y.target_share_processes is not None]
    report.add(
        section("Resumen"),
        KeyValues(
            (
                ("Entidad", f"{result.entity} (NIT {result.entity_nit})"),
                ("Periodo", _year_period(result)),
                ("Procesos de SECOP II", f"{Path(dq.procesos.path).name} ({dq.procesos.rows} filas, {dq.procesos.format})"),
                ("Contratos de SECOP II", f"{Path(dq.contratos.path).name} ({dq.contratos.rows} filas, {dq.contratos.format})"),
                ("Registro propio", Path(result.entity_register.path).name if result.entity_register else "no se usó"),
                ("Clases UNSPSC prioritarias", ", ".join(result.priority_classes) or "ninguna"),
            )
        ),
        Bullets(
            tuple(
                f"{y.year}: {progress_line(progress[y.year])}. Procesos con criterios "
                f"{_share_target(y.share_processes, y.target_share_processes)}; valor con criterios "
                f"{_share_target(y.share_value, y.target_share_value)}."
                for y in planned
            )
            or ("El plan no tiene metas para los años con datos.",)
        ),
    )
    decisions = _decisions(result)
    if decisions:
        report.add(Paragraph("Puntos para la decisión de la dirección:", "strong"), Bullets(tuple(decisions)))

    report.add(
        section("Avance frente a las metas"),
        _years_table(result.years, result),
        Image(charts.progress_chart(result), width_cm=15,
              caption="Barras: proporción lograda en cada año; línea discontinua: meta del plan para ese año."),
    )
    sources = [s for s in result.criteria_sources if s.only_from_register or s.from_both]
    if sources:
        report.add(
            Table(
                columns=("Año", "Con criterios según SECOP II", "Solo según el registro propio", "En ambos"),
                rows=tuple((str(s.year), str(s.from_secop), str(s.only_from_register), str(s.from_both))
                           for s in result.criteria_sources),
                numeric=(1, 2, 3),
                caption="Origen de los criterios",
            )
        )

    latest = _latest_year(result)
    review_years = _review_years(result)
    report.add(section("Clases UNSPSC prioritarias"))
    if result.priority_classes and latest is not None:
        report.add(Image(charts.priority_chart(result.by_priority_class_detail, latest), width_cm=15))
    report.add(
        Table(
            columns=("Año", "Clase", "Procesos", "Con criterios", "% procesos", "Valor", "% valor"),
            rows=tuple(
                (str(r.year), r.key, str(r.processes_total), str(r.processes_with_criteria),
                 percent(r.share_processes), format_cop(r.value_total), percent(r.share_value))
                for r in result.by_priority_class_detail
                if r.year in review_years
            ),
            widths=(0.7, 0.9, 0.9, 1.0, 1.0, 1.8, 1.0),
            numeric=(2, 3, 4, 5, 6),
            caption="Procesos en las clases prioritarias del plan (años con meta; todos los años en el libro de Excel)",
        )
        if result.by_priority_class_detail
        else Paragraph("El plan no define clases prioritarias.", "note"),
    )

    report.add(
        section("Por modalidad de contratación"),
        Table(
            columns=("Año", "Modalidad", "Procesos", "Con criterios", "% procesos", "Valor con criterios",
                     "% valor"),
            rows=tuple(
                (str(r.year), r.label, str(r.processes_total), str(r.processes_with_criteria),
                 percent(r.share_processes), format_cop(r.value_with_criteria), percent(r.share_value))
                for r in result.by_modality
                if r.year in review_years
            ),
            widths=(0.6, 2.3, 0.9, 0.9, 0.95, 1.55, 0.8),
            numeric=(2, 3, 4, 5, 6),
            caption="Por modalidad (años con meta; todos los años en el libro de Excel)",
        ),
    )

    report.add(section("Dónde enfocar el próximo esfuerzo"))
    pending = [p for p in result.priority_without_criteria if p.year == latest]
    if pending:
        report.add(
            Paragraph(
                f"{len(result.priority_without_criteria)} procesos de clases prioritarias no tienen criterios de "
                f"sostenibilidad; {len(pending)} son de {latest}. Estos son los de mayor valor de {latest}, "
                "donde incorporar criterios más acerca a la meta:"
            ),
            Table(
                columns=("Proceso", "Objeto", "Clase", "Modalidad", "Precio base"),
                rows=tuple(
                    (
                        f"{p.referencia_del_proceso or ''}\n{p.id_del_proceso}".strip(),
                        p.nombre_del_procedimiento or "",
                        p.priority_class or "",
                        p.modality,
                        format_cop(p.value) if p.value is not None else "sin valor",
                    )
                    for p in pending[:MAX_PENDING]
                ),
                widths=(1.7, 3.0, 0.8, 1.6, 1.3),
                numeric=(4,),
            ),
        )
        if len(pending) > MAX_PENDING:
            report.add(Paragraph(f"La lista completa ({len(result.priority_without_criteria)} procesos) está en "
                                 "la hoja «Prioritarios sin criterios» del libro de Excel.", "note"))
    else:
        report.add(Paragraph("No hay procesos de clases prioritarias sin criterios en el último año con datos."))

    reg = result.entity_register
    if reg:
        report.add(
            section("Registro propio de la entidad"),
            KeyValues(
                (
                    ("Archivo", reg.path),
                    ("Procesos en el registro", f"{reg.distinct} ({reg.entries} filas)"),
                    ("Encontrados en SECOP II", str(reg.matched)),
                    ("Con criterios solo por el registro", str(reg.only_from_register)),
                    ("Excluidos (cancelados o sin fecha)", ", ".join(reg.excluded) or "ninguno"),
                    ("No encontrados en el extracto", ", ".join(reg.not_found[:30]) or "ninguno"),
                )
            ),
        )

    report.add(section("Calidad de los datos"))
    quality_rows = [
        (name, r.label, str(r.count))
        for name, fq in (("Procesos", dq.procesos), ("Contratos", dq.contratos))
        for r in fq.reasons
    ]
    report.add(
        Table(columns=("Archivo", "Motivo", "Filas"), rows=tuple(quality_rows), widths=(1.0, 5.5, 0.9),
              numeric=(2,), caption="Filas que no se pudieron usar o que se trataron aparte")
    )
    if result.skipped_values:
        shown = ", ".join(result.skipped_values[:MAX_SKIPPED])
        more = f" y {len(result.skipped_values) - MAX_SKIPPED} más" if len(result.skipped_values) > MAX_SKIPPED else ""
        report.add(Paragraph(f"Procesos sin Precio Base utilizable (cuentan pero no suman valor): {shown}{more}.",
                             "small"))
    warnings = [*dq.procesos.warnings, *dq.contratos.warnings, *result.plan_warnings]
    if dq.unmatched_modalities:
        warnings.append("Modalidades no reconocidas: " + ", ".join(dq.unmatched_modalities))
    if warnings:
        report.add(Bullets(tuple(warnings)))

    report.add(
        PageBreak(),
        section("Método y fuentes"),
        Bullets(
            (
                *result.notes,
                "Este informe aporta a la revisión por la dirección (NTC-ISO 14001:2015, numeral 9.3) el grado de "
                "logro de las metas de compras sostenibles del plan y los resultados de su seguimiento y medición.",
            )
        ),
    )
    return report


def _decisions(result: Result) -> list[str]:
    """Suggested points for the management review, derived from the figures."""
    out = []
    for p in result.progress:
        if p.status in ("no_cumplida", "parcial"):
            needs = []
            if p.processes_needed:
                needs.append(f"{p.processes_needed} procesos más con criterios")
            if p.value_needed:
                needs.append(f"{format_cop(p.value_needed)} más en valor con criterios")
            out.append(f"{p.year}: definir acciones para alcanzar la meta ({' y '.join(needs) or 'revisar la meta'}).")
    latest = _latest_year(result)
    for row in result.by_priority_class_detail:
        if row.year == latest and row.processes_total and not row.processes_with_criteria:
            out.append(
                f"Clase prioritaria {row.key}: {row.processes_total} procesos en {latest} y ninguno con criterios; "
                "incorporar fichas o cláusulas de sostenibilidad en los próximos procesos de esta clase."
            )
    if result.plan_warnings:
        out.append("Revisar la progresividad de las metas del plan (ver advertencias).")
    return out


def write_report(result: Result, path: str | Path) -> None:
    """Write the report as PDF or Word (by the file's suffix), atomically."""
    render.write(build_report(result), path)
