"""The indicators as an Excel workbook, one sheet per table (openpyxl), written atomically."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cps import atomic
from cps.indicators.result import Result
from cps.indicators.text import STATUS_ES

PESOS = '"$"#,##0'
PERCENT = "0.00%"
ACCENT = "1F5C4A"

Column = tuple[str, float, str | None]  # title, width, number format


def _sheet(wb: Any, title: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]], note: str | None = None) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    start = 1
    if note:
        ws.cell(row=1, column=1, value=note).font = Font(italic=True, color="555555")
        start = 3
    for index, (name, width, _fmt) in enumerate(columns, start=1):
        cell = ws.cell(row=start, column=index, value=name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=ACCENT)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(index)].width = width
    for r, row in enumerate(rows, start=start + 1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            fmt = columns[c - 1][2]
            if fmt and isinstance(value, int | float):
                cell.number_format = fmt
    ws.freeze_panes = ws.cell(row=start + 1, column=1)
    if rows:
        ws.auto_filter.ref = f"A{start}:{get_column_letter(len(columns))}{start + len(rows)}"


def build_workbook(result: Result) -> Any:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    progress = {p.year: p for p in result.progress}
    _sheet(
        wb,
        "Metas",
        [("Año", 8, None), ("Procesos", 11, "#,##0"), ("Con criterios", 13, "#,##0"), ("% procesos", 12, PERCENT),
         ("Meta % procesos", 14, PERCENT), ("Cumple procesos", 14, None), ("Procesos que faltan", 15, "#,##0"),
         ("Valor total", 20, PESOS), ("Valor con criterios", 20, PESOS), ("% valor", 10, PERCENT),
         ("Meta % valor", 12, PERCENT), ("Cumple valor", 12, None), ("Valor que falta", 18, PESOS),
         ("Estado", 24, None)],
        [
            (y.year, y.processes_total, y.processes_with_criteria, y.share_processes, y.target_share_processes,
             _yes_no(progress[y.year].met_processes), progress[y.year].processes_needed, y.value_total,
             y.value_with_criteria, y.share_value, y.target_share_value, _yes_no(progress[y.year].met_value),
             progress[y.year].value_needed, STATUS_ES[progress[y.year].status])
            for y in result.years
        ],
        note=f"{result.entity} (NIT {result.entity_nit}) · generado el {result.generated_on}",
    )
    _sheet(
        wb,
        "Origen de los criterios",
        [("Año", 8, None), ("Según SECOP II", 16, "#,##0"), ("Solo registro propio", 20, "#,##0"),
         ("En ambos", 10, "#,##0")],
        [(s.year, s.from_secop, s.only_from_register, s.from_both) for s in result.criteria_sources],
    )
    group_columns: list[Column] = [
        ("Año", 8, None), ("Clave", 24, None), ("Nombre", 36, None), ("Procesos", 11, "#,##0"),
        ("Con criterios", 13, "#,##0"), ("% procesos", 12, PERCENT), ("Valor total", 20, PESOS),
        ("Valor con criterios", 20, PESOS), ("% valor", 10, PERCENT),
    ]
    _sheet(
        wb,
        "Clases prioritarias",
        group_columns,
        [(r.year, r.key, f"Clase UNSPSC {r.key}", r.processes_total, r.processes_with_criteria, r.share_processes,
          r.value_total, r.value_with_criteria, r.share_value) for r in result.by_priority_class_detail],
    )
    _sheet(
        wb,
        "Modalidades",
        group_columns,
        [(r.year, r.key, r.label, r.processes_total, r.processes_with_criteria, r.share_processes, r.value_total,
          r.value_with_criteria, r.share_value) for r in result.by_modality],
    )
    _sheet(
        wb,
        "Prioritarios sin criterios",
        [("Año", 8, None), ("ID del Proceso", 20, None), ("ID del Portafolio", 20, None), ("Referencia", 18, None),
         ("Nombre del procedimiento", 48, None), ("Clase", 10, None), ("Modalidad", 30, None),
         ("Precio base", 18, PESOS), ("Enlace", 60, None)],
        [(p.year, p.id_del_proceso, p.id_del_portafolio, p.referencia_del_proceso, p.nombre_del_procedimiento,
          p.priority_class, p.modality, p.value, p.url) for p in result.priority_without_criteria],
        note="Procesos de las clases prioritarias del plan sin criterios de sostenibilidad: dónde enfocar el "
        "próximo esfuerzo.",
    )
    _sheet(
        wb,
        "Sin valor",
        [("ID del Proceso", 22, None)],
        [(i,) for i in result.skipped_values],
        note="Procesos sin Precio Base utilizable: cuentan como procesos pero no suman valor.",
    )
    reg = result.entity_register
    if reg is not None:
        register_rows: list[tuple[str, str]] = [
            *((i, "con criterios solo por el registro") for i in reg.only_from_register_ids),
            *((i, "proceso excluido (cancelado o sin fecha)") for i in reg.excluded),
            *((i, "no está en el extracto de procesos") for i in reg.not_found),
        ]
        _sheet(
            wb,
            "Registro propio",
            [("ID", 22, None), ("Situación", 44, None)],
            register_rows,
            note=f"{reg.path}: {reg.distinct} procesos, {reg.matched} encontrados, {reg.only_from_register} con "
            "criterios solo por el registro.",
        )
    dq = result.data_quality
    _sheet(
        wb,
        "Calidad de los datos",
        [("Archivo", 40, None), ("Motivo", 90, None), ("Filas", 10, "#,##0"), ("Ejemplos", 80, None)],
        [
            *((fq.path, r.label, r.count, ", ".join(r.examples)) for fq in (dq.procesos, dq.contratos) for r in fq.reasons),
            *((fq.path, w, None, "") for fq in (dq.procesos, dq.contratos) for w in fq.warnings),
            *(("plan", w, None, "") for w in result.plan_warnings),
        ],
        note=f"Procesos: {dq.procesos.rows} filas ({dq.procesos.format}); contratos: {dq.contratos.rows} filas "
        f"({dq.contratos.format}).",
    )
    _sheet(wb, "Método", [("Cómo se calcula", 140, None)], [(n,) for n in result.notes])
    return wb


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("sí" if value else "no")


def write_xlsx(result: Result, path: str | Path) -> None:
    wb = build_workbook(result)
    atomic.write_with(path, wb.save)
