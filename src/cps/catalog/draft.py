"""The Word annex of sustainability criteria for one process (``cps draft``).

From the process record (number, entity, modality, object and UNSPSC rows) the annex lists,
for each good, the applicable criteria as clauses in the placement the modality allows
(technical specifications, habilitating requirements, then contract obligations), with their
verification means and legal basis; it closes with the table of what the supervisor checks at
each delivery and the sources cited. Goods that receive exactly the same criteria share one
section; a clause already written for an earlier good is referred to, not repeated.

The document is rendered from the package template ``templates/anexo_criterios.docx`` with
docxtpl (see :mod:`cps.catalog.template_builder`).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cps.catalog.detect import Evidence
from cps.catalog.loader import load_catalog
from cps.catalog.modalities import Modality, modalities
from cps.catalog.model import LEVELS_ES, PLACEMENT_ORDER, VERIFICATION_MEANS_ES, Catalog
from cps.catalog.recommend import Recommendation, recommend_code
from cps.catalog.template_builder import TEMPLATE_PATH
from cps.documents.record import ProcessRecord, UnspscRow
from cps.law.unspsc import Code, MalformedCode
from cps.wording import count

SECTION_TITLES = {
    "technical_specification": "Especificaciones técnicas",
    "habilitating_requirement": "Requisitos habilitantes",
    "award_criterion": "Criterios de puntaje",
    "contract_obligation": "Obligaciones del contratista",
}
DELIVERY_PLACEMENTS = ("technical_specification", "contract_obligation")
GENERAL_SOURCE = "co-d142-2023"  # cited in the annex's legal frame
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre")
UNKNOWN_MODALITY_RULE = (
    "La modalidad de selección no se identificó en el documento. Por prudencia ningún criterio se "
    "incluye como factor de puntaje; revise la ubicación de cada criterio según la modalidad real."
)


@dataclass
class _Good:
    name: str
    code: str
    items: tuple[Recommendation, ...]


@dataclass
class _Group:
    goods: list[_Good] = field(default_factory=list)

    @property
    def items(self) -> tuple[Recommendation, ...]:
        return self.goods[0].items


def row_code(row: UnspscRow) -> str | None:
    """The most specific well-formed code of a UNSPSC row (malformed ones are skipped)."""
    for value in (row.product, row.class_, row.family, row.segment):
        if value:
            try:
                return Code.parse(value).digits
            except MalformedCode:
                continue
    return None


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join_names(names: list[str]) -> str:
    """«Filtros de aceite, filtros de aire y filtros hidráulicos» (acronyms keep their case)."""
    def lower_first(name: str) -> str:
        return name[:1].lower() + name[1:] if name[1:2].islower() else name

    parts = [names[0], *(lower_first(n) for n in names[1:])]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " y " + parts[-1]


def _date_es(day: dt.date) -> str:
    return f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"


def _items_for(code: str, modality: Modality | None, level: str | None, catalog: Catalog) -> tuple[Recommendation, ...]:
    result = recommend_code(code, modality=modality.id if modality else None, level=level, catalog=catalog)
    if modality is not None:
        return result.items
    # unknown modality: keep every criterion that has a placement other than award
    kept = []
    for item in result.items:
        allowed = tuple(p for p in item.allowed_placements if p != "award_criterion")
        if allowed:
            kept.append(Recommendation(item.criterion, item.code, item.matched_on, item.match_level,
                                       allowed[0], allowed))
    return tuple(kept)


def annex_context(record: ProcessRecord, *, level: str | None = None, catalog: Catalog | None = None,
                  present: Mapping[str, Evidence] | None = None, today: dt.date | None = None) -> dict[str, Any]:
    """Everything the template needs, as plain strings, lists and dictionaries."""
    cat = catalog if catalog is not None else load_catalog()
    modality = modalities().get(record.modality or "")
    present = present or {}

    groups: dict[tuple[tuple[str, str], ...], _Group] = {}
    uncovered: list[str] = []
    for row in record.unspsc:
        name = (row.name or "").strip() or "Bien sin nombre"
        code = row_code(row)
        if code is None:
            uncovered.append(f"{name} (código UNSPSC mal formado)")
            continue
        items = _items_for(code, modality, level, cat)
        if not items:
            uncovered.append(f"{name} ({code})")
            continue
        key = tuple((i.criterion.id, i.placement) for i in items)
        groups.setdefault(key, _Group()).goods.append(_Good(name, code, items))

    numbers: dict[str, str] = {}
    goods_of: dict[str, list[str]] = {}
    goods_ctx: list[dict[str, Any]] = []
    cited: dict[str, str] = {}
    general = cat.sources.get(GENERAL_SOURCE)
    if general is not None:
        cited[general.id] = general.cite()
    for index, group in enumerate(groups.values(), start=1):
        names = [g.name for g in group.goods]
        for item in group.items:
            goods_of.setdefault(item.criterion.id, []).extend(n for n in names if n not in goods_of.get(item.criterion.id, []))
        sections, also = [], []
        counter = 0
        for placement in PLACEMENT_ORDER:
            clauses = []
            for item in (i for i in group.items if i.placement == placement):
                c = item.criterion
                if c.id in numbers:
                    also.append(f"{numbers[c.id]} {c.title}")
                    continue
                counter += 1
                numbers[c.id] = f"{index}.{counter}"
                for source in c.sources:
                    cited.setdefault(source.id, source.cite())
                evidence = present.get(c.id)
                clauses.append({
                    "number": numbers[c.id],
                    "id": c.id,
                    "title": c.title,
                    "text": c.text,
                    "verification": c.verification,
                    "legal_basis": c.legal_basis,
                    "nature_label": "Obligación legal" if c.nature == "legal_requirement" else "Recomendación, no es norma obligatoria",
                    "level_label": LEVELS_ES[c.level],
                    "already": (f"la invitación ya contiene una redacción equivalente (línea {evidence.line}): "
                                f"«{evidence.excerpt}»") if evidence else "",
                })
            if clauses:
                sections.append({"title": SECTION_TITLES[placement], "clauses": clauses})
        goods_ctx.append({
            "index": index,
            "title": _join_names(names),
            "codes_text": "; ".join(f"{g.code} ({g.name})" for g in group.goods),
            "sections": sections,
            "also": "; ".join(also) + "." if also else "",
        })

    checks = []
    for criterion_id, number in numbers.items():
        c = cat.criterion(criterion_id)
        placement = next(i.placement for g in groups.values() for i in g.items if i.criterion.id == criterion_id)
        if placement not in DELIVERY_PLACEMENTS:
            continue
        checks.append({
            "number": number,
            "title": c.title,
            "goods": ", ".join(goods_of[criterion_id]),
            "what": c.supervision_text(),
            "evidence": _capitalize("; ".join(VERIFICATION_MEANS_ES[m] for m in c.verification_means)),
        })

    day = today or dt.date.today()
    entity = record.entity or "Entidad no identificada"
    n_clauses = len(numbers)
    rule = modality.rule if modality else UNKNOWN_MODALITY_RULE
    if modality is not None and modality.status != "confirmed":
        rule += " [Regla de fuente secundaria o sin confirmar: verifíquela.]"
    return {
        "subtitle": f"Compras Públicas Sostenibles · {record.process_number or 'proceso sin número'}",
        "process_number": record.process_number or "Sin número identificado",
        "entity_line": entity + (f" (NIT {record.entity_nit})" if record.entity_nit else ""),
        "modality_label": modality.name if modality else (record.modality_text or "No identificada"),
        "object": record.object or "No identificado",
        "level_label": {"basico": "Básico", "avanzado": "Avanzado (incluye los criterios básicos)"}.get(
            level or "", "Todos los criterios (básicos y avanzados)"),
        "generated_on": _date_es(day),
        "intro": (
            f"Este anexo incorpora {count(n_clauses, 'criterio', 'criterios')} de sostenibilidad para "
            f"{count(sum(len(g.goods) for g in groups.values()), 'bien', 'bienes')} del proceso, tomados del catálogo de "
            f"Compras Sostenibles según su código UNSPSC. Cada criterio se redacta como cláusula en la "
            f"ubicación que la modalidad permite, con su medio de verificación y su fundamento."
        ),
        "modality_rule": rule,
        "legal_frame": (
            "Fundamento general: el Decreto 142 de 2023 modificó el Decreto 1082 de 2015 para incorporar "
            "criterios sociales y ambientales en los Procesos de Contratación. Las ecoetiquetas se piden "
            "siempre «o equivalente», para no restringir la participación."
        ),
        "nature_note": (
            "Los criterios marcados «Obligación legal» desarrollan deberes que ya impone una norma "
            "colombiana; los marcados «Recomendación» son buenas prácticas de referencia, no normas "
            "obligatorias, que la entidad adopta al incluirlos en sus documentos."
        ),
        "level_note": (
            "Los criterios de nivel avanzado pueden reducir la oferta o aumentar el precio: confirme en el "
            "estudio del sector que hay proveedores que los cumplan antes de publicarlos."
            if any(cat.criterion(i).level == "avanzado" for i in numbers) else ""
        ),
        "goods": goods_ctx,
        "uncovered": "; ".join(uncovered),
        "checks_intro": (
            "En cada entrega y antes de cada pago, el supervisor verifica lo siguiente y conserva los "
            "soportes en el expediente del contrato."
        ),
        "checks": checks,
        "sources": list(cited.values()),
        "closing": (
            f"Generado con Compras Sostenibles (cps), catálogo de criterios versión {cat.version}, el "
            f"{_date_es(day)}. Revise y ajuste el texto con el equipo jurídico antes de publicarlo."
        ),
    }


def render_template(template: str | io.BytesIO, context: Mapping[str, Any]) -> bytes:
    from docxtpl import DocxTemplate

    doc = DocxTemplate(template)
    doc.render(dict(context), autoescape=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def build_annex(record: ProcessRecord, *, level: str | None = None, catalog: Catalog | None = None,
                present: Mapping[str, Evidence] | None = None, today: dt.date | None = None) -> bytes:
    """The annex (.docx bytes) for ``record``; ``present`` marks criteria the document already has."""
    context = annex_context(record, level=level, catalog=catalog, present=present, today=today)
    return render_template(str(TEMPLATE_PATH), context)
