"""The document review: read → extract the process record → run the checks → sustainability gaps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from cps.catalog import Catalog
from cps.documents.checks import Context, process_year, run_checks
from cps.documents.extract import extract_record
from cps.documents.findings import Finding
from cps.documents.readers import read_document
from cps.documents.record import ProcessRecord
from cps.documents.sustainability import CriterionSummary, SustainabilityItem, assess, sustainability_gaps
from cps.documents.text import DocumentText


class Review(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    file: str
    format: str
    pages: int | None
    year: int
    process: ProcessRecord
    findings: list[Finding]
    sustainability: list[SustainabilityItem]
    criteria: list[CriterionSummary] = Field(default_factory=list)
    document: DocumentText | None = Field(default=None, exclude=True)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def to_json(self) -> dict[str, Any]:
        """The JSON of ``cps review --json`` (CONTRACTS.md); extra keys are allowed."""
        process = self.process.model_dump(mode="json", by_alias=True, exclude={"sources"}, exclude_none=False)
        process["guarantees"] = [g for g in process["guarantees"] if g["required"]]
        process["guarantees_not_required"] = [
            g.model_dump(mode="json") for g in self.process.guarantees if not g.required
        ]
        process["sources"] = {k: v.model_dump(mode="json") for k, v in self.process.sources.items()}
        return {
            "file": self.file,
            "format": self.format,
            "pages": self.pages,
            "year": self.year,
            "summary": self.counts(),
            "process": process,
            "findings": [f.model_dump(mode="json") for f in self.findings],
            "sustainability": [s.model_dump(mode="json") for s in self.sustainability],
            "criteria": [c.model_dump(mode="json") for c in self.criteria],
        }


def review_document(doc: DocumentText, catalog: Catalog | None = None) -> Review:
    """Review a document read by :func:`read_document`; ``catalog`` is the criteria catalog to look for
    sustainability gaps with (default: the package's, plus ``CPS_CATALOG_EXTRA``; the web app passes
    the entity's, with its own criteria)."""
    record = extract_record(doc)
    year = process_year(doc, record)
    findings = run_checks(Context(doc=doc, record=record, year=year))
    assessment = assess(doc, record, catalog)
    gaps = sustainability_gaps(assessment)
    if gaps is not None:
        findings.append(gaps)
    return Review(
        file=doc.path,
        format=doc.format,
        pages=doc.pages,
        year=year,
        process=record,
        findings=findings,
        sustainability=assessment.items,
        criteria=assessment.criteria,
        document=doc,
    )


def review_path(path: str | Path, catalog: Catalog | None = None) -> Review:
    """Review the invitation or estudios previos at ``path`` (.pdf, .docx, .txt, .md)."""
    return review_document(read_document(path), catalog)
