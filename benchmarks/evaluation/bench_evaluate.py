"""Benchmark: evaluate 200 offers × 500 items (target: under 1 s).

Run from the repository root::

    .venv/bin/python benchmarks/evaluation/bench_evaluate.py [--offers 200] [--items 500] [--repeat 5]

It writes a deterministic case (fixed random seed) to a temporary YAML file and measures, best
of ``--repeat`` runs: reading and validating the YAML (``load_case``), the evaluation itself
(``evaluate``), building the JSON object, and the whole command ``cps evaluate --json`` in a
fresh process (Python start-up included), for the case written in YAML and in JSON. See README.md in this folder for the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from cps.evaluation import evaluate, load_case, to_dict


def build_case(n_offers: int, n_items: int, seed: int = 20260724) -> dict[str, Any]:
    rng = random.Random(seed)
    items = [
        {"id": i, "description": f"Repuesto {i}", "unit": "unidad", "quantity": rng.randint(1, 40),
         "max_unit_price": rng.randint(20, 400) * 1000}
        for i in range(1, n_items + 1)
    ]
    budget = sum(it["quantity"] * it["max_unit_price"] for it in items)
    offers = []
    base_prices = {it["id"]: int(it["max_unit_price"] * rng.uniform(0.80, 0.97)) for it in items}
    for n in range(1, n_offers + 1):
        # a handful of offers share the lowest prices to force a tie among compliant offers
        factor = 1.0 if n <= 4 else rng.uniform(1.0, 1.03)
        prices = {i: min(int(p * factor), items[i - 1]["max_unit_price"]) for i, p in base_prices.items()}
        total = sum(items[i - 1]["quantity"] * p for i, p in prices.items())
        declared = total if n % 17 else int(total * 0.98)  # every 17th offer is off by 2 % → rejected
        plural = n % 5 == 0
        bidder: dict[str, Any] = {"name": f"Proponente {n}", "nit": f"{900000000 + n}", "kind": "juridica",
                                  "mipyme": True, "department": "Cundinamarca"}
        experience: list[dict[str, Any]] = [
            {"description": "Suministro", "value": budget // 2 + 1, "end": "2025-06-30", "participation": 1.0},
            {"description": "Suministro", "value": budget // 2 + 1, "end": "2024-06-30", "participation": 1.0},
        ]
        if plural:
            bidder["kind"] = "consorcio"
            bidder["members"] = [
                {"name": f"Integrante {n}-1", "nit": f"{800000000 + 2 * n}", "participation": 0.6},
                {"name": f"Integrante {n}-2", "nit": f"{800000001 + 2 * n}", "participation": 0.4},
            ]
            for e, member in zip(experience, bidder["members"], strict=True):
                e["member"] = member["nit"]
        offers.append({
            "id": f"O{n:03d}",
            "submitted_at": f"2026-07-2{n % 3 + 1}T{8 + n % 9:02d}:00:00-05:00",
            "bidder": bidder,
            "declared_total": declared,
            "economic_form_signed": True,
            "unit_prices": prices,
            "certificate_issued": "2026-07-01" if n != 1 else "2026-05-01",  # the first tied offer is not compliant
            "experience": experience,
            "tie_break": {"national": True, "mipyme": True},
            "flags": [],
        })
    return {
        "process": {
            "number": "BENCH-001-2026", "entity": "Municipio de Prueba", "entity_nit": "899999331-2",
            "modality": "minima_cuantia", "closing": "2026-07-24T10:00:00-05:00", "official_budget": budget,
            "mipyme_limited": True, "territorial_limitation": ["Cundinamarca"],
            "seriousness_guarantee_required": False, "certificate_max_age_days": 30,
            "experience": {"max_contracts": 2, "min_total_value": budget, "min_share_one_member": 0.5},
            "random_method_seed": "BENCH-001-2026/sorteo", "items": items,
        },
        "offers": offers,
    }


def best_of(repeat: int, fn: Any) -> tuple[float, Any]:
    best = float("inf")
    value = None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best, value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=200)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = build_case(args.offers, args.items)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        json_path = Path(tmp) / "bench.json"
        json_path.write_text(json.dumps(data), encoding="utf-8")
        size = path.stat().st_size
        t_load, case = best_of(args.repeat, lambda: load_case(path))
        t_load_json, case_json = best_of(args.repeat, lambda: load_case(json_path))
        assert case_json == case
        t_eval, result = best_of(args.repeat, lambda: evaluate(case))
        t_json, _ = best_of(args.repeat, lambda: json.dumps(to_dict(result), ensure_ascii=False))
        cli_runs = max(1, args.repeat // 2)
        cmd = [sys.executable, "-m", "cps", "evaluate", str(path), "--json"]
        t_cli, done = best_of(cli_runs, lambda: subprocess.run(cmd, capture_output=True, check=True))
        cmd_json = [sys.executable, "-m", "cps", "evaluate", str(json_path), "--json"]
        t_cli_json, done_json = best_of(cli_runs, lambda: subprocess.run(cmd_json, capture_output=True, check=True))
        assert done.stdout == done_json.stdout
    statuses: dict[str, int] = {}
    for o in result.offers:
        statuses[o.status] = statuses.get(o.status, 0) + 1
    print(f"caso: {args.offers} ofertas × {args.items} ítems ({args.offers * args.items} precios), YAML {size / 1e6:.1f} MB")
    print(f"resultado: {result.outcome}, seleccionada {result.selected}, desempate "
          f"{'factor ' + str(result.tie_break.decided_by) if result.tie_break else 'no'}; estados {statuses}")
    print(f"load_case YAML (lectura + validación): {t_load:.3f} s")
    print(f"load_case JSON (lectura + validación): {t_load_json:.3f} s")
    print(f"evaluate:                              {t_eval:.3f} s   (meta: < 1 s)")
    print(f"to_dict + json.dumps:                  {t_json:.3f} s")
    print(f"cps evaluate caso.yaml --json:         {t_cli:.3f} s (proceso completo)")
    print(f"cps evaluate caso.json --json:         {t_cli_json:.3f} s (proceso completo)")
    return 0 if t_eval < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
