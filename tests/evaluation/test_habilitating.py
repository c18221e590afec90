from __future__ import annotations

from typing import Any

from cps.evaluation import load_case
from cps.evaluation.habilitating import capacity, experience, verify


def test_example_offer_c_would_not_comply(example: dict[str, Any]) -> None:
    case = load_case(example)
    c = case.offers[2]
    checks = capacity(case, c)
    assert [(k.subject, k.age_days, k.compliant) for k in checks] == [
        ("Ferretería La Palma S.A.S.", 44, False),
        ("Inversiones Suesca Ltda.", 44, False),
    ]
    exp = experience(case, c)
    assert exp.total_cop == 40000000  # 80.000.000 × 50 % of participation
    assert not exp.meets_total
    assert exp.member_shares == {"900318224": 1, "830109877": 0}
    assert exp.meets_share is True
    codes = [r.code for r in verify(case, c).reasons]
    assert codes == ["CERTIFICATE_TOO_OLD", "CERTIFICATE_TOO_OLD", "EXPERIENCE_INSUFFICIENT"]


def test_smmlv_conversion_is_traced(example: dict[str, Any]) -> None:
    example["process"]["experience"] = {"max_contracts": 2, "min_total_smmlv": 28}
    case = load_case(example)
    exp = experience(case, case.offers[0])
    first, second = exp.contracts
    assert (first.smmlv_year, first.smmlv, first.credited_smmlv) == (2025, 1423500, 21)  # 21,43 → 21
    assert (second.smmlv_year, second.smmlv, second.credited_smmlv) == (2024, 1300000, 16)  # 16,15 → 16
    assert exp.total_smmlv == 37 and exp.meets_total
    assert "÷ SMMLV 2025 ($1.423.500) = 21,4261 → 21 SMMLV" in first.note


def test_natural_person_needs_no_certificate(example: dict[str, Any]) -> None:
    offer = example["offers"][0]
    offer["bidder"]["kind"] = "natural"
    del offer["certificate_issued"]
    case = load_case(example)
    (check,) = capacity(case, case.offers[0])
    assert check.compliant and not check.applies
