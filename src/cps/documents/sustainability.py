"""Sustainability gaps: for each good of the UNSPSC table, whether the document already contains
environmental or social criteria for it, with the evidence found."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from cps.catalog import (
    Catalog,
    UnknownModality,
    find_present,
    get_modality,
    load_configured_catalog,
    recommend,
)
from cps.documents.checks.base import Rule, make
from cps.documents.findings import Finding
from cps.documents.record import Location, ProcessRecord, UnspscRow
from cps.documents.search import search
from cps.documents.text import DocumentText, fold
from cps.law import unspsc

# usual wording of environmental and social criteria in Colombian invitations
CRITERIA_WORDING = {
    "ecoetiqueta": r"sello\s+ambiental\s+colombiano|\bsac\b|ecoetiqueta|etiqueta\s+ecol[oó]gica|eu\s+ecolabel|ecolabel",
    "residuos peligrosos": r"residuos?\s+peligrosos?|\brespel\b|decreto\s+4741|decreto\s+1076\s+de\s+2015",
    "aceites usados": r"aceites?\s+(?:lubricantes?\s+)?usados?",
    "gestor autorizado": r"gestor(?:es)?\s+(?:autorizad|licenciad|ambiental)|acopiador(?:es)?\s+(?:primari|autorizad)",
    "posconsumo": r"pos\s*-?\s*consumo|devoluci[oó]n\s+posconsumo|resoluci[oó]n\s+(?:1326|0?799|372)",
    "disposición final": r"disposici[oó]n\s+final\s+(?:adecuada|ambientalmente)|certificad[oa]s?\s+de\s+(?:disposici[oó]n|gesti[oó]n|aprovechamiento)",
    "biodegradable": r"biodegradab|baja\s+toxicidad|ecotoxic",
    "eficiencia energética": r"eficiencia\s+energ[eé]tica|etiqueta\s+energ[eé]tica|\bretie\b|\bretilap\b|energy\s+star",
    "contenido reciclado": r"reciclad[oa]s?|material\s+reciclable|fibra\s+reciclada|\bfsc\b|\bpefc\b",
    "gestión ambiental": r"iso\s*14001|sistema\s+de\s+gesti[oó]n\s+ambiental|plan\s+de\s+manejo\s+ambiental",
    "emisiones": r"huella\s+de\s+carbono|emisiones\s+de\s+(?:co2|gases)|bajas\s+emisiones",
    "criterio social": r"trabajo\s+infantil|condiciones\s+laborales\s+dignas|comercio\s+justo|inclusi[oó]n\s+laboral",
}
NOT_CRITERIA = re.compile(r"ley\s+99\s*/?\s*(?:de\s+)?93|fuente|rubro")


class Evidence(BaseModel):
    aspect: str
    text: str
    location: Location | None = None


class CriterionSummary(BaseModel):
    """A catalog criterion proposed for the document's goods, as the report shows it."""

    id: str
    title: str
    placement: str
    level: str
    verification: str
    legal_basis: str
    nature: str


class SustainabilityItem(BaseModel):
    unspsc: str | None
    name: str | None = None
    criteria: list[str] = Field(default_factory=list)  # catalog criteria that apply (ids)
    present: list[str] = Field(default_factory=list)  # catalog criteria already in the document (ids)
    already_in_document: bool = False
    evidence: list[Evidence] = Field(default_factory=list)


def _name_words(row: UnspscRow) -> list[str]:
    words = [w for w in re.findall(r"[a-z]{4,}", fold(row.name or "")) if w not in {"para", "tipo", "otros"}]
    # singular stems: "filtros" → "filtro", "aceites" → "aceite"
    return sorted({w[:-1] if w.endswith("s") and len(w) > 5 else w for w in words})


def document_evidence(doc: DocumentText) -> list[Evidence]:
    found: list[Evidence] = []
    for aspect, pattern in CRITERIA_WORDING.items():
        for hit in search(doc, pattern):
            sentence = hit.sentence()
            if NOT_CRITERIA.search(fold(sentence)) and aspect != "gestión ambiental":
                continue
            found.append(Evidence(aspect=aspect, text=sentence, location=hit.location))
    return found


