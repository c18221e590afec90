"""Small cases for the life-cycle-cost tests, built from mappings through the real reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cps.lcc import Case, load_case

EXAMPLE = Path(__file__).parent.parent / "fixtures" / "examples" / "lcc" / "aceite-motor-volquetas.yaml"


def make_case(*alternatives: dict[str, Any], horizon: int = 5, rate: Any = 0.06, carbon: Any = 0) -> Case:
    data: dict[str, Any] = {"name": "prueba", "horizon_years": horizon, "discount_rate": rate,
                            "alternatives": list(alternatives)}
    if carbon is not None:
        data["carbon_price"] = carbon
    return load_case(data)
