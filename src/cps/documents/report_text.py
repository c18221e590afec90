"""The readable Spanish report of ``cps review`` (without ``--json``), grouped by severity."""

from __future__ import annotations

import textwrap

from cps import money
from cps.documents.findings import SEVERITY_LABELS
from cps.documents.record import MODALITY_NAMES
from cps.documents.review import Review
from cps.wording import count

WIDTH = 100


def _wrap(text: str, indent: str = "    ") -> str:
    return textwrap.fill(text, width=WIDTH, initial_indent=indent, subsequent_indent=indent)


def render(review: Review) -> str:
    r = review.process
    out: list[str] = []
    out.append("REVISIÓN DEL DOCUMENTO")
    out.append("=" * 22)
    out.append(f"Archivo: {review.file} ({review.format.upper()}{f', {review.pages} páginas' if review.pages else ''})")
    out.append("")
    out.append("Ficha del proceso")
    out.append("-" * 17)
    rows = [
        ("Entidad", r.entity),
        ("NIT", r.entity_nit),
        ("Proceso", r.process_number),
        ("Modalidad", MODALITY_NAMES.get(r.modality or "", r.modality)),
        ("Objeto", r.object),
        ("Presupuesto", money.format_cop(r.budget) if r.budget is not None else None),
        ("En letras", r.budget_in_words),
        ("CDP", f"{r.cdp_number or 's. n.'}: {money.format_cop(r.cdp_total)} en {len(r.cdp_lines)} líneas" if r.cdp_total is not None else None),
        ("Plazo", r.term),
        ("Lugar", r.location),
        ("Garantías", "; ".join(
            f"{g.kind} {g.percent:g} %" if g.required and g.percent is not None else f"{g.kind}: no aplica"
            for g in r.guarantees
        ) or None),
        ("Experiencia", r.experience.text if r.experience else None),
        ("Mipyme", ("convocatoria limitable a Mipyme" if r.mipyme_limitation else None)),
        ("Limitación territorial", r.territorial_limitation),
        ("Causales de rechazo", f"{len(r.rejection_causes)}" if r.rejection_causes else None),
        ("Anexos y formatos", ", ".join(f"{a.kind} {a.number or ''}".strip() for a in r.annexes) or None),
    ]
    for label, value in rows:
        if value:
            text = textwrap.fill(str(value), width=WIDTH, initial_indent=f"  {label + ':':<24}", subsequent_indent=" " * 26)
            out.append(text)
    if r.unspsc:
        out.append(f"  {'UNSPSC:':<24}{len(r.unspsc)} filas")
        for row in r.unspsc:
            codes = " / ".join(c or "—" for c in (row.segment, row.family, row.class_, row.product))
            out.append(f"{'':26}{codes}  {row.name or ''}")
    counts = review.counts()
    out.append("")
    out.append(
        "Resultado: "
        + ", ".join(
            count(counts[key], one, many)
            for key, one, many in (
                ("error", "error", "errores"),
                ("warning", "advertencia", "advertencias"),
                ("info", "observación informativa", "observaciones informativas"),
            )
        )
        + "."
    )
    for severity in ("error", "warning", "info"):
        group = [f for f in review.findings if f.severity == severity]
        if not group:
            continue
        out.append("")
        out.append(f"{SEVERITY_LABELS[severity].upper()} ({len(group)})")
        out.append("-" * (len(SEVERITY_LABELS[severity]) + 5))
        for n, f in enumerate(group, start=1):
            where = f.location.describe() if f.location else "todo el documento"
            out.append(f"{n}. [{f.code}] {f.title} — {where}")
            out.append(_wrap(f.message))
            out.append(_wrap(f"Texto: «{f.evidence}»"))
            for rel in f.related:
                rel_where = rel.location.describe() if rel.location else ""
                out.append(_wrap(f"Compárese con {rel_where}: «{rel.evidence}»"))
            out.append(_wrap(f"Norma o regla: {f.rule}"))
    out.append("")
    out.append("SOSTENIBILIDAD POR BIEN")
    out.append("-" * 23)
    if not review.sustainability:
        out.append("  El documento no tiene tabla UNSPSC: no se pueden asociar criterios a sus bienes.")
    for item in review.sustainability:
        status = "tiene criterios en el documento" if item.already_in_document else "sin criterios de sostenibilidad"
        out.append(f"  {item.unspsc or '—'} {item.name or ''}: {status}")
        if item.present:
            out.append(_wrap(f"Ya incluye: {', '.join(item.present)}", "      "))
        if item.criteria:
            missing = [c for c in item.criteria if c not in item.present]
            if missing:
                out.append(_wrap(f"Criterios del catálogo que puede incorporar: {', '.join(missing)}", "      "))
    if review.criteria:
        out.append("")
        out.append("  Criterios propuestos (ubicación legal para la modalidad):")
        for c in review.criteria:
            out.append(_wrap(f"{c.id} — {c.title} [{PLACEMENTS.get(c.placement, c.placement)}, nivel {LEVELS.get(c.level, c.level)}]", "    "))
        out.append("")
        out.append("  Para redactarlos como anexo en Word: cps draft ARCHIVO --out anexo.docx")
    return "\n".join(out) + "\n"


LEVELS = {"basico": "básico", "avanzado": "avanzado"}
PLACEMENTS = {
    "technical_specification": "especificación técnica",
    "habilitating_requirement": "requisito habilitante",
    "award_criterion": "criterio de calificación",
    "contract_obligation": "obligación del contrato",
}

