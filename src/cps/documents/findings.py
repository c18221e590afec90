"""Findings: what is wrong (or worth a look) in a document, with evidence and the rule applied."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from cps.documents.record import Location

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_LABELS = {"error": "Errores", "warning": "Advertencias", "info": "Información"}


class Related(BaseModel):
    """Another place in the document that the finding compares against."""

    location: Location | None = None
    evidence: str


class Finding(BaseModel):
    code: str
    severity: Severity
    family: str
    title: str
    message: str
    location: Location | None = None
    evidence: str
    rule: str
    related: list[Related] = Field(default_factory=list)
