"""Extraction of the process record: one module per group of facts."""

from __future__ import annotations

from cps.documents.extract.amounts import extract_budget
from cps.documents.extract.cdp import extract_cdp
from cps.documents.extract.conditions import extract_conditions
from cps.documents.extract.guarantees import extract_guarantees
from cps.documents.extract.identity import extract_identity
from cps.documents.extract.lists import extract_annexes, extract_rejection_causes
from cps.documents.extract.mipyme import extract_mipyme_and_tiebreak
from cps.documents.extract.unspsc_table import extract_unspsc
from cps.documents.record import ProcessRecord
from cps.documents.text import DocumentText


def extract_record(doc: DocumentText) -> ProcessRecord:
    record = ProcessRecord()
    extract_identity(doc, record)
    extract_budget(doc, record)
    extract_cdp(doc, record)
    extract_unspsc(doc, record)
    extract_conditions(doc, record)
    extract_guarantees(doc, record)
    extract_rejection_causes(doc, record)
    extract_mipyme_and_tiebreak(doc, record)
    extract_annexes(doc, record)
    return record
