"""The checks, one module per family; each exposes ``RULES`` (its documented rules) and ``CHECKS``."""

from __future__ import annotations

from cps.documents.checks import (
    arithmetic,
    completeness,
    consistency,
    identifiers,
    modality,
    object_coherence,
    references,
)
from cps.documents.checks.base import CheckFn, Context, Rule, process_year
from cps.documents.findings import SEVERITY_ORDER, Finding

MODULES = [arithmetic, identifiers, consistency, references, modality, object_coherence, completeness]


def all_rules() -> list[Rule]:
    return [rule for module in MODULES for rule in module.RULES]


def all_checks() -> list[CheckFn]:
    return [check for module in MODULES for check in module.CHECKS]


def run_checks(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for check in all_checks():
        findings.extend(check(ctx))
    return sorted(
        findings,
        key=lambda f: (
            SEVERITY_ORDER[f.severity],
            f.location.page if f.location and f.location.page else 10**6,
            f.location.line if f.location and f.location.line else 10**6,
            f.code,
        ),
    )


__all__ = ["Context", "all_rules", "process_year", "run_checks"]
