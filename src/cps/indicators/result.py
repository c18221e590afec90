"""The result of ``cps indicators``: one pydantic model shared by the CLI, the reports and the web app.

:meth:`Result.to_json` gives the object of CONTRACTS.md (``entity_nit``, ``years`` with exactly the
contract's keys, ``skipped_values``) plus extra top-level keys with the rest of the analysis.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

Status = Literal["cumplida", "no_cumplida", "parcial", "sin_procesos", "sin_meta"]


class PriorityCount(BaseModel):
    total: int
    with_criteria: int


class YearIndicators(BaseModel):
    """A year exactly as CONTRACTS.md defines it."""

    year: int
    processes_total: int
    processes_with_criteria: int
    value_total: int
    value_with_criteria: int
    share_processes: float | None
    share_value: float | None
    target_share_processes: float | None
    target_share_value: float | None
    by_priority_class: dict[str, PriorityCount]


class Progress(BaseModel):
    """Progress of one year against its target; gaps are target minus achieved share (≥ 0)."""

    year: int
    status: Status
    share_processes: float | None
    target_share_processes: float | None
    met_processes: bool | None
    gap_processes: float | None
    processes_needed: int | None  # more processes with criteria needed to reach the target
    share_value: float | None
    target_share_value: float | None
    met_value: bool | None
    gap_value: float | None
    value_needed: int | None  # more pesos with criteria needed to reach the target


class CriteriaSources(BaseModel):
    year: int
    from_secop: int  # processes with an environmental or post-consumption obligation in SECOP II
    only_from_register: int  # processes with criteria only because the entity's register marks them
    from_both: int


class GroupRow(BaseModel):
    """Indicators of one year for a group (a priority class or a modality)."""

    year: int
    key: str
    label: str
    processes_total: int
    processes_with_criteria: int
    value_total: int
    value_with_criteria: int
    share_processes: float | None
    share_value: float | None


class ProcessRef(BaseModel):
    year: int | None
    id_del_proceso: str
    id_del_portafolio: str | None
    referencia_del_proceso: str | None
    nombre_del_procedimiento: str | None
    priority_class: str | None
    modality: str
    value: int | None
    url: str | None


class RegisterSummary(BaseModel):
    path: str
    entries: int  # non-empty ids in the file
    distinct: int
    matched: int  # ids that are counted processes of the entity
    only_from_register: int  # of those, processes without SECOP II criteria
    only_from_register_ids: list[str]
    excluded: list[str]  # ids of processes of the entity that are not counted (cancelled, no date)
    not_found: list[str]  # ids not found among the entity's processes


class Reason(BaseModel):
    code: str
    label: str
    count: int
    examples: list[str] = []


class FileQuality(BaseModel):
    path: str
    dataset: str
    format: str
    rows: int
    columns_found: list[str]
    unknown_columns: list[str]
    reasons: list[Reason]
    warnings: list[str]


class DataQuality(BaseModel):
    procesos: FileQuality
    contratos: FileQuality
    unmatched_modalities: list[str]


class Result(BaseModel):
    entity_nit: str
    entity: str
    generated_on: str
    years: list[YearIndicators]
    skipped_values: list[str]
    progress: list[Progress]
    criteria_sources: list[CriteriaSources]
    by_priority_class_detail: list[GroupRow]
    by_modality: list[GroupRow]
    priority_without_criteria: list[ProcessRef]
    priority_classes: list[str]
    entity_register: RegisterSummary | None
    data_quality: DataQuality
    plan_warnings: list[str]
    notes: list[str]

    def year(self, year: int) -> YearIndicators | None:
        return next((y for y in self.years if y.year == year), None)

    def to_json(self) -> dict[str, Any]:
        """The CONTRACTS.md object (required keys first) with the extra keys after them."""
        data = self.model_dump(mode="json")
        ordered = {key: data.pop(key) for key in ("entity_nit", "years", "skipped_values")}
        ordered.update(data)
        return ordered
