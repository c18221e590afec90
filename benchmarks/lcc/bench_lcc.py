"""Time of `cps lcc` on the shipped example and on a large synthetic case.

Run: .venv/bin/python benchmarks/lcc/bench_lcc.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from cps.lcc import compute, load_case, render_chart, sensitivity

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "fixtures" / "examples" / "lcc" / "aceite-motor-volquetas.yaml"


def large_case() -> dict[str, object]:
    """10 alternatives × 10 annual lines × 3 one-offs, 100-year horizon."""
    alternatives = []
    for a in range(10):
        alternatives.append({
            "name": f"Alternativa {a + 1}",
            "acquisition": 1_000_000 * (a + 1),
            "annual": [{"concept": f"línea {j}", "amount": 100_000 * (j + 1) + 7_919 * a,
                        "escalation": 0.001 * (j + a)} for j in range(10)],
            "one_off": [{"year": y, "concept": f"reposición {y}", "amount": 500_000} for y in (10, 50, 90)],
            "residual_value": 10_000 * a,
            "annual_emissions_tco2e": 1 + a / 10,
        })
    return {"name": "grande", "horizon_years": 100, "discount_rate": 0.05, "carbon_price": 29070.49,
            "alternatives": alternatives}


def timed(label: str, fn: Callable[[], object], repeat: int = 5) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    print(f"{label:<45} mediana {statistics.median(times) * 1000:8.1f} ms  (mín. {min(times) * 1000:.1f})")


def main() -> None:
    example = load_case(EXAMPLE)
    big = load_case(large_case())
    timed("ejemplo: load_case", lambda: load_case(EXAMPLE))
    timed("ejemplo: compute", lambda: compute(example))
    timed("ejemplo: sensitivity (con tasa de equilibrio)", lambda: sensitivity(example))
    timed("grande (10×10 líneas, 100 años): compute", lambda: compute(big))
    timed("grande: sensitivity", lambda: sensitivity(big), repeat=3)
    with tempfile.TemporaryDirectory() as folder:
        result, sens = compute(example), sensitivity(example)
        timed("ejemplo: render_chart PNG", lambda: render_chart(result, sens, Path(folder) / "g.png"), repeat=3)
        timed("ejemplo: render_chart SVG", lambda: render_chart(result, sens, Path(folder) / "g.svg"), repeat=3)


if __name__ == "__main__":
    main()
