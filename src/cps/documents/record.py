"""The process record (ficha del proceso) extracted from an invitation or estudios previos.

Field names follow ``CONTRACTS.md``; every extracted fact keeps where it was found
(:class:`Location`) so that findings can quote it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

MODALITY_NAMES = {
    "minima_cuantia": "Mínima cuantía",
    "seleccion_abreviada_menor_cuantia": "Selección abreviada de menor cuantía",
    "subasta_inversa": "Selección abreviada por subasta inversa",
    "licitacion_publica": "Licitación pública",
    "concurso_de_meritos": "Concurso de méritos",
    "contratacion_directa": "Contratación directa",
    "regimen_especial": "Régimen especial (estatuto propio de la entidad)",
}


class Location(BaseModel):
    """Where a fact or a finding is in the document."""

    model_config = ConfigDict(frozen=True)

    section: str | None = None  # "1.7", "2.13 I", "CAPÍTULO VII"
    page: int | None = None
    line: int | None = None  # 1-based line in the extracted text

    def describe(self) -> str:
        parts = []
        if self.section:
            parts.append(f"sección {self.section}")
        if self.page:
            parts.append(f"página {self.page}")
        if self.line and not parts:
            parts.append(f"línea {self.line}")
        return ", ".join(parts) or "documento"


class UnspscRow(BaseModel):
    """One row of the UNSPSC table, codes as written (malformed ones are reported as findings)."""

    model_config = ConfigDict(populate_by_name=True)

    segment: str | None = None
    family: str | None = None
    class_: str | None = Field(default=None, alias="class")
    product: str | None = None
    name: str | None = None
    location: Location | None = None

    @property
    def most_specific(self) -> str | None:
        return self.product or self.class_ or self.family or self.segment


class CdpLine(BaseModel):
    rubro: str | None = None
    code: str | None = None  # CPC or other line code
    source: str | None = None  # fuente de financiación
    value: int
    location: Location | None = None


class Guarantee(BaseModel):
    kind: str  # seriedad | cumplimiento | calidad | calidad_bienes | calidad_servicio | salarios | estabilidad | rce | anticipo | pago_anticipado
    percent: int | float | None = None
    base: str | None = None  # "valor del contrato", "presupuesto oficial"
    validity: str | None = None
    required: bool = True
    text: str | None = None
    location: Location | None = None


class Experience(BaseModel):
    text: str
    contracts: int | None = None  # number of contracts allowed / required
    min_value: int | None = None  # pesos
    min_value_share_of_budget: float | None = None
    min_smmlv: float | None = None
    location: Location | None = None


class RejectionCause(BaseModel):
    letter: str | None = None
    text: str
    location: Location | None = None


class AnnexRef(BaseModel):
    """An annex, format or matrix listed by the document (``listed``) or cited in its text."""

    kind: str  # anexo | formato | matriz
    number: str | None = None
    title: str | None = None
    location: Location | None = None


class ProcessRecord(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    entity: str | None = None
    entity_nit: str | None = None
    process_number: str | None = None
    modality: str | None = None  # minima_cuantia | licitacion_publica | seleccion_abreviada_menor_cuantia | subasta_inversa | concurso_de_meritos | contratacion_directa | regimen_especial
    modality_text: str | None = None
    object: str | None = None
    contract_type: str | None = None  # suministro | compraventa | obra | consultoria | interventoria | prestacion_de_servicios | arrendamiento
    budget: int | None = None
    budget_in_words: str | None = None
    cdp_number: str | None = None
    cdp_lines: list[CdpLine] = Field(default_factory=list)
    cdp_total: int | None = None
    unspsc: list[UnspscRow] = Field(default_factory=list)
    term: str | None = None
    location: str | None = None
    payment: str | None = None
    guarantees: list[Guarantee] = Field(default_factory=list)
    experience: Experience | None = None
    financial_capacity: str | None = None
    rejection_causes: list[RejectionCause] = Field(default_factory=list)
    tie_break_rule: str | None = None
    mipyme_limitation: bool | None = None
    territorial_limitation: str | None = None
    annexes: list[AnnexRef] = Field(default_factory=list)
    # where each scalar fact was read: {"budget": Location(...), ...}
    sources: dict[str, Location] = Field(default_factory=dict)
