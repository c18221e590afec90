"""Table-driven cases (tests/evaluation/cases/*.yaml) run through the `cps evaluate --json` command.

Each file holds a list of cases; each case cites the rule it exercises (`rule`), gives the parts
of the evaluation case that differ from ``cases/_defaults.yaml`` and what the result must be
(`expect`). Offers are merged over the default offer (mappings merged key by key, lists replaced;
``_drop: [key]`` removes a default key, ``_replace: [key]`` replaces a mapping instead of merging
it); a default ``bidder.name`` and ``bidder.nit`` are derived from the offer's position.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from cps.cli import main

CASES = Path(__file__).parent / "cases"
DEFAULTS = yaml.safe_load((CASES / "_defaults.yaml").read_text(encoding="utf-8"))


def merge(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        out = copy.deepcopy(base)
        for key, value in over.items():
            out[key] = merge(base[key], value) if key in base else copy.deepcopy(value)
        return out
    return copy.deepcopy(over)


def build(spec: dict[str, Any]) -> dict[str, Any]:
    process = merge(DEFAULTS["process"], spec.get("process", {}))
    for key in spec.get("drop_process_keys", []):
        process.pop(key, None)
    offers = []
    for n, given in enumerate(spec.get("offers", []), start=1):
        raw = dict(given)
        drop = raw.pop("_drop", [])
        replace = raw.pop("_replace", [])
        offer = merge(copy.deepcopy(DEFAULTS["offer"]), raw)
        for key in drop:
            offer.pop(key, None)
        for key in replace:
            offer[key] = copy.deepcopy(raw[key])
        offer["bidder"].setdefault("name", f"Proponente {offer['id']} S.A.S.")
        offer["bidder"].setdefault("nit", f"90100{n:04d}")
        offers.append(offer)
    return {"process": process, "offers": offers}


def load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        for spec in yaml.safe_load(path.read_text(encoding="utf-8")):
            assert spec.get("rule"), f"{path.name}:{spec['id']}: every case cites its rule"
            params.append(pytest.param(spec, id=f"{path.stem}:{spec['id']}"))
    return params


ALL_CASES = load_cases()


def test_there_are_at_least_thirty_cases() -> None:
    assert len(ALL_CASES) >= 30


def run(tmp_path: Path, case: dict[str, Any], capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict[str, Any] | None, str]:
    path = tmp_path / "caso.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code = main(["evaluate", str(path), "--json", *extra])
    out = capsys.readouterr()
    data = json.loads(out.out) if code == 0 else None
    return code, data, out.err


@pytest.mark.parametrize("spec", ALL_CASES)
def test_case(spec: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expect = spec["expect"]
    code, data, err = run(tmp_path, build(spec), capsys, *spec.get("args", []))
    if "error" in expect:
        assert code == 2, f"se esperaba un error de entrada; salida: {data}"
        for fragment in expect["error"]:
            assert fragment in err, f"{fragment!r} no está en el mensaje: {err}"
        assert "Traceback" not in err
        return
    assert code == 0, err
    assert data is not None
    offers = {o["id"]: o for o in data["offers"]}
    if "outcome" in expect:
        assert data["outcome"] == expect["outcome"]
    if "selected" in expect:
        assert data["selected"] == expect["selected"]
    if "desierta" in expect:
        assert data["desierta"]["causal"] == expect["desierta"]
    for oid, status in expect.get("status", {}).items():
        assert offers[oid]["status"] == status, f"{oid}: {offers[oid]['reasons']}"
    for oid, codes in expect.get("reasons", {}).items():
        found = [r["code"] for r in offers[oid]["reasons"]]
        for c in codes:
            assert c in found, f"{oid}: {c} no está en {found}"
    for oid, letters in expect.get("causal", {}).items():
        found_letters = sorted({r["causal"] for r in offers[oid]["reasons"] if r["causal"]})
        assert found_letters == sorted(letters), f"{oid}: causales {found_letters}"
    for oid, codes in expect.get("no_reasons", {}).items():
        found = [r["code"] for r in offers[oid]["reasons"]]
        for c in codes:
            assert c not in found, f"{oid}: {c} no debía estar en {found}"
    for oid, value in expect.get("corrected", {}).items():
        assert offers[oid]["corrected_total"] == value
    if "verification_order" in expect:
        assert data["verification_order"] == expect["verification_order"]
    for oid, value in expect.get("experience_total", {}).items():
        exp = offers[oid]["verification"]["experience"]
        assert (exp["total_smmlv"] if exp["basis"] == "SMMLV" else exp["total_cop"]) == value
    for oid, values in expect.get("counted_contracts", {}).items():
        contracts = offers[oid]["verification"]["experience"]["contracts"]
        assert [c["counted"] for c in contracts] == values
    if "tie" in expect:
        tie = expect["tie"]
        if tie is None:
            assert data["tie_break"] is None
        else:
            got = data["tie_break"]
            assert got is not None, "se esperaba un desempate"
            assert got["tied"] == tie["tied"]
            assert got["decided_by"] == tie["decided_by"]
            steps = {s["factor"]: s for s in got["steps"]}
            for factor, kept in tie.get("kept", {}).items():
                assert steps[int(factor)]["kept"] == kept, f"factor {factor}: {steps[int(factor)]}"
            if "applied" in tie:
                assert [s["factor"] for s in got["steps"]] == tie["applied"]
    if "random_winner" in expect:
        assert data["random_draw"]["winner"] == expect["random_winner"]
        assert data["random_draw"]["sha256"] == expect["random_sha256"]
    if expect.get("random_draw") is None and "random_winner" not in expect:
        assert data["random_draw"] is None