def _catalog_modality(modality: str | None) -> str | None:
    if modality is None:
        return None
    try:
        get_modality(modality)
    except UnknownModality:
        return None
    return modality


class Assessment(BaseModel):
    items: list[SustainabilityItem]
    criteria: list[CriterionSummary]


def assess(doc: DocumentText, record: ProcessRecord, catalog: Catalog | None = None) -> Assessment:
    """Per UNSPSC row: the catalog criteria that apply (in the placement its modality allows), those
    the document already contains (the criteria's usual wording), and other environmental or social
    wording that mentions the good."""
    catalog = catalog if catalog is not None else load_configured_catalog()
    wording = document_evidence(doc)
    codes = [row.most_specific for row in record.unspsc]
    valid = [c for c in codes if c and unspsc.is_wellformed(c)]
    by_code = {
        rec.code: rec for rec in recommend(sorted(set(valid)), modality=_catalog_modality(record.modality), catalog=catalog)
    }
    criteria = {item.criterion.id: item.criterion for rec in by_code.values() for item in rec.items}
    placements = {item.criterion.id: item.placement for rec in by_code.values() for item in rec.items}
    text = doc.full_text
    present = find_present(text, list(criteria.values()))
    items: list[SustainabilityItem] = []
    for row in record.unspsc:
        code = row.most_specific
        rec = by_code.get(code or "")
        ids = rec.ids if rec else []
        found = [cid for cid in ids if cid in present]
        evidence = [
            Evidence(
                aspect=criteria[cid].title,
                text=present[cid].excerpt,
                location=doc.lines[present[cid].line - 1].location if 0 < present[cid].line <= len(doc.lines) else None,
            )
            for cid in found
        ]
        words = _name_words(row)
        own = [e for e in wording if not words or any(w in fold(e.text) for w in words)]
        items.append(
            SustainabilityItem(
                unspsc=row.product or code,
                name=row.name,
                criteria=ids,
                present=found,
                already_in_document=bool(found or own),
                evidence=(evidence + own)[:6],
            )
        )
    summaries = [
        CriterionSummary(
            id=c.id, title=c.title, placement=placements[c.id], level=c.level, verification=c.verification,
            legal_basis=c.legal_basis, nature=c.nature,
        )
        for c in criteria.values()
    ]
    return Assessment(items=items, criteria=summaries)


GAPS = Rule(
    "SUSTAINABILITY_GAPS", "sostenibilidad", "info",
    "Bienes sin criterios de sostenibilidad",
    "Las compras públicas sostenibles son voluntarias y progresivas: la entidad define metas e incorpora "
    "criterios por tipo de bien. El catálogo propone criterios para estos bienes en la ubicación que la "
    "modalidad permite (`cps draft` los redacta como anexo).",
    "Política Nacional de Producción y Consumo Sostenible (2010); Decreto 142 de 2023 (incorporación de "
    "criterios sociales y ambientales; artículo sin confirmar)",
)


def sustainability_gaps(assessment: Assessment) -> Finding | None:
    """One informative finding listing the goods without criteria that the catalog can fill."""
    missing = [i for i in assessment.items if not i.already_in_document and i.criteria]
    if not missing:
        return None
    names = ", ".join(f"{i.unspsc} {i.name or ''}".strip() for i in missing[:6]) + (" …" if len(missing) > 6 else "")
    proposed = sorted({c for i in missing for c in i.criteria})
    return make(
        GAPS,
        message=(
            f"{len(missing)} de {len(assessment.items)} bienes no tienen criterios de sostenibilidad en el "
            f"documento ({names}); el catálogo propone {len(proposed)} criterios para ellos: {', '.join(proposed)}."
        ),
        evidence=names,
        location=missing[0].evidence[0].location if missing[0].evidence else None,
    )
