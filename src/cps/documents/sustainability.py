"""Sustainability gaps: for each good of the UNSPSC table, whether the document already contains
environmental or social criteria for it, with the evidence found."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from cps.documents.record import Location, ProcessRecord, UnspscRow
from cps.documents.search import search
from cps.documents.text import DocumentText, fold

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


def assess(doc: DocumentText, record: ProcessRecord) -> list[SustainabilityItem]:
    """Per UNSPSC row: environmental/social wording that mentions the good (or applies to all goods)."""
    evidence = document_evidence(doc)
    items: list[SustainabilityItem] = []
    for row in record.unspsc:
        words = _name_words(row)
        own = [
            e for e in evidence
            if not words or any(w in fold(e.text) for w in words)
        ]
        items.append(
            SustainabilityItem(
                unspsc=row.product or row.most_specific,
                name=row.name,
                already_in_document=bool(own),
                evidence=own[:5],
            )
        )
    return items
