from __future__ import annotations

from typing import Any

from ninja import Schema


class EntityOut(Schema):
    id: int
    name: str
    nit: str
    role: str


class ProcessOut(Schema):
    id: int
    entity_nit: str
    number: str
    object: str
    modality: str
    budget: int | None
    state: str
    errors: int
    warnings: int
    updated_at: str


class ProcessPage(Schema):
    count: int
    page: int
    results: list[ProcessOut]


class TaskOut(Schema):
    id: int
    kind: str
    status: str
    progress: int
    message: str
    error: str
    result: dict[str, Any]


class Accepted(Schema):
    id: int
    task: TaskOut


class ErrorOut(Schema):
    detail: str
