"""Acceptance on our own invitations (tests/fixtures/invitations): three seeded with defects of every
family and one clean, each in text or Markdown, Word and PDF. The manifests (X.expected.yaml) say
what the record must contain, which defects must be found (code, section, quoted evidence,
severity), and which look-alikes must not be reported."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from cps.documents.review import Review, review_path
from cps.textnorm import fold
from tests.conftest import FIXTURES

# four corpora: the first written while the review was built, the others written blind (by someone
# who had not seen the review's rules) to measure how it generalises
MANIFESTS = sorted(p for folder in ("invitations", "invitations2", "invitations3", "invitations4", "invitations5", "invitations6", "invitations7") for p in (FIXTURES / folder).glob("*.expected.yaml"))


def _manifest(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


CASES = [(m, m.parent / f) for m in MANIFESTS for f in _manifest(m)["document"]["files"]]
IDS = [f.name for _, f in CASES]


@cache
def _review(path: Path) -> Review:
    return review_path(path)


def _norm(text: str) -> str:
    return " ".join(fold(text).split())


@pytest.mark.parametrize(("manifest", "name"), CASES, ids=IDS)
def test_record(manifest: Path, name: Path) -> None:
    expected = _manifest(manifest)["record"]
    p = _review(name).process
    checks = {
        "process_number": p.process_number == expected["process_number"],
        "entity": bool(p.entity and _norm(expected["entity_contains"]) in _norm(p.entity)),
        "entity_nit": p.entity_nit == expected["entity_nit"],
        "modality": p.modality == expected["modality"],
        "budget": p.budget == expected["budget"],
        "cdp_total": p.cdp_total == expected["cdp_total"],
        "cdp_lines": "cdp_lines" not in expected or [line.value for line in p.cdp_lines] == expected["cdp_lines"],
        "unspsc_rows": len(p.unspsc) == expected["unspsc_rows"],
        "unspsc_products": [row.product for row in p.unspsc] == expected["unspsc_products"],
        "guarantees": {(g.kind, g.percent) for g in p.guarantees if g.required}
        == {(_kind(g["kind"]), g["percent"]) for g in expected["guarantees"]},
        "guarantees_not_required": {g.kind for g in p.guarantees if not g.required}
        == {_kind(k) for k in expected.get("guarantees_not_required", [])},
        "term": bool(p.term and _norm(expected["term"]) in _norm(p.term)),
        "location": bool(p.location and _norm(expected["location"]) in _norm(p.location)),
        "territorial_limitation": not expected.get("territorial_limitation")
        or bool(p.territorial_limitation and _norm(expected["territorial_limitation"]) in _norm(p.territorial_limitation)),
    }
    wrong = [field for field, ok in checks.items() if not ok and not _known_gap(manifest, name, field)]
    closed = [field for field, ok in checks.items() if ok and _known_gap(manifest, name, field)]
    assert not wrong, f"campos mal leídos: {wrong}"
    assert not closed, f"brecha conocida cerrada, quítela de known_gaps: {closed}"


def _known_gaps(manifest: Path) -> list[dict]:
    """What the review cannot do yet on a file of a corpus, written down with the reason: in the
    manifest's ``known_gaps`` or in the corpus's ``known_gaps.yaml`` (a record ``field``, or a seeded
    finding by ``code`` and ``section``). A gap that closes fails the test, so the list stays true."""
    extra = manifest.parent / "known_gaps.yaml"
    listed = yaml.safe_load(extra.read_text(encoding="utf-8")) if extra.exists() else []
    return [*_manifest(manifest).get("known_gaps", []), *(listed or [])]


def _known_gap(manifest: Path, name: Path, field: str) -> bool:
    return any(g["file"] == name.name and g.get("field") == field for g in _known_gaps(manifest))


def _known_missing(manifest: Path, name: Path, item: dict) -> bool:
    return any(
        g["file"] == name.name and g.get("code") == item["code"] and str(g.get("section")) == str(item.get("section"))
        for g in _known_gaps(manifest)
    )


# the manifests name an amparo in words ("calidad_bienes", "responsabilidad_civil_extracontractual");
# the review by its kind
KIND_ALIASES = {"responsabilidad": "rce", "buen": "anticipo", "devolucion": "pago_anticipado"}


def _kind(name: str) -> str:
    first = name.split("_")[0]
    return KIND_ALIASES.get(first, first)


def _matches(finding, item: dict) -> bool:
    sections = [item.get("section"), *item.get("other_sections", [])]
    section = finding.location.section if finding.location else None
    if section is not None:
        section = section.rstrip(".")
    quoted = [finding.evidence] + [r.evidence for r in finding.related]
    evidence = item.get("evidence")
    details = item.get("detail") or []
    return (
        all(_norm(str(d)) in _norm(finding.message) for d in details)
        and finding.code == item["code"]
        # a defect on the cover or page header (section null) may also be quoted from the body
        and (section in sections or item.get("section") is None)
        and (evidence is None or any(_norm(str(evidence)) in _norm(q) for q in quoted))
    )


@pytest.mark.parametrize(("manifest", "name"), CASES, ids=IDS)
def test_seeded_defects_are_found(manifest: Path, name: Path) -> None:
    review = _review(name)
    missing = []
    for item in _manifest(manifest)["findings"]:
        found = [f for f in review.findings if _matches(f, item)]
        if _known_missing(manifest, name, item):
            if found:
                missing.append(f"brecha conocida cerrada, quítela de known_gaps: {item['code']} en {item.get('section')}")
            continue
        if not found:
            missing.append(f"{item['code']} en {item.get('section')}: «{item.get('evidence')}»")
        elif found[0].severity != item["severity"]:
            missing.append(f"{item['code']} en {item.get('section')}: severidad {found[0].severity}, se esperaba {item['severity']}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(("manifest", "name"), CASES, ids=IDS)
def test_no_false_alarms(manifest: Path, name: Path) -> None:
    data = _manifest(manifest)
    review = _review(name)
    expected = data["findings"]
    wrong = []
    for f in review.findings:
        if f.severity == "info":
            continue
        if not any(_matches(f, item) or (f.code == item["code"] and _same_place(f, item)) for item in expected):
            where = f.location.section if f.location else None
            wrong.append(f"{f.code} ({f.severity}) en {where}: «{f.evidence[:120]}»")
    for trap in data.get("not_defects", []):
        for f in review.findings:
            # a trap is about defects; an information finding (e.g. the ceilings that apply) is not one
            if f.severity != "info" and f.code in trap["must_not"] and any(_norm(trap["evidence"]) in _norm(q) for q in [f.evidence, *[r.evidence for r in f.related]]):
                wrong.append(f"{f.code} sobre «{trap['evidence']}» ({trap['what']})")
    assert not wrong, "\n".join(wrong)


def _same_place(finding, item: dict) -> bool:
    section = finding.location.section.rstrip(".") if finding.location and finding.location.section else None
    return section in [item.get("section"), *item.get("other_sections", [])]
