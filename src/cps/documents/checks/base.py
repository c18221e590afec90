"""What every check shares: the rule catalogue entry, the context and the finding builder."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from cps.documents.findings import Finding, Related, Severity
from cps.documents.record import Location, ProcessRecord
from cps.documents.text import DocumentText, fold


@dataclass(frozen=True)
class Rule:
    """A check's identity card (as Cardinal documents its indicators)."""

    code: str
    family: str
    severity: Severity
    title: str
    explanation: str
    norm: str


@dataclass
class Context:
    doc: DocumentText
    record: ProcessRecord
    year: int
    notes: dict[str, object] = field(default_factory=dict)

    @property
    def minima_cuantia(self) -> bool:
        return self.record.modality == "minima_cuantia"


def process_year(doc: DocumentText, record: ProcessRecord) -> int:
    """The year of the process: from its number ("MC-034-2026"), else the first year in the text."""
    if record.process_number:
        m = re.search(r"(20\d{2})\b", record.process_number)
        if m:
            return int(m.group(1))
    for line in doc.lines[:80]:
        m = re.search(r"\b(20[1-4]\d)\b", line.text)
        if m:
            return int(m.group(1))
    return dt.date.today().year


def make(
    rule: Rule,
    *,
    message: str,
    evidence: str,
    location: Location | None,
    severity: Severity | None = None,
    related: Iterable[tuple[Location | None, str]] = (),
) -> Finding:
    return Finding(
        code=rule.code,
        severity=severity or rule.severity,
        family=rule.family,
        title=rule.title,
        message=message,
        location=location,
        evidence=evidence,
        rule=rule.norm,
        related=[Related(location=loc, evidence=ev) for loc, ev in related],
    )


CheckFn = Callable[[Context], list[Finding]]


def contains(text: str, pattern: str) -> bool:
    return re.search(pattern, fold(text)) is not None
